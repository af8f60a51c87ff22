package cn.newsevents.ingest.post;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a bulk post has achieved so far. Accepted counts distinct article ids the API answered 202 with; a 202 with
 * an id already seen in this run (the same url, or the same content) is a duplicate; refused are the answers
 * other than 202 after retries. Safe for concurrent updates.
 */
public final class Tally {
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    void accepted(String id) {
        if (ids.add(id)) {
            accepted.incrementAndGet();
        } else {
            duplicates.incrementAndGet();
        }
    }

    void refusal() {
        refused.incrementAndGet();
    }

    void retried() {
        retries.incrementAndGet();
    }

    public long accepted() {
        return accepted.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long refused() {
        return refused.get();
    }

    /** Answers 429 or 503 (or a failed connection) that were waited out and tried again. */
    public long retries() {
        return retries.get();
    }

    public long done() {
        return accepted() + duplicates() + refused();
    }
}
