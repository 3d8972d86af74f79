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

# the same command as `python -m timeline.demo` (tests/test_cli.py keeps them equal)
demo: $(STAMP)
	$(VENV)/bin/timeline render data/events.csv \
	  -o out/timeline.html -o out/timeline.png -o out/briefing.pptx -o out/events.csv \
	  --lane actors --color category \
	  --title "North Korean troops in Russia" \
	  --subtitle "Claims from one article, dated as reported" \
	  --banner "UNCLASSIFIED // FOR TRAINING"

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
