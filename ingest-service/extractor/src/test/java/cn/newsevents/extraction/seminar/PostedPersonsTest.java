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
    })
    void readsNameOrganizationAndTitle(String text, String name, String organization, String title) {
        List<PersonMention> found = finder.find(text, text, 0, text.length(), NameHints.NONE);
        assertEquals(1, found.size(), text + " -> " + found);
        PersonMention p = found.get(0);
        assertEquals(name, text.substring(p.nameStart(), p.nameEnd()));
        assertEquals(organization, p.organization());
        assertEquals(title, p.title());
    }
}
