package cn.newsevents.extraction.seminar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SeriesReadingTest {
    private static SeriesReading reading(String text) {
        return new SeriesReading(new MeetingText(SeminarRules.DEFAULT, text, text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "区政协召开第四场座谈会|4",
            "区政协召开第12期座谈会|12",
            "区政协召开首场座谈会|1",
            "区政协召开座谈会|-",
            "区政协召开第三届座谈会|-",
    })
    void readsTheOrdinalRightBeforeTheKind(String text, Integer sequence) {
        int k0 = text.indexOf("座谈会");
        assertEquals(sequence, reading(text).ordinalBefore(k0, 0));
    }

    @Test
    void theNameStopsAtTheHeldVerb() {
        String text = "区政协召开民营企业座谈会";
        int k0 = text.indexOf("座谈会");
        assertEquals("民营企业座谈会", reading(text).nameBefore(k0, text.length(), 0));
    }

    @Test
    void readsTheQuotedSeriesBeforeTheOrdinal() {
        String text = "区政协举行“稳链强链、携手同行”第三场专题座谈会";
        int k0 = text.indexOf("座谈会");
        assertEquals("稳链强链、携手同行", reading(text).seriesBefore(k0, 0));
    }

    @Test
    void aQuoteFarFromTheKindIsNoSeries() {
        String text = "“稳链强链”精神指引下，区政协举行座谈会";
        int k0 = text.indexOf("座谈会");
        assertNull(reading(text).seriesBefore(k0, 0));
    }
}
