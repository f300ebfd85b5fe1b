# GeoGov — the one entry point: set-up, demo, tests, benchmarks, lint, package, translation.
# On a fresh Debian 12 machine `make run` and `make test` do every set-up step themselves.
# `make test` runs every layer on QGIS 3.22 (this Debian 12 machine), 3.40 (a Debian 13
# root) and 3.44 (a Debian unstable root); `make test QGIS=3.44` (or test-unit, test-qgis…
# with QGIS=…) runs one. The roots are built by .ci/qgis-root into build/qgis-<version>/.

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
	cgi-mapserver mapserver-bin poppler-utils zip mmdebstrap qttranslations5-l10n

# The QGIS versions tested: this machine's own (Debian 12) and one Debian root each for the
# others (.ci/roots/<version>.conf says which suite and packages). Inside a root,
# .ci/qgis-root sets GEOGOV_QGIS_ROOT: everything then runs there, on that root's QGIS.
HOST_QGIS := 3.22
ROOT_QGIS := 3.40 3.44
QGIS ?= all
IN_ROOT := $(GEOGOV_QGIS_ROOT)
ifneq ($(IN_ROOT),)
TEST_QGIS := $(IN_ROOT)
else ifeq ($(QGIS),all)
TEST_QGIS := $(HOST_QGIS) $(ROOT_QGIS)
else
TEST_QGIS := $(QGIS)
endif
ifneq ($(filter-out $(HOST_QGIS) $(ROOT_QGIS),$(TEST_QGIS)),)
$(error QGIS=$(QGIS): the versions tested are $(HOST_QGIS) $(ROOT_QGIS), or all)
endif
QGIS_ROOT := $(ROOT)/.ci/qgis-root
REPORTS := $(BUILD)/reports
# On 3.44 (the newest), a DeprecationWarning raised by GeoGov's own code is an error
# (tests/conftest.py): what QGIS 4 removes is deprecated there first.
ifeq ($(IN_ROOT),3.44)
export GEOGOV_DEPRECATIONS := error
endif

# Headless PyQGIS needs an offscreen Qt platform; tests and servers keep out of $HOME's profile.
DESKTOP_ENV := QGIS_CUSTOM_CONFIG_PATH=$(BUILD)/qgis-config PYTHONPATH=$(BUILD)/py
TEST_ENV := QT_QPA_PLATFORM=offscreen $(DESKTOP_ENV)

.PHONY: help setup run demo-up demo-down demo-status test test-unit test-qgis \
	test-integration test-e2e test-layers roots bench lint package translate clean

help:
	@echo "make run        demo regional SDI on 127.0.0.1 + QGIS with GeoGov (does all set-up)"
	@echo "make test       every test: unit, qgis, integration, e2e (does all set-up),"
	@echo "                on QGIS $(HOST_QGIS) $(ROOT_QGIS); QGIS=3.44 for one (also test-unit, test-qgis…)"
	@echo "make roots      build the Debian roots of QGIS $(ROOT_QGIS) (make test does it)"
	@echo "make demo-up / demo-down   start / stop the demo servers alone"
	@echo "make bench      benchmarks, printed as ratios against named baselines"
	@echo "make lint       ruff"
	@echo "make package    dist/geogov-$(VERSION).zip for the QGIS Plugin Manager"
	@echo "make translate  pylupdate5 -> i18n/geogov_fr.ts, lrelease -> .qm"

# ---------------------------------------------------------------------------- set-up
setup: $(STAMPS)/apt $(STAMPS)/venv $(STAMPS)/venv-owslib-debian $(STAMPS)/venv-pycsw \
	$(STAMPS)/venv-pygeoapi $(BUILD)/py/geogov

# A root holds the packages its .ci/roots/<version>.conf names: nothing to install there.
$(STAMPS)/apt:
	@mkdir -p $(STAMPS)
	@missing=$$([ -n "$(IN_ROOT)" ] || for p in $(APT_PACKAGES); do \
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

# Debian's own OWSLib, the one the QGIS desktop of that distribution gives the plugin.
$(STAMPS)/venv-owslib-debian: tests/requirements-owslib-debian.txt $(STAMPS)/apt
	$(SYSPY) -m venv --system-site-packages $(VENVS)/owslib-debian
	$(VENVS)/owslib-debian/bin/pip install -q --disable-pip-version-check -r tests/requirements-owslib-debian.txt
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
# Each layer runs on its own (unit tests without QGIS, twice: the newest OWSLib and the one
# Debian ships with that QGIS), on each QGIS of TEST_QGIS: here for this machine's, in its
# root for the others (built first when missing or outdated). Every pytest run leaves a
# JUnit report in build/reports (build/qgis-<version>/state/build/reports for a root);
# .ci/test_summary.py prints every version's counts and times at the end. Any failure
# fails the target.
LAYERS := unit qgis integration e2e

# $(call on_each_qgis,TARGET): `make TARGET` on each version of TEST_QGIS, then the summary.
define on_each_qgis
	@rc=0; for v in $(TEST_QGIS); do \
		if [ -n "$(IN_ROOT)" ] || [ "$$v" = "$(HOST_QGIS)" ]; then \
			$(MAKE) --no-print-directory $(1) || rc=1; \
		else \
			$(MAKE) --no-print-directory root-$$v && \
			$(QGIS_ROOT) run $$v make --no-print-directory $(1) || rc=1; \
		fi; \
	done; \
	[ -n "$(IN_ROOT)" ] || $(SYSPY) .ci/test_summary.py $(TEST_QGIS) || rc=1; \
	exit $$rc
endef

test:
	$(call on_each_qgis,test-layers)

test-unit test-qgis test-integration test-e2e:
	$(call on_each_qgis,layer-$(@:test-%=%))

# Every layer on the QGIS of this machine or root, each in turn even when one fails.
test-layers: translate-qm
	@mkdir -p $(REPORTS) && rm -f $(REPORTS)/*.xml $(REPORTS)/*.txt
	@began=$$(date +%s); $(MAKE) --no-print-directory setup; \
		echo $$(( $$(date +%s) - began )) > $(REPORTS)/setup-seconds.txt
	@rc=0; for layer in $(LAYERS); do \
		$(MAKE) --no-print-directory layer-$$layer || rc=1; \
	done; exit $$rc

# What this QGIS is, for the summary.
$(REPORTS)/versions.txt: setup
	@mkdir -p $(REPORTS)
	@$(TEST_ENV) $(PY) .ci/test_summary.py --describe > $@

PYTEST_REPORT = --junit-xml=$(REPORTS)/$(1).xml -o junit_suite_name=$(1) -o junit_family=xunit2

# Both unit runs, even when the first fails (each has its own report).
layer-unit: setup $(REPORTS)/versions.txt
	@rc=0; \
	$(TEST_ENV) $(PY) -m pytest -p no:qgis $(call PYTEST_REPORT,unit) tests/unit || rc=1; \
	$(TEST_ENV) $(VENVS)/owslib-debian/bin/python -m pytest $(call PYTEST_REPORT,unit-owslib-debian) \
		tests/unit -m "not slow" || rc=1; \
	exit $$rc

layer-qgis: setup $(REPORTS)/versions.txt
	$(TEST_ENV) $(PY) -m pytest $(call PYTEST_REPORT,qgis) tests/qgis

layer-integration: setup $(REPORTS)/versions.txt
	$(TEST_ENV) $(PY) -m pytest $(call PYTEST_REPORT,integration) tests/integration

layer-e2e: setup translate-qm $(REPORTS)/versions.txt
	$(DESKTOP_ENV) $(PY) -m pytest -p no:qgis $(call PYTEST_REPORT,e2e) tests/e2e

# The Debian roots of the other QGIS versions (rebuilt when their .conf changed).
roots: $(ROOT_QGIS:%=root-%)

root-%: $(STAMPS)/apt
	@$(QGIS_ROOT) build $*

# BENCH=name runs the benchmarks whose module name holds it (BENCH=oapif).
bench: setup
	$(TEST_ENV) $(PY) -m geogov.tests.bench $(BENCH)

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
