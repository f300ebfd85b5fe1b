"""Journey, part 1: a technician of the Val-de-Marne (tech94, cd94) in QGIS desktop.

Runs inside QGIS (tests/support/desktop.py). Finds the cycling dataset in the demo
catalogue ("velo", typed without the accent), reads who is responsible for it, adds its
WFS layer, works on the Val-de-Marne, opens "Who is responsible", edits three features
(one new, one moved with a changed attribute, one deleted), proposes them with a title
and a reason, and saves the project on the shared folder for the steward. Every step
goes through GeoGov's own docks, buttons and dialogs; what it read goes back to the test
with ``driver.result`` (tests/e2e/test_journey.py checks it).
"""

import os
import re

from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)
from qgis.PyQt.QtWidgets import QAction, QDialogButtonBox, QDockWidget, QMessageBox

from geogov.tests.e2e.journeys.common import (
    PARAMS,
    leave_no_edits,
    set_up_credentials,
    wait_for_canvas,
    widen_dock,
)
from geogov.tests.support.desktop_ui import (
    ModalAnswerer,
    click,
    click_cell,
    close_dock,
    dialog_of_type,
    open_dock,
    trigger,
    type_text,
)

VAL_DE_MARNE = "\"departement\" = '94'"


def plain(html_text: str) -> str:
    return re.sub(r"<[^>]+>", "", html_text).replace("&#x27;", "'").replace("&amp;", "&").strip()


def journey(driver):
    driver.wait_until(lambda: driver.plugin("geogov"), message="GeoGov did not load")
    set_up_credentials(driver)
    answers = ModalAnswerer(driver)
    try:
        search_the_catalogue(driver)
        layer = add_the_wfs_layer(driver)
        read_who_is_responsible(driver, layer)
        edit_three_features(driver, layer, answers)
        propose(driver, layer, answers)
        my_proposals(driver)
        save_the_project(driver)
    finally:
        answers.stop()
        leave_no_edits()
        driver.result("message_boxes", answers.seen)
        driver.result("message_box_buttons", answers.buttons)
        driver.result("unexpected_message_boxes", answers.unexpected)


# ---------------------------------------------------------------------------- 1 search
def search_the_catalogue(driver):
    dock = open_dock(driver, "geogov_catalogue", "GeoGovCatalogueDock")
    widen_dock(driver, dock, 660)
    driver.result("catalogue_dock_title", dock.windowTitle())
    driver.result("search_button", dock.search_button.text())
    driver.wait_until(lambda: dock.connection_box.count() > 0, 10, "no catalogue connection")
    driver.result("catalogue", dock.connection_box.currentText())
    type_text(dock.search_edit, PARAMS["query"])          # searched after a pause, as typed
    driver.wait_until(lambda: dock.model.rowCount() > 0 or "c62828" in dock.status_label.styleSheet(),
                      60, "the catalogue search gave nothing")
    driver.wait_until(lambda: dock.search_task is None, 30)
    titles = [dock.model.record_at(r).title for r in range(dock.model.rowCount())]
    driver.result("titles", titles)
    driver.result("page_label", dock.page_label.text())
    row = titles.index(PARAMS["dataset_title"])
    click_cell(driver, dock.table, row)
    record = dock.selected_record()
    driver.result("record_id", record.identifier)
    driver.wait(0.3)
    driver.result("party_headers", [plain(h.text()) for h, _ in dock.details.group_labels])
    driver.result("parties", {plain(h.text()): [plain(p.text()) for p in parties]
                              for h, parties in dock.details.group_labels})
    driver.result("add_wfs_text", dock.add_buttons["wfs"].text())
    driver.screenshot("01-search")


# ---------------------------------------------------------------------------- 2 add WFS
def add_the_wfs_layer(driver):
    dock = driver.find(QDockWidget, "GeoGovCatalogueDock")
    project = QgsProject.instance()
    before = set(project.mapLayers())
    click(driver, dock.add_buttons["wfs"])
    new = driver.wait_until(lambda: set(project.mapLayers()) - before, 60,
                            "the WFS layer was not added: " + dock.status_label.text())
    layer = project.mapLayer(new.pop())
    driver.wait_until(lambda: "c62828" not in dock.status_label.styleSheet(), 5)
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        driver.fail(f"the added layer is not a valid vector layer: {layer}")
    driver.result("layer", {"name": layer.name(), "provider": layer.providerType(),
                            "source": layer.source(), "crs": layer.crs().authid(),
                            "features": layer.featureCount(), "status": dock.status_label.text()})
    driver.iface.setActiveLayer(layer)
    # QGIS 3.22's WFS provider may crash when its filter changes while it still downloads
    # features (seen here: a segfault): let the map draw the whole layer first.
    wait_for_canvas(driver)
    # The technician works on the Val-de-Marne only (Layer ▸ Filter…, the Query Builder).
    if not layer.setSubsetString(VAL_DE_MARNE):
        driver.fail("the layer does not accept the Val-de-Marne filter")
    driver.iface.zoomToActiveLayer()
    wait_for_canvas(driver)
    layer.updateExtents()
    driver.iface.zoomToActiveLayer()         # again, now that the layer knows its own extent
    wait_for_canvas(driver)
    driver.result("features_94", layer.featureCount())
    driver.screenshot("02-wfs-layer")
    close_dock(driver, "geogov_catalogue", "GeoGovCatalogueDock")      # room for the next panel
    return layer


# ---------------------------------------------------------------------------- 3 who
def read_who_is_responsible(driver, layer):
    dock = open_dock(driver, "geogov_responsibility_dock", "GeoGovResponsibilityDock")
    widen_dock(driver, dock, 560)
    driver.wait_until(lambda: dock.info is not None and dock.info.governed
                      and not dock.info.record_loading and not dock.info.places_loading, 30,
                      "the Responsibility panel did not show the layer: " + dock.details.toPlainText())
    driver.wait(0.5)
    driver.result("responsibility", {
        "dock_title": dock.windowTitle(), "title": plain(dock.title_label.text()),
        "stewards": dock.steward_names(), "status": dock.status_label.text(),
        "due": dock.due_label.text(), "text": dock.details.toPlainText(),
        "departements": sorted({c[:2] for c in dock.info.responsibility.communes or []})})
    driver.screenshot("03-responsibility")
    close_dock(driver, "geogov_responsibility_dock", "GeoGovResponsibilityDock")


# ---------------------------------------------------------------------------- 4 edit
def edit_three_features(driver, layer, answers):
    """QGIS's own editing: Toggle Editing, then what its digitising tools do to the edit
    buffer (an edit command per change: add a line, move one and change its surface in
    the attribute form, select one and Delete Selected)."""
    driver.iface.setActiveLayer(layer)
    driver.iface.actionToggleEditing().trigger()
    driver.wait_until(layer.isEditable, 10, "the layer did not go into edit mode")
    # Three neighbouring cycle lanes: the first of the 94 and the two closest to it.
    features = sorted(layer.getFeatures(QgsFeatureRequest()), key=lambda f: f["identifiant"])
    template = features[0]
    moved, deleted = sorted(features[1:], key=lambda f: f.geometry().distance(template.geometry()))[:2]
    fields = layer.fields()

    layer.beginEditCommand("move")
    layer.translateFeature(moved.id(), 60.0, -45.0)
    layer.changeAttributeValue(moved.id(), fields.indexOf("revetement"), PARAMS["new_surface"],
                               moved["revetement"])
    layer.endEditCommand()

    start = template.geometry().centroid().asPoint()
    line = QgsGeometry.fromPolylineXY([QgsPointXY(start.x() + 150, start.y() + 120),
                                       QgsPointXY(start.x() + 520, start.y() + 330),
                                       QgsPointXY(start.x() + 900, start.y() + 360)])
    values = {fields.indexOf(name): template[name] for name in fields.names() if name != "fid"}
    values[fields.indexOf("identifiant")] = PARAMS["new_key"]
    values[fields.indexOf("type_amenagement")] = "voie verte"
    values[fields.indexOf("longueur_m")] = round(line.length(), 1)
    new = QgsVectorLayerUtils.createFeature(layer, line, values)
    layer.beginEditCommand("add")
    if not layer.addFeature(new):
        driver.fail("QGIS refused the new feature")
    layer.endEditCommand()

    layer.selectByIds([deleted.id()])
    canvas = driver.iface.mapCanvas()
    area = QgsRectangle(template.geometry().boundingBox())
    for feature in (moved, deleted):
        area.combineExtentWith(feature.geometry().boundingBox())
    area.combineExtentWith(line.boundingBox())
    canvas.setExtent(area.buffered(max(area.width(), area.height()) * 0.25))
    wait_for_canvas(driver)
    asks = Qgis.QGIS_VERSION_INT >= 34000
    driver.result("asked_before_deleting", asks)
    if asks:
        # QGIS 3.40 and 3.44 ask before deleting ("1 entité sélectionnée est sur le point
        # d'être supprimée"); 3.22 deletes at once. The technician says yes.
        answers.answer_next(QMessageBox.StandardButton.Yes)
    driver.iface.actionDeleteSelected().trigger()          # Edit ▸ Delete Selected
    driver.wait_until(lambda: deleted.id() in layer.editBuffer().deletedFeatureIds(), 10,
                      f"the selected feature was not deleted ({answers.unexpected})")
    driver.result("edits", {"inserted": PARAMS["new_key"], "moved": moved["identifiant"],
                            "deleted": deleted["identifiant"], "old_surface": moved["revetement"]})
    driver.result("propose_enabled", trigger_enabled(driver, "geogov_propose_changes"))
    # The technician selects the two lanes drawn or moved to look them over (yellow, with
    # their vertices) before proposing.
    layer.selectByIds([moved.id()] + list(layer.editBuffer().addedFeatures()))
    wait_for_canvas(driver)
    driver.screenshot("04-edits")
    layer.removeSelection()


def trigger_enabled(driver, name):
    return driver.find(QAction, name).isEnabled()


# ---------------------------------------------------------------------------- 5 propose
def propose(driver, layer, answers):
    from geogov.ui.propose_dialog import ProposeDialog

    trigger(driver, "geogov_propose_changes")
    dialog = driver.wait_until(lambda: dialog_of_type(ProposeDialog), 10, "the Propose dialog did not open")
    driver.wait_until(lambda: not dialog.busy and dialog.prepared is not None, 60,
                      "the changes were not computed: " + dialog.status.text())
    prepared = dialog.prepared
    driver.result("prepared", {
        "counts": dict(prepared.changeset.counts()), "problems": len(prepared.problems),
        "departements": list(prepared.departements), "status": dialog.status.text(),
        "counts_text": dialog.counts.text(), "summary": plain(dialog.summary.text()),
        "target": [prepared.source.target.kind, prepared.source.target.uri,
                   prepared.source.target.layer, prepared.source.target.authcfg],
        "window_title": dialog.windowTitle(), "submit_text": dialog.submit_button.text()})
    dialog.title.selectAll()
    type_text(dialog.title, PARAMS["title"])
    type_text(dialog.comment, PARAMS["comment"])
    driver.wait_until(dialog.submit_button.isEnabled, 5, "Submit stays disabled: " + dialog.reason.text())
    dialog.resize(900, 760)
    driver.wait(0.3)
    driver.screenshot("05-propose", dialog)
    # After submitting, the dialog asks whether to discard the edits from the layer: yes.
    answers.answer_next(QMessageBox.StandardButton.Yes, "06-discard-edits")
    click(driver, dialog.submit_button)
    driver.wait_until(lambda: not dialog.busy and dialog.proposal is not None
                      and dialog.proposal.status == "submitted", 60,
                      "the proposal was not submitted: " + dialog.status.text())
    driver.wait_until(lambda: not layer.isEditable(), 10,
                      f"the edits were not discarded {answers.unexpected}")
    driver.result("proposal", {"id": dialog.proposal.id, "status": dialog.proposal.status,
                               "title": dialog.proposal.title, "message": dialog.status.text()})
    driver.result("layer_after", {"editable": layer.isEditable(), "modified": layer.isModified()})
    driver.wait(0.3)
    driver.screenshot("07-submitted", dialog)
    click(driver, dialog.buttons.button(QDialogButtonBox.StandardButton.Close))
    driver.wait_until(lambda: not dialog.isVisible(), 5, "the dialog did not close")


# ---------------------------------------------------------------------------- 6 mine
def my_proposals(driver):
    dock = open_dock(driver, "geogov_my_proposals", "GeoGovMyProposalsDock")
    widen_dock(driver, dock, 760)
    tree = dock.table
    driver.wait_until(lambda: not dock.busy and tree.topLevelItemCount() > 0, 30,
                      "My proposals lists nothing: " + dock.status.text())
    click_cell(driver, tree, 0)
    driver.wait_until(lambda: not dock.busy and dock.details.toPlainText().strip(), 30,
                      "My proposals shows no detail")
    rows = [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
            for i in range(tree.topLevelItemCount())]
    driver.result("my_proposals", {"title": dock.windowTitle(), "rows": rows,
                                   "details": dock.details.toPlainText()})
    driver.screenshot("08-my-proposals")


# ---------------------------------------------------------------------------- 7 save
def save_the_project(driver):
    """File ▸ Save: the project (with its WFS layer) goes on the shared folder."""
    project = QgsProject.instance()
    project.setFileName(PARAMS["project"])
    driver.iface.actionSaveProject().trigger()
    driver.wait_until(lambda: os.path.exists(PARAMS["project"]), 10, "the project was not saved")
    driver.result("project_saved", PARAMS["project"])
