"""End-to-end tests: the real QGIS desktop under Xvfb (tests/support/desktop.py).

``qgis_desktop`` is :func:`geogov.tests.support.desktop.run_qgis` with a display
guaranteed (Xvfb on a free display when DISPLAY is unset, stopped at the end of the
session). The demo SDI fixtures (``demo_sdi``, ``wfst_server``, ``demo_build``) are here
too, for journeys that discover, edit and review against the demo servers.
"""

from pathlib import Path

import pytest

from geogov.tests.support import desktop
from geogov.tests.support.sdi_fixtures import demo_build, demo_sdi, wfst_server  # noqa: F401

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    # This hook sees every collected item, not only this folder's.
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def virtual_display():
    name = desktop.display()
    yield name
    desktop.stop_display()


@pytest.fixture()
def qgis_desktop(virtual_display):
    return desktop.run_qgis
