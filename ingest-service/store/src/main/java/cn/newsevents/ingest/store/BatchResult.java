package cn.newsevents.ingest.store;

/**
 * What one batch write did.
 *
 * @param inserted  articles stored for the first time
 * @param revised   articles whose content changed: their events were replaced
 * @param unchanged articles already stored with the same content (nothing written)
 * @param events    events written (seminars + company events), each with one outbox row
 */
public record BatchResult(int inserted, int revised, int unchanged, int events) {
    public static final BatchResult EMPTY = new BatchResult(0, 0, 0, 0);

    public BatchResult plus(BatchResult o) {
        return new BatchResult(inserted + o.inserted, revised + o.revised, unchanged + o.unchanged,
                events + o.events);
    }
}
