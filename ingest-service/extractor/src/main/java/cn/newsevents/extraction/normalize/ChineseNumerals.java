package cn.newsevents.extraction.normalize;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads a number written with Arabic digits (half- or full-width, with thousands separators) or with Chinese
 * numerals (一二三…十百千万亿兆, 两, 〇/零, 点 for the decimal point), and magnitude characters after digits
 * ("2.35亿" is 235000000). Traditional 萬/億 are read like 万/亿; 兆 is 10^12 (the Taiwan and money reading).
 */
public final class ChineseNumerals {
    private ChineseNumerals() {
    }

    /** Returns the value of {@code text}, or empty when it is not a number this class reads. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = foldDigits(text.strip());
        if (s.isEmpty()) {
            return Optional.empty();
        }
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == ',')) {
            i++;
        }
        try {
            if (i > 0) {
                String digits = s.substring(0, i).replace(",", "");
                if (digits.isEmpty() || digits.startsWith(".") || digits.endsWith(".")) {
                    return Optional.empty();
                }
                BigDecimal base = new BigDecimal(digits);
                BigDecimal scale = BigDecimal.ONE;
                for (int j = i; j < s.length(); j++) {
                    BigDecimal m = magnitude(s.charAt(j));
                    if (m == null) {
                        return Optional.empty();
                    }
                    scale = scale.multiply(m);
                }
                return Optional.of(base.multiply(scale).stripTrailingZeros());
            }
            return chinese(s).map(BigDecimal::stripTrailingZeros);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Replaces full-width digits and the full-width point with their ASCII forms. */
    public static String foldDigits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= '\uFF10' && c <= '\uFF19') {
                sb.append((char) ('0' + (c - '\uFF10')));
            } else if (c == '\uFF0E') {
                sb.append('.');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static BigDecimal magnitude(char c) {
        return switch (c) {
            case '十', '拾' -> BigDecimal.TEN;
            case '百', '佰' -> BigDecimal.valueOf(100);
            case '千', '仟' -> BigDecimal.valueOf(1000);
            case '万', '萬' -> BigDecimal.valueOf(10_000);
            case '亿', '億' -> BigDecimal.valueOf(100_000_000);
            case '兆' -> BigDecimal.valueOf(1_000_000_000_000L);
            default -> null;
        };
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一', '壹' -> 1;
            case '二', '两', '兩', '贰' -> 2;
            case '三', '叁' -> 3;
            case '四', '肆' -> 4;
            case '五', '伍' -> 5;
            case '六', '陆', '陸' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> -1;
        };
    }

    /** Chinese numerals: sections separated by 兆/亿/万, each section a 千百十 sum; "点" starts decimals. */
    private static Optional<BigDecimal> chinese(String s) {
        String intPart = s;
        String fraction = "";
        int dot = s.indexOf('点');
        if (dot >= 0) {
            intPart = s.substring(0, dot);
            fraction = s.substring(dot + 1);
        }
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal section = BigDecimal.ZERO;
        long small = 0;
        int pendingDigit = -1;
        boolean any = false;
        for (int k = 0; k < intPart.length(); k++) {
            char c = intPart.charAt(k);
            int d = digit(c);
            if (d >= 0) {
                if (pendingDigit >= 0) {
                    // "二〇二三" style digit strings: append the digit.
                    pendingDigit = pendingDigit * 10 + d;
                } else {
                    pendingDigit = d;
                }
                any = true;
                continue;
            }
            BigDecimal m = magnitude(c);
            if (m == null) {
                return Optional.empty();
            }
            any = true;
            long unit = m.longValue();
            if (unit < 10_000) {
                small += (pendingDigit < 0 ? 1 : pendingDigit) * unit;
            } else {
                small += Math.max(pendingDigit, 0);
                BigDecimal sectionValue = section.add(BigDecimal.valueOf(small));
                if (sectionValue.signum() == 0 && total.signum() > 0) {
                    // 十万亿: a bare magnitude after a magnitude multiplies everything before it.
                    total = total.multiply(m);
                } else if (sectionValue.signum() == 0) {
                    total = m;
                } else if (total.signum() > 0 && m.compareTo(BigDecimal.valueOf(100_000_000)) < 0) {
                    // 一亿二千万: the 万 section adds below the 亿 already counted.
                    total = total.add(sectionValue.multiply(m));
                } else {
                    total = total.add(sectionValue).multiply(m);
                }
                section = BigDecimal.ZERO;
                small = 0;
            }
            pendingDigit = -1;
        }
        if (!any) {
            return Optional.empty();
        }
        small += Math.max(pendingDigit, 0);
        BigDecimal value = total.add(section).add(BigDecimal.valueOf(small));
        BigDecimal scale = BigDecimal.ONE;
        while (!fraction.isEmpty() && magnitude(fraction.charAt(fraction.length() - 1)) != null) {
            // 三点五亿: the magnitude after the decimals scales the whole number.
            scale = scale.multiply(magnitude(fraction.charAt(fraction.length() - 1)));
            fraction = fraction.substring(0, fraction.length() - 1);
        }
        if (!fraction.isEmpty()) {
            StringBuilder f = new StringBuilder("0.");
            for (int k = 0; k < fraction.length(); k++) {
                int d = digit(fraction.charAt(k));
                if (d < 0) {
                    return Optional.empty();
                }
                f.append(d);
            }
            value = value.add(new BigDecimal(f.toString()));
        }
        return Optional.of(value.multiply(scale));
    }
}
