package cn.newsevents.extraction.company;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link FigureSubjects}: whose figure it is, from the words between its clause's start and its keyword. */
class FigureSubjectsTest {
    private static final CompanyLexicon LEX = CompanyLexicon.get();
    private static final CompanyNames NAMES = new CompanyNames(LEX);
    private static final KeywordScanner KEYWORDS = new KeywordScanner(LEX.keywords.keySet());

    private static FigureSubjects subjects(String text) {
        ArticleCompanies companies = new ArticleCompanies(LEX, NAMES, text, 0, List.of());
        return new FigureSubjects(LEX, NAMES, text, companies, new SpanChecks(LEX, NAMES, KEYWORDS, List.of()));
    }

    /**
     * The subject of the figure whose keyword is the last {@code keyword} of {@code text}, its clause starting after
     * the last comma or full stop before it, as "KIND|name|start".
     */
    private static String subject(String text, String keyword, FigureSubjects.SubsidiaryFocus focus,
                                  String lastReported, boolean captionSpeech) {
        int end = text.lastIndexOf(keyword);
        int clauseStart = Math.max(text.lastIndexOf('，', end), text.lastIndexOf('。', end)) + 1;
        Subject s = subjects(text).of(clauseStart, end, focus, lastReported, captionSpeech);
        return s.kind() + "|" + s.name() + "|" + s.start();
    }

    private static String subject(String text, String keyword) {
        return subject(text, keyword, new FigureSubjects.SubsidiaryFocus(), null, false);
    }

    @Test
    void aRegisteredNameBeforeTheKeyword() {
        assertEquals("NAMED|华岳精工有限公司|0", subject("华岳精工有限公司前三季度营业收入12.3亿元", "营业收入"));
        // The name after the period it opens with, and after a preposition.
        assertEquals("NAMED|云擎智能|3", subject("上半年云擎智能营业收入8.6亿元", "营业收入"));
    }

    @Test
    void theCompanyInFocusReferredBackOrLeftImplicit() {
        assertEquals("FOCUS|null|-1", subject("公司实现营业收入12.3亿元", "营业收入"));
        assertEquals("FOCUS|null|-1", subject("该公司在某地布局的硅材料基地员工总数", "员工总数"));
        assertEquals("IMPLICIT|null|-1", subject("上半年营业收入12.3亿元", "营业收入"));
    }

    @Test
    void noCompany() {
        // An official of a public body speaks; a region and its period.
        assertEquals("NONE|null|-1", subject("某市发改委负责同志现场发布了总投资", "总投资"));
        assertEquals("NONE|null|-1", subject("华南营业收入12.3亿元", "营业收入"));
    }

    @Test
    void theSpeakersCompanyWhenAPaperCaptionsHim() {
        assertEquals("FOCUS|null|-1", subject("我们营业收入12.3亿元", "营业收入", new FigureSubjects.SubsidiaryFocus(),
                null, true));
    }

    @Test
    void aSubsidiaryReferredToAndThenItsParent() {
        String text = "云擎控股有限公司全年营业收入30亿元。其全资子公司华岳精工有限公司主营刀具。该子公司2024年仅实现营业收入1.2亿元";
        FigureSubjects.SubsidiaryFocus focus = new FigureSubjects.SubsidiaryFocus();
        assertEquals("NAMED|华岳精工有限公司|" + text.indexOf("该子公司"),
                subject(text, "营业收入", focus, "云擎控股有限公司", false));
        assertEquals(Set.of("华岳精工有限公司"), focus.subsidiaries);
        assertEquals("云擎控股有限公司", focus.parentOfSubsidiary);
        assertEquals("华岳精工有限公司", focus.subsidiaryInFocus);
        // 公司 after the subsidiary's figures is the parent again, once.
        String after = text + "。公司研发投入2亿元";
        assertEquals("NAMED|云擎控股有限公司|" + after.lastIndexOf("公司研发"), subject(after, "研发投入", focus, null, false));
        assertNull(focus.parentOfSubsidiary);
        assertEquals("FOCUS|null|-1", subject(after, "研发投入", focus, null, false));
    }
}
