package cn.newsevents.ingest.store;

import java.time.Instant;
import java.util.Locale;

/**
 * A run of the extractor over stored articles and how far it got.
 *
 * @param id               job id
 * @param extractorVersion the extractor version the run brings articles to
 * @param includeCurrent   whether articles already at that version are re-run too ({@code --all})
 * @param batchSize        articles per transaction
 * @param status           running, finished or failed
 * @param total            articles to look at when the run was created
 * @param lastArticleId    the cursor: every article up to this id (in id order) is done
 * @param scanned          articles looked at
 * @param replaced         articles whose events were replaced
 * @param skipped          articles left alone because they changed (or were brought to the version) meanwhile
 * @param failed           articles whose extraction failed; their previous events are kept
 * @param error            why the run failed, when it did
 */
public record ReprocessJob(String id, String extractorVersion, boolean includeCurrent, int batchSize, Status status,
                           long total, String lastArticleId, long scanned, long replaced, long skipped, long failed,
                           String error, Instant createdAt, Instant updatedAt, Instant finishedAt) {

    /** Where a job is. */
    public enum Status {
        RUNNING, FINISHED, FAILED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** Progress as a percentage of {@link #total}, 100 when there was nothing to do. */
    public int percent() {
        return total == 0 ? 100 : (int) Math.min(100, scanned * 100 / total);
    }
}
