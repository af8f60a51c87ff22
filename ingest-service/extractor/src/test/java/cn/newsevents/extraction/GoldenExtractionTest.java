package cn.newsevents.extraction;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.contract.messaging.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The wire JSON of two articles (the seed, and a simplified one of the local stack's tests), parsed and extracted,
 * held byte for byte to the files in {@code src/test/resources/golden/}: NAME.article.json is the parsed
 * {@link Article}, NAME.extraction.json the {@link ExtractionResult} as the {@code extract} command prints it.
 * The query service's tests read these files instead of running the extractor. {@code -Dgolden.write=true}
 * rewrites them; do that only for an intended change of the output.
 */
class GoldenExtractionTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @ParameterizedTest
    @ValueSource(strings = {"../../seeds/changzhou-seminars.txt",
            "../../infra/local-stack/src/test/resources/articles/suzhou-simplified.txt"})
    void extractionIsByteForByteTheGoldenOne(String file) throws IOException {
        Path path = Path.of(file);
        String name = path.getFileName().toString().replaceFirst("\\.txt$", "");
        ObjectMapper mapper = Json.mapper();
        Article article = ArticleText.parse(Files.readString(path, StandardCharsets.UTF_8), null);
        String articleJson = mapper.writeValueAsString(article) + "\n";
        String resultJson = mapper.writeValueAsString(new Extractor().extract(article)) + "\n";
        check(name + ".article.json", articleJson);
        check(name + ".extraction.json", resultJson);
    }

    private static void check(String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, name);
    }
}
