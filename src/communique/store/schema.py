"""The DuckDB schema and the export views that implement the export contract.

Tables hold flat columns (fast to filter and aggregate); the ``export_*`` views rebuild the
nested JSON shape of ``docs/export-contract.md`` so JSON Lines and Parquet exports, the API
and users' SQL share one definition.
"""

from __future__ import annotations

__all__ = ["EXPORT_VIEWS", "SCHEMA_SQL", "SCHEMA_VERSION", "TABLES"]

SCHEMA_VERSION = 1

TABLES = ("articles", "mentions", "actors", "quotes", "events", "errors")

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    source_id VARCHAR,
    date DATE,
    publisher VARCHAR,
    relayed_from VARCHAR[],
    title VARCHAR,
    url VARCHAR,
    source_path VARCHAR,
    source_line INTEGER,
    duplicate_of VARCHAR,
    text VARCHAR,
    n_sentences INTEGER,
    processed_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR NOT NULL,
    text VARCHAR,
    label VARCHAR,
    start INTEGER,
    "end" INTEGER,
    actor_id VARCHAR
);
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY,
    name VARCHAR,
    kind VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    igo VARCHAR,
    title VARCHAR,
    affiliation VARCHAR,
    code VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    text VARCHAR,
    start INTEGER,
    "end" INTEGER,
    type VARCHAR,
    cue VARCHAR,
    cue_start INTEGER,
    cue_end INTEGER,
    speaker_text VARCHAR,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_actor_id VARCHAR,
    speaker_name VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    type VARCHAR,
    mode VARCHAR,
    context VARCHAR[],
    cameo VARCHAR,
    goldstein DOUBLE,
    quad VARCHAR,
    source_actor_id VARCHAR,
    source_name VARCHAR,
    source_country VARCHAR,
    source_sector VARCHAR,
    source_igo VARCHAR,
    has_target BOOLEAN,
    target_actor_id VARCHAR,
    target_name VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
    target_igo VARCHAR,
    date DATE,
    location_name VARCHAR,
    location_country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    sentence_start INTEGER,
    sentence_end INTEGER,
    trigger_start INTEGER,
    trigger_end INTEGER,
    trigger_text VARCHAR,
    confidence DOUBLE
);
CREATE TABLE IF NOT EXISTS errors (
    id VARCHAR PRIMARY KEY,
    path VARCHAR,
    line INTEGER,
    reason VARCHAR,
    stage VARCHAR,
    first_seen TIMESTAMP DEFAULT current_timestamp,
    last_seen TIMESTAMP DEFAULT current_timestamp
);
-- Near-duplicate index (ingest/dedup.py): MinHash signature and LSH band keys per article.
CREATE TABLE IF NOT EXISTS article_signatures (article_id VARCHAR PRIMARY KEY, sig UBIGINT[]);
CREATE TABLE IF NOT EXISTS article_bands (band UTINYINT, key BIGINT, article_id VARCHAR);
-- Provenance of exact copies (same normalised text, so the same article id) seen again.
CREATE TABLE IF NOT EXISTS article_copies (
    article_id VARCHAR,
    publisher VARCHAR,
    relayed_from VARCHAR[],
    date DATE,
    source_id VARCHAR,
    source_path VARCHAR,
    source_line INTEGER,
    PRIMARY KEY (article_id, source_path, source_line)
);
CREATE INDEX IF NOT EXISTS article_bands_key ON article_bands(key);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
"""

# One SELECT per exported record kind; the column names and nesting are the export contract.
EXPORT_VIEWS: dict[str, str] = {
    "articles": """
        SELECT id, source_id, strftime(date, '%Y-%m-%d') AS date, publisher, relayed_from, title, url,
               source_path, source_line, duplicate_of, text
        FROM articles
    """,
    "mentions": """
        SELECT article_id, text, label, start, "end", actor_id FROM mentions
    """,
    "actors": """
        SELECT id, name, kind, country, sector, igo, title, affiliation, code FROM actors
    """,
    "quotes": """
        SELECT id, article_id, text, start, "end", type, cue,
               {'text': speaker_text, 'start': speaker_start, 'end': speaker_end,
                'actor_id': speaker_actor_id, 'name': speaker_name} AS speaker,
               CASE WHEN cue_start IS NULL THEN NULL
                    ELSE {'start': cue_start, 'end': cue_end} END AS cue_span
        FROM quotes
    """,
    "events": """
        SELECT id, article_id, type, mode, context, cameo, goldstein, quad,
               {'actor_id': source_actor_id, 'name': source_name, 'country': source_country,
                'sector': source_sector, 'igo': source_igo} AS source,
               CASE WHEN has_target THEN {'actor_id': target_actor_id, 'name': target_name,
                    'country': target_country, 'sector': target_sector, 'igo': target_igo}
                    ELSE NULL END AS target,
               strftime(date, '%Y-%m-%d') AS date,
               CASE WHEN location_name IS NULL THEN NULL
                    ELSE {'name': location_name, 'country': location_country, 'lat': lat, 'lon': lon}
                    END AS location,
               {'start': sentence_start, 'end': sentence_end} AS sentence,
               {'start': trigger_start, 'end': trigger_end, 'text': trigger_text} AS trigger,
               confidence
        FROM events
    """,
    "errors": """
        SELECT path, line, reason, stage, first_seen, last_seen FROM errors
    """,
}
