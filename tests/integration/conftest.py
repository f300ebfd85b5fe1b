"""Integration tests run against real servers started here on 127.0.0.1 (free ports).

Fixtures (tests/support/sdi_fixtures.py): ``demo_build``, ``demo_sdi`` (QGIS Server,
pycsw, pygeoapi and MapServer over the demo SDI, once per session) and ``wfst_server``
(a private QGIS Server on a fresh copy of the GeoPackages, per test).
``postgres_cluster`` (tests/support/store_fixtures.py): one private PostgreSQL cluster per
session, for the proposal store.
"""

from pathlib import Path

import pytest

from geogov.tests.support.auth import authcfg  # noqa: F401
from geogov.tests.support.sdi_fixtures import demo_build, demo_sdi, timings, wfst_server  # noqa: F401
from geogov.tests.support.store_fixtures import postgres_cluster  # noqa: F401

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    # This hook sees every collected item, not only this folder's.
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.integration)


def pytest_terminal_summary(terminalreporter):
    if timings:
        terminalreporter.write_line(f"demo SDI timings (s): {timings}")


@pytest.fixture(autouse=True)
def _no_convention_left_behind():
    """The governance bridge remembers the loaded convention for the GeoPackage store's
    sync (store_factory.set_convention): one test's convention must not reach the next."""
    yield
    from geogov.plugin.bridge import store_factory

    store_factory.set_convention(None)

from geogov.tests.support.processing_context import _processing_without_canvas, processing  # noqa: E402,F401
from geogov.tests.support.qgis_session import _release_layers_before_exit  # noqa: E402,F401 (autouse)
