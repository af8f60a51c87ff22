package cn.newsevents.extraction.company;

import cn.newsevents.extraction.normalize.Tsv;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds company names in simplified text: registered names by their ending (有限公司, 集团...), and names
 * written right before a company job title (理想汽车副总裁). Also judges whether a short subject such as
 * 烽火通信 can be a company name. HanLP is used only on name candidates, to drop a person name glued in front
 * ("王某某常州某某有限公司" in profile headers).
 */
final class CompanyNames {
    /** A name at {@code [start, end)} of the text; {@code name} may be shorter than the span after trimming. */
    record Name(int start, int end, String name) {
    }

    private static final int MAX_NAME = 24;
    /** Dates and periods written before a name ("2023年集团"): the name starts after them. */
    private static final Pattern LEADING_TIME = Pattern.compile(
            "[0-9]{1,4}(?:年度|财年|年|月份|月|日)|今年|去年|前年|上半年|下半年|全年|季度|年底|年末|[0-9]+");
    private final CompanyLexicon lex;
    private final Pattern suffixes;
    private final Pattern titles;
    private final List<String> boundaries;
    private final List<String> nonCompany;

    CompanyNames(CompanyLexicon lex) {
        this.lex = lex;
        this.suffixes = Pattern.compile(Tsv.alternation(lex.nameSuffixes));
        this.titles = Pattern.compile(Tsv.alternation(lex.titles));
        this.boundaries = CompanyLexicon.longestFirst(lex.nameBoundaries);
        java.util.Set<String> all = new java.util.LinkedHashSet<>(lex.scopeWords);
        all.addAll(lex.aggregateWords);
        this.nonCompany = CompanyLexicon.longestFirst(all);
    }

    static boolean isNameChar(char c) {
        return (c >= '\u4e00' && c <= '\u9fff') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9') || c == '（' || c == '）' || c == '(' || c == ')' || c == '·'
                || c == '&';
    }

    /** Registered company names (ending in 有限公司, 集团...) in {@code text[from, to)}. */
    List<Name> registered(String text, int from, int to) {
        List<Name> out = new ArrayList<>();
        Matcher m = suffixes.matcher(text).region(from, to);
        while (m.find()) {
            int end = m.end();
            int start = walkLeft(text, m.start(), from);
            Name n = trim(text, start, m.start(), end);
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    /** Organizations named right before a job title of the title table ("。理想汽车副总裁李某"). */
    List<Name> titled(String text, int from, int to) {
        List<Name> out = new ArrayList<>();
        Matcher m = titles.matcher(text).region(from, to);
        while (m.find()) {
            int start = walkLeft(text, m.start(), from);
            if (m.start() - start < 2) {
                continue;
            }
            Name n = trim(text, start, m.start(), m.start());
            if (n != null && (lex.anaphors.contains(n.name()) || lex.headWords.contains(n.name()))) {
                continue;
            }
            if (n != null && lex.isCompanyOrganization(n.name())) {
                out.add(n);
            } else if (n != null && n.name().length() <= 8 && looksLikeName(n.name())
                    && !hasNonCompanyKind(n.name())) {
                out.add(n);
            }
        }
        return out;
    }

    private boolean hasNonCompanyKind(String name) {
        for (var e : lex.organizationKinds.entrySet()) {
            if (!e.getValue() && name.endsWith(e.getKey())) {
                return true;
            }
        }
        return false;
    }

    private static int walkLeft(String text, int pos, int floor) {
        int start = pos;
        while (start > floor && pos - start < MAX_NAME && isNameChar(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /**
     * The name in {@code text[start, end)} whose own part (before the ending at {@code suffixStart}) starts after
     * the last boundary word, without a person name glued in front; null when nothing name-like is left.
     */
    private Name trim(String text, int start, int suffixStart, int end) {
        int s = start;
        String part = text.substring(start, suffixStart);
        for (String b : boundaries) {
            int i = part.lastIndexOf(b);
            int cut = start + i + b.length();
            if (i >= 0 && cut > s && suffixStart - cut >= 2) {
                s = cut;
            }
        }
        Matcher time = LEADING_TIME.matcher(text).region(s, suffixStart);
        while (time.find()) {
            s = time.end();
        }
        String own = text.substring(s, suffixStart);
        if (own.length() < 2 && suffixStart != end) {
            return null;
        }
        if (!ownPartIsSpecific(own)) {
            return null;
        }
        String name = text.substring(s, end);
        int person = personPrefix(name, text);
        if (person > 0) {
            s += person;
            name = name.substring(person);
        }
        return new Name(s, end, name);
    }

    private boolean ownPartIsSpecific(String own) {
        if (own.matches(".*[0-9一二三四五六七八九十几多两数百千]家.*") || own.matches(".*(上市|该|这家|那家|本|子|分|总|母|各|其)")) {
            return false;
        }
        for (String w : nonCompany) {
            if (own.contains(w) && (w.length() > 1)) {
                return own.length() > w.length() + 1 && !own.endsWith(w);
            }
        }
        return true;
    }

    /**
     * Length of a person name glued before a company name ("许某江苏某某重工股份有限公司"): HanLP must tag the
     * first word as a person name, and what follows must start with a place name or appear in the text on its own.
     */
    private static int personPrefix(String name, String text) {
        if (name.length() < 7) {
            return 0;
        }
        List<Term> terms = HanLP.newSegment().enableNameRecognize(true).enablePlaceRecognize(true)
                .enableOrganizationRecognize(false).seg(name);
        if (terms.size() < 2 || terms.get(0).nature == null || !terms.get(0).nature.startsWith("nr")) {
            return 0;
        }
        int len = terms.get(0).word.length();
        if (len < 2 || len > 3) {
            return 0;
        }
        String rest = name.substring(len);
        boolean place = terms.get(1).nature != null && terms.get(1).nature.startsWith("ns");
        int first = text.indexOf(rest);
        boolean elsewhere = first >= 0 && (first == 0 || !isNameChar(text.charAt(first - 1))
                || text.indexOf(name) != first - len);
        return place || elsewhere ? len : 0;
    }

    /** Whether a short subject ("烽火通信", "京东方A") can be a company name by itself. */
    boolean looksLikeName(String s) {
        if (s == null || s.length() < 2 || s.length() > 16) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isNameChar(s.charAt(i))) {
                return false;
            }
        }
        if (s.matches(".*[0-9].*") && s.matches(".*[家个名位户].*")) {
            return false;
        }
        if (s.matches("[0-9A-Za-z]+") && s.length() < 2) {
            return false;
        }
        for (String w : nonCompany) {
            if (s.contains(w)) {
                return false;
            }
        }
        for (String a : lex.anaphors) {
            if (s.equals(a)) {
                return false;
            }
        }
        if (s.contains("和") || s.contains("与") || s.contains("及")) {
            return false;
        }
        for (var e : lex.organizationKinds.entrySet()) {
            if (!e.getValue() && s.endsWith(e.getKey())) {
                return false;
            }
        }
        return !s.matches(".*[市省县区镇乡村国州]");
    }
}
