package cn.newsevents.extraction.company;

import cn.newsevents.extraction.normalize.Amounts;
import cn.newsevents.extraction.normalize.Tsv;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of company extraction, read from {@code rules/company/*.rules.tsv}: metric rules (keyword and
 * figure), rank rules and year-on-year change rules. Each rule is a value: a name, a compiled pattern and what
 * it produces.
 */
final class CompanyRules {
    /**
     * A metric rule; {@code countOnly} rules apply to count metrics (customers, outlets, employees) only, and
     * {@code nextClause} rules may find their figure in the clause after the keyword's ("市占率稳居第一，达41.3%").
     * A rule that opens with its keyword is tried at a keyword only, with {@link #at(char)}: its pattern narrowed to
     * the keywords that start with that keyword's first character, which finds the same match (no other keyword can
     * start there) without trying every keyword of the table.
     */
    static final class MetricRule {
        private final String name;
        private final boolean countOnly;
        private final boolean nextClause;
        private final Pattern pattern;
        private final boolean keywordFirst;
        private final boolean amountAfterKeyword;
        private final java.util.function.Function<Character, Pattern> narrowed;
        private final java.util.Map<Character, Pattern> byFirst = new java.util.concurrent.ConcurrentHashMap<>();
        /** The plain words the keyword group is written with, or null: see {@link #mayHaveKeywordAt}. */
        private final List<String> keywordWords;

        MetricRule(String name, boolean countOnly, boolean nextClause, Pattern pattern,
                   java.util.function.Function<Character, Pattern> narrowed) {
            this.name = name;
            this.countOnly = countOnly;
            this.nextClause = nextClause;
            this.pattern = pattern;
            this.keywordFirst = pattern.pattern().startsWith("(?<kw>");
            this.amountAfterKeyword = pattern.pattern().indexOf("(?<amount>") > pattern.pattern().indexOf("(?<kw>");
            this.narrowed = narrowed;
            this.keywordWords = literalKeywords(pattern.pattern());
        }

        /**
         * The words of a keyword group written as plain words ("(?<kw>亏损|虧損)"), else null (the keyword table, or
         * a group with more syntax in it).
         */
        private static List<String> literalKeywords(String pattern) {
            int open = pattern.indexOf("(?<kw>");
            int close = open < 0 ? -1 : pattern.indexOf(')', open);
            if (close < 0) {
                return null;
            }
            String group = pattern.substring(open + "(?<kw>".length(), close);
            return group.matches("[\\u4e00-\\u9fff]+(?:\\|[\\u4e00-\\u9fff]+)*") ? List.of(group.split("\\|")) : null;
        }

        /**
         * Whether the keyword group can start at {@code at}: a rule whose keyword is a few plain words ("亏损|虧損")
         * finds no keyword at a keyword hit written otherwise (营收), so its search around that hit is skipped.
         */
        boolean mayHaveKeywordAt(String text, int at) {
            if (keywordWords == null) {
                return true;
            }
            for (String w : keywordWords) {
                if (text.startsWith(w, at)) {
                    return true;
                }
            }
            return false;
        }

        String name() {
            return name;
        }

        boolean countOnly() {
            return countOnly;
        }

        boolean nextClause() {
            return nextClause;
        }

        Pattern pattern() {
            return pattern;
        }

        /** Whether the pattern opens with the keyword, so that it can be tried at the keyword only. */
        boolean keywordFirst() {
            return keywordFirst;
        }

        /** Whether the figure follows the keyword (a rule opening with other words: "占全省市场份额的六成"). */
        boolean amountAfterKeyword() {
            return amountAfterKeyword;
        }

        /** The pattern for a keyword starting with {@code first}, for a rule that opens with its keyword. */
        Pattern at(char first) {
            return byFirst.computeIfAbsent(first, narrowed);
        }
    }

    /** A rank rule: {@code rank} is fixed, or null to read group {@code n}. */
    record RankRule(String name, Integer rank, Pattern pattern) {
    }

    /** A year-on-year change rule: {@code sign} 1 for a rise, -1 for a fall; group {@code pct} is the change. */
    record GrowthRule(String name, int sign, Pattern pattern) {
    }

    final List<MetricRule> metricRules = new ArrayList<>();
    final List<RankRule> rankRules = new ArrayList<>();
    final List<GrowthRule> growthRules = new ArrayList<>();
    /** The comparison that gives a figure of an earlier period right after a reported figure. */
    final Pattern comparison;

    CompanyRules(CompanyLexicon lex) {
        String keyword = lex.keywordPattern(null);
        String filler = Tsv.alternation(lex.fillers);
        for (String[] row : Tsv.read("rules/company/metric.rules.tsv")) {
            if (!row[2].contains("(?<kw>") || !row[2].contains("(?<amount>")) {
                throw new IllegalStateException("Metric rule '" + row[0] + "' in rules/company/metric.rules.tsv must "
                        + "have a (?<kw>...) group for the keyword and an (?<amount>...) group for the figure.");
            }
            // A rule that opens with its amount is searched for before its keyword: the lookahead keeps that cheap.
            String lead = row[2].startsWith("(?<amount>{AMOUNT})") ? Amounts.LOOKAHEAD : "";
            String pattern = lead + row[2].replace("{KEYWORD}", keyword).replace("{FILLER}", filler)
                    .replace("{AMOUNT}", Amounts.REGEX);
            String applies = row[1].strip();
            if (!applies.equals("any") && !applies.equals("count") && !applies.equals("next")) {
                throw new IllegalStateException("Metric rule '" + row[0] + "' in rules/company/metric.rules.tsv applies "
                        + "to '" + applies + "'; write any, count or next.");
            }
            String template = lead + row[2].replace("{FILLER}", filler).replace("{AMOUNT}", Amounts.REGEX);
            metricRules.add(new MetricRule(row[0].strip(), applies.equals("count"), applies.equals("next"),
                    Pattern.compile(pattern), c -> Pattern.compile(template.replaceFirst(
                            java.util.regex.Pattern.quote("(?<kw>{KEYWORD})"), java.util.regex.Matcher.quoteReplacement(
                                    "(?<kw>" + lex.keywordPattern(c) + ")"))
                            .replace("{KEYWORD}", keyword))));
        }
        List<String[]> comparisons = Tsv.read("rules/company/comparison.rules.tsv");
        if (comparisons.size() != 1) {
            throw new IllegalStateException("rules/company/comparison.rules.tsv must hold exactly one rule.");
        }
        comparison = Pattern.compile(comparisons.get(0)[1].replace("{AMOUNT}", Amounts.REGEX));
        for (String[] row : Tsv.read("rules/company/rank.rules.tsv")) {
            String rank = row[1].strip();
            rankRules.add(new RankRule(row[0].strip(), rank.equals("group") ? null : Integer.valueOf(rank),
                    Pattern.compile(row[2])));
        }
        for (String[] row : Tsv.read("rules/company/growth.rules.tsv")) {
            growthRules.add(new GrowthRule(row[0].strip(), Integer.parseInt(row[1].strip()), Pattern.compile(row[2])));
        }
    }
}
