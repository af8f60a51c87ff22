package cn.newsevents.query;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Starts the query service: a read-only HTTP API over the seminars and company events in PostgreSQL. */
@OpenAPIDefinition(info = @Info(title = "newsevents query API", version = "1.0",
        description = "Seminar and company events extracted from Chinese news articles."))
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        // No banner: with LOG_FORMAT=json every line on stdout must be a JSON object.
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
