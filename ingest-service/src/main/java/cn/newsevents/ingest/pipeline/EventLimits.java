package cn.newsevents.ingest.pipeline;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Bounds on what one article may produce ({@code ingest.events.*}), so that no article yields a row the database
 * or a record the broker refuses, nor holds the memory of a whole batch.
 *
 * @param maxEventsPerArticle      events kept per article (seminars first, then company events)
 * @param maxParticipants          participants kept per seminar, in text order
 * @param maxTextChars             characters kept of an event's free text (focus, names, evidence)
 * @param maxParticipantTextChars  characters kept of each text field of a participant
 * @param maxEventBytes            UTF-8 bytes of one event's JSON; must stay below the event topics'
 *                                 {@code max.message.bytes} (1 MiB by default)
 */
@ConfigurationProperties("ingest.events")
public record EventLimits(int maxEventsPerArticle, int maxParticipants, int maxTextChars,
                          int maxParticipantTextChars, int maxEventBytes) {
}
