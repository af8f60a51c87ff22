package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.SeminarEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SpanChecks}: whether a span cut out of a clause can be a company's name, and the trimming of its edges. */
class SpanChecksTest {
    private static final CompanyLexicon LEX = CompanyLexicon.get();
    private static final KeywordScanner KEYWORDS = new KeywordScanner(LEX.keywords.keySet());

    /** The checks of an article whose one seminar had 甄某某 of 华岳精工 taking part. */
    private static SpanChecks checks() {
        SeminarEvent seminar = new SeminarEvent("s-1", "a-1", null, null, null, "民营企业座谈会", null, null, null, null,
                List.of(new Participant("甄某某", "董事长", "华岳精工有限公司", null)), null, 0.9, "test");
        return new SpanChecks(LEX, new CompanyNames(LEX), KEYWORDS, List.of(seminar));
    }

    @Test
    void aRankBeforeANameIsDroppedWhenANameIsLeft() {
        assertEquals("云擎智能", SpanChecks.withoutRank("排名第二的云擎智能"));
        assertEquals("云擎智能", SpanChecks.withoutRank("位居第三的云擎智能"));
        // Nothing would be left of "第二的": it stays as written.
        assertEquals("第二的", SpanChecks.withoutRank("第二的"));
        assertEquals("云擎智能", SpanChecks.withoutRank("云擎智能"));
    }

    @Test
    void aTimeAfterANameIsDropped() {
        assertEquals("华岳精工", SpanChecks.withoutTrailingTime("华岳精工昨（5）日"));
        assertEquals("华岳精工", SpanChecks.withoutTrailingTime("华岳精工10月28日晚间"));
        assertEquals("华岳精工", SpanChecks.withoutTrailingTime("华岳精工一季度"));
        assertEquals("华岳精工", SpanChecks.withoutTrailingTime("华岳精工"));
    }

    @Test
    void anAdverbAfterANameIsDroppedButNotAShortName() {
        SpanChecks checks = checks();
        assertEquals("云擎智能", checks.withoutTrailingAdverb("云擎智能同步"));
        assertEquals("云擎智能", checks.withoutTrailingAdverb("云擎智能亦"));
        // Asked again: the cached answer is the same.
        assertEquals("云擎智能", checks.withoutTrailingAdverb("云擎智能亦"));
        // One character would be left: the span is kept.
        assertEquals("甲亦", checks.withoutTrailingAdverb("甲亦"));
    }

    @Test
    void participantsArePeopleAndTheirCompaniesBusinesses() {
        SpanChecks checks = checks();
        assertTrue(checks.isParticipant("甄某某"));
        assertTrue(checks.isPersonName("甄某某"));
        assertFalse(checks.isParticipant("华岳精工"));
        assertFalse(checks.isPersonName("华岳精工"));
        // 司徒某某: a compound surname and a given name.
        assertTrue(checks.isPersonName("司徒明远"));
        assertTrue(checks.isBusiness("华岳精工有限公司"));
        assertFalse(checks.isBusiness("某某区人民政府"));
    }

    @Test
    void groupsOfCompaniesAndMetricWordsAreNoName() {
        SpanChecks checks = checks();
        assertTrue(checks.hasAggregate("甲、乙"));
        assertTrue(checks.hasAggregate("全市企业"));
        assertTrue(checks.hasAggregate("三家企业"));
        assertFalse(checks.hasAggregate("云擎智能"));
        assertTrue(checks.startsWithKeyword("净利润继续"));
        assertFalse(checks.startsWithKeyword("云擎智能净利润"));
        assertTrue(checks.hasStopWord("云擎智能已"));
        assertFalse(checks.hasStopWord("云擎智能"));
    }

    @Test
    void aNameOpensAClauseButNotABusinessOrAPeriod() {
        SpanChecks checks = checks();
        assertTrue(checks.opensAsName("云擎智能"));
        assertFalse(checks.opensAsName("模组事业"));
        assertFalse(checks.opensAsName("同期"));
        assertFalse(checks.opensAsName("甄某某"));
        assertTrue(checks.standsAlone("云擎智能"));
        assertFalse(checks.standsAlone("公司"));
    }

    @Test
    void aNameAfterItsHeadWord() {
        SpanChecks checks = checks();
        assertEquals("云擎食品", checks.afterHeadWord("区域乳企云擎食品"));
        // Less than two characters after the head word: the span is kept.
        assertEquals("区域乳企甲", checks.afterHeadWord("区域乳企甲"));
        assertTrue(checks.opensWithSuffix("云擎有限公司", 2));
        assertFalse(checks.opensWithSuffix("云擎有限公司", 0));
    }

    @Test
    void aRegionIsAPlace() {
        SpanChecks checks = checks();
        assertTrue(checks.isPlace("华南"));
        assertFalse(checks.isPlace("云擎智能"));
        assertTrue(SpanChecks.hasAny("某某（0700）", "（("));
        assertFalse(SpanChecks.hasAny("某某", "（("));
    }
}
