"""QGIS 4 readiness: a DeprecationWarning raised from GeoGov's own code is an error.

QGIS deprecates first what QGIS 4 (Qt 6) removes: from 3.38 on, ``QgsField(name,
QVariant.String)`` and the other QVariant-typed APIs, some constructors and setters, each
raise a DeprecationWarning attributed to the calling module. With
``GEOGOV_DEPRECATIONS=error`` (the Makefile sets it inside the QGIS 3.44 root) such a
warning raised by the plugin's modules (``geogov``, ``geogov.plugin.*``, ``geogov.ui.*``)
fails the test: tests/conftest.py adds the filter to pytest's, tests/support/desktop.py
hands it to the real desktop, where the e2e driver installs it before GeoGov loads. The
tests' own code and QGIS's are left alone: they are not what the plugin ships.
"""

import os

# A regular expression on the warning's module (``warnings.filterwarnings``'s ``module``).
OWN_MODULES = r"geogov(\.(plugin|ui)(\..*)?)?$"


def enabled() -> bool:
    return os.environ.get("GEOGOV_DEPRECATIONS") == "error"


def pytest_filter() -> str:
    """The ``filterwarnings`` line (no escaping: pytest reads ini lines as regexes)."""
    return f"error::DeprecationWarning:{OWN_MODULES}"
