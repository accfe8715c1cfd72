# html.mk - the HTML front end's own tools.
#
#   make bench-html [HTML_SET=../shared/data/wcxb-dev]
#       times htmlReadMemory (libxml2's tree parse alone) against the HTML
#       stage (decode + html_blocks) and nc_clean, in one process
#   make compare-blocks [HTML_SET=...]
#       blocks vs ../shared/tools/html2text.py --lines (mismatch rate)

.PHONY: bench-html compare-blocks

HTML_SET   ?= $(SHARED)/data/wcxb-dev
BENCH_HTML := $(B)/bench_html

$(BENCH_HTML): tools/bench_html.c $(A_FILE) $(LIB_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(A_FILE) $(LDFLAGS) $(DEP_LIBS) -lm

bench-html: all $(BENCH_HTML)
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	for f in $(HTML_SET)/html/*.html.gz; do \
	  b=$$(basename $$f .gz); gzip -dc $$f > $$tmp/$$b; done; \
	nice -n 10 $(BENCH_HTML) -n 3 $$tmp/*.html

compare-blocks: all
	$(PYTHON) tools/compare_blocks.py --set $(HTML_SET) --cli ./$(CLI)
