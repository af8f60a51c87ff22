package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Qualifier;
import cn.newsevents.extraction.normalize.Tsv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The word tables of company extraction, read once from {@code lexicon/company/*.tsv}: metric keywords, the
 * amount kind of each metric, company name endings, organization kinds, job titles, subject words and outlook
 * words. Immutable after construction.
 */
final class CompanyLexicon {
    /** What kind of figure a metric takes. */
    enum AmountKind { MONEY, PERCENT, COUNT }

    /** Keyword -> metric; a keyword mapped to empty names something else and blocks shorter keywords inside it. */
    final Map<String, Optional<Metric>> keywords = new HashMap<>();
    /** The keywords written out in the tables (not composed from parts). */
    private final Set<String> writtenKeywords = new LinkedHashSet<>();
    /** The rows of metric-keyword-grammar.tsv: each column's alternatives, "~" for none. */
    private final List<List<String>> composedRows = new ArrayList<>();
    final Map<Metric, AmountKind> kinds = new EnumMap<>(Metric.class);
    /** Counter words (家, 人, 间…) and the count metrics each counts. */
    final Map<Character, Set<Metric>> counters = new HashMap<>();
    final Set<String> nameSuffixes = new LinkedHashSet<>();
    final Map<String, Boolean> organizationKinds = new HashMap<>();
    /** The longest ending of {@link #organizationKinds}. */
    private final int longestKind;
    final Set<String> titles = new LinkedHashSet<>();
    /** Words that make a subject a market or product line of the company in focus (国内, 全球, 产品...). */
    final Set<String> scopeWords = new LinkedHashSet<>();
    /** Words that make a subject a group of companies, a sector or a region (上市公司, 全市, 合计...). */
    final Set<String> aggregateWords = new LinkedHashSet<>();
    final Set<String> leadWords = new LinkedHashSet<>();
    final Set<String> stopWords = new LinkedHashSet<>();
    final Set<String> anaphors = new LinkedHashSet<>();
    /** Keywords that name a figure only with its purpose after it ("斥资45亿元兴建新厂", "投入4.6亿元用于…"). */
    final Set<String> purposeKeywords = new LinkedHashSet<>();
    /** Verbs between a company and its product ("某某装备自主研发的造雪机"). */
    final Set<String> makerWords = new LinkedHashSet<>();
    /** Words that before 的 refer to the company in focus ("我们的起重机"), though not a subject on their own. */
    final Set<String> possessives = new LinkedHashSet<>();
    final Set<String> headWords = new LinkedHashSet<>();
    /** Prepositions inside a subject: the name follows the last of them. */
    final Set<String> prepositions = new LinkedHashSet<>();
    final Map<String, Qualifier> outlook = new HashMap<>();
    final Set<String> fillers = new LinkedHashSet<>();
    final Set<String> nameBoundaries = new LinkedHashSet<>();
    /** Adverbs between a name and its verb (某某同时披露). */
    final Set<String> subjectAdverbs = new LinkedHashSet<>();
    final Set<String> topicVerbs = new LinkedHashSet<>();
    /** Words that report a loss: the figure they introduce is a negative net profit. */
    final Set<String> lossWords = new LinkedHashSet<>();
    /** Keywords that count only right after the company's name or a period ("某某第二季度收入"). */
    final Set<String> bareKeywords = Set.of("收入", "收益");
    /** Words that mark a figure as adjusted or expected rather than reported, lower case. */
    final Set<String> adjustedMarkers = new LinkedHashSet<>();

    private static final CompanyLexicon INSTANCE = new CompanyLexicon();

    static CompanyLexicon get() {
        return INSTANCE;
    }

    /**
     * A regular expression for every keyword starting with {@code first} (any keyword when null): the written ones
     * longest first, and each composed row as a sequence of its columns, so that the expression stays small however
     * many words the rows compose.
     */
    String keywordPattern(Character first) {
        List<String> alternatives = new ArrayList<>();
        for (List<String> row : composedRows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                List<String> column = new ArrayList<>(List.of(row.get(i).split("\\|")));
                boolean optional = column.remove("~");
                if (i == 0 && first != null) {
                    column.removeIf(a -> a.charAt(0) != first);
                }
                if (column.isEmpty()) {
                    sb = null;
                    break;
                }
                sb.append("(?:").append(Tsv.alternation(column)).append(optional ? ")?" : ")");
            }
            if (sb != null) {
                alternatives.add(sb.toString());
            }
        }
        // The longest written words first; a composed sequence is tried before them (it is longer than any written
        // word it starts with).
        String written = Tsv.alternation(writtenKeywords.stream()
                .filter(w -> first == null || !w.isEmpty() && w.charAt(0) == first).toList());
        if (!written.isEmpty()) {
            alternatives.add(written);
        }
        return String.join("|", alternatives);
    }

    /** Every word a row of {@code metric-keyword-grammar.tsv} composes: one alternative of each part, joined. */
    static List<String> composed(String[] row) {
        List<String> words = List.of("");
        for (int i = 1; i < row.length; i++) {
            List<String> next = new ArrayList<>();
            for (String prefix : words) {
                for (String alternative : row[i].strip().split("\\|")) {
                    next.add(prefix + (alternative.equals("~") ? "" : alternative));
                }
            }
            words = next;
        }
        return words.stream().filter(w -> !w.isEmpty()).distinct().toList();
    }

    private CompanyLexicon() {
        for (String[] row : Tsv.read("lexicon/company/metric-keywords.tsv")) {
            String code = row[2].strip();
            Optional<Metric> metric = code.equals("-") ? Optional.empty() : Optional.of(Metric.fromCode(code));
            boolean purpose = row.length > 3 && row[3].strip().equals("purpose");
            for (String w : Tsv.spellings(row)) {
                keywords.put(w, metric);
                if (purpose) {
                    purposeKeywords.add(w);
                }
            }
        }
        writtenKeywords.addAll(keywords.keySet());
        for (String[] row : Tsv.read("lexicon/company/metric-keyword-grammar.tsv")) {
            Optional<Metric> metric = Optional.of(Metric.fromCode(row[0].strip()));
            for (String w : composed(row)) {
                keywords.putIfAbsent(w, metric);
            }
            composedRows.add(java.util.Arrays.stream(row, 1, row.length).map(String::strip).toList());
        }
        for (String[] row : Tsv.read("lexicon/company/loss-words.tsv")) {
            for (String w : Tsv.spellings(row)) {
                lossWords.add(w);
                keywords.putIfAbsent(w, Optional.of(Metric.NET_PROFIT));
                writtenKeywords.add(w);
            }
        }
        for (String[] row : Tsv.read("lexicon/company/adjusted-markers.tsv")) {
            for (String w : Tsv.spellings(row)) {
                adjustedMarkers.add(w.toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (String[] row : Tsv.read("lexicon/company/metrics.tsv")) {
            kinds.put(Metric.fromCode(row[0].strip()), AmountKind.valueOf(row[1].strip().toUpperCase()));
        }
        for (String[] row : Tsv.read("lexicon/company/metric-counters.tsv")) {
            Set<Metric> counted = java.util.EnumSet.noneOf(Metric.class);
            for (String code : row[2].strip().split(" +")) {
                counted.add(Metric.fromCode(code));
            }
            for (String w : Tsv.spellings(row)) {
                counters.put(w.charAt(0), counted);
            }
        }
        for (Metric m : Metric.values()) {
            if (!kinds.containsKey(m)) {
                throw new IllegalStateException("lexicon/company/metrics.tsv gives no amount kind for metric '"
                        + m.code() + "'; add a row for it.");
            }
        }
        for (String[] row : Tsv.read("lexicon/company/company-suffixes.tsv")) {
            nameSuffixes.addAll(Tsv.spellings(row));
        }
        for (String[] row : Tsv.read("lexicon/company/organization-kinds.tsv")) {
            for (String w : Tsv.spellings(row)) {
                organizationKinds.put(w, row[2].strip().equals("company"));
            }
        }
        longestKind = organizationKinds.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (String[] row : Tsv.read("lexicon/company/executive-titles.tsv")) {
            titles.addAll(Tsv.spellings(row));
        }
        for (String[] row : Tsv.read("lexicon/company/non-company-words.tsv")) {
            (row[2].strip().equals("scope") ? scopeWords : aggregateWords).addAll(Tsv.spellings(row));
        }
        for (String[] row : Tsv.read("lexicon/company/subject-words.tsv")) {
            Set<String> target = switch (row[2].strip()) {
                case "lead" -> leadWords;
                case "stop" -> stopWords;
                case "anaphor" -> anaphors;
                case "head" -> headWords;
                case "maker" -> makerWords;
                case "possessive" -> possessives;
                default -> throw new IllegalStateException("lexicon/company/subject-words.tsv: kind '" + row[2]
                        + "' is not one of lead, stop, anaphor, head, maker, possessive.");
            };
            target.addAll(Tsv.spellings(row));
        }
        for (String[] row : Tsv.read("lexicon/company/subject-prepositions.tsv")) {
            prepositions.addAll(Tsv.spellings(row));
        }
        for (String[] row : Tsv.read("lexicon/company/outlook-words.tsv")) {
            for (String w : Tsv.spellings(row)) {
                outlook.put(w, Qualifier.valueOf(row[2].strip().toUpperCase()));
            }
        }
        for (String[] row : Tsv.read("lexicon/company/metric-fillers.tsv")) {
            fillers.addAll(Tsv.spellings(row));
        }
        fillers.addAll(lossWords);
        for (String[] row : Tsv.read("lexicon/company/topic-verbs.tsv")) {
            topicVerbs.addAll(Tsv.spellings(row));
        }
        for (String[] row : Tsv.read("lexicon/company/subject-adverbs.tsv")) {
            subjectAdverbs.addAll(Tsv.spellings(row));
        }
        for (String[] row : Tsv.read("lexicon/company/name-boundaries.tsv")) {
            nameBoundaries.addAll(Tsv.spellings(row));
        }
    }

    /** Whether an amount can be a figure of the metric: money for money metrics, a percentage for shares, a count. */
    boolean fits(Metric metric, cn.newsevents.extraction.normalize.Amount amount) {
        return switch (kinds.get(metric)) {
            case MONEY -> amount.unit().isMoney();
            case PERCENT -> amount.unit() == cn.newsevents.contract.event.Unit.PERCENT;
            case COUNT -> amount.unit() == cn.newsevents.contract.event.Unit.COUNT || !amount.unitStated();
        };
    }

    /**
     * Whether the counter written in an amount ("2300余家", "1,350人") counts what the metric counts; an amount without
     * a known counter does.
     */
    boolean countsWith(Metric metric, String written) {
        for (int i = 0; i < written.length(); i++) {
            Set<Metric> counted = counters.get(written.charAt(i));
            if (counted != null) {
                return counted.contains(metric);
            }
        }
        return true;
    }

    /**
     * Where the first executive title stands in {@code s} ("某某公司副总经理某某" → 4), else -1: in 集团主席兼行政总裁某某
     * the first of the posts ends the company.
     */
    int firstTitle(String s) {
        int first = -1;
        for (String title : titles) {
            int i = s.indexOf(title);
            if (i >= 0 && (first < 0 || i < first)) {
                first = i;
            }
        }
        return first;
    }

    /** The sorted lists of the lexicon's word sets, by set: the stages of every article ask for the same ones. */
    private static final Map<Set<String>, List<String>> SORTED = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Words sorted longest first, for scanning; sorted once per word set of the lexicon. */
    static List<String> longestFirst(Set<String> words) {
        return SORTED.computeIfAbsent(words, w -> {
            List<String> list = new ArrayList<>(w);
            list.sort((a, b) -> b.length() - a.length());
            return Collections.unmodifiableList(list);
        });
    }

    /**
     * Whether an organization name is a company: decided by its longest known ending (有限公司, 集团, 科技... vs
     * 政府, 大学, 协会...); unknown endings are not companies.
     */
    boolean isCompanyOrganization(String organization) {
        if (organization == null || organization.isBlank()) {
            return false;
        }
        String org = organization.strip();
        for (Map.Entry<String, Boolean> e : organizationKinds.entrySet()) {
            // A multi-character non-business word anywhere (江南大学附属…) rules a company out unless the name
            // ends as a registered company does.
            if (!e.getValue() && e.getKey().length() > 1 && org.contains(e.getKey())
                    && !org.endsWith("公司") && !org.endsWith("集团")) {
                return false;
            }
        }
        // The longest ending the table holds.
        for (int k = Math.min(org.length(), longestKind); k >= 1; k--) {
            Boolean company = organizationKinds.get(org.substring(org.length() - k));
            if (company != null) {
                return company;
            }
        }
        return false;
    }
}
