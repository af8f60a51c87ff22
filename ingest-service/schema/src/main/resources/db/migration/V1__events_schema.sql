-- Articles and the events extracted from them. The processor (ingest-service) owns this schema;
-- the query service only reads it. Columns ending in _s hold text folded to simplified characters
-- so that searches match simplified and traditional spellings alike.

CREATE TABLE articles (
    id                text PRIMARY KEY,
    url               text UNIQUE,
    content_hash      text        NOT NULL,
    title             text        NOT NULL,
    title_s           text        NOT NULL,
    source            text,
    published_at      timestamptz NOT NULL,
    language          text,
    script            text,
    text              text        NOT NULL,
    body_offset       integer     NOT NULL,
    revision          integer     NOT NULL DEFAULT 1,
    extractor_version text,
    ingested_at       timestamptz NOT NULL,
    processed_at      timestamptz NOT NULL
);
CREATE INDEX articles_ingested_idx ON articles (ingested_at DESC, id DESC);

CREATE TABLE seminars (
    id                text PRIMARY KEY,
    article_id        text        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seminar_date      date,
    city              text,
    city_s            text,
    sequence          integer,
    host_name         text,
    focus             text,
    search_s          text        NOT NULL,
    payload           jsonb       NOT NULL,
    confidence        double precision NOT NULL,
    extractor_version text        NOT NULL,
    ingested_at       timestamptz NOT NULL
);
CREATE INDEX seminars_latest_idx ON seminars (seminar_date DESC NULLS LAST, ingested_at DESC, id DESC);
CREATE INDEX seminars_article_idx ON seminars (article_id);
CREATE INDEX seminars_city_idx ON seminars (city_s);

CREATE TABLE seminar_participants (
    seminar_id     text    NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
    ordinal        integer NOT NULL,
    name           text    NOT NULL,
    title          text,
    organization   text,
    name_s         text    NOT NULL,
    organization_s text,
    PRIMARY KEY (seminar_id, ordinal)
);
CREATE INDEX seminar_participants_name_idx ON seminar_participants (name_s);

CREATE TABLE company_events (
    id                text PRIMARY KEY,
    article_id        text        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind              text        NOT NULL,
    company           text,
    company_s         text,
    metric            text,
    period            text,
    value             numeric,
    unit              text,
    qualifier         text,
    seminar_id        text,
    payload           jsonb       NOT NULL,
    confidence        double precision NOT NULL,
    extractor_version text        NOT NULL,
    ingested_at       timestamptz NOT NULL
);
CREATE INDEX company_events_article_idx ON company_events (article_id);
CREATE INDEX company_events_company_idx ON company_events (company_s);
CREATE INDEX company_events_metric_idx ON company_events (metric, period);

-- Transactional outbox: rows are written in the same transaction as the events and relayed to Kafka,
-- so the database and the event topics never diverge.
CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    event_id     text        NOT NULL,
    topic        text        NOT NULL,
    msg_key      text        NOT NULL,
    ce_type      text        NOT NULL,
    ce_time      timestamptz NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE published_at IS NULL;
