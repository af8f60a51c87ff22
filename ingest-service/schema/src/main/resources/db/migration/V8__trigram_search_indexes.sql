-- Substring search (ILIKE '%term%', as the query service writes it) served by trigram indexes instead of a scan
-- of the whole table: seminars' search text (q), participants' organisations (organization), company names
-- (company). pg_trgm ships with PostgreSQL's contrib modules and is a trusted extension, so the database owner
-- may create it. Where the server lacks it (or this role may not create it) the migration only warns: search
-- stays correct, as slow as before, and a later migration can add the indexes once the extension is there.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
            BEGIN
                CREATE EXTENSION pg_trgm;
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE WARNING 'pg_trgm could not be created (%); substring search runs without an index.', SQLERRM;
            END;
        ELSE
            RAISE WARNING 'pg_trgm is not available on this server; substring search runs without an index.';
        END IF;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX IF NOT EXISTS seminars_search_trgm_idx ON seminars USING gin (search_s gin_trgm_ops)';
        EXECUTE 'CREATE INDEX IF NOT EXISTS seminar_participants_organization_trgm_idx'
            || ' ON seminar_participants USING gin (organization_s gin_trgm_ops)';
        EXECUTE 'CREATE INDEX IF NOT EXISTS company_events_company_trgm_idx'
            || ' ON company_events USING gin (company_s gin_trgm_ops)';
    END IF;
END
$$;
