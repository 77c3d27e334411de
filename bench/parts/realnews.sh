#!/bin/sh
# realnews.sh - sitrep on real news against a pinned earlier build, in the same run: the 1,012
# PolNeAR articles (../shared/peers/PolNeAR/data/*/text, 36,600 sentences, tens of thousands of
# word types, unlike the generated corpus) coded with --jobs 1 and --jobs 2 by both builds,
# alternating, median of 3 (bench/compare.sh). The reference is BENCH_REF (default 505db2c,
# the commit issue 20 measures against), built once under build/ref/.
here=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${ROUNDS:-3} sh "$here/compare.sh" "${BENCH_REF:-505db2c}" "$SITREP"
