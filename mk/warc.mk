# warc.mk - WARC and WET input (lib/warc/, cli/warc.c) and its checks.
#
#   make check-warc        tests/test_warc.py: WARC/WET files made by
#                          tests/warcgen.py from tests/data, read by --warc
#   make check-large-warc  peak memory of --warc on a generated 1 GB WARC
#                          (part of make check-large; the file is deleted)
#   make bench-warc        wcxb-dev's html pages cleaned from a WARC file vs
#                          from page files (WARC_SET=... for another set)

.PHONY: check-warc check-large-warc bench-warc

WARC_SET    ?= $(SHARED)/data/wcxb-dev
LARGE_WARC_MB ?= 1024

check-warc: all
	$(PYTHON) tests/test_warc.py

check: check-warc

check-large-warc: all
	nice -n 10 $(PYTHON) tests/test_warc_large.py --cli ./$(CLI) --size-mb $(LARGE_WARC_MB) tests/data/wcxb-dev

check-large: check-large-warc

bench-warc: all
	$(BENCH_NICE) $(PYTHON) tools/bench_warc.py --cli ./$(CLI) $(WARC_SET)
