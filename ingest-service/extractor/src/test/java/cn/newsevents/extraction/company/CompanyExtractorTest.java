package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.CompanyEventKind;
import cn.newsevents.contract.event.Evidence;
import cn.newsevents.contract.event.ExtractorVersion;
import cn.newsevents.contract.event.Metric;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.Period;
import cn.newsevents.contract.event.Person;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.extraction.ArticleText;
import cn.newsevents.extraction.text.SimplifiedText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompanyExtractorTest {
    private static final CompanyExtractor EXTRACTOR = new CompanyExtractor();

    private static Article article(String body) {
        return ArticleText.parse("标题\n测试来源 2024-05-07 16:43:38\n" + body + "\n", null);
    }

    private static List<CompanyEvent> extract(Article a, List<SeminarEvent> seminars) {
        return EXTRACTOR.extract(a, SimplifiedText.of(a.text()), seminars);
    }

    private static Path seed() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("seeds/changzhou-seminars.txt");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("seeds/changzhou-seminars.txt was not found above the working directory.");
    }

    @Test
    void seedArticleGivesTheProfileMetricsWithTheirPeriods() throws IOException {
        Article a = ArticleText.parse(Files.readString(seed(), StandardCharsets.UTF_8), null);
        List<CompanyEvent> events = extract(a, List.of());
        List<CompanyEvent> metrics = events.stream().filter(e -> e.kind() == CompanyEventKind.METRIC)
                .filter(e -> e.qualifier() == null || !e.qualifier().code().equals("forecast")).toList();
        assertEquals(14, metrics.size(), metrics.toString());
        assertTrue(metrics.stream().anyMatch(e -> e.metric() == Metric.RD_INVESTMENT
                && Period.parse("2021/2023").equals(e.period())
                && e.value().compareTo(new BigDecimal("175000000")) == 0 && e.company().endsWith("有限公司")));
        assertTrue(metrics.stream().anyMatch(e -> e.metric() == Metric.CUSTOMERS
                && Period.parse("2024-03").equals(e.period())
                && e.value().compareTo(new BigDecimal("1000000")) == 0));
        for (CompanyEvent e : events) {
            Evidence ev = e.evidence();
            assertEquals(ev.text(), a.text().substring(ev.start(), ev.end()));
            assertEquals(ExtractorVersion.CURRENT, e.extractorVersion());
            assertTrue(e.confidence() > 0 && e.confidence() <= 1);
        }
    }

    @Test
    void sameArticleGivesTheSameIds() throws IOException {
        Article a = ArticleText.parse(Files.readString(seed(), StandardCharsets.UTF_8), null);
        assertEquals(extract(a, List.of()).stream().map(CompanyEvent::id).toList(),
                extract(a, List.of()).stream().map(CompanyEvent::id).toList());
    }

    @Test
    void aParticipantSpeakingOfTheFirmGivesItsFigures() {
        String body = "10月5日，县长在斗六召开座谈会，德川塑胶总经理廖明男等业者出席。\n"
                + "廖明男则反映，工厂在云林设厂已超过30年，目前员工约260人，今年以来用水吃紧。";
        Article a = article(body);
        int start = a.text().indexOf("10月5日");
        SeminarEvent seminar = new SeminarEvent("s-1", a.id(), LocalDate.of(2024, 10, 5), null, null, "座谈会",
                null, null, null, null, List.of(new Participant("廖明男", "总经理", "德川塑胶", null)),
                new Evidence(start, start + 31, a.text().substring(start, start + 31)), 0.9, ExtractorVersion.CURRENT);
        List<CompanyEvent> metrics = extract(a, List.of(seminar)).stream()
                .filter(e -> e.kind() == CompanyEventKind.METRIC).toList();
        assertEquals(1, metrics.size(), metrics.toString());
        assertEquals("德川塑胶", metrics.get(0).company());
        assertEquals(Metric.EMPLOYEES, metrics.get(0).metric());
        // Without the seminar the speaker's firm is unknown: no figure, and never the person as a company.
        assertTrue(extract(a, List.of()).stream().noneMatch(e -> "廖明男".equals(e.company())));
    }

    @Test
    void companyParticipantsOfASeminarAttendIt() {
        String body = "4月18日，市委书记主持召开座谈会。蓝天汽车副总裁李明、华东能源股份有限公司董事长赵刚、东海大学副校长钱伟等发言。";
        Article a = article(body);
        int start = a.text().indexOf("4月18日");
        SeminarEvent seminar = new SeminarEvent("s-1", a.id(), LocalDate.of(2024, 4, 18), null, null, "座谈会",
                null, null, new Person("王某", "市委书记", null), null,
                List.of(new Participant("李明", "副总裁", "蓝天汽车", null),
                        new Participant("赵刚", "董事长", "华东能源股份有限公司", null),
                        new Participant("钱伟", "副校长", "东海大学", null)),
                new Evidence(start, start + body.length(), body), 0.9, ExtractorVersion.CURRENT);
        List<CompanyEvent> attendance = extract(a, List.of(seminar)).stream()
                .filter(e -> e.kind() == CompanyEventKind.ATTENDANCE).toList();
        assertEquals(List.of("蓝天汽车", "华东能源股份有限公司"), attendance.stream().map(CompanyEvent::company).toList());
        CompanyEvent first = attendance.get(0);
        assertEquals("李明", first.person());
        assertEquals("s-1", first.seminarId());
        assertNull(first.metric());
        assertNull(first.value());
        assertEquals(first.evidence().text(), a.text().substring(first.evidence().start(), first.evidence().end()));
        assertTrue(first.evidence().text().contains("李明"));
    }

    @Test
    void longGarbageFinishesWithoutBacktracking() {
        String[] pieces = {"销售额", "营收", "研发投入", "1", "2", "3", ",", "，", "。", "亿", "万", "元", "%", "余", "多",
                "约", "超", "近", "年", "月", "1—3", "季度", "公司", "有限公司", "集团", "的", "是", "一", "十", "百",
                "员工", "家", "户", "（", "）", "\n", "截至", "2023", "同比增长", "排名第", "用户", "网点", "占"};
        Random random = new Random(42);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 300_000) {
            sb.append(pieces[random.nextInt(pieces.length)]);
        }
        Article a = article(sb.toString());
        // Generous bounds: the machine may be shared; catastrophic backtracking would take hours, not minutes.
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> extract(a, List.of()));
        String digits = "1".repeat(100_000) + "亿元" + "一".repeat(100_000) + "，".repeat(100_000)
                + "有限公司".repeat(25_000);
        Article b = article(digits);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> extract(b, List.of()));
    }
}
