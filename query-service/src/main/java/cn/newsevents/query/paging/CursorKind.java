package cn.newsevents.query.paging;

/** The list a cursor belongs to; a cursor of one list is rejected by another. */
public enum CursorKind {
    SEMINAR("s", 3), ARTICLE("a", 2), COMPANY_EVENT("c", 2);

    private final String code;
    private final int arity;

    CursorKind(String code, int arity) {
        this.code = code;
        this.arity = arity;
    }

    /** The tag written into cursors of this kind. */
    public String code() {
        return code;
    }

    /** How many sort-key parts a cursor of this kind holds. */
    public int arity() {
        return arity;
    }
}
