package cn.newsevents.extraction.company;

/**
 * The subject of a figure, read by {@link FigureSubjects}: a named company ({@code name}, written from {@code start}),
 * a reference back to the company in focus, or not a company ({@code name} null and {@code start} -1 but for NAMED).
 */
record Subject(Kind kind, String name, int start) {
    boolean refersBack() {
        return kind == Kind.FOCUS || kind == Kind.IMPLICIT;
    }

    /** IMPLICIT: nothing is written before the figure; it belongs to the company the paragraph speaks of. */
    enum Kind { NAMED, FOCUS, IMPLICIT, NONE }
}
