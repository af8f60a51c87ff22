package cn.newsevents.query.api;

import cn.newsevents.web.problem.Problem;
import cn.newsevents.web.problem.ProblemException;
import cn.newsevents.web.problem.ProblemType;

import java.util.List;

/** A request parameter that cannot be used as given; answered with 400 and a problem naming {@link #field()}. */
public final class InvalidParameterException extends ProblemException {
    private final String field;

    public InvalidParameterException(String field, String message) {
        super(Problem.ofFields(ProblemType.INVALID_PARAMETER, List.of(new Problem.FieldError(field, message))));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
