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


# ---------------------------------------------------------------------------- lazy start
# QGIS times what a plugin costs its start ("Load plugins/geogov": import, classFactory,
# initGui; `make bench`, goal ≤ 50 ms): initGui builds no dock and imports no component.

LIGHT_AT_START = {"geogov", "geogov.ui", "geogov.ui.plugin", "geogov.ui.options_factory",
                  "geogov.plugin", "geogov.plugin.errors", "geogov.plugin.bridge",
                  "geogov.plugin.bridge.i18n", "geogov.plugin.bridge.resources",
                  "geogov.plugin.bridge.processing_provider", "geogov.plugin.bridge.algorithms",
                  # The algorithms' field types (a few constants over qgis.core, already loaded).
                  "geogov.plugin.bridge.qgis_compat"}

START_SCRIPT = """
import json, sys
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QMainWindow
import qgis.gui, qgis.utils  # loaded by QGIS before any plugin
app = QgsApplication([], True)
app.initQgis()

class Iface:
    # Only what initGui uses; the deferred start never runs (no event loop here).
    def __init__(self):
        self.window = QMainWindow()
    def mainWindow(self):
        return self.window
    def addToolBar(self, name):
        return self.window.addToolBar(name)
    def __getattr__(self, name):
        return lambda *args, **kwargs: None

before = set(sys.modules)
import geogov
plugin = geogov.classFactory(Iface())
plugin.initGui()
print(json.dumps(sorted(set(sys.modules) - before)))
plugin.unload()
app.exitQgis()
"""


def test_init_gui_imports_only_light_modules():
    """Only the plugin's entry point, the Processing provider and its algorithm modules
    (whose heavy imports wait for processAlgorithm), and the standard library."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root / "build" / "py"), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", START_SCRIPT], capture_output=True, text=True,
                         env=env, cwd=str(root), timeout=120)
    assert out.returncode == 0, out.stderr
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    ours = {m for m in loaded if m.split(".")[0] == "geogov"}
    heavy = sorted(m for m in ours - LIGHT_AT_START if not m.startswith("geogov.plugin.bridge.alg_"))
    assert heavy == [], "imported by initGui: import them where they are used"
    foreign = sorted(m for m in set(loaded) - ours
                     if m.split(".")[0] not in sys.stdlib_module_names)
    assert foreign == [], "third-party modules imported by initGui"
    assert "geogov.plugin.bridge.alg_apply_proposal" in loaded


def _action(plugin, name):
    return next(a for a in plugin.actions if a.objectName() == name)


def test_components_start_after_the_event_loop_turns(qgis_iface, plugin):
    from geogov.tests.support.qt_wait import wait_for
    from geogov.ui.plugin import STARTED

    plugin.initGui()
    try:
        assert plugin.started == {} and plugin.built_docks == {} and not plugin.start_finished
        assert not _action(plugin, "geogov_propose_changes").isEnabled()
        qgis_iface.registerOptionsWidgetFactory.assert_called_with(plugin.options_factory)
        wait_for(lambda: plugin.start_finished, timeout=10)
        assert set(plugin.started) == set(STARTED)
        assert plugin.started["layer_indicator"] is None      # the test iface has no layer tree
        assert plugin.started["propose_action"] in plugin.components
        assert plugin.started["notifications"].notifications.watcher is not None
        assert {f"start:{name}" for name in STARTED} <= set(plugin.start_seconds)
        assert plugin.built_docks == {}                         # no dock was asked for
    finally:
        plugin.unload()
    qgis_iface.unregisterOptionsWidgetFactory.assert_called()


def test_unload_before_the_start_starts_nothing(qgis_iface):
    from geogov.tests.support.qt_wait import spin

    before = _state(qgis_iface)
    instance = geogov.classFactory(qgis_iface)
    instance.initGui()
    instance.unload()
    spin(0.2)
    assert instance.started == {} and instance.components == [] and not instance.start_finished
    assert _state(qgis_iface) == before


DOCKS = {"responsibility_dock": "geogov_responsibility_dock",
         "convention_browser": "geogov_convention_browser",
         "catalogue_dock": "geogov_catalogue", "review_dock": "geogov_review",
         "my_proposals": "geogov_my_proposals"}


@pytest.fixture()
def no_remembered_docks():
    from qgis.core import QgsSettings

    from geogov.ui.plugin import OPEN_DOCKS_KEY

    QgsSettings().remove(OPEN_DOCKS_KEY)
    yield OPEN_DOCKS_KEY
    QgsSettings().remove(OPEN_DOCKS_KEY)


def test_a_dock_is_built_by_its_action_once_and_unload_removes_it(qgis_iface, no_remembered_docks):
    before = _state(qgis_iface)
    plugin = geogov.classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin.finish_start()
        for module, action_name in DOCKS.items():
            action = _action(plugin, action_name)
            assert plugin.dock_of(module) is None
            action.trigger()
            dock = plugin.dock_of(module)
            assert dock is not None and dock in plugin.docks and not dock.isHidden()
            assert dock.objectName().startswith("GeoGov") and action.isChecked()
            action.trigger()
            assert dock.isHidden()
            action.trigger()
            assert plugin.dock_of(module) is dock and not dock.isHidden()
        assert len(plugin.docks) == len(DOCKS)
        assert len({d.objectName() for d in plugin.docks}) == len(DOCKS)
    finally:
        plugin.unload()
    assert plugin.built_docks == {} and plugin.docks == []
    assert _state(qgis_iface) == before


def test_the_layer_indicator_opens_the_responsibility_dock(qgis_iface, no_remembered_docks):
    from qgis.core import QgsProject, QgsVectorLayer

    from geogov.ui.responsibility_dock import show_for_layer

    layer = QgsVectorLayer("Point?crs=EPSG:4326", "un point", "memory")
    QgsProject.instance().addMapLayer(layer)
    plugin = geogov.classFactory(qgis_iface)
    plugin.initGui()
    try:
        show_for_layer(plugin, layer)
        dock = plugin.dock_of("responsibility_dock")
        assert dock is not None and not dock.isHidden() and dock.layer is layer
    finally:
        plugin.unload()
        QgsProject.instance().removeAllMapLayers()


def test_an_open_dock_is_remembered_and_put_back_where_qgis_saved_it(qgis_iface, no_remembered_docks):
    """QGIS restores its window state (saveState/restoreState) before plugins' docks
    exist; Qt keeps a placeholder, and the deferred start puts the dock back there."""
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import Qt

    from geogov.ui.plugin import remembered_docks

    window = qgis_iface.mainWindow()
    shown = window.isVisible()
    window.show()        # a dock's toggle-view action follows real show/hide events only
    try:
        first = geogov.classFactory(qgis_iface)
        first.initGui()
        try:
            first.finish_start()
            _action(first, "geogov_catalogue").trigger()
            _action(first, "geogov_my_proposals").trigger()
            _action(first, "geogov_my_proposals").trigger()     # opened, then closed
            assert remembered_docks() == ["catalogue_dock"]
            dock = first.dock_of("catalogue_dock")
            window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
            state = window.saveState()
        finally:
            first.unload()
        assert remembered_docks() == ["catalogue_dock"]       # unload is not the user closing it
        # As in a new QGIS: the old dock is gone when the window state is restored.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        window.restoreState(state)
        second = geogov.classFactory(qgis_iface)
        second.initGui()
        try:
            assert second.dock_of("catalogue_dock") is None
            second.finish_start()
            dock = second.dock_of("catalogue_dock")
            assert dock is not None and dock.isVisible() and dock in second.docks
            assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea
            assert _action(second, "geogov_catalogue").isChecked()
            assert second.dock_of("my_proposals") is None
            assert "dock:catalogue_dock" in second.start_seconds
        finally:
            second.unload()
    finally:
        window.setVisible(shown)
        QgsSettings().remove("geogov/ui")
    assert _state(qgis_iface)[1] == []


def test_a_remembered_dock_that_qgis_saved_closed_stays_closed_and_is_forgotten(
        qgis_iface, no_remembered_docks):
    """After a crash, say: the plugin's memory says open, QGIS's saved state says closed."""
    from qgis.core import QgsSettings

    from geogov.ui.plugin import OPEN_DOCKS_KEY, remembered_docks

    window = qgis_iface.mainWindow()
    shown = window.isVisible()
    window.show()
    try:
        first = geogov.classFactory(qgis_iface)
        first.initGui()
        try:
            first.finish_start()
            _action(first, "geogov_catalogue").trigger()
            _action(first, "geogov_catalogue").trigger()
            assert remembered_docks() == []
            state = window.saveState()
        finally:
            first.unload()
        QgsSettings().setValue(OPEN_DOCKS_KEY, ["catalogue_dock"])
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        window.restoreState(state)
        second = geogov.classFactory(qgis_iface)
        second.initGui()
        try:
            second.finish_start()
            dock = second.dock_of("catalogue_dock")
            assert dock is not None and dock.isHidden()
            assert not _action(second, "geogov_catalogue").isChecked()
            assert remembered_docks() == []
        finally:
            second.unload()
    finally:
        window.setVisible(shown)


def test_main_actions_have_shortcuts_tooltips_and_menu_groups(qgis_iface):
    """Keyboard shortcuts through QGIS's shortcut manager (changeable in Settings ▸
    Keyboard Shortcuts, gone after unload), tooltips that say more than the name, and
    separators between the governance, discovery and proposal groups."""
    from qgis.gui import QgsGui

    import geogov

    plugin = geogov.classFactory(qgis_iface)
    plugin.initGui()
    manager = QgsGui.shortcutsManager()
    try:
        review = plugin.action_named("geogov_review")
        assert review.shortcut().toString() == "Ctrl+Alt+Shift+V"
        assert review in manager.listActions()
        for name in ("geogov_responsibility_dock", "geogov_catalogue", "geogov_propose_changes",
                     "geogov_my_proposals"):
            action = plugin.action_named(name)
            assert action.shortcut().toString(), name
            assert len(action.toolTip()) > len(action.text()) + 10, name
        shortcuts = [a.shortcut().toString() for a in plugin.actions if not a.shortcut().isEmpty()]
        assert len(shortcuts) == len(set(shortcuts))
        assert sum(1 for a in plugin.actions if a.isSeparator()) == 2
        registered = [a for a in plugin.actions if a in manager.listActions()]
    finally:
        plugin.unload()
    assert len(registered) == 5
    assert not any(a.objectName().startswith("geogov_") for a in manager.listActions())
