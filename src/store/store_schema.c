/* store_schema.c - the SQLite schema of the event store, as numbered migrations.
 *
 * Migration N takes a database from PRAGMA user_version N to N+1; store_open runs the missing
 * ones, each in its own transaction. Never edit a migration that has shipped: add one.
 * docs/store.md describes the tables.
 */
#include "store_internal.h"

/* 1: the whole output contract */
static const char *const migration_1[] = {
    "CREATE TABLE articles ("
    "  rowid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  content_hash TEXT NOT NULL UNIQUE,"
    "  url TEXT, published TEXT, publisher TEXT, source_key TEXT NOT NULL,"
    "  section TEXT, headline TEXT, byline TEXT, meta TEXT,"
    "  n_sentences INTEGER NOT NULL, n_actors INTEGER NOT NULL, n_events INTEGER NOT NULL,"
    "  n_quotes INTEGER NOT NULL, n_quantities INTEGER NOT NULL, n_dates INTEGER NOT NULL,"
    "  n_places INTEGER NOT NULL, n_warnings INTEGER NOT NULL,"
    "  ingested TEXT NOT NULL,"
    "  json TEXT NOT NULL);",
    "CREATE TABLE sentences ("
    "  rowid INTEGER PRIMARY KEY,"
    "  article INTEGER NOT NULL REFERENCES articles(rowid),"
    "  n INTEGER NOT NULL, start INTEGER, \"end\" INTEGER, paragraph INTEGER,"
    "  text TEXT NOT NULL,"
    "  UNIQUE (article, n));",
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences',"
    "  content_rowid='rowid');",
    "CREATE TABLE actors ("
    "  rowid INTEGER PRIMARY KEY,"
    "  article INTEGER NOT NULL REFERENCES articles(rowid),"
    "  sentence INTEGER, start INTEGER, \"end\" INTEGER, text TEXT, code TEXT);",
    "CREATE INDEX actors_article ON actors(article);",
    "CREATE INDEX actors_code ON actors(code);",
    "CREATE TABLE events ("
    "  rowid INTEGER PRIMARY KEY,"
    "  day TEXT, day_num INTEGER,"
    "  source_code TEXT, source_country TEXT, source_role TEXT, source_text TEXT,"
    "  target_code TEXT, target_country TEXT, target_role TEXT, target_text TEXT,"
    "  cameo TEXT, root TEXT, label TEXT, plover TEXT, goldstein REAL, quad_class INTEGER,"
    "  place_key TEXT NOT NULL, place_text TEXT, place_name TEXT, place_country TEXT,"
    "  lat REAL, lon REAL,"
    "  num_mentions INTEGER NOT NULL, num_articles INTEGER NOT NULL,"
    "  num_sources INTEGER NOT NULL,"
    "  added TEXT NOT NULL);",
    "CREATE INDEX events_key ON events(cameo, source_code, target_code, place_key, day_num);",
    "CREATE INDEX events_day ON events(day_num);",
    "CREATE INDEX events_source ON events(source_code, day_num);",
    "CREATE INDEX events_target ON events(target_code, day_num);",
    "CREATE INDEX events_root ON events(root, day_num);",
    "CREATE INDEX events_country ON events(place_country, day_num);",
    "CREATE TABLE mentions ("
    "  rowid INTEGER PRIMARY KEY,"
    "  event INTEGER NOT NULL REFERENCES events(rowid),"
    "  article INTEGER NOT NULL REFERENCES articles(rowid),"
    "  key TEXT, sentence INTEGER, modality TEXT,"
    "  attribution_kind TEXT, attribution_text TEXT, attribution_code TEXT,"
    "  attribution_cue TEXT, source_text TEXT, target_text TEXT,"
    "  date_text TEXT, date_value TEXT, place_text TEXT,"
    "  evidence_start INTEGER, evidence_end INTEGER, verb TEXT, rule TEXT);",
    "CREATE INDEX mentions_event ON mentions(event, article);",
    "CREATE INDEX mentions_article ON mentions(article, sentence);",
    "CREATE TABLE quotes ("
    "  rowid INTEGER PRIMARY KEY,"
    "  article INTEGER NOT NULL REFERENCES articles(rowid),"
    "  sentence INTEGER, speaker_text TEXT, speaker_code TEXT, cue TEXT, text TEXT,"
    "  direct INTEGER);",
    "CREATE INDEX quotes_article ON quotes(article);",
    "CREATE INDEX quotes_speaker ON quotes(speaker_code);",
    "CREATE TABLE quantities ("
    "  rowid INTEGER PRIMARY KEY,"
    "  article INTEGER NOT NULL REFERENCES articles(rowid),"
    "  mention INTEGER REFERENCES mentions(rowid),"
    "  value REAL, unit TEXT, text TEXT, qualifier TEXT);",
    "CREATE INDEX quantities_article ON quantities(article);",
    "CREATE INDEX quantities_mention ON quantities(mention);",
    "CREATE TABLE dates ("
    "  rowid INTEGER PRIMARY KEY,"
    "  article INTEGER NOT NULL REFERENCES articles(rowid),"
    "  text TEXT, value TEXT, json TEXT NOT NULL);",
    "CREATE INDEX dates_article ON dates(article);",
    "CREATE TABLE places ("
    "  rowid INTEGER PRIMARY KEY,"
    "  article INTEGER NOT NULL REFERENCES articles(rowid),"
    "  text TEXT, name TEXT, country TEXT, lat REAL, lon REAL, json TEXT NOT NULL);",
    "CREATE INDEX places_article ON places(article);",
    "CREATE TABLE warnings ("
    "  rowid INTEGER PRIMARY KEY,"
    "  article INTEGER NOT NULL REFERENCES articles(rowid),"
    "  kind TEXT, message TEXT);",
    "CREATE INDEX warnings_article ON warnings(article);",
    NULL,
};

/* 2: what the GDELT and PLOVER exports need of an event: the sides' resolved names, where
 * each side is placed (a JSON place object), the kind and first-level region of its place */
static const char *const migration_2[] = {
    "ALTER TABLE events ADD COLUMN source_name TEXT;",
    "ALTER TABLE events ADD COLUMN target_name TEXT;",
    "ALTER TABLE events ADD COLUMN source_place TEXT;",
    "ALTER TABLE events ADD COLUMN target_place TEXT;",
    "ALTER TABLE events ADD COLUMN place_kind TEXT;",
    "ALTER TABLE events ADD COLUMN place_admin1 TEXT;",
    NULL,
};

const char *const *const store_migrations[] = {migration_1, migration_2};

const size_t store_nmigrations = sizeof store_migrations / sizeof store_migrations[0];
