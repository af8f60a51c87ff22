package cn.newsevents.extraction.seminar;

import java.util.Map;

/** Where a segmenter sees person names in a sentence; consulted only when the rules cannot settle a name. */
@FunctionalInterface
interface NameHints {
    /** No hints at all. */
    NameHints NONE = start -> null;

    /** The end offset of a person name starting at {@code start}, or null. */
    Integer endOfNameAt(int start);

    /** Hints from a fixed map of start -> end offsets. */
    static NameHints of(Map<Integer, Integer> names) {
        return names::get;
    }
}
