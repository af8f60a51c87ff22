package cn.newsevents.ingest.pipeline;

import cn.newsevents.ingest.store.OutboxStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;

/**
 * {@code GET /admin/outbox}: how many events wait for the relay, and the rows set aside because the broker refused
 * their content (the first 100, oldest first). Needs an API key with the admin permission.
 */
@Controller("/admin/outbox")
@Requires(beans = OutboxRelay.class)
@Produces(MediaType.APPLICATION_JSON)
@Hidden
public class OutboxController {
    private static final int LISTED = 100;

    private final OutboxStore outbox;

    public OutboxController(OutboxStore outbox) {
        this.outbox = outbox;
    }

    /** Pending rows, the number of rows set aside and the first of them. */
    public record State(long pending, long setAside, List<OutboxStore.SetAside> setAsideRows) {
    }

    @Get
    public State state() {
        return new State(outbox.pendingCount(), outbox.setAsideCount(), outbox.setAside(LISTED));
    }
}
