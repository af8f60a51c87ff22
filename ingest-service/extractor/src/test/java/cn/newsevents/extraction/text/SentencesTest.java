package cn.newsevents.extraction.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentencesTest {

    @Test
    void splitsAtSentenceMarksAndCountsParagraphs() {
        String text = "第一句。第二句！\n第三句";
        List<Span> spans = Sentences.split(text, 0, text.length());
        assertEquals(List.of("第一句。", "第二句！", "第三句"),
                spans.stream().map(s -> text.substring(s.start(), s.end())).toList());
        assertEquals(0, spans.get(1).paragraph());
        assertEquals(1, spans.get(2).paragraph());
    }

    @Test
    void cutsRunsWithoutSentenceMarksSoWorkPerSentenceIsBounded() {
        String text = "很长".repeat(5000);
        List<Span> spans = Sentences.split(text, 0, text.length());
        assertTrue(spans.stream().allMatch(s -> s.length() <= Sentences.MAX_SENTENCE));
        assertEquals(text.length(), spans.stream().mapToInt(Span::length).sum());
    }
}
