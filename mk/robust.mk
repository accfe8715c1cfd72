# robust.mk - sanitizer builds, valgrind, the failing-allocator test, the
# large-input suite and the libFuzzer targets. Each sanitizer build goes in
# a build directory of its own, so it never mixes objects with build/.
#
#   make asan                  ASan+UBSan build of the library and suites, run
#   make tsan                  TSan build, runs check_threads
#   make valgrind              the suites under valgrind (CK_FORK=no)
#   make check-large           check_limits and check_hostile with the full sizes
#                              (NC_TEST_LARGE=1), no sanitizer
#   make check-hostile         check_hostile alone at full size
#   make fuzz FUZZ_SECONDS=N   each fuzz target for N seconds

.PHONY: asan tsan valgrind check-large check-hostile fuzz fuzz-build san-run

# The failing allocator: check_nomem wraps malloc/calloc/realloc, linked
# against the static library so only newsclean's own allocations fail
# (libxml2 and ICU are shared libraries and keep the real ones).
NOMEM_WRAP := -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free
$(B)/tests/check_nomem: tests/check_nomem.c $(TEST_COMMON) $(A_FILE) $(wildcard tests/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Wno-gnu-zero-variadic-macro-arguments -Itests -o $@ $< $(TEST_COMMON) $(A_FILE) $(LDFLAGS) $(NOMEM_WRAP) $(DEP_LIBS) $(CHECK_LIBS)

# The full-size pathological inputs (200 MB of text, a 50 MB line, ...):
# check_limits with NC_TEST_LARGE=1. Too slow for every `make check` and
# for valgrind; .ci/run runs it.
check-large: all $(B)/tests/check_limits check-hostile
	NC_TEST_LARGE=1 CK_FORK=yes $(B)/tests/check_limits

# The hostile pages at their documented sizes, each timed against
# libxml2's own parse; the 50 MB attribute and comment under a 300 MB
# address-space limit; every shared page's strings checked.
check-hostile: all $(B)/tests/check_hostile
	NC_TEST_LARGE=1 CK_FORK=yes $(B)/tests/check_hostile

# Runs the suites of whatever build directory B names (used by asan/tsan).
san-run: $(A_FILE) $(TEST_BIN)
	@failed=""; for t in $(TEST_BIN); do echo "== $$t"; \
	  CK_FORK=yes $$t || failed="$$failed $$t"; done; \
	  if [ -n "$$failed" ]; then echo "FAILED:$$failed"; exit 1; fi

SAN_OPT  := -O1 -g -fno-omit-frame-pointer
ASAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined
# detect_leaks: the failing-allocator suite relies on LeakSanitizer.
ASAN_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
            UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

asan:
	$(ASAN_ENV) $(MAKE) B=build-asan OPT="$(SAN_OPT) $(ASAN_FLAGS)" \
	  LDFLAGS="$(ASAN_FLAGS)" san-run
	@echo "make asan: all suites passed under ASan+UBSan"

TSAN_FLAGS := -fsanitize=thread
tsan:
	$(MAKE) B=build-tsan OPT="$(SAN_OPT) $(TSAN_FLAGS)" LDFLAGS="$(TSAN_FLAGS)" \
	  build-tsan/tests/check_threads
	TSAN_OPTIONS=halt_on_error=1 CK_FORK=no build-tsan/tests/check_threads
	@echo "make tsan: check_threads passed under TSan"

VALGRIND := valgrind --leak-check=full --show-leak-kinds=definite,indirect \
            --errors-for-leak-kinds=definite,indirect --error-exitcode=1 -q
valgrind: all $(TEST_BIN)
	@failed=""; for t in $(TEST_BIN); do echo "== valgrind $$t"; \
	  CK_FORK=no NC_TEST_SLOW=1 $(VALGRIND) $$t || failed="$$failed $$t"; done; \
	  if [ -n "$$failed" ]; then echo "FAILED:$$failed"; exit 1; fi
	@echo "make valgrind: all suites clean"

# ---- fuzzing (clang's libFuzzer) ----
# clang warns about things gcc does not; a warning must not stop fuzzing
# (the default gcc build keeps -Werror), hence CFLAGS=-Wno-error.
FUZZ_CC      ?= clang-14
FUZZ_B       := build-fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_TARGETS := text html options warc
FUZZ_BIN     := $(FUZZ_TARGETS:%=$(FUZZ_B)/fuzz_%)
FUZZ_SECONDS ?= 60
FUZZ_FLAGS   ?= -timeout=60 -rss_limit_mb=2048 -max_len=1048576 -print_final_stats=1

fuzz-build:
	$(MAKE) B=$(FUZZ_B) CC=$(FUZZ_CC) CFLAGS=-Wno-error \
	  OPT="$(SAN_OPT) -fsanitize=fuzzer-no-link $(FUZZ_SAN)" $(FUZZ_B)/libnewsclean.a
	@set -e; for t in $(FUZZ_TARGETS); do \
	  echo "$(FUZZ_CC) fuzz/fuzz_$$t.c -> $(FUZZ_B)/fuzz_$$t"; \
	  $(FUZZ_CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(SAN_OPT) -fsanitize=fuzzer $(FUZZ_SAN) -Iinclude \
	    -o $(FUZZ_B)/fuzz_$$t fuzz/fuzz_$$t.c $(FUZZ_B)/libnewsclean.a $(DEP_LIBS); done

# Each target runs from a copy of its seed corpus in $(FUZZ_B), so new
# inputs never land in the source tree; crashes go to $(FUZZ_B)/crashes/.
fuzz: fuzz-build
	@set -e; mkdir -p $(FUZZ_B)/crashes; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_B)/corpus-$$t; cp -n fuzz/corpus/$$t/* $(FUZZ_B)/corpus-$$t/ 2>/dev/null || true; \
	  echo "== fuzz_$$t for $(FUZZ_SECONDS)s"; \
	  nice -n 19 $(FUZZ_B)/fuzz_$$t $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS) \
	    -dict=fuzz/$$t.dict -artifact_prefix=$(FUZZ_B)/crashes/$$t- $(FUZZ_B)/corpus-$$t; \
	done
