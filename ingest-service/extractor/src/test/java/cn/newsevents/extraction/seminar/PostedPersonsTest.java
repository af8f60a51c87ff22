package cn.newsevents.extraction.seminar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PostedPersonsTest {
    private final PostedPersons finder = new PostedPersons(SeminarRules.DEFAULT.cue(SeminarRules.Role.INTRO));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "常州大学副校长张明华等提出建议|张明华|常州大学|副校长",
            "恒力集团董事长、总裁陈建国，|陈建国|恒力集团|董事长、总裁",
            "中共中央政治局常委、国务院总理王某出席|王某|中共中央政治局、国务院|常委、总理",
            "新北市厂商发展促会王荣华理事长及|王荣华|新北市厂商发展促会|理事长",
            "本次座谈会由部长率工业局杨伯华副局长参加|杨伯华|工业局|副局长",
            "与会代表包含工业区厂商联合总会副秘书长许文华、|许文华|工业区厂商联合总会|副秘书长",
            "某某研究院常务副院长董一鹏，|董一鹏|某某研究院|常务副院长",
            "北部工业区理事长联谊会会长陈辉明、|陈辉明|北部工业区理事长联谊会|会长",
            "刘建国（中国科学技术大学教授）、|刘建国|中国科学技术大学|教授",
            "同程集团联合创始人、同程艺龙CEO马和平，|马和平|同程集团、同程艺龙|联合创始人、CEO",
            "市人大常委会主任陈振华出席|陈振华|市人大常委会|主任",
            "广东省纺织协会的会长龚立新、|龚立新|广东省纺织协会|会长",
            "出席会议的还有市委常委、秘书长骆文山。|骆文山|市委|常委、秘书长",
            "来自江南大学的教授邹明华表示|邹明华|江南大学|教授",
            "远东银行行政总裁Anna Lindqvist、|Anna Lindqvist|远东银行|行政总裁",
            "远大集团董事长邹建和出席|邹建和|远大集团|董事长",
            "远大集团董事长邹建和柴宏伟出席|邹建|远大集团|董事长",
            "，东方电子总经理、党委书记柴宏伟，|柴宏伟|东方电子|总经理、党委书记",
            "、东方电子（总经理柴宏伟）、|柴宏伟|东方电子|总经理",
            "带领署理运输局局长骆文山出席|骆文山|运输局|署理局长",
    })
    void readsNameOrganizationAndTitle(String text, String name, String organization, String title) {
        List<PersonMention> found = finder.find(text, text, 0, text.length(), NameHints.NONE);
        assertEquals(1, found.size(), text + " -> " + found);
        PersonMention p = found.get(0);
        assertEquals(name, text.substring(p.nameStart(), p.nameEnd()));
        assertEquals(organization, p.organization());
        assertEquals(title, p.title());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "全国政协委员钱伟长、葛振东、柴宏伟出席|钱伟长,葛振东,柴宏伟",
            "副市长詹秀英、邹立平出席|詹秀英,邹立平",
    })
    void bareNamesAfterAPostHolderShareThePost(String text, String names) {
        List<PersonMention> found = finder.find(text, text, 0, text.length(), NameHints.NONE);
        assertEquals(List.of(names.split(",")),
                found.stream().map(p -> text.substring(p.nameStart(), p.nameEnd())).toList(), text + " -> " + found);
        assertEquals(found.get(0).titles(), found.get(found.size() - 1).titles(), text + " -> " + found);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "崔某感谢了邱明远主任的支持。",
            "他聆听了市长王立群的讲话后表示",
    })
    void aPostInsideAClauseNamesNobody(String text) {
        List<PersonMention> found = finder.find(text, text, 0, text.length(), NameHints.NONE);
        assertEquals(List.of(), found, text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "某某部副部长邱文杰、外资局局长骆明德出席|某某部外资局",
            "某某部副部长邱文杰、上海市商务委主任骆明德出席|上海市商务委",
            "某某部副部长邱文杰、远大科技有限公司董事长骆明德出席|远大科技有限公司",
            "商会会长柴宏伟及副会长尹世豪出席|商会",
            "某某部代理部长邱明远主持座谈会，常务次长骆文山出席|某某部",
            "某某部部长邱明远主持座谈会，董事长骆文山出席|-",
    })
    void aSecondPostHolderTakesTheOrganizationItImplies(String text, String organization) {
        List<PersonMention> found = finder.find(text, text, 0, text.length(), NameHints.NONE);
        assertEquals(2, found.size(), text + " -> " + found);
        assertEquals(organization, found.get(1).organization());
    }
}
