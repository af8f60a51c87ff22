package cn.newsevents.ingest.api;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Renders every error of this server, ours and the framework's (404, 405, 413, 415...), as problem+json. */
public final class ProblemHandlers {
    private ProblemHandlers() {
    }

    /** Turns a {@link ProblemException} into its response. */
    @Singleton
    @Produces
    public static class ProblemExceptionHandler
            implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
            MutableHttpResponse<Problem> response = exception.problem().toResponse();
            exception.headers().forEach(response::header);
            return response;
        }
    }

    /** Replaces the framework's JSON error body by a problem document. */
    @Singleton
    @Primary
    public static class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
        @Override
        public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
            int code = response.getStatus().getCode();
            ProblemType type = ProblemType.forStatus(code);
            String detail = context.getErrors().stream().map(Error::getMessage).findFirst()
                    .orElse(response.getStatus().getReason());
            if (code >= 500) {
                // Internal details stay in the log, not in the answer.
                detail = "The server failed to handle the request; it has been logged.";
            }
            Problem problem = new Problem(type.uri(), type.title(), code, detail, null, null);
            return response.contentType(io.micronaut.http.MediaType.APPLICATION_JSON_PROBLEM_TYPE).body(problem);
        }
    }
}
