package cn.newsevents.query.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ErrorResponseProcessorExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Every error of this service, ours or the framework's (unknown route, bad method), is an RFC 9457 problem.
 * Server errors never echo exception text: it may hold SQL or connection details.
 */
public final class ProblemHandlers {
    private ProblemHandlers() {
    }

    /** Turns the framework's error context into a {@link Problem} body. */
    @Singleton
    @Replaces(JsonErrorResponseBodyProvider.class)
    public static final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {
        @Override
        public Problem body(ErrorContext context, HttpResponse<?> response) {
            HttpStatus status = response.getStatus();
            Optional<Error> first = context.getErrors().stream().findFirst();
            String detail;
            if (status.getCode() >= 500) {
                detail = "The server could not answer this request; the failure has been logged.";
            } else {
                detail = first.map(Error::getMessage).orElse(status.getReason());
            }
            String field = first.flatMap(Error::getPath).orElse(null);
            return new Problem("about:blank", status.getReason(), status.getCode(), detail,
                    context.getRequest().getPath(), field);
        }

        @Override
        public String contentType() {
            return Problem.MEDIA_TYPE;
        }
    }

    /**
     * Browsers asking for HTML (the pages at {@code /}) get the same problem document as every other client, so a
     * bad filter in a shared link says which parameter is wrong in the same words.
     */
    @Singleton
    @Replaces(HtmlErrorResponseBodyProvider.class)
    public static final class ProblemForBrowsers implements HtmlErrorResponseBodyProvider {
        private final ProblemBodyProvider problems;
        private final ObjectMapper json;

        public ProblemForBrowsers(ProblemBodyProvider problems, ObjectMapper json) {
            this.problems = problems;
            this.json = json;
        }

        @Override
        public String body(ErrorContext context, HttpResponse<?> response) {
            try {
                return json.writeValueAsString(problems.body(context, response));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A problem document could not be written.", e);
            }
        }

        @Override
        public String contentType() {
            return Problem.MEDIA_TYPE;
        }
    }

    /** 400 for a parameter our own parsing rejected. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    public static final class InvalidParameterHandler
            extends ErrorResponseProcessorExceptionHandler<InvalidParameterException> {
        public InvalidParameterHandler(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        protected MutableHttpResponse<?> createResponse(InvalidParameterException exception) {
            return HttpResponse.badRequest();
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, InvalidParameterException e) {
            return responseProcessor.processResponse(ErrorContext.builder(request).cause(e)
                    .error(new FieldError(e.field(), e.getMessage())).build(), createResponse(e));
        }
    }

    /** 404 for an id that names nothing. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    public static final class NotFoundHandler extends ErrorResponseProcessorExceptionHandler<NotFoundException> {
        public NotFoundHandler(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        protected MutableHttpResponse<?> createResponse(NotFoundException exception) {
            return HttpResponse.notFound();
        }
    }

    private record FieldError(String field, String message) implements Error {
        @Override
        public Optional<String> getPath() {
            return Optional.ofNullable(field);
        }

        @Override
        public String getMessage() {
            return message;
        }
    }
}
