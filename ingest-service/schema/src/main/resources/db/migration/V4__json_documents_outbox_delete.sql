-- Event documents are stored as json, not jsonb: the processor writes the exact text it publishes and the query
-- service returns it as is. jsonb parsed every document into its binary form on insert and printed it again for
-- every row served; json only checks that the text is valid JSON, and the path operators used to order an
-- article's events (#>>) work on it too. The rewrite of existing rows happens once, here.
ALTER TABLE seminars ALTER COLUMN payload TYPE json USING payload::json;
ALTER TABLE company_events ALTER COLUMN payload TYPE json USING payload::json;

-- The relay deletes an outbox row once the broker acknowledged it, in the same transaction that read it. Marking it
-- published instead wrote a second version of every row (payload included) and kept published rows for ever.
DELETE FROM outbox WHERE published_at IS NOT NULL;
DROP INDEX outbox_pending_idx;
ALTER TABLE outbox DROP COLUMN published_at;

-- Company events are listed newest stored first, optionally for one metric; the company filter is a substring match
-- (ILIKE '%...%'), which a b-tree on company_s never served, so that index only cost every insert.
DROP INDEX company_events_company_idx;
DROP INDEX company_events_metric_idx;
CREATE INDEX company_events_latest_idx ON company_events (ingested_at DESC, id DESC);
CREATE INDEX company_events_metric_idx ON company_events (metric, ingested_at DESC, id DESC);
