"""What a user of the real QGIS desktop met and the happy-path tests did not (found by
driving QGIS under Xvfb in situations of everyday use)."""

import builtins

import pytest
import qgis.utils

import geogov

DOCK_ACTIONS = ("geogov_responsibility_dock", "geogov_convention_browser", "geogov_catalogue",
                "geogov_review", "geogov_my_proposals")


@pytest.fixture()
def tracked_imports(monkeypatch):
    """QGIS's own import hook (qgis.utils._import) records GeoGov's modules, as in QGIS
    desktop, where "geogov" is an available plugin: unloadPlugin() drops what it recorded."""
    monkeypatch.setattr(builtins, "__import__", qgis.utils._import)
    monkeypatch.setattr(qgis.utils, "available_plugins", [*qgis.utils.available_plugins, "geogov"])
    monkeypatch.setitem(qgis.utils._plugin_modules, "geogov", set())
    return qgis.utils._plugin_modules["geogov"]


def test_modules_imported_on_demand_are_dropped_by_unload_plugin(qgis_iface, tracked_imports):
    """Options ▸ GeoGov ▸ OK after a plugin reload (Plugin Manager, Plugin Reloader) did not
    reload the convention: the panels' modules, imported with importlib (which QGIS's hook
    does not see), stayed in sys.modules across the reload, so the new plugin ran the old
    modules, connected to the old settings signal, while the Options page (imported afresh)
    emitted the new one."""
    from geogov.ui.plugin import STARTED

    plugin = geogov.classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin.finish_start()
        for name in DOCK_ACTIONS:
            plugin.action_named(name).trigger()
        from geogov.plugin.bridge.messages import DOMAIN_MODULES, all_messages

        all_messages()
        loaded = {f"geogov.ui.{name}" for name in (*STARTED, *plugin.built_docks)}
        # the message tables, each imported on demand by all_messages() (lookup._domain_modules)
        assert {"catalogue", "governance", "proposals", "publishing"} <= set(DOMAIN_MODULES)
        loaded |= {f"geogov.plugin.bridge.messages.{name}" for name in DOMAIN_MODULES}
        assert loaded - tracked_imports == set()
    finally:
        plugin.unload()


def test_the_responsibility_panel_follows_a_renamed_layer(qgis_iface, tmp_path):
    """Renaming the current layer in the layer tree left its old name in the panel's title."""
    from qgis.core import QgsProject, QgsVectorLayer

    from geogov.tests.qgis.governance_fixtures import make_state
    from geogov.ui.responsibility_dock import ResponsibilityDock

    state, _ = make_state(tmp_path / "absent.yaml")
    dock = ResponsibilityDock(qgis_iface, state)
    first = QgsVectorLayer("Point?crs=EPSG:2154", "pistes", "memory")
    second = QgsVectorLayer("Point?crs=EPSG:2154", "bornes", "memory")
    QgsProject.instance().addMapLayers([first, second])
    try:
        dock.follow(first)
        assert "pistes" in dock.title_label.text()
        first.setName("pistes cyclables 2024")
        assert "pistes cyclables 2024" in dock.title_label.text()
        dock.follow(second)
        first.setName("ancien nom")
        assert "bornes" in dock.title_label.text()
        QgsProject.instance().removeMapLayer(second.id())
        dock.follow(None)
        assert dock.layer is None or dock.layer is qgis_iface.activeLayer()
        dock.follow(first)
        dock.unload()                      # the plugin unloads: renames no longer reach it
        shown = dock.title_label.text()
        first.setName("après le déchargement")
        assert dock.title_label.text() == shown
    finally:
        QgsProject.instance().removeAllMapLayers()
        state.close()
        dock.deleteLater()


@pytest.mark.parametrize("where", ["missing folder", "a folder"])
def test_a_proposal_store_path_that_cannot_be_a_file_is_said_plainly(qgis_app, tmp_path, where):
    """Options ▸ GeoGov ▸ GeoPackage file in a folder that does not exist, or a folder:
    the panels said "the folder … does not exist" in English inside a French sentence, or
    SQLite's "GeoPackage error: unable to open database file"."""
    from geogov.plugin.bridge import settings as gsettings
    from geogov.plugin.bridge.messages import error_text
    from geogov.plugin.bridge.store_factory import open_store
    from geogov.plugin.errors import StoreError

    path = tmp_path / "absent" / "proposals.gpkg" if where == "missing folder" else tmp_path
    settings = gsettings.Settings(store_kind="gpkg", store_path=str(path), identity_login="tech94")
    for opening in ((lambda: open_store(settings, create=True)),
                    *([lambda: open_store(settings)] if where == "a folder" else [])):
        with pytest.raises(StoreError) as caught:
            opening()
        text = error_text(caught.value)
        assert caught.value.code.startswith("store.file.")
        assert "Settings ▸ Options ▸ GeoGov" in text and "GeoPackage error" not in text
        assert "does not exist (" not in text
