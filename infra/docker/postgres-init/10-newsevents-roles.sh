#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty volume (docker-entrypoint-initdb.d).
# Creates the pipeline's database and its two login roles, as the local stack does:
#   - the owner, used by ingest-service, which runs the Flyway migrations and writes;
#   - a reader for query-service, with SELECT on every table the owner creates, now or later, and nothing else.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v db="$NEWSEVENTS_DB" \
     -v owner="$NEWSEVENTS_OWNER" -v owner_password="$NEWSEVENTS_OWNER_PASSWORD" \
     -v reader="$NEWSEVENTS_READER" -v reader_password="$NEWSEVENTS_READER_PASSWORD" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"reader" LOGIN PASSWORD :'reader_password';
CREATE DATABASE :"db" OWNER :"owner" ENCODING 'UTF8';
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"owner";
GRANT CONNECT ON DATABASE :"db" TO :"reader";
\connect :"db"
ALTER SCHEMA public OWNER TO :"owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"reader";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT ON TABLES TO :"reader";
SQL
