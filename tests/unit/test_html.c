/* test_html.c - unit tests for the HTML reader: encodings, metadata, boilerplate removal,
 * captions, JSON-LD, and pages that must not crash (deep nesting, junk, no article). */
#include "unit.h"

#include "ingest/ingest.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
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

static document read_page(const char *html, size_t length)
{
    document doc;
    arena_reset(&test_arena);
    assert_int_equal(ingest_html(&test_arena, html, length, NULL, &doc), SITREP_OK);
    assert_non_null(doc.body);
    return doc;
}

static document read_str(const char *html)
{
    return read_page(html, strlen(html));
}

static bool has_warning(const document *doc, const char *kind)
{
    for (size_t i = 0; i < doc->warnings.count; i++)
        if (!strcmp(doc->warnings.items[i].kind, kind))
            return true;
    return false;
}

static const char news_page[] =
    "<!DOCTYPE html><html><head><title>Port blockade tightens | The Harbour Times</title>"
    "<meta property=\"og:site_name\" content=\"The Harbour Times\">"
    "<meta property=\"article:section\" content=\"World\">"
    "<meta property=\"article:published_time\" content=\"2025-02-03T07:15:00+00:00\">"
    "<meta name=\"author\" content=\"Lena Brooks\">"
    "<link rel=\"canonical\" href=\"https://harbour.example/world/port-blockade\">"
    "</head><body>"
    "<div id=\"cookie-banner\"><p>We use cookies to improve your experience. Accept all "
    "cookies, or manage your preferences in the settings, as you like it.</p></div>"
    "<nav class=\"main-nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World"
    "</a></li><li><a href=\"/sport\">Sport</a></li></ul></nav>"
    "<main><article><h1>Port blockade tightens</h1>"
    "<div class=\"share-bar\"><a href=\"#\">Share on X</a> <a href=\"#\">Email</a></div>"
    "<div class=\"article-body\">"
    "<p>Naval vessels blocked the entrance to the port of Odesa on Monday, officials said, "
    "halting grain shipments for a second day.</p>"
    "<figure><img src=\"a.jpg\"><figcaption>A tug waits outside the harbour. "
    "<span class=\"credit\">Photo: Ana Ruiz/Agency</span></figcaption></figure>"
    "<p>The ministry of infrastructure said that twelve cargo ships were waiting at anchor, "
    "and that insurers had raised their premiums.</p>"
    "<p>Talks between the two governments are due to resume in Istanbul on Thursday, "
    "according to a diplomat familiar with the plans.</p>"
    "</div></article>"
    "<aside class=\"related-stories\"><h2>Related</h2><ul><li><a href=\"/a\">Grain deal "
    "collapses after months of talks</a></li><li><a href=\"/b\">Shipping insurers raise "
    "rates across the Black Sea</a></li></ul></aside>"
    "<section id=\"comments\"><div class=\"comment\"><p>Reader one: this is a disgrace, and "
    "the government should act now, before it is too late for everyone.</p></div></section>"
    "<div class=\"newsletter-signup\"><p>Subscribe to our daily newsletter for the best of "
    "our journalism, delivered to your inbox every morning.</p></div>"
    "</main><footer><p>Copyright 2025 The Harbour Times. All rights reserved.</p></footer>"
    "</body></html>";

static void news_page_metadata(void **state)
{
    (void)state;
    document doc = read_str(news_page);
    assert_string_equal(doc.meta.headline, "Port blockade tightens");
    assert_string_equal(doc.meta.publisher, "The Harbour Times");
    assert_string_equal(doc.meta.section, "World");
    assert_string_equal(doc.meta.byline, "Lena Brooks");
    assert_string_equal(doc.published, "2025-02-03");
    assert_string_equal(doc.url, "https://harbour.example/world/port-blockade");
    assert_int_equal(doc.meta.ncaptions, 1);
    assert_string_equal(doc.meta.captions[0], "A tug waits outside the harbour.");
    assert_int_equal(doc.meta.ncredits, 1);
    assert_string_equal(doc.meta.credits[0], "Photo: Ana Ruiz/Agency");
}

static void news_page_body_without_boilerplate(void **state)
{
    (void)state;
    document doc = read_str(news_page);
    assert_int_equal(doc.nparagraphs, 3);
    assert_true(strncmp(doc.body, "Naval vessels blocked", 21) == 0);
    assert_non_null(strstr(doc.body, "twelve cargo ships"));
    assert_non_null(strstr(doc.body, "resume in Istanbul"));
    static const char *const absent[] = {"cookies",    "Home",      "Share",
                                         "Grain deal", "disgrace",  "newsletter",
                                         "Copyright",  "tug waits", "Port blockade tightens"};
    for (size_t i = 0; i < ARRAY_LEN(absent); i++)
        assert_null(strstr(doc.body, absent[i]));
    assert_false(has_warning(&doc, "no_article"));
}

static void windows_1252_is_converted(void **state)
{
    (void)state;
    const char page[] = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                        "charset=windows-1252\"><title>Caf\xe9 talks</title></head><body><p>"
                        "\x93We will not retreat,\x94 the general said in Donetsk on Friday, "
                        "a day after the caf\xe9 was shelled.</p></body></html>";
    document doc = read_str(page);
    assert_non_null(strstr(doc.body, "\xe2\x80\x9cWe will not retreat,\xe2\x80\x9d"));
    assert_non_null(strstr(doc.body, "caf\xc3\xa9 was shelled"));
    assert_string_equal(doc.meta.headline, "Caf\xc3\xa9 talks");
    assert_false(has_warning(&doc, "invalid_utf8"));
}

static void latin1_meta_charset_and_bom(void **state)
{
    (void)state;
    const char latin1[] = "<html><head><meta charset=\"ISO-8859-1\"></head><body><p>Le "
                          "minist\xe8re a confirm\xe9 l'attaque contre le d\xe9p\xf4t de "
                          "carburant, selon un communiqu\xe9 publi\xe9 lundi.</p></body></html>";
    document doc = read_str(latin1);
    assert_non_null(strstr(doc.body, "minist\xc3\xa8re a confirm\xc3\xa9"));
    const char bom[] = "\xef\xbb\xbf<html><body><p>Les troupes ont franchi la fronti\xc3\xa8re "
                       "dans la nuit, a indiqu\xc3\xa9 le minist\xc3\xa8re.</p></body></html>";
    doc = read_str(bom);
    assert_true(strncmp(doc.body, "Les troupes", 11) == 0);
    /* UTF-16LE with a byte-order mark */
    const char *ascii = "<html><body><p>Troops crossed the river at dawn, a spokesman "
                        "said.</p></body></html>";
    size_t n = strlen(ascii);
    char *u16 = malloc(2 + 2 * n);
    u16[0] = (char)0xFF;
    u16[1] = (char)0xFE;
    for (size_t i = 0; i < n; i++) {
        u16[2 + 2 * i] = ascii[i];
        u16[3 + 2 * i] = 0;
    }
    doc = read_page(u16, 2 + 2 * n);
    free(u16);
    assert_string_equal(doc.body, "Troops crossed the river at dawn, a spokesman said.");
}

/* Every charset ICU knows, with labels read as browsers read them. */
static void other_charsets_through_icu(void **state)
{
    (void)state;
    /* windows-1251 (Cyrillic): "Минобороны" = CC E8 ED EE E1 EE F0 EE ED FB */
    const char cp1251[] = "<html><head><meta charset=\"windows-1251\"></head><body><p>"
                          "\xcc\xe8\xed\xee\xe1\xee\xf0\xee\xed\xfb said the strike hit a depot "
                          "near Belgorod on Sunday, according to the regional governor.</p>"
                          "</body></html>";
    document doc = read_str(cp1251);
    assert_non_null(strstr(doc.body, "\xd0\x9c\xd0\xb8\xd0\xbd\xd0\xbe\xd0\xb1\xd0\xbe\xd1\x80"
                                     "\xd0\xbe\xd0\xbd\xd1\x8b said"));
    assert_false(has_warning(&doc, "encoding"));
    /* KOI8-R through an http-equiv declaration: "мир" = CD C9 D2 */
    const char koi8[] = "<html><head><meta http-equiv=\"content-type\" content=\"text/html; "
                        "charset=KOI8-R\"></head><body><p>Talks on a \xcd\xc9\xd2 deal resumed in "
                        "Geneva on Monday, the foreign ministry said in a statement.</p></body>"
                        "</html>";
    doc = read_str(koi8);
    assert_non_null(strstr(doc.body, "a \xd0\xbc\xd0\xb8\xd1\x80 deal"));
    /* Shift_JIS: "東京" = 93 8C 8B 9E */
    const char sjis[] = "<html><head><meta charset=\"shift_jis\"></head><body><p>Officials in "
                        "\x93\x8c\x8b\x9e said the missile fell into the sea off the coast "
                        "early on Tuesday, the defence ministry said.</p></body></html>";
    doc = read_str(sjis);
    assert_non_null(strstr(doc.body, "in \xe6\x9d\xb1\xe4\xba\xac said"));
    /* gb2312 means GBK to a browser: "北京" = B1 B1 BE A9 */
    const char gbk[] = "<html><head><meta charset=\"gb2312\"></head><body><p>Envoys met in "
                       "\xb1\xb1\xbe\xa9 on Wednesday to discuss the ceasefire, state media "
                       "reported.</p></body></html>";
    doc = read_str(gbk);
    assert_non_null(strstr(doc.body, "in \xe5\x8c\x97\xe4\xba\xac on"));
    /* a declared charset nobody knows: read as UTF-8, with a warning naming it */
    const char unknown[] = "<html><head><meta charset=\"x-klingon\"></head><body><p>The "
                           "ministry said the convoy reached the city late on Thursday after "
                           "a delay.</p></body></html>";
    doc = read_str(unknown);
    assert_true(has_warning(&doc, "encoding"));
    assert_non_null(strstr(doc.body, "convoy reached"));
    /* UTF-7 and ISO-2022-KR are not ASCII-compatible: refused when declared */
    const char utf7[] = "<html><head><meta charset=\"utf-7\"></head><body><p>A+AGQ-b said the "
                        "talks failed on Friday, the agency reported in a brief note.</p>"
                        "</body></html>";
    doc = read_str(utf7);
    assert_true(has_warning(&doc, "encoding"));
    assert_non_null(strstr(doc.body, "A+AGQ-b said"));
    /* declared windows-1251 but valid UTF-8 beyond ASCII: the declaration is wrong */
    const char mislabelled[] = "<html><head><meta charset=\"windows-1251\"></head><body><p>"
                               "\xd0\x9c\xd0\xb8\xd1\x80 talks resumed in Geneva on Monday, "
                               "the foreign ministry said in a statement.</p></body></html>";
    doc = read_str(mislabelled);
    assert_true(strncmp(doc.body, "\xd0\x9c\xd0\xb8\xd1\x80 talks", 12) == 0);
    /* bytes invalid in the declared charset: U+FFFD and a warning with the count */
    const char bad_sjis[] = "<html><head><meta charset=\"shift_jis\"></head><body><p>Officials "
                            "said \x85\x40 the missile fell into the sea off the coast early on "
                            "Tuesday.</p></body></html>";
    doc = read_str(bad_sjis);
    assert_true(has_warning(&doc, "encoding"));
    assert_non_null(strstr(doc.body, "\xef\xbf\xbd"));
    /* UTF-32BE and UTF-16BE byte-order marks */
    const char *ascii = "<html><body><p>Troops crossed the river at dawn, a spokesman "
                        "said.</p></body></html>";
    size_t n = strlen(ascii);
    char *u32 = calloc(4 + 4 * n, 1);
    u32[2] = (char)0xFE;
    u32[3] = (char)0xFF;
    for (size_t i = 0; i < n; i++)
        u32[4 + 4 * i + 3] = ascii[i];
    doc = read_page(u32, 4 + 4 * n);
    assert_string_equal(doc.body, "Troops crossed the river at dawn, a spokesman said.");
    u32[0] = (char)0xFE; /* UTF-16BE: FE FF, then 00 'x' pairs */
    u32[1] = (char)0xFF;
    for (size_t i = 0; i < n; i++) {
        u32[2 + 2 * i] = 0;
        u32[3 + 2 * i] = ascii[i];
    }
    doc = read_page(u32, 2 + 2 * n);
    assert_string_equal(doc.body, "Troops crossed the river at dawn, a spokesman said.");
    free(u32);
}

/* A page inside a JSON string is Unicode already: its meta charset is ignored. */
static void page_from_json_ignores_its_charset(void **state)
{
    (void)state;
    const char page[] = "<html><head><meta charset=\"windows-1251\"></head><body><p>"
                        "\xd0\x9c\xd0\xb8\xd1\x80 talks resumed, \xc2\xab the ministry \xc2\xbb "
                        "said on Monday in a statement about Geneva.</p></body></html>";
    ingest_options options = {.unicode = true};
    document doc;
    arena_reset(&test_arena);
    assert_int_equal(ingest_html(&test_arena, page, strlen(page), &options, &doc), SITREP_OK);
    assert_true(strncmp(doc.body, "\xd0\x9c\xd0\xb8\xd1\x80 talks", 12) == 0);
    assert_false(has_warning(&doc, "encoding"));
}

static void invalid_utf8_is_repaired(void **state)
{
    (void)state;
    const char page[] = "<html><body><p>Shelling hit the \xff\xfe district of Kherson on "
                        "Sunday, the regional governor said.</p></body></html>";
    document doc = read_str(page);
    assert_true(has_warning(&doc, "invalid_utf8"));
    assert_non_null(strstr(doc.body, "\xef\xbf\xbd"));
    assert_int_equal(utf8_valid_prefix(doc.body, doc.body_len), doc.body_len);
}

static void json_ld_metadata(void **state)
{
    (void)state;
    const char page[] =
        "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Site\"},{\"@type\":\"NewsArticle\","
        "\"headline\":\"Drone strike on depot\",\"datePublished\":\"2024-11-05T10:00:00Z\","
        "\"articleSection\":\"Europe\",\"author\":[{\"@type\":\"Person\",\"name\":\"A. Novak\"},"
        "{\"@type\":\"Person\",\"name\":\"B. Costa\"}],\"publisher\":{\"name\":\"Wire One\"}}]}"
        "</script></head><body><p>A drone struck a fuel depot overnight, starting a fire "
        "that burned for hours, officials said.</p></body></html>";
    document doc = read_str(page);
    assert_string_equal(doc.meta.headline, "Drone strike on depot");
    const char cdata[] = "<html><head><script type=\"application/ld+json\">\n <![CDATA[\n"
                         "{\"@type\":\"NewsArticle\",\"author\":{\"name\":\"C. Ruiz\"}}\n]]>"
                         "</script></head><body><p>x</p></body></html>";
    assert_string_equal(read_str(cdata).meta.byline, "C. Ruiz");
    doc = read_str(page);
    assert_string_equal(doc.meta.byline, "A. Novak, B. Costa");
    assert_string_equal(doc.published, "2024-11-05");
    assert_string_equal(doc.meta.section, "Europe");
    assert_string_equal(doc.meta.publisher, "Wire One");
}

static void json_ld_body_when_markup_has_none(void **state)
{
    (void)state;
    const char page[] =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"Article\","
        "\"articleBody\":\"The border crossing was closed on Tuesday after clashes between "
        "protesters and police, the interior ministry said.\\nOfficials said the closure "
        "would last at least a week while the area was secured by troops and police.\"}"
        "</script></head><body><div id=\"app\"></div></body></html>";
    document doc = read_str(page);
    assert_int_equal(doc.nparagraphs, 2);
    assert_true(has_warning(&doc, "html_jsonld_body"));
    assert_true(strncmp(doc.body, "The border crossing", 19) == 0);
}

static void dates_from_time_and_url(void **state)
{
    (void)state;
    document doc = read_str("<html><body><article><time datetime=\"2023-06-01T12:00\">June 1"
                            "</time><p>Two soldiers were wounded in an exchange of fire near "
                            "the line of contact, the army said.</p></article></body></html>");
    assert_string_equal(doc.published, "2023-06-01");
    doc = read_str("<html><head><link rel=\"canonical\" href=\"https://news.example/2022/09/"
                   "14/talks-stall\"></head><body><p>Talks stalled again on Wednesday, with "
                   "neither side willing to move on the question of prisoners.</p></body>"
                   "</html>");
    assert_string_equal(doc.published, "2022-09-14");
}

/* A page whose only date is given in the head as `head` (the body is the same prose). */
static const char *published_with(const char *head)
{
    char page[2048];
    snprintf(page, sizeof page,
             "<html><head>%s</head><body><p>Talks stalled again on Wednesday, with neither "
             "side willing to move on the question of prisoners.</p></body></html>",
             head);
    document doc = read_str(page);
    return doc.published;
}

static void dates_written_other_ways(void **state)
{
    (void)state;
    /* dates in words, where sites write them so */
    assert_string_equal(published_with("<meta property=\"article:published_time\" "
                                       "content=\"November 19, 2019, 07:47 PM EST\">"),
                        "2019-11-19");
    assert_string_equal(
        published_with("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                       "\"datePublished\": \"20 Nov 2019 08:02 GMT\"}</script>"),
        "2019-11-20");
    /* a page's JSON-LD that is no article, and JSON-LD that does not parse */
    assert_string_equal(
        published_with("<script type=\"application/ld+json\">{\"@type\": \"ClaimReview\", "
                       "\"datePublished\": \"2019-11-18T10:15:00+00:00\"}</script>"),
        "2019-11-18");
    assert_string_equal(
        published_with("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                       "\"datePublished\": \"2019-11-18T16:06:51-05:00\", \"x\": ,}</script>"),
        "2019-11-18");
    /* a meta name of the site's own that speaks of a publication date */
    assert_string_equal(published_with("<meta name=\"sn-post-date\" content=\"2019/11/19\">"),
                        "2019-11-19");
    assert_null(published_with("<meta name=\"sn-update-date\" content=\"2019/11/19\">"));
    /* dates in the URL: a month in letters, eight digits */
    assert_string_equal(published_with("<link rel=\"canonical\" href=\"https://news.example/"
                                       "2019/nov/18/what-value-drugs\">"),
                        "2019-11-18");
    assert_string_equal(published_with("<link rel=\"canonical\" href=\"https://news.example/"
                                       "tuft-cells-20191115/\">"),
                        "2019-11-15");
    /* an id of eight digits that is no date is not one */
    assert_null(published_with("<link rel=\"canonical\" href=\"https://news.example/"
                               "article-14848164.php\">"));
}

static void title_suffix_and_by_prefix(void **state)
{
    (void)state;
    document doc = read_str("<html><head><title>Rebels seize airport in the north - Daily "
                            "Courier</title></head><body><div class=\"byline\">By Tom Hale"
                            "</div><p>Rebels seized the airport in the northern city on "
                            "Saturday, residents said, after two days of fighting.</p></body>"
                            "</html>");
    assert_string_equal(doc.meta.headline, "Rebels seize airport in the north");
    assert_string_equal(doc.meta.byline, "Tom Hale");
    doc = read_str("<html><head><meta name=\"author\" content=\"Por Ana Rey - March 3, "
                   "2021\"></head><body><p>x</p></body></html>");
    assert_string_equal(doc.meta.byline, "Ana Rey");
    doc = read_str("<html><head><meta name=\"author\" content=\"Nathan Willis March 25, "
                   "2015\"></head><body><p>x</p></body></html>");
    assert_string_equal(doc.meta.byline, "Nathan Willis");
    assert_null(strstr(doc.body, "Tom Hale"));
    /* a reader's comment has a byline and a user name: not the article's */
    doc = read_str("<html><body><ul><li class=\"comment\"><div><div class=\"byline\"><div "
                   "class=\"username\">J</div></div><div>Nice.</div></div></li></ul><div "
                   "class=\"author\"><div class=\"author-name\">NATALIYA VASILYEVA</div></div>"
                   "<p>Troops moved into the town on Monday, residents said, after days of "
                   "shelling.</p></body></html>");
    assert_string_equal(doc.meta.byline, "NATALIYA VASILYEVA");
}

static void text_in_a_container_and_double_br(void **state)
{
    (void)state;
    document doc = read_str(
        "<html><body><div class=\"menu\"><a href=\"/\">Home</a> | <a href=\"/x\">News</a></div>"
        "<div>Police arrested four people after the explosion at the market, a spokesman "
        "said.<br><br>The blast injured at least nine people, including two children, "
        "according to the hospital.</div></body></html>");
    assert_int_equal(doc.nparagraphs, 2);
    assert_true(strncmp(doc.body, "Police arrested", 15) == 0);
    assert_null(strstr(doc.body, "Home"));
}

static void unclosed_tags_are_recovered(void **state)
{
    (void)state;
    document doc = read_str("<html><body><div><p>The convoy reached the city at noon, "
                            "carrying food and medicine for the wounded<p>Aid workers said "
                            "more trucks were waiting at the border crossing<div><b>bold "
                            "<i>and italic, never closed, as pages often are");
    assert_true(doc.nparagraphs >= 2);
    assert_true(strncmp(doc.body, "The convoy reached", 18) == 0);
    assert_non_null(strstr(doc.body, "Aid workers said"));
}

static void hidden_elements(void **state)
{
    (void)state;
    document doc = read_str("<html><body style=\"visibility: hidden\"><div><p>Protesters "
                            "marched through the capital on Saturday, demanding new elections, "
                            "witnesses said.</p><p style=\"display:none\">Hidden promo text "
                            "nobody sees on the page.</p><div hidden><p>Another hidden "
                            "block.</p></div><p>Police used tear gas to disperse the crowd near "
                            "the parliament building.</p></div></body></html>");
    assert_int_equal(doc.nparagraphs, 2);
    assert_true(strncmp(doc.body, "Protesters marched", 18) == 0);
    assert_null(strstr(doc.body, "hidden"));
    assert_null(strstr(doc.body, "Hidden"));
}

static void page_without_article(void **state)
{
    (void)state;
    document doc = read_str("<html><body><nav><a href=\"/a\">One</a><a href=\"/b\">Two</a>"
                            "</nav><ul><li><a href=\"/c\">Three</a></li></ul></body></html>");
    assert_int_equal(doc.body_len, 0);
    assert_int_equal(doc.nparagraphs, 0);
    assert_true(has_warning(&doc, "no_article"));
    doc = read_page("", 0);
    assert_int_equal(doc.body_len, 0);
    assert_true(has_warning(&doc, "no_article"));
}

static void binary_junk_does_not_crash(void **state)
{
    (void)state;
    size_t n = 200000;
    unsigned char *junk = malloc(n);
    uint32_t x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1664525u + 1013904223u;
        junk[i] = (unsigned char)(x >> 24);
        if (i % 97 == 0)
            junk[i] = '<';
    }
    document doc = read_page((const char *)junk, n);
    assert_int_equal(utf8_valid_prefix(doc.body, doc.body_len), doc.body_len);
    free(junk);
}

static void ten_megabytes_of_nesting(void **state)
{
    (void)state;
    buf b;
    buf_init(&b, 0);
    const char *open = "<div><span><b>";
    assert_int_equal(buf_append_str(&b, "<html><body>"), SITREP_OK);
    while (b.len < ((size_t)10 << 20))
        assert_int_equal(buf_append_str(&b, open), SITREP_OK);
    assert_int_equal(buf_append_str(&b, "<p>Deep inside, the text of the article says that "
                                        "troops have crossed the river, officials said.</p>"),
                     SITREP_OK);
    document doc = read_page(b.data, b.len);
    assert_int_equal(utf8_valid_prefix(doc.body, doc.body_len), doc.body_len);
    buf_release(&b);
    /* many unclosed siblings, the other way of making a large tree */
    buf_init(&b, 0);
    assert_int_equal(buf_append_str(&b, "<html><body>"), SITREP_OK);
    while (b.len < ((size_t)10 << 20))
        assert_int_equal(buf_append_str(&b, "<p>Shelling continued overnight, officials "
                                            "said, and the power went out again."),
                         SITREP_OK);
    doc = read_page(b.data, b.len);
    assert_true(doc.nparagraphs > 1000);
    buf_release(&b);
}

static void oversized_page_is_cut(void **state)
{
    (void)state;
    size_t n = ((size_t)64 << 20) + 4096;
    char *page = malloc(n);
    const char *head = "<html><body><p>";
    memcpy(page, head, strlen(head));
    for (size_t i = strlen(head); i < n; i++)
        page[i] = (i % 7 == 0) ? ' ' : 'a';
    document doc = read_page(page, n);
    free(page);
    assert_true(has_warning(&doc, "truncated"));
    assert_true(doc.body_len > 0);
}

static void *read_in_thread(void *arg)
{
    (void)arg;
    arena a;
    arena_init(&a, (size_t)1 << 28);
    int ok = 1;
    for (int i = 0; i < 20 && ok; i++) {
        document doc;
        ok = ingest_html(&a, news_page, strlen(news_page), NULL, &doc) == SITREP_OK &&
             doc.nparagraphs == 3;
        arena_reset(&a);
    }
    arena_release(&a);
    return ok ? arg : NULL;
}

static void threads_share_the_parser(void **state)
{
    (void)state;
    pthread_t t[4];
    int tag[4];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, read_in_thread, &tag[i]), 0);
    for (int i = 0; i < 4; i++) {
        void *r = NULL;
        assert_int_equal(pthread_join(t[i], &r), 0);
        assert_ptr_equal(r, &tag[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(news_page_metadata),
        cmocka_unit_test(news_page_body_without_boilerplate),
        cmocka_unit_test(windows_1252_is_converted),
        cmocka_unit_test(other_charsets_through_icu),
        cmocka_unit_test(page_from_json_ignores_its_charset),
        cmocka_unit_test(latin1_meta_charset_and_bom),
        cmocka_unit_test(invalid_utf8_is_repaired),
        cmocka_unit_test(json_ld_metadata),
        cmocka_unit_test(json_ld_body_when_markup_has_none),
        cmocka_unit_test(dates_from_time_and_url),
        cmocka_unit_test(dates_written_other_ways),
        cmocka_unit_test(title_suffix_and_by_prefix),
        cmocka_unit_test(text_in_a_container_and_double_br),
        cmocka_unit_test(unclosed_tags_are_recovered),
        cmocka_unit_test(hidden_elements),
        cmocka_unit_test(page_without_article),
        cmocka_unit_test(binary_junk_does_not_crash),
        cmocka_unit_test(ten_megabytes_of_nesting),
        cmocka_unit_test(oversized_page_is_cut),
        cmocka_unit_test(threads_share_the_parser),
    };
    return cmocka_run_group_tests_name("html", tests, setup, teardown);
}
