# newsclean - plain GNU make. `make`, `make check`, `make install`,
# `make eval`, `make demo`, `make bench`; see README.md.

PREFIX     ?= /usr/local
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
DESTDIR    ?=

VERSION    := 0.1.0
SOVERSION  := 0
CC         ?= cc
PYTHON     ?= /usr/bin/python3
SHARED     ?= ../shared

DEPS       := libxml-2.0 icu-uc icu-i18n zlib
DEP_CFLAGS := $(shell pkg-config --cflags $(DEPS) 2>/dev/null)
DEP_LIBS   := $(shell pkg-config --libs $(DEPS) 2>/dev/null) -lpthread -lm
CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null)

OPT        ?= -O2 -g
WARN       := -Wall -Wextra -Wpedantic -Werror
CFLAGS     ?=
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L $(OPT) $(WARN) -fPIC \
              -fvisibility=hidden -Iinclude -Ilib $(DEP_CFLAGS) $(CFLAGS)
LDFLAGS    ?=

B          := build
LIB_SRC    := $(wildcard lib/*.c lib/*/*.c lib/*/*/*.c)
LIB_HDR    := $(wildcard include/*.h lib/*.h lib/*/*.h lib/*/*/*.h)
LIB_OBJ    := $(LIB_SRC:%.c=$(B)/%.o)
SO_NAME    := libnewsclean.so.$(SOVERSION)
SO_FILE    := $(B)/libnewsclean.so.$(VERSION)
A_FILE     := $(B)/libnewsclean.a
PC_FILE    := $(B)/libnewsclean.pc
CLI        := $(B)/newsclean
TEST_SRC   := $(wildcard tests/check_*.c)
TEST_BIN   := $(TEST_SRC:tests/%.c=$(B)/tests/%)
TEST_COMMON := $(wildcard tests/testutil.c)

all:

.PHONY: all check check-unit demo eval install uninstall clean deps

all: $(SO_FILE) $(B)/libnewsclean.so $(A_FILE) $(PC_FILE) $(CLI)

$(B)/%.o: %.c $(LIB_HDR) | $(B)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(B):
	@mkdir -p $(B)

$(SO_FILE): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,$(SO_NAME) -o $@ $(LIB_OBJ) $(LDFLAGS) $(DEP_LIBS)
	ln -sf libnewsclean.so.$(VERSION) $(B)/$(SO_NAME)

$(B)/libnewsclean.so: $(SO_FILE)
	ln -sf libnewsclean.so.$(VERSION) $@

$(A_FILE): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

# newsclean.pc's lines; `make install` writes them again, so the file names
# the PREFIX given to install, not the one of the first build.
PC_LINES = 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
	  'Name: newsclean' 'Description: Clean body paragraphs from scraped news pages' \
	  'Version: $(VERSION)' 'Requires.private: $(DEPS)' \
	  'Libs: -L$${libdir} -lnewsclean' 'Libs.private: -lpthread -lm' \
	  'Cflags: -I$${includedir}'

$(PC_FILE): Makefile
	@mkdir -p $(B)
	printf '%s\n' $(PC_LINES) > $@

# The CLI links the static library: it runs from the build tree as it is.
CLI_SRC    := $(wildcard cli/*.c)
$(CLI): $(CLI_SRC) $(wildcard cli/*.h) $(A_FILE)
	$(CC) $(ALL_CFLAGS) -Icli -o $@ $(CLI_SRC) $(A_FILE) $(LDFLAGS) $(DEP_LIBS)

$(B)/tests/%: tests/%.c $(TEST_COMMON) $(A_FILE) $(wildcard tests/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Wno-gnu-zero-variadic-macro-arguments -Itests -o $@ $< $(TEST_COMMON) $(A_FILE) $(LDFLAGS) $(DEP_LIBS) $(CHECK_LIBS)

# Installs the apt packages a fresh Debian 12 machine lacks (as root).
deps:
	@sh tools/install-deps.sh

# `check` runs the Check suites (check-unit); files in mk/ add their own
# targets as prerequisites of check (CLI, Python, install tests, ...).
check: check-unit
	@echo "make check: all suites passed"

# Every suite runs even when one fails, so one red suite hides no other.
check-unit: deps all $(TEST_BIN)
	@failed=""; for t in $(TEST_BIN); do echo "== $$t"; \
	  CK_FORK=yes $$t || failed="$$failed $$t"; done; \
	  if [ -n "$$failed" ]; then echo "FAILED:$$failed"; exit 1; fi

demo: deps all
	./$(CLI) tests/data/seed/text-lines/sputnik-cyber-unit.txt

DATA ?= tests/data
eval: all
	@set -e; for s in $(DATA)/*/; do \
	  if [ -f $$s/manifest.tsv ]; then \
	    for f in text-lines text-lynx html; do \
	      if [ -d $$s/$$f ]; then $(PYTHON) tools/eval.py --set $$s --form $$f --cli ./$(CLI); fi; \
	    done; \
	    if [ -d $$s/gold-md ]; then $(PYTHON) tools/eval_md.py --set $$s --cli ./$(CLI); fi; \
	  fi; \
	  if [ -f $$s/meta.tsv ]; then \
	    for f in html text-lines; do \
	      if [ -d $$s/$$f ]; then $(PYTHON) tools/eval.py --meta --set $$s --form $$f --cli ./$(CLI); fi; \
	    done; \
	  fi; done

install: all
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(BINDIR)
	install -m 644 include/newsclean.h $(DESTDIR)$(INCLUDEDIR)/newsclean.h
	install -m 755 $(SO_FILE) $(DESTDIR)$(LIBDIR)/libnewsclean.so.$(VERSION)
	ln -sf libnewsclean.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SO_NAME)
	ln -sf libnewsclean.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libnewsclean.so
	install -m 644 $(A_FILE) $(DESTDIR)$(LIBDIR)/libnewsclean.a
	printf '%s\n' $(PC_LINES) > $(DESTDIR)$(PKGCONFIGDIR)/newsclean.pc
	install -m 755 $(CLI) $(DESTDIR)$(BINDIR)/newsclean
	install -d $(DESTDIR)$(MANDIR)/man1
	install -m 644 docs/newsclean.1 $(DESTDIR)$(MANDIR)/man1/newsclean.1

uninstall:
	rm -f $(DESTDIR)$(INCLUDEDIR)/newsclean.h $(DESTDIR)$(LIBDIR)/libnewsclean.so* \
	  $(DESTDIR)$(LIBDIR)/libnewsclean.a $(DESTDIR)$(PKGCONFIGDIR)/newsclean.pc \
	  $(DESTDIR)$(BINDIR)/newsclean $(DESTDIR)$(MANDIR)/man1/newsclean.1

clean:
	rm -rf $(B)

# Each extra area (fuzzing, benchmarks, bindings, docs) keeps its targets in
# a file of its own under mk/.
include $(wildcard mk/*.mk)

# The feature dump the training script reads (tools/train.py).
$(B)/nc_dump: tools/nc_dump.c $(A_FILE)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(A_FILE) $(LDFLAGS) $(DEP_LIBS)
