# The tasks CI also runs. `make bench` measures and rewrites docs/performance.md (about 5 minutes on 2 cores).
PYTHON ?= python3
BENCH_ARGS ?=

.PHONY: test lint fuzz bench screenshot

test:
	$(PYTHON) -m pytest

# Needs the dev extra: pip install -e '.[dev]'
lint:
	ruff check src tests benchmarks
	ruff format --check src tests benchmarks
	mypy

# The long hypothesis runs, kept out of the default suite.
fuzz:
	$(PYTHON) -m pytest -m slow

bench:
	$(PYTHON) benchmarks/run.py --write $(BENCH_ARGS)

# Retake docs/img/report.png (the README's picture of the HTML report) in headless Chromium.
screenshot:
	GUARANTEES_WRITE_SCREENSHOT=1 $(PYTHON) -m pytest tests/acceptance/test_html_report_browser.py -k screenshot
