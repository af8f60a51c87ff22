package cn.newsevents.extraction.seminar;

import cn.newsevents.extraction.text.Lexicon;

/**
 * The organisation part of a post region, read for its shape. A clause before the organisation (感谢了…主任,
 * 来自…大学) is cut off after its last clause word, and so is a relative clause opened by a lead verb (出席交流的…);
 * an acting marker opening it (署理财政司) belongs to the title, not the organisation; a trailing 的 (协会的会长) and
 * brackets around a post (远大集团（董事长某某）) are dropped. A region that is all clause names no organisation: the person in it is only spoken of. Offsets index the
 * text read; linear in the region's length.
 *
 * @param actingStart start of the acting marker; equals {@code start} when there is none
 * @param start       start of the organisation
 * @param end         end of the organisation; equals {@code start} when there is none
 * @param clause      true when the region held a clause word
 */
record OrganizationSpan(int actingStart, int start, int end, boolean clause) {
    /** 等8家企业, 20多家单位: organisations counted, not named. */
    private static final java.util.regex.Pattern COUNTED = java.util.regex.Pattern.compile(
            "等?[0-9一二三四五六七八九十百几多数两]{1,4}(?:多|余)?(?:家|个|位|名)");
    /** 出席本次交流的: the longest relative clause opened by a lead verb that is cut off. */
    private static final int MAX_LEAD_CLAUSE = 10;

    static OrganizationSpan read(String s, int from, int to) {
        int start = from;
        boolean clause = false;
        for (int i = from; i < to; i++) {
            int len = Lexicon.CLAUSE_WORDS.longestAt(s, i, to);
            if (len > 0) {
                start = i + len;
                clause = true;
                i += len - 1;
            }
        }
        int lead = Lexicon.LEAD_VERBS.longestAt(s, start, to);
        if (lead > 0) {
            for (int i = start + lead; i < to && i - start <= MAX_LEAD_CLAUSE; i++) {
                if (s.charAt(i) == '的') {
                    start = i + 1;
                    clause = true;
                    break;
                }
            }
        }
        int end = to;
        // 远大集团（董事长某某）、东方电子（总经理某某）: brackets and list marks around the organisation are not in it.
        while (end > start && (s.charAt(end - 1) == '的' || "（(".indexOf(s.charAt(end - 1)) >= 0
                || Character.isWhitespace(s.charAt(end - 1)))) {
            end--;
        }
        while (start < end && ("）)、，,".indexOf(s.charAt(start)) >= 0 || Character.isWhitespace(s.charAt(start)))) {
            start++;
        }
        if (COUNTED.matcher(s).region(start, end).lookingAt()) {
            // 某某等8家企业负责人: a count of organisations, not one; the words after it name no one.
            return new OrganizationSpan(end, end, end, true);
        }
        int acting = Lexicon.ACTING_MARKERS.longestAt(s, start, end);
        if (acting > 0 && acting < end - start) {
            return new OrganizationSpan(start, start + acting, end, clause);
        }
        return new OrganizationSpan(start, start, end, clause);
    }

    boolean isEmpty() {
        return end <= start;
    }

    /** A clause with no organisation after it: the person is mentioned, not introduced with a post. */
    boolean clauseOnly() {
        return clause && isEmpty();
    }
}
