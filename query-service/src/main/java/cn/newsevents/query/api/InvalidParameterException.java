package cn.newsevents.query.api;

/** A request parameter that cannot be used as given; answered with 400 and a problem naming {@link #field()}. */
public final class InvalidParameterException extends RuntimeException {
    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
