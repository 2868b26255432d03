# Two commands on a fresh machine:  make build   (set up, then build every layout into output/)
#                                   make test    (set up, then run the tests)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
# From Debian: the fallback font for characters Atkinson Hyperlegible lacks (arrows, Greek), the CMYK
# press profile of the print profile (Ghostscript's default_cmyk.icc), Ghostscript itself, whose tiffsep
# device renders the print master's separations in the tests, espeak-ng for the spoken proof
# (`render.py read FILE.pdf --speak out.wav`), qpdf for the tests (Debian's `qpdf --check`), poppler's
# pdftotext and pdffonts, which the tests read generated words and embedded fonts with, and zbarimg
# (zbar-tools), which decodes the QR code blocks from rendered pages in the tests.
SYSTEM_FILES := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf /usr/share/color/icc/ghostscript/default_cmyk.icc \
                /usr/bin/gs /usr/bin/espeak-ng /usr/bin/qpdf /usr/bin/pdftotext /usr/bin/pdffonts /usr/bin/zbarimg
SYSTEM_PACKAGES := fonts-dejavu-core libgs-common ghostscript espeak-ng qpdf poppler-utils zbar-tools

.PHONY: build test bench setup system clean

build: setup
	$(BIN)/python render.py

test: setup
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python benchmarks/seed_leave_behind.py
	$(BIN)/python benchmarks/library.py --documents 300

setup: $(STAMP) system

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

system:
	@for f in $(SYSTEM_FILES); do test -f $$f || missing=1; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	  else echo "install: sudo apt-get install $(SYSTEM_PACKAGES)" >&2; exit 1; fi; fi

clean:  # keeps output/archive/: approved versions and their ledger
	rm -rf $(VENV)
	test ! -d output || find output -mindepth 1 -maxdepth 1 ! -name archive -exec rm -rf {} +
