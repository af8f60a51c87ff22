package cn.newsevents.contract.event;

/** A person as written in the article; any field but {@code name} may be null. */
public record Person(String name, String title, String organization) {
}
