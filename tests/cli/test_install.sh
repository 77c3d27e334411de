# test_install.sh - the binary finds its data: $SITREP_DATA, the source tree, or an install
# prefix's share/sitrep; without any of them it fails with a clear message.
# Sourced by tests/cli/run.sh.
prefix=$work/prefix
mkdir -p "$prefix/bin" "$prefix/share/sitrep"
cp "$SITREP" "$prefix/bin/sitrep"
cp -R "$here/../../data/." "$prefix/share/sitrep/"
expect_exit 0 "installed binary finds PREFIX/share/sitrep" -- \
    env -u SITREP_DATA "$prefix/bin/sitrep" code "$here/../../examples/batch.jsonl"
lonely=$work/lonely
mkdir -p "$lonely/bin"
cp "$SITREP" "$lonely/bin/sitrep"
if [ ! -e /usr/local/share/sitrep ]; then
    expect_exit 1 "no data directory anywhere" -- \
        env -u SITREP_DATA "$lonely/bin/sitrep" code "$here/../../examples/batch.jsonl"
    expect_match "no data directory: message" "$err" "cannot find the data directory"
else
    echo "cli: SKIP no-data-directory check: /usr/local/share/sitrep exists on this machine"
fi
expect_exit 0 "SITREP_DATA is honoured" -- \
    env SITREP_DATA="$prefix/share/sitrep" "$lonely/bin/sitrep" code "$here/../../examples/batch.jsonl"
expect_exit 1 "SITREP_DATA pointing nowhere" -- \
    env SITREP_DATA="$work/nowhere" "$lonely/bin/sitrep" code "$here/../../examples/batch.jsonl"
expect_exit 0 "--dict overrides" -- \
    env -u SITREP_DATA "$lonely/bin/sitrep" code --dict "$prefix/share/sitrep" "$here/../../examples/batch.jsonl"
expect_exit 1 "--dict pointing nowhere" -- "$SITREP" code --dict "$work/nowhere" "$here/../../examples/batch.jsonl"
expect_match "--dict pointing nowhere: message" "$err" "nowhere: data directory not found"

# make install puts the man page and the bash completion where man and bash-completion look
install_lines=$(make -s -C "$here/../.." -n install DESTDIR="$work/dest" PREFIX=/usr/local 2>/dev/null)
expect_match "make install: the man page" "$install_lines" "install -m 644 sitrep.1 $work/dest/usr/local/share/man/man1/sitrep.1"
expect_match "make install: the completion" "$install_lines" "install -m 644 completion/sitrep.bash $work/dest/usr/local/share/bash-completion/completions/sitrep"
