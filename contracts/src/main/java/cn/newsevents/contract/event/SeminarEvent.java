package cn.newsevents.contract.event;

import java.time.LocalDate;
import java.util.List;

/**
 * One reported meeting of the 座谈会/专题会/研讨会 kind. Field names are those of the evaluation format;
 * {@code id} is deterministic (same article and same meeting give the same id). {@code timeOfDay} is one of
 * "morning", "afternoon", "evening" or null; {@code sequence} is 1 for 首场/第一场, 2 for 第二场, else null.
 */
public record SeminarEvent(String id, String articleId, LocalDate date, String timeOfDay, String city,
                           String name, String series, Integer sequence, Person host, String focus,
                           List<Participant> participants, Evidence evidence, double confidence,
                           String extractorVersion) {
}
