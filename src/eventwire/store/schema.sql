-- eventwire DuckDB store, schema version 1. Documented in docs/store.md.
CREATE TABLE IF NOT EXISTS documents (
    id          VARCHAR PRIMARY KEY,   -- input id (file path relative to the corpus root, or JSONL "id")
    title       VARCHAR,
    url         VARCHAR,
    source      VARCHAR,               -- publisher / feed
    date        DATE,                  -- publication date
    language    VARCHAR,
    text        VARCHAR,               -- cleaned text that was coded
    n_sentences INTEGER,
    n_events    INTEGER,
    error       VARCHAR,               -- NULL when coded; else why the document could not be coded
    coded_at    TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR PRIMARY KEY,   -- doc_id#n, stable across runs
    doc_id          VARCHAR NOT NULL,
    sentence        INTEGER,
    date            DATE,
    source_text     VARCHAR, source_start INTEGER, source_end INTEGER,
    source_code     VARCHAR, source_country VARCHAR, source_sector VARCHAR,
    target_text     VARCHAR, target_start INTEGER, target_end INTEGER,
    target_code     VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    cameo           VARCHAR, cameo_name VARCHAR, root VARCHAR,
    plover          VARCHAR, plover_mode VARCHAR,
    goldstein       DOUBLE, quad_class INTEGER, confidence DOUBLE,
    trigger_text    VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    rule            VARCHAR,
    sentence_text   VARCHAR
);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id   VARCHAR NOT NULL,
    n        INTEGER NOT NULL,            -- order within the document
    sentence INTEGER,
    text     VARCHAR, start_char INTEGER, end_char INTEGER,
    code     VARCHAR, country VARCHAR, sector VARCHAR, name VARCHAR, kind VARCHAR, resolved BOOLEAN,
    PRIMARY KEY (doc_id, n)
);
CREATE OR REPLACE VIEW actors AS
    SELECT code, any_value(country) AS country, any_value(sector) AS sector, mode(name) AS name,
           count(*) AS n_mentions, count(DISTINCT doc_id) AS n_documents
    FROM mentions WHERE code IS NOT NULL GROUP BY code;
CREATE TABLE IF NOT EXISTS quotes (
    doc_id   VARCHAR NOT NULL,
    n        INTEGER NOT NULL,            -- order within the document
    sentence INTEGER,
    kind     VARCHAR,                     -- direct | indirect | mixed
    speaker_text VARCHAR, speaker_start INTEGER, speaker_end INTEGER, speaker_code VARCHAR,
    cue_text VARCHAR, cue_start INTEGER, cue_end INTEGER,
    content_text VARCHAR, content_start INTEGER, content_end INTEGER,
    reported_by VARCHAR,
    PRIMARY KEY (doc_id, n)
);
CREATE TABLE IF NOT EXISTS times (
    doc_id     VARCHAR NOT NULL,
    n          INTEGER NOT NULL,
    text       VARCHAR, start_char INTEGER, end_char INTEGER,
    type       VARCHAR,                   -- date | time | duration | set
    value      VARCHAR,                   -- TIMEX3-style: 2022-06-15, 2022-W23, P4M
    PRIMARY KEY (doc_id, n)
);
CREATE TABLE IF NOT EXISTS places (
    doc_id     VARCHAR NOT NULL,
    n          INTEGER NOT NULL,            -- order within the document
    sentence   INTEGER,
    text       VARCHAR, start_char INTEGER, end_char INTEGER,
    geonameid  BIGINT,                      -- GeoNames id; NULL for regions built without one
    name       VARCHAR,                     -- GeoNames name of the resolved place
    country    VARCHAR,                     -- ISO3
    lat        DOUBLE, lon DOUBLE,
    PRIMARY KEY (doc_id, n)
);
