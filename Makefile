# Accueil: `make demo` runs the demo, `make test` runs the whole test suite, `make check`
# the fast part of it while working.
# Both work on a fresh machine with Python 3.11+ (and, for the tests, apt-get and npm).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
SYSTEM_PACKAGES := chromium gettext poppler-utils libpango-1.0-0 libpangoft2-1.0-0 \
	libharfbuzz-subset0 fonts-dejavu-core fonts-noto-core fonts-noto-cjk \
	zbar-tools

.PHONY: demo test lint check system-deps assets messages requirements clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.base: $(BIN)/python requirements/base.txt pyproject.toml
	$(BIN)/pip install --quiet -r requirements/base.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.base requirements/dev.txt
	$(BIN)/pip install --quiet -r requirements/base.txt -r requirements/dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## demo: create ./data/accueil.sqlite3, load demo data, print logins, serve on 127.0.0.1:$(PORT)
demo: $(VENV)/.base
	$(BIN)/accueil demo --port $(PORT)

## system-deps: Debian packages the tests need (Chromium, gettext, pdftoppm, zbarimg for QR codes,
## WeasyPrint's libraries, and the fonts that print a name in any script: DejaVu, Noto, Noto CJK)
system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null \
		| grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## lint: ruff, mypy (types), the layers of docs/architecture.md, migrations in step with models
lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	PYTHONPATH=src $(BIN)/lint-imports --no-cache
	DEBUG=true $(BIN)/accueil makemigrations --check --dry-run

## check: the inner loop, in under a minute: lint, then the fast tests (no browser, none marked slow)
check: lint
	$(BIN)/pytest -n 2 --dist loadgroup -q -m "not browser and not slow"

## test: everything — lint, unit, API, CLI, translations, browser and accessibility tests
test: system-deps $(VENV)/.dev node_modules/.installed lint
	$(BIN)/pytest -n 2 --dist loadgroup -q

## assets: rebuild the stylesheet from GOV.UK Frontend and assets/scss (committed)
assets: node_modules/.installed
	npm run build

## messages: extract strings and compile translations (needs gettext)
messages: $(VENV)/.dev
	cd src/accueil && DEBUG=true ../../$(BIN)/accueil makemessages -l fr -l de --no-location --no-obsolete
	cd src/accueil && DEBUG=true ../../$(BIN)/accueil compilemessages

## requirements: re-pin dependencies from requirements/*.in
requirements: $(BIN)/python
	$(BIN)/pip install --quiet uv
	cd requirements && ../$(BIN)/uv pip compile --python-version 3.11 --universal base.in -o base.txt
	cd requirements && ../$(BIN)/uv pip compile --python-version 3.11 --universal dev.in -o dev.txt

clean:
	rm -rf $(VENV) node_modules data
