package cn.newsevents.extraction.seminar;

import cn.newsevents.extraction.seminar.SeminarRules.Role;

/**
 * One article's text as the seminar stages read it: the simplified text that cue words are matched in and the
 * original text, same length, that returned strings are cut from. Cue and clause look-ups never read outside the
 * window they are given, so the work per sentence stays bounded. Immutable.
 */
final class MeetingText {
    static final String CLAUSE_BREAKS = "，,；;。！？!?\n";

    final SeminarRules rules;
    /** The article text in simplified characters. */
    final String s;
    /** The article text as written. */
    final String orig;

    MeetingText(SeminarRules rules, String simplified, String original) {
        this.rules = rules;
        this.s = simplified;
        this.orig = original;
    }

    /** Whether a cue of {@code role} occurs in {@code [from, to)}; an attend cue counts only when no block cue covers it. */
    boolean has(Role role, int from, int to) {
        if (role == Role.ATTEND) {
            for (int i = from; i < to; i++) {
                int attend = rules.cue(Role.ATTEND).longestAt(s, i, to);
                // A block word is longer than the attend cue it starts with (代表 in 代表团); a longer attend cue
                // holds the block word (代表团成员包括).
                if (attend > 0 && rules.cue(Role.ATTEND_BLOCK).longestAt(s, i, to) < attend) {
                    return true;
                }
            }
            return false;
        }
        return from < to && rules.cue(role).indexOf(s, from, to) >= 0;
    }

    /** The first clause break at or after {@code from}, or {@code limit}. */
    int clauseEnd(int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (CLAUSE_BREAKS.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return limit;
    }

    /** The start of the clause holding {@code from - 1}, never before {@code floor}. */
    int clauseStart(int from, int floor) {
        for (int i = from - 1; i >= floor; i--) {
            if (CLAUSE_BREAKS.indexOf(s.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return floor;
    }

    /** {@code s.indexOf(word, from)} that never looks at or past {@code to} (keeps the work per sentence bounded). */
    int indexOf(String word, int from, int to) {
        int last = to - word.length();
        for (int i = Math.max(0, from); i <= last; i++) {
            if (s.startsWith(word, i)) {
                return i;
            }
        }
        return -1;
    }
}
