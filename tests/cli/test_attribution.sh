# test_attribution.sh - who says so, through `sitrep code`: speakers across a text (a pronoun
# after a quotation takes the last named person, a surname the full name), stances and the
# claims they deny, the events' attribution, and a bad cue file's FILE:LINE message. Sourced by
# tests/cli/run.sh ($SITREP, $JSONQ, $work, expect_* helpers).

cat >"$work/attribution.txt" <<'TXT'
White House press secretary Karen Lowell said on Monday that Washington would keep its embassy in Kabul open.

Afghan President Ashraf Ghani met tribal elders on Tuesday. "Our forces will retake every district," he said.

Lowell later told reporters that no troops would return.

Russia denied that its troops had shelled the Zaporizhzhia nuclear plant.
TXT
expect_exit 0 "attribution: code" -- "$SITREP" code --published 2021-07-20 "$work/attribution.txt"
printf '%s\n' "$out" >"$work/attribution.json"
q() { "$JSONQ" "$1" <"$work/attribution.json"; }
expect_eq "attribution: frames" "$(q attributions.length)" "4"
expect_eq "attribution: pronoun after a quotation" "$(q attributions.1.speaker.text)" \
    "Afghan President Ashraf Ghani"
expect_eq "attribution: pronoun speaker's code" "$(q attributions.1.code)" "AFGGOV"
expect_eq "attribution: surname source" "$(q attributions.2.source.text)" "Lowell"
expect_eq "attribution: surname speaker" "$(q attributions.2.speaker.text)" "Karen Lowell"
expect_eq "attribution: surname kind" "$(q attributions.2.kind)" "named"
expect_eq "attribution: quote speaker" "$(q quotes.1.speaker.text)" "Afghan President Ashraf Ghani"
expect_eq "attribution: asserts" "$(q attributions.0.stance)" "asserts"
expect_eq "attribution: denies" "$(q attributions.3.stance)" "denies"
expect_eq "attribution: denied claim" "$(q attributions.3.claim.text)" \
    "its troops had shelled the Zaporizhzhia nuclear plant"
# the shelling is negated and credited to the denier
last=$(($(q events.length) - 1))
expect_eq "attribution: denied event" "$(q events.$last.modality)" "negated"
expect_eq "attribution: denied event's source" "$(q events.$last.attribution.text)" "Russia"
expect_eq "attribution: denied event's stance" "$(q events.$last.attribution.stance)" "denies"

# sources as PolNeAR draws them: the noun phrase with its apposition (the speaker is the name),
# a party label kept
printf 'Megan Hester, senior associate at the institute, said parents want local schools. Gov. Mike Pence (R-IN) said the tweet was a mistake.\n' >"$work/sources.txt"
expect_exit 0 "attribution: sources" -- "$SITREP" code "$work/sources.txt"
printf '%s\n' "$out" >"$work/sources.json"
expect_eq "attribution: apposition" "$("$JSONQ" attributions.0.source.text <"$work/sources.json")" \
    "Megan Hester, senior associate at the institute"
expect_eq "attribution: named speaker" \
    "$("$JSONQ" attributions.0.speaker.text <"$work/sources.json")" "Megan Hester"
expect_eq "attribution: party label" \
    "$("$JSONQ" attributions.2.source.text <"$work/sources.json")" "Gov. Mike Pence (R-IN)"

# a participle that opens the sentence: a frame of its own when it cites, a circumstance when
# the main clause reports
printf 'Citing the report, the senator urged the agency to act. Appearing aware of the risk, Mrs. Clinton said on Saturday that this cannot be an American fight.\n' >"$work/openings.txt"
expect_exit 0 "attribution: openings" -- "$SITREP" code "$work/openings.txt"
printf '%s\n' "$out" >"$work/openings.json"
expect_eq "attribution: citing" "$("$JSONQ" attributions.0.content.text <"$work/openings.json")" \
    "the report"
expect_eq "attribution: urged" "$("$JSONQ" attributions.1.content.text <"$work/openings.json")" \
    "the agency to act"
expect_eq "attribution: circumstance" \
    "$("$JSONQ" attributions.2.cue.text <"$work/openings.json")" "said"
printf 'Obama called for reducing the tax rate.\n' >"$work/callfor.txt"
expect_exit 0 "attribution: called for" -- "$SITREP" code "$work/callfor.txt"
expect_eq "attribution: called for content" "$(printf '%s\n' "$out" | "$JSONQ" attributions.0.content.text)" \
    "reducing the tax rate"
expect_eq "attribution: openings count" "$("$JSONQ" attributions.length <"$work/openings.json")" "3"

# quotation marks as news types them and the shapes of this round: '' after a plural closes a
# quotation; a question asked by someone; a subject split from its predicate by the cue; a noun
# phrase after a verb of speech; a verb marked +thing takes none
cat >"$work/typing.txt" <<'TXT'
''We admire the mechanics'' of the proposal, Mr. Varga said. ''They are detailed.''

Asked by reporters whether talks would resume, Haddad said they would.

The offensive, the general said, would end by spring.

Mr. Varga stressed those concerns. Kabul recalled its envoy.
TXT
expect_exit 0 "attribution: typing" -- "$SITREP" code "$work/typing.txt"
printf '%s\n' "$out" >"$work/typing.json"
t() { "$JSONQ" "$1" <"$work/typing.json"; }
expect_eq "attribution: '' quotation" "$(t attributions.0.source.text)" "Mr. Varga"
expect_eq "attribution: asked by" "$(t attributions.1.source.text)" "reporters"
expect_eq "attribution: question" "$(t attributions.1.content.text)" "whether talks would resume"
expect_eq "attribution: split content" "$(t attributions.3.content.text)" "The offensive"
expect_eq "attribution: split continuation" "$(t attributions.3.continuation.text)" \
    "would end by spring"
expect_eq "attribution: noun phrase content" "$(t attributions.4.content.text)" "those concerns"
expect_eq "attribution: +thing" "$(t attributions.length)" "5"

# the fourth round's shapes: an issued document's participle, 'by VERBing', an inverted source's
# apposition, a passive cue without 'by', a quotation inside a reported clause
cat >"$work/round4.txt" <<'TXT'
The ministry issued a statement on Tuesday saying the border would reopen.

The minister angered the unions by saying that the mines would close.

"The border is closed," said Paloma Reyes, legal director for the refugee council.

The strike was condemned by the European Union.

Closing the crossing would "send the wrong message," the envoy said.
TXT
expect_exit 0 "attribution: round 4" -- "$SITREP" code "$work/round4.txt"
printf '%s\n' "$out" >"$work/round4.json"
r4() { "$JSONQ" "$1" <"$work/round4.json"; }
expect_eq "attribution: issued document cue" "$(r4 attributions.0.cue.text)" \
    "issued a statement on Tuesday saying"
expect_eq "attribution: issued document source" "$(r4 attributions.0.source.text)" "The ministry"
expect_eq "attribution: by saying" "$(r4 attributions.1.source.text)" "The minister"
expect_eq "attribution: inverted apposition" "$(r4 attributions.2.source.text)" \
    "Paloma Reyes, legal director for the refugee council"
expect_eq "attribution: passive cue" "$(r4 attributions.3.cue.text)" "was condemned"
expect_eq "attribution: quotation in a clause" "$(r4 attributions.4.content.text)" \
    'Closing the crossing would "send the wrong message'

# a bad cue file stops with FILE:LINE: message
mkdir -p "$work/cuedata"
cp -r "$SITREP_DATA"/. "$work/cuedata/"
printf 'say speech+that+nosuch say says said\n' >>"$work/cuedata/cues/reporting.txt"
expect_exit 1 "attribution: bad cue file" -- env SITREP_DATA="$work/cuedata" "$SITREP" code \
    "$work/attribution.txt"
expect_match "attribution: cue diagnostic" "$err" "cues/reporting.txt:[0-9]+: unknown flag '\+nosuch'"
