package cn.newsevents.query.paging;

import java.time.Instant;
import java.util.List;

/**
 * The sort key of lists ordered newest stored first: {@code ingested_at DESC, id DESC}.
 */
public record TimeKey(Instant ingestedAt, String id) {

    /** The cursor of this key for a {@code kind} list. */
    public String encode(CursorKind kind) {
        return CursorCodec.encode(kind, List.of(ingestedAt.toString(), id));
    }

    /** The key in {@code cursor}, or a 400 on the cursor parameter. */
    public static TimeKey decode(CursorKind kind, String cursor) {
        List<String> parts = CursorCodec.decode(kind, cursor);
        if (parts.get(0) == null || parts.get(1) == null) {
            throw CursorCodec.invalid();
        }
        return new TimeKey(CursorCodec.instant(parts.get(0)), parts.get(1));
    }
}
