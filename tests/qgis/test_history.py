"""A feature's and a layer's history, and reverting an applied proposal, on a GeoPackage store
and a GeoPackage target (a copy of the demo's lighting layer): the history dialog, the map
layer action on governed layers only, the layer-tree action, the revert from the history and
from the Review dock — through their own bridge functions and tasks."""

from __future__ import annotations

import copy

import pytest
from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer
from qgis.gui import QgsGui
from qgis.PyQt.QtCore import QObject, pyqtSignal

from geogov.plugin.bridge.review import apply_approved
from geogov.plugin.proposals.stores.base import ALL
from geogov.tests.sdi.geodata import write_geopackages
from geogov.tests.support import review_fixtures as R  # noqa: N812
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.apply_helpers import (
    TABLE,
    changeset_of,
    differences,
    eclairage_schema,
    edit_with_ogr,
    point,
    read_gpkg,
)
from geogov.tests.support.qt_wait import wait_for
from geogov.tests.support.review_fixtures import isolated_convention  # noqa: F401 (fixture)
from geogov.tests.support.servers import copy_geopackage
from geogov.ui.history_actions import HistoryActions
from geogov.ui.history_dialog import HistoryDialog
from geogov.ui.review_dock import ReviewDock

SCHEMA = eclairage_schema()
NEW_KEY = "EP-94-NEW-1"

pytestmark = pytest.mark.usefixtures("isolated_convention")


class State(QObject):
    """What the dialogs and actions read of ui.governance_state's GovernanceState."""

    changed = pyqtSignal()

    def __init__(self, convention):
        super().__init__()
        self.convention = convention


def governing_convention():
    convention = F.convention("gpkg")
    convention.datasets[F.ECLAIRAGE].match.sources = [f"*/{TABLE}.gpkg*"]
    return convention


@pytest.fixture(scope="module")
def demo_data(qgis_app, tmp_path_factory):
    folder = tmp_path_factory.mktemp("history-demo")
    write_geopackages(folder / "data")
    return folder / "data"


@pytest.fixture()
def target_gpkg(demo_data, tmp_path):
    return copy_geopackage(demo_data / f"{TABLE}.gpkg", tmp_path / f"{TABLE}.gpkg")


@pytest.fixture()
def store(tmp_path):
    return R.review_store(tmp_path / "proposals.gpkg", "gpkg")


@pytest.fixture()
def layer(target_gpkg):
    made = QgsVectorLayer(f"{target_gpkg}|layername={TABLE}", "Éclairage public", "ogr")
    assert made.isValid()
    QgsProject.instance().addMapLayer(made)
    yield made
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def applied(store, target_gpkg):
    """An applied proposal of tech94 (an update of two fields, a move, a delete and an insert),
    approved and applied by steward_sipperec: (proposal, the data before, keys)."""
    before = read_gpkg(target_gpkg)
    keys = sorted(before)[:4]
    edited = copy.deepcopy(before)
    edited[keys[0]].attributes.update(etat="en panne", hauteur_m=9.5)
    edited[keys[1]].geometry = point(652001.125, 6862002.5)
    del edited[keys[2]]
    new = copy.deepcopy(before[keys[3]])
    new.key = NEW_KEY
    new.attributes.update(identifiant=NEW_KEY, fid=None, etat="en service")
    new.geometry = point(655000, 6855000)
    edited[NEW_KEY] = new
    proposal = R.submitted(store, "tech94", dataset=F.ECLAIRAGE, title="Remplacement des lampes",
                           changeset=changeset_of(before, edited, SCHEMA), comment="Lampes LED rue Péri",
                           target=R.gpkg_target(target_gpkg, TABLE))
    proposal = R.approved(store, proposal, "steward_sipperec", "vu sur le terrain")
    outcome = apply_approved(R.settings_for(store, "steward_sipperec"), proposal.id, proposal.version,
                             governing_convention())
    assert outcome.result.status == "applied", outcome.result.message()
    assert differences(read_gpkg(target_gpkg), edited, SCHEMA) == []
    return outcome.proposal, before, keys


def feature_of(layer, key):
    request = QgsFeatureRequest().setFilterExpression(f"\"identifiant\" = '{key}'")
    return next(layer.getFeatures(request))


def history_dialog(qgis_iface, store, layer, feature=None, login="tech94"):
    settings = R.settings_for(store, login)
    dialog = HistoryDialog(qgis_iface, State(governing_convention()), layer, feature,
                           load_settings=lambda: settings)
    dialog.start()
    wait_for(lambda: not dialog.busy, timeout=30)
    return dialog


def test_a_features_history_says_when_who_approved_why_and_old_to_new(qgis_iface, store, layer, applied):
    proposal, before, keys = applied
    dialog = history_dialog(qgis_iface, store, layer, feature_of(layer, keys[0]))
    try:
        assert keys[0] in dialog.windowTitle() and dialog.entries.topLevelItemCount() == 1
        item = dialog.entries.topLevelItem(0)
        assert [item.text(c) for c in (1, 2, 3, 4)] == [
            "Remplacement des lampes", "Tech94 (Département du Val-de-Marne)", "Steward Sipperec (steward)",
            "modified"]
        assert item.text(0) and item.text(0) == dialog.rows[0].when      # the local time, in words
        page = dialog.page.toPlainText()
        assert "Lampes LED rue Péri" in page and proposal.id in page
        assert "etat" in page and before[keys[0]].attributes["etat"] in page and "en panne" in page
        assert "hauteur_m" in page and "9.5" in page
        assert "1 applied proposal(s)." in dialog.status.text()
        assert dialog.revert_button.isEnabled()
    finally:
        dialog.close()
    untouched = history_dialog(qgis_iface, store, layer, feature_of(layer, sorted(before)[5]))
    try:
        assert untouched.entries.topLevelItemCount() == 0
        assert untouched.status.text() == "No applied proposal has changed this feature."
        assert not untouched.revert_button.isEnabled()
    finally:
        untouched.close()


def test_a_layers_history_lists_the_applied_proposals_of_its_dataset(qgis_iface, store, layer, applied):
    dialog = history_dialog(qgis_iface, store, layer)
    try:
        assert dialog.entries.topLevelItemCount() == 1
        assert dialog.entries.topLevelItem(0).text(4) == "+1 ~2 −1"
        page = dialog.page.toPlainText()
        assert NEW_KEY in page and applied[2][2] in page
    finally:
        dialog.close()


def trigger(action, layer, feature):
    """QgsMapLayerAction.triggerForFeature as QGIS calls it (with a context from 3.32)."""
    import qgis.gui

    context = getattr(qgis.gui, "QgsMapLayerActionContext", None)
    if context is not None:
        action.triggerForFeature(layer, feature, context())
    else:
        action.triggerForFeature(layer, feature)


def test_the_actions_are_offered_on_governed_layers_only(qgis_iface, store, layer, applied):
    other = QgsVectorLayer("Point?crs=EPSG:2154&field=identifiant:string", "scratch", "memory")
    QgsProject.instance().addMapLayer(other)
    plugin = type("Plugin", (), {"iface": qgis_iface})()
    settings = R.settings_for(store, "tech94")
    component = HistoryActions(plugin, State(governing_convention()), load_settings=lambda: settings)
    try:
        action = component.feature_action
        registry = QgsGui.mapLayerActionRegistry()
        assert action in registry.mapLayerActions(layer)
        assert action not in registry.mapLayerActions(other)
        assert component.in_tree == {layer.id()}
        qgis_iface.addCustomActionForLayer.assert_any_call(component.layer_action, layer)
        # The convention no longer names the dataset: the layer-tree action goes from it.
        component.state.convention = F.convention("gpkg")
        component.state.changed.emit()
        assert component.in_tree == set() and action not in registry.mapLayerActions(layer)
        component.state.convention = governing_convention()
        component.state.changed.emit()
        # What the identify results and the attribute table do with the clicked feature.
        trigger(action, layer, feature_of(layer, applied[2][0]))
        assert component.dialogs, qgis_iface.messageBar().messages
        dialog = component.dialogs[-1]
        wait_for(lambda: not dialog.busy, timeout=30)
        assert isinstance(dialog, HistoryDialog) and dialog.is_feature
        assert component.show_feature(other, next(other.getFeatures(), None)) is None
    finally:
        component.unload()
    assert action not in QgsGui.mapLayerActionRegistry().mapLayerActions(layer)


def test_revert_from_the_history_leaves_out_a_feature_changed_since_and_is_reviewed_like_any_proposal(
        qgis_iface, store, layer, applied, target_gpkg):
    proposal, before, keys = applied
    edit_with_ogr(target_gpkg, keys[0], etat="déposé")        # since the apply, by someone else
    dialog = history_dialog(qgis_iface, store, layer)
    try:
        dialog.revert_button.click()
        wait_for(lambda: dialog.revert.dialog is not None or dialog.revert.error is not None, timeout=30)
        confirm = dialog.revert.dialog
        assert confirm is not None, dialog.revert.error
        assert confirm.left_out.count() == 1
        left_out = confirm.left_out.item(0).text()
        assert keys[0] in left_out and "etat: “en panne” after the proposal, “déposé” now" in left_out
        assert "hauteur_m" not in left_out          # the proposal's change, not one made since
        assert "3 change(s): 1 added, 1 modified, 1 deleted" in confirm.summary.text()
        assert confirm.ok_button.text() == "Save the revert as a draft"
        confirm.why_edit.setPlainText("Les lampes ne sont pas livrées")
        confirm.accept()
        wait_for(lambda: not dialog.busy, timeout=30)
        outcome = dialog.revert.outcome
        assert outcome is not None, dialog.revert.error
        assert "saved as a draft" in dialog.status.text()
    finally:
        dialog.close()
    revert = outcome.proposal
    assert (revert.status, revert.author, revert.title) == \
        ("draft", "tech94", "Revert: Remplacement des lampes")
    assert proposal.id in revert.comment and keys[0] in revert.comment
    assert revert.comment.endswith("Les lampes ne sont pas livrées")
    ops = {c.key: c.op for c in revert.changeset.changes}
    assert ops == {keys[1]: "update", keys[2]: "insert", NEW_KEY: "delete"}
    # Reviewed and applied like any proposal: the data is back, but for the later edit.
    with R.store_as(store, "tech94") as author:
        author.submit(revert.id, revert.version)
    approved = R.approved(store, revert, "steward_sipperec")
    outcome = apply_approved(R.settings_for(store, "steward_sipperec"), approved.id, approved.version,
                             governing_convention())
    assert outcome.result.status == "applied", outcome.result.message()
    now = read_gpkg(target_gpkg)
    assert sorted(now) == sorted(before)
    assert now[keys[1]].geometry == before[keys[1]].geometry
    assert now[keys[2]].attributes["etat"] == before[keys[2]].attributes["etat"]
    assert now[keys[0]].attributes["etat"] == "déposé" and now[keys[0]].attributes["hauteur_m"] == 9.5


@pytest.fixture()
def dock(qgis_iface, store):
    settings = R.settings_for(store, "tech94")
    made = ReviewDock(qgis_iface, State(governing_convention()), load_settings=lambda: settings)
    yield made
    R.wait_idle(made)
    made.unload()
    made.deleteLater()


def test_revert_from_the_review_dock_submits_a_new_proposal(store, applied, dock):
    proposal, _before, _keys = applied
    dock.ui.scope_combo.setCurrentIndex(dock.ui.scope_combo.findData(ALL))
    R.wait_idle(dock)
    dock.select([proposal.id])
    R.wait_idle(dock)
    assert not dock.revert_button.isHidden()
    assert dock.revert_button.isEnabled(), dock.revert_button.toolTip()
    dock.revert_button.click()
    wait_for(lambda: dock.revert.dialog is not None or dock.revert.error is not None, timeout=30)
    confirm = dock.revert.dialog
    assert confirm is not None, dock.revert.error
    assert confirm.left_out.count() == 0 and confirm.submit_check.isEnabled()
    confirm.submit_check.setChecked(True)
    assert confirm.ok_button.text() == "Create and submit the revert proposal"
    confirm.accept()
    wait_for(lambda: not dock.revert.busy, timeout=30)
    R.wait_idle(dock)
    revert = dock.revert.outcome.proposal
    assert revert.status == "submitted"
    assert "is submitted" in dock.ui.status_label.text()
    with R.store_as(store, "steward_sipperec") as steward:
        # What the store holds (a transition hands back the proposal without its changes).
        stored = steward.get_proposal(revert.id)
        assert stored.status == "submitted" and len(stored.changeset.changes) == 4
    # A proposal not applied cannot be reverted: the button says why.
    dock.select([revert.id])
    R.wait_idle(dock)
    assert not dock.revert_button.isEnabled()


def test_the_history_and_the_revert_speak_french(qgis_iface, store, layer, applied, target_gpkg, tmp_path):
    from geogov.tests.support.french import french

    _proposal, _before, keys = applied
    edit_with_ogr(target_gpkg, keys[0], etat="déposé")
    with french(tmp_path):
        dialog = history_dialog(qgis_iface, store, layer, feature_of(layer, keys[0]))
        try:
            assert dialog.windowTitle().startswith(f"Historique de l'entité {keys[0]} — ")
            assert dialog.status.text() == "1 proposition(s) appliquée(s)."
            assert dialog.entries.topLevelItem(0).text(4) == "modifiée"
            assert "Pourquoi" in dialog.page.toPlainText()
            dialog.revert_button.click()
            wait_for(lambda: dialog.revert.dialog is not None or dialog.revert.error is not None, timeout=30)
            confirm = dialog.revert.dialog
            assert confirm.windowTitle() == "Défaire « Remplacement des lampes »"
            # The feature edited since the apply is left out, and said so in French.
            assert "aujourd'hui" in confirm.left_out.item(0).text()
            assert confirm.ok_button.text() == "Enregistrer le retour en arrière comme brouillon"
            confirm.reject()
            wait_for(lambda: not dialog.busy, timeout=10)
            assert dialog.status.text() == "Rien n'a été défait."
        finally:
            dialog.close()
