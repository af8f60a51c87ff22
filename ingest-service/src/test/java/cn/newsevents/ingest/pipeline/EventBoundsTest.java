package cn.newsevents.ingest.pipeline;

import cn.newsevents.contract.event.ArticleInfo;
import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.CompanyEventKind;
import cn.newsevents.contract.event.Evidence;
import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.Period;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.contract.event.Unit;
import cn.newsevents.contract.messaging.Json;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounds on one article's events, without a broker or a database. */
class EventBoundsTest {
    private static final EventLimits LIMITS = new EventLimits(500, 200, 2000, 300, 262_144);

    private static SeminarEvent seminar(String id, List<Participant> people, String evidence, double confidence) {
        return new SeminarEvent(id, "a", LocalDate.of(2024, 4, 9), null, "常州", "座谈会", null, null, null, "主题",
                people, new Evidence(10, 10 + evidence.length(), evidence), confidence, "v");
    }

    @Test
    void manyLongParticipantsAreCutToTheBoundsAndThePayloadFits() {
        List<Participant> people = new ArrayList<>();
        for (int i = 0; i < 41_675; i++) {
            people.add(new Participant("人" + i, "董事长", "某某有限公司", "就产业升级提出".repeat(100)));
        }
        String evidence = "证".repeat(10_000);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ExtractionResult bounded = new EventBounds(LIMITS, meters).apply(new ExtractionResult(
                new ArticleInfo("a", null, "t", null, null, "simplified", 1), List.of(seminar("s", people, evidence,
                0.9)), List.of()));
        SeminarEvent s = bounded.seminars().get(0);
        assertTrue(s.participants().size() <= 200);
        assertTrue(s.participants().stream().allMatch(p -> p.raised().length() <= 300));
        assertTrue(Json.string(s).getBytes(StandardCharsets.UTF_8).length <= LIMITS.maxEventBytes());
        // The evidence keeps its start and still indexes the article.
        assertEquals(10, s.evidence().start());
        assertEquals(s.evidence().end() - s.evidence().start(), s.evidence().text().length());
        assertEquals(2000, s.evidence().text().length());
        assertEquals(1.0, meters.counter("ingest.events.trimmed").count());
    }

    @Test
    void eventsPerArticleAreCutSeminarsFirstAndConfidencesRounded() {
        List<SeminarEvent> seminars = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            seminars.add(seminar("s" + i, List.of(), "证据", 0.85 + 0.1));
        }
        List<CompanyEvent> companies = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            companies.add(new CompanyEvent("c" + i, "a", CompanyEventKind.METRIC, "甲公司", Metric.REVENUE, Period.parse("2023"),
                    BigDecimal.TEN, Unit.CNY, null, null, null, null, null, new Evidence(0, 2, "证据"), 0.7 - 0.1, "v"));
        }
        ExtractionResult bounded = new EventBounds(LIMITS, new SimpleMeterRegistry())
                .apply(new ExtractionResult(null, seminars, companies));
        assertEquals(400, bounded.seminars().size());
        assertEquals(100, bounded.companyEvents().size());
        assertEquals(0.95, bounded.seminars().get(0).confidence());
        assertEquals("0.95", Double.toString(bounded.seminars().get(0).confidence()));
        assertEquals(0.6, bounded.companyEvents().get(0).confidence());
    }
}
