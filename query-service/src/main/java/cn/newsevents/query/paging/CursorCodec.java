package cn.newsevents.query.paging;

import cn.newsevents.query.api.InvalidParameterException;
import cn.newsevents.query.api.Params;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Opaque keyset cursors: base64url of a JSON array {@code [kind, part...]} (the last row's sort key) followed by
 * a CRC-32C of it. A cursor that was altered, truncated or issued by another list fails {@link #decode} with a
 * 400 on the {@code cursor} parameter instead of silently paging from a wrong place. The CRC is no signature: a
 * forged cursor with a valid checksum is checked part by part (length, control characters, date ranges).
 */
public final class CursorCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final int MAX_LENGTH = 1024;

    private CursorCodec() {
    }

    /** Encodes the sort key {@code parts} (nulls allowed) of a {@code kind} list. */
    public static String encode(CursorKind kind, List<String> parts) {
        if (parts.size() != kind.arity()) {
            throw new IllegalArgumentException("A " + kind + " cursor holds " + kind.arity() + " parts.");
        }
        List<String> all = new ArrayList<>(parts.size() + 1);
        all.add(kind.code());
        all.addAll(parts);
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings is always serialisable.", e);
        }
        ByteBuffer out = ByteBuffer.allocate(body.length + 4).put(body).putInt(checksum(body));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /** Decodes a cursor of the {@code kind} list into its sort-key parts, or rejects it as a bad parameter. */
    public static List<String> decode(CursorKind kind, String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor.strip());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (raw.length < 5) {
            throw invalid();
        }
        byte[] body = Arrays.copyOf(raw, raw.length - 4);
        if (ByteBuffer.wrap(raw, raw.length - 4, 4).getInt() != checksum(body)) {
            throw invalid();
        }
        List<String> all;
        try {
            all = JSON.readValue(new String(body, StandardCharsets.UTF_8), STRINGS);
        } catch (JsonProcessingException e) {
            throw invalid();
        }
        if (all == null || all.size() != kind.arity() + 1 || !kind.code().equals(all.get(0))) {
            throw invalid();
        }
        // The checksum only catches accidents: anyone can compute it, so the parts are checked like parameters.
        for (String part : all) {
            if (part != null && (part.length() > Params.MAX_ID_LENGTH || Params.hasControl(part))) {
                throw invalid();
            }
        }
        return all.subList(1, all.size());
    }

    /** The instant a cursor part holds, in the years parameters are accepted in, else a 400 on the cursor. */
    public static Instant instant(String part) {
        try {
            Instant instant = Instant.parse(part);
            if (Params.plausibleYear(instant.atOffset(ZoneOffset.UTC).getYear())) {
                return instant;
            }
        } catch (DateTimeParseException | NullPointerException e) {
            // Falls through to the rejection.
        }
        throw invalid();
    }

    /** The date a cursor part holds (null for null), in the years parameters are accepted in, else a 400. */
    public static LocalDate date(String part) {
        if (part == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(part);
            if (Params.plausibleYear(date.getYear())) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // Falls through to the rejection.
        }
        throw invalid();
    }

    /** The error for a cursor that is not one this list issued. */
    public static InvalidParameterException invalid() {
        return new InvalidParameterException("cursor", "The parameter 'cursor' is not a cursor this list issued;"
                + " pass the 'next' value of the previous page unchanged, or leave it out to start at the top.");
    }

    private static int checksum(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return (int) crc.getValue();
    }
}
