package cn.newsevents.extraction.normalize;

import cn.newsevents.contract.event.Unit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmountsTest {

    @ParameterizedTest(name = "{0} -> {1} {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "87373萬元|873730000|CNY|null",
            "87373万元|873730000|CNY|null",
            "959.8億元|95980000000|CNY|null",
            "1.75亿元|175000000|CNY|null",
            "129.62亿元|12962000000|CNY|null",
            "5092亿元|509200000000|CNY|null",
            "1兆元|1000000000000|CNY|null",
            "新台幣60.5億元|6050000000|TWD|null",
            "新台币60.5亿元|6050000000|TWD|null",
            "约新台币60.5亿元|6050000000|TWD|approx",
            "60.5亿新台币|6050000000|TWD|null",
            "百亿元|10000000000|CNY|null",
            "千亿元|100000000000|CNY|null",
            "十二亿元|1200000000|CNY|null",
            "两千万元|20000000|CNY|null",
            "一亿二千万元|120000000|CNY|null",
            "三点五亿元|350000000|CNY|null",
            "15000余家|15000|COUNT|over",
            "超100萬戶|1000000|COUNT|over",
            "100多万户|1000000|COUNT|over",
            "约18%|18|PERCENT|approx",
            "近七成|70|PERCENT|under",
            "3成|30|PERCENT|null",
            "一成二|12|PERCENT|null",
            "兩成半|25|PERCENT|null",
            "六成以上|60|PERCENT|over",
            "40%以上|40|PERCENT|over",
            "4%左右|4|PERCENT|approx",
            "13％|13|PERCENT|null",
            "3,558人|3558|COUNT|null",
            "1,234,567元|1234567|CNY|null",
            "１２３４万元|12340000|CNY|null",
            "近2万人|20000|COUNT|under",
            "不到500家|500|COUNT|under",
            "逾30亿元|3000000000|CNY|over",
            "超过2万人|20000|COUNT|over",
            "80余家|80|COUNT|over",
            "60.9亿美元|6090000000|USD|null",
            "12亿港元|1200000000|HKD|null",
            "人民币3亿元|300000000|CNY|null",
            "突破100亿|10000000000|CNY|over",
            "0.7个百分点|0.7|PERCENTAGE_POINT|null",
            "19个亿|1900000000|CNY|null",
            "9.3個億|930000000|CNY|null",
            "新台幣4億3,718萬元|437180000|TWD|null",
            "13億6604萬元|1366040000|CNY|null",
            "1兆2,050億元|1205000000000|CNY|null",
            "3萬1,731輛|31731|COUNT|null",
            "5萬4千人|54000|COUNT|null",
            "约3千5百人|3500|COUNT|approx",
            "1万2千元|12000|CNY|null",
            "5万4人|54000|COUNT|null",
    })
    void readsAmount(String text, String value, String unit, String qualifier) {
        Amount a = Amounts.parse(text).orElseThrow(() -> new AssertionError("Not read: " + text));
        assertEquals(0, new BigDecimal(value).compareTo(a.value()), text + " value " + a.value());
        assertEquals(Unit.valueOf(unit), a.unit(), text);
        assertEquals(qualifier, a.qualifier() == null ? null : a.qualifier().code(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023", "销售额", "", "亿元", "12.", "元", "一成不变", "三成员", "1亿2亿元"})
    void ignoresWhatIsNotAnAmount(String text) {
        assertTrue(Amounts.parse(text).isEmpty(), "Read as an amount: " + text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "销售额87373萬元，稅收|87373萬元",
            "研发投入达105.9亿元，同比增长|105.9亿元",
            "外销占比40%以上。|40%以上",
            "市场份额接近七成，排名第一|接近七成",
            "营收突破十亿成为龙头，份额约两成|突破十亿",
            "營收為新台幣4億3,718萬元，月減|新台幣4億3,718萬元",
            "营收5亿，2023年|5亿",
    })
    void regexFindsTheWholeAmountInText(String text, String amount) {
        Matcher m = Pattern.compile(Amounts.REGEX).matcher(text);
        String found = null;
        while (m.find()) {
            if (!m.group().isEmpty() && Amounts.parse(m.group()).isPresent()) {
                found = m.group();
                break;
            }
        }
        assertEquals(amount, found, text);
    }
}
