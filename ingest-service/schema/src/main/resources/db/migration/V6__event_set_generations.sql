-- The generation of an article's event set: 1 for the first, one more for every revision or reprocessing. Every
-- event record carries it (ce_generation), so a subscriber tells a new set from a repeat; a constant default adds
-- the column without rewriting the table.
ALTER TABLE articles ADD COLUMN generation integer NOT NULL DEFAULT 1;
ALTER TABLE outbox ADD COLUMN generation integer NOT NULL DEFAULT 1;
