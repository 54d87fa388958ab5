# The tasks CI also runs. `make bench` measures and rewrites docs/performance.md (about 5 minutes on 2 cores).
PYTHON ?= python3
BENCH_ARGS ?=

.PHONY: test lint bench

test:
	$(PYTHON) -m pytest

lint:
	ruff check src tests

bench:
	$(PYTHON) benchmarks/run.py --write $(BENCH_ARGS)
