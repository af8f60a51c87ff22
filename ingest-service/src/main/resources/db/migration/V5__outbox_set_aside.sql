-- A row the broker refuses for its content (too large, invalid) is set aside instead of blocking the relay: it stays
-- in the table, marked, for an operator to look at (GET /admin/outbox), and the relay passes over it.
ALTER TABLE outbox ADD COLUMN set_aside_at timestamptz;
ALTER TABLE outbox ADD COLUMN set_aside_reason text;
CREATE INDEX outbox_set_aside_idx ON outbox (id) WHERE set_aside_at IS NOT NULL;

-- The generation of an article's event set: 1 for the first, one more for every revision or reprocessing. Every
-- event record carries it (ce_generation), so a subscriber tells a new set from a repeat; a constant default adds
-- the column without rewriting the table.
ALTER TABLE articles ADD COLUMN generation integer NOT NULL DEFAULT 1;
ALTER TABLE outbox ADD COLUMN generation integer NOT NULL DEFAULT 1;
