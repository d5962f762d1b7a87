# Two commands from a fresh clone: `make serve` and `make test`.
# The interpreter: the distribution's own Python 3.11+ when it has venv, else python3 from
# PATH. Debian and Ubuntu build theirs with PGO and LTO and link libpython into it; pyenv's
# default build does neither, and serves the inspector with about a third more CPU per
# request (410 against 301 µs: benchmarks/RESULTS.md). `make PYTHON=... test` picks another.
PYTHON ?= $(shell /usr/bin/python3 -c 'import sys, ensurepip; assert sys.version_info >= (3, 11)' \
                  >/dev/null 2>&1 && echo /usr/bin/python3 || echo python3)
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8080

.PHONY: serve serve-tls test lint typecheck unit thorough bench stress peers clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "headerscope needs Python 3.11+"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files so that a second `make` does not reinstall; pyproject.toml changes re-trigger.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@ $(VENV)/.installed $(VENV)/.installed-test

serve: $(VENV)/.installed
	$(BIN)/headerscope serve --host $(HOST) --port $(PORT)

# HTTPS and HTTP/2 (ALPN h2) with a throwaway self-signed certificate for 127.0.0.1, ::1 and
# localhost, made once under .venv/tls/ (`make clean` removes it). Browsers warn about it;
# curl needs -k: curl -sk --http2 'https://127.0.0.1:8443/?format=json'
TLS      := $(VENV)/tls
TLS_PORT ?= 8443

$(TLS)/cert.pem: | $(BIN)/python
	mkdir -p $(TLS)
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
	    -keyout $(TLS)/key.pem -out $@.tmp -days 365 -subj /CN=localhost \
	    -addext 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1'
	mv $@.tmp $@

serve-tls: $(VENV)/.installed $(TLS)/cert.pem
	$(BIN)/headerscope serve --host $(HOST) --port $(TLS_PORT) \
	    --certfile $(TLS)/cert.pem --keyfile $(TLS)/key.pem

lint: $(VENV)/.installed-test
	$(BIN)/ruff check headerscope tests benchmarks examples

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy --strict headerscope tests benchmarks examples docs

unit: $(VENV)/.installed-test
	$(BIN)/pytest

# The scheduled long search: today's slice (of 24) of the property tests at 20x the examples
# (tests/conftest.py), so that every property gets it once every 24 days; a few minutes.
PROPERTY_SLICE ?= today
thorough: $(VENV)/.installed-test
	HYPOTHESIS_PROFILE=thorough-ci $(BIN)/pytest -q --property-slice $(PROPERTY_SLICE)

test: lint typecheck unit thorough

# Micro-benchmarks against peers in one run each (ratios; the machine is shared and noisy).
bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/sxml_bench.py
	$(BIN)/python benchmarks/parse_bench.py
	$(BIN)/python benchmarks/sf_bench.py

# Hostile input and load at full size (issue 6's figures); takes about half an hour.
stress: $(VENV)/.installed-bench
	$(BIN)/python -m benchmarks.stress

# The dynamic benchmark against Guile, werkzeug, httpbin and nginx (run install-peers.sh once),
# under issue 18's two request profiles, browser and varied: a table, targets and the field
# cache's hit rate for each.
peers: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/peers.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis build *.egg-info
