package cn.newsevents.query.seminar;

import cn.newsevents.query.QueryConfig;
import cn.newsevents.query.api.InvalidParameterException;
import cn.newsevents.query.api.NotFoundException;
import cn.newsevents.query.api.Page;
import cn.newsevents.query.api.Params;
import cn.newsevents.query.api.RawJson;
import cn.newsevents.query.search.SearchTerms;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Named;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Seminar events: the latest, a filtered and paged search, and one by id. */
@Controller("/seminars")
public class SeminarController {
    private final SeminarRepository seminars;
    private final LatestSeminars latest;
    private final QueryConfig config;
    private final ExecutorService blocking;

    public SeminarController(SeminarRepository seminars, LatestSeminars latest, QueryConfig config,
                             @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.seminars = seminars;
        this.latest = latest;
        this.config = config;
        this.blocking = blocking;
    }

    @Operation(summary = "The most recent seminars first (by seminar date, then by when they were stored)")
    @ApiResponse(responseCode = "200", description = "a page of seminars as published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)))
    @Get(value = "/latest", produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<byte[]>> latestSeminars(
            @Parameter(description = "page size, 1 to the configured maximum") @Nullable @QueryValue String limit,
            @Parameter(description = "the 'next' value of the previous page") @Nullable @QueryValue String cursor,
            @Parameter(hidden = true) @Nullable @Header(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        int size = Params.limit(limit, config);
        SeminarKey after = after(cursor);
        if (after == null) {
            // A fresh first page is answered on the event loop, compressed once if the client takes gzip;
            // everything else reads on the blocking pool.
            Optional<LatestSeminars.Cached> cached = latest.cached(size);
            if (cached.isPresent()) {
                MutableHttpResponse<byte[]> response = acceptsGzip(acceptEncoding)
                        ? HttpResponse.ok(cached.get().gzipped()).header(HttpHeaders.CONTENT_ENCODING, "gzip")
                        : HttpResponse.ok(cached.get().body());
                return CompletableFuture.completedFuture(response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING));
            }
        }
        return CompletableFuture.supplyAsync(() -> HttpResponse.ok(latest.read(after, size)), blocking);
    }

    /** Whether an Accept-Encoding header lists gzip without refusing it ({@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.split(";");
            if (fields[0].strip().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < fields.length; i++) {
                    String q = fields[i].strip();
                    if (q.startsWith("q=") && q.substring(2).strip().matches("0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    @Operation(summary = "Seminars matching every given filter, most recent first, keyset-paged")
    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Page<RawJson> searchSeminars(
            @Parameter(description = "city, e.g. 苏州") @Nullable @QueryValue String city,
            @Parameter(description = "earliest seminar date, YYYY-MM-DD") @Nullable @QueryValue String from,
            @Parameter(description = "latest seminar date, YYYY-MM-DD") @Nullable @QueryValue String to,
            @Parameter(description = "a participant's full name") @Nullable @QueryValue String participant,
            @Parameter(description = "part of an organization") @Nullable @QueryValue String organization,
            @Parameter(description = "text the seminar mentions") @Nullable @QueryValue String q,
            @Nullable @QueryValue String limit,
            @Nullable @QueryValue String cursor) {
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new InvalidParameterException("from",
                    "The parameter 'from' (" + fromDate + ") must not be after 'to' (" + toDate + ").");
        }
        SeminarFilter filter = new SeminarFilter(
                SearchTerms.fold(Params.text("city", city)), fromDate, toDate,
                SearchTerms.fold(Params.text("participant", participant)),
                SearchTerms.fold(Params.text("organization", organization)),
                SearchTerms.fold(Params.text("q", q)));
        return seminars.find(filter, after(cursor), Params.limit(limit, config));
    }

    @Operation(summary = "One seminar event as published")
    @Get("/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public RawJson seminarById(@PathVariable String id) {
        Params.id("seminar id", id);
        return seminars.byId(id).orElseThrow(() -> NotFoundException.of("seminar", id));
    }

    private static SeminarKey after(String cursor) {
        return cursor == null || cursor.isBlank() ? null : SeminarKey.decode(cursor);
    }
}
