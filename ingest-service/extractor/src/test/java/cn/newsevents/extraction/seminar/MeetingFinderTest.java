package cn.newsevents.extraction.seminar;

import cn.newsevents.extraction.date.ChineseDates;
import cn.newsevents.extraction.date.DateMention;
import cn.newsevents.extraction.text.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeetingFinderTest {
    private static final LocalDate PUBLISHED = LocalDate.of(2025, 6, 20);

    private static MeetingFinder finder(String text) {
        MeetingText t = new MeetingText(SeminarRules.DEFAULT, text, text);
        return new MeetingFinder(t, new SeriesReading(t), 0, PUBLISHED);
    }

    private static Span whole(String text) {
        return new Span(0, text.length(), 0);
    }

    @Test
    void findsTheMeetingKindOfASentence() {
        String text = "6月18日，区政协召开民营企业座谈会。";
        List<int[]> found = finder(text).meetingMentions(whole(text), false);
        assertEquals(1, found.size());
        assertEquals("座谈会", text.substring(found.get(0)[0], found.get(0)[1]));
    }

    @Test
    void aSentenceWithoutAMeetingNamesNone() {
        String text = "6月18日，区长走访了三家企业。";
        assertTrue(finder(text).meetingMentions(whole(text), false).isEmpty());
    }

    @Test
    void aSessionOfANamedSeriesIsAMention() {
        String text = "第二场6月12日在开发区举行。";
        List<int[]> found = finder(text).meetingMentions(whole(text), true);
        assertEquals(1, found.size());
        assertEquals("第二场", text.substring(found.get(0)[0], found.get(0)[1]));
        assertEquals(MeetingFinder.SESSION, found.get(0)[2]);
        assertTrue(finder(text).meetingMentions(whole(text), false).isEmpty());
        String named = "6月12日，第二场座谈会在开发区举行。";
        assertEquals("座谈会", named.substring(finder(named).meetingMentions(whole(named), true).get(0)[0],
                finder(named).meetingMentions(whole(named), true).get(0)[1]));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2025-06-19|true",
            "2025-06-20|true",
            "2025-06-21|false",
            "2024-05-01|false",
    })
    void onlyDatesOfThePastYearAreUsable(LocalDate date, boolean usable) {
        assertEquals(usable, finder("座谈会").usable(date));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "6月9日、12日和16日，区政协召开三场座谈会。|3",
            "6月9日至10日，区政协召开座谈会。|1",
            "6月9日，区长调研后，6月12日区政协召开座谈会。|1",
    })
    void severalDatesAreSessionsOnlyWhenListed(String text, int sessions) {
        MeetingFinder finder = finder(text);
        int k0 = text.indexOf("座谈会");
        int k1 = k0 + 3;
        List<DateMention> dates = ChineseDates.find(text, 0, text.length(), PUBLISHED);
        List<DateMention> own = finder.datesOf(whole(text), k0, k1, 0, 0, text.indexOf('。'), dates, false);
        assertEquals(sessions, own.size(), text + " -> " + own);
    }
}
