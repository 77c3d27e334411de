# sitrep - plain GNU Makefile. `make` builds build/sitrep and build/libsitrep.a.
# `make demo` and `make test` first install the Debian packages they need (tools/deps.sh).
# `make SANITIZE=address,undefined test` builds into build/san with sanitizers.

PREFIX   ?= /usr/local
CC       ?= cc
SANITIZE ?=
BUILD    := build$(if $(SANITIZE),/san)
FUZZ_SECONDS ?= 60
V        ?=
Q        := $(if $(V),,@)

# Debian packages: to build, for the dashboard, to test, to fuzz. Keep in step with DESIGN.md
# section 5. libexttextcat tells the language of an article (the `language` warning).
DEB_BUILD := pkg-config libicu-dev libcjson-dev wordnet-base libxml2-dev zlib1g-dev libsqlite3-dev \
             libpq-dev libexttextcat-dev libexttextcat-data
# The dashboard's browser libraries (tools/web-build.sh copies them into build/web/vendor) and
# python3 for the map's outlines (tools/countries-geojson.py).
DEB_WEB   := libjs-dygraphs libjs-d3 libjs-leaflet python3
# python3-jsonschema checks output against docs/output.schema.json; groff and man the man page.
DEB_TEST  := libcmocka-dev curl python3 python3-jsonschema groff-base man-db
# The PostgreSQL and Dask tests start their own server and workers (tests/cli/test_scale.sh);
# where these cannot be installed the tests say SKIP.
DEB_SCALE := postgresql python3-distributed
# The dashboard's browser test: Debian's Chromium driven by Selenium through chromedriver.
DEB_E2E   := chromium chromium-driver python3-selenium
DEB_FUZZ  := clang libclang-rt-14-dev
DEB_DEV   := clang-format
# `make accuracy` runs the real-news development set's own scorer (Python).
DEB_ACCURACY := python3
DEB_SCALING := valgrind
PKGS      := icu-uc icu-i18n libcjson libxml-2.0 zlib sqlite3 libpq libexttextcat

# Evaluated lazily (=), after `deps` has installed pkg-config and the libraries.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wwrite-strings -Wvla -Wformat=2 -Werror
OPT  ?= -O2 -g
CPPFLAGS_ALL = -std=c17 -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc \
               -DSITREP_DATADIR='"$(PREFIX)/share/sitrep"' $(PKG_CFLAGS)
CFLAGS_ALL = $(CPPFLAGS_ALL) $(WARN) $(OPT) -pthread -MMD -MP \
             $(if $(SANITIZE),-fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all)
LDFLAGS_ALL = -pthread $(if $(SANITIZE),-fsanitize=$(SANITIZE))
LIBS_ALL = $(PKG_LIBS) -lm

LIB_SRC  := $(sort $(wildcard src/*/*.c)) src/pipeline.c src/sitrep.c
CMD_SRC  := $(sort $(wildcard cmd/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CMD_OBJ  := $(CMD_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps deps-test deps-fuzz demo test test-run unit golden cli bench fuzz fuzz-build \
        format check-format install clean accuracy validate golden-update check-includes \
        parser-model tagger-model test-scaling

all: $(BUILD)/sitrep $(BUILD)/libsitrep.a compile_commands.json $(BUILD)/web/index.html

deps:
	@tools/deps.sh $(DEB_BUILD)
deps-test: deps
	@tools/deps.sh $(DEB_TEST) $(DEB_E2E) $(DEB_SCALING)
	@tools/deps.sh $(DEB_SCALE) || echo "sitrep: cannot install $(DEB_SCALE): the PostgreSQL and Dask tests will be skipped" >&2

# The dashboard `sitrep serve` serves: web/ plus dygraphs and d3 from Debian's packages.
$(BUILD)/web/index.html: $(wildcard web/*) tools/web-build.sh tools/countries-geojson.py
	@tools/web-build.sh $(BUILD)/web $(DEB_WEB)
deps-fuzz: deps
	@tools/deps.sh $(DEB_FUZZ)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/libsitrep.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/sitrep: $(CMD_OBJ) $(BUILD)/libsitrep.a
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS_ALL) -o $@ $(CMD_OBJ) $(BUILD)/libsitrep.a $(LIBS_ALL)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libsitrep.a $(wildcard tests/unit/*.h)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes $(shell pkg-config --cflags cmocka 2>/dev/null) \
	    -o $@ $< $(BUILD)/libsitrep.a $(LDFLAGS_ALL) $(LIBS_ALL) \
	    $(shell pkg-config --libs cmocka 2>/dev/null)

# The README's two commands. The demo's event store stays in the build tree (it says where).
DEMO_DB := $(BUILD)/demo.db
demo: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/sitrep code --format pretty --published 2025-03-04 examples/wire-ceasefire-talks.txt
	$(BUILD)/sitrep ingest --db $(DEMO_DB) examples && $(BUILD)/sitrep stats --db $(DEMO_DB)
	@echo "demo: the examples' events are stored in $(DEMO_DB); browse them with" \
	    "$(BUILD)/sitrep serve --db $(DEMO_DB)"

test: deps-test
	@$(MAKE) --no-print-directory test-run

# Each runner under tools/no-strays.sh: a test that leaves a process behind fails the run.
test-run: all $(UNIT_BIN) $(BUILD)/tests/jsonq $(BUILD)/tests/httpprobe $(BUILD)/bench/gen_coded \
          $(BUILD)/bench/gencorpus
	@$(MAKE) --no-print-directory check-includes
	@tools/no-strays.sh tests/run-unit.sh $(UNIT_BIN)
	@tools/no-strays.sh tests/golden/run.sh $(BUILD)/sitrep
	@JSONQ=$(BUILD)/tests/jsonq HTTPPROBE=$(BUILD)/tests/httpprobe SANITIZED=$(SANITIZE) \
	    tools/no-strays.sh tests/cli/run.sh $(BUILD)/sitrep
	@if [ -n "$(SANITIZE)" ]; then \
	    echo "scaling: SKIP under SANITIZE (valgrind cannot run a sanitized build; the plain make test runs it)"; \
	else tests/scaling/run.sh $(BUILD)/sitrep; fi

# Cost per sentence of a 5,000-sentence article against a 50-sentence one, in instructions
# (callgrind): fails at +10% or more and names the functions that grew (issue 20). Part of
# make test (not under SANITIZE: valgrind cannot run a sanitized build).
test-scaling: all
	@tools/deps.sh $(DEB_SCALING)
	@tests/scaling/run.sh $(BUILD)/sitrep

# An HTTP client that behaves well and badly (the server's tests and soak); no library.
$(BUILD)/tests/httpprobe: tests/tools/httpprobe.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< $(LDFLAGS_ALL)

$(BUILD)/tests/jsonq: tests/tools/jsonq.c $(BUILD)/libsitrep.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS_ALL) -D_GNU_SOURCE -o $@ $< $(BUILD)/libsitrep.a $(LDFLAGS_ALL) $(LIBS_ALL)

# No include or call circles, no stage that uses a later one (the order is in the script).
check-includes: $(LIB_OBJ)
	@tools/check-includes.sh . $(BUILD)/obj && echo "check-includes: stages and files in order"

# Retrains data/models/parser.bin from UD English EWT in ../shared/peers (docs/parser.md);
# the same treebank gives the same bytes (`git diff --stat data/models` shows no change).
parser-model: all
	@nice tools/train-parser-model.sh data/models/parser.bin

# Retrains data/models/tagger.bin from UD English EWT train + dev in ../shared/peers
# (docs/tagger.md); the same treebank gives the same bytes.
tagger-model: all
	@nice tools/train-tagger-model.sh data/models/tagger.bin

golden-update: all
	@UPDATE=1 tests/golden/run.sh $(BUILD)/sitrep

BENCH_TOOLS := $(BUILD)/bench/gencorpus $(BUILD)/bench/measure $(BUILD)/bench/bench_text \
               $(BUILD)/bench/bench_html $(BUILD)/bench/bench_actors \
               $(BUILD)/bench/bench_patterns $(BUILD)/bench/bench_tagger \
               $(BUILD)/bench/gen_coded $(BUILD)/tests/httpprobe $(BUILD)/bench/bench_parser

bench: deps
	@$(MAKE) --no-print-directory all $(BENCH_TOOLS)
	@bench/run.sh $(BUILD)/sitrep

$(BUILD)/bench/gencorpus: bench/gencorpus.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) -O2 -std=c17 -D_POSIX_C_SOURCE=200809L $(WARN) -o $@ $<
$(BUILD)/bench/measure: bench/measure.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) -O2 -std=c17 $(WARN) -o $@ $<
$(BUILD)/bench/%: bench/%.c $(BUILD)/libsitrep.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libsitrep.a $(LDFLAGS_ALL) $(LIBS_ALL)

ACCURACY_TOOLS := $(patsubst tools/%.c,$(BUILD)/tools/%,$(wildcard tools/*.c))

accuracy: deps
	@tools/deps.sh $(DEB_ACCURACY)
	@$(MAKE) --no-print-directory all $(ACCURACY_TOOLS)
	@tools/accuracy.sh $(BUILD)/sitrep

validate: deps
	@$(MAKE) --no-print-directory all $(BUILD)/tools/validate
	@tools/validate.sh $(BUILD)/sitrep

$(BUILD)/tools/%: tools/%.c $(BUILD)/libsitrep.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -o $@ $< $(BUILD)/libsitrep.a $(LDFLAGS_ALL) $(LIBS_ALL)

# libFuzzer targets: the library rebuilt with clang and ASan/UBSan into build/fuzz.
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=build/fuzz/obj/%.o)
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)
FUZZ_FLAGS = $(CPPFLAGS_ALL) -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
             -fno-sanitize-recover=all -pthread -MMD -MP

build/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_FLAGS) -c $< -o $@

# The library's objects are kept between targets (not removed as intermediate files).
.SECONDARY: $(FUZZ_LIB_OBJ)

build/fuzz/%: fuzz/%.c $(FUZZ_LIB_OBJ)
	@mkdir -p $(dir $@)
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB_OBJ) $(LIBS_ALL)

fuzz-build: deps-fuzz
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

fuzz: fuzz-build
	@for f in $(FUZZ_BIN); do \
	    name=$$(basename $$f); mkdir -p build/fuzz/corpus/$$name; \
	    echo "fuzz: $$name for $(FUZZ_SECONDS)s"; \
	    $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	        -artifact_prefix=build/fuzz/ build/fuzz/corpus/$$name fuzz/corpus/$$name \
	        2>build/fuzz/$$name.log || { tail -40 build/fuzz/$$name.log; exit 1; }; \
	    tail -1 build/fuzz/$$name.log; \
	done

FORMAT_FILES = $(shell git ls-files '*.c' '*.h' 2>/dev/null)
format:
	clang-format -i $(FORMAT_FILES)
check-format:
	@tools/deps.sh $(DEB_DEV)
	clang-format --dry-run --Werror $(FORMAT_FILES)

compile_commands.json: Makefile
	@{ echo '['; first=1; for f in $(LIB_SRC) $(CMD_SRC); do \
	    [ $$first = 1 ] || echo ','; first=0; \
	    printf '{"directory":"%s","file":"%s","command":"%s %s -c %s"}' \
	        "$(CURDIR)" "$$f" "$(CC)" "$$(echo '$(CPPFLAGS_ALL) $(WARN)' | sed 's/"/\\"/g')" "$$f"; \
	done; echo; echo ']'; } > $@

# The program, its data and dashboard, the man page and bash completion.
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/sitrep \
	    $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 755 $(BUILD)/sitrep $(DESTDIR)$(PREFIX)/bin/sitrep
	install -m 644 sitrep.1 $(DESTDIR)$(PREFIX)/share/man/man1/sitrep.1
	install -m 644 completion/sitrep.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/sitrep
	cp -R data/. $(DESTDIR)$(PREFIX)/share/sitrep/
	cp -R $(BUILD)/web $(DESTDIR)$(PREFIX)/share/sitrep/

clean:
	rm -rf build compile_commands.json

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d) $(FUZZ_LIB_OBJ:.o=.d)
