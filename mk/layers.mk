# layers.mk - lib/'s layout, checked on the build (tools/check_layers.py):
#   make check-layers   no stage calls a function of another stage (only
#                       its own, and the base layers lib/util/, lib/rules/;
#                       the outline lib/newsclean.c calls them all), and
#                       no lib/ function is over 120 lines (*.gen.c aside)

.PHONY: check-layers

check-layers: all
	@$(PYTHON) tools/check_layers.py $(B) lib

check: check-layers
