/* test_extras_json.c - unit tests for the extras output: json_fixed and json_int (base/json.c,
 * used for coordinates and offsets) and the quantities/dates/places writer
 * (export/extras_json.c) on a coded sentence. */
#include "unit.h"

#include "export/export.h"
#include "extras_util.h"

static const char *write_fixed(buf *b, double value, int decimals)
{
    buf_reset(b);
    json_writer w;
    json_init(&w, b, false);
    json_array_begin(&w);
    json_fixed(&w, value, decimals);
    json_int(&w, (long long)decimals - 5);
    json_array_end(&w);
    assert_int_equal(json_status(&w), SITREP_OK);
    return b->data;
}

static void fixed_and_int(void **state)
{
    (void)state;
    buf b;
    buf_init(&b, 0);
    assert_string_equal(write_fixed(&b, 51.73, 4), "[51.73,-1]");
    assert_string_equal(write_fixed(&b, 36.0, 4), "[36,-1]");
    assert_string_equal(write_fixed(&b, -149.9, 2), "[-149.9,-3]");
    assert_string_equal(write_fixed(&b, -0.001, 2), "[0,-3]");
    assert_string_equal(write_fixed(&b, 0.05, 1), "[0.1,-4]");
    assert_string_equal(write_fixed(&b, -8.5601, 4), "[-8.5601,-1]");
    assert_string_equal(write_fixed(&b, 12.5, 0), "[13,-5]");
    buf_release(&b);
}

static void writes_items(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 16 << 20);
    article art;
    memset(&art, 0, sizeof art);
    art.text = analyse(&a, "Some 500 soldiers left in 2014, a third of the force.");
    document doc;
    memset(&doc, 0, sizeof doc);
    art.doc = &doc;
    assert_int_equal(date_find(&a, &art.text, "2025-01-20", &art.dates, &art.ndates), SITREP_OK);
    assert_int_equal(
        quantity_find(&a, &art.text, art.dates, art.ndates, &art.quantities, &art.nquantities),
        SITREP_OK);
    buf b;
    buf_init(&b, 0);
    json_writer w;
    json_init(&w, &b, false);
    json_object_begin(&w);
    export_extras_json(&w, &art);
    json_object_end(&w);
    assert_int_equal(json_status(&w), SITREP_OK);
    assert_non_null(strstr(b.data, "{\"value\":500,\"unit\":\"soldiers\",\"text\":\"Some 500 "
                                   "soldiers\",\"qualifier\":\"approx\",\"sentence\":0,"
                                   "\"start\":0,\"end\":17}"));
    assert_non_null(strstr(b.data, "\"fraction\":true"));
    assert_non_null(strstr(b.data, "\"dates\":[{\"text\":\"2014\",\"value\":\"2014\","
                                   "\"kind\":\"absolute\""));
    assert_non_null(strstr(b.data, "\"places\":[]"));
    buf_release(&b);
    arena_release(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fixed_and_int),
        cmocka_unit_test(writes_items),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
