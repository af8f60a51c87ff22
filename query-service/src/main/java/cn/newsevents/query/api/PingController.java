package cn.newsevents.query.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** A constant answer from the event loop: the baseline the data endpoints' throughput is compared with. */
@Controller("/ping")
public final class PingController {
    private static final Pong PONG = new Pong(true);

    /** The body of {@code GET /ping}. */
    public record Pong(boolean ok) {
    }

    @Get
    public Pong ping() {
        return PONG;
    }
}
