-- Runs of the current extractor over stored articles. Progress is written in the same transaction as each
-- batch of replaced events, so a restarted run continues after last_article_id without doing any article twice.
CREATE TABLE reprocess_jobs (
    id                text PRIMARY KEY,
    extractor_version text        NOT NULL,
    include_current   boolean     NOT NULL,
    batch_size        integer     NOT NULL,
    status            text        NOT NULL,
    total             bigint      NOT NULL,
    last_article_id   text,
    scanned           bigint      NOT NULL DEFAULT 0,
    replaced          bigint      NOT NULL DEFAULT 0,
    skipped           bigint      NOT NULL DEFAULT 0,
    failed            bigint      NOT NULL DEFAULT 0,
    error             text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    finished_at       timestamptz
);
