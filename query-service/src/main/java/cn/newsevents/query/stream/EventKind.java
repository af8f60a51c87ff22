package cn.newsevents.query.stream;

import cn.newsevents.contract.messaging.Topics;

import java.util.Optional;

/** The kinds of events the stream carries: one per event topic, named as in the stream's {@code type} filter. */
public enum EventKind {
    SEMINAR("seminar", Topics.EVENTS_SEMINAR),
    COMPANY("company", Topics.EVENTS_COMPANY);

    private final String code;
    private final String topic;

    EventKind(String code, String topic) {
        this.code = code;
        this.topic = topic;
    }

    /** The SSE event name and the value of the {@code type} filter. */
    public String code() {
        return code;
    }

    /** The Kafka topic the events of this kind are read from. */
    public String topic() {
        return topic;
    }

    public static Optional<EventKind> ofCode(String code) {
        for (EventKind k : values()) {
            if (k.code.equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<EventKind> ofTopic(String topic) {
        for (EventKind k : values()) {
            if (k.topic.equals(topic)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
