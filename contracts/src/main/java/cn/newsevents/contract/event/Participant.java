package cn.newsevents.contract.event;

/**
 * Someone who took part in a seminar. {@code title} and {@code organization} join several posts with "、"
 * in text order (e.g. "董事长、总经理"); {@code raised} is what the text says they raised, else null.
 */
public record Participant(String name, String title, String organization, String raised) {
}
