"""Processing in tests without pytest-qgis's stand-in map canvas.

``processing.run()`` without a context builds one from ``iface.mapCanvas()`` (scale,
extent, layers of the map). In the test session that canvas is pytest-qgis's stand-in,
which outlives layers that earlier tests created and deleted; reading them crashed whole
runs now and then (SIGSEGV in QgsExpressionContextUtils.mapSettingsScope, seen in about
two integration runs out of three). GeoGov's algorithms use no canvas variable, so the
tests' contexts are built without the canvas — as for qgis_process.

``processing``: QGIS's Processing framework with GeoGov's provider, once per module.
"""

import sys

import pytest

PLUGINS = "/usr/share/qgis/python/plugins"


@pytest.fixture(autouse=True, scope="session")
def _processing_without_canvas():
    if PLUGINS not in sys.path:
        sys.path.append(PLUGINS)
    try:
        from processing.tools import dataobjects
    except ImportError:     # Processing not installed: the tests that need it say so
        yield
        return
    saved = dataobjects.iface
    dataobjects.iface = None
    yield
    dataobjects.iface = saved


@pytest.fixture(scope="module")
def processing(qgis_app):
    """The ``processing`` module, initialised, with GeoGov's provider registered."""
    from qgis.core import QgsApplication

    from geogov.plugin.bridge.processing_provider import GeoGovProvider

    if PLUGINS not in sys.path:
        sys.path.append(PLUGINS)
    from processing.core.Processing import Processing

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    provider = None
    if registry.providerById("geogov") is None:
        provider = GeoGovProvider()
        registry.addProvider(provider)
    import processing as processing_module

    yield processing_module
    if provider is not None:
        registry.removeProvider(provider)
