"""In the real QGIS desktop, GeoGov's lazy start keeps what a user sees from one session
to the next: a dock left open when QGIS closed is built again at the next start and put
back where QGIS's saved window state has it; the others are built only when asked for.
Unloading (Plugin Reloader) removes whatever was built, and loading again reopens the docks
that were open."""

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


RELOAD = '''
import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QMenu, QToolBar

OPENED = ("geogov_catalogue", "geogov_review", "geogov_responsibility_dock",
          "geogov_my_proposals", "geogov_convention_browser", "geogov_service_browser")


def state(driver):
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window = driver.window
    return [sorted(a.objectName() for a in window.findChildren(QAction)
                   if a.objectName().startswith("geogov")),
            sorted(d.objectName() for d in window.findChildren(QDockWidget)
                   if d.objectName().startswith("GeoGov")),
            sorted(t.objectName() for t in window.findChildren(QToolBar)
                   if t.objectName().startswith("GeoGov")),
            QgsApplication.processingRegistry().providerById("geogov") is not None,
            len(window.findChild(QMenu, "mPanelMenu").actions())]


def journey(driver):
    plugin = driver.wait_until(lambda: driver.plugin("geogov"), message="GeoGov is not loaded")
    driver.wait_until(lambda: plugin.start_finished, message="GeoGov's start did not end")
    driver.result("started", state(driver))
    for name in OPENED:
        driver.find(QAction, name).trigger()
    driver.wait(0.5)
    driver.result("opened", state(driver))
    qgis.utils.unloadPlugin("geogov")               # what Plugin Reloader does
    driver.wait(0.3)
    driver.result("unloaded", state(driver))
    qgis.utils.loadPlugin("geogov")
    qgis.utils.startPlugin("geogov")
    plugin = driver.wait_until(lambda: driver.plugin("geogov"), message="GeoGov did not load again")
    driver.wait_until(lambda: plugin.start_finished, message="GeoGov's start did not end")
    driver.wait(0.3)
    driver.result("reloaded", state(driver))
'''


def test_unload_removes_everything_built_and_a_reload_reopens_the_open_docks(virtual_display):
    run = desktop.run_qgis(RELOAD, name="startup-reload", timeout=180)
    assert run.ok, run.report()
    started, opened = run.results["started"], run.results["opened"]
    assert started[1] == [] and opened[1] == sorted([
        "GeoGovCatalogueDock", "GeoGovReviewDock", "GeoGovResponsibilityDock",
        "GeoGovMyProposalsDock", "GeoGovConventionBrowser"])
    unloaded = run.results["unloaded"]
    assert unloaded[:4] == [[], [], [], False]
    assert unloaded[4] == started[4]                   # View ▸ Panels as before GeoGov's docks
    assert run.results["reloaded"] == opened           # the open docks come back after a reload
