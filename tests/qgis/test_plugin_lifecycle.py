"""The plugin loads into QGIS, and unload() leaves QGIS as it found it."""

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QToolBar

import geogov


@pytest.fixture()
def plugin(qgis_iface):
    instance = geogov.classFactory(qgis_iface)
    yield instance


def _state(iface):
    # deleteLater() objects go at the next event-loop turn; QGIS's loop would run it.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window = iface.mainWindow()
    return (
        sorted(a.objectName() for a in window.findChildren(QAction)
               if a.objectName().startswith("geogov")),
        sorted(d.objectName() for d in window.findChildren(QDockWidget)
               if d.objectName().startswith("GeoGov")),
        sorted(t.objectName() for t in window.findChildren(QToolBar) if t.objectName().startswith("GeoGov")),
        QgsApplication.processingRegistry().providerById("geogov") is not None,
    )


def test_init_gui_adds_entries_and_provider(qgis_iface, plugin):
    before = _state(qgis_iface)
    plugin.initGui()
    try:
        actions, _, toolbars, provider = _state(qgis_iface)
        assert actions, "GeoGov added no action"
        assert toolbars == ["GeoGovToolbar"]
        assert provider
    finally:
        plugin.unload()
    assert _state(qgis_iface) == before


def test_reload_twice_leaves_qgis_clean(qgis_iface):
    before = _state(qgis_iface)
    for _ in range(2):
        instance = geogov.classFactory(qgis_iface)
        instance.initGui()
        instance.unload()
    assert _state(qgis_iface)[3] is False
    assert _state(qgis_iface) == before
