package cn.newsevents.ingest;

import cn.newsevents.extraction.ExtractorCli;
import cn.newsevents.ingest.post.BulkPost;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Entry point. {@code extract FILE...} runs the extractor on files and prints JSON Lines without starting the
 * server; {@code post PATH...} posts files of articles to a running API ({@link BulkPost}); {@code reprocess} and
 * {@code replay-dlt} run a maintenance {@link Commands command}; anything else
 * starts the service, whose roles (HTTP API, processor) are switched by
 * {@code INGEST_API_ENABLED} and {@code INGEST_PROCESSOR_ENABLED}.
 */
@OpenAPIDefinition(info = @Info(title = "newsevents ingest-service", version = "1.0",
        description = "Accepts Chinese news articles; the processor extracts seminar and company events from them."))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key with the write permission, from INGEST_API_KEYS.")
public final class Application {
    private Application() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("extract")) {
            System.exit(ExtractorCli.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && args[0].equals("post")) {
            System.exit(BulkPost.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err,
                    System.console() != null));
        }
        if (args.length > 0 && Commands.NAMES.contains(args[0])) {
            System.exit(Commands.run(args, Map.of(), System.out, System.err));
        }
        // No banner: log lines stay machine-readable when LOG_FORMAT=json.
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
