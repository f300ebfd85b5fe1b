import pytest


@pytest.fixture(autouse=True)
def _no_convention_left_behind():
    """The governance bridge remembers the loaded convention for the GeoPackage store's
    sync (store_factory.set_convention): one test's convention must not reach the next."""
    yield
    from geogov.plugin.bridge import store_factory

    store_factory.set_convention(None)

from geogov.tests.support.processing_context import _processing_without_canvas, processing  # noqa: E402,F401


@pytest.fixture(autouse=True)
def _no_dock_remembered_open():
    """The plugin reopens at its start the docks left open (ui/plugin.py, in QgsSettings):
    a dock one test opened must not be built by the next test's plugin."""
    yield
    from qgis.core import QgsSettings

    from geogov.ui.plugin import OPEN_DOCKS_KEY

    QgsSettings().remove(OPEN_DOCKS_KEY)
from geogov.tests.support.qgis_session import _release_layers_before_exit  # noqa: E402,F401 (autouse)
