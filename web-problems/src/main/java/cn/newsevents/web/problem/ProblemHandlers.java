package cn.newsevents.web.problem;

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

import java.util.List;
import java.util.Optional;

/**
 * Renders every error of a service, its own ({@link ProblemException}) and the framework's (404, 405, 413,
 * 415...), as a {@link Problem}, whatever the client accepts: a browser given a bad filter in a shared link reads
 * the same words as a script. A server error never echoes exception text (it may hold SQL or connection details).
 */
public final class ProblemHandlers {
    /** The detail of every 5xx answer the framework produces; the failure itself goes to the log. */
    public static final String SERVER_ERROR_DETAIL = "The server failed to handle the request; it has been logged.";

    private ProblemHandlers() {
    }

    /** Turns a {@link ProblemException} into its response. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    public static class ProblemExceptionHandler
            implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
            Problem problem = exception.problem();
            MutableHttpResponse<Problem> response = (problem.instance() == null
                    ? problem.withInstance(request.getPath()) : problem).toResponse();
            exception.headers().forEach(response::header);
            return response;
        }
    }

    /** Replaces the framework's error bodies (JSON and HTML alike) by a problem document. */
    @Singleton
    @Primary
    public static class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
        @Override
        public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
            int code = response.getStatus().getCode();
            ProblemType type = ProblemType.forStatus(code);
            Optional<Error> first = context.getErrors().stream().findFirst();
            String detail = code >= 500 ? SERVER_ERROR_DETAIL
                    : first.map(Error::getMessage).orElse(response.getStatus().getReason());
            String field = code >= 500 ? null : first.flatMap(Error::getPath).orElse(null);
            Problem problem = new Problem(type.uri(), type.title(), code, detail, context.getRequest().getPath(),
                    field, field == null ? null : List.of(new Problem.FieldError(field, detail)));
            return response.contentType(Problem.MEDIA_TYPE).body(problem);
        }
    }
}
