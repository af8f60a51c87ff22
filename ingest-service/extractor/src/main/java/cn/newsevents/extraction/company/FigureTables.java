package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Period;
import cn.newsevents.contract.event.Unit;
import cn.newsevents.extraction.normalize.Amount;
import cn.newsevents.extraction.normalize.Amounts;
import cn.newsevents.extraction.normalize.Periods;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures laid out as a table, one line a row and the columns split by ｜ (or |):
 * <pre>
 * 2023年国内拖拉机市场占有率前五名（单位：%）
 * 排名｜企业｜市场占有率｜同比变化（百分点）
 * 1｜甲重工｜22.7｜+1.9
 * </pre>
 * The header row names the company column (企业, 公司, 厂商, 品牌, 名称) and the metric of each column by a metric
 * keyword ("10月营收", "1-10月累计营收", "市场占有率"); columns of changes (月增率, 同比变化) are skipped. A column's unit
 * is in brackets in its header cell (亿元, %) or in a unit line above the table (（单位：新台币千元）); its period is the
 * one its header cell names, else the one of the line above the table, else the period carried so far. Stateless;
 * one instance per article.
 */
final class FigureTables {
    /** How many columns a row may split into, at most. */
    private static final int MAX_COLUMNS = 12;
    /** How many rows one table may hold, at most. */
    private static final int MAX_ROWS = 60;
    /** A header cell of the company column. */
    private static final Pattern COMPANY_HEADER = Pattern.compile("(?:企业|公司|厂商|品牌|集团)(?:名称|简称)?|名称|简称");
    /** A header cell of a column of changes, not of figures. */
    private static final Pattern CHANGE_HEADER = Pattern.compile("增率|增长|变化|变动|增减|同比|环比|月增|年增|季增|排名|名次");
    /** The unit a header cell or the line above the table gives: "（亿元）", "（单位：新台币千元）", "单位：%". */
    private static final Pattern UNIT = Pattern.compile("[（(](?:单位[：:])?([^（()）]{1,10})[)）]|单位[：:]([^，。；（()）\\s]{1,10})");
    /** A figure in a cell: digits with thousands separators and decimals, perhaps signed. */
    private static final Pattern NUMBER = Pattern.compile("[-－−]?[0-9][0-9,]{0,15}(?:\\.[0-9]+)?");

    private final CompanyLexicon lex;
    private final KeywordScanner keywords;
    private final SpanChecks checks;
    private final ArticleCompanies companies;
    private final String t;

    FigureTables(CompanyLexicon lex, KeywordScanner keywords, SpanChecks checks, ArticleCompanies companies,
                 String t) {
        this.lex = lex;
        this.keywords = keywords;
        this.checks = checks;
        this.companies = companies;
        this.t = t;
    }

    /**
     * Whether the line {@code t[from, to)} may be a row of a table: a column separator in it. (A table is a header
     * naming a company column and at least one row after it; a headline written "某某｜某某" is none.)
     */
    static boolean isRow(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c == '｜' || c == '|') {
                return true;
            }
        }
        return false;
    }

    /** The cells of a row: [start, end) of each, blanks trimmed. */
    private List<int[]> cells(int from, int to) {
        List<int[]> out = new ArrayList<>();
        int s = from;
        for (int i = from; i <= to && out.size() < MAX_COLUMNS; i++) {
            if (i == to || t.charAt(i) == '｜' || t.charAt(i) == '|') {
                int a = s;
                int b = i;
                while (a < b && Character.isWhitespace(t.charAt(a))) {
                    a++;
                }
                while (b > a && Character.isWhitespace(t.charAt(b - 1))) {
                    b--;
                }
                out.add(new int[]{a, b});
                s = i + 1;
            }
        }
        return out;
    }

    /** A column of figures: its metric, period and the amount one unit of its cells is. */
    private record Column(int index, Metric metric, Period period, Amount unit) {
    }

    /**
     * Reads the table whose header row is the line {@code t[headerFrom, headerTo)}; the rows are the lines after it
     * that are rows too. Returns where the table ends (the end of its last row), and adds its figures to {@code out};
     * -1 when the header names no company column (the lines are read as text).
     *
     * @param titleFrom where the line above the header starts (-1 when none): its unit and period apply to the table
     * @param carried   the period the paragraphs before carry, for columns that name none
     */
    int read(int titleFrom, int headerFrom, int headerTo, Periods.Anchor anchor, Period carried, Unit defaultCurrency,
             List<FigureAssembly.Figure> out) {
        List<int[]> header = cells(headerFrom, headerTo);
        int companyColumn = -1;
        for (int i = 0; i < header.size() && companyColumn < 0; i++) {
            int[] c = header.get(i);
            if (c[1] - c[0] <= 6 && COMPANY_HEADER.matcher(t).region(c[0], c[1]).matches()) {
                companyColumn = i;
            }
        }
        if (companyColumn < 0) {
            return -1;
        }
        Period titlePeriod = null;
        Amount titleUnit = null;
        if (titleFrom >= 0 && headerFrom - 1 > titleFrom) {
            List<Periods.Mention> mentions = Periods.find(t, titleFrom, headerFrom - 1, anchor);
            for (Periods.Mention m : mentions) {
                if (m.period() != null) {
                    titlePeriod = m.period();
                }
            }
            titleUnit = unitIn(titleFrom, headerFrom - 1, defaultCurrency);
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            int[] c = header.get(i);
            if (i == companyColumn || c[1] <= c[0] || CHANGE_HEADER.matcher(t).region(c[0], c[1]).find()) {
                continue;
            }
            Metric metric = null;
            for (KeywordScanner.Hit h : keywords.find(t, c[0], c[1])) {
                Optional<Metric> m = lex.keywords.getOrDefault(h.word(), Optional.empty());
                if (m.isPresent()) {
                    metric = m.get();
                }
            }
            if (metric == null) {
                continue;
            }
            Period period = null;
            for (Periods.Mention m : Periods.find(t, c[0], c[1], anchor)) {
                if (m.period() != null) {
                    period = m.period();
                }
            }
            if (period == null) {
                period = titlePeriod != null ? titlePeriod : carried;
            }
            Amount unit = unitIn(c[0], c[1], defaultCurrency);
            if (unit == null) {
                unit = titleUnit;
            }
            boolean share = metric == Metric.MARKET_SHARE || metric == Metric.EXPORT_SHARE;
            if (unit == null && share) {
                unit = Amounts.parse("1%").orElse(null);
            }
            if (unit == null || (unit.unit() == Unit.PERCENT) != share) {
                continue;
            }
            columns.add(new Column(i, metric, period, unit));
        }
        int end = headerTo;
        int rows = 0;
        int p = headerTo + 1;
        while (p < t.length() && rows < MAX_ROWS) {
            int lineEnd = t.indexOf('\n', p);
            lineEnd = lineEnd < 0 ? t.length() : lineEnd;
            if (!isRow(t, p, lineEnd)) {
                break;
            }
            rows++;
            end = lineEnd;
            List<int[]> row = cells(p, lineEnd);
            if (companyColumn < row.size() && !columns.isEmpty()) {
                int[] nameCell = row.get(companyColumn);
                String name = t.substring(nameCell[0], nameCell[1]);
                if (checks.listedAsName(name) || companies.knows(name)) {
                    String company = companies.resolve(name, nameCell[0]);
                    for (Column col : columns) {
                        if (col.index() >= row.size()) {
                            continue;
                        }
                        int[] cell = row.get(col.index());
                        Matcher number = NUMBER.matcher(t).region(cell[0], cell[1]);
                        if (!number.matches()) {
                            continue;
                        }
                        String digits = number.group().replace(",", "").replace('－', '-').replace('−', '-');
                        BigDecimal value = new BigDecimal(digits).multiply(col.unit().value());
                        out.add(new FigureAssembly.Figure(company, col.metric(), col.period(),
                                FigureAssembly.plain(value), col.unit().unit(), null, null, null, null, p, lineEnd,
                                0.7));
                    }
                }
            }
            p = lineEnd + 1;
        }
        return end;
    }

    /** The unit written in brackets or after 单位 in {@code t[from, to)}: one of it as an amount, else null. */
    private Amount unitIn(int from, int to, Unit defaultCurrency) {
        Matcher m = UNIT.matcher(t).region(from, to);
        while (m.find()) {
            String written = m.group(1) != null ? m.group(1) : m.group(2);
            Optional<Amount> one = written.startsWith("%") || written.startsWith("％") ? Amounts.parse("1%")
                    : Amounts.parse(prefixed(written));
            if (one.isPresent()) {
                // A bare 元 is the report's currency (新台币千元 names its own).
                Amount a = one.get();
                Unit unit = defaultCurrency == null ? a.unit() : ReportCurrency.unitOf(a, written, defaultCurrency);
                return unit == a.unit() ? a : new Amount(a.value(), unit, a.qualifier(), a.unitStated());
            }
        }
        return null;
    }

    /** "新台币千元" → "新台币1千元", "亿元" → "1亿元": one of the unit as an amount to read. */
    private static String prefixed(String unit) {
        int i = 0;
        while (i < unit.length() && "十百千万亿萬億元".indexOf(unit.charAt(i)) < 0) {
            i++;
        }
        return unit.substring(0, i) + "1" + unit.substring(i);
    }
}
