# user.mk - what a user touches: the CLI, the Python binding, the examples,
# install, the docs and the evaluation program. Each has a check-* target,
# all hooked into `make check`; each runs in seconds.
#
#   make check-cli          tests/test_cli.py (the seed page's gold paragraphs included)
#   make check-seed         the seed page's 9 gold paragraphs, strictly
#   make check-python       tests/test_python.py (the ctypes binding)
#   make check-examples     builds build/examples/, tests/test_examples.py (Dask: 2 workers)
#   make check-install      tests/test_install.sh (temporary prefix, pkg-config, nm)
#   make check-eval         tools/eval.py agrees with $(SHARED)/tools/run_eval.py
#   make check-docs         docs/api.md is fresh, the man page renders cleanly
#   make check-ci           .ci/run parses and installs what install-deps.sh installs
#   make check-explain-html the --format html explain page, rendered by headless
#                           Chromium: screenshot colours and the DOM's kept marks
#   make docs               regenerates docs/api.md from include/newsclean.h
#   make examples           builds examples/*.c into build/examples/
#   make python-install     pip-installs python/ for /usr/bin/python3 (no network)

.PHONY: check-cli check-seed check-python check-examples check-install check-eval \
        check-docs check-ci check-explain-html docs examples python-install

EXAMPLES := $(B)/examples/simple $(B)/examples/crawler

# The examples link the static library, as the CLI does, so they run from
# the build tree; test_install.sh builds simple.c against an install too.
$(B)/examples/%: examples/%.c $(A_FILE) include/newsclean.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(A_FILE) $(LDFLAGS) $(DEP_LIBS)

examples: $(EXAMPLES)

check-cli: all
	$(PYTHON) tests/test_cli.py

check-seed: all
	NEWSCLEAN_STRICT_SEED=1 $(PYTHON) tests/test_cli.py TestCli.test_seed_gold_paragraphs

check-python: all
	$(PYTHON) tests/test_python.py

check-examples: all $(EXAMPLES)
	$(PYTHON) tests/test_examples.py

check-install: all
	MAKE="$(MAKE)" bash tests/test_install.sh

check-eval: all
	SHARED=$(SHARED) $(PYTHON) tests/test_eval.py

docs:
	$(PYTHON) tools/gen_api_doc.py

# groff's -ww warns about any malformed request; -z renders to nowhere.
check-docs:
	@$(PYTHON) tools/gen_api_doc.py --check
	@if command -v groff >/dev/null; then \
	  out=$$(groff -man -Tutf8 -ww -z docs/newsclean.1 2>&1); \
	  if [ -n "$$out" ]; then echo "$$out"; exit 1; fi; \
	  echo "check-docs: api.md fresh, newsclean.1 renders cleanly"; \
	else echo "check-docs: api.md fresh; groff missing, man page not checked"; fi

# The two package lists must not drift apart: CI installs one, `make
# check` on a user's machine the other.
check-ci:
	@bash -n .ci/run
	@a=$$(sed -n '/^PKGS=(/,/)/p' .ci/run | tr -d '()' | sed 's/PKGS=//' | tr -s ' \n' '\n' | grep . | sort); \
	 b=$$(sed -n '/^PKGS="/,/"/p' tools/install-deps.sh | tr -d '"' | sed 's/PKGS=//' | tr -s ' \n' '\n' | grep . | sort); \
	 if [ "$$a" != "$$b" ] || [ -z "$$a" ]; then \
	   echo "check-ci: .ci/run and tools/install-deps.sh install different packages:"; \
	   echo ".ci/run:" $$a; echo "install-deps.sh:" $$b; exit 1; fi; \
	 echo "check-ci: .ci/run and install-deps.sh agree ($$(echo "$$a" | wc -l) packages)"

check-explain-html: all
	$(PYTHON) tests/test_explain_html.py

python-install:
	$(PYTHON) -m pip install --no-build-isolation --break-system-packages ./python

check: check-cli check-python check-examples check-install check-eval check-docs check-ci \
       check-explain-html

# On a fresh machine `make demo` / `make check` must first install the
# packages and then read pkg-config's flags, but the Makefile reads them
# when it starts. So for those goals this file includes a makefile that the
# installer's run produces: make builds it first, then restarts and reads
# everything again with the packages in place.
ifneq ($(filter demo check,$(MAKECMDGOALS)),)
include $(B)/deps.mk
$(B)/deps.mk: tools/install-deps.sh
	@mkdir -p $(B)
	@sh tools/install-deps.sh
	@echo "# made by mk/user.mk after tools/install-deps.sh ran" > $@
endif
