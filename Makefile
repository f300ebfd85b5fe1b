# GeoGov — the one entry point: set-up, demo, tests, benchmarks, lint, package, translation.
# On a fresh Debian 12 machine `make run` and `make test` do every set-up step themselves.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# QGIS binaries started from a PATH that begins with pyenv's folders load pyenv's standard
# library and crash ("Couldn't load SIP module"): /usr/bin goes first, always.
export PATH := /usr/bin:/bin:/usr/sbin:/sbin:$(PATH)
export PYTHONDONTWRITEBYTECODE := 1

ROOT := $(CURDIR)
BUILD := $(ROOT)/build
STAMPS := $(BUILD)/stamps
VENV := $(ROOT)/.venv
VENVS := $(ROOT)/.venvs
PY := $(VENV)/bin/python
SYSPY := /usr/bin/python3
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)

APT_PACKAGES := python3-qgis qgis qgis-server xvfb xauth imagemagick xdotool \
	postgresql-15 postgresql-15-postgis-3 pyqt5-dev-tools qttools5-dev-tools \
	cgi-mapserver mapserver-bin poppler-utils zip

# Headless PyQGIS needs an offscreen Qt platform; tests and servers keep out of $HOME's profile.
DESKTOP_ENV := QGIS_CUSTOM_CONFIG_PATH=$(BUILD)/qgis-config PYTHONPATH=$(BUILD)/py
TEST_ENV := QT_QPA_PLATFORM=offscreen $(DESKTOP_ENV)

.PHONY: help setup run demo-up demo-down demo-status test test-unit test-qgis \
	test-integration test-e2e bench lint package translate clean

help:
	@echo "make run        demo regional SDI on 127.0.0.1 + QGIS with GeoGov (does all set-up)"
	@echo "make test       every test: unit, qgis, integration, e2e (does all set-up)"
	@echo "make demo-up / demo-down   start / stop the demo servers alone"
	@echo "make bench      benchmarks, printed as ratios against named baselines"
	@echo "make lint       ruff"
	@echo "make package    dist/geogov-$(VERSION).zip for the QGIS Plugin Manager"
	@echo "make translate  pylupdate5 -> i18n/geogov_fr.ts, lrelease -> .qm"

# ---------------------------------------------------------------------------- set-up
setup: $(STAMPS)/apt $(STAMPS)/venv $(STAMPS)/venv-owslib027 $(STAMPS)/venv-pycsw \
	$(STAMPS)/venv-pygeoapi $(BUILD)/py/geogov

$(STAMPS)/apt:
	@mkdir -p $(STAMPS)
	@missing=$$(for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q; \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi
	@touch $@

$(STAMPS)/venv: tests/requirements.txt $(STAMPS)/apt
	$(SYSPY) -m venv --system-site-packages $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r tests/requirements.txt
	@touch $@

$(STAMPS)/venv-owslib027: tests/requirements-owslib027.txt $(STAMPS)/apt
	$(SYSPY) -m venv --system-site-packages $(VENVS)/owslib027
	$(VENVS)/owslib027/bin/pip install -q --disable-pip-version-check -r tests/requirements-owslib027.txt
	@touch $@

$(STAMPS)/venv-pycsw: tests/sdi/requirements-pycsw.txt $(STAMPS)/apt
	$(SYSPY) -m venv $(VENVS)/pycsw
	$(VENVS)/pycsw/bin/pip install -q --disable-pip-version-check -r tests/sdi/requirements-pycsw.txt
	@touch $@

$(STAMPS)/venv-pygeoapi: tests/sdi/requirements-pygeoapi.txt $(STAMPS)/apt
	$(SYSPY) -m venv $(VENVS)/pygeoapi
	$(VENVS)/pygeoapi/bin/pip install -q --disable-pip-version-check -r tests/sdi/requirements-pygeoapi.txt
	@touch $@

# Tests and tools import the plugin under its installed name.
$(BUILD)/py/geogov:
	@mkdir -p $(BUILD)/py
	ln -sfn $(ROOT) $@

# ---------------------------------------------------------------------------- demo
run: setup translate-qm
	$(DESKTOP_ENV) $(PY) -m geogov.tests.sdi run

demo-up: setup
	$(TEST_ENV) $(PY) -m geogov.tests.sdi up

demo-down:
	$(TEST_ENV) $(PY) -m geogov.tests.sdi down

demo-status:
	$(TEST_ENV) $(PY) -m geogov.tests.sdi status

# ---------------------------------------------------------------------------- tests
# Each layer runs on its own (unit tests without QGIS, twice: newest OWSLib and the 0.27
# that QGIS 3.22 ships); the last line sums them up. Any failure fails `make test`.
test: setup translate-qm
	@rc=0; \
	$(MAKE) --no-print-directory test-unit || rc=1; \
	$(MAKE) --no-print-directory test-qgis || rc=1; \
	$(MAKE) --no-print-directory test-integration || rc=1; \
	$(MAKE) --no-print-directory test-e2e || rc=1; \
	if [ $$rc = 0 ]; then echo "make test: every test layer passed"; \
	else echo "make test: FAILED (see the pytest summaries above)"; fi; \
	exit $$rc

test-unit: setup
	$(TEST_ENV) $(PY) -m pytest -p no:qgis tests/unit
	$(TEST_ENV) $(VENVS)/owslib027/bin/python -m pytest tests/unit -m "not slow"

test-qgis: setup
	$(TEST_ENV) $(PY) -m pytest tests/qgis

test-integration: setup
	$(TEST_ENV) $(PY) -m pytest tests/integration

test-e2e: setup translate-qm
	$(DESKTOP_ENV) $(PY) -m pytest -p no:qgis tests/e2e

bench: setup
	$(TEST_ENV) $(PY) -m geogov.tests.bench

lint: $(STAMPS)/venv
	$(VENV)/bin/ruff check .

# ---------------------------------------------------------------------------- i18n, package
PY_SOURCES = $(shell find plugin ui -name '*.py' -not -path '*/__pycache__/*' | sort)
UI_SOURCES = $(shell find ui -name '*.ui' | sort)

translate: $(STAMPS)/apt
	pylupdate5 -noobsolete $(PY_SOURCES) $(UI_SOURCES) -ts i18n/geogov_fr.ts
	lrelease i18n/geogov_fr.ts -qm i18n/geogov_fr.qm

translate-qm: $(STAMPS)/apt
	@lrelease -silent i18n/geogov_fr.ts -qm i18n/geogov_fr.qm

package: translate-qm
	$(SYSPY) .ci/package.py --version $(VERSION) --out dist/geogov-$(VERSION).zip

clean:
	rm -rf build dist
