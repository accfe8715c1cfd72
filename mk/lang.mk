# mk/lang.mk - the language stage's accuracy check (its table: mk/gen.mk).
#   make lang-accuracy  document language vs the manifests' `lang`
.PHONY: lang-accuracy

lang-accuracy: all
	$(PYTHON) tools/lang_accuracy.py --cli ./$(CLI) $(SHARED)/data/traf-dev $(SHARED)/data/readability
