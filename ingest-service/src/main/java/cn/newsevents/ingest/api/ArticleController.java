package cn.newsevents.ingest.api;

import cn.newsevents.contract.messaging.RawArticle;
import cn.newsevents.web.problem.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /articles}: validates an article, publishes it to {@code articles.raw} and answers 202 with its
 * id once the broker acknowledged. Extraction happens asynchronously in the processor.
 *
 * <p>The article is read and validated on the event loop (a bounded, CPU-only step) and no thread waits for the
 * broker: the answer is written when the acknowledgement arrives.
 */
@Controller("/articles")
@Requires(property = "ingest.api.enabled", notEquals = "false")
public class ArticleController {
    private final SubmissionReader reader;
    private final ArticlePublisher publisher;
    private final Counter accepted;

    public ArticleController(SubmissionReader reader, ArticlePublisher publisher, MeterRegistry meters) {
        this.reader = reader;
        this.publisher = publisher;
        this.accepted = Counter.builder("ingest.api.accepted").description("Articles accepted (202).")
                .register(meters);
    }

    /** The answer to an accepted article. */
    public record Accepted(String id) {
    }

    @Post
    @Consumes(MediaType.ALL)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Submit an article",
            description = "JSON {url?, title, source?, publishedAt, body, language?} or text/plain in the layout "
                    + "'headline / SOURCE YYYY-MM-DD[ HH:MM:SS] / body'. publishedAt without a zone is Asia/Shanghai. "
                    + "Re-posting the same url with new content revises the article.")
    @ApiResponse(responseCode = "202", description = "Accepted; the id of the article.",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "400", description = "Invalid article.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "401", description = "No or unknown API key.")
    @ApiResponse(responseCode = "403", description = "The API key lacks the write permission.")
    @ApiResponse(responseCode = "413", description = "Body larger than the limit (1 MB by default).")
    @ApiResponse(responseCode = "415", description = "Neither application/json nor text/plain UTF-8.")
    @ApiResponse(responseCode = "429", description = "Rate limit of the API key exceeded; see Retry-After.")
    @ApiResponse(responseCode = "503", description = "The message broker is unavailable; see Retry-After.")
    public CompletableFuture<HttpResponse<Accepted>> submit(HttpRequest<?> request,
                                         @Parameter(description = "Article url, for text/plain submissions.")
                                         @Nullable @QueryValue("url") String url,
                                         @Nullable @Body byte[] body) {
        RawArticle article = reader.read(body, request.getContentType().orElse(null), url);
        return publisher.publish(article).thenApply(ok -> {
            accepted.increment();
            return HttpResponse.accepted().body(new Accepted(article.id()));
        });
    }
}
