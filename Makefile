# Two commands do all the set-up (see README):
#   make run    install, build the warehouse from sample_data/ on first start, open the app
#   make test   install and run every test (the exact command .ci/run uses)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

$(BIN)/python:
	$(PY) -m venv $(VENV)

.PHONY: install install-dev run test lint bench sample
install: $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/python -m etl.classify.model_cache  # fit the shipped model once (kept on disk)

install-dev: $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt

run: install
	$(BIN)/streamlit run app.py

test: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 -q

lint: install-dev
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

bench: install-dev
	$(BIN)/python benchmarks/run.py

sample: install
	$(BIN)/python sample_data/generate.py
