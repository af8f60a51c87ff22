package cn.newsevents.ingest.reprocess;

import cn.newsevents.ingest.store.ReprocessJob;
import cn.newsevents.web.problem.Problem;
import cn.newsevents.web.problem.ProblemException;
import cn.newsevents.web.problem.ProblemType;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.net.URI;

/**
 * {@code POST /admin/reprocess[?all=true][&batch=N]} starts (or continues) re-running the current extractor over
 * stored articles in the background and answers 202 with the job; {@code GET /admin/reprocess/{id}} reports its
 * progress. Both need an API key with the admin permission.
 */
// Not in the public API document: maintenance routes are for operators, who read this source or the README.
@Hidden
@Controller("/admin/reprocess")
@Requires(property = "ingest.api.enabled", notEquals = "false")
@Produces(MediaType.APPLICATION_JSON)
public class ReprocessController {
    private final ReprocessRunner runner;
    private final Reprocessor reprocessor;

    public ReprocessController(ReprocessRunner runner, Reprocessor reprocessor) {
        this.runner = runner;
        this.reprocessor = reprocessor;
    }

    /** A job as the API shows it. */
    public record JobView(String id, String status, String extractorVersion, boolean all, int batch, long total,
                          long scanned, long replaced, long skipped, long failed, int percent, String error) {
        static JobView of(ReprocessJob j) {
            return new JobView(j.id(), j.status().code(), j.extractorVersion(), j.includeCurrent(), j.batchSize(),
                    j.total(), j.scanned(), j.replaced(), j.skipped(), j.failed(), j.percent(), j.error());
        }
    }

    @Post
    @ExecuteOn(TaskExecutors.BLOCKING)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Re-run the extractor over stored articles",
            description = "Replaces the events of every article stored by another extractor version (all=true: of "
                    + "every article), batch articles per transaction. Answers 202 with the job; a job interrupted "
                    + "earlier with the same parameters is continued.")
    public HttpResponse<JobView> start(@QueryValue(defaultValue = "false") boolean all,
                                       @QueryValue(defaultValue = "50") int batch) {
        if (batch < 1 || batch > 10_000) {
            throw new ProblemException(Problem.of(ProblemType.BAD_REQUEST,
                    "The batch parameter must lie between 1 and 10000."));
        }
        ReprocessJob job = runner.submit(all, batch);
        return HttpResponse.accepted(URI.create("/admin/reprocess/" + job.id())).body(JobView.of(job));
    }

    @Get("/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Progress of a reprocessing job")
    public JobView progress(@PathVariable String id) {
        return reprocessor.find(id).map(JobView::of).orElseThrow(() -> new ProblemException(
                Problem.of(ProblemType.NOT_FOUND, "There is no reprocessing job " + id + ".")));
    }
}
