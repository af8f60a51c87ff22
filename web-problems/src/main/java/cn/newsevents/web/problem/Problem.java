package cn.newsevents.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}), the error body of every service of the
 * system. {@code type} is a {@link ProblemType} URI, {@code instance} the request path; when the problem is about
 * request fields or parameters, {@code errors} lists every one with what to do about it and {@code field} names
 * the first. Members that do not apply are left out.
 */
@Introspected
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field,
                      List<FieldError> errors) {
    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = MediaType.APPLICATION_JSON_PROBLEM;

    /** One invalid field or parameter and what to do about it. */
    @Introspected
    public record FieldError(String field, String message) {
    }

    /** A problem of {@code type} explained by {@code detail}. */
    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status().getCode(), detail, null, null, null);
    }

    /** A problem of {@code type} about {@code errors} (at least one); the detail joins their messages. */
    public static Problem ofFields(ProblemType type, List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("A problem about fields names at least one field.");
        }
        String detail = String.join(" ", errors.stream().map(FieldError::message).toList());
        return new Problem(type.uri(), type.title(), type.status().getCode(), detail, null, errors.get(0).field(),
                List.copyOf(errors));
    }

    /** This problem about the request at {@code path}. */
    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, field, errors);
    }

    /** This problem as a response with the problem media type. */
    public MutableHttpResponse<Problem> toResponse() {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(status))
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE).body(this);
    }
}
