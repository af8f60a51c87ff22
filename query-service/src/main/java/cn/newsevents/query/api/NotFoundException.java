package cn.newsevents.query.api;

/** The addressed resource does not exist; answered with 404 and a problem. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message, null, false, false);
    }

    /** A 404 for the {@code kind} (e.g. "seminar") with the given id. */
    public static NotFoundException of(String kind, String id) {
        return new NotFoundException("No " + kind + " has the id '" + id + "'.");
    }
}
