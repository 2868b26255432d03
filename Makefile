# Two commands on a fresh machine:  make build   (set up, then build every layout into output/)
#                                   make test    (set up, then run the tests)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
FALLBACK_FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

.PHONY: build test bench setup fonts clean

build: setup
	$(BIN)/python render.py

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/seed_leave_behind.py

setup: $(STAMP) fonts

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

# The fallback font for characters Atkinson Hyperlegible lacks (arrows, Greek): Debian's DejaVu Sans.
fonts:
	@test -f $(FALLBACK_FONT) || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null; \
	  else echo "install DejaVu Sans: sudo apt-get install fonts-dejavu-core" >&2; exit 1; fi; }

clean:
	rm -rf $(VENV) output
