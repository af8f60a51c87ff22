package cn.newsevents.extraction.text;

/** A half-open range [start, end) of a text, with the index of the paragraph it lies in. */
public record Span(int start, int end, int paragraph) {
    public int length() {
        return end - start;
    }
}
