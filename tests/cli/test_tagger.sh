# test_tagger.sh - `sitrep tag`, `sitrep tag --conllu`, `sitrep train-tagger` as a user runs
# them; the EWT accuracy regression check runs when ../shared/peers is present.
expect_exit 0 "tag --help" -- "$SITREP" tag --help
expect_match "tag --help mentions --conllu" "$out" "--conllu"
expect_exit 0 "train-tagger --help" -- "$SITREP" train-tagger --help
expect_match "train-tagger --help mentions --seed" "$out" "--seed"

printf 'The army said on Friday that it had destroyed two drones over the border.\n' >"$work/tag.txt"
expect_exit 0 "tag a raw article" -- "$SITREP" tag "$work/tag.txt"
expect_match "tag prints a text comment" "$out" "^# text = The army said"
expect_match "tag: the is DET/DT" "$out" "1	The	_	DET	DT	"
expect_match "tag: said is a past-tense verb" "$out" "3	said	_	VERB	VBD	"
expect_match "tag: drones is a plural noun" "$out" "drones	_	NOUN	NNS	"
expect_match "tag: final period" "$out" "	\\.	_	PUNCT	\\.	"

# --conllu: columns 4 and 5 replaced, everything else kept byte for byte.
printf '# sent_id = t1\n# text = They attacked the city.\n1\tThey\tthey\tX\tXX\tCase=Nom\t2\tnsubj\t_\t_\n2\tattacked\tattack\tX\tXX\t_\t0\troot\t_\t_\n3\tthe\tthe\tX\tXX\t_\t4\tdet\t_\t_\n4\tcity\tcity\tX\tXX\t_\t2\tobj\t_\tSpaceAfter=No\n5\t.\t.\tX\tXX\t_\t2\tpunct\t_\t_\n\n' >"$work/in.conllu"
expect_exit 0 "tag --conllu" -- "$SITREP" tag --conllu "$work/in.conllu"
expect_match "conllu: comments kept" "$out" "^# sent_id = t1"
expect_match "conllu: attacked is VERB/VBD, other columns kept" "$out" "2	attacked	attack	VERB	VBD	_	0	root	_	_"
expect_match "conllu: city NOUN/NN, misc kept" "$out" "4	city	city	NOUN	NN	_	2	obj	_	SpaceAfter=No"
expect_eq "conllu: same line count" "$(wc -l <"$work/out")" "$(wc -l <"$work/in.conllu")"
printf '1\tbroken\n' >"$work/bad.conllu"
expect_exit 1 "tag --conllu on a malformed file" -- "$SITREP" tag --conllu "$work/bad.conllu"
expect_match "malformed CoNLL-U names file and line" "$err" "bad.conllu:1: expected 10"

# A broken model is a clear error from context creation, not a crash.
mkdir -p "$work/data/models"
cp "$SITREP_DATA/sitrep-data.txt" "$work/data/"
ln -sfn "$SITREP_DATA/actors" "$work/data/actors" # -n: never a link inside an earlier link
printf 'SRTAGGER\001\000\000\000garbage' >"$work/data/models/tagger.bin"
expect_exit 1 "tag with a corrupt model" -- "$SITREP" tag --dict "$work/data" "$work/tag.txt"
expect_match "corrupt model is named" "$err" "models/tagger.bin: (truncated|corrupt)"
rm "$work/data/models/tagger.bin"
expect_exit 0 "code without a model codes without tags" -- "$SITREP" code --dict "$work/data" "$work/tag.txt"
expect_match "code without a model: warned" "$err" "warning: .*/models/tagger.bin: missing: parts of speech are not tagged"
expect_exit 1 "tag with a missing model" -- "$SITREP" tag --dict "$work/data" "$work/tag.txt"
expect_match "missing model path is named" "$err" "models/tagger.bin: no part-of-speech model"

# tag loads the tagger alone and stops after it; sentences loads nothing: a data directory
# with only the model (no actors, places, cues or verbs) is enough for them, not for code.
mkdir -p "$work/tagonly/models"
ln -s "$(cd "$SITREP_DATA" && pwd)/models/tagger.bin" "$work/tagonly/models/tagger.bin"
expect_exit 0 "tag with only the model in the data directory" -- "$SITREP" tag --dict "$work/tagonly" "$work/tag.txt"
expect_match "tag from the model alone still tags" "$out" "3	said	_	VERB	VBD	"
expect_exit 0 "sentences with an empty data directory" -- "$SITREP" sentences --dict "$work/data" "$work/tag.txt"
expect_match "sentences from an empty data directory" "$out" "The army said on Friday"
# a verbs/ folder without its CAMEO table stops code, which loads them; tag and sentences
# never read them
mkdir -p "$work/tagonly/verbs"
expect_exit 0 "tag does not load the event coder's data" -- "$SITREP" tag --dict "$work/tagonly" "$work/tag.txt"
expect_exit 0 "sentences does not load the event coder's data" -- "$SITREP" sentences --dict "$work/tagonly" "$work/tag.txt"
expect_exit 1 "code loads the event coder's data" -- "$SITREP" code --dict "$work/tagonly" "$work/tag.txt"
expect_match "code names the directory it could not use" "$err" "tagonly"

# Training is reproducible: same data and seed, same bytes.
"$SITREP" tag --conllu "$work/in.conllu" >"$work/train.conllu"
expect_exit 0 "train-tagger" -- "$SITREP" train-tagger --train "$work/train.conllu" --dev "$work/train.conllu" --out "$work/m1.bin" --epochs 3 --seed 5
expect_match "train-tagger reports dev accuracy" "$err" "dev UPOS [0-9.]+% XPOS"
"$SITREP" train-tagger --train "$work/train.conllu" --out "$work/m2.bin" --epochs 3 --seed 5 2>/dev/null
if cmp -s "$work/m1.bin" "$work/m2.bin"; then ok; else bad "train-tagger is not reproducible"; fi
expect_exit 0 "tag --conllu --model" -- "$SITREP" tag --conllu --model "$work/m1.bin" "$work/in.conllu"
# One flipped byte in a model is caught by its CRC-32 (zlib's): refused, never used.
cp "$work/m1.bin" "$work/flipped.bin"
size=$(wc -c <"$work/flipped.bin")
middle=$((size / 2))
byte=$(od -An -tu1 -j "$middle" -N1 "$work/flipped.bin" | tr -d ' ')
printf "\\$(printf '%03o' $(((byte + 1) % 256)))" |
    dd of="$work/flipped.bin" bs=1 seek="$middle" conv=notrunc 2>/dev/null
expect_exit 1 "a model with one byte changed is refused" -- "$SITREP" tag --conllu --model "$work/flipped.bin" "$work/in.conllu"
expect_match "the refusal names the checksum" "$err" "flipped.bin: .*checksum"
expect_exit 2 "train-tagger without --out" -- "$SITREP" train-tagger --train "$work/train.conllu"
# Templates left out and a feature count cut-off: a smaller model that still tags; bad lists
# are usage errors that name what was given.
expect_exit 0 "train-tagger --drop --min-count" -- "$SITREP" train-tagger --train "$work/train.conllu" --out "$work/m3.bin" --epochs 3 --seed 5 --drop s12,s17,d3 --min-count 2
if [ "$(wc -c <"$work/m3.bin")" -lt "$(wc -c <"$work/m1.bin")" ]; then ok; else bad "--drop and --min-count did not make a smaller model"; fi
expect_exit 0 "tag with a model trained with --drop" -- "$SITREP" tag --conllu --model "$work/m3.bin" "$work/in.conllu"
expect_exit 2 "train-tagger --drop with an unknown template" -- "$SITREP" train-tagger --train "$work/train.conllu" --out "$work/m4.bin" --drop s12,x3
expect_match "--drop names the bad list" "$err" "--drop wants templates like .*not 's12,x3'"
expect_exit 2 "train-tagger --drop past the last template" -- "$SITREP" train-tagger --train "$work/train.conllu" --out "$work/m4.bin" --drop d10
expect_exit 2 "train-tagger --min-count 0" -- "$SITREP" train-tagger --train "$work/train.conllu" --out "$work/m4.bin" --min-count 0
expect_match "--min-count names the value" "$err" "--min-count wants a number from 1 to 1000, not '0'"

# make tagger-model's script: usage, and a clear error when the treebank is not where it looks.
expect_exit 2 "train-tagger-model.sh without an output" -- sh "$here/../../tools/train-tagger-model.sh"
expect_match "train-tagger-model.sh prints its usage" "$err" "usage: .*OUT.bin"
expect_exit 1 "train-tagger-model.sh without the treebank" -- env PEERS="$work/none" SITREP="$SITREP" sh "$here/../../tools/train-tagger-model.sh" "$work/m.bin"
expect_match "train-tagger-model.sh names the folder it read" "$err" "not in $work/none/UD_English-EWT"
expect_eq "train-tagger-model.sh leaves no model" "$(ls "$work/m.bin" 2>/dev/null)" ""

# Accuracy regression on the EWT test split (gold tokens).
ewt="$here/../../../shared/peers/UD_English-EWT/en_ewt-ud-test.conllu"
if [ -f "$ewt" ]; then
    "$SITREP" tag --conllu "$ewt" >"$work/ewt.conllu"
    score=$(awk -f "$here/../../tools/accuracy/score_tags.awk" "$work/ewt.conllu" "$ewt")
    upos=${score%% *}
    min=${TAGGER_MIN_UPOS:-96.0}
    if [ -n "$upos" ] && awk -v u="$upos" -v min="$min" 'BEGIN { exit !(u >= min) }'; then ok; else bad "EWT test UPOS '$upos'% below $min%"; fi
else
    echo "cli: SKIP tagger accuracy: $ewt not found"
fi
