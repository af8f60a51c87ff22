-- A row the broker refuses for its content (too large, invalid) is set aside instead of blocking the relay: it stays
-- in the table, marked, for an operator to look at (GET /admin/outbox), and the relay passes over it.
ALTER TABLE outbox ADD COLUMN set_aside_at timestamptz;
ALTER TABLE outbox ADD COLUMN set_aside_reason text;
CREATE INDEX outbox_set_aside_idx ON outbox (id) WHERE set_aside_at IS NOT NULL;
