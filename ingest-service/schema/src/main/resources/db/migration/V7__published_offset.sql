-- The UTC offset (seconds east) the publication time was given with: timestamptz keeps only the instant, and
-- reprocessing resolves relative dates (昨天, 上周五) against the article's own local date. Null for articles stored
-- before; those are read in Asia/Shanghai, as until now.
ALTER TABLE articles ADD COLUMN published_offset integer;
