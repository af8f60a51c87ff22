package cn.newsevents.extraction.text;

import com.hankcs.hanlp.seg.common.Term;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dictionary test must never say "no" where segmentation would say "yes". */
class DictionaryWordsTest {
    private static final Predicate<String> ADVERB = n -> n.startsWith("d") || n.equals("vd") || n.equals("ad");
    private static final Predicate<String> FUNCTION_WORD = n -> n.startsWith("p") || n.startsWith("c")
            || n.startsWith("d") || n.startsWith("r") || n.startsWith("u");

    @Test
    void answersForTheWordsAtEitherEnd() {
        assertTrue(DictionaryWords.mayEndWith("某某集团同步", ADVERB));
        assertTrue(DictionaryWords.mayOpenWith("并且某某集团", FUNCTION_WORD));
        assertFalse(DictionaryWords.mayEndWith("远航电子科技", ADVERB));
        assertFalse(DictionaryWords.mayOpenWith("电子科技", FUNCTION_WORD));
        assertTrue(DictionaryWords.mayContain("远航和电子", FUNCTION_WORD));
        assertFalse(DictionaryWords.mayContain("远航电子科技", FUNCTION_WORD));
    }

    @Test
    void neverRulesOutWhatSegmentationFindsOnCorpusText() throws Exception {
        Path corpus = Path.of(Objects.requireNonNull(getClass().getClassLoader().getResource("heldout-like")).toURI());
        List<String> texts;
        try (Stream<Path> files = Files.list(corpus)) {
            texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().limit(80)
                    .map(p -> read(p)).toList();
        }
        int windows = 0;
        int ruledOut = 0;
        int containsNone = 0;
        for (String raw : texts) {
            String text = SimplifiedText.of(raw);
            for (int start = 0; start + 12 <= Math.min(text.length(), 600); start += 5) {
                for (int len = 3; len <= 12; len += 3) {
                    String s = text.substring(start, start + len);
                    List<Term> terms = Segmenter.WORDS.seg(s);
                    Term first = terms.get(0);
                    Term last = terms.get(terms.size() - 1);
                    windows++;
                    if (!DictionaryWords.mayEndWith(s, ADVERB)) {
                        ruledOut++;
                        assertFalse(last.nature != null && ADVERB.test(last.nature.toString()), s + " " + terms);
                    }
                    if (!DictionaryWords.mayContain(s, FUNCTION_WORD)) {
                        containsNone++;
                        for (Term t : terms) {
                            assertFalse(t.nature != null && FUNCTION_WORD.test(t.nature.toString()), s + " " + terms);
                        }
                    }
                    if (!DictionaryWords.mayOpenWith(s, FUNCTION_WORD)) {
                        assertFalse(first.nature != null && FUNCTION_WORD.test(first.nature.toString()),
                                s + " " + terms);
                    }
                }
            }
        }
        assertTrue(windows > 1000, "windows read: " + windows);
        // The test is worth running only when it rules out most texts.
        assertTrue(ruledOut * 2 > windows, ruledOut + " of " + windows + " ruled out");
        assertTrue(containsNone * 20 > windows, containsNone + " of " + windows + " hold no function word");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
