/* test_html_byline.c - unit tests for who signs a web page (html_byline.c through
 * ingest_html): JSON-LD authors given by @id, a site's name giving way to a writer's, the
 * cleaning of bylines (labels, leads, dates, references), the markup's weaker signs ("by
 * <a>Name</a>", author pages) and the site's name cut from headlines. */
#include "unit.h"

#include "ingest/ingest.h"

#include <stdio.h>
#include <string.h>

static arena test_arena;

static int setup(void **state)
{
    (void)state;
    arena_init(&test_arena, (size_t)1 << 30);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    arena_release(&test_arena);
    return 0;
}

static document read_str(const char *html)
{
    document doc;
    arena_reset(&test_arena);
    assert_int_equal(ingest_html(&test_arena, html, strlen(html), NULL, &doc), SITREP_OK);
    return doc;
}

/* The byline of a page whose <head> holds `head` and whose <body> holds `body`. */
static const char *byline_of(const char *head, const char *body)
{
    char page[4096];
    snprintf(page, sizeof page,
             "<html><head>%s</head><body>%s<p>Officials in the coastal province said on "
             "Tuesday that the ferry had been held in port for a second day.</p></body></html>",
             head, body);
    return read_str(page).meta.byline;
}

/* The byline of a page whose only author is the meta tag's `content`. */
static const char *meta_byline(const char *content)
{
    char head[512];
    snprintf(head, sizeof head, "<meta name=\"author\" content=\"%s\">", content);
    return byline_of(head, "");
}

static void json_ld_author_by_id(void **state)
{
    (void)state;
    const char *graph =
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"NewsArticle\",\"headline\":\"Ferry held in port\",\"author\":"
        "{\"@id\":\"https://coast.example/#/person/1\"}},"
        "{\"@type\":\"Person\",\"@id\":\"https://coast.example/#/person/1\","
        "\"name\":\"Marta Quiroga\"}]}</script>";
    assert_string_equal(byline_of(graph, ""), "Marta Quiroga");
    /* several, in an array, in a top-level array of documents */
    const char *list =
        "<script type=\"application/ld+json\">[{\"@type\":\"Person\",\"@id\":\"#a\",\"name\":"
        "\"Ivo Brandt\"},{\"@type\":\"Article\",\"headline\":\"Ferry held in port\",\"author\":"
        "[{\"@id\":\"#a\"},{\"@id\":\"#b\"}]},{\"@type\":\"Person\",\"@id\":\"#b\",\"name\":"
        "\"Sade Okon\"}]</script>";
    assert_string_equal(byline_of(list, ""), "Ivo Brandt, Sade Okon");
    /* a WebPage's author (often the account that posted) comes after the markup's byline */
    const char *page = "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":"
                       "\"WebPage\",\"author\":{\"@id\":\"#p\"}},{\"@type\":\"Person\","
                       "\"@id\":\"#p\",\"name\":\"Desk Editor\"}]}</script>";
    assert_string_equal(byline_of(page, ""), "Desk Editor");
    assert_string_equal(byline_of(page, "<div class=\"byline\">By Noor Haddad</div>"),
                        "Noor Haddad");
    /* an @id that names nothing: the markup's byline */
    const char *dangling = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                           "\"author\":{\"@id\":\"#nobody\"}}</script>";
    assert_string_equal(byline_of(dangling, "<div class=\"byline\">By Noor Haddad</div>"),
                        "Noor Haddad");
}

static void site_name_gives_way_to_a_writer(void **state)
{
    (void)state;
    const char *head = "<meta property=\"og:site_name\" content=\"Coastal Herald\">"
                       "<meta name=\"author\" content=\"Coastal Herald\">";
    assert_string_equal(byline_of(head, "<span class=\"author\">Von Jonas Reiter</span>"),
                        "Jonas Reiter");
    /* a part of a site name with a tagline, the host, an address */
    head = "<meta property=\"og:site_name\" content=\"Ferry news today | Coastal Herald\">"
           "<meta name=\"author\" content=\"Coastal Herald\">";
    assert_string_equal(byline_of(head, "<span class=\"author\">Jonas Reiter</span>"),
                        "Jonas Reiter");
    head = "<link rel=\"canonical\" href=\"https://www.coastalherald.example/ferry\">"
           "<meta name=\"author\" content=\"coastalherald\">";
    assert_string_equal(byline_of(head, "<span class=\"author\">Jonas Reiter</span>"),
                        "Jonas Reiter");
    head = "<meta name=\"author\" content=\"herald.de\">";
    assert_string_equal(byline_of(head, "<span class=\"author\">Jonas Reiter</span>"),
                        "Jonas Reiter");
    /* with no other source the site's name stands: a personal site is named after its writer */
    head = "<meta property=\"og:site_name\" content=\"Priya Raman\">"
           "<meta name=\"author\" content=\"Priya Raman\">";
    assert_string_equal(byline_of(head, ""), "Priya Raman");
}

static void bylines_are_cleaned(void **state)
{
    (void)state;
    assert_string_equal(meta_byline("Autor: Lea Vogt"), "Lea Vogt");
    assert_string_equal(meta_byline("Text und Interview: Lea Vogt"), "Lea Vogt");
    assert_string_equal(meta_byline("Zeige alle Beiträge von Lea Vogt"), "Lea Vogt");
    assert_string_equal(meta_byline("Veröffentlicht am 3. März 2021 von Lea Vogt"), "Lea Vogt");
    assert_string_equal(meta_byline("Erstellt von Lea Vogt"), "Lea Vogt");
    assert_string_equal(meta_byline("Reporting by Lea Vogt; Editing by Tom Abel"), "Lea Vogt");
    assert_string_equal(meta_byline("VON LEA VOGT am 3."), "LEA VOGT");
    assert_string_equal(meta_byline("Lea Vogt am 03.03.2021"), "Lea Vogt");
    assert_string_equal(meta_byline("Lea Vogt, 03.03.2021"), "Lea Vogt");
    assert_string_equal(meta_byline("Lea Vogt Fr, 5. März 2021"), "Lea Vogt");
    assert_string_equal(meta_byline("Lea Vogt 12"), "Lea Vogt");
    assert_string_equal(meta_byline("Redacci&amp;oacute;n Central"), "Redacción Central");
    assert_string_equal(meta_byline("© Lea Vogt"), "Lea Vogt");
    assert_string_equal(meta_byline("Lea Vogt Lea Vogt"), "Lea Vogt");
    /* names keep their particles and digits inside words */
    assert_string_equal(meta_byline("Peter von Matt"), "Peter von Matt");
    assert_string_equal(meta_byline("Bündnis 90/Die Grünen"), "Bündnis 90/Die Grünen");
    assert_string_equal(meta_byline("Jose de la Cruz"), "Jose de la Cruz");
    /* no name left */
    assert_null(meta_byline("Von"));
    assert_null(meta_byline("created by"));
    assert_null(meta_byline("No Author"));
    assert_null(meta_byline("Publiziert am 3. März 2021"));
    assert_null(meta_byline("14 May 2024 08:00 GMT"));
    assert_null(meta_byline("admin"));
    assert_string_equal(meta_byline("Lea Vogt ／"), "Lea Vogt");
}

static void markup_signs_of_a_writer(void **state)
{
    (void)state;
    /* the first byline block holds only a date: the next names the writer */
    assert_string_equal(byline_of("", "<div class=\"byline\">Published 3 March</div>"
                                      "<div class=\"author vcard\"><a>Omar Sayed</a></div>"),
                        "Omar Sayed");
    /* a lone marker before a name */
    assert_string_equal(byline_of("", "<div>by <a href=\"/u/7\">Omar Sayed</a></div>"),
                        "Omar Sayed");
    assert_string_equal(byline_of("", "<div><strong>von</strong> <span>Omar Sayed</span></div>"),
                        "Omar Sayed");
    /* an element that is only "By NAME" */
    assert_string_equal(byline_of("", "<p>By Omar Sayed</p>"), "Omar Sayed");
    assert_string_equal(byline_of("", "<p>Auteur : Omar Sayed</p>"), "Omar Sayed");
    assert_null(byline_of("", "<p>By contrast, the port stayed shut</p>"));
    assert_string_equal(byline_of("", "<h4>By Omar Sayed | 12/10/2024</h4>"), "Omar Sayed");
    assert_string_equal(byline_of("", "<span>von Omar Sayed</span>"), "Omar Sayed");
    /* a label, then the name as text or in an element */
    assert_string_equal(byline_of("", "<div><span>Autor:</span> Omar Sayed<br></div>"),
                        "Omar Sayed");
    assert_string_equal(byline_of("", "<div><span>Auteur : </span> <a>Omar Sayed</a></div>"),
                        "Omar Sayed");
    /* NITF's byline element */
    assert_string_equal(byline_of("", "<byline>Von Omar Sayed</byline>"), "Omar Sayed");
    /* a link to the writer's page */
    assert_string_equal(byline_of("", "<div><a href=\"https://coast.example/author/omar-sayed/"
                                      "\">Omar Sayed</a></div>"),
                        "Omar Sayed");
    /* ... not one in the site's furniture, nor "by" in a code sample */
    assert_null(byline_of("", "<aside><a href=\"/author/omar-sayed/\">Omar Sayed</a></aside>"));
    assert_null(byline_of("", "<pre>SELECT port FROM ferries GROUP by <span>day</span></pre>"));
    assert_null(byline_of("", "<a href=\"/author-dashboard\">Write</a>"));
}

static void site_name_cut_from_headlines(void **state)
{
    (void)state;
    document doc = read_str("<html><head><meta property=\"og:title\" content=\"Ferry held in "
                            "port for a second day | Coastal Herald\"><meta property=\"og:"
                            "site_name\" content=\"Coastal Herald\"></head><body></body></html>");
    assert_string_equal(doc.meta.headline, "Ferry held in port for a second day");
    doc = read_str("<html><head><meta property=\"og:title\" content=\"coastalherald.de "
                   "» Ferry held in port\"></head><body></body></html>");
    assert_string_equal(doc.meta.headline, "Ferry held in port");
    /* a part that is not the site's name stays, and quotes are no separators */
    doc = read_str("<html><head><meta property=\"og:title\" content=\"Ferry held - a second "
                   "day\"><meta property=\"og:site_name\" content=\"Coastal Herald\"></head>"
                   "<body></body></html>");
    assert_string_equal(doc.meta.headline, "Ferry held - a second day");
    doc = read_str("<html><head><meta property=\"og:title\" content=\"»Wir bleiben« sagt der "
                   "Kapitän\"></head><body></body></html>");
    assert_string_equal(doc.meta.headline, "»Wir bleiben« sagt der Kapitän");
    /* references escaped twice */
    doc = read_str("<html><head><meta property=\"og:title\" content=\"The captain&amp;#8217;s "
                   "word\"></head><body></body></html>");
    assert_string_equal(doc.meta.headline, "The captain’s word");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_ld_author_by_id),
        cmocka_unit_test(site_name_gives_way_to_a_writer),
        cmocka_unit_test(bylines_are_cleaned),
        cmocka_unit_test(markup_signs_of_a_writer),
        cmocka_unit_test(site_name_cut_from_headlines),
    };
    return cmocka_run_group_tests_name("html_byline", tests, setup, teardown);
}
