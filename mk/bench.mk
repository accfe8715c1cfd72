# bench.mk - speed: tools/bench.c and the peers (docs/performance.md).
#
#   make bench                       the bundled sample (tests/data/*/text-lines, */html)
#   make bench DATA=DIR              a folder of pages (.txt, .html, .html.gz)
#   make bench BENCH_FLAGS="--runs 1 --threads 2"
#   make bench-synthetic             100 KB .. 100 MB pages: time and memory vs size
#   make bench-peers [DATA=DIR]      Readability.js, readability-lxml, boilerpipe
#   make bench-peers-deps            installs them (npm into build/peers, apt)
#
# The benchmark runs niced: the machine is shared. BENCH_NICE= to run at
# normal priority for final figures on a quiet machine.

.PHONY: bench bench-synthetic bench-peers bench-peers-deps check-bench

BENCH      := $(B)/bench
BENCH_NICE ?= nice -n 10
BENCH_FLAGS ?=
# DATA is also `make eval`'s folder of sets; given on the command line it
# names the pages to time, else the bundled sample is used.
ifeq ($(origin DATA),command line)
BENCH_DATA := $(DATA)
else
BENCH_DATA := $(or $(wildcard tests/data/*/text-lines tests/data/*/html),tests/data/seed/text-lines)
endif

# Links the static library like the CLI; zlib only for this tool (it reads
# .html.gz pages directly).
BENCH_SRC  := tools/bench.c tools/bench_stages.c tools/bench_synthetic.c
$(BENCH): $(BENCH_SRC) tools/bench.h $(A_FILE) $(LIB_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itools -o $@ $(BENCH_SRC) $(A_FILE) $(LDFLAGS) $(DEP_LIBS) -lz

bench: all $(BENCH)
	$(BENCH_NICE) $(BENCH) $(BENCH_FLAGS) $(BENCH_DATA)

bench-synthetic: all $(BENCH)
	$(BENCH_NICE) $(BENCH) --synthetic $(BENCH_FLAGS)

PEERS_DIR ?= $(B)/peers
bench-peers: all $(BENCH)
	$(BENCH_NICE) $(PYTHON) tools/bench_peers.py --bench $(BENCH) \
	  --peers-dir $(PEERS_DIR) $(BENCH_FLAGS) $(BENCH_DATA)

# Installs the peers: the npm ones into PEERS_DIR (never into the source
# tree), the Debian ones with apt-get (as root).
bench-peers-deps:
	npm install --no-audit --no-fund --prefix $(PEERS_DIR) @mozilla/readability linkedom
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-readability \
	  libboilerpipe-java default-jdk-headless

# The tool builds under -Werror and its figures come out well-formed:
# one quick run on the seed page (text) and a small synthetic page.
check-bench: $(BENCH)
	@out=$$($(BENCH) --runs 1 --threads 2 --tsv tests/data/seed/text-lines) && \
	  echo "$$out" | grep -q '^RESULT	text	newsclean	1	' && \
	  echo "$$out" | grep -q '^RESULT	text	newsclean	2	' && \
	  echo "$$out" | awk -F'\t' '/^RESULT/ && $$9 != 0 {bad=1} END {exit bad}' || \
	  { echo "check-bench: bad output:"; echo "$$out"; exit 1; }
	@$(BENCH) --synthetic --runs 1 --max-mb 1 | grep -q '^html' || \
	  { echo "check-bench: synthetic run failed"; exit 1; }
	@echo "check-bench: ok"

check: check-bench
