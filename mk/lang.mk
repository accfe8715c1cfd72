# mk/lang.mk - the language stage's generated tables and its accuracy check.
#   make tables         regenerate lib/lang/stopwords.gen.c (needs the npm
#                       package: mkdir -p /tmp/npmsw && cd /tmp/npmsw &&
#                       npm install stopwords-iso)
#   make lang-accuracy  document language vs the manifests' `lang`
NPM_SW ?= /tmp/npmsw/node_modules

.PHONY: tables lang-accuracy

tables:
	$(PYTHON) tools/gen_stopwords.py --src $(NPM_SW)/stopwords-iso/stopwords-iso.json \
	  --out lib/lang/stopwords.gen.c

lang-accuracy: all
	$(PYTHON) tools/lang_accuracy.py --cli ./$(CLI) $(SHARED)/data/traf-dev $(SHARED)/data/readability
