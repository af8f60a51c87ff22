package cn.newsevents.extraction.date;

/** Small whole numbers written with ASCII, full-width or Chinese digits (5, ５, 五, 十七, 二十六, 一〇). */
public final class ChineseNumbers {
    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumbers() {
    }

    /** A parsed number: its value and the index just after it. */
    public record Parsed(int value, int end) {
    }

    /** Parses at most {@code maxChars} characters at {@code pos}; null when no number starts there. */
    public static Parsed parse(CharSequence s, int pos, int limit, int maxChars) {
        int end = Math.min(limit, pos + maxChars);
        int i = pos;
        int value = 0;
        while (i < end && digit(s.charAt(i)) >= 0) {
            value = value * 10 + digit(s.charAt(i));
            i++;
        }
        if (i > pos) {
            return new Parsed(value, i);
        }
        // Chinese numerals: [二-九]?十[一-九]? or a digit run (二〇二四).
        int tens = -1;
        int ones = -1;
        boolean ten = false;
        while (i < end) {
            char c = s.charAt(i);
            int d = c == '零' ? 0 : c == '两' ? 2 : DIGITS.indexOf(c);
            if (c == '十') {
                if (ten) {
                    break;
                }
                ten = true;
                tens = ones < 0 ? 1 : ones;
                ones = -1;
                i++;
            } else if ((c == '廿' || c == '卅') && !ten && ones < 0) {
                // 廿三日, 卅日: twenty, thirty.
                ten = true;
                tens = c == '廿' ? 2 : 3;
                i++;
            } else if (d >= 0) {
                if (ones >= 0 && !ten) {
                    ones = ones * 10 + d;
                } else if (ones >= 0) {
                    break;
                } else {
                    ones = d;
                }
                i++;
            } else {
                break;
            }
        }
        if (i == pos) {
            return null;
        }
        int v = (ten ? tens * 10 : 0) + Math.max(ones, 0);
        return new Parsed(v, i);
    }

    /** The value of an ASCII or full-width digit, or -1. */
    public static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '０' && c <= '９') {
            return c - '０';
        }
        return -1;
    }

    /** True for ASCII, full-width and Chinese digits (not 十). */
    public static boolean isDigitLike(char c) {
        return digit(c) >= 0 || DIGITS.indexOf(c) >= 0;
    }
}
