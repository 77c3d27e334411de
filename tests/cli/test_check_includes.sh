# test_check_includes.sh - tools/check-includes.sh (run by `make test` on the real tree) fails
# on an include that goes up the pipeline, an include circle, a folder that is no stage, and a
# circle of calls between object files; it passes a small clean tree.
# Sourced by tests/cli/run.sh ($work and the expect_* helpers are set).
check=$here/../../tools/check-includes.sh
tree=$work/includes
mkdir -p "$tree/src/base" "$tree/src/text" "$tree/src/events" "$tree/include" "$tree/cmd"
printf '#include "sitrep.h"\n' >"$tree/src/base/base.h"
printf '/* public */\n' >"$tree/include/sitrep.h"
printf '#include "../base/base.h"\n' >"$tree/src/text/text.h"
printf '#include "text.h"\nint text_one(void);\nint text_one(void) { return 1; }\n' \
    >"$tree/src/text/text.c"
printf '#include "../text/text.h"\n' >"$tree/src/events/events.h"
printf '#include "events.h"\n' >"$tree/src/events/events.c"
printf '#include "events/events.h"\n#include "text/text.h"\n' >"$tree/cmd/main.c"
expect_exit 0 "check-includes: a clean tree" -- "$check" "$tree"

# a stage that includes a later one
cp "$tree/src/text/text.c" "$work/text.c.good"
printf '#include "../events/events.h"\n' >>"$tree/src/text/text.c"
expect_exit 1 "check-includes: an upward include" -- "$check" "$tree"
expect_match "check-includes: names the upward include" "$err" \
    "src/text/text.c includes src/events/events.h: text/ may use base/ and earlier stages only"
cp "$work/text.c.good" "$tree/src/text/text.c"

# two headers of one stage that include each other
printf '#include "b.h"\n' >"$tree/src/text/a.h"
printf '#include "a.h"\n' >"$tree/src/text/b.h"
expect_exit 1 "check-includes: an include circle" -- "$check" "$tree"
expect_match "check-includes: names the circle" "$err" "circle of includes between files: .*src/text/a.h"
rm "$tree/src/text/a.h" "$tree/src/text/b.h"

# a folder that is not in the stage order, and a name that is nowhere
mkdir -p "$tree/src/misc"
printf '#include "../base/base.h"\n#include "nowhere.h"\n' >"$tree/src/misc/misc.c"
expect_exit 1 "check-includes: an unknown folder" -- "$check" "$tree"
expect_match "check-includes: names the folder" "$err" "src/misc/ is not a stage"
expect_match "check-includes: names the missing header" "$err" "src/misc/misc.c:2: cannot find \"nowhere.h\""
rm -r "$tree/src/misc"
expect_exit 0 "check-includes: clean again" -- "$check" "$tree"

# calls: two files of one stage that call each other, and a stage that calls a later one
if command -v cc >/dev/null 2>&1; then
    printf '#include "text.h"\nint text_two(void);\nint text_one(void);\nint text_one(void) { return text_two(); }\n' \
        >"$tree/src/text/text.c"
    printf '#include "text.h"\nint text_one(void);\nint text_two(void);\nint text_two(void) { return text_one(); }\n' \
        >"$tree/src/text/more.c"
    mkdir -p "$tree/obj/src/text" "$tree/obj/src/events"
    cc -I"$tree/include" -c -o "$tree/obj/src/text/text.o" "$tree/src/text/text.c" &&
        cc -I"$tree/include" -c -o "$tree/obj/src/text/more.o" "$tree/src/text/more.c"
    expect_exit 1 "check-includes: a circle of calls" -- "$check" "$tree" "$tree/obj"
    expect_match "check-includes: names the calls" "$err" "circle of calls between files: .*src/text/"
    printf '#include "text.h"\nint events_one(void);\nint text_two(void);\nint text_two(void) { return events_one(); }\n' \
        >"$tree/src/text/more.c"
    printf '#include "events.h"\nint events_one(void);\nint events_one(void) { return 1; }\n' \
        >"$tree/src/events/events.c"
    cc -I"$tree/include" -c -o "$tree/obj/src/text/more.o" "$tree/src/text/more.c" &&
        cc -I"$tree/include" -c -o "$tree/obj/src/events/events.o" "$tree/src/events/events.c"
    cp "$work/text.c.good" "$tree/src/text/text.c"
    cc -I"$tree/include" -c -o "$tree/obj/src/text/text.o" "$tree/src/text/text.c"
    expect_exit 1 "check-includes: a call up the pipeline" -- "$check" "$tree" "$tree/obj"
    expect_match "check-includes: names the call" "$err" "src/text/more.c calls src/events/events.c"
fi
