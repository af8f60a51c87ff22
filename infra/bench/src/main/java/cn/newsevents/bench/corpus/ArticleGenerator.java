package cn.newsevents.bench.corpus;

import com.hankcs.hanlp.HanLP;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic seminar news for load tests: every article reports several seminars (host, focus, sequence,
 * participants with organisation and title) and company figures, in simplified or traditional script.
 * All people, companies and figures are invented from the word tables below. The same seed gives the same articles.
 */
public final class ArticleGenerator {
    private static final String[] CITIES = {"无锡", "南通", "扬州", "泰州", "镇江", "盐城", "徐州", "宁波", "温州",
            "嘉兴", "绍兴", "台州", "合肥", "芜湖", "佛山", "东莞", "珠海", "厦门", "泉州", "青岛", "烟台", "潍坊",
            "洛阳", "襄阳", "宜昌", "株洲", "绵阳", "柳州", "赣州", "湖州"};
    private static final String SURNAMES = "王李张刘杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董袁潘"
            + "于蒋蔡余杜叶程魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵";
    private static final String GIVEN = "振宏立佳文涛晓敏国峰海燕明志强丽华伟建平军勇杰婷磊洋艳辉鹏雪玲斌俊凯倩琳博瑞楠"
            + "思远宁静安诚信达睿泽航宇欣悦卓然";
    private static final String[] BRANDS = {"华瑞", "恒通", "远帆", "精工", "新拓", "启明", "凌云", "泰和", "博远",
            "睿达", "宏图", "天成", "青禾", "鼎盛", "汇川", "云帆", "德润", "越洋", "嘉泰", "合创"};
    private static final String[] INDUSTRIES = {"智能装备", "新材料", "生物医药", "半导体", "新能源", "精密机械",
            "信息技术", "汽车零部件", "纺织科技", "化工", "光电", "环保科技"};
    private static final String[] COMPANY_SUFFIXES = {"有限公司", "股份有限公司", "集团有限公司"};
    private static final String[] TITLES = {"董事长", "总经理", "董事长兼总经理", "副总经理", "总裁", "首席技术官",
            "创始人", "研究院院长", "党委书记、董事长"};
    private static final String[] HOST_TITLES = {"市委书记", "市长", "市委副书记", "副市长"};
    private static final String[] FOCUSES = {"数字经济发展", "民营企业创新", "外贸稳增长", "制造业智能化改造",
            "绿色低碳转型", "科技成果转化", "人才引进培养", "营商环境优化", "专精特新企业培育", "跨境电商发展",
            "产业链协同", "金融服务实体经济"};
    private static final String[] SERIES = {"推动高质量发展", "建设现代化产业体系", "激发民营经济活力",
            "打造创新策源地"};
    private static final String[] MEETINGS = {"专题座谈会", "企业家座谈会", "座谈会", "专题研讨会"};
    private static final String[] SEQUENCES = {"首场", "第二场", "第三场", "第四场", "第五场", "第六场"};
    private static final String[] PARTS_OF_DAY = {"上午", "下午", ""};
    private static final String[] SOURCES = {"城市观察", "经济日报客户端", "产业前沿", "新闻晨报"};
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One generated article: its unique url, raw text in the article layout, and how many seminars it reports. */
    public record GeneratedArticle(String url, String raw, int seminars, boolean traditional) {
        /** The same text under another url: a distinct article for the ingest API, without generating text. */
        public GeneratedArticle withUrl(String otherUrl) {
            return new GeneratedArticle(otherUrl, raw, seminars, traditional);
        }
    }

    private final SplittableRandom random;
    private final String urlPrefix;
    private long next;

    /**
     * @param seed      random seed; the same seed gives the same articles
     * @param urlPrefix prefix of every url, e.g. {@code https://bench.example/run-1/}; urls are unique per generator
     */
    public ArticleGenerator(long seed, String urlPrefix) {
        this.random = new SplittableRandom(seed);
        this.urlPrefix = urlPrefix;
    }

    /** The next article; about 40% are in traditional script. */
    public synchronized GeneratedArticle next() {
        long n = next++;
        String city = pick(CITIES);
        String series = pick(SERIES);
        String hostTitle = pick(HOST_TITLES);
        String host = personName();
        LocalDateTime published = LocalDateTime.of(2023 + random.nextInt(3), 1 + random.nextInt(12),
                1 + random.nextInt(28), 8 + random.nextInt(12), random.nextInt(60), random.nextInt(60));
        int seminars = 2 + random.nextInt(3);
        int firstSequence = random.nextInt(SEQUENCES.length - seminars + 1);
        LocalDate day = published.toLocalDate().minusDays(2L + 9L * seminars);

        StringBuilder body = new StringBuilder();
        body.append(city).append("围绕“").append(series).append("”连续召开").append(seminars)
                .append("场").append(pick(MEETINGS)).append(",听取企业家意见建议。\n\n");
        List<String> companies = new ArrayList<>();
        for (int s = 0; s < seminars; s++) {
            day = day.plusDays(1 + random.nextInt(8));
            String focus = FOCUSES[(int) ((n + s) % FOCUSES.length)];
            body.append(day.getMonthValue()).append("月").append(day.getDayOfMonth()).append("日")
                    .append(pick(PARTS_OF_DAY)).append(",").append(hostTitle).append(host).append("主持召开“")
                    .append(series).append("”").append(SEQUENCES[firstSequence + s]).append(pick(MEETINGS))
                    .append(",聚焦").append(focus).append("。");
            int participants = 3 + random.nextInt(4);
            for (int p = 0; p < participants; p++) {
                String company = companyName(city);
                companies.add(company);
                body.append(company).append(pick(TITLES)).append(personName())
                        .append(p == participants - 1 ? "等参加座谈并发言。" : "、");
            }
            body.append("\n\n");
        }
        for (int f = 0; f < 2 && f < companies.size(); f++) {
            body.append(figures(companies.get(random.nextInt(companies.size())), published.getYear() - 1));
        }
        body.append(hostTitle).append(host).append("表示,要持续优化服务,帮助企业解决实际困难。\n");

        String headline = city + "一个月内连开" + seminars + "场座谈会 聚焦" + series;
        String raw = headline + "\n\n" + pick(SOURCES) + " " + published.format(STAMP) + "\n\n" + body;
        boolean traditional = random.nextInt(10) < 4;
        if (traditional) {
            // HanLP spells 并 in 并发言 as 併 (as in 合併); news in traditional script writes 並.
            raw = HanLP.convertToTraditionalChinese(raw).replace('併', '並');
        }
        return new GeneratedArticle(urlPrefix + n, raw, seminars, traditional);
    }

    /** {@code count} articles in a list. */
    public List<GeneratedArticle> next(int count) {
        List<GeneratedArticle> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(next());
        }
        return list;
    }

    /** A random invented person name, as the load tool also uses for bulk-loaded rows. */
    public synchronized String personName() {
        StringBuilder sb = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = 1 + random.nextInt(2);
        for (int i = 0; i < given; i++) {
            sb.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return sb.toString();
    }

    /** A random invented company of {@code city}. */
    public synchronized String companyName(String city) {
        return city + pick(BRANDS) + pick(INDUSTRIES) + pick(COMPANY_SUFFIXES);
    }

    /** A random city from the table. */
    public synchronized String city() {
        return pick(CITIES);
    }

    /** A random focus from the table. */
    public synchronized String focus() {
        return pick(FOCUSES);
    }

    /** A random job title from the table. */
    public synchronized String title() {
        return pick(TITLES);
    }

    private String figures(String company, int year) {
        int revenue = 3 + random.nextInt(900);
        int growth = 2 + random.nextInt(40);
        int tax = 500 + random.nextInt(90000);
        int rd = 300 + random.nextInt(50000);
        int share = 5 + random.nextInt(40);
        int staff = 200 + random.nextInt(9000);
        return company + year + "年实现营业收入" + revenue + "." + random.nextInt(10) + "亿元,同比增长" + growth
                + "%,纳税" + tax + "万元,研发投入" + rd + "万元;其主导产品国内市场占有率约" + share
                + "%,现有员工" + staff + "余人。\n\n";
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
