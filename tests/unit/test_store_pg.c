/* test_store_pg.c - unit tests for the store's two back ends behind one interface: the
 * database name picks the back end, passwords never show, readers never create a database,
 * and (with a PostgreSQL server: $SITREP_TEST_PG, which tests/run-unit.sh sets after starting
 * one) batches kept until commit, duplicates, four writers at once giving the same counts as
 * one SQLite writer, read-only handles and the data version.
 */
#include "unit.h"

#include "store/store.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* An article with two events; the first is shared by every article with the same day. */
static char *article(const char *id, const char *publisher, const char *day)
{
    char *json = xmalloc(4096);
    snprintf(json, 4096,
             "{\"id\":\"%s\",\"published\":\"%s\",\"meta\":{\"publisher\":\"%s\"},"
             "\"sentences\":[{\"n\":0,\"text\":\"Text of %s about a convoy.\"}],"
             "\"events\":[{\"id\":\"e1\",\"sentence\":0,\"source\":{\"code\":\"RUSMIL\"},"
             "\"target\":{\"code\":\"UKRMIL\"},\"cameo\":\"190\",\"goldstein\":-10,"
             "\"quantities\":[{\"value\":3,\"unit\":\"drones\"}],"
             "\"place\":{\"name\":\"Kharkiv\",\"country\":\"UKR\"}},"
             "{\"id\":\"e2\",\"sentence\":0,\"source\":{\"code\":\"%sGOV\"},"
             "\"target\":null,\"cameo\":\"042\"}]}",
             id, day, publisher, id, publisher);
    return json;
}

static sitrep_status put(store *s, const char *json, store_outcome *outcome)
{
    diag d;
    diag_clear(&d);
    return store_put_article_json(s, json, strlen(json), outcome, &d);
}

static void names_pick_the_back_end(void **state)
{
    (void)state;
    assert_true(store_is_postgres("postgresql://u@h/db"));
    assert_true(store_is_postgres("postgres://h/db"));
    assert_true(store_is_postgres("host=127.0.0.1 dbname=x"));
    assert_true(store_is_postgres("dbname=events"));
    assert_false(store_is_postgres("events.db"));
    assert_false(store_is_postgres("/data/postgresql/events.db"));
    assert_false(store_is_postgres(":memory:"));
    assert_false(store_is_postgres(NULL));
    char shown[256];
    store_display_name("postgresql://analyst:hunter2@db.example/events", shown, sizeof shown);
    assert_string_equal(shown, "postgresql://analyst:***@db.example/events");
    store_display_name("host=db password=hunter2 dbname=x", shown, sizeof shown);
    assert_string_equal(shown, "host=db password=*** dbname=x");
    store_display_name("postgresql://h/db?user=a&password=hunter2&sslmode=require", shown,
                       sizeof shown);
    assert_string_equal(shown, "postgresql://h/db?user=a&password=***&sslmode=require");
    store_display_name("postgresql://analyst@db/events", shown, sizeof shown);
    assert_string_equal(shown, "postgresql://analyst@db/events");
    store_display_name("/tmp/a:b@c.db", shown, sizeof shown);
    assert_string_equal(shown, "/tmp/a:b@c.db");
}

static void readers_never_create(void **state)
{
    (void)state;
    char path[] = "/tmp/sitrep-test-missing-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    store *s = NULL;
    diag d;
    diag_clear(&d);
    store_options read_only = {.read_only = true}, must_exist = {.must_exist = true};
    assert_int_equal(store_open(path, &read_only, &s, &d), SITREP_EIO);
    assert_non_null(strstr(d.message, "no database here"));
    assert_int_equal(store_open(path, &must_exist, &s, &d), SITREP_EIO);
    assert_null(s);
    struct stat st;
    assert_int_not_equal(stat(path, &st), 0);
    /* an unreachable server is an error naming it */
    diag_clear(&d);
    assert_int_equal(store_open("postgresql://nobody:pw@127.0.0.1:1/none", NULL, &s, &d),
                     SITREP_EIO);
    assert_non_null(strstr(d.message, "cannot connect to PostgreSQL"));
}

/* The counts of the last commit, on SQLite (articles are written at once there). */
static void committed_counts(void **state)
{
    (void)state;
    store *s = NULL;
    diag d;
    diag_clear(&d);
    assert_int_equal(store_open(":memory:", NULL, &s, &d), SITREP_OK);
    store_outcome outcome;
    char *a = article("a", "wire", "2025-01-02"), *b = article("b", "post", "2025-01-02");
    assert_int_equal(store_begin(s, &d), SITREP_OK);
    assert_int_equal(put(s, a, &outcome), SITREP_OK);
    assert_int_equal(outcome, STORE_ADDED);
    assert_int_equal(put(s, b, &outcome), SITREP_OK);
    assert_int_equal(put(s, a, &outcome), SITREP_OK);
    assert_int_equal(outcome, STORE_DUPLICATE);
    assert_int_equal(store_commit(s, &d), SITREP_OK);
    store_counts c = store_committed(s);
    assert_int_equal(c.added, 2);
    assert_int_equal(c.duplicates, 1);
    /* outside a batch nothing is stored */
    assert_int_equal(put(s, a, &outcome), SITREP_EUSAGE);
    free(a);
    free(b);
    store_close(s);
}

/* ---- with a PostgreSQL server ---- */

static void quiet(void *user, const char *message)
{
    (void)user;
    (void)message;
}

/* Makes a new database on the server of $SITREP_TEST_PG and writes its URL into url. */
static bool fresh_database(const char *name, char *url, size_t urllen)
{
    const char *server = getenv("SITREP_TEST_PG");
    if (!server || !server[0])
        return false;
    PGconn *conn = PQconnectdb(server);
    PQsetNoticeProcessor(conn, quiet, NULL);
    char sql[256];
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", name);
    PQclear(PQexec(conn, sql));
    snprintf(sql, sizeof sql, "CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8'", name);
    PGresult *r = PQexec(conn, sql);
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    PQfinish(conn);
    /* the server URL ends in "/postgres" (tests/tools/pg.sh) */
    snprintf(url, urllen, "%s", server);
    char *slash = strrchr(url, '/');
    if (!ok || !slash)
        return false;
    snprintf(slash + 1, urllen - (size_t)(slash + 1 - url), "%s", name);
    return true;
}

#define NEED_SERVER(url, name)                                                                     \
    char url[512];                                                                                 \
    if (!fresh_database(name, url, sizeof url)) {                                                  \
        print_message("SKIP: no PostgreSQL server ($SITREP_TEST_PG unset)\n");                     \
        skip();                                                                                    \
    }

static sitrep_status count_event(void *user, const store_event *e)
{
    long long *sums = user;
    sums[0]++;
    sums[1] += e->num_mentions;
    sums[2] += e->num_articles;
    sums[3] += e->num_sources;
    if (e->cameo && strcmp(e->cameo, "190") == 0)
        sums[4] = e->num_mentions * 1000000 + e->num_articles * 1000 + e->num_sources;
    return SITREP_OK;
}

static void sums_of(store *s, long long sums[5])
{
    diag d;
    diag_clear(&d);
    memset(sums, 0, 5 * sizeof *sums);
    store_filter all = {0};
    assert_int_equal(store_query(s, &all, count_event, sums, &d), SITREP_OK);
}

static void batches_wait_for_commit(void **state)
{
    (void)state;
    NEED_SERVER(url, "unit_batches");
    store *s = NULL;
    diag d;
    diag_clear(&d);
    assert_int_equal(store_open(url, NULL, &s, &d), SITREP_OK);
    store_outcome outcome;
    char *a = article("a", "wire", "2025-01-02"), *b = article("b", "post", "2025-01-02");
    assert_int_equal(store_begin(s, &d), SITREP_OK);
    assert_int_equal(put(s, a, &outcome), SITREP_OK);
    assert_int_equal(outcome, STORE_QUEUED);
    assert_int_equal(put(s, b, &outcome), SITREP_OK);
    assert_int_equal(put(s, a, &outcome), SITREP_OK); /* the same article twice in a batch */
    /* a malformed article is refused at once, the batch goes on */
    assert_int_equal(put(s, "{\"id\":\"x\",\"events\":7}", &outcome), SITREP_EPARSE);
    store_totals t;
    assert_int_equal(store_count(s, &t, &d), SITREP_OK);
    assert_int_equal(t.articles, 0); /* nothing before the commit */
    assert_int_equal(store_commit(s, &d), SITREP_OK);
    store_counts c = store_committed(s);
    assert_int_equal(c.added, 2);
    assert_int_equal(c.duplicates, 1);
    assert_int_equal(store_count(s, &t, &d), SITREP_OK);
    assert_int_equal(t.articles, 2);
    assert_int_equal(t.events, 3); /* the 190 of both merged; two 042 of different sources */
    assert_int_equal(t.mentions, 4);
    assert_int_equal(t.quantities, 2);
    long long sums[5];
    sums_of(s, sums);
    assert_int_equal(sums[4], 2 * 1000000 + 2 * 1000 + 2);
    /* a rolled-back batch leaves nothing */
    char *c3 = article("c", "wire", "2025-01-03");
    assert_int_equal(store_begin(s, &d), SITREP_OK);
    assert_int_equal(put(s, c3, &outcome), SITREP_OK);
    store_rollback(s);
    assert_int_equal(store_count(s, &t, &d), SITREP_OK);
    assert_int_equal(t.articles, 2);
    assert_int_equal(store_check(s, &d), SITREP_OK);
    /* a read-only handle reads and refuses batches; the data version moves on a commit */
    store *reader = NULL;
    store_options read_only = {.read_only = true};
    assert_int_equal(store_open(url, &read_only, &reader, &d), SITREP_OK);
    assert_int_equal(store_begin(reader, &d), SITREP_EUSAGE);
    long long v1, v2, v3;
    assert_int_equal(store_data_version(reader, &v1, &d), SITREP_OK);
    assert_int_equal(store_data_version(reader, &v2, &d), SITREP_OK);
    assert_true(v1 == v2);
    assert_int_equal(store_begin(s, &d), SITREP_OK);
    assert_int_equal(put(s, c3, &outcome), SITREP_OK);
    assert_int_equal(store_commit(s, &d), SITREP_OK);
    assert_int_equal(store_data_version(reader, &v3, &d), SITREP_OK);
    assert_true(v3 != v2);
    store_close(reader);
    store_close(s);
    free(a);
    free(b);
    free(c3);
}

static void empty_database_is_not_a_store(void **state)
{
    (void)state;
    NEED_SERVER(url, "unit_empty");
    store *s = NULL;
    diag d;
    diag_clear(&d);
    store_options read_only = {.read_only = true}, must_exist = {.must_exist = true};
    assert_int_equal(store_open(url, &read_only, &s, &d), SITREP_EIO);
    assert_non_null(strstr(d.message, "no sitrep store"));
    assert_int_equal(store_open(url, &must_exist, &s, &d), SITREP_EIO);
    /* a writer makes it; then readers open it */
    assert_int_equal(store_open(url, NULL, &s, &d), SITREP_OK);
    store_close(s);
    assert_int_equal(store_open(url, &read_only, &s, &d), SITREP_OK);
    store_close(s);
}

/* Stores articles [first, first + count) in batches of `batch` (in a child process). */
static int writer(const char *db, int first, int count, int batch, int dedup_days)
{
    store *s = NULL;
    diag d;
    diag_clear(&d);
    store_options options = {.dedup_days = dedup_days};
    if (store_open(db, &options, &s, &d) != SITREP_OK)
        return 1;
    static const char *const publishers[] = {"wire", "post", "ledger"};
    for (int i = first; i < first + count;) {
        if (store_begin(s, &d) != SITREP_OK)
            return 1;
        for (int k = 0; k < batch && i < first + count; k++, i++) {
            char id[32], day[16];
            snprintf(id, sizeof id, "a%d", i % 60);
            snprintf(day, sizeof day, "2025-01-%02d", 1 + i % 60 % 7);
            char *json = article(id, publishers[i % 60 % 3], day);
            store_outcome outcome;
            if (put(s, json, &outcome) != SITREP_OK)
                return 1;
            free(json);
        }
        if (store_commit(s, &d) != SITREP_OK) {
            fprintf(stderr, "writer: %s\n", d.message);
            return 1;
        }
    }
    store_close(s);
    return 0;
}

/* Four processes store overlapping ranges (every article by two of them) at once: the events
 * and their counts equal one SQLite writer's; with a window the store stays consistent. */
static void four_writers_count_exactly(void **state)
{
    (void)state;
    NEED_SERVER(url, "unit_four");
    for (int dedup = 0; dedup <= 2; dedup += 2) {
        char db[600];
        snprintf(db, sizeof db, "%s", url);
        if (dedup) {
            NEED_SERVER(window, "unit_four_window");
            snprintf(db, sizeof db, "%s", window);
        }
        pid_t children[4];
        for (int w = 0; w < 4; w++) {
            children[w] = fork();
            assert_true(children[w] >= 0);
            if (children[w] == 0)
                _exit(writer(db, w * 15, 30, 4, dedup)); /* w*15 .. w*15+29 (mod 60) */
        }
        for (int w = 0; w < 4; w++) {
            int status;
            waitpid(children[w], &status, 0);
            assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        }
        char path[] = "/tmp/sitrep-test-pg-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        close(fd);
        assert_int_equal(writer(path, 0, 60, 60, dedup), 0);
        store *pg = NULL, *lite = NULL;
        diag d;
        diag_clear(&d);
        assert_int_equal(store_open(db, NULL, &pg, &d), SITREP_OK);
        assert_int_equal(store_open(path, NULL, &lite, &d), SITREP_OK);
        long long a[5], b[5];
        sums_of(pg, a);
        sums_of(lite, b);
        /* the same events and counts; with a window, which reports join which event depends
         * on the order they arrive (in SQLite too), so only the mentions must agree */
        for (int i = dedup ? 1 : 0; i < (dedup ? 2 : 4); i++)
            assert_int_equal(a[i], b[i]);
        store_totals t;
        assert_int_equal(store_count(pg, &t, &d), SITREP_OK);
        assert_int_equal(t.articles, 60);
        assert_int_equal(t.mentions, 120);
        assert_int_equal(store_check(pg, &d), SITREP_OK);
        store_close(pg);
        store_close(lite);
        char command[600];
        snprintf(command, sizeof command, "rm -f '%s' '%s-wal' '%s-shm'", path, path, path);
        assert_int_equal(system(command), 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_pick_the_back_end),
        cmocka_unit_test(readers_never_create),
        cmocka_unit_test(committed_counts),
        cmocka_unit_test(batches_wait_for_commit),
        cmocka_unit_test(empty_database_is_not_a_store),
        cmocka_unit_test(four_writers_count_exactly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
