package cn.newsevents.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code field} names the first offending
 * field and {@code errors} lists every one, when the problem is about fields.
 */
@Introspected
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, List<FieldError> errors) {

    /** One invalid field and what to do about it. */
    @Introspected
    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status().getCode(), detail, null, null);
    }

    public static Problem ofFields(ProblemType type, List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).message()
                : String.join(" ", errors.stream().map(FieldError::message).toList());
        return new Problem(type.uri(), type.title(), type.status().getCode(), detail, errors.get(0).field(),
                List.copyOf(errors));
    }

    /** This problem as a response with the problem media type. */
    public MutableHttpResponse<Problem> toResponse() {
        return HttpResponse.<Problem>status(io.micronaut.http.HttpStatus.valueOf(status))
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE).body(this);
    }
}
