# Jarida — every command works on a fresh machine with Python 3.11+.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: install test demo bench lint lock typecheck clean fuzz

install: $(STAMP)

# Idempotent: re-runs only when the lock file or pyproject changes.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==0.13.9"
	$(BIN)/uv pip sync --quiet --compile-bytecode --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	@# Bytecode written once here: machines with PYTHONDONTWRITEBYTECODE=1 would otherwise
	@# recompile every module in every process (CLI start-up, each extraction worker).
	$(BIN)/python -m compileall -q -j 0 jarida bench
	touch $(STAMP)

lock:
	$(BIN)/uv pip compile --quiet pyproject.toml --extra dev -o requirements.lock --python $(BIN)/python

test: install
	$(BIN)/python -m pytest -q

# Longer, randomly seeded run of the property tests in tests/fuzz; each failure's
# minimal input is saved to tests/fuzz/corpus/<target>/ and replayed by `make test`.
fuzz: install
	$(BIN)/python -m pytest -q tests/fuzz/test_properties.py --hypothesis-profile=fuzz \
		--timeout=1800 $(FUZZ_ARGS)

demo: install
	$(BIN)/jarida demo

bench: install
	$(BIN)/python -m bench

lint: install
	$(BIN)/ruff check jarida tests bench
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
