package cn.newsevents.ingest.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code GET /ping}: the cheapest answer the server gives, a baseline for benchmarks. */
@Controller("/ping")
public class PingController {
    /** The ping answer. */
    public record Pong(boolean ok) {
    }

    private static final Pong PONG = new Pong(true);

    @Get
    public Pong ping() {
        return PONG;
    }
}
