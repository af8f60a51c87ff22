package cn.newsevents.contract.messaging;

import java.util.List;

/**
 * The Kafka contract of the pipeline, declared once for producers, consumers and tests.
 *
 * <h2>{@value #ARTICLES_RAW}</h2>
 * Articles accepted by the HTTP API. Key: the article id (UTF-8), so every version of one article lands on one
 * partition in order. Value: a {@link RawArticle} as JSON (schema {@code schemas/raw-article.schema.json}). Header
 * {@value #CONTENT_TYPE} is {@code application/json}. Written with {@code acks=all} and idempotence; the API
 * answers 202 only after the broker acknowledged the record.
 *
 * <h2>{@value #ARTICLES_RAW_DLT}</h2>
 * Records of {@value #ARTICLES_RAW} the processor could not handle after its retries: original key and value,
 * plus the {@code dlt_*} headers below naming the failure and where the record came from. {@code replay-dlt}
 * puts them back on {@value #ARTICLES_RAW} with the same key and value, the original headers without the
 * {@code dlt_*} ones, and {@value #REPLAY_OF} ({@code articles.raw.DLT/partition@offset}), {@value #REPLAY_TIME}
 * and {@value #REPLAY_COUNT} (how often the record has been replayed).
 *
 * <h2>{@value #EVENTS_SEMINAR} and {@value #EVENTS_COMPANY}</h2>
 * One record per extracted event, as CloudEvents 1.0 in Kafka binary mode: the value is the event JSON
 * ({@code SeminarEvent} / {@code CompanyEvent}, schemas {@code seminar-event.schema.json} and
 * {@code company-event.schema.json}), the attributes are the {@code ce_*} headers. Key: the article id, so the
 * events of one article stay in order. {@value #CE_ID} is the event id (deterministic: the same article and
 * the same meeting or figure give the same id), {@value #CE_SUBJECT} the article id. Delivery is at least once
 * (a transactional outbox relays them): consumers deduplicate on {@value #CE_ID} together with
 * {@value #CE_GENERATION}, the generation of the article's event set (1 for the first; one more for every
 * revision or reprocessing). A new generation starts, on each event topic and before its events, with one
 * {@value #ARTICLE_EVENTS_REPLACED_TYPE} record keyed by the article id ({@link ArticleEventsReplaced}; schema
 * {@code article-events-replaced.schema.json}); a consumer drops what it holds of that article from older
 * generations, then takes the events that follow (possibly none, possibly under the same {@value #CE_ID}s with new
 * content).
 */
public final class Topics {
    /** Accepted articles, keyed by article id. */
    public static final String ARTICLES_RAW = "articles.raw";
    /** Articles the processor gave up on. */
    public static final String ARTICLES_RAW_DLT = "articles.raw.DLT";
    /** Seminar events (CloudEvents type {@link #SEMINAR_EVENT_TYPE}). */
    public static final String EVENTS_SEMINAR = "events.seminar";
    /** Company events (CloudEvents type {@link #COMPANY_EVENT_TYPE}). */
    public static final String EVENTS_COMPANY = "events.company";

    /** Every topic the services create at startup when missing. */
    public static final List<String> ALL = List.of(ARTICLES_RAW, ARTICLES_RAW_DLT, EVENTS_SEMINAR, EVENTS_COMPANY);

    /** CloudEvents {@code type} of a seminar event. */
    public static final String SEMINAR_EVENT_TYPE = "cn.newsevents.seminar.v1";
    /** CloudEvents {@code type} of a company event. */
    public static final String COMPANY_EVENT_TYPE = "cn.newsevents.company.v1";
    /**
     * CloudEvents {@code type} of the record that opens a new event set of an article on each event topic
     * ({@link ArticleEventsReplaced}): drop what you hold of that article from older generations.
     */
    public static final String ARTICLE_EVENTS_REPLACED_TYPE = "cn.newsevents.article.events-replaced.v1";
    /** CloudEvents {@code source} of every event this service publishes. */
    public static final String EVENT_SOURCE = "/newsevents/ingest-service";
    /** CloudEvents specification version. */
    public static final String CE_SPEC_VERSION = "1.0";

    /** CloudEvents binary-mode headers (Kafka protocol binding). */
    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TIME = "ce_time";
    public static final String CE_SUBJECT = "ce_subject";
    /** CloudEvents extension: the generation of the article's event set the record belongs to (1, 2, ...). */
    public static final String CE_GENERATION = "ce_generation";
    /** Media type of the value: {@code application/json} on every topic. */
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    /** Every dead-letter header starts with this. */
    public static final String DLT_HEADER_PREFIX = "dlt_";
    /** Every header of a replayed record starts with this. */
    public static final String REPLAY_HEADER_PREFIX = "replay_";
    /** Dead-letter headers. */
    public static final String DLT_EXCEPTION_CLASS = "dlt_exception_class";
    public static final String DLT_EXCEPTION_MESSAGE = "dlt_exception_message";
    public static final String DLT_ORIGINAL_TOPIC = "dlt_original_topic";
    public static final String DLT_ORIGINAL_PARTITION = "dlt_original_partition";
    public static final String DLT_ORIGINAL_OFFSET = "dlt_original_offset";
    /** Headers of a record put back on {@value #ARTICLES_RAW} from {@value #ARTICLES_RAW_DLT}. */
    public static final String REPLAY_OF = "replay_of";
    public static final String REPLAY_TIME = "replay_time";
    public static final String REPLAY_COUNT = "replay_count";

    private Topics() {
    }
}
