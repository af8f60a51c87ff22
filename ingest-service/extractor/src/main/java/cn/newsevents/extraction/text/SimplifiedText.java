package cn.newsevents.extraction.text;

import com.hankcs.hanlp.HanLP;

/**
 * A simplified-character view of a text with the SAME length, so an offset into the view is an offset into the
 * original. HanLP's whole-text conversion is used when it keeps the length; otherwise characters are converted
 * one by one and any character whose mapping is not exactly one char is kept as written.
 */
public final class SimplifiedText {
    private SimplifiedText() {
    }

    /** Returns a simplified form of {@code original} with {@code result.length() == original.length()}. */
    public static String of(String original) {
        String whole = HanLP.convertToSimplifiedChinese(original);
        if (whole.length() == original.length()) {
            return whole;
        }
        StringBuilder sb = new StringBuilder(original.length());
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c < 0x2E80 || Character.isSurrogate(c)) {
                sb.append(c);
                continue;
            }
            String one = HanLP.convertToSimplifiedChinese(String.valueOf(c));
            sb.append(one.length() == 1 ? one.charAt(0) : c);
        }
        return sb.toString();
    }
}
