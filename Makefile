# The two commands of the quick start: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXTRAS ?= test,server,browser

.PHONY: demo test test-fast fuzz score bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[$(EXTRAS)]'
	touch $(STAMP)

demo: $(STAMP)
	rm -rf demo-data
	$(BIN)/vnkg --store demo-data demo -o vnkg-demo.html

test: $(STAMP)
	$(BIN)/python -m pytest -q -ra

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

# The robustness tests with the long hypothesis profile (2,000 inputs a property) and 10 SIGKILLs of a
# load; the counts quoted in docs/robustness.md are the last lines it prints. About 10 minutes on 2 cores.
fuzz: $(STAMP)
	VNKG_KILL_ROUNDS=10 $(BIN)/python -m pytest -q -p no:cacheprovider --hypothesis-profile=fuzz \
	  tests/test_robust_read.py tests/test_robust_docnumber.py tests/test_robust_extract.py \
	  tests/test_robust_injection.py tests/test_robust_load.py tests/test_robust_views.py

score: $(STAMP)
	$(PYTHON) ../shared/eval/score.py ../shared/corpus/seed.jsonl ../shared/corpus/dev.jsonl \
	  --gold ../shared/eval/gold --cli $(BIN)/vnkg --events --show-errors

bench: $(STAMP)
	$(BIN)/python scripts/bench.py --server $(BENCH_ARGS)

clean:
	rm -rf demo-data vnkg-demo.html .pytest_cache
