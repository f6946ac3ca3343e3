# ocop-docs — the two commands of the README, each installing what it needs on a fresh machine.
#   make demo   renders every shipped sample (plans, decisions, certificates…) into out/demo
#   make test   runs ruff and mypy, then the test suite (the import contract of pyproject.toml included)
#   make serve  starts the web pages on http://127.0.0.1:8080
VENV   ?= .venv
PYTHON ?= python3
APT_PACKAGES = libreoffice-writer-nogui fonts-liberation2 poppler-utils tesseract-ocr tesseract-ocr-vie chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test serve system-deps bench templates clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[test]'
	touch $@

# LibreOffice (the PDF engine), Liberation fonts (metric twins of Times New Roman), poppler,
# Tesseract with its Vietnamese model (scanned PDFs), Chromium (the web pages' browser tests).
# Installed when any of them is missing.
system-deps:
	@if command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 \
	    && command -v chromium >/dev/null 2>&1 \
	    && fc-list 2>/dev/null | grep -qi "Liberation Serif" \
	    && tesseract --list-langs 2>/dev/null | grep -qx vie; then :; else \
	  echo "Installing $(APT_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	fi

demo: system-deps $(VENV)/.installed
	$(VENV)/bin/ocop-docs demo -o out/demo

test: system-deps $(VENV)/.installed
	$(VENV)/bin/ruff check ocop_docs tests tools benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/python -m pytest

HOST ?= 127.0.0.1
PORT ?= 8080
serve: system-deps $(VENV)/.installed
	$(VENV)/bin/ocop-docs serve --host $(HOST) --port $(PORT) $(if $(USERS),--users $(USERS))

bench: system-deps $(VENV)/.installed
	$(VENV)/bin/python benchmarks/run_all.py

templates: $(VENV)/.installed
	$(VENV)/bin/python tools/restyle_templates.py

clean:
	rm -rf out .pytest_cache .mypy_cache
