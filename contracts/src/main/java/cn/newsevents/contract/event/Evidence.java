package cn.newsevents.contract.event;

/**
 * The span of the ORIGINAL article text an event was read from: {@code text.substring(start, end).equals(text)}
 * holds for the full text (headline line, source line and body as given to the extractor).
 */
public record Evidence(int start, int end, String text) {
}
