package cn.newsevents.query.seminar;

import cn.newsevents.query.paging.CursorCodec;
import cn.newsevents.query.paging.CursorKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The sort key of seminar lists: {@code seminar_date DESC NULLS LAST, ingested_at DESC, id DESC}
 * (the order of the {@code seminars_latest_idx} index). {@code date} is null for undated seminars.
 */
public record SeminarKey(LocalDate date, Instant ingestedAt, String id) {

    public String encode() {
        return CursorCodec.encode(CursorKind.SEMINAR,
                Arrays.asList(date == null ? null : date.toString(), ingestedAt.toString(), id));
    }

    /** The key in {@code cursor}, or a 400 on the cursor parameter. */
    public static SeminarKey decode(String cursor) {
        List<String> parts = CursorCodec.decode(CursorKind.SEMINAR, cursor);
        if (parts.get(1) == null || parts.get(2) == null) {
            throw CursorCodec.invalid();
        }
        return new SeminarKey(CursorCodec.date(parts.get(0)), CursorCodec.instant(parts.get(1)), parts.get(2));
    }
}
