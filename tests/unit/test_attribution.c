/* test_attribution.c - unit tests for reporting frames (src/attribution/): the frame shapes,
 * quotations, speakers across a text, stance and questions, and the cue lexicon's parser; span
 * edges are in test_attribution_edges.c. */
#include "unit.h"

#include "attribution_util.h"

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
        cmocka_unit_test(questions_asked),
        cmocka_unit_test(bad_cue_file_names_its_line),
    };
    return cmocka_run_group_tests_name("attribution", tests, load_cues, free_cues);
}
