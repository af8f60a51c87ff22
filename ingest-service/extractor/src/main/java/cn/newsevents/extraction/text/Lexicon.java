package cn.newsevents.extraction.text;

/**
 * The shared word tables under {@code lexicon/} (simplified and traditional side by side). Loaded once, immutable.
 */
public final class Lexicon {
    /** Titles and posts: 董事长, 副总裁, 党委书记, 理事长... */
    public static final WordTable TITLES = WordTable.load("lexicon/titles.tsv");
    /** Words that extend a title to the left: 常务 + 副院长. */
    public static final WordTable TITLE_MODIFIERS = WordTable.load("lexicon/title_modifiers.tsv");
    /** Organisation suffixes: 有限公司, 集团, 研究院, 协会, 局... */
    public static final WordTable ORG_SUFFIXES = WordTable.load("lexicon/org_suffixes.tsv");
    /** Single and compound surnames. */
    public static final WordTable SURNAMES = WordTable.load("lexicon/surnames.tsv");
    /** Words that commonly follow a person's name (出席, 主持, 等...). */
    public static final WordTable NAME_FOLLOWERS = WordTable.load("lexicon/name_followers.tsv");
    /** Cities; column 2 is the province. */
    public static final WordTable CITIES = WordTable.load("lexicon/cities.tsv");
    /** Provinces; column 2 is the kind (province, municipality, region, sar, taiwan). */
    public static final WordTable PROVINCES = WordTable.load("lexicon/provinces.tsv");
    /** One-character city names (京 = 北京); column 2 is the city. */
    public static final WordTable CITY_ABBREVIATIONS = WordTable.load("lexicon/city_abbreviations.tsv");
    /** Time-of-day words; column 2 is morning, afternoon or evening. */
    public static final WordTable TIME_OF_DAY = WordTable.load("lexicon/time_of_day.tsv");
    /** Relative day words; column 2 is the offset in days from publication. */
    public static final WordTable RELATIVE_DAYS = WordTable.load("lexicon/relative_days.tsv");

    /** Posts that name their organization (副市长 -> 市政府); column 2 is the organization. */
    public static final WordTable TITLE_ORGANIZATIONS = WordTable.load("lexicon/title_organizations.tsv");

    /** Words that never stand inside an organisation name (了, 到, 听取, 来自...): they mark a clause. */
    public static final WordTable CLAUSE_WORDS = WordTable.load("lexicon/clause_words.tsv");
    /** Acting-post markers written before the organisation (署理, 代理): part of the title. */
    public static final WordTable ACTING_MARKERS = WordTable.load("lexicon/acting_markers.tsv");
    /** Endings of a government body whose units a list may name alone (部). */
    public static final WordTable PARENT_BODIES = WordTable.load("lexicon/parent_bodies.tsv");
    /** Endings of a unit of a government body (局, 处, 司, 署, 办公室). */
    public static final WordTable UNIT_SUFFIXES = WordTable.load("lexicon/unit_suffixes.tsv");

    /** Titles whose first character also ends the organisation written before them (教育部长 = 教育部 + 部长). */
    public static final WordTable HEAD_TITLES = WordTable.load("lexicon/head_titles.tsv");

    /** Verbs that open a relative clause before a post (出席交流的…): the organisation starts after its 的. */
    public static final WordTable LEAD_VERBS = WordTable.load("lexicon/lead_verbs.tsv");

    /** Posts inside a ministry (次长, 司长…) that a list writes without the ministry. */
    public static final WordTable MINISTRY_POSTS = WordTable.load("lexicon/ministry_posts.tsv");

    private Lexicon() {
    }
}
