/* store.h - the event store: coded articles kept in a database, queried and exported.
 *
 * The store is fed the output contract (DESIGN.md section 2): one JSON object per article, as
 * `sitrep code` writes it, so it does not depend on the pipeline's internal structs and can
 * take JSON lines coded elsewhere. Same events reported by several articles are merged into
 * one event row with mention, article and source counts (docs/store.md). Two back ends sit
 * behind this one interface, chosen by the database name: an SQLite file (the embedded
 * default) or a PostgreSQL server (a postgresql:// URL) shared by many writers.
 */
#ifndef SITREP_STORE_H
#define SITREP_STORE_H

#include "../base/base.h"

typedef struct store store;

typedef struct store_options {
    int dedup_days;      /* events this many days apart still merge (0 = same day only) */
    int busy_timeout_ms; /* how long to wait for another writer (0 = 60 s) */
    bool read_only;      /* open an existing database for queries only (implies must_exist) */
    bool must_exist;     /* a missing database is an error instead of being created */
    int cache_kib;       /* SQLite: page cache of this connection in KiB (0 = 128 MB) */
} store_options;

/* Writes db into out as it may be shown to a user: a password in a PostgreSQL URL or
 * connection string becomes "***". */
void store_display_name(const char *db, char *out, size_t outlen);

/* Whether db names a PostgreSQL database (postgresql:// or postgres:// URL, or a libpq
 * "key=value" connection string) rather than an SQLite file. */
bool store_is_postgres(const char *db);

/* Writes the default database path into out: $XDG_DATA_HOME/sitrep/events.db, else
 * $HOME/.local/share/sitrep/events.db, and creates the directory. Returns SITREP_EIO (d says
 * why) when no directory can be made, SITREP_ELIMIT when out is too small. */
sitrep_status store_default_path(char *out, size_t outlen, diag *d) MUST_CHECK;

/* Opens the database `db` (an SQLite file path, or a PostgreSQL URL: store_is_postgres),
 * creating it when needed unless read_only or must_exist, and brings its schema up to date.
 * On success *out is the store (free with store_close). Errors: SITREP_ESQL or SITREP_EIO with
 * d->message set (a missing database with must_exist: SITREP_EIO); *out is then NULL. A store
 * is used by one thread. A read-only SQLite file (or one in a read-only folder) is read as it
 * is on disk when its journal cannot be shared. */
sitrep_status store_open(const char *db, const store_options *options, store **out,
                         diag *d) MUST_CHECK;
void store_close(store *s); /* NULL is a no-op; rolls back an open batch */

/* A batch is one transaction; articles put inside it are committed together, and a process
 * killed before the commit leaves none of them. SQLite: store_begin waits for other writers up
 * to the busy timeout. PostgreSQL: writers run at once; the articles are kept until
 * store_commit writes them (events in the order of their merge groups, so that writers never
 * deadlock; a batch the server aborts as a deadlock or serialization failure is written again,
 * up to 5 times). */
sitrep_status store_begin(store *s, diag *d) MUST_CHECK;
sitrep_status store_commit(store *s, diag *d) MUST_CHECK;
void store_rollback(store *s);

/* Articles a batch stored, and those that were already there. */
typedef struct store_counts {
    long long added, duplicates;
} store_counts;
/* What the last successful store_commit stored. */
store_counts store_committed(const store *s);

typedef enum store_outcome {
    STORE_ADDED = 0, /* the article and its facts were stored */
    STORE_DUPLICATE, /* an article with the same id or content was already there: unchanged */
    STORE_QUEUED     /* checked and kept for store_commit (PostgreSQL): see store_committed */
} store_outcome;

/* Stores one coded article (a JSON object per DESIGN.md section 2) inside the open batch.
 * The article is all or nothing: on SITREP_EPARSE (malformed JSON, wrong field types, invalid
 * UTF-8, d->message says what) or SITREP_ELIMIT nothing of it is stored and the batch goes
 * on; on SITREP_ESQL the batch should be rolled back. */
sitrep_status store_put_article_json(store *s, const char *json, size_t length,
                                     store_outcome *outcome, diag *d) MUST_CHECK;

/* Filters for store_query. NULL fields do not filter. Codes are prefixes ("RUS" matches
 * RUSGOV and RUSMIL; cameo "19" matches 190-196); dates are YYYY, YYYY-MM or YYYY-MM-DD and
 * both ends are inclusive. Every value is bound as a parameter. */
typedef struct store_filter {
    const char *actor;       /* source or target code prefix */
    const char *source;      /* source code prefix */
    const char *target;      /* target code prefix */
    const char *cameo;       /* CAMEO event code prefix */
    const char *root;        /* CAMEO root, exactly ("19") */
    const char *plover;      /* PLOVER type, case-insensitive */
    const char *modality;    /* some mention has this modality */
    const char *attribution; /* some mention has this attribution kind ("none": unattributed) */
    const char *since, *until;
    const char *country; /* place country */
    const char *text;    /* words that must all occur in a sentence that mentions the event */
    long limit;          /* 0: no limit */
    long offset;         /* events skipped before the first one given (paging; with a limit) */
    bool oldest_first;   /* order by event id ascending (exports) instead of newest day first */
} store_filter;

/* One merged event and its first mention. Strings may be NULL; all are owned by the store and
 * valid only during the callback. */
typedef struct store_event {
    long long id;
    const char *day; /* YYYY-MM-DD or NULL */
    const char *source_code, *source_text, *source_country, *source_role;
    const char *target_code, *target_text, *target_country, *target_role;
    const char *cameo, *root, *label, *plover;
    double goldstein;
    bool has_goldstein;
    int quad_class; /* 0 when unknown */
    const char *place_text, *place_name, *place_country;
    double lat, lon;
    bool has_coordinates;
    long long num_mentions, num_articles, num_sources;
    const char *added; /* UTC time the event was first stored, YYYYMMDDHHMMSS */
    /* the first mention */
    const char *article_id, *url, *publisher;
    long long sentence; /* -1 when unknown */
    const char *sentence_text, *modality, *attribution_kind, *attribution_text;
    /* the sides' names as the text resolves them (never a pronoun), where each is placed (a
     * JSON place object: name, kind, country, admin1, lat, lon), and the kind ("country",
     * "admin1", "city", "region", "water") and first-level region of the event's place; NULL
     * when unknown or stored before they were kept */
    const char *source_name, *target_name, *source_place, *target_place;
    const char *place_kind, *place_admin1;
} store_event;

/* Calls fn for each event matching q, newest day first (or by id with oldest_first). A
 * non-zero status from fn stops the query and is returned. SITREP_EUSAGE for a malformed
 * date; SITREP_ESQL with d->message otherwise. */
typedef sitrep_status (*store_event_fn)(void *user, const store_event *event);
sitrep_status store_query(store *s, const store_filter *q, store_event_fn fn, void *user,
                          diag *d) MUST_CHECK;

/* Calls fn with each stored article's JSON object, in the order they were stored. */
typedef sitrep_status (*store_article_fn)(void *user, const char *json, size_t length);
sitrep_status store_articles(store *s, store_article_fn fn, void *user, diag *d) MUST_CHECK;

/* Totals and the largest groups, for `sitrep stats`. */
typedef struct store_totals {
    long long articles, sentences, actors, events, mentions, quotes, quantities, dates, places;
    long long merged; /* events with more than one article */
} store_totals;
sitrep_status store_count(store *s, store_totals *totals, diag *d) MUST_CHECK;

typedef enum store_group { STORE_BY_ROOT, STORE_BY_DYAD, STORE_BY_PLOVER } store_group;
/* Calls fn(user, key, count) for the `limit` largest groups, largest first. The key is the
 * CAMEO root ("19"), "SOURCE -> TARGET", or the PLOVER type; owned by the store. */
typedef sitrep_status (*store_group_fn)(void *user, const char *key, long long count);
sitrep_status store_summary(store *s, store_group group, long limit, store_group_fn fn, void *user,
                            diag *d) MUST_CHECK;

/* Checks the database: SQLite's integrity, foreign-key and full-text checks (PostgreSQL keeps
 * those by itself), every article complete (the facts stored for it match the counts in its
 * JSON) and every event's counts equal to its mentions. Returns SITREP_OK, or SITREP_EPARSE
 * with d->message naming the first problem. */
sitrep_status store_check(store *s, diag *d) MUST_CHECK;

/* ---- browsing (store_browse.c): what the dashboard asks ---- */

/* Groups of the events matching a filter. */
typedef enum store_facet {
    STORE_FACET_ACTOR,    /* key: an actor code, as source or target; largest first */
    STORE_FACET_DYAD,     /* key: source code, key2: target code; largest first */
    STORE_FACET_DAY,      /* key: YYYY-MM-DD, key2: quad class ("1".."4", NULL unknown); by day */
    STORE_FACET_WEEK,     /* key: the week's Monday, key2: quad class; by week */
    STORE_FACET_DAY_ROOT, /* key: YYYY-MM-DD, key2: CAMEO root; by day */
    STORE_FACET_WEEK_ROOT /* key: the week's Monday, key2: CAMEO root; by week */
} store_facet;

/* One group: strings owned by the store and valid only during the callback. */
typedef struct store_bucket {
    const char *key, *key2;
    long long count;
    double goldstein; /* mean Goldstein score of the group's events */
    bool has_goldstein;
} store_bucket;

typedef sitrep_status (*store_bucket_fn)(void *user, const store_bucket *bucket);
/* Calls fn for at most `limit` groups (0: all) of the events matching q (q->limit, offset and
 * oldest_first are ignored); events without a day are left out of the day and week facets,
 * NULL codes out of the actor and dyad ones. Errors as store_query. */
sitrep_status store_facets(store *s, const store_filter *q, store_facet facet, long limit,
                           store_bucket_fn fn, void *user, diag *d) MUST_CHECK;

/* The ACTOR and DYAD facets of one scan: actor_fn gets the `limit` largest actors, then dyad_fn
 * the `limit` largest dyads. Either function may be NULL (that facet is not counted). */
sitrep_status store_actor_facets(store *s, const store_filter *q, long limit,
                                 store_bucket_fn actor_fn, store_bucket_fn dyad_fn, void *user,
                                 diag *d) MUST_CHECK;

/* Finds the article with this id: calls json_fn with its stored JSON object, then event_fn
 * once per event of the article with its key ("e1") and the merged event's id. *found says
 * whether there was one (not found is not an error). Strings are valid during the call. */
typedef sitrep_status (*store_event_key_fn)(void *user, const char *key, long long event_id);
sitrep_status store_article_find(store *s, const char *id, store_article_fn json_fn,
                                 store_event_key_fn event_fn, void *user, bool *found,
                                 diag *d) MUST_CHECK;

/* A number that changes whenever another connection commits to the database (SQLite's
 * data_version; PostgreSQL: a hash of the current snapshot, which changes when any transaction
 * ends): a reader's cached answers are still right while it stays the same. */
sitrep_status store_data_version(store *s, long long *out, diag *d) MUST_CHECK;

/* One sentence found by full-text search; strings valid during the callback. */
typedef struct store_hit {
    const char *article_id, *headline, *published;
    long long sentence;
    const char *text;
    long long events; /* events reported by this sentence */
} store_hit;
typedef sitrep_status (*store_hit_fn)(void *user, const store_hit *hit);
/* Calls fn for the sentences that contain every word of `words` (each word searched as given,
 * never as full-text syntax; case-insensitive, no stemming), most recently stored first,
 * skipping `offset` and giving at most `limit`. SITREP_EUSAGE when words has no word. */
sitrep_status store_search(store *s, const char *words, long limit, long offset, store_hit_fn fn,
                           void *user, diag *d) MUST_CHECK;

/* Caps the memory of all SQLite page caches of the process together (sitrep serve);
 * PostgreSQL's caches are the server's. */
void store_limit_cache_memory(long long bytes);

/* ---- JSON of a stored event (store_json.c) ---- */

/* Writes KEY: {"text" (with_text), "name", "country", "lat", "lon"} of the event's place. */
void store_json_place(json_writer *w, const char *key, const store_event *e, bool with_text);
/* Writes the "num_mentions", "num_articles" and "num_sources" members. */
void store_json_counts(json_writer *w, const store_event *e);
/* Writes the whole event with its first mention, as `sitrep query --format json` prints it. */
void store_json_event(json_writer *w, const store_event *e);

#endif
