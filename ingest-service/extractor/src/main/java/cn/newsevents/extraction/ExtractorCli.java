package cn.newsevents.extraction;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.ExtractionResult;
import cn.newsevents.contract.messaging.Json;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code extract FILE...}: prints one JSON object per file (JSON Lines, in argument order); {@code -} reads stdin.
 * A file that cannot be read or parsed yields {@code {"file": ..., "error": ...}} on its line and exit status 1.
 */
public final class ExtractorCli {
    private ExtractorCli() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out));
    }

    /** Runs the command and returns the exit status. */
    public static int run(String[] args, PrintStream out) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: extract FILE... ('-' reads standard input)");
            return 2;
        }
        ObjectMapper mapper = Json.mapper();
        Extractor extractor = new Extractor();
        int status = 0;
        for (String arg : args) {
            try {
                String raw = arg.equals("-")
                        ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(arg), StandardCharsets.UTF_8);
                Article article = ArticleText.parse(raw, null);
                ExtractionResult result = extractor.extract(article);
                out.println(mapper.writeValueAsString(result));
            } catch (IOException | RuntimeException e) {
                status = 1;
                out.println(mapper.writeValueAsString(java.util.Map.of("file", arg, "error",
                        String.valueOf(e.getMessage()))));
            }
        }
        out.flush();
        return status;
    }
}
