/* test_attribution.c - unit tests for reporting frames and quotations (src/attribution/). */
#include "unit.h"

#include "attribution/attribution.h"
#include "syntax/syntax.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cue_lexicon *cues;
static tagger *model; /* the shipped tagger, for the rules that read part-of-speech tags */

static int load_cues(void **state)
{
    (void)state;
    const char *dir = getenv("SITREP_DATA");
    char path[1024];
    snprintf(path, sizeof path, "%s/cues/reporting.txt", dir && *dir ? dir : "data");
    diag d;
    cues = cues_load(path, &d);
    if (!cues)
        fprintf(stderr, "cannot load %s: %s\n", path, d.message);
    snprintf(path, sizeof path, "%s/models/tagger.bin", dir && *dir ? dir : "data");
    model = tagger_load(path, &d);
    if (!model)
        fprintf(stderr, "cannot load %s: %s\n", path, d.message);
    return cues && model ? 0 : -1;
}

static int free_cues(void **state)
{
    (void)state;
    cues_free(cues);
    tagger_free(model);
    return 0;
}

typedef struct result {
    arena a;
    article art;
    document doc;
} result;

/* The text stage, with the tagger when `tagged` (as the pipeline runs it), then the frames. */
static void analyse_with(result *r, const char *text, bool tagged)
{
    arena_init(&r->a, 1 << 24);
    ingest_options options = {.detect_chrome = false};
    assert_int_equal(ingest_text(&r->a, text, strlen(text), &options, &r->doc), SITREP_OK);
    memset(&r->art, 0, sizeof r->art);
    r->art.doc = &r->doc;
    assert_int_equal(text_analyse(&r->a, &r->doc, &r->art.text), SITREP_OK);
    if (tagged)
        syntax_tag(model, &r->art.text);
    assert_int_equal(attribution_find(&r->a, cues, &r->art), SITREP_OK);
}

static void analyse(result *r, const char *text)
{
    analyse_with(r, text, false);
}

static void analyse_tagged(result *r, const char *text)
{
    analyse_with(r, text, true);
}

static void expect_span(const result *r, span s, const char *expected)
{
    char got[512];
    snprintf(got, sizeof got, "%.*s", (int)(s.end - s.start), r->art.text.text + s.start);
    if (strcmp(got, expected) != 0)
        fail_msg("span: got \"%s\", expected \"%s\"", got, expected);
}

static void leading_source_with_that(void **state)
{
    (void)state;
    result r;
    analyse(&r, "Intelligence officials have claimed that the regime is planning a test.");
    assert_int_equal(r.art.nattributions, 1);
    const attribution *f = &r.art.attributions[0];
    expect_span(&r, f->source, "Intelligence officials");
    expect_span(&r, f->cue, "have claimed"); /* the verb group, as PolNeAR draws it */
    expect_span(&r, f->content, "that the regime is planning a test");
    assert_int_equal(f->kind, ATTRIB_OFFICIAL);
    assert_false(f->direct);
    arena_release(&r.a);
}

static void trailing_source(void **state)
{
    (void)state;
    result r;
    analyse(&r, "The army has withdrawn from the town, a military spokesman said on Monday.");
    assert_int_equal(r.art.nattributions, 1);
    const attribution *f = &r.art.attributions[0];
    expect_span(&r, f->source, "a military spokesman");
    expect_span(&r, f->content, "The army has withdrawn from the town");
    assert_int_equal(f->kind, ATTRIB_OFFICIAL);
    arena_release(&r.a);
}

static void inverted_direct_quote(void **state)
{
    (void)state;
    result r;
    analyse(&r, "\xE2\x80\x9CWe will respond,\xE2\x80\x9D said Maria Zakharova, the foreign "
                "ministry spokeswoman.");
    assert_int_equal(r.art.nattributions, 1);
    const attribution *f = &r.art.attributions[0];
    expect_span(&r, f->source, "Maria Zakharova, the foreign ministry spokeswoman");
    expect_span(&r, f->content, "We will respond,");
    assert_true(f->direct);
    assert_int_equal(f->kind, ATTRIB_NAMED);
    arena_release(&r.a);
}

static void according_to_both_ways(void **state)
{
    (void)state;
    result r;
    analyse(&r, "According to a new UN report, 2,000 civilians were killed. Prices rose, "
                "according to the central bank.");
    assert_int_equal(r.art.nattributions, 2);
    expect_span(&r, r.art.attributions[0].source, "a new UN report");
    expect_span(&r, r.art.attributions[0].content, "2,000 civilians were killed");
    assert_int_equal(r.art.attributions[0].kind, ATTRIB_DOCUMENT);
    expect_span(&r, r.art.attributions[1].source, "the central bank");
    expect_span(&r, r.art.attributions[1].content, "Prices rose");
    assert_int_equal(r.art.attributions[1].kind, ATTRIB_ORGANIZATION);
    arena_release(&r.a);
}

static void nouns_and_other_senses_are_not_frames(void **state)
{
    (void)state;
    result r;
    analyse(&r, "Russia claims Crimea as its own territory. The claim was rejected. Troops "
                "found a cache of weapons. The report was published.");
    assert_int_equal(r.art.nattributions, 0);
    arena_release(&r.a);
}

static void quotation_over_two_sentences(void **state)
{
    (void)state;
    result r;
    analyse(&r, "Edward Howell, an expert at Oxford, said: \xE2\x80\x9C"
                "First point. Second "
                "point, which he believes matters.\xE2\x80\x9D Then he left.");
    assert_int_equal(r.art.nattributions, 1); /* "believes" inside the quotation is not ours */
    const attribution *f = &r.art.attributions[0];
    expect_span(&r, f->content, "First point. Second point, which he believes matters.");
    assert_true(f->direct);
    expect_span(&r, f->source, "Edward Howell, an expert at Oxford"); /* PolNeAR's source */
    expect_span(&r, f->speaker, "Edward Howell");                     /* the name */
    arena_release(&r.a);
}

static void pronoun_resolves_to_last_named_speaker(void **state)
{
    (void)state;
    result r;
    analyse(&r, "John Kirby, a White House spokesman, told reporters that talks continued. "
                "He said the US was ready to help.");
    assert_int_equal(r.art.nattributions, 2);
    const attribution *f = &r.art.attributions[1];
    expect_span(&r, f->source, "He");
    expect_span(&r, f->speaker, "John Kirby");
    assert_true(f->resolved_from_pronoun);
    assert_int_equal(f->kind, ATTRIB_NAMED);
    expect_span(&r, r.art.attributions[0].content, "that talks continued");
    arena_release(&r.a);
}

static void colon_introduces_next_sentence_quote(void **state)
{
    (void)state;
    result r;
    analyse(&r, "The minister said:\n\n\xE2\x80\x9CWe are ready.\xE2\x80\x9D");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].content, "We are ready.");
    assert_true(r.art.attributions[0].direct);
    arena_release(&r.a);
}

static void description_then_name_and_clauses_after_cues(void **state)
{
    (void)state;
    result r;
    analyse(&r, "A spokesman for the group, Yahya Saree, said the vessel had been hit by two "
                "drones. The mission, Aspides, said it would increase patrols. Ships were "
                "diverted, adding about 10 days to voyages.");
    assert_int_equal(r.art.nattributions, 2);
    const attribution *f = &r.art.attributions[0];
    expect_span(&r, f->source, "A spokesman for the group, Yahya Saree");
    expect_span(&r, f->speaker, "Yahya Saree");
    assert_int_equal(f->kind, ATTRIB_NAMED);
    expect_span(&r, f->content, "the vessel had been hit by two drones");
    f = &r.art.attributions[1];
    expect_span(&r, f->source, "The mission, Aspides");
    expect_span(&r, f->content, "it would increase patrols");
    arena_release(&r.a);
}

static void possessive_apposition(void **state)
{
    (void)state;
    result r;
    analyse(&r, "Gen. Oleksandr Syrskyi, Ukraine's top commander, said his troops had pushed "
                "back an assault.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source,
                "Gen. Oleksandr Syrskyi, Ukraine's top commander");
    expect_span(&r, r.art.attributions[0].speaker, "Gen. Oleksandr Syrskyi");
    assert_int_equal(r.art.attributions[0].kind, ATTRIB_NAMED);
    arena_release(&r.a);
}

static void objects_infinitives_relatives_documents(void **state)
{
    (void)state;
    result r;
    /* an object with a time phrase before "that"; an object then a subject pronoun */
    analyse(&r, "The minister told a parliamentary hearing two weeks ago that a test was near. "
                "The envoy told The Post he had seen the letter.");
    assert_int_equal(r.art.nattributions, 2);
    expect_span(&r, r.art.attributions[0].content, "that a test was near");
    expect_span(&r, r.art.attributions[1].source, "The envoy");
    expect_span(&r, r.art.attributions[1].content, "he had seen the letter");
    arena_release(&r.a);
    /* commitments and appeals take an infinitive */
    analyse(&r, "Iran vowed to retaliate. The council urged both sides to halt the fighting.");
    assert_int_equal(r.art.nattributions, 2);
    expect_span(&r, r.art.attributions[0].source, "Iran");
    expect_span(&r, r.art.attributions[0].content, "to retaliate");
    expect_span(&r, r.art.attributions[1].cue, "urged");
    /* PolNeAR draws the addressee into the content; the clause the coder reads starts at "to" */
    expect_span(&r, r.art.attributions[1].content, "both sides to halt the fighting");
    arena_release(&r.a);
    /* a cue in an infinitive: the source is the subject of the verb that governs it */
    analyse(&r, "Turkey refused to promise to withdraw its troops.");
    assert_int_equal(r.art.nattributions, 2);
    expect_span(&r, r.art.attributions[0].source, "Turkey");
    expect_span(&r, r.art.attributions[1].source, "Turkey");
    expect_span(&r, r.art.attributions[1].content, "to withdraw its troops");
    arena_release(&r.a);
    /* a relative clause: the relative pronoun is the source (as PolNeAR draws it), the
     * antecedent the speaker; the clause ends the content */
    analyse(&r, "Smith, who said he would resign, left the room.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source, "who");
    expect_span(&r, r.art.attributions[0].speaker, "Smith");
    expect_span(&r, r.art.attributions[0].content, "he would resign");
    arena_release(&r.a);
    /* announcing, confirming, mentioning take a noun phrase as their content */
    analyse(&r, "Eric Holder announced his resignation. The army confirmed the deaths of two "
                "soldiers.");
    assert_int_equal(r.art.nattributions, 2);
    expect_span(&r, r.art.attributions[0].content, "his resignation");
    expect_span(&r, r.art.attributions[1].content, "the deaths of two soldiers");
    arena_release(&r.a);
    /* "called for" and "appealed for" take what is demanded, up to a comma */
    analyse(&r, "Aid agencies appealed for more money, but little came.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].cue, "appealed for");
    expect_span(&r, r.art.attributions[0].content, "more money");
    arena_release(&r.a);
    /* a document needs no "that"; other senses still do */
    analyse(&r, "A new poll shows the president ahead. The troops showed great courage.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source, "A new poll");
    expect_span(&r, r.art.attributions[0].content, "the president ahead");
    arena_release(&r.a);
    /* "called X “...”" and "called on X to" are statements; "called for" alone is not */
    analyse(&r, "The ministry called the sanctions \xE2\x80\x9C"
                "economic war.\xE2\x80\x9D The UN "
                "called on both sides to stop the fighting. He called on Monday.");
    assert_int_equal(r.art.nattributions, 2);
    expect_span(&r, r.art.attributions[0].source, "The ministry");
    expect_span(&r, r.art.attributions[1].content, "both sides to stop the fighting");
    arena_release(&r.a);
    /* nested attribution: the inner source starts after the outer cue; a coordinated clause
     * with its own source ends the outer content */
    analyse(&r, "He said officials believe the plan will fail. The bank urged both sides to "
                "talk, and a new survey shows farmers leaving.");
    assert_int_equal(r.art.nattributions, 4);
    expect_span(&r, r.art.attributions[0].content, "officials believe the plan will fail");
    expect_span(&r, r.art.attributions[1].source, "officials");
    expect_span(&r, r.art.attributions[2].content, "both sides to talk");
    expect_span(&r, r.art.attributions[3].source, "a new survey");
    arena_release(&r.a);
    /* after a quotation, "told" and its object close the frame */
    analyse(&r, "\xE2\x80\x9CWe will win,\xE2\x80\x9D the senator told cheering supporters in "
                "Ohio.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source, "the senator");
    assert_true(r.art.attributions[0].direct);
    arena_release(&r.a);
}

/* The frame whose cue reads `cue`, starting at frame `from`; fails when there is none. */
static size_t frame_with_cue(const result *r, size_t from, const char *cue)
{
    for (size_t i = from; i < r->art.nattributions; i++) {
        span s = r->art.attributions[i].cue;
        if (s.end - s.start == strlen(cue) &&
            memcmp(r->art.text.text + s.start, cue, strlen(cue)) == 0)
            return i;
    }
    fail_msg("no frame with the cue \"%s\"", cue);
    return 0;
}

static void stance_denies_doubts_and_claims(void **state)
{
    (void)state;
    result r;
    analyse(&r, "Russia denied that its troops had shelled the plant. The army rejected claims "
                "that its soldiers fired first. Ukraine rejected the French call for a "
                "ceasefire. There is no evidence that Hamas used the hospital, the UN said. "
                "Analysts doubted that China would invade. Iran did not deny that it had sent "
                "drones.");
    const attribution *f = r.art.attributions;
    size_t denied = frame_with_cue(&r, 0, "denied");
    assert_int_equal(f[denied].stance, STANCE_DENIES);
    expect_span(&r, f[denied].claim, "its troops had shelled the plant");
    size_t rejected = frame_with_cue(&r, 0, "rejected");
    assert_int_equal(f[rejected].stance, STANCE_DENIES); /* a rejected claim is denied */
    expect_span(&r, f[rejected].claim, "its soldiers fired first");
    size_t proposal = frame_with_cue(&r, rejected + 1, "rejected");
    assert_int_equal(f[proposal].stance, STANCE_ASSERTS); /* a rejected proposal: no claim */
    assert_int_equal(f[proposal].claim.end, f[proposal].claim.start);
    size_t said = frame_with_cue(&r, 0, "said");
    assert_int_equal(f[said].stance, STANCE_DENIES);
    expect_span(&r, f[said].source, "the UN");
    expect_span(&r, f[said].claim, "Hamas used the hospital");
    assert_int_equal(f[frame_with_cue(&r, 0, "doubted")].stance, STANCE_DOUBTS);
    /* not denying is no assertion either */
    assert_int_equal(f[frame_with_cue(&r, 0, "did not deny")].stance, STANCE_DOUBTS);
    /* the claim's tokens belong to the denying frame: the event coder reads them there */
    uint32_t t = 0;
    while (t < r.art.text.ntokens && r.art.text.tokens[t].start < f[rejected].claim.start)
        t++;
    assert_int_equal(attribution_frame_of_token(&r.art, t), (int32_t)rejected);
    arena_release(&r.a);
}

static void surname_and_title_name_the_same_speaker(void **state)
{
    (void)state;
    result r;
    analyse(&r, "White House press secretary Karen Lowell said the embassy would stay open. "
                "Afghan President Ashraf Ghani said his forces would hold. Lowell told "
                "reporters that no troops would return.");
    assert_int_equal(r.art.nattributions, 3);
    /* without the actor stage no mention names the person inside the title (the golden test
     * attribution-speakers has "Karen Lowell" alone) */
    expect_span(&r, r.art.attributions[0].speaker, "White House press secretary Karen Lowell");
    expect_span(&r, r.art.attributions[2].source, "Lowell");
    expect_span(&r, r.art.attributions[2].speaker, /* not the last speaker */
                "White House press secretary Karen Lowell");
    assert_int_equal(r.art.attributions[2].kind, ATTRIB_NAMED); /* a bare surname */
    arena_release(&r.a);
}

static void parentheses_appositions_and_circumstances(void **state)
{
    (void)state;
    result r;
    analyse(&r, "Gov. Mike Pence (R-IN) said the tweet was a mistake. Megan Hester, senior "
                "associate at the institute, said parents want local schools. Speaking at a "
                "rally in Ohio, Trump says he is making a demand. He\xE2\x80\x99s claiming that "
                "fraud is a problem.");
    assert_int_equal(r.art.nattributions, 5); /* with "parents want local schools" */
    expect_span(&r, r.art.attributions[0].source, "Gov. Mike Pence (R-IN)");
    /* (without the tagger "senior" is no adjective here: tests/cli/test_attribution.sh has
     * "Megan Hester" as the source) */
    expect_span(&r, r.art.attributions[3].cue, "says"); /* "Speaking at" is no frame */
    expect_span(&r, r.art.attributions[3].source, "Trump");
    expect_span(&r, r.art.attributions[4].cue, "\xE2\x80\x99s claiming");
    expect_span(&r, r.art.attributions[4].source, "He");
    arena_release(&r.a);
}

static void trailing_words_relatives_and_openings(void **state)
{
    (void)state;
    result r;
    /* a time word after an inverted cue; a relative clause that reports has its own frame */
    analyse(&r, "\xE2\x80\x9CThey control her,\xE2\x80\x9D he said then. \xE2\x80\x9CHe is a "
                "dictator,\xE2\x80\x9D said Beck, who said there were problems.");
    assert_int_equal(r.art.nattributions, 3);
    expect_span(&r, r.art.attributions[0].content, "They control her,");
    expect_span(&r, r.art.attributions[1].source, "Beck");
    expect_span(&r, r.art.attributions[2].content, "there were problems");
    arena_release(&r.a);
    /* questions: a wh-clause after "asked" (and its object); "Asked whether ..." names no
     * asker */
    analyse(&r, "A reporter asked Sanders how he was feeling. Asked whether the plan would work, "
                "most voters said no.");
    assert_true(r.art.nattributions >= 2);
    expect_span(&r, r.art.attributions[0].content, "how he was feeling");
    size_t asked = frame_with_cue(&r, 1, "Asked");
    expect_span(&r, r.art.attributions[asked].content, "whether the plan would work");
    assert_int_equal(r.art.attributions[asked].source.end, r.art.attributions[asked].source.start);
    arena_release(&r.a);
}

static void parentheticals_nested_quotes_and_long_tails(void **state)
{
    (void)state;
    result r;
    /* a parenthetical between source and cue; the verb that governs the cue is in the cue */
    analyse(&r, "Ortega, meanwhile, told the council that the border was closed. The minister "
                "refused to promise that the troops would leave.");
    size_t told = frame_with_cue(&r, 0, "told");
    expect_span(&r, r.art.attributions[told].source, "Ortega");
    expect_span(&r, r.art.attributions[told].content, "that the border was closed");
    size_t promise = frame_with_cue(&r, 0, "refused to promise");
    expect_span(&r, r.art.attributions[promise].content, "that the troops would leave");
    expect_span(&r, r.art.attributions[promise].source, "The minister");
    arena_release(&r.a);
    /* a short quotation after the object: the object is part of the content */
    analyse(&r, "The governor called the ruling \xE2\x80\x9C"
                "a disgrace\xE2\x80\x9D on Monday.");
    size_t called = frame_with_cue(&r, 0, "called");
    expect_span(&r, r.art.attributions[called].content,
                "the ruling \xE2\x80\x9C"
                "a disgrace\xE2\x80\x9D on Monday");
    arena_release(&r.a);
    /* a content inside a subordinate clause ends at its comma; a quotation that opens inside
     * an indirect content runs on to its closing mark */
    analyse(&r, "While the ministry says the crossing is safe, aid workers stay away. The envoy "
                "said the deal \"is a matter of weeks. It is not a matter of months.\"");
    size_t says = frame_with_cue(&r, 0, "says");
    expect_span(&r, r.art.attributions[says].content, "the crossing is safe");
    size_t envoy = frame_with_cue(&r, 0, "said");
    expect_span(&r, r.art.attributions[envoy].content,
                "the deal \"is a matter of weeks. It is not a matter of months");
    arena_release(&r.a);
    /* a time phrase after the source phrase is neither source nor phrase */
    analyse(&r, "Sen. Maria Ortiz (D-Vt.) on Saturday said the vote was a mistake. Mendez at "
                "the time said nothing had changed.");
    expect_span(&r, r.art.attributions[0].source, "Sen. Maria Ortiz (D-Vt.)");
    expect_span(&r, r.art.attributions[1].source, "Mendez");
    arena_release(&r.a);
    /* "as X put it" on either side of its content */
    analyse(&r, "As one diplomat put it, the talks are over. The border will stay closed, as the "
                "minister put it.");
    assert_int_equal(r.art.nattributions, 2);
    expect_span(&r, r.art.attributions[0].source, "one diplomat");
    expect_span(&r, r.art.attributions[0].cue, "put it");
    expect_span(&r, r.art.attributions[0].content, "the talks are over");
    expect_span(&r, r.art.attributions[1].source, "the minister");
    expect_span(&r, r.art.attributions[1].content, "The border will stay closed");
    arena_release(&r.a);
    /* a restrictive relative clause: the pronoun is the source, the antecedent the speaker */
    analyse(&r, "Aid groups say the road is open, but officials who say it is mined want a "
                "survey.");
    size_t say = frame_with_cue(&r, 1, "say");
    expect_span(&r, r.art.attributions[say].source, "who");
    expect_span(&r, r.art.attributions[say].speaker, "officials");
    arena_release(&r.a);
    /* a quotation inside a quotation: the outer one stays paired, its cue ("say") is the
     * speaker's own word, the frame is the inverted one after it */
    analyse(&r, "\xE2\x80\x9CIf they will not say \xE2\x80\x98"
                "ceasefire\xE2\x80\x99 they "
                "should leave the talks,\xE2\x80\x9D Okafor said.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].cue, "said");
    expect_span(&r, r.art.attributions[0].source, "Okafor");
    expect_span(&r, r.art.attributions[0].content,
                "If they will not say \xE2\x80\x98"
                "ceasefire\xE2\x80\x99 they should leave "
                "the talks,");
    arena_release(&r.a);
    /* a long trailing phrase after a quotation; a participle cue after the inverted one */
    analyse(&r, "\xE2\x80\x9CWe will not retreat,\xE2\x80\x9D Haddad told reporters on "
                "Friday at a meeting of regional defence ministers in the capital of Jordan. "
                "\xE2\x80\x9CThe talks are over,\xE2\x80\x9D Haddad said, adding: "
                "\xE2\x80\x9CWe have waited long enough.\xE2\x80\x9D");
    told = frame_with_cue(&r, 0, "told");
    expect_span(&r, r.art.attributions[told].source, "Haddad");
    expect_span(&r, r.art.attributions[told].content, "We will not retreat,");
    size_t said = frame_with_cue(&r, 0, "said");
    expect_span(&r, r.art.attributions[said].content, "The talks are over,");
    size_t adding = frame_with_cue(&r, 0, "adding");
    expect_span(&r, r.art.attributions[adding].content, "We have waited long enough.");
    arena_release(&r.a);
}

/* How news types its quotation marks: '' after a plural, ''' closing two quotations at once,
 * an opening mark turned the wrong way at the end of a quotation. */
static void quotation_marks_as_typed(void **state)
{
    (void)state;
    result r;
    analyse_tagged(&r, "''We admire the mechanics'' of the proposal, Mr. Varga said. ''They "
                       "are detailed.''");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source, "Mr. Varga");
    expect_span(&r, r.art.attributions[0].cue, "said");
    arena_release(&r.a);
    analyse_tagged(&r, "''They keep saying, 'This is a special case,''' Mr. Okoro said. ''It is "
                       "not.''");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source, "Mr. Okoro");
    arena_release(&r.a);
    analyse_tagged(&r, "\xE2\x80\x9CIt is unusual,\xE2\x80\x9C said Lena Brandt, a lawyer for the "
                       "families. \xE2\x80\x9CIt happens rarely.\xE2\x80\x9D");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source, "Lena Brandt, a lawyer for the families");
    expect_span(&r, r.art.attributions[0].content, "It is unusual,");
    expect_span(&r, r.art.attributions[0].continuation, "It happens rarely.");
    arena_release(&r.a);
}

/* Inverted sources with a possessive title, a relative clause, a parenthesis after them; an
 * age in an apposition before a cue is no inverted frame. */
static void inverted_sources_and_appositions(void **state)
{
    (void)state;
    result r;
    analyse_tagged(&r, "\xE2\x80\x9CWe are ready,\xE2\x80\x9D said Mali\xE2\x80\x99s defence "
                       "minister Omar Haddad.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source, "Mali\xE2\x80\x99s defence minister Omar Haddad");
    arena_release(&r.a);
    analyse_tagged(&r, "\xE2\x80\x9CWe are ready,\xE2\x80\x9D said the man who led the talks.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source, "the man who led the talks");
    arena_release(&r.a);
    analyse_tagged(&r, "\xE2\x80\x9CWe were wrong,\xE2\x80\x9D Ramos, 58, told the agency.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source, "Ramos, 58");
    expect_span(&r, r.art.attributions[0].cue, "told");
    expect_span(&r, r.art.attributions[0].content, "We were wrong,");
    arena_release(&r.a);
    analyse_tagged(&r, "Fiorina, 61, said she would run again.");
    expect_span(&r, r.art.attributions[0].source, "Fiorina, 61");
    arena_release(&r.a);
    /* a state or party label between commas; a time inside a relative clause stays */
    analyse_tagged(&r, "Senator Ana Ruiz, R-Ky., said the vote would fail. Lena Ortiz, 67, a "
                       "retired nurse in Allentown, Pa., said she would vote. Ruiz, who was "
                       "elected in 2012, said the bill was bad.");
    expect_span(&r, r.art.attributions[0].source, "Senator Ana Ruiz, R-Ky.");
    expect_span(&r, r.art.attributions[1].source,
                "Lena Ortiz, 67, a retired nurse in Allentown, Pa.");
    expect_span(&r, r.art.attributions[2].source, "Ruiz, who was elected in 2012");
    arena_release(&r.a);
    /* a verb the tagger may read as a noun after a name, before "that" */
    analyse_tagged(&r, "Varga asserts that the deal holds.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].cue, "asserts");
    expect_span(&r, r.art.attributions[0].content, "that the deal holds");
    arena_release(&r.a);
}

/* Questions: "Asked by X whether ...", "when asked about ..." anywhere in the sentence. */
static void questions_asked(void **state)
{
    (void)state;
    result r;
    analyse_tagged(&r, "Asked by reporters whether talks would resume, Haddad said they would.");
    size_t asked = frame_with_cue(&r, 0, "Asked");
    expect_span(&r, r.art.attributions[asked].source, "reporters");
    expect_span(&r, r.art.attributions[asked].content, "whether talks would resume");
    size_t said = frame_with_cue(&r, 0, "said");
    expect_span(&r, r.art.attributions[said].source, "Haddad");
    arena_release(&r.a);
    analyse_tagged(&r, "\xE2\x80\x9CWe will,\xE2\x80\x9D the minister said when asked about a "
                       "ceasefire.");
    said = frame_with_cue(&r, 0, "said");
    expect_span(&r, r.art.attributions[said].content, "We will,");
    asked = frame_with_cue(&r, 0, "asked about");
    expect_span(&r, r.art.attributions[asked].content, "a ceasefire");
    assert_int_equal(r.art.attributions[asked].source.end, r.art.attributions[asked].source.start);
    arena_release(&r.a);
}

/* A content split by its cue, noun phrases as contents, and where an object content ends. */
static void split_contents_and_objects(void **state)
{
    (void)state;
    result r;
    analyse_tagged(&r, "The offensive, the general said, would end by spring.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].content, "The offensive");
    expect_span(&r, r.art.attributions[0].continuation, "would end by spring");
    arena_release(&r.a);
    analyse_tagged(&r, "\xE2\x80\x9CThe border is closed,\xE2\x80\x9D the minister said, "
                       "\xE2\x80\x9C"
                       "and it will stay closed.\xE2\x80\x9D");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].content, "The border is closed,");
    expect_span(&r, r.art.attributions[0].continuation, "and it will stay closed.");
    arena_release(&r.a);
    analyse_tagged(&r, "The mayor complained about the delays.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].cue, "complained about");
    expect_span(&r, r.art.attributions[0].content, "the delays");
    arena_release(&r.a);
    analyse_tagged(&r, "Mr. Varga stressed those concerns.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].content, "those concerns");
    arena_release(&r.a);
    /* a time phrase before the comma is no content; "recalled its envoy" is no report (+thing);
     * the object ends before the coordinated verb */
    analyse_tagged(&r, "On Monday, Kabul accused Islamabad of sheltering the group and recalled "
                       "its envoy.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source, "Kabul");
    expect_span(&r, r.art.attributions[0].content, "Islamabad of sheltering the group");
    arena_release(&r.a);
    analyse_tagged(&r, "The ministry condemned the arrest of the reporter, who is 34.");
    expect_span(&r, r.art.attributions[0].content, "the arrest of the reporter");
    arena_release(&r.a);
    /* a participle between a determiner and its noun is no cue */
    analyse_tagged(&r, "Officials of the partially recognized republic met in the capital.");
    assert_int_equal(r.art.nattributions, 0);
    arena_release(&r.a);
    /* the object is PolNeAR's content; the event coder's part starts after it */
    analyse_tagged(&r, "The government has asked France for more help.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].content, "France for more help");
    assert_true(r.art.text.tokens[r.art.attributions[0].content_first].start ==
                r.art.attributions[0].content.start + strlen("France "));
    arena_release(&r.a);
    analyse_tagged(&r, "A survey of voters in the north shows that the governor is ahead.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source, "A survey of voters in the north");
    assert_int_equal(r.art.attributions[0].kind, ATTRIB_DOCUMENT);
    arena_release(&r.a);
}

/* Issue 21, fourth round: the constructions measured on PolNeAR train and dev, in our words. */
/* Fifth round: a relative word before the source is the content's fronted part. */
static void fifth_round_constructions(void **state)
{
    (void)state;
    result r;
    analyse_tagged(&r, "The council approved the levy, which the mayor said would fund new "
                       "clinics.");
    size_t k = frame_with_cue(&r, 0, "said");
    expect_span(&r, r.art.attributions[k].source, "the mayor");
    expect_span(&r, r.art.attributions[k].content, "would fund new clinics");
    expect_span(&r, r.art.attributions[k].fronted, "which");
    arena_release(&r.a);
    analyse_tagged(&r, "The senator said the budget was balanced.");
    assert_int_equal(r.art.nattributions, 1);
    assert_int_equal(r.art.attributions[0].fronted.end, r.art.attributions[0].fronted.start);
    arena_release(&r.a);
    /* a time phrase after a participle that follows a noun belongs to the source */
    analyse_tagged(&r, "A national poll taken last week found that most voters were unhappy.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source, "A national poll taken last week");
    arena_release(&r.a);
    analyse_tagged(&r, "The ministry on Tuesday said the strikes killed 20 people.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source, "The ministry");
    arena_release(&r.a);
    /* "and" after a reporting verb's clause opens a new clause: its subject is the source,
     * and the first content ends before it */
    analyse_tagged(&r, "The minister spoke about the plan and the president said the talks "
                       "would resume.");
    k = frame_with_cue(&r, 0, "said");
    expect_span(&r, r.art.attributions[k].source, "the president");
    k = frame_with_cue(&r, 0, "spoke about");
    expect_span(&r, r.art.attributions[k].content, "the plan");
    arena_release(&r.a);
    /* a relative clause that reports is a frame of its own, not part of the source */
    analyse_tagged(&r, "Barkley, who said he typically votes Democratic, said he would back the "
                       "governor this time.");
    k = frame_with_cue(&r, 1, "said");
    expect_span(&r, r.art.attributions[k].source, "Barkley");
    expect_span(&r, r.art.attributions[k].content, "he would back the governor this time");
    expect_span(&r, r.art.attributions[0].source, "who");
    arena_release(&r.a);
    analyse_tagged(&r, "Derek Mitchell, who served as ambassador until this year, said the vote "
                       "was fair.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source,
                "Derek Mitchell, who served as ambassador until this year");
    arena_release(&r.a);
    analyse_tagged(&r, "A former Treasury official who is now a fellow at the council said the "
                       "yuan was undervalued.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source,
                "A former Treasury official who is now a fellow at the council");
    arena_release(&r.a);
    /* a quantity opens the source */
    analyse_tagged(&r, "More than half of the voters said the economy was their main worry.");
    k = frame_with_cue(&r, 0, "said");
    expect_span(&r, r.art.attributions[k].source, "More than half of the voters");
    arena_release(&r.a);
    /* "in a statement" joins the cue; "in a written statement" closes a trailing frame */
    analyse_tagged(&r, "The ministry said in a statement that the convoy had been attacked.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].cue, "said in a statement");
    expect_span(&r, r.art.attributions[0].content, "that the convoy had been attacked");
    arena_release(&r.a);
    analyse_tagged(&r, "\xE2\x80\x9CWe are shocked,\xE2\x80\x9D the family said in a written "
                       "statement.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].cue, "said in a written statement");
    expect_span(&r, r.art.attributions[0].content, "We are shocked,");
    arena_release(&r.a);
    /* an object and "to" before a quotation belong to the content */
    analyse_tagged(&r,
                   "The campaign sent an email asking supporters to \xE2\x80\x9C"
                   "donate $3 to our campaign now to stop the senator and his plan.\xE2\x80\x9D");
    k = frame_with_cue(&r, 0, "sent an email asking");
    expect_span(&r, r.art.attributions[k].content,
                "supporters to \xE2\x80\x9C"
                "donate $3 to our campaign now to stop the senator and his plan");
    arena_release(&r.a);
    /* a news outlet reports a bare clause as a document does; a company's figures are none */
    analyse_tagged(&r, "The Daily Times reported the convoy came under fire near the pass.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].content, "the convoy came under fire near the pass");
    arena_release(&r.a);
    analyse_tagged(&r, "The company reported its smallest profit in years.");
    assert_int_equal(r.art.nattributions, 0);
    arena_release(&r.a);
    /* "When asked" at the sentence's start, "Asked on Monday whether" */
    analyse_tagged(&r, "When asked whether the talks would resume, the minister said they would.");
    k = frame_with_cue(&r, 0, "asked");
    expect_span(&r, r.art.attributions[k].content, "whether the talks would resume");
    arena_release(&r.a);
    analyse_tagged(&r, "Asked on Monday whether the border would reopen, the minister smiled.");
    k = frame_with_cue(&r, 0, "Asked");
    expect_span(&r, r.art.attributions[k].content, "whether the border would reopen");
    arena_release(&r.a);
    /* a subject and an adverbial between commas are no content of an inverted cue */
    analyse_tagged(&r, "The mayor, by contrast, wrote an op-ed urging the council to fund the "
                       "clinics.");
    k = frame_with_cue(&r, 0, "wrote");
    expect_span(&r, r.art.attributions[k].source, "The mayor");
    expect_span(&r, r.art.attributions[k].content,
                "an op-ed urging the council to fund the clinics");
    arena_release(&r.a);
    /* a participle's content follows it, whatever phrase opens the sentence */
    analyse_tagged(&r, "Speaking at a town hall, the senator attacked the governor, calling him "
                       "\xE2\x80\x9C"
                       "a total failure.\xE2\x80\x9D");
    k = frame_with_cue(&r, 0, "calling");
    expect_span(&r, r.art.attributions[k].source, "the senator");
    expect_span(&r, r.art.attributions[k].content,
                "him \xE2\x80\x9C"
                "a total failure");
    arena_release(&r.a);
    /* a noun-phrase content ends before a time phrase or a setting */
    analyse_tagged(&r, "The minister stressed those worries on Sunday at a forum in Geneva.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].content, "those worries");
    arena_release(&r.a);
    analyse_tagged(&r, "The senator criticized the governor during a rally in Hartford.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].content, "the governor");
    arena_release(&r.a);
    analyse_tagged(&r, "The minister denounced the attack on the embassy.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].content, "the attack on the embassy");
    arena_release(&r.a);
    /* the writer's comparison after a comma ends a content */
    analyse_tagged(&r, "Voters say they trust the mayor, compared with 40 percent who trust the "
                       "council.");
    k = frame_with_cue(&r, 0, "say");
    expect_span(&r, r.art.attributions[k].content, "they trust the mayor");
    arena_release(&r.a);
    /* a wire dateline is no part of the content */
    analyse_tagged(&r, "KABUL (Reuters) - The convoy was attacked near the pass, according to "
                       "the ministry.");
    k = frame_with_cue(&r, 0, "according to");
    expect_span(&r, r.art.attributions[k].content, "The convoy was attacked near the pass");
    arena_release(&r.a);
    /* past a trailing phrase with a clause of its own after "when" */
    analyse_tagged(&r, "\xE2\x80\x9CWe are ready,\xE2\x80\x9D the general told reporters on "
                       "Tuesday, when the first convoy crossed the border. \xE2\x80\x9CThe "
                       "roads are open.\xE2\x80\x9D");
    k = frame_with_cue(&r, 0, "told");
    expect_span(&r, r.art.attributions[k].continuation, "The roads are open.");
    arena_release(&r.a);
    /* a clause closing with a quotation goes on; "But" before the next quotation; a question
     * in the trailing phrase keeps its frame */
    analyse_tagged(&r, "Yet the governor is also a \xE2\x80\x9C"
                       "change agent,\xE2\x80\x9D Cole said. "
                       "\xE2\x80\x9CThat is what people want.\xE2\x80\x9D");
    k = frame_with_cue(&r, 0, "said");
    expect_span(&r, r.art.attributions[k].continuation, "That is what people want.");
    arena_release(&r.a);
    analyse_tagged(&r,
                   "\xE2\x80\x9CIt is not do or die,\xE2\x80\x9D he said outside the building. But "
                   "\xE2\x80\x9Cthe campaign is stronger now.\xE2\x80\x9D");
    k = frame_with_cue(&r, 0, "said");
    expect_span(&r, r.art.attributions[k].continuation, "the campaign is stronger now.");
    arena_release(&r.a);
    analyse_tagged(&r,
                   "\xE2\x80\x9CIt was very nice,\xE2\x80\x9D the tycoon told Reuters when asked "
                   "if he had met the senator. \xE2\x80\x9CHe was charming.\xE2\x80\x9D");
    k = frame_with_cue(&r, 0, "told");
    expect_span(&r, r.art.attributions[k].continuation, "He was charming.");
    k = frame_with_cue(&r, 0, "asked");
    expect_span(&r, r.art.attributions[k].content, "if he had met the senator");
    arena_release(&r.a);
    /* a paragraph that is one quotation goes on with the speech; one with more is not */
    analyse_tagged(&r, "\xE2\x80\x9CWe will rebuild the bridge,\xE2\x80\x9D the governor said."
                       "\n\n\xE2\x80\x9CIt will take two years.\xE2\x80\x9D");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].continuation, "It will take two years.");
    arena_release(&r.a);
    analyse_tagged(&r, "\xE2\x80\x9CWe will rebuild the bridge,\xE2\x80\x9D the governor said."
                       "\n\n\xE2\x80\x9CThe Crossing\xE2\x80\x9D is a film about the river.");
    k = frame_with_cue(&r, 0, "said");
    assert_int_equal(r.art.attributions[k].continuation.end,
                     r.art.attributions[k].continuation.start);
    arena_release(&r.a);
}

static void fourth_round_constructions(void **state)
{
    (void)state;
    result r;
    /* an opening phrase with a verb before the source's comma is reported */
    analyse_tagged(&r, "As a woman, the suspect raised less suspicion, Mr. Okafor said.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source, "Mr. Okafor");
    expect_span(&r, r.art.attributions[0].content, "As a woman, the suspect raised less suspicion");
    arena_release(&r.a);
    /* the subject of a coordinated cue past a relative clause between commas */
    analyse_tagged(&r, "Mr. Dlamini, whose party won only one seat, did not attack the minister "
                       "but argued that the vote was flawed.");
    size_t k = frame_with_cue(&r, 0, "argued");
    expect_span(&r, r.art.attributions[k].source, "Mr. Dlamini, whose party won only one seat");
    arena_release(&r.a);
    /* a content ends before 'but CUE' whose source stands before it */
    analyse_tagged(&r, "Judge Osei put off deciding whether the police could question the minister "
                       "but said the court could hear the request later.");
    k = frame_with_cue(&r, 0, "said");
    expect_span(&r, r.art.attributions[k].source, "Judge Osei");
    expect_span(&r, r.art.attributions[k].content, "the court could hear the request later");
    assert_int_equal(r.art.attributions[k].parent, -1);
    arena_release(&r.a);
    /* a relative clause inside an apposition: no frame of the name before it */
    analyse_tagged(&r, "Amara Diallo, an analyst who advised the army on the reform, said the plan "
                       "had failed.");
    k = frame_with_cue(&r, 0, "said");
    expect_span(&r, r.art.attributions[k].source,
                "Amara Diallo, an analyst who advised the army on the reform");
    expect_span(&r, r.art.attributions[k].content, "the plan had failed");
    arena_release(&r.a);
    /* appositions after an inverted source */
    analyse_tagged(&r, "\xE2\x80\x9CThe border is closed,\xE2\x80\x9D said Paloma Reyes, legal "
                       "director for the refugee council.");
    expect_span(&r, r.art.attributions[0].source,
                "Paloma Reyes, legal director for the refugee council");
    arena_release(&r.a);
    analyse_tagged(&r, "\xE2\x80\x9CIt is over,\xE2\x80\x9D said Senator Ken Boateng, Democrat of "
                       "Delaware.");
    expect_span(&r, r.art.attributions[0].source, "Senator Ken Boateng, Democrat of Delaware");
    arena_release(&r.a);
    /* "in 10" is no time; a place and its state stay in the source */
    analyse_tagged(&r, "Six in 10 said they would stay.");
    expect_span(&r, r.art.attributions[0].source, "Six in 10");
    arena_release(&r.a);
    analyse_tagged(&r, "Kofi Mensah, a trader from Monsey, New York, said the market was shut.");
    expect_span(&r, r.art.attributions[0].source, "Kofi Mensah, a trader from Monsey, New York");
    arena_release(&r.a);
    /* a quotation that closes a reported clause leaves the clause whole */
    analyse_tagged(&r, "Closing the crossing would \xE2\x80\x9Csend the wrong message,\xE2\x80\x9D "
                       "the envoy said.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].content,
                "Closing the crossing would \xE2\x80\x9Csend the wrong message");
    assert_false(r.art.attributions[0].direct);
    arena_release(&r.a);
    /* a quotation goes on past an apposition of the inverted source */
    analyse_tagged(&r, "\xE2\x80\x9CWe are refugees,\xE2\x80\x9D said Ana Lopez, a teacher from "
                       "Tijuana, who fled in May. \xE2\x80\x9CWe are not criminals.\xE2\x80\x9D");
    k = frame_with_cue(&r, 0, "said");
    expect_span(&r, r.art.attributions[k].continuation, "We are not criminals.");
    arena_release(&r.a);
    /* the cue of a passive leaves out "by"; "said of" leaves out "of" */
    analyse_tagged(&r, "The strike was condemned by the European Union.");
    k = frame_with_cue(&r, 0, "was condemned");
    expect_span(&r, r.art.attributions[k].source, "the European Union");
    arena_release(&r.a);
    analyse_tagged(&r, "The minister said of the talks that they would resume.");
    k = frame_with_cue(&r, 0, "said");
    expect_span(&r, r.art.attributions[k].cue, "said");
    arena_release(&r.a);
    /* a participle after an issued document: the cue runs from the verb that issued it */
    analyse_tagged(&r,
                   "The ministry issued a statement on Tuesday saying the border would reopen.");
    assert_int_equal(r.art.nattributions, 1);
    expect_span(&r, r.art.attributions[0].source, "The ministry");
    expect_span(&r, r.art.attributions[0].cue, "issued a statement on Tuesday saying");
    expect_span(&r, r.art.attributions[0].content, "the border would reopen");
    arena_release(&r.a);
    /* "by VERBing" reports for the main clause's subject */
    analyse_tagged(&r, "The minister angered the unions by saying that the mines would close.");
    k = frame_with_cue(&r, 0, "saying");
    expect_span(&r, r.art.attributions[k].source, "The minister");
    expect_span(&r, r.art.attributions[k].content, "that the mines would close");
    arena_release(&r.a);
    /* an aside after the content is the writer's */
    analyse_tagged(&r, "The governor said the army had left the town, a blow to the rebels.");
    k = frame_with_cue(&r, 0, "said");
    expect_span(&r, r.art.attributions[k].content, "the army had left the town");
    arena_release(&r.a);
    /* a dash ends a content before a coordinated frame, but not a dateline's dash */
    analyse_tagged(&r, "The minister praised the army for the calm -- but he said the border was "
                       "still dangerous.");
    k = frame_with_cue(&r, 0, "said");
    assert_int_equal(r.art.attributions[k].parent, -1);
    arena_release(&r.a);
    analyse_tagged(&r, "KABUL, May 2 (wire) - Both sides agreed to reopen the road, the governor "
                       "said.");
    k = frame_with_cue(&r, 0, "said");
    expect_span(&r, r.art.attributions[k].content,
                "KABUL, May 2 (wire) - Both sides agreed to reopen the road");
    arena_release(&r.a);
    /* new cue words */
    analyse_tagged(&r, "The opposition blasted the decision. Rebels brushed off the threat.");
    k = frame_with_cue(&r, 0, "blasted");
    expect_span(&r, r.art.attributions[k].content, "the decision");
    k = frame_with_cue(&r, 0, "brushed off");
    expect_span(&r, r.art.attributions[k].content, "the threat");
    arena_release(&r.a);
}

static void bad_cue_file_names_its_line(void **state)
{
    (void)state;
    char path[] = "/tmp/sitrep-cues-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("# ok\nsay speech say said\nfoo gossip foos\n", f);
    fclose(f);
    diag d;
    diag_clear(&d);
    assert_null(cues_load(path, &d));
    assert_int_equal(d.line, 3);
    assert_non_null(strstr(d.message, "unknown cue kind 'gossip'"));
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(leading_source_with_that),
        cmocka_unit_test(trailing_source),
        cmocka_unit_test(inverted_direct_quote),
        cmocka_unit_test(according_to_both_ways),
        cmocka_unit_test(nouns_and_other_senses_are_not_frames),
        cmocka_unit_test(quotation_over_two_sentences),
        cmocka_unit_test(pronoun_resolves_to_last_named_speaker),
        cmocka_unit_test(colon_introduces_next_sentence_quote),
        cmocka_unit_test(description_then_name_and_clauses_after_cues),
        cmocka_unit_test(possessive_apposition),
        cmocka_unit_test(objects_infinitives_relatives_documents),
        cmocka_unit_test(stance_denies_doubts_and_claims),
        cmocka_unit_test(surname_and_title_name_the_same_speaker),
        cmocka_unit_test(parentheses_appositions_and_circumstances),
        cmocka_unit_test(trailing_words_relatives_and_openings),
        cmocka_unit_test(parentheticals_nested_quotes_and_long_tails),
        cmocka_unit_test(quotation_marks_as_typed),
        cmocka_unit_test(inverted_sources_and_appositions),
        cmocka_unit_test(questions_asked),
        cmocka_unit_test(split_contents_and_objects),
        cmocka_unit_test(fourth_round_constructions),
        cmocka_unit_test(fifth_round_constructions),
        cmocka_unit_test(bad_cue_file_names_its_line),
    };
    return cmocka_run_group_tests_name("attribution", tests, load_cues, free_cues);
}
