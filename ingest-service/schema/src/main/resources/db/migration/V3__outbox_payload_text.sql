-- The outbox holds the exact JSON text of each event until the relay sends it: nothing queries inside it, so it is
-- kept as text. As jsonb every event was parsed once more on insert and printed again on relay.
ALTER TABLE outbox ALTER COLUMN payload TYPE text USING payload::text;
