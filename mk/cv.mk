# cv.mk - the model's cross-validated quality, the figures of record.
#
#   make cv      tools/cv.py: 5 folds of sites; each fold's pages cleaned by a
#                CLI linked with a model trained without them (as `make model`
#                trains it, mk/gen.mk), scored with $(SHARED)/tools/run_eval.py
#                (build/cv/summary.tsv, build/cv/SET.FORM.tsv per page).
#                CV_ARGS="--only-folds 0" for one fold; the model options of
#                tools/train.py go there too.
#
# Installs python3-sklearn when missing, as `make model` does, and reuses
# the labelled feature dumps in $(B)/features while the features' sources
# are unchanged. One OpenMP thread: on a shared machine two threads spend
# their time waiting for each other.

.PHONY: cv

cv: all $(B)/nc_dump
	$(PYTHON) -c 'import sklearn' 2>/dev/null || \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-sklearn python3-numpy
	OMP_NUM_THREADS=1 nice -n 10 $(PYTHON) tools/cv.py --data $(SHARED)/data $(CV_ARGS)

# A fold's CLI: the library with the fold's model table linked ahead of the
# archive, so the archive's own table is never pulled in.
$(B)/cv/fold%/newsclean: $(B)/cv/fold%/model.gen.c $(CLI_SRC) $(wildcard cli/*.h) $(A_FILE)
	$(CC) $(ALL_CFLAGS) -c -o $(B)/cv/fold$*/model.gen.o $<
	$(CC) $(ALL_CFLAGS) -Icli -o $@ $(CLI_SRC) $(B)/cv/fold$*/model.gen.o $(A_FILE) \
	  $(LDFLAGS) $(DEP_LIBS)
