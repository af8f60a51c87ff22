package cn.newsevents.query.support;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.contract.messaging.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Articles as the extractor parsed and extracted them, read from the extractor's golden files (which its own test
 * holds to the extractor's output byte for byte), so these tests serve real extraction results without running
 * the extractor: the query service does not depend on it.
 */
public final class GoldenArticles {
    private static final Path GOLDEN = Path.of("..", "ingest-service", "extractor", "src", "test", "resources",
            "golden");
    /** The seed article of {@code seeds/}, in traditional characters. */
    public static final String SEED = "changzhou-seminars";
    /** An article in simplified characters. */
    public static final String SIMPLIFIED = "suzhou-simplified";

    /** One article and what the extractor found in it. */
    public record Extracted(Article article, ExtractionResult result) {
    }

    private GoldenArticles() {
    }

    /** The article {@code name} ({@link #SEED} or {@link #SIMPLIFIED}) and its extraction result. */
    public static Extracted read(String name) {
        try {
            return new Extracted(Json.read(Files.readAllBytes(GOLDEN.resolve(name + ".article.json")), Article.class),
                    Json.read(Files.readAllBytes(GOLDEN.resolve(name + ".extraction.json")), ExtractionResult.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the golden extraction of " + name + ".", e);
        }
    }
}
