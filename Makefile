# ibid -- SQLite extension for research texts. `make help` lists the targets.

VERSION := $(shell cat VERSION)
PACKAGES := libsqlite3-dev sqlite3 libicu-dev libxml2-dev libpoppler-glib-dev pkg-config python3 gcc make
# What the tests use beyond the build: bibutils, citeproc, pandoc, biber and
# citation-js (npm, into build/npm) check the exports, graphviz renders the
# citation graph, sqlite-utils is a second client, chromium opens `ibid report`,
# python3-distributed (Dask) runs the distributed load (tools/ibid_dask.py).
TEST_PACKAGES := bibutils python3-citeproc citation-style-language-styles graphviz sqlite-utils \
                 pandoc biber chromium nodejs npm python3-distributed
FUZZ_PACKAGES := clang
PKG_MODULES := icu-uc icu-i18n sqlite3 libxml-2.0
# PDF support (poppler is GPL) is built in only when pkg-config finds poppler-glib;
# its GLib headers are included as system headers so -Werror judges only ours.
POPPLER := $(shell pkg-config --exists poppler-glib 2>/dev/null && echo yes)
ifeq ($(POPPLER),yes)
POPPLER_CFLAGS := -DIBID_HAVE_POPPLER $(patsubst -I%,-isystem %,$(shell pkg-config --cflags poppler-glib))
POPPLER_LIBS := $(shell pkg-config --libs poppler-glib)
endif

CC ?= cc
PYTHON ?= /usr/bin/python3
SQLITE3 ?= sqlite3
FUZZ_SECONDS ?= 20
# Longest input libFuzzer makes (-max_len). Long runs can reach the slow
# cases with more: make fuzz FUZZ_MAX_LEN=4194304 FUZZ_SECONDS=600.
# fuzz_growth expands its inputs by repetition to megabytes whatever this is.
FUZZ_MAX_LEN ?= 65536
FUZZ_TIMEOUT ?= 10
FUZZ_RSS_MB ?= 2048

PKG_CFLAGS := $(patsubst -I%,-isystem %,$(shell pkg-config --cflags $(PKG_MODULES) 2>/dev/null)) $(POPPLER_CFLAGS)
PKG_LIBS := $(shell pkg-config --libs icu-uc icu-i18n libxml-2.0 2>/dev/null) $(POPPLER_LIBS)
WARNINGS := -Wall -Wextra -Werror -Wsign-compare -Wshadow -Wstrict-prototypes
CFLAGS ?= -O2 -g
# ext/ is grouped by layer (core, format, text, citations, references,
# findings, corpus); every layer folder is on the include path.
EXT_DIRS := $(sort $(dir $(wildcard ext/*/*.c ext/*/*.h)))
EXT_INCLUDES := -Iext $(patsubst %/,-I%,$(EXT_DIRS))
ALL_CFLAGS := -std=c11 -D_DEFAULT_SOURCE -fvisibility=hidden $(WARNINGS) $(CFLAGS) -fPIC $(EXT_INCLUDES) -Iinclude -Ibuild \
              -DIBID_VERSION='"$(VERSION)"' $(PKG_CFLAGS)
# The soname lets ldconfig list the library as ibid.so, so `.load ibid` finds it once installed.
LDFLAGS_SO := -shared -Wl,-soname,ibid.so -Wl,-z,now -Wl,-z,relro -Wl,-z,nodelete

SQL_SOURCES := ext/ibid.c $(wildcard ext/*/sql_*.c)
PURE_SOURCES := $(filter-out $(SQL_SOURCES),$(wildcard ext/*/*.c))
HEADERS := $(wildcard ext/*/*.h include/*.h) build/schema_sql.h build/ingest_sql.h
OBJ_DIR ?= build/obj
SQL_OBJECTS := $(patsubst ext/%.c,$(OBJ_DIR)/%.o,$(SQL_SOURCES))
PURE_OBJECTS := $(patsubst ext/%.c,$(OBJ_DIR)/%.o,$(PURE_SOURCES))
TEST_SUPPORT := tests/support/memory_libc.c
UNIT_TESTS := $(patsubst tests/unit/%.c,build/%,$(wildcard tests/unit/test_*.c))
BENCHES := $(patsubst bench/%.c,build/%,$(wildcard bench/bench_*.c))
FUZZERS := $(patsubst fuzz/%.c,build/%,$(wildcard fuzz/fuzz_*.c))

.SECONDARY:
.PHONY: install uninstall cli all help deps check-deps check-test-deps check-demo-deps test unit sanitize fuzz bench demo model format clean

all: check-deps
	@$(MAKE) --no-print-directory ibid.so build/ibid

help:
	@echo "make            build ibid.so"
	@echo "make demo       build, load tests/corpus/ into icc.db, print a tour"
	@echo "make test       build and run every test (ends with 'N passed, N failed')"
	@echo "make deps       install the Debian packages it needs (as root)"
	@echo "make sanitize   the whole suite under ASan+UBSan"
	@echo "make fuzz       build the libFuzzer targets and run each FUZZ_SECONDS (default 20);"
	@echo "                FUZZ_MAX_LEN (default 65536), FUZZ_TIMEOUT, FUZZ_RSS_MB for long runs"
	@echo "make bench      throughput of every extractor (MB/s), corpus ingest vs floor, 1 vs all cores, views"
	@echo "make install   ibid.so, the ibid command, scripts, docs, man page, ibid.pc under PREFIX (/usr/local)"
	@echo "make uninstall removes what make install put there"
	@echo "make model      retrain the reference parser (AnyStyle core.xml + GROBID citation corpus)"

deps:
	@if [ "$$(id -u)" != 0 ]; then echo "make deps: run as root, or: sudo apt-get install -y $(PACKAGES) $(TEST_PACKAGES) $(FUZZ_PACKAGES)"; exit 1; fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PACKAGES) $(TEST_PACKAGES) $(FUZZ_PACKAGES)

# Checks the packages a build and the tests need. As root it installs what is
# missing (so `make demo` works on a fresh Debian 12 machine); otherwise it
# fails early naming the exact packages, instead of a wall of compiler errors.
check-deps:
	@missing=""; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	command -v cc >/dev/null || missing="$$missing gcc"; \
	command -v sqlite3 >/dev/null || missing="$$missing sqlite3"; \
	test -x /usr/bin/python3 || missing="$$missing python3"; \
	pkg-config --exists icu-uc icu-i18n 2>/dev/null || missing="$$missing libicu-dev"; \
	pkg-config --exists sqlite3 2>/dev/null || missing="$$missing libsqlite3-dev"; \
	pkg-config --exists libxml-2.0 2>/dev/null || missing="$$missing libxml2-dev"; \
	optional=""; pkg-config --exists poppler-glib 2>/dev/null || optional="libpoppler-glib-dev"; \
	$(INSTALL_MISSING)

# The same for what `make test` uses beyond the build.
check-test-deps:
	@missing=""; optional=""; \
	command -v bib2xml >/dev/null || missing="$$missing bibutils"; \
	/usr/bin/python3 -c 'import citeproc' 2>/dev/null || missing="$$missing python3-citeproc"; \
	test -d /usr/share/citation-style-language/styles || missing="$$missing citation-style-language-styles"; \
	command -v dot >/dev/null || missing="$$missing graphviz"; \
	command -v sqlite-utils >/dev/null || missing="$$missing sqlite-utils"; \
	command -v pandoc >/dev/null || missing="$$missing pandoc"; \
	command -v biber >/dev/null || missing="$$missing biber"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v node >/dev/null || missing="$$missing nodejs"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	/usr/bin/python3 -c 'import distributed' 2>/dev/null || missing="$$missing python3-distributed"; \
	$(INSTALL_MISSING)

# Installs $$missing (required) and $$optional as root; otherwise fails naming
# the required packages, and only mentions the optional ones (PDF support).
INSTALL_MISSING = \
	if [ -n "$$missing$$optional" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "ibid: installing$$missing $$optional"; apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing $$optional >/dev/null || exit 1; \
	elif [ -n "$$missing" ]; then \
	  echo "ibid: missing packages:$$missing -- run 'make deps' as root, or: sudo apt-get install -y$$missing $$optional"; exit 1; \
	elif [ -n "$$optional" ]; then \
	  echo "ibid: building without PDF support; for it: sudo apt-get install -y $$optional"; \
	fi

build/schema_sql.h: sql/schema.sql
	@mkdir -p build
	{ echo "/* Generated from sql/schema.sql by make; edit that file. */"; echo "static const char ibid_schema_sql[] ="; sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/  "/' -e 's/$$/\\n"/' $<; echo ";"; } > $@
build/ingest_sql.h: sql/ingest.sql
	@mkdir -p build
	{ echo "/* Generated from sql/ingest.sql by make; edit that file. */"; echo "static const char ibid_ingest_sql[] ="; sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/  "/' -e 's/$$/\\n"/' $<; echo ";"; } > $@

# sql/merge.sql, compiled into the ibid command (`ibid load -j N` merges with it).
build/merge_sql.h: sql/merge.sql
	@mkdir -p build
	{ echo "/* Generated from sql/merge.sql by make; edit that file. */"; echo "static const char ibid_merge_sql[] ="; sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/  "/' -e 's/$$/\\n"/' $<; echo ";"; } > $@

# Every header is a dependency of every object: simple, and a full rebuild is seconds.
$(OBJ_DIR)/%.o: ext/%.c $(HEADERS) VERSION
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

ibid.so: $(SQL_OBJECTS) $(PURE_OBJECTS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_SO) -o $@ $(SQL_OBJECTS) $(PURE_OBJECTS) $(PKG_LIBS)

# The ibid command: the extension linked in (sqlite3_auto_extension), so it
# needs no installed ibid.so; `ibid sql` hands the shell the extension file.
build/ibid: $(wildcard cli/*.c cli/*.h) $(SQL_OBJECTS) $(PURE_OBJECTS) $(HEADERS) build/merge_sql.h
	@mkdir -p build
	$(CC) $(ALL_CFLAGS) -Icli -o $@ $(wildcard cli/*.c) $(SQL_OBJECTS) $(PURE_OBJECTS) \
	  $(shell pkg-config --libs sqlite3 2>/dev/null) $(PKG_LIBS)

# make install [PREFIX=/usr/local] [DESTDIR=]: the library as $(PREFIX)/lib/libibid.so
# with the link ibid.so (its soname: ldconfig lists it under that name, which is what
# `.load ibid` and load_extension('ibid') ask the loader for), the command, the
# scripts and docs under share/, the man page, the header and ibid.pc. ldconfig
# runs when installing for this machine (no DESTDIR).
PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INSTALL ?= install
install: all
	$(INSTALL) -d $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/share/ibid/sql $(DESTDIR)$(PREFIX)/share/doc/ibid $(DESTDIR)$(PREFIX)/share/man/man1
	$(INSTALL) -m 755 ibid.so $(DESTDIR)$(LIBDIR)/libibid.so
	ln -sf libibid.so $(DESTDIR)$(LIBDIR)/ibid.so
	$(INSTALL) -m 755 build/ibid $(DESTDIR)$(PREFIX)/bin/ibid
	$(INSTALL) -m 644 include/ibid.h $(DESTDIR)$(PREFIX)/include/ibid.h
	$(INSTALL) -m 644 sql/*.sql $(DESTDIR)$(PREFIX)/share/ibid/sql/
	$(INSTALL) -m 644 README.md docs/*.md $(DESTDIR)$(PREFIX)/share/doc/ibid/
	$(INSTALL) -m 644 docs/ibid.1 $(DESTDIR)$(PREFIX)/share/man/man1/ibid.1
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@VERSION@|$(VERSION)|' \
	  ibid.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/ibid.pc
	@if [ -z "$(DESTDIR)" ] && command -v ldconfig >/dev/null && [ "$$(id -u)" = 0 ]; then ldconfig; fi
	@echo "installed: sqlite3 -cmd '.load ibid' works in any folder; ibid --help"

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/libibid.so $(DESTDIR)$(LIBDIR)/ibid.so $(DESTDIR)$(PREFIX)/bin/ibid \
	  $(DESTDIR)$(PREFIX)/include/ibid.h $(DESTDIR)$(LIBDIR)/pkgconfig/ibid.pc \
	  $(DESTDIR)$(PREFIX)/share/man/man1/ibid.1
	rm -rf $(DESTDIR)$(PREFIX)/share/ibid $(DESTDIR)$(PREFIX)/share/doc/ibid
	@if [ -z "$(DESTDIR)" ] && command -v ldconfig >/dev/null && [ "$$(id -u)" = 0 ]; then ldconfig; fi

build/test_%: tests/unit/test_%.c $(PURE_OBJECTS) $(TEST_SUPPORT) $(HEADERS)
	@mkdir -p build
	$(CC) $(ALL_CFLAGS) -Itests/support -o $@ $< $(PURE_OBJECTS) $(TEST_SUPPORT) $(PKG_LIBS)

build/bench_%: bench/bench_%.c bench/bench.h $(PURE_SOURCES) $(TEST_SUPPORT) $(HEADERS)
	@mkdir -p build
	$(CC) $(ALL_CFLAGS) -O2 -DNDEBUG -Ibench -o $@ $< $(PURE_SOURCES) $(TEST_SUPPORT) $(PKG_LIBS)

FUZZ_CFLAGS := -std=c11 -D_DEFAULT_SOURCE -g -O1 -fsanitize=fuzzer-no-link,address,undefined \
               -fno-sanitize-recover=undefined $(EXT_INCLUDES) -Iinclude -Ibuild $(PKG_CFLAGS)
FUZZ_OBJECTS := $(patsubst ext/%.c,build/fuzz/obj/%.o,$(PURE_SOURCES)) build/fuzz/obj/memory_libc.o

build/fuzz/obj/%.o: ext/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -c -o $@ $<

build/fuzz/obj/memory_libc.o: $(TEST_SUPPORT) ext/core/memory.h
	@mkdir -p build/fuzz/obj
	clang $(FUZZ_CFLAGS) -c -o $@ $<

build/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_document.h $(FUZZ_OBJECTS) $(HEADERS)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJECTS) $(PKG_LIBS)

unit: $(UNIT_TESTS)

# Recursive makes after `all`: on a fresh machine `all` may have just installed
# ICU and SQLite, and the flags from pkg-config must be read again.
test: all check-test-deps
	@$(MAKE) --no-print-directory unit
	$(PYTHON) tests/run.py

# The whole suite against an ASan+UBSan build of the extension and the unit tests.
ASAN_LIB = $(shell $(CC) -print-file-name=libasan.so)
SANITIZE_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
sanitize: all build/schema_sql.h build/ingest_sql.h
	$(MAKE) --no-print-directory build/asan/ibid.so $(patsubst build/%,build/asan/%,$(UNIT_TESTS)) \
	  OBJ_DIR=build/asan/obj CFLAGS="$(SANITIZE_FLAGS)"
	IBID_SANITIZE=$(ASAN_LIB) IBID_EXTENSION=./build/asan/ibid IBID_UNIT_DIR=build/asan $(PYTHON) tests/run.py

build/asan/ibid.so: $(SQL_OBJECTS) $(PURE_OBJECTS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_SO) -o $@ $(SQL_OBJECTS) $(PURE_OBJECTS) $(PKG_LIBS)

build/asan/test_%: tests/unit/test_%.c $(PURE_OBJECTS) $(TEST_SUPPORT) $(HEADERS)
	$(CC) $(ALL_CFLAGS) -Itests/support -o $@ $< $(PURE_OBJECTS) $(TEST_SUPPORT) $(PKG_LIBS)

fuzz: all
	@command -v clang >/dev/null || { echo "make fuzz needs clang: apt-get install -y clang"; exit 1; }
	@$(MAKE) --no-print-directory $(FUZZERS)
	@for f in $(FUZZERS); do echo "== $$f ($(FUZZ_SECONDS)s)"; \
	  mkdir -p build/corpus-$$(basename $$f); \
	  case $$f in *html) seeds=tests/formats/html;; *xml) seeds="tests/formats/jats tests/formats/tei";; \
	    *pdf) seeds=tests/formats/pdf;; *growth) seeds="tests/formats/html tests/formats/jats";; *convert|*interrupt) seeds="tests/formats/html tests/formats/jats tests/formats/tei tests/formats/pdf";; \
	    *) seeds=;; esac; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) -timeout=$(FUZZ_TIMEOUT) \
	      -rss_limit_mb=$(FUZZ_RSS_MB) -malloc_limit_mb=$(FUZZ_RSS_MB) \
	      build/corpus-$$(basename $$f) tests/corpus $$seeds > build/$$(basename $$f).log 2>&1 \
	    || { tail -40 build/$$(basename $$f).log; exit 1; }; \
	  grep -E '^#[0-9]+.*DONE|Done [0-9]+ runs' build/$$(basename $$f).log | tail -1; done

bench: all
	@$(MAKE) --no-print-directory $(BENCHES)
	@for b in $(BENCHES); do $$b tests/corpus; done
	$(PYTHON) bench/ingest.py
	$(PYTHON) bench/linearity.py
	$(PYTHON) bench/memory.py
	$(PYTHON) bench/views.py

# Retrains the reference-parser model (ext/references/refmodel_weights.c) from AnyStyle's
# core.xml, four fifths of AnyStyle's good.xml (all but references 2, 7, 12, ...) and GROBID's
# citation/corpus/, leaving out every string that also occurs in GROBID's
# citation/evaluation/ (all of them do) or in the fifth of good.xml kept aside
# (build/good_heldout.xml, which tests/py/test_refparse.py scores), so both stay fair
# test sets. core.xml is read three times: its humanities and social-science styles weigh
# as much as GROBID's mostly physics and biomedicine (reading GROBID's corpus twice scores
# the same on the public sets but worse on the sample corpus's notes). The learned word
# classes (ext/references/refmodel_lexicon.c: the field each frequent training word mostly
# belongs to) are counted first, and the trainer rebuilt with them, as the features use
# them. Deterministic: same input, same bytes. ext/references/model/dev_split.sh trains
# and scores on a development fifth of the training part instead.
ANYSTYLE ?= ../shared/eval/anystyle
GROBID ?= ../shared/eval/grobid
model:
	@mkdir -p build
	$(CC) -std=c11 -D_DEFAULT_SOURCE -O2 $(EXT_INCLUDES) -o build/train_refmodel ext/references/model/train_refmodel.c ext/references/reftokens.c ext/references/refmodel_lexicon.c tests/support/memory_libc.c -lm
	$(PYTHON) ext/references/model/grobid_to_anystyle.py $(GROBID)/citation/corpus > build/grobid_corpus.xml
	$(PYTHON) ext/references/model/grobid_to_anystyle.py $(GROBID)/citation/evaluation > build/grobid_evaluation.xml
	$(PYTHON) ext/references/model/split_anystyle.py $(ANYSTYLE)/good.xml 2 5 --train > build/good_train.xml
	$(PYTHON) ext/references/model/split_anystyle.py $(ANYSTYLE)/good.xml 2 5 --held-out > build/good_heldout.xml
	$(PYTHON) ext/references/model/anystyle_to_training.py $(ANYSTYLE)/core.xml $(ANYSTYLE)/core.xml \
	  $(ANYSTYLE)/core.xml build/grobid_corpus.xml build/good_train.xml \
	  --exclude build/grobid_evaluation.xml --exclude build/good_heldout.xml > build/refmodel_train.txt
	build/train_refmodel --lexicon build/refmodel_train.txt ext/references/refmodel_lexicon.c
	$(CC) -std=c11 -D_DEFAULT_SOURCE -O2 $(EXT_INCLUDES) -o build/train_refmodel ext/references/model/train_refmodel.c ext/references/reftokens.c ext/references/refmodel_lexicon.c tests/support/memory_libc.c -lm
	build/train_refmodel build/refmodel_train.txt 25 ext/references/refmodel_weights.c

# The tour, then the citation graph of the works cited at least twice, drawn by dot.
demo: all check-demo-deps
	rm -f icc.db citations.dot citations.svg
	$(SQLITE3) icc.db < sql/demo.sql
	$(SQLITE3) -cmd '.parameter set @minimum 2' icc.db < sql/graph.sql > citations.dot
	dot -Tsvg citations.dot -o citations.svg
	@echo "Citation graph (works cited at least twice): $(CURDIR)/citations.svg"

check-demo-deps:
	@missing=""; optional=""; command -v dot >/dev/null || missing="$$missing graphviz"; \
	$(INSTALL_MISSING)

format:
	clang-format -i $(filter-out ext/references/refmodel_weights.c,$(wildcard ext/*.c ext/*/*.c)) ext/*/*.h include/*.h \
	  tests/unit/*.c bench/*.c bench/*.h fuzz/*.c fuzz/*.h

clean:
	rm -rf build report ibid.so icc.db citations.dot citations.svg bibliography.json bibliography.bib bibliography.ris
