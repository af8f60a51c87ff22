package cn.newsevents.query.web;

/**
 * An HTML document written as text. Everything from data goes through {@link #text} or {@link #attr}, which escape
 * it; markup is appended with {@link #raw}. Characters are written as themselves (the page is UTF-8), never as
 * escapes, so Chinese reads as Chinese in the source too.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(16_384);

    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends {@code value} as element content; null appends nothing. */
    Html text(String value) {
        if (value != null) {
            escape(value, 0, value.length(), false);
        }
        return this;
    }

    /** Appends part of {@code value} as element content. */
    Html text(String value, int start, int end) {
        escape(value, start, end, false);
        return this;
    }

    /** Appends {@code name="value"} (with a leading space), escaped for a double-quoted attribute. */
    Html attr(String name, String value) {
        out.append(' ').append(name).append("=\"");
        escape(value == null ? "" : value, 0, value == null ? 0 : value.length(), true);
        out.append('"');
        return this;
    }

    private void escape(String s, int start, int end, boolean attribute) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
