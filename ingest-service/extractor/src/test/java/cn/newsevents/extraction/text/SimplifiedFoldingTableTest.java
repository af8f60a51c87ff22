package cn.newsevents.extraction.text;

import cn.newsevents.contract.text.SimplifiedFolding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The folding table of the contracts module ({@link SimplifiedFolding}) is generated from the extractor's own
 * conversion ({@link SimplifiedText}, HanLP's traditional-to-simplified data) and must fold every string exactly as
 * the extractor does, since the query service folds search terms with it and the ingest service stores columns
 * folded by the extractor. {@code -Dfolding.write=true} regenerates the resource from HanLP.
 */
class SimplifiedFoldingTableTest {
    private static final Path RESOURCE = Path.of("..", "..", "contracts", "src", "main", "resources")
            .resolve(SimplifiedFolding.RESOURCE.substring(1));

    /** The table as the extractor's conversion gives it: one line per char it changes. */
    private static String generated() {
        StringBuilder sb = new StringBuilder();
        for (int c = SimplifiedFolding.FIRST; c <= 0xFFFF; c++) {
            String one = String.valueOf((char) c);
            String simplified = SimplifiedText.of(one);
            if (!simplified.equals(one)) {
                sb.append((char) c).append('\t').append(simplified).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void resourceIsTheTableGeneratedFromTheExtractorsConversion() throws IOException {
        String expected = generated();
        if (Boolean.getBoolean("folding.write")) {
            Files.writeString(RESOURCE, expected, StandardCharsets.UTF_8);
        }
        assertTrue(expected.length() > 3 * 2000, "HanLP folds over 2,000 chars; the generated table has "
                + expected.length() / 3 + " lines");
        assertEquals(expected, Files.readString(RESOURCE, StandardCharsets.UTF_8),
                "The folding table is out of date: run this test with -Dfolding.write=true.");
    }

    @Test
    void everyCharFoldsAsTheExtractorConvertsIt() {
        int folded = 0;
        for (int c = 0; c <= 0xFFFF; c++) {
            String one = String.valueOf((char) c);
            String expected = SimplifiedText.of(one);
            assertEquals(expected, SimplifiedFolding.fold(one), "char U+" + Integer.toHexString(c));
            if (!expected.equals(one)) {
                folded++;
            }
        }
        assertTrue(folded > 2000, "chars HanLP folds: " + folded);
    }

    @Test
    void mixedStringsFoldAsTheExtractorConvertsThem() {
        // Strings mixing the folded chars with unchanged CJK, ASCII, punctuation and surrogate pairs.
        List<Character> changed = new ArrayList<>();
        for (int c = SimplifiedFolding.FIRST; c <= 0xFFFF; c++) {
            if (SimplifiedText.of(String.valueOf((char) c)).charAt(0) != c) {
                changed.add((char) c);
            }
        }
        String others = "产业会议常州市ABC 123，。、（）「」\uD840\uDC00\uD87E\uDC00";
        Random random = new Random(14);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                if (random.nextBoolean()) {
                    sb.append(changed.get(random.nextInt(changed.size())));
                } else {
                    sb.append(others.charAt(random.nextInt(others.length())));
                }
            }
            String s = sb.toString();
            assertEquals(SimplifiedText.of(s), SimplifiedFolding.fold(s), s);
        }
    }
}
