package cn.newsevents.extraction.text;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SimplifiedTextTest {

    @Test
    void convertsTraditionalCharactersInPlace() {
        assertEquals("市委书记陈金虎主持召开专题座谈会", SimplifiedText.of("市委書記陳金虎主持召開專題座談會"));
    }

    @Test
    void variantCharactersOfHongKongAndTaiwanTextsAreSimplifiedToo() {
        assertEquals("早餐茶叙", SimplifiedText.of("早餐茶敍"));
        assertEquals("公署卫生处", SimplifiedText.of("公署衞生處"));
    }

    @Test
    void keepsTheLengthWhenPhrasesOrSurrogatePairsWouldChangeIt() {
        String text = "𠮷野家與台灣積體電路製造股份有限公司🙂乾隆皇帝";
        assertEquals(text.length(), SimplifiedText.of(text).length());
    }

    @Property(tries = 300)
    void anyTextKeepsItsLength(@ForAll String text) {
        assertEquals(text.length(), SimplifiedText.of(text).length());
    }
}
