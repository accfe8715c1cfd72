# gen.mk - the generated tables, each rebuilt from the repository with one
# command (docs/architecture.md lists them):
#
#   make gen     lib/lang/stopwords.gen.c from the stopwords-iso npm package
#                (pinned below, fetched into build/gen) and the supplements
#                in tools/gen_stopwords.py; byte for byte the committed file
#   make model   lib/classify/model.gen.c: tools/train.py over the shared
#                sets ($(SHARED)/data), fixed seeds (python3-sklearn)

.PHONY: gen model

STOPWORDS_ISO_VERSION := 1.1.0
GEN_NPM := $(B)/gen/node_modules/stopwords-iso/stopwords-iso.json

$(GEN_NPM):
	@mkdir -p $(B)/gen
	npm install --no-audit --no-fund --prefix $(B)/gen stopwords-iso@$(STOPWORDS_ISO_VERSION)

gen: $(GEN_NPM)
	$(PYTHON) tools/gen_stopwords.py --src $(GEN_NPM) --out lib/lang/stopwords.gen.c

model: deps $(B)/nc_dump
	$(PYTHON) -c 'import sklearn' 2>/dev/null || \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-sklearn python3-numpy
	nice -n 10 $(PYTHON) tools/train.py --data $(SHARED)/data --out lib/classify/model.gen.c
