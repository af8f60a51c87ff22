package cn.newsevents.query.api;

import cn.newsevents.web.problem.Problem;
import cn.newsevents.web.problem.ProblemException;
import cn.newsevents.web.problem.ProblemType;

/** The addressed resource does not exist; answered with 404 and a problem. */
public final class NotFoundException extends ProblemException {
    public NotFoundException(String message) {
        super(Problem.of(ProblemType.NOT_FOUND, message));
    }

    /** A 404 for the {@code kind} (e.g. "seminar") with the given id. */
    public static NotFoundException of(String kind, String id) {
        return new NotFoundException("No " + kind + " has the id '" + id + "'.");
    }
}
