"""In the real QGIS desktop, GeoGov's lazy start keeps what a user sees from one session
to the next: a dock left open when QGIS closed is built again at the next start and put
back where QGIS's saved window state has it; the others are built only when asked for."""

from geogov.tests.support import desktop

FIRST = '''
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAction


def journey(driver):
    from geogov.ui.plugin import remembered_docks

    plugin = driver.wait_until(lambda: driver.plugin("geogov"), message="GeoGov is not loaded")
    driver.wait_until(lambda: plugin.start_finished, message="GeoGov's start did not end")
    driver.result("built_before", sorted(plugin.built_docks))
    driver.find(QAction, "geogov_catalogue").trigger()
    driver.find(QAction, "geogov_review").trigger()
    driver.find(QAction, "geogov_review").trigger()          # opened, then closed again
    dock = plugin.dock_of("catalogue_dock")
    driver.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    driver.wait(0.3)
    driver.result("remembered", remembered_docks())
    # QGIS saves its window state when its main window closes, as when a user quits.
    driver.window.close()
'''

SECOND = '''
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QMenu


def journey(driver):
    plugin = driver.wait_until(lambda: driver.plugin("geogov"), message="GeoGov is not loaded")
    driver.wait_until(lambda: plugin.start_finished, message="GeoGov's start did not end")
    dock = plugin.dock_of("catalogue_dock")
    driver.result("built", sorted(plugin.built_docks))
    driver.result("visible", dock is not None and dock.isVisible())
    driver.result("left", dock is not None and
                  driver.window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea)
    driver.result("deferred", sorted(plugin.start_seconds))
    panels = driver.window.findChild(QMenu, "mPanelMenu")
    driver.result("in_panels", dock is not None and dock.toggleViewAction() in panels.actions())
    driver.screenshot("restored")
'''


def test_a_dock_left_open_comes_back_in_its_place_and_no_other(virtual_display, tmp_path):
    profile = desktop.make_profile(tmp_path / "profiles", "restore")
    first = desktop.run_qgis(FIRST, name="startup-restore-1", profile_dir=profile, timeout=180)
    assert first.finished and not first.errors and first.python_errors == [], first.report()
    assert first.results["built_before"] == []
    assert first.results["remembered"] == ["catalogue_dock"]

    second = desktop.run_qgis(SECOND, name="startup-restore-2", profile_dir=profile, timeout=180)
    assert second.ok, second.report()
    assert second.results["built"] == ["catalogue_dock"]
    assert second.results["visible"] is True and second.results["left"] is True
    assert second.results["in_panels"] is True          # View ▸ Panels lists it, as QGIS would
    assert "dock:catalogue_dock" in second.results["deferred"]
