package cn.newsevents.query.support;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.CompanyEventKind;
import cn.newsevents.contract.event.Evidence;
import cn.newsevents.contract.event.Ids;
import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.Period;
import cn.newsevents.contract.event.Person;
import cn.newsevents.contract.event.Qualifier;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.contract.event.Unit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A fixed, hand-built set of stored events covering the orderings and spellings the API must handle: dates
 * shared by several seminars, identical store times broken by id, undated seminars, traditional and simplified
 * spellings of cities, people and companies. One service over them is shared by the tests that only read.
 */
public final class HandBuiltEvents {
    public static final Instant BASE = Instant.parse("2024-06-01T02:00:00.123456Z");
    public static final Article TRADITIONAL = article("https://news.example/cz/1", "常州召開民營企業座談會",
            "2024-05-07T16:43:38+08:00");
    public static final Article SIMPLIFIED = article("https://news.example/sz/2", "苏州举行新材料企业座谈会",
            "2024-04-29T09:00:00+08:00");
    public static final Article EMPTY = article("https://news.example/none/3", "一篇没有事件的报道",
            "2024-03-01T08:00:00+08:00");

    /** A stored seminar with the time the processor stored it. */
    public record Stored(SeminarEvent event, Instant ingestedAt) {
        public String id() {
            return event.id();
        }
    }

    /** A stored company event with the time the processor stored it. */
    public record StoredCompany(CompanyEvent event, Instant ingestedAt) {
        public String id() {
            return event.id();
        }
    }

    public static final List<Stored> SEMINARS = seminars();
    public static final List<StoredCompany> COMPANY_EVENTS = companyEvents();

    /** Newest first, as every seminar list orders: date (undated last), then store time, then id. */
    public static final Comparator<Stored> LIST_ORDER = Comparator
            .comparing((Stored s) -> s.event().date(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Stored::ingestedAt, Comparator.reverseOrder())
            .thenComparing(Stored::id, Comparator.reverseOrder());

    private static RunningService shared;

    private HandBuiltEvents() {
    }

    /** The service over these events, started once per test JVM. */
    public static synchronized RunningService service() {
        if (shared == null) {
            shared = RunningService.start(HandBuiltEvents::load);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "query-service-stop"));
        }
        return shared;
    }

    /** Seminars in list order. */
    public static List<Stored> seminarsInListOrder() {
        return SEMINARS.stream().sorted(LIST_ORDER).toList();
    }

    public static void load(EventStore store) throws Exception {
        store.article(TRADITIONAL, "traditional", BASE);
        store.article(SIMPLIFIED, "simplified", BASE.plusSeconds(60));
        store.article(EMPTY, "simplified", BASE.plusSeconds(120));
        for (Stored s : SEMINARS) {
            store.seminar(s.event(), s.ingestedAt());
        }
        for (StoredCompany c : COMPANY_EVENTS) {
            store.companyEvent(c.event(), c.ingestedAt());
        }
    }

    private static List<Stored> seminars() {
        List<Stored> all = new ArrayList<>();
        String a = TRADITIONAL.id();
        String b = SIMPLIFIED.id();
        all.add(seminar(a, 1, "2024-05-06", "常州", new Person("陳金虎", "市委書記", null), "人才引育",
                List.of(new Participant("陳志強", "董事長", "龍城精密機械有限公司", null),
                        new Participant("周敏", "院長", "常州大學", null)), BASE));
        all.add(seminar(a, 2, "2024-05-06", "常州", new Person("陳金虎", "市委書記", null), "科技創新",
                List.of(new Participant("吳昊", "總經理", "天寧新能源科技有限公司", null)), BASE.plusSeconds(5)));
        all.add(seminar(b, 3, "2024-04-28", "蘇州", new Person("李明", "市长", null), "新材料",
                List.of(new Participant("張偉", "总经理", "苏州新材料科技有限公司", null)), BASE.plusSeconds(10)));
        all.add(seminar(b, 4, "2024-04-20", "南京市", null, "智能制造",
                List.of(new Participant("刘晓东", "院长", "南京智能制造研究院", null),
                        new Participant("张伟", "工程师", "南京智能制造研究院", null)), BASE.plusSeconds(15)));
        // Six seminars on one day stored in the same instant: only the id orders them.
        Instant same = BASE.plusSeconds(20);
        for (int i = 5; i <= 10; i++) {
            all.add(seminar(a, i, "2024-04-01", "常州", null, "传统产业升级 第" + i + "组",
                    List.of(new Participant("王" + (char) ('一' + i), "董事长", "常州第" + i + "制造厂", null)),
                    same));
        }
        all.add(seminar(b, 11, "2023-12-01", "無錫", null, "数字经济",
                List.of(new Participant("孙丽", "主任", "无锡市工商联", null)), BASE.plusSeconds(30)));
        all.add(seminar(b, 12, null, "常州", null, "营商环境", List.of(), BASE.plusSeconds(40)));
        all.add(seminar(b, 13, null, null, null, "人才 100% 落实", List.of(), BASE.plusSeconds(50)));
        all.add(seminar(b, 14, null, null, null, "民营经济", List.of(), BASE.plusSeconds(50)));
        return List.copyOf(all);
    }

    private static Stored seminar(String articleId, int n, String date, String city, Person host, String focus,
                                  List<Participant> participants, Instant ingestedAt) {
        String text = (city == null ? "" : city) + "召开第" + n + "场座谈会，聚焦" + focus;
        SeminarEvent e = new SeminarEvent(Ids.eventId(articleId, "seminar", n), articleId,
                date == null ? null : LocalDate.parse(date), "afternoon", city, "座谈会", null, null, host, focus,
                participants, new Evidence(100 + n, 100 + n + text.length(), text), 0.9, "0.1.0");
        return new Stored(e, ingestedAt);
    }

    private static List<StoredCompany> companyEvents() {
        String a = TRADITIONAL.id();
        String b = SIMPLIFIED.id();
        List<StoredCompany> all = new ArrayList<>();
        all.add(company(a, 1, CompanyEventKind.METRIC, "龍城精密機械有限公司", Metric.REVENUE, "2023",
                "873730000", "CNY", null, null, BASE.plusSeconds(1)));
        all.add(company(a, 2, CompanyEventKind.METRIC, "龍城精密機械有限公司", Metric.TAX, "2023",
                "51200000", "CNY", Qualifier.OVER, null, BASE.plusSeconds(2)));
        all.add(company(a, 3, CompanyEventKind.ATTENDANCE, "龍城精密機械有限公司", null, null, null, null, null,
                SEMINARS.get(0).id(), BASE.plusSeconds(3)));
        all.add(company(b, 4, CompanyEventKind.METRIC, "苏州新材料科技有限公司", Metric.REVENUE, "2024-Q1",
                "120000000", "CNY", Qualifier.APPROX, null, BASE.plusSeconds(4)));
        all.add(company(b, 5, CompanyEventKind.METRIC, "苏州新材料科技有限公司", Metric.MARKET_SHARE, "2024-03",
                "18", "percent", Qualifier.APPROX, null, BASE.plusSeconds(5)));
        for (int i = 6; i <= 12; i++) {
            all.add(company(b, i, CompanyEventKind.METRIC, "南京智能制造研究院", Metric.RD_INVESTMENT, "2021/2023",
                    String.valueOf(1000000 * i), "CNY", null, null, BASE.plusSeconds(6)));
        }
        return List.copyOf(all);
    }

    private static StoredCompany company(String articleId, int n, CompanyEventKind kind, String company,
                                         Metric metric, String period, String value, String unit,
                                         Qualifier qualifier, String seminarId, Instant ingestedAt) {
        CompanyEvent e = new CompanyEvent(Ids.eventId(articleId, "company", n), articleId, kind, company, metric,
                period == null ? null : Period.parse(period), value == null ? null : new BigDecimal(value),
                unit == null ? null : Unit.fromCode(unit), qualifier, null, null,
                kind == CompanyEventKind.ATTENDANCE ? "陳志強" : null, seminarId,
                new Evidence(200 + n, 210 + n, "证据文字" + n), 0.8, "0.1.0");
        return new StoredCompany(e, ingestedAt);
    }

    private static Article article(String url, String title, String published) {
        OffsetDateTime at = OffsetDateTime.parse(published);
        String text = title + "\n新闻 " + at.toLocalDate() + "\n正文。";
        return new Article(Ids.articleId(url, title, at.toString(), "正文。"), url, title, "新闻",
                at.withOffsetSameInstant(ZoneOffset.ofHours(8)), "zh", text, title.length() + 15);
    }
}
