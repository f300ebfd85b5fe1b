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
        from geogov.ui.messages import all_messages

        all_messages()
        loaded = {f"geogov.ui.{name}" for name in (*STARTED, *plugin.built_docks)}
        loaded |= {f"geogov.ui.messages_{name}" for name in ("catalogue", "governance")}
        assert loaded - tracked_imports == set()
    finally:
        plugin.unload()
