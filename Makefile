# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lab lint bench clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

# renders data/events.csv into out/ (page, picture, deck, CSV) and prints the paths;
# without Chromium it writes the page and the CSV and says how to install Chromium
demo: $(STAMP)
	$(PY) -m timeline.demo data/events.csv out

test: $(STAMP)
	@command -v chromium >/dev/null 2>&1 || test -x /usr/bin/chromium || \
	  echo "NOTE: Chromium not found: browser and image-export tests will be skipped (they fail when CI=true). Install it with: sudo apt-get install -y chromium"
	$(PY) -m pytest -q

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks

bench: $(STAMP)
	@for f in benchmarks/bench_*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
