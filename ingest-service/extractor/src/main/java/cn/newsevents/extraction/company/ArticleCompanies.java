package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.extraction.text.Places;
import cn.newsevents.extraction.text.SimplifiedText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The companies an article names: registered names (a name with a registered-company ending), organisations named
 * before an executive title, and the companies of seminar participants. Resolves a short form to the fullest name
 * the article introduced (北方远航 … 北远). One instance per article; immutable after construction.
 */
final class ArticleCompanies {
    /** Resolution compares a short name with every distinct known name: bounded so that pathological input stays linear. */
    private static final int MAX_KNOWN = 400;

    private final CompanyLexicon lex;
    private final List<CompanyNames.Name> registered;
    private final int[] registeredStarts;
    private final List<CompanyNames.Name> known = new ArrayList<>();
    /** Short names the article introduces for a registered one in brackets, not written inside it (某某交投). */
    private final Map<String, String> aliases = new HashMap<>();
    /** The full name → the short name declared for it, when the full name does not hold it (楚某大药房… → 楚某药房). */
    private final Map<String, String> declared = new HashMap<>();
    /** "（以下简称“某某交投”）", "(下称某某)", "（“某某”）" right after a registered name. */
    private static final Pattern ALIAS = Pattern.compile(
            "[（(](?:(?:以下简称为?|以下称|下称|简称)[:：]?[“\"「『]?([\\u4e00-\\u9fff]{2,8})[”\"」』]?"
                    + "|[“\"「『]([\\u4e00-\\u9fff]{2,8})[”\"」』])[)）]");
    private static final int ALIAS_REACH = 24;

    /**
     * @param t    the article text in simplified characters
     * @param body where the body starts in {@code t}
     */
    ArticleCompanies(CompanyLexicon lex, CompanyNames names, String t, int body, List<SeminarEvent> seminars) {
        this.lex = lex;
        this.registered = bracketedShortNamesFolded(t, names.registered(t, body, t.length()));
        known.addAll(registered);
        Set<String> written = new HashSet<>();
        registered.forEach(n -> written.add(n.name()));
        known.addAll(names.titled(t, body, t.length(), written));
        for (SeminarEvent s : seminars) {
            for (Participant p : s.participants() == null ? List.<Participant>of() : s.participants()) {
                // "某某商会、某某餐饮集团": one person's several organisations; each company among them is known.
                for (String org : p.organization() == null ? new String[0]
                        : SimplifiedText.of(p.organization()).split("、")) {
                    if (lex.isCompanyOrganization(org)) {
                        int at = t.indexOf(org);
                        known.add(new CompanyNames.Name(Math.max(at, 0), Math.max(at, 0), org));
                    }
                }
            }
        }
        known.sort(Comparator.comparingInt(CompanyNames.Name::start));
        registered.sort(Comparator.comparingInt(CompanyNames.Name::start));
        registeredStarts = registered.stream().mapToInt(CompanyNames.Name::start).toArray();
        Map<String, CompanyNames.Name> distinct = new LinkedHashMap<>();
        for (CompanyNames.Name n : known) {
            if (distinct.size() < MAX_KNOWN) {
                distinct.putIfAbsent(n.name(), n);
            }
        }
        known.clear();
        known.addAll(distinct.values());
        for (CompanyNames.Name n : registered) {
            Matcher alias = ALIAS.matcher(t).region(n.end(), Math.min(t.length(), n.end() + ALIAS_REACH));
            if (alias.lookingAt() && aliases.size() < MAX_KNOWN) {
                String shortName = alias.group(1) != null ? alias.group(1) : alias.group(2);
                if (!n.name().contains(shortName)) {
                    aliases.putIfAbsent(shortName, n.name());
                    declared.putIfAbsent(n.name(), shortName);
                }
            }
        }
    }

    /**
     * "某某饮食集团控股有限公司（某某集团，股份代号：1234）": a registered short name in brackets right after a full name
     * sharing its first two characters is that company written again, not a second one; it is read as the full name
     * there (later mentions keep their own name).
     */
    private static List<CompanyNames.Name> bracketedShortNamesFolded(String t, List<CompanyNames.Name> raw) {
        List<CompanyNames.Name> out = new ArrayList<>(raw);
        for (int i = 1; i < out.size(); i++) {
            CompanyNames.Name full = out.get(i - 1);
            CompanyNames.Name inside = out.get(i);
            if (inside.start() == full.end() + 1 && (t.charAt(full.end()) == '（' || t.charAt(full.end()) == '(')
                    && inside.end() < t.length() && "）)，,、".indexOf(t.charAt(inside.end())) >= 0
                    && full.name().length() > inside.name().length() && inside.name().length() >= 3
                    && full.name().startsWith(inside.name().substring(0, 2))) {
                out.set(i, new CompanyNames.Name(inside.start(), inside.end(), full.name()));
            }
        }
        return out;
    }

    /**
     * The name figures of {@code company} are reported under: the short name the article declared for a registered
     * name that does not hold it (（简称“某某药房”）: the article calls the company so from then on), else the name.
     */
    String reportedAs(String company) {
        return declared.getOrDefault(company, company);
    }

    /** How many of the registered names before a clause its opening may be a short form of. */
    private static final int SHORT_FORM_NAMES = 12;
    /** How far before a reference (该子公司) the subsidiary it refers to may be named. */
    private static final int SUBSIDIARY_REACH = 300;
    /** "全资子公司某某有限公司", "附属公司某某": a registered name the text introduces as a subsidiary. */
    private static final Pattern SUBSIDIARY_BEFORE = Pattern.compile("(?:子公司|附属公司|附属企业)[—\\-“\"「]?$");

    /**
     * "…对全资子公司某某有限公司计提商誉减值。该子公司2024年营收…": the registered name introduced as a subsidiary
     * nearest before {@code at} (within {@link #SUBSIDIARY_REACH}), else null.
     */
    String subsidiaryBefore(String t, int at) {
        int i = firstRegisteredFrom(at) - 1;
        for (; i >= 0 && registered.get(i).start() >= at - SUBSIDIARY_REACH; i--) {
            CompanyNames.Name n = registered.get(i);
            if (n.end() <= at && SUBSIDIARY_BEFORE.matcher(t).region(Math.max(0, n.start() - 6), n.start()).find()) {
                return n.name();
            }
        }
        return null;
    }

    /**
     * "钧晟精密为国内汽车扣件大厂之一": a short form (three to six characters) of a registered name the article gave,
     * opening {@code t} at {@code pos}, as that full name; else null.
     */
    String shortFormAt(String t, int pos, int end) {
        // The registered names given last before pos, a bounded number of them: the cost stays linear in the text.
        int last = firstRegisteredFrom(pos);
        List<CompanyNames.Name> recent = registered.subList(Math.max(0, last - SHORT_FORM_NAMES), last);
        for (int len = Math.min(6, end - pos); len >= 3; len--) {
            String candidate = t.substring(pos, pos + len);
            for (CompanyNames.Name n : recent) {
                int at = n.start() < pos && n.name().length() > len ? n.name().indexOf(candidate) : -1;
                // The short form is the name's own part: at its start or right after the place opening it.
                if (at == 0 || at > 0 && at == Places.placeEnd(n.name(), 0, n.name().length())) {
                    return n.name();
                }
            }
        }
        return null;
    }

    /** The registered names in text order. */
    List<CompanyNames.Name> registered() {
        return registered;
    }

    /** Index of the first registered name starting at or after {@code pos}. */
    int firstRegisteredFrom(int pos) {
        int i = Arrays.binarySearch(registeredStarts, pos);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && registeredStarts[i - 1] == pos) {
            i--;
        }
        return i;
    }

    /** Whether the article gave {@code name}, or a name containing it. */
    boolean knows(String name) {
        for (CompanyNames.Name n : known) {
            if (n.name().contains(name)) {
                return true;
            }
        }
        return aliases.containsKey(name);
    }

    /** The fullest name of the article for a short name: one containing it, nearest before {@code at}. */
    String resolve(String shortName, int at) {
        String full = aliases.get(shortName);
        if (full != null) {
            return full;
        }
        CompanyNames.Name best = null;
        for (CompanyNames.Name n : known) {
            if (n.name().contains(shortName) && n.name().length() > shortName.length()) {
                if (best == null || (n.start() <= at && (best.start() > at || n.start() > best.start()))
                        || (best.start() > at && n.start() > at && n.name().length() > best.name().length())) {
                    best = n;
                }
            }
        }
        if (best != null) {
            return best.name();
        }
        // "远航汽车南京基地" is 远航汽车's; "曜光电子" is not cut to the 曜光 of "曜光董事长": a known name written
        // inside is the company only when what follows it is no name of its own.
        String contained = resolveContained(shortName, at);
        return contained != null && (registeredEnding(contained)
                || !lex.isCompanyOrganization(shortName.substring(contained.length()))) ? contained : shortName;
    }

    /** Whether a name ends with a registered-company ending (有限公司…): no word of the name can follow it. */
    private boolean registeredEnding(String name) {
        for (String suffix : lex.nameSuffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** A known name written inside {@code s} ("远航汽车南京基地" holds 远航汽车), else null. */
    String resolveContained(String s, int at) {
        String best = null;
        for (CompanyNames.Name n : known) {
            if (n.name().length() >= 2 && s.contains(n.name()) && s.startsWith(n.name())
                    && (best == null || n.name().length() > best.length())) {
                best = n.name();
            }
        }
        return best;
    }
}
