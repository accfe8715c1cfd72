# cv.mk - the model: its cross-validated quality and its training.
#
#   make cv      tools/cv.py: 5 folds of sites; each fold's pages cleaned by a
#                CLI linked with a model trained without them, scored with
#                $(SHARED)/tools/run_eval.py (build/cv/summary.tsv). The
#                figures of record in README.md and docs/algorithm.md.
#   make model   tools/train.py on every page: lib/classify/model.gen.c
#
# Both need python3-sklearn (installed here when missing, as install-deps.sh
# installs the build's packages) and reuse the labelled feature dumps in
# $(B)/features while the features' sources are unchanged.

.PHONY: cv model sklearn-deps

sklearn-deps:
	@dpkg-query -W -f='$${Status}' python3-sklearn 2>/dev/null | grep -q "ok installed" || { \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    --no-install-recommends python3-sklearn python3-numpy; }

cv: sklearn-deps all $(B)/nc_dump
	nice $(PYTHON) tools/cv.py --data $(SHARED)/data $(CV_ARGS)

model: sklearn-deps $(B)/nc_dump
	nice $(PYTHON) tools/train.py --data $(SHARED)/data $(TRAIN_ARGS)

# A fold's CLI: the library with the fold's model table linked ahead of the
# archive, so the archive's own table is never pulled in.
$(B)/cv/fold%/newsclean: $(B)/cv/fold%/model.gen.c cli/newsclean.c $(A_FILE)
	$(CC) $(ALL_CFLAGS) -c -o $(B)/cv/fold$*/model.gen.o $<
	$(CC) $(ALL_CFLAGS) -o $@ cli/newsclean.c $(B)/cv/fold$*/model.gen.o $(A_FILE) \
	  $(LDFLAGS) $(DEP_LIBS)
