"""Every GeoGov panel and dialog at its default size, on a small and on a scaled screen.

Runs inside QGIS (tests/support/desktop.py) after the journey (tests/e2e/journeys/
technician.py and steward.py), on the same shared folder, as steward94: the project with
the WFS layer, the store with the applied proposal, its change log. For each dock and
dialog: opened as a user opens it (its action, its button), left at the size GeoGov gives
it, checked for what a user would see cut (a widget smaller than the least Qt says it needs,
a window larger than the screen), and photographed. The test (tests/e2e/test_journey.py)
runs it in French and in English on 1366×768 and on 1920×1080 at 150 % (QT_SCALE_FACTOR).
"""

from qgis.core import QgsProject
from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import QAction

from geogov.tests.e2e.journeys.common import PARAMS, leave_no_edits, set_up_credentials, wait_for_canvas
from geogov.tests.support.desktop_ui import (
    ModalAnswerer,
    choose_item,
    click,
    click_cell,
    close_dock,
    cramped_widgets,
    dialog_of_type,
    open_dock,
    trigger,
    type_text,
)

DOCKS = [
    ("catalogue", "geogov_catalogue", "GeoGovCatalogueDock"),
    ("responsibility", "geogov_responsibility_dock", "GeoGovResponsibilityDock"),
    ("review", "geogov_review", "GeoGovReviewDock"),
    ("my-proposals", "geogov_my_proposals", "GeoGovMyProposalsDock"),
    ("convention", "geogov_convention_browser", "GeoGovConventionBrowser"),
]


def journey(driver):
    driver.wait_until(lambda: driver.plugin("geogov"), message="GeoGov did not load")
    set_up_credentials(driver)
    answers = ModalAnswerer(driver)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    driver.result("screen", [screen.width(), screen.height()])
    seen = {}
    try:
        layer = open_the_project(driver)
        for name, action, dock_name in DOCKS:
            seen[name] = look_at_dock(driver, name, action, dock_name, layer)
        for name, opener in DIALOGS:
            seen[name] = look_at_dialog(driver, name, opener, layer)
    finally:
        answers.stop()
        leave_no_edits()
        driver.result("screens", seen)
        driver.result("unexpected_message_boxes", answers.unexpected)


def open_the_project(driver):
    driver.iface.addProject(PARAMS["project"])
    layer = driver.wait_until(lambda: next((lyr for lyr in QgsProject.instance().mapLayers().values()
                                            if lyr.providerType() == "WFS"), None), 30,
                              "the project has no WFS layer")
    driver.wait_until(layer.isValid, 30, "the project's WFS layer is not valid")
    driver.iface.setActiveLayer(layer)
    driver.iface.zoomToActiveLayer()
    wait_for_canvas(driver)
    return layer


def measure(widget) -> dict:
    screen = QGuiApplication.primaryScreen().availableGeometry()
    frame = widget.frameGeometry()
    return {"title": widget.windowTitle(), "size": [widget.width(), widget.height()],
            "fits_screen": frame.width() <= screen.width() and frame.height() <= screen.height(),
            "cramped": cramped_widgets(widget)}


# ---------------------------------------------------------------------------- docks
def fill_dock(driver, name, dock):
    """What a user does first in each panel, so that it shows content, not an empty state."""
    if name == "catalogue":
        type_text(dock.search_edit, "velo")
        driver.wait_until(lambda: dock.model.rowCount() > 0, 60, "the catalogue found nothing")
        click_cell(driver, dock.table, 0)
    elif name == "responsibility":
        driver.wait_until(lambda: dock.info is not None and not dock.info.record_loading, 30,
                          "the Responsibility panel did not show the layer")
    elif name == "review":
        choose_item(driver, dock.ui.scope_combo, "all")
        driver.wait_until(lambda: not dock.busy and dock.ui.queue.topLevelItemCount() > 0, 30,
                          "the review queue shows nothing: " + dock.ui.status_label.text())
        click(driver, dock.ui.queue.viewport())
        driver.wait_until(lambda: not dock.busy, 30)
    elif name == "my-proposals":
        driver.wait_until(lambda: not dock.busy, 30)


def look_at_dock(driver, name, action, dock_name, layer):
    driver.iface.layerTreeView().setCurrentLayer(layer)
    dock = open_dock(driver, action, dock_name)
    fill_dock(driver, name, dock)
    driver.wait(0.5)
    seen = measure(dock)
    seen["area"] = int(driver.window.dockWidgetArea(dock))
    seen["tabified"] = [d.objectName() for d in driver.window.tabifiedDockWidgets(dock)]
    driver.screenshot(name)
    close_dock(driver, action, dock_name)
    return seen


# ---------------------------------------------------------------------------- dialogs
def open_history(driver, layer):
    from geogov.ui.history_dialog import HistoryDialog

    trigger(driver, "geogov_layer_history")
    dialog = driver.wait_until(lambda: dialog_of_type(HistoryDialog), 10, "the history did not open")
    driver.wait_until(lambda: not dialog.busy and dialog.history is not None, 30, "no history")
    return dialog


def open_changelog(driver, layer):
    from geogov.ui.changelog_dialog import ChangelogDialog

    review = open_dock(driver, "geogov_review", "GeoGovReviewDock")
    click(driver, review.ui.changelog_button)
    dialog = driver.wait_until(lambda: dialog_of_type(ChangelogDialog), 10, "no change-log dialog")
    close_dock(driver, "geogov_review", "GeoGovReviewDock")
    return dialog


def open_report(driver, layer):
    from geogov.ui.governance_report_dialog import GovernanceReportDialog

    trigger(driver, "geogov_governance_report")
    return driver.wait_until(lambda: dialog_of_type(GovernanceReportDialog), 10, "no report dialog")


def open_services(driver, layer):
    from geogov.ui.service_browser import ServiceBrowser

    trigger(driver, "geogov_service_browser")
    return driver.wait_until(lambda: dialog_of_type(ServiceBrowser), 10, "no service browser")


def open_propose(driver, layer):
    """One attribute edited in the layer's edit buffer, then « Propose my changes… »."""
    from geogov.ui.propose_dialog import ProposeDialog

    layer.startEditing()
    feature = next(layer.getFeatures())
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("revetement"), "béton")
    driver.wait_until(lambda: driver.find(QAction, "geogov_propose_changes").isEnabled(), 10,
                      "« Propose my changes » stays disabled")
    trigger(driver, "geogov_propose_changes")
    dialog = driver.wait_until(lambda: dialog_of_type(ProposeDialog), 10, "no propose dialog")
    driver.wait_until(lambda: not dialog.busy and dialog.prepared is not None, 60,
                      "the changes were not computed: " + dialog.status.text())
    return dialog


DIALOGS = [("propose", open_propose), ("history", open_history), ("changelog", open_changelog),
           ("report", open_report), ("services", open_services)]


def look_at_dialog(driver, name, opener, layer):
    dialog = opener(driver, layer)
    driver.wait(0.5)
    seen = measure(dialog)
    seen["modal"] = dialog.isModal()
    driver.screenshot(name, dialog)
    dialog.close()
    driver.wait_until(lambda: not dialog.isVisible(), 5, f"the {name} dialog did not close")
    if name == "propose":
        layer.rollBack()
    return seen
