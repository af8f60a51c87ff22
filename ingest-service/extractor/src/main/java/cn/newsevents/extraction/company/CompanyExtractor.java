package cn.newsevents.extraction.company;

import cn.newsevents.extraction.Extractor;
import cn.newsevents.extraction.model.Article;
import cn.newsevents.extraction.model.CompanyEvent;
import cn.newsevents.extraction.model.CompanyEventKind;
import cn.newsevents.extraction.model.Evidence;
import cn.newsevents.extraction.model.Ids;
import cn.newsevents.extraction.model.Metric;
import cn.newsevents.extraction.model.Participant;
import cn.newsevents.extraction.model.Qualifier;
import cn.newsevents.extraction.model.SeminarEvent;
import cn.newsevents.extraction.normalize.Amount;
import cn.newsevents.extraction.normalize.Amounts;
import cn.newsevents.extraction.normalize.ChineseNumerals;
import cn.newsevents.extraction.normalize.Period;
import cn.newsevents.extraction.normalize.Periods;
import cn.newsevents.extraction.normalize.Unit;
import cn.newsevents.extraction.text.SimplifiedText;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds company metrics and seminar attendance in an article. Thread-safe.
 *
 * <p>Metrics are read clause by clause: a metric rule finds a keyword and its figure, the words before them name
 * the company (a registered name, a short name resolved to a fuller one of the article, or 公司/该公司 referring
 * to the company the paragraph is about), and the period is the last period expression before the figure in the
 * paragraph. Figures of groups of companies, sectors or regions are not reported.
 */
public final class CompanyExtractor {
    private static final Pattern TOPIC_AFTER = Pattern.compile("(?:的是|当属|要数|首推|就是)([^，,；;：:。]{2,16})$");
    /** A date or time of day written right after a name opening a sentence ("某某科技10月28日晚间披露…"). */
    private static final Pattern TRAILING_TIME = Pattern.compile(
            "(?:(?:[0-9０-９]{4}年)?[0-9０-９一二三四五六七八九十]{1,2}月(?:[0-9０-９一二三四五六七八九十]{1,3}[日号])?"
                    + "|[0-9０-９一二三四五六七八九十]{1,3}[日号]|日前|近日|今日|昨日|今天|昨天|日內|日内)"
                    + "(?:晚间|晚間|晚上|晚|早间|早間|上午|下午|午间|午間|盘后|盤後)?$");
    private static final String CLAUSE_BREAKS = "，,；;：:\n";
    private static final String SENTENCE_BREAKS = "。！？!?\n";
    /** How far before a keyword its subject may start, and how far before a figure an outlook word counts. */
    private static final int SUBJECT_WINDOW = 48;
    private static final int OUTLOOK_WINDOW = 80;
    private static final int MAX_KNOWN = 400;
    private static final int RULE_WINDOW = 40;
    /**
     * Characters after a figure searched for its growth and rank, and before it kept as evidence: a clause without
     * punctuation has no end.
     */
    private static final int FIGURE_WINDOW = 120;

    private final CompanyLexicon lex = CompanyLexicon.get();
    private final CompanyNames names = new CompanyNames(lex);
    private final CompanyRules rules = new CompanyRules(lex);
    private final List<String> leadWords = CompanyLexicon.longestFirst(lex.leadWords);
    private final List<String> stopWords = CompanyLexicon.longestFirst(lex.stopWords);
    private final List<String> headWords = CompanyLexicon.longestFirst(lex.headWords);
    private final List<String> outlookWords = CompanyLexicon.longestFirst(lex.outlook.keySet());
    private final List<String> scopeWords = CompanyLexicon.longestFirst(lex.scopeWords);
    private final KeywordScanner keywords = new KeywordScanner(lex.keywords.keySet());

    /**
     * @param article    the article; evidence offsets index {@code article.text()}
     * @param simplified {@code article.text()} in simplified characters, same length
     * @param seminars   the seminars already found, for attendance events
     */
    public List<CompanyEvent> extract(Article article, String simplified, List<SeminarEvent> seminars) {
        List<SeminarEvent> sems = seminars == null ? List.of() : seminars;
        List<CompanyEvent> out = new ArrayList<>(new Reader(article, simplified, sems).metrics());
        out.addAll(attendance(article, simplified, sems));
        return out;
    }

    /** The subject of a figure: a named company, a reference back to the company in focus, or not a company. */
    private record Subject(Kind kind, String name, int start) {
        boolean refersBack() {
            return kind == Kind.FOCUS || kind == Kind.IMPLICIT;
        }

        /** IMPLICIT: nothing is written before the figure; it belongs to the company the paragraph speaks of. */
        enum Kind { NAMED, FOCUS, IMPLICIT, NONE }
    }

    /** Metric extraction state for one article. */
    private final class Reader {
        private final Article article;
        private final String t;
        private final List<SeminarEvent> seminars;
        private final List<CompanyNames.Name> registered;
        private int[] registeredStarts;
        private final List<CompanyNames.Name> known = new ArrayList<>();
        private final Map<String, CompanyEvent> events = new LinkedHashMap<>();
        /**
         * The company carried into the current paragraph only because earlier paragraphs named it (no figure of
         * its own yet): it owns figures whose subject is written (公司, 其…), not bare figures ("总投资额达150亿元"
         * after a visit to that company).
         */
        private String inherited;
        /** The distinct companies named so far (registered names before the paragraph, owners of figures). */
        private final List<String> named = new ArrayList<>();
        private int registeredSeen;
        /** The companies that own a figure reported so far (at most a few dozen in real articles). */
        private final Set<String> reported = new HashSet<>();
        /** The currency of a bare 元: New Taiwan dollars in articles that price in 新台币 and never in 人民币. */
        private final Unit defaultCurrency;

        Reader(Article article, String simplified, List<SeminarEvent> seminars) {
            this.article = article;
            this.t = simplified;
            this.seminars = seminars;
            int body = Math.min(Math.max(article.bodyOffset(), 0), t.length());
            this.registered = names.registered(t, body, t.length());
            known.addAll(registered);
            Set<String> written = new HashSet<>();
            registered.forEach(n -> written.add(n.name()));
            known.addAll(names.titled(t, body, t.length(), written));
            for (SeminarEvent s : seminars) {
                for (Participant p : s.participants() == null ? List.<Participant>of() : s.participants()) {
                    String org = p.organization() == null ? null : SimplifiedText.of(p.organization());
                    if (org != null && lex.isCompanyOrganization(org)) {
                        int at = t.indexOf(org);
                        known.add(new CompanyNames.Name(Math.max(at, 0), Math.max(at, 0), org));
                    }
                }
            }
            known.sort(Comparator.comparingInt(CompanyNames.Name::start));
            registered.sort(Comparator.comparingInt(CompanyNames.Name::start));
            registeredStarts = registered.stream().mapToInt(CompanyNames.Name::start).toArray();
            // Resolution compares a short name with every distinct known name: bounded so that pathological
            // input (thousands of names) stays linear; real articles name a few dozen companies at most.
            Map<String, CompanyNames.Name> distinct = new LinkedHashMap<>();
            for (CompanyNames.Name n : known) {
                if (distinct.size() < MAX_KNOWN) {
                    distinct.putIfAbsent(n.name(), n);
                }
            }
            known.clear();
            known.addAll(distinct.values());
            String bodyText = t.substring(body);
            defaultCurrency = (bodyText.contains("新台币") || bodyText.contains("台币")) && !bodyText.contains("人民币")
                    ? Unit.TWD : Unit.CNY;
        }

        List<CompanyEvent> metrics() {
            int body = Math.min(Math.max(article.bodyOffset(), 0), t.length());
            Periods.Anchor anchor = new Periods.Anchor(publicationYear(), null, null);
            int p = body;
            while (p < t.length()) {
                int end = t.indexOf('\n', p);
                end = end < 0 ? t.length() : end;
                if (end > p) {
                    List<Periods.Mention> mentions = Periods.find(t, p, end, anchor);
                    anchor = Periods.advance(anchor, mentions);
                    paragraph(p, end, mentions);
                }
                p = end + 1;
            }
            return new ArrayList<>(events.values());
        }

        private int publicationYear() {
            if (article.publishedAt() != null) {
                return article.publishedAt().getYear();
            }
            Matcher m = Pattern.compile("(?:19|20)[0-9]{2}(?=年)").matcher(t);
            int max = 0;
            while (m.find()) {
                max = Math.max(max, Integer.parseInt(m.group()));
            }
            return max;
        }

        private void paragraph(int from, int to, List<Periods.Mention> mentions) {
            // An article that so far named one company only (by its registered name or as the owner of its
            // figures) keeps it in focus in its next paragraphs ("研发方面，公司前三季度研发投入…").
            // Kept incrementally (at most two names are ever held) so that the cost stays linear in the text.
            while (registeredSeen < registered.size() && registered.get(registeredSeen).start() < from) {
                if (named.size() < 2) {
                    addDistinct(named, registered.get(registeredSeen).name());
                }
                registeredSeen++;
            }
            String topic = named.size() == 1 ? named.get(0) : null;
            inherited = topic != null && !reported.contains(topic) ? topic : null;
            int s = from;
            while (s < to) {
                int e = s;
                while (e < to && SENTENCE_BREAKS.indexOf(t.charAt(e)) < 0) {
                    e++;
                }
                if (e > s) {
                    topic = sentence(s, e, mentions, topic);
                }
                s = e + 1;
            }
        }

        private static boolean balancedBrackets(String s) {
            int depth = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '（' || c == '(') {
                    depth++;
                } else if (c == '）' || c == ')') {
                    if (--depth < 0) {
                        return false;
                    }
                }
            }
            return depth == 0;
        }

        /** Adds a company unless it is already listed under the same or a longer or shorter form of its name. */
        private static void addDistinct(List<String> companies, String company) {
            for (int i = 0; i < companies.size(); i++) {
                String c = companies.get(i);
                if (c.contains(company)) {
                    return;
                }
                if (company.contains(c)) {
                    companies.set(i, company);
                    return;
                }
            }
            companies.add(company);
        }

        /** Reads one sentence and returns the company in focus after it. */
        private String sentence(int from, int to, List<Periods.Mention> mentions, String topicIn) {
            String topic = topicIn;
            List<int[]> clauses = new ArrayList<>();
            int c = from;
            while (c < to) {
                int e = c;
                while (e < to && (CLAUSE_BREAKS.indexOf(t.charAt(e)) < 0 || isThousandsSeparator(e))) {
                    e++;
                }
                if (e > c) {
                    clauses.add(new int[]{c, e});
                }
                c = e + 1;
            }
            for (int i = 0; i < clauses.size(); i++) {
                int cs = clauses.get(i)[0];
                int ce = clauses.get(i)[1];
                int next = i + 1 < clauses.size() ? clauses.get(i + 1)[1] : ce;
                topic = clause(from, cs, ce, next, mentions, topic);
            }
            return topic;
        }

        private String clause(int sentenceStart, int cs, int ce, int nextEnd, List<Periods.Mention> mentions,
                              String topicIn) {
            String topic = topicIn;
            // A registered name opening the clause puts that company in focus.
            int leadEnd = Math.min(ce, cs + 2 * SUBJECT_WINDOW);
            String lead = stripLead(cs, leadEnd);
            int opening = lead == null ? leadEnd : leadEnd - lead.length();
            List<CompanyNames.Name> inClause = new ArrayList<>();
            for (int i = firstRegisteredFrom(cs); i < registered.size() && registered.get(i).start() < ce; i++) {
                if (registered.get(i).end() <= ce) {
                    inClause.add(registered.get(i));
                }
                if (inClause.size() > 8) {
                    break;
                }
            }
            // The clause opens with a name (up to three characters before it: a person name glued in front in
            // profile headers), or names one company only: that company is in focus.
            if (!inClause.isEmpty() && (inClause.size() == 1 || inClause.get(0).start() <= opening + 3)) {
                topic = inClause.get(0).name();
            }
            boolean matched = false;
            List<KeywordScanner.Hit> hits = keywords.find(t, cs, ce);
            for (KeywordScanner.Hit hit : hits) {
                // Rules are tried only around a keyword, so their cost does not grow with the clause.
                for (CompanyRules.MetricRule rule : rules.metricRules) {
                    Matcher m = rule.pattern().matcher(t);
                    boolean found;
                    if (rule.keywordFirst()) {
                        found = m.region(hit.start(), Math.min(ce, hit.end() + RULE_WINDOW)).lookingAt();
                    } else {
                        found = findAt(m.region(Math.max(cs, hit.start() - RULE_WINDOW), hit.end()), hit.start());
                    }
                    if (!found) {
                        continue;
                    }
                    Optional<Metric> metric = lex.keywords.getOrDefault(m.group("kw"), Optional.empty());
                    if (metric.isEmpty()) {
                        continue;
                    }
                    boolean count = lex.kinds.get(metric.get()) == CompanyLexicon.AmountKind.COUNT;
                    if (rule.countOnly() && !count) {
                        continue;
                    }
                    int subjectEnd = Math.min(m.start("kw"), m.start("amount"));
                    Subject subject = subject(cs, subjectEnd, topic);
                    if (subject.kind() == Subject.Kind.NAMED) {
                        topic = subject.name();
                    } else if (subject.refersBack() && topic == null) {
                        topic = organizationBefore(sentenceStart, subjectEnd);
                    }
                    boolean emitted = emit(sentenceStart, cs, ce, nextEnd, m, metric.get(), subject, topic, mentions);
                    matched |= emitted;
                    if (emitted) {
                        break;
                    }
                }
            }
            if (!matched) {
                // A keyword without a figure still tells which company the next clauses speak of.
                if (!hits.isEmpty()) {
                    Subject subject = subject(cs, hits.get(0).start(), topic);
                    if (subject.kind() == Subject.Kind.NAMED) {
                        topic = subject.name();
                    }
                }
                String named = namedBeforeTopicVerb(lead);
                if (named != null) {
                    topic = resolve(named, opening);
                }
                Matcher after = TOPIC_AFTER.matcher(t).region(cs, ce);
                if (after.find()) {
                    String name = after.group(1).strip();
                    if (names.looksLikeName(name)) {
                        topic = resolve(name, after.start(1));
                    }
                }
            }
            return topic;
        }

        private boolean emit(int sentenceStart, int cs, int ce, int nextEnd, Matcher m, Metric metric,
                             Subject subject, String topic, List<Periods.Mention> mentions) {
            int kw = m.start("kw");
            if (kw > cs && (t.charAt(kw - 1) == '占' || t.charAt(kw - 1) == '佔')) {
                return false;
            }
            Optional<Amount> parsed = Amounts.parse(m.group("amount"));
            if (parsed.isEmpty()) {
                return false;
            }
            Amount amount = parsed.get();
            CompanyLexicon.AmountKind kind = lex.kinds.get(metric);
            Unit unit = amount.unit();
            if (unit == Unit.CNY && defaultCurrency != Unit.CNY && !m.group("amount").contains("人民币")) {
                unit = defaultCurrency;
            }
            boolean fits = switch (kind) {
                case MONEY -> unit.isMoney();
                case PERCENT -> unit == Unit.PERCENT;
                case COUNT -> unit == Unit.COUNT || !amount.unitStated();
            };
            if (!fits) {
                return false;
            }
            if (kind == CompanyLexicon.AmountKind.COUNT) {
                unit = Unit.COUNT;
            }
            String company;
            double confidence;
            if (subject.kind() == Subject.Kind.NAMED) {
                company = subject.name();
                confidence = 0.85;
            } else if (subject.kind() == Subject.Kind.FOCUS && topic != null
                    || subject.kind() == Subject.Kind.IMPLICIT && topic != null && !topic.equals(inherited)) {
                company = topic;
                confidence = 0.7;
            } else {
                return false;
            }
            if (!amount.unitStated()) {
                confidence -= 0.1;
            }
            Qualifier qualifier = amount.qualifier();
            Qualifier outlook = outlook(sentenceStart, m.start("amount"));
            if (outlook != null) {
                qualifier = outlook;
            }
            String period = period(m.start("amount"), mentions);
            BigDecimal value = amount.value().stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
            int amountEnd = m.end("amount");
            BigDecimal growth = m.end("kw") <= m.start("amount")
                    ? growth(m.end("kw"), m.start("amount"), m.start("amount")) : null;
            if (growth == null) {
                growth = growth(amountEnd, ce, nextEnd);
            }
            Integer rank = rank(amountEnd, ce, nextEnd);
            // At most a window before the figure: a clause without punctuation would copy the text up to here.
            int evStart = Math.max(Math.min(cs, subject.start() < 0 ? cs : subject.start()), m.start() - FIGURE_WINDOW);
            String original = article.text();
            Evidence evidence = new Evidence(evStart, m.end(), original.substring(evStart, m.end()));
            String person = person(company, sentenceStart, ce);
            String id = Ids.eventId(article.id(), "company", company, metric.code(), period, value.toPlainString());
            String key = company + "\u0000" + metric.code() + "\u0000" + period + "\u0000" + value.toPlainString();
            events.putIfAbsent(key, new CompanyEvent(id, article.id(), CompanyEventKind.METRIC, company, metric,
                    period, value, unit.code(), qualifier, growth, rank, person, null, evidence,
                    Math.max(0.1, Math.min(1.0, confidence)), Extractor.VERSION));
            reported.add(company);
            if (named.size() < 2) {
                addDistinct(named, company);
            }
            return true;
        }

        /** The name opening a clause before a topic verb ("黔台酒业发布2023年年报"), else null. */
        private String namedBeforeTopicVerb(String lead) {
            if (lead == null) {
                return null;
            }
            int best = -1;
            for (String v : lex.topicVerbs) {
                int i = lead.indexOf(v);
                if (i >= 2 && i <= 16 && (best < 0 || i < best)) {
                    best = i;
                }
            }
            if (best < 0) {
                return null;
            }
            String name = TRAILING_TIME.matcher(lead.substring(0, best)).replaceFirst("");
            if (!balancedBrackets(name)) {
                // 1234）昨日公布: the tail of an aside whose colon split the clause, not a name.
                return null;
            }
            for (String w : stopWords) {
                if (name.contains(w)) {
                    return null;
                }
            }
            if (!names.looksLikeName(name) || hasAggregate(name) || isPersonName(name)) {
                return null;
            }
            return name;
        }

        private boolean isPersonName(String s) {
            for (SeminarEvent sem : seminars) {
                for (Participant p : sem.participants() == null ? List.<Participant>of() : sem.participants()) {
                    if (s.equals(p.name())) {
                        return true;
                    }
                }
            }
            List<Term> terms = HanLP.newSegment().enableNameRecognize(true).seg(s);
            return terms.size() == 1 && terms.get(0).nature != null && terms.get(0).nature.startsWith("nr");
        }

        /** Finds the match of a rule whose keyword starts at {@code kwStart}. */
        private boolean findAt(Matcher m, int kwStart) {
            while (m.find()) {
                if (m.start("kw") == kwStart) {
                    return true;
                }
                if (m.start() > kwStart) {
                    return false;
                }
            }
            return false;
        }

        /** Index of the first registered name starting at or after {@code pos}. */
        private int firstRegisteredFrom(int pos) {
            int i = java.util.Arrays.binarySearch(registeredStarts, pos);
            if (i < 0) {
                return -i - 1;
            }
            while (i > 0 && registeredStarts[i - 1] == pos) {
                i--;
            }
            return i;
        }

        /** A comma between a digit and three digits ("3,558"): part of a number, not a clause break. */
        private boolean isThousandsSeparator(int i) {
            if (t.charAt(i) != ',' || i == 0) {
                return false;
            }
            if (!Character.isDigit(t.charAt(i - 1))) {
                return false;
            }
            for (int k = 1; k <= 3; k++) {
                if (i + k >= t.length() || !Character.isDigit(t.charAt(i + k))) {
                    return false;
                }
            }
            return i + 4 >= t.length() || !Character.isDigit(t.charAt(i + 4));
        }

        /** The clause text after leading words such as 其中/此外, or null when nothing is left. */
        private String stripLead(int cs, int ce) {
            String s = t.substring(cs, ce);
            boolean changed = true;
            while (changed) {
                changed = false;
                String stripped = s.stripLeading();
                if (!stripped.equals(s)) {
                    s = stripped;
                    changed = true;
                }
                for (String w : leadWords) {
                    if (s.startsWith(w)) {
                        s = s.substring(w.length());
                        changed = true;
                        break;
                    }
                }
            }
            return s.isEmpty() ? null : s;
        }

        /** Reads the words between the clause start and a figure as the company they belong to. */
        private Subject subject(int clauseStart, int end, String topic) {
            int cs = Math.max(clauseStart, end - SUBJECT_WINDOW);
            CompanyNames.Name last = null;
            for (int i = firstRegisteredFrom(cs); i < registered.size() && registered.get(i).start() < end; i++) {
                if (registered.get(i).end() <= end) {
                    last = registered.get(i);
                }
            }
            if (last != null) {
                return new Subject(Subject.Kind.NAMED, last.name(), last.start());
            }
            char[] chars = t.substring(cs, end).toCharArray();
            for (Periods.Mention pm : Periods.find(t, cs, end, new Periods.Anchor(2000, null, null))) {
                for (int i = pm.start(); i < pm.end(); i++) {
                    chars[i - cs] = '|';
                }
            }
            String s = new String(chars).replaceAll("[“”\"《》「」『』‘’]", "");
            int offset = cs;
            boolean changed = true;
            while (changed) {
                changed = false;
                int before = s.length();
                s = s.replaceFirst("^[|\\s]+", "");
                for (String w : leadWords) {
                    if (s.startsWith(w)) {
                        s = s.substring(w.length());
                        break;
                    }
                }
                if (s.length() != before) {
                    offset += before - s.length();
                    changed = true;
                }
            }
            int cut = s.indexOf('|');
            cut = cut < 0 ? s.length() : cut;
            for (String w : stopWords) {
                int i = s.indexOf(w);
                if (i >= 0 && i < cut) {
                    cut = i;
                }
            }
            s = s.substring(0, cut).strip();
            for (String h : headWords) {
                int i = s.lastIndexOf(h);
                if (i >= 0 && s.length() - (i + h.length()) >= 2) {
                    offset += i + h.length();
                    s = s.substring(i + h.length());
                    break;
                }
            }
            if (s.isEmpty()) {
                return new Subject(Subject.Kind.IMPLICIT, null, -1);
            }
            if (s.length() < 2 || lex.anaphors.contains(s)) {
                return new Subject(Subject.Kind.FOCUS, null, -1);
            }
            if (names.looksLikeName(s)) {
                return new Subject(Subject.Kind.NAMED, resolve(s, offset), offset);
            }
            String resolved = resolveContained(s, offset);
            if (resolved != null) {
                return new Subject(Subject.Kind.NAMED, resolved, offset);
            }
            for (String w : scopeWords) {
                int i = s.indexOf(w);
                if (i >= 0 && !hasAggregate(s)) {
                    // "小鹰科技国内市场占有率": a company before the market word; "大型锻件国内…": a product line
                    // of the company in focus.
                    String before = s.substring(0, i);
                    if (before.length() >= 2 && names.looksLikeName(before)) {
                        String full = resolve(before, offset);
                        if (!full.equals(before) || lex.isCompanyOrganization(before)) {
                            return new Subject(Subject.Kind.NAMED, full, offset);
                        }
                    }
                    return new Subject(Subject.Kind.FOCUS, null, -1);
                }
            }
            return new Subject(Subject.Kind.NONE, null, -1);
        }

        private boolean hasAggregate(String s) {
            for (String w : lex.aggregateWords) {
                if (s.contains(w)) {
                    return true;
                }
            }
            return s.contains("、") || CompanyNames.COUNTED_COMPANIES.matcher(s).find();
        }

        /**
         * The first organization HanLP recognises in the sentence before a figure whose subject is left implicit
         * ("华光重工深耕锻件领域20多年，外销占比约30%"). Only such candidate sentences are segmented.
         */
        private String organizationBefore(int sentenceStart, int end) {
            if (end - sentenceStart < 2) {
                return null;
            }
            List<Term> terms = HanLP.newSegment().enableOrganizationRecognize(true).enableNameRecognize(true)
                    .enablePlaceRecognize(true).seg(t.substring(sentenceStart, Math.min(end, sentenceStart + SUBJECT_WINDOW)));
            for (Term term : terms) {
                String nature = term.nature == null ? "" : term.nature.toString();
                if (nature.startsWith("nt")) {
                    return names.looksLikeName(term.word) && !hasAggregate(term.word)
                            && !lex.anaphors.contains(term.word) ? resolve(term.word, sentenceStart) : null;
                }
                // Only the sentence subject counts: times, numbers, punctuation and lead words may come first.
                boolean skippable = nature.startsWith("t") || nature.startsWith("m") || nature.startsWith("w")
                        || nature.startsWith("q") || lex.leadWords.contains(term.word);
                if (!skippable) {
                    return null;
                }
            }
            return null;
        }

        /** The fullest name of the article for a short name: one containing it, nearest before {@code at}. */
        private String resolve(String shortName, int at) {
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
            String contained = resolveContained(shortName, at);
            return contained != null ? contained : shortName;
        }

        /** A known name written inside {@code s} ("远航汽车南京基地" holds 远航汽车), else null. */
        private String resolveContained(String s, int at) {
            String best = null;
            for (CompanyNames.Name n : known) {
                if (n.name().length() >= 2 && s.contains(n.name()) && s.startsWith(n.name())
                        && (best == null || n.name().length() > best.length())) {
                    best = n.name();
                }
            }
            return best;
        }

        private Qualifier outlook(int sentenceStart, int amountStart) {
            String before = t.substring(Math.max(sentenceStart, amountStart - OUTLOOK_WINDOW), amountStart);
            for (String w : outlookWords) {
                if (before.contains(w)) {
                    return lex.outlook.get(w);
                }
            }
            return null;
        }

        private String period(int at, List<Periods.Mention> mentions) {
            // Mentions are in text order and do not overlap: binary search for the last one ending by at.
            int lo = 0;
            int hi = mentions.size() - 1;
            Periods.Mention last = null;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (mentions.get(mid).end() <= at) {
                    last = mentions.get(mid);
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return last == null || last.period() == null ? null : last.period().toString();
        }

        private BigDecimal growth(int from, int ce, int nextEnd) {
            for (int end : new int[]{ce, nextEnd}) {
                for (CompanyRules.GrowthRule rule : rules.growthRules) {
                    Matcher g = rule.pattern().matcher(t).region(from, Math.min(end, from + FIGURE_WINDOW));
                    if (g.find()) {
                        return new BigDecimal(g.group("pct")).multiply(BigDecimal.valueOf(rule.sign()));
                    }
                }
            }
            return null;
        }

        private Integer rank(int from, int ce, int nextEnd) {
            int end = nextEnd;
            // Only the next 20 characters are looked at: an unbounded indexOf per figure was quadratic.
            int close = indexWithin(t, '）', from, from + 20);
            if (close < 0) {
                close = indexWithin(t, ')', from, from + 20);
            }
            if (close >= 0) {
                end = Math.max(end, Math.min(close + 1, t.length()));
            }
            for (CompanyRules.RankRule rule : rules.rankRules) {
                Matcher r = rule.pattern().matcher(t).region(from, Math.min(end, from + FIGURE_WINDOW));
                if (r.find()) {
                    if (rule.rank() != null) {
                        return rule.rank();
                    }
                    return ChineseNumerals.parse(r.group("n")).map(BigDecimal::intValue).orElse(null);
                }
            }
            return null;
        }

        /** A seminar participant of this company named in the sentence, as the person who gave the figure. */
        private String person(String company, int from, int to) {
            for (SeminarEvent s : seminars) {
                for (Participant p : s.participants() == null ? List.<Participant>of() : s.participants()) {
                    if (p.name() != null && p.organization() != null
                            && sameCompany(SimplifiedText.of(p.organization()), company)
                            && t.substring(Math.max(from, to - 400), to).contains(SimplifiedText.of(p.name()))) {
                        return p.name();
                    }
                }
            }
            return null;
        }
    }

    /** The first index of {@code c} in {@code s} from {@code from} to {@code last} inclusive, else -1. */
    private static int indexWithin(String s, char c, int from, int last) {
        for (int i = from, end = Math.min(last, s.length() - 1); i <= end; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameCompany(String a, String b) {
        return a.contains(b) || b.contains(a);
    }

    /**
     * The span naming the participant and their organization ("某某有限公司董事长王某"), searched in the text as
     * written and then in its simplified view, from the seminar's evidence on; else the seminar's evidence.
     */
    private static Evidence participantSpan(String original, String simplified, Evidence seminar, Participant p) {
        if (p.name() == null || p.name().isBlank()) {
            return seminar;
        }
        int from = seminar == null ? 0 : seminar.start();
        for (String text : new String[]{original, simplified}) {
            String name = text == original ? p.name() : SimplifiedText.of(p.name());
            String org = text == original ? p.organization() : SimplifiedText.of(p.organization());
            int at = text.indexOf(name, from);
            if (at < 0) {
                at = text.indexOf(name);
            }
            if (at < 0) {
                continue;
            }
            int start = at;
            int end = at + name.length();
            int orgAt = text.lastIndexOf(org, at);
            if (orgAt >= 0 && at - orgAt <= 60) {
                start = orgAt;
            } else {
                int orgAfter = text.indexOf(org, end);
                if (orgAfter >= 0 && orgAfter - end <= 60) {
                    end = orgAfter + org.length();
                }
            }
            return new Evidence(start, end, original.substring(start, end));
        }
        return seminar;
    }

    /** One attendance event per seminar participant whose organization is a company. */
    private List<CompanyEvent> attendance(Article article, String simplified, List<SeminarEvent> seminars) {
        List<CompanyEvent> out = new ArrayList<>();
        String original = article.text();
        for (SeminarEvent s : seminars) {
            for (Participant p : s.participants() == null ? List.<Participant>of() : s.participants()) {
                if (p.organization() == null || !lex.isCompanyOrganization(SimplifiedText.of(p.organization()))) {
                    continue;
                }
                Evidence ev = participantSpan(original, simplified, s.evidence(), p);
                String id = Ids.eventId(article.id(), "company", p.organization(), "attendance", s.id(), p.name());
                out.add(new CompanyEvent(id, article.id(), CompanyEventKind.ATTENDANCE, p.organization(), null, null,
                        null, null, null, null, null, p.name(), s.id(), ev, s.confidence(), Extractor.VERSION));
            }
        }
        return out;
    }
}
