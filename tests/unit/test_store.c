/* test_store.c - unit tests for store/: schema and migrations, storing coded articles,
 * idempotence, all-or-nothing articles, event merging, query filters, the check, and a
 * process killed in the middle of a batch.
 */
#include "unit.h"

#include "store/store.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* A coded article with one event; %s are id, publisher, day, source code, cameo. */
static char *article(const char *id, const char *publisher, const char *day, const char *source,
                     const char *cameo)
{
    char *json = xmalloc(4096);
    snprintf(json, 4096,
             "{\"id\":\"%s\",\"url\":null,\"published\":\"%s\",\"meta\":{\"publisher\":\"%s\"},"
             "\"sentences\":[{\"n\":0,\"start\":0,\"end\":30,\"text\":\"%s text about %s.\"}],"
             "\"actors\":[],\"events\":[{\"id\":\"e1\",\"sentence\":0,"
             "\"source\":{\"text\":\"x\",\"code\":\"%s\",\"country\":\"RUS\",\"role\":\"MIL\"},"
             "\"target\":{\"text\":\"y\",\"code\":\"UKRMIL\"},\"cameo\":\"%s\","
             "\"plover\":\"ASSAULT\",\"goldstein\":-10,\"quad_class\":4,"
             "\"modality\":\"asserted\",\"attribution\":null,"
             "\"quantities\":[{\"value\":3,\"unit\":\"drones\"}],"
             "\"place\":{\"name\":\"Kharkiv\",\"country\":\"UKR\"},\"date\":null}],"
             "\"quotes\":[],\"quantities\":[],\"dates\":[],\"places\":[],\"warnings\":[]}",
             id, day, publisher, id, cameo, source, cameo);
    return json;
}

static sitrep_status put(store *s, const char *json, store_outcome *outcome)
{
    diag d;
    diag_clear(&d);
    return store_put_article_json(s, json, strlen(json), outcome, &d);
}

static store *open_memory(int dedup_days)
{
    store *s = NULL;
    diag d;
    diag_clear(&d);
    store_options options = {.dedup_days = dedup_days};
    assert_int_equal(store_open(":memory:", &options, &s, &d), SITREP_OK);
    return s;
}

static void stores_and_skips_duplicates(void **state)
{
    (void)state;
    store *s = open_memory(0);
    diag d;
    diag_clear(&d);
    store_outcome outcome;
    char *a = article("a", "wire", "2025-01-02", "RUSMIL", "190");
    assert_int_equal(store_begin(s, &d), SITREP_OK);
    assert_int_equal(put(s, a, &outcome), SITREP_OK);
    assert_int_equal(outcome, STORE_ADDED);
    assert_int_equal(put(s, a, &outcome), SITREP_OK);
    assert_int_equal(outcome, STORE_DUPLICATE);
    /* same text under another id is the same article */
    char *renamed = article("a", "wire", "2025-01-02", "RUSMIL", "190");
    memcpy(strstr(renamed, "\"id\":\"a\"") + 6, "b", 1);
    assert_int_equal(put(s, renamed, &outcome), SITREP_OK);
    assert_int_equal(outcome, STORE_DUPLICATE);
    assert_int_equal(store_commit(s, &d), SITREP_OK);
    store_totals t;
    assert_int_equal(store_count(s, &t, &d), SITREP_OK);
    assert_int_equal(t.articles, 1);
    assert_int_equal(t.events, 1);
    assert_int_equal(t.quantities, 1);
    assert_int_equal(store_check(s, &d), SITREP_OK);
    free(a);
    free(renamed);
    store_close(s);
}

static void bad_articles_leave_nothing(void **state)
{
    (void)state;
    store *s = open_memory(0);
    diag d;
    diag_clear(&d);
    store_outcome outcome;
    assert_int_equal(store_begin(s, &d), SITREP_OK);
    const char *bad[] = {
        "{\"id\":",
        "[1,2]",
        "{\"sentences\":[]}",
        "{\"id\":\"x\",\"events\":\"no\"}",
        "{\"id\":\"x\",\"sentences\":[{\"n\":0,\"text\":\"a\"}],\"events\":[{\"cameo\":19}]}",
        "{\"id\":\"x\",\"sentences\":[{\"n\":0,\"text\":\"a\"},{\"n\":0,\"text\":\"b\"}]}",
        "{\"id\":\"\\ud800\"}",
        "{\"id\":\"x\",\"sentences\":[{\"n\":7.7e75,\"text\":\"a\"}]}",
        "{\"id\":\"x\",\"sentences\":[{\"n\":-1,\"text\":\"a\"}]}",
        "{\"id\":\"\xff\"}",
    };
    for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
        sitrep_status status = put(s, bad[i], &outcome);
        assert_int_equal(status, SITREP_EPARSE);
    }
    /* the batch goes on after bad articles */
    char *a = article("ok", "wire", "2025-01-02", "RUSMIL", "190");
    assert_int_equal(put(s, a, &outcome), SITREP_OK);
    assert_int_equal(store_commit(s, &d), SITREP_OK);
    store_totals t;
    assert_int_equal(store_count(s, &t, &d), SITREP_OK);
    assert_int_equal(t.articles, 1);
    assert_int_equal(t.sentences, 1);
    assert_int_equal(t.events, 1);
    assert_int_equal(store_check(s, &d), SITREP_OK);
    free(a);
    store_close(s);
}

typedef struct collected {
    long long ids[16];
    long long mentions[16], articles[16], sources[16];
    int count;
} collected;

static sitrep_status collect(void *user, const store_event *e)
{
    collected *c = user;
    if (c->count < 16) {
        c->ids[c->count] = e->id;
        c->mentions[c->count] = e->num_mentions;
        c->articles[c->count] = e->num_articles;
        c->sources[c->count] = e->num_sources;
        c->count++;
    }
    return SITREP_OK;
}

static collected query(store *s, store_filter q)
{
    collected c = {0};
    diag d;
    diag_clear(&d);
    q.oldest_first = true;
    assert_int_equal(store_query(s, &q, collect, &c, &d), SITREP_OK);
    return c;
}

static void merges_events_across_articles(void **state)
{
    (void)state;
    for (int window = 0; window <= 1; window++) {
        store *s = open_memory(window);
        diag d;
        diag_clear(&d);
        store_outcome outcome;
        char *articles[] = {
            article("a", "wire", "2025-01-02", "RUSMIL", "190"),
            article("b", "ledger", "2025-01-02", "RUSMIL", "190"),
            article("c", "wire", "2025-01-02", "RUSMIL", "190"),
            article("d", "post", "2025-01-03", "RUSMIL", "190"), /* next day */
            article("e", "post", "2025-01-02", "RUSGOV", "190"), /* other source */
            article("f", "post", "2025-01-02", "RUSMIL", "193"), /* other code */
        };
        assert_int_equal(store_begin(s, &d), SITREP_OK);
        for (size_t i = 0; i < ARRAY_LEN(articles); i++) {
            assert_int_equal(put(s, articles[i], &outcome), SITREP_OK);
            free(articles[i]);
        }
        assert_int_equal(store_commit(s, &d), SITREP_OK);
        collected c = query(s, (store_filter){.cameo = "190", .source = "RUSMIL"});
        if (window == 0) {
            assert_int_equal(c.count, 2);
            assert_int_equal(c.mentions[0], 3);
            assert_int_equal(c.articles[0], 3);
            assert_int_equal(c.sources[0], 2);
            assert_int_equal(c.mentions[1], 1);
        } else {
            assert_int_equal(c.count, 1);
            assert_int_equal(c.mentions[0], 4);
            assert_int_equal(c.sources[0], 3);
        }
        assert_int_equal(query(s, (store_filter){.actor = "RUS"}).count, window ? 3 : 4);
        assert_int_equal(query(s, (store_filter){.cameo = "19"}).count, window ? 3 : 4);
        assert_int_equal(query(s, (store_filter){.root = "19", .source = "RUSG"}).count, 1);
        assert_int_equal(query(s, (store_filter){.plover = "assault", .limit = 2}).count, 2);
        assert_int_equal(query(s, (store_filter){.country = "UKR", .since = "2025-01-03"}).count,
                         window ? 0 : 1);
        assert_int_equal(query(s, (store_filter){.until = "2024"}).count, 0);
        assert_int_equal(query(s, (store_filter){.text = "text about 193"}).count, 1);
        assert_int_equal(query(s, (store_filter){.modality = "negated"}).count, 0);
        assert_int_equal(query(s, (store_filter){.attribution = "none"}).count, window ? 3 : 4);
        assert_int_equal(query(s, (store_filter){.actor = "R'); DROP TABLE events; --"}).count, 0);
        assert_int_equal(store_check(s, &d), SITREP_OK);
        collected bad = {0};
        assert_int_equal(store_query(s, &(store_filter){.since = "yesterday"}, collect, &bad, &d),
                         SITREP_EUSAGE);
        store_close(s);
    }
}

static void migrations_are_versioned(void **state)
{
    (void)state;
    char path[] = "/tmp/sitrep-test-store-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    store *s = NULL;
    diag d;
    diag_clear(&d);
    assert_int_equal(store_open(path, NULL, &s, &d), SITREP_OK);
    store_outcome outcome;
    char *a = article("a", "wire", "2025-01-02", "RUSMIL", "190");
    assert_int_equal(store_begin(s, &d), SITREP_OK);
    assert_int_equal(put(s, a, &outcome), SITREP_OK);
    assert_int_equal(store_commit(s, &d), SITREP_OK);
    store_close(s);
    /* reopening keeps the data and does not migrate again */
    store_options read_only = {.read_only = true};
    assert_int_equal(store_open(path, &read_only, &s, &d), SITREP_OK);
    store_totals t;
    assert_int_equal(store_count(s, &t, &d), SITREP_OK);
    assert_int_equal(t.articles, 1);
    store_close(s);
    free(a);
    /* a database from a newer sitrep is refused */
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_not_equal(store_open(path, NULL, &s, &d), SITREP_OK);
    assert_null(s);
    assert_non_null(strstr(d.message, "schema version 99"));
    unlink(path);
    char command[512];
    snprintf(command, sizeof command, "rm -f '%s-wal' '%s-shm'", path, path);
    assert_int_equal(system(command), 0);
}

/* A child stores batches of 50 articles until it is killed with SIGKILL; the parent then
 * finds whole batches only and a database that passes the check. */
static void killed_writer_leaves_whole_batches(void **state)
{
    (void)state;
    char path[] = "/tmp/sitrep-test-crash-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        store *s = NULL;
        diag d;
        if (store_open(path, NULL, &s, &d) != SITREP_OK)
            _exit(1);
        for (long n = 0;; n++) {
            if (store_begin(s, &d) != SITREP_OK)
                _exit(1);
            for (int i = 0; i < 50; i++) {
                char id[32];
                snprintf(id, sizeof id, "k%ld-%d", n, i);
                char *a = article(id, "wire", "2025-01-02", "RUSMIL", i % 2 ? "190" : "193");
                store_outcome outcome;
                if (put(s, a, &outcome) != SITREP_OK)
                    _exit(1);
                free(a);
            }
            if (store_commit(s, &d) != SITREP_OK)
                _exit(1);
        }
    }
    /* wait until a few batches are in, then kill in the middle of one */
    store *s = NULL;
    diag d;
    diag_clear(&d);
    store_totals t = {0};
    for (int tries = 0; tries < 400 && t.articles < 200; tries++) {
        nanosleep(&(struct timespec){.tv_nsec = 20000000}, NULL);
        store_options read_only = {.read_only = true};
        if (store_open(path, &read_only, &s, &d) == SITREP_OK) {
            if (store_count(s, &t, &d) != SITREP_OK)
                t.articles = 0;
            store_close(s);
        }
    }
    kill(child, SIGKILL);
    int status;
    waitpid(child, &status, 0);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(store_open(path, NULL, &s, &d), SITREP_OK);
    assert_int_equal(store_count(s, &t, &d), SITREP_OK);
    assert_true(t.articles >= 200);
    assert_int_equal(t.articles % 50, 0);
    assert_int_equal(t.mentions, t.articles);
    assert_int_equal(store_check(s, &d), SITREP_OK);
    store_close(s);
    char command[512];
    snprintf(command, sizeof command, "rm -f '%s' '%s-wal' '%s-shm'", path, path, path);
    assert_int_equal(system(command), 0);
}

static void default_path_follows_xdg(void **state)
{
    (void)state;
    char dir[] = "/tmp/sitrep-test-xdg-XXXXXX";
    assert_non_null(mkdtemp(dir));
    setenv("XDG_DATA_HOME", dir, 1);
    char path[4096];
    diag d;
    diag_clear(&d);
    assert_int_equal(store_default_path(path, sizeof path, &d), SITREP_OK);
    char want[4200];
    snprintf(want, sizeof want, "%s/sitrep/events.db", dir);
    assert_string_equal(path, want);
    setenv("XDG_DATA_HOME", "relative/ignored", 1);
    setenv("HOME", dir, 1);
    assert_int_equal(store_default_path(path, sizeof path, &d), SITREP_OK);
    snprintf(want, sizeof want, "%s/.local/share/sitrep/events.db", dir);
    assert_string_equal(path, want);
    char command[512];
    snprintf(command, sizeof command, "rm -rf '%s'", dir);
    assert_int_equal(system(command), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stores_and_skips_duplicates),
        cmocka_unit_test(bad_articles_leave_nothing),
        cmocka_unit_test(merges_events_across_articles),
        cmocka_unit_test(migrations_are_versioned),
        cmocka_unit_test(killed_writer_leaves_whole_batches),
        cmocka_unit_test(default_path_follows_xdg),
    };
    return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
