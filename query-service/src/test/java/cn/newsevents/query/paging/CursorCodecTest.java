package cn.newsevents.query.paging;

import cn.newsevents.query.api.InvalidParameterException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CursorCodecTest {
    private static final List<String> KEY = Arrays.asList(null, "2024-06-01T02:00:00.123456Z", "s-0a1b");

    @Test
    void decodingGivesBackTheEncodedKeyIncludingNulls() {
        String cursor = CursorCodec.encode(CursorKind.SEMINAR, KEY);
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "url-safe without padding: " + cursor);
        assertEquals(KEY, CursorCodec.decode(CursorKind.SEMINAR, cursor));
    }

    @Test
    void everyAlteredCharacterBeforeTheLastIsDetected() {
        String cursor = CursorCodec.encode(CursorKind.SEMINAR, KEY);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < cursor.length() - 1; i++) {
            for (char c : new char[]{alphabet.charAt(3), alphabet.charAt(40)}) {
                if (cursor.charAt(i) == c) {
                    continue;
                }
                String altered = cursor.substring(0, i) + c + cursor.substring(i + 1);
                InvalidParameterException e = assertThrows(InvalidParameterException.class,
                        () -> CursorCodec.decode(CursorKind.SEMINAR, altered), altered);
                assertEquals("cursor", e.field());
            }
        }
    }

    @Test
    void aCursorOfAnotherListIsRejected() {
        String cursor = new TimeKey(java.time.Instant.parse("2024-06-01T00:00:00Z"), "a-1").encode(CursorKind.ARTICLE);
        assertThrows(InvalidParameterException.class, () -> TimeKey.decode(CursorKind.COMPANY_EVENT, cursor));
        assertThrows(InvalidParameterException.class, () -> CursorCodec.decode(CursorKind.SEMINAR, cursor));
    }

    @Test
    void truncatedAndForeignTextIsRejected() {
        String cursor = CursorCodec.encode(CursorKind.SEMINAR, KEY);
        for (String bad : List.of(cursor.substring(0, cursor.length() / 2), "", "====", "常州", "AAAAAAAA")) {
            assertThrows(InvalidParameterException.class, () -> CursorCodec.decode(CursorKind.SEMINAR, bad), bad);
        }
    }

    @Test
    void aWellFormedCursorWithAnUnparsableDateIsRejected() {
        String cursor = CursorCodec.encode(CursorKind.SEMINAR, List.of("2024-13-40", "2024-06-01T00:00:00Z", "s-1"));
        assertThrows(InvalidParameterException.class, () -> cn.newsevents.query.seminar.SeminarKey.decode(cursor));
    }
}
