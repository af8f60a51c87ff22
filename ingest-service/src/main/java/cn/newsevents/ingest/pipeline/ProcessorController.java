package cn.newsevents.ingest.pipeline;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * {@code GET /admin/processor} shows the processor's state; {@code POST /admin/processor/hold} holds consumption
 * of {@code articles.raw} (articles are still accepted and wait on the topic) and {@code POST
 * /admin/processor/release} ends the hold. All need an API key with the admin permission. A hold lasts until it
 * is released or the instance restarts.
 */
// Not in the public API document: maintenance routes are for operators, who read this source or the README.
@Hidden
@Controller("/admin/processor")
@Requires(beans = ArticleProcessor.class)
@Produces(MediaType.APPLICATION_JSON)
public class ProcessorController {
    private final ArticleProcessor processor;

    public ProcessorController(ArticleProcessor processor) {
        this.processor = processor;
    }

    /**
     * The processor of this instance: consumer thread alive, held by an operator, paused by an outage, and
     * partitions assigned.
     */
    public record State(boolean running, boolean held, boolean pausedByOutage, int assignedPartitions) {
    }

    @Get
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "State of this instance's article processor")
    public State state() {
        return new State(processor.running(), processor.held(), processor.paused(), processor.assignedPartitions());
    }

    @Post("/hold")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Hold consumption of articles.raw",
            description = "The batch in hand is finished and committed; then nothing is read until release. "
                    + "Accepted articles wait on the topic.")
    public State hold() {
        processor.hold();
        return state();
    }

    @Post("/release")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Release a hold; consumption resumes unless a dependency is down")
    public State release() {
        processor.release();
        return state();
    }
}
