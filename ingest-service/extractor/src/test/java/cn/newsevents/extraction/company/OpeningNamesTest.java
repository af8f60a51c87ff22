package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.extraction.normalize.Periods;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link OpeningNames}: the company a clause names at its opening, or a sentence at its close. */
class OpeningNamesTest {
    private static final CompanyLexicon LEX = CompanyLexicon.get();
    private static final CompanyNames NAMES = new CompanyNames(LEX);
    private static final KeywordScanner KEYWORDS = new KeywordScanner(LEX.keywords.keySet());
    private static final KeywordScanner TOPIC_VERBS = new KeywordScanner(LEX.topicVerbs);
    /** A seminar where 甄某某 of 华岳精工有限公司 spoke. */
    private static final List<SeminarEvent> SEMINARS = List.of(new SeminarEvent("s-1", "a-1", null, null, null,
            "民营企业座谈会", null, null, null, null,
            List.of(new Participant("甄某某", "董事长", "华岳精工有限公司", null)), null, 0.9, "test"));

    /** The stage for an article whose simplified text is {@code text}. */
    private static OpeningNames openings(String text) {
        ArticleCompanies companies = new ArticleCompanies(LEX, NAMES, text, 0, SEMINARS);
        return new OpeningNames(LEX, NAMES, KEYWORDS, text, companies, SEMINARS,
                new SpanChecks(LEX, NAMES, KEYWORDS, SEMINARS), TOPIC_VERBS);
    }

    @Test
    void aNameBeforeAVerbOfAnnouncing() {
        OpeningNames openings = openings("");
        assertEquals("云擎智能", openings.namedBeforeTopicVerb("云擎智能发布2023年年报"));
        // Its stock code and the day it published, between the name and the verb.
        assertEquals("云擎智能", openings.namedBeforeTopicVerb("云擎智能（688702）昨（5）日公布10月营收"));
        // The company's post opens the clause, or the company in focus is referred back to: no name.
        assertNull(openings.namedBeforeTopicVerb("行政总裁甄某某表示"));
        assertNull(openings.namedBeforeTopicVerb("公司董事会秘书甄某某透露"));
        // No verb of announcing and no stock code.
        assertNull(openings.namedBeforeTopicVerb("云擎智能营收增长"));
        assertNull(openings.namedBeforeTopicVerb(null));
    }

    @Test
    void aParticipantSpeaksForHisCompany() {
        OpeningNames openings = openings("甄某某在会上透露，集团全年营收增长两成。");
        assertEquals("华岳精工有限公司", openings.speakersCompany("甄某某在会上透露"));
        assertEquals("华岳精工有限公司", openings.speakersCompany("”甄某某说"));
        // Not followed by a verb of speech, or not a participant.
        assertNull(openings.speakersCompany("甄某某参观了车间"));
        assertNull(openings.speakersCompany("林某某在会上透露"));
    }

    @Test
    void aSentenceNamingItsCompanyAfterItsFigures() {
        String text = "上半年营收48.6亿元，成长最快的正是华岳精工有限公司。";
        CompanyNames.Name named = openings(text).cataphor(0, text.length());
        assertEquals("华岳精工有限公司", named.name());
        assertEquals(text.indexOf("华岳"), named.start());
        String plain = "上半年营收48.6亿元，同比增长12%。";
        assertNull(openings(plain).cataphor(0, plain.length()));
    }

    @Test
    void aClauseThatIsANameAndAPeriod() {
        String text = "云擎智能去年全年，营收增长两成。";
        List<Periods.Mention> mentions = Periods.find(text, 0, text.length(),
                new Periods.Anchor(2024, 3, null, null, null));
        assertEquals("云擎智能", openings(text).namedBeforePeriod(0, text.indexOf('，'), mentions));
        // "车用镜头第三季已占整体营收约35%": a part of a business, not a company.
        String part = "车用镜头第三季已占整体营收约35%。";
        List<Periods.Mention> partMentions = Periods.find(part, 0, part.length(),
                new Periods.Anchor(2024, 3, null, null, null));
        assertNull(openings(part).namedBeforePeriod(0, part.length() - 1, partMentions));
    }

    @Test
    void aReportedCompanyNamedAgainBeforeDe() {
        String text = "云擎智能的研发强度更为突出";
        assertEquals("云擎智能", openings(text).reportedOpening(0, text.length(), Set.of("云擎智能")));
        assertNull(openings(text).reportedOpening(0, text.length(), Set.of("华岳精工")));
    }

    @Test
    void aClauseOpeningWithTheCompanyInFocus() {
        OpeningNames openings = openings("");
        assertTrue(openings.opensWithAnaphor("公司去年营收42.6亿元"));
        assertTrue(openings.opensWithAnaphor("该集团旗下门店"));
        assertFalse(openings.opensWithAnaphor("云擎智能去年营收"));
    }
}
