"""Journey, part 2: the steward the convention names (steward94, cd94) in QGIS desktop.

Runs inside QGIS (tests/support/desktop.py), after tests/e2e/journeys/technician.py, on
the same shared proposal store. Opens the technician's project, finds the proposal in
"To review by me" of the Review dock, looks at its map diff and attribute diff, approves
it, applies it to the authoritative data (WFS-T) from the dock, reads "Who is
responsible" again (the new revision) and exports the change log. What it saw goes back
to the test with ``driver.result`` (tests/e2e/test_journey.py checks it).
"""

import os
from collections import Counter

from qgis.core import QgsFeatureRequest, QgsProject
from qgis.gui import QgsGui
from qgis.PyQt.QtCore import QModelIndex, Qt
from qgis.PyQt.QtWidgets import QAction, QDialogButtonBox, QLabel, QMessageBox

from geogov.tests.e2e.journeys.common import (
    PARAMS,
    leave_no_edits,
    set_up_credentials,
    wait_for_canvas,
    widen_dock,
)
from geogov.tests.support.desktop_ui import (
    ModalAnswerer,
    choose_item,
    choose_tab,
    click,
    click_tree_item,
    close_dock,
    dialog_of_type,
    open_dock,
    type_text,
)


def journey(driver):
    driver.wait_until(lambda: driver.plugin("geogov"), message="GeoGov did not load")
    set_up_credentials(driver)
    answers = ModalAnswerer(driver)
    try:
        layer = open_the_project(driver)
        see_what_waits(driver, layer)
        dock = open_the_queue(driver)
        look_at_the_diffs(driver, dock)
        approve(driver, dock)
        apply(driver, dock, answers, layer)
        read_the_history_and_revert(driver, layer)
        read_who_is_responsible(driver, layer)
        export_the_change_log(driver, dock)
    finally:
        answers.stop()
        leave_no_edits()
        driver.result("message_boxes", answers.seen)
        driver.result("message_box_buttons", answers.buttons)
        driver.result("unexpected_message_boxes", answers.unexpected)


def open_the_project(driver):
    """Project ▸ Open: the technician's project on the shared folder."""
    driver.iface.addProject(PARAMS["project"])
    layers = driver.wait_until(lambda: [layer for layer in QgsProject.instance().mapLayers().values()
                                        if layer.providerType() == "WFS"], 30, "the project has no WFS layer")
    layer = layers[0]
    driver.wait_until(layer.isValid, 30, "the project's WFS layer is not valid")
    driver.iface.setActiveLayer(layer)
    driver.iface.zoomToActiveLayer()
    wait_for_canvas(driver)
    layer.updateExtents()                    # the features of the 94 are known now
    driver.iface.zoomToActiveLayer()
    wait_for_canvas(driver)
    driver.result("project_layer", {"name": layer.name(), "source": layer.source()})
    return layer


# ---------------------------------------------------------------------------- waiting
def layer_indicators(driver, layer):
    """The tooltips of the indicators QGIS's Layers panel shows beside ``layer``."""
    view = driver.iface.layerTreeView()
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    return [indicator.toolTip() for indicator in view.indicators(node)] if node is not None else []


def see_what_waits(driver, layer):
    """At start-up, before any panel is opened: the review action counts the proposal that
    waits for steward94, the message bar says it, and the layer's badge says a proposal is
    pending on it."""
    action = driver.find(QAction, "geogov_review")
    driver.wait_until(lambda: "(1)" in action.text(), 30,
                      "the review action counts nothing: " + action.text())
    bar = [f"{item.title()} {item.text()}" for item in driver.iface.messageBar().items()]
    driver.wait_until(lambda: layer_indicators(driver, layer), 20, "the layer has no GeoGov badge")
    driver.result("waiting", {"action": action.text(), "tooltip": action.toolTip(), "bar": bar,
                              "indicators": layer_indicators(driver, layer)})
    driver.screenshot("09a-waiting")


def summary_titles(dock):
    return [s.title for s in dock.summaries()]


def item_titled(dock, title):
    tree = dock.ui.queue
    for index in range(tree.topLevelItemCount()):
        if tree.topLevelItem(index).text(0) == title:
            return tree.topLevelItem(index)
    return None


def select_proposal(driver, dock):
    item = driver.wait_until(lambda: not dock.busy and item_titled(dock, PARAMS["title"]), 30,
                             f"the proposal is not in the list: {summary_titles(dock)} "
                             f"({dock.ui.status_label.text()})")
    click_tree_item(driver, dock.ui.queue, item)
    driver.wait_until(lambda: not dock.busy and dock.detail is not None
                      and dock.detail.proposal.title == PARAMS["title"], 30,
                      "the proposal's page did not open: " + dock.ui.status_label.text())
    return item


# ---------------------------------------------------------------------------- queue
def open_the_queue(driver):
    dock = open_dock(driver, "geogov_review", "GeoGovReviewDock")
    widen_dock(driver, dock, 760)
    ui = dock.ui
    driver.result("review_dock_title", dock.windowTitle())
    driver.result("scope", ui.scope_combo.currentText())
    item = select_proposal(driver, dock)
    columns = range(ui.queue.columnCount())
    driver.result("queue", {"titles": summary_titles(dock), "row": [item.text(c) for c in columns],
                            "header": ui.header.text(),
                            "headers": [ui.queue.headerItem().text(c) for c in columns]})
    driver.result("detail", {"author": dock.detail.proposal.author, "status": dock.detail.proposal.status,
                             "awaiting_me": dock.detail.awaiting_me,
                             "page": dock.proposal_view.browser.toPlainText()})
    driver.screenshot("09-review-queue")
    return dock


# ---------------------------------------------------------------------------- diffs
def look_at_the_diffs(driver, dock):
    ui = dock.ui
    choose_tab(driver, ui.tabs, PARAMS["texts"]["map_tab"])
    view = dock.diff_view
    driver.wait_until(lambda: len(view.diff_layers()) == 2, 10, "no map diff layers")
    click(driver, view.all_button)                     # "Zoom to all changes"
    wait_for_canvas(driver)
    layers = {}
    for layer in view.diff_layers():
        ops = Counter(f["_op"] for f in layer.getFeatures())
        layers[layer.name()] = {"ops": dict(ops), "fields": layer.fields().names(),
                                "geometry": layer.geometryType(), "crs": layer.crs().authid()}
    driver.result("map_diff", {"layers": layers, "legend": view.legend.text()})
    driver.screenshot("10-map-diff")
    click(driver, view.next_button)                    # step to the first change, which flashes
    wait_for_canvas(driver)
    driver.wait(1.5)                                   # the flash is over
    driver.result("map_diff_step", view.position.text())

    choose_tab(driver, ui.tabs, PARAMS["texts"]["attributes_tab"])
    attributes = dock.attribute_view
    layer = driver.wait_until(attributes.layer, 10, "no attribute diff layer")
    rows = [{"_op": f["_op"], "_key": f["_key"]} for f in layer.getFeatures()]
    model = attributes.view.model()
    columns = range(model.columnCount(QModelIndex())) if model is not None else []
    shown = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) for c in columns
             if not attributes.view.isColumnHidden(c)]
    driver.result("attribute_diff", {"fields": layer.fields().names(), "rows": rows,
                                     "table_rows": model.rowCount(QModelIndex()) if model is not None else 0,
                                     "shown_columns": shown, "legend": attributes.legend.text()})
    driver.wait(0.3)
    driver.screenshot("11-attribute-diff")


# ---------------------------------------------------------------------------- decide
def approve(driver, dock):
    ui = dock.ui
    choose_tab(driver, ui.tabs, PARAMS["texts"]["proposal_tab"])
    type_text(ui.decision_comment, PARAMS["approval_comment"])
    driver.result("approve_button", {"text": ui.approve_button.text(),
                                     "enabled": ui.approve_button.isEnabled(),
                                     "tooltip": ui.approve_button.toolTip()})
    click(driver, ui.approve_button)
    driver.wait_until(lambda: not dock.busy and dock.last_outcome is not None, 30,
                      "the decision was not recorded: " + ui.status_label.text())
    driver.result("decision", {"status": dock.last_outcome.status, "message": ui.status_label.text()})
    # The proposal stays in sight with its next step: the approved ones to apply, selected.
    driver.wait_until(lambda: not dock.busy and dock.detail is not None, 30,
                      "the approved proposal is not shown again: " + ui.status_label.text())
    driver.result("after_approval", {"scope": ui.scope_combo.currentData(),
                                     "selected": len(dock.selected_ids()),
                                     "apply_enabled": ui.apply_button.isEnabled(),
                                     "status": ui.status_label.text()})
    driver.wait(0.3)
    wait_for_canvas(driver)
    driver.result("canvas_after_approval", canvas_layers(driver))
    driver.screenshot("12-approved")


def layer_keys(layer):
    return sorted(f["identifiant"] for f in layer.getFeatures())


def apply(driver, dock, answers, layer):
    ui = dock.ui
    choose_item(driver, ui.scope_combo, "to_apply")       # "Approved, to apply"
    driver.wait_until(lambda: not dock.busy, 30)
    select_proposal(driver, dock)
    driver.wait_until(ui.apply_button.isEnabled, 10, "Apply stays disabled: " + ui.apply_button.toolTip())
    answers.answer_next(QMessageBox.StandardButton.Yes, "13-confirm-apply")
    click(driver, ui.apply_button)
    driver.wait_until(lambda: not dock.busy and getattr(dock.last_outcome, "result", None) is not None, 120,
                      "the apply did not finish: " + ui.status_label.text())
    outcome = dock.last_outcome
    driver.result("apply", {"status": outcome.result.status, "ok": outcome.result.ok,
                            "message": ui.status_label.text(),
                            "proposal_status": outcome.proposal.status if outcome.proposal else None,
                            "record_error": repr(outcome.record_error) if outcome.record_error else None})
    wait_for_canvas(driver)
    # The project's layer of the target was reloaded: QGIS shows the new state.
    driver.wait_until(lambda: PARAMS["new_key"] in layer_keys(layer), 30,
                      "the map's layer does not show the applied change")
    driver.result("layer_after_apply", layer_keys(layer))
    driver.result("canvas_after_apply", canvas_layers(driver))
    driver.screenshot("14-applied")


# ---------------------------------------------------------------------------- history
def feature_with_key(layer, key):
    request = QgsFeatureRequest().setFilterExpression(f"\"identifiant\" = '{key}'")
    return next(layer.getFeatures(request), None)


def read_the_history_and_revert(driver, layer):
    """The new feature's history (the identify tool's GeoGov action), then Revert: the
    inverse change set is checked against the authoritative data and shown, not saved."""
    from geogov.ui.history_dialog import HistoryDialog
    from geogov.ui.revert_dialog import RevertDialog

    feature = driver.wait_until(lambda: feature_with_key(layer, PARAMS["new_key"]), 30,
                                "the applied feature is not in the layer")
    [action] = [a for a in QgsGui.mapLayerActionRegistry().mapLayerActions(layer)
                if a.objectName() == "geogov_feature_history"]
    try:
        from qgis.gui import QgsMapLayerActionContext  # QGIS 3.32+
        action.triggerForFeature(layer, feature, QgsMapLayerActionContext())
    except ImportError:
        action.triggerForFeature(layer, feature)
    dialog = driver.wait_until(lambda: dialog_of_type(HistoryDialog), 10, "the history did not open")
    driver.wait_until(lambda: not dialog.busy and dialog.history is not None, 30,
                      "the history was not read: " + dialog.status.text())
    entries = [[dialog.entries.topLevelItem(i).text(c) for c in range(dialog.entries.columnCount())]
               for i in range(dialog.entries.topLevelItemCount())]
    driver.result("history", {"title": dialog.windowTitle(), "intro": dialog.intro.text(),
                              "entries": entries, "page": dialog.page.toPlainText(),
                              "revert_text": dialog.revert_button.text(),
                              "buttons": [b.text() for b in dialog.buttons.buttons()]})
    dialog.resize(900, 620)
    driver.wait(0.3)
    driver.screenshot("14b-history", dialog)
    click_tree_item(driver, dialog.entries, dialog.entries.topLevelItem(0))
    driver.wait_until(dialog.revert_button.isEnabled, 10,
                      "Revert stays disabled: " + dialog.revert_button.toolTip())
    click(driver, dialog.revert_button)
    revert = driver.wait_until(lambda: dialog_of_type(RevertDialog), 60,
                               "the revert was not planned: " + dialog.status.text())
    driver.wait(0.3)
    driver.result("revert", {"title": revert.windowTitle(),
                             "text": "\n".join(w.text() for w in revert.findChildren(QLabel)
                                                if w.text() and w.isVisible()),
                             "buttons": [b.text() for box in revert.findChildren(QDialogButtonBox)
                                         for b in box.buttons()]})
    driver.screenshot("14c-revert", revert)
    revert.reject()                              # looked at, not proposed: the journey goes on
    driver.wait_until(lambda: not dialog.busy, 10)
    dialog.close()


# ---------------------------------------------------------------------------- who, log
def canvas_layers(driver):
    return [layer.name() for layer in driver.iface.mapCanvas().layers()]


def read_who_is_responsible(driver, layer):
    close_dock(driver, "geogov_review", "GeoGovReviewDock")          # room for the panel
    driver.iface.layerTreeView().setCurrentLayer(layer)      # a click on the layer in Layers
    dock = open_dock(driver, "geogov_responsibility_dock", "GeoGovResponsibilityDock")
    widen_dock(driver, dock, 560)
    driver.wait_until(lambda: dock.info is not None and dock.info.governed
                      and not dock.info.record_loading, 30,
                      "the Responsibility panel did not show the layer: " + dock.details.toPlainText())
    applied = PARAMS["texts"]["applied_source"]
    try:
        driver.wait_until(lambda: applied in dock.details.toPlainText(), 15,
                          "the Responsibility panel does not show the applied change")
    finally:
        result = dock.info.responsibility
        driver.result("responsibility_after", {
            "text": dock.details.toPlainText(), "status": dock.status_label.text(),
            "last_revision": result.last_revision.isoformat() if result.last_revision else None,
            "revision_source": result.revision_source, "stewards": dock.steward_names()})
        driver.screenshot("15-responsibility")


def export_the_change_log(driver, review_dock):
    from geogov.ui.changelog_dialog import ChangelogDialog

    close_dock(driver, "geogov_responsibility_dock", "GeoGovResponsibilityDock")
    review_dock = open_dock(driver, "geogov_review", "GeoGovReviewDock")
    click(driver, review_dock.ui.changelog_button)
    dialog = driver.wait_until(lambda: dialog_of_type(ChangelogDialog), 10,
                               "the change-log dialog did not open")
    choose_item(driver, dialog.dataset_combo, PARAMS["dataset"])      # this dataset's journal
    type_text(dialog.folder.lineEdit(), PARAMS["changelog_dir"])
    driver.wait_until(dialog.export_button.isEnabled, 5,
                      "Export stays disabled: " + dialog.export_button.toolTip())
    click(driver, dialog.export_button)
    driver.wait_until(lambda: not dialog.busy and (dialog.written or dialog.errors), 30,
                      "the change log was not exported: " + dialog.status.text())
    driver.result("changelog", {"written": sorted(e.path for e in dialog.written),
                                "proposals": [e.proposals for e in dialog.written],
                                "errors": [repr(e) for e in dialog.errors], "status": dialog.status.text(),
                                "dataset": dialog.dataset_combo.currentText(),
                                "window_title": dialog.windowTitle()})
    driver.wait(0.3)
    driver.screen_shot("16-changelog")
    dialog.close()
    driver.result("changelog_files", sorted(os.listdir(PARAMS["changelog_dir"])))
