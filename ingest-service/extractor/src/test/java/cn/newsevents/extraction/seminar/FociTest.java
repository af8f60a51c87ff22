package cn.newsevents.extraction.seminar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FociTest {
    private static final SeminarRules RULES = SeminarRules.DEFAULT;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "座谈会，聚焦数字经济。|数字经济",
            "座谈会，围绕“数字化转型”听取意见。|数字化转型",
            "座谈会，听取企业意见。|-",
    })
    void readsTheThemeRightAfterTheKind(String text, String focus) {
        assertEquals(focus, new Foci(RULES, text, text).after(3, text.length()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "市工商联举行稳外贸政策宣讲座谈会|稳外贸政策",
            "市委召开民营企业沟通座谈会|-",
    })
    void readsTheSubjectAMeetingExplains(String text, String focus) {
        int k0 = text.length() - 3;
        assertEquals(focus, new Foci(RULES, text, text).subjectBefore(k0, text.length(), 0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "会议主题包括稳外贸、促消费及优化营商环境。|稳外贸、促消费及优化营商环境",
            "书记就“工业互联网”建设听取意见。|工业互联网",
            "书记听取了意见。|-",
    })
    void readsAThemeStatedInALaterSentence(String text, String focus) {
        assertEquals(focus, new Foci(RULES, text, text).statedTheme(0, text.length()));
    }
}
