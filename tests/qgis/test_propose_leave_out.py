"""Changes left out of a proposal one by one (issue 17).

tech94 (Val-de-Marne) edits the demo's cycle lanes: three edits in the 94 and one on a lane
of Paris, outside the territory (a problem that blocks Submit). Unchecking that change in
the list leaves it out: the rest is checked again (no problem left), the draft holds the
three others, Submit works — and after the rollback the Paris edit is still in the layer's
edit buffer, to be proposed later. Nothing is ever written to the authoritative file.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt

from geogov.plugin.bridge.propose import collect_edit_buffer, prepare
from geogov.plugin.bridge.propose_layer import roll_back_proposed
from geogov.plugin.proposals.leave_out import change_ref, ref
from geogov.plugin.proposals.model import DELETE, INSERT, UPDATE
from geogov.plugin.proposals.stores.base import Identity
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.sdi.geodata import write_geopackages
from geogov.tests.support import propose_fixtures as P  # noqa: N812
from geogov.ui.propose_changes import item_of
from geogov.ui.propose_dialog import ProposeDialog

TABLE = P.CYCLABLE_TABLE


@pytest.fixture(scope="module")
def demo_data(qgis_app, tmp_path_factory):
    folder = tmp_path_factory.mktemp("leave-out-demo")
    write_geopackages(folder / "data")
    return folder / "data"


@pytest.fixture(scope="module")
def convention():
    return P.convention()


@pytest.fixture(autouse=True)
def _no_layer_left_behind():
    yield
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def scenario(qgis_iface, demo_data, convention, tmp_path):
    """The layer with the three edits and the Paris one, a store, and the dialog on it."""
    layer, path = P.shared_layer(demo_data, tmp_path)
    before = P.table_rows(path, TABLE)
    store = P.demo_store(tmp_path / "proposals.gpkg", convention)
    edits = P.edit_three(layer)
    outside = P.edit_outside(layer)
    dialog = ProposeDialog(qgis_iface, P.ConventionState(convention), layer,
                           outbox_path=str(tmp_path / "outbox.gpkg"),
                           load_settings=lambda: P.gpkg_settings(store))
    dialog.confirm = lambda title, text: True
    yield dialog, layer, path, before, store, edits, outside
    dialog.reject()
    dialog.deleteLater()
    if layer.isEditable():
        layer.rollBack()


def checked_again(dialog):
    """Until the included changes were checked (and saved) again."""
    P.wait_for(lambda: not dialog.busy and dialog.prepared is not None
               and dialog.prepared.excluded == dialog.excluded, timeout=60)
    return dialog.prepared


def stored(store, proposal_id):
    with GeoPackageStore(store, "tech94") as tech:
        return tech.get_proposal(proposal_id)


def test_the_change_outside_the_territory_is_left_out_and_the_rest_submitted(scenario):
    dialog, layer, path, before, store, edits, outside = scenario
    prepared = P.proposed(dialog)
    paris = ref(UPDATE, outside.key)
    assert [(p.code, p.key) for p in prepared.problems] == [("proposal.outside_territory", outside.key)]
    assert dialog.counts.text().startswith("4 ")
    assert not dialog.submit_button.isEnabled()
    proposal_id = dialog.proposal.id
    assert len(stored(store, proposal_id).changeset.changes) == 4

    # The technician unchecks the Paris change in the list.
    item = item_of(dialog.changes, paris)
    assert item is not None and item.checkState(0) == Qt.CheckState.Checked
    item.setCheckState(0, Qt.CheckState.Unchecked)
    assert dialog.excluded == {paris}
    assert "1 left out" in dialog.counts.text() and "3 change(s)" in dialog.counts.text()
    prepared = checked_again(dialog)
    assert prepared.problems == [] and prepared.save_error is None, dialog.status.text()
    assert sorted(change_ref(c) for c in prepared.changeset.changes) == sorted(
        [ref(INSERT, edits.inserted), ref(UPDATE, edits.moved), ref(DELETE, edits.deleted)])
    assert len(prepared.all_changes.changes) == 4          # still listed, unchecked
    assert not dialog.problems.isVisibleTo(dialog)
    # The same draft, updated with the three included changes.
    assert dialog.proposal.id == proposal_id
    draft = stored(store, proposal_id)
    assert sorted(c.key for c in draft.changeset.changes) == \
        sorted([edits.inserted, edits.moved, edits.deleted])
    assert draft.validation == []

    dialog.comment.setPlainText("Relevé terrain du 3 mars.")
    assert dialog.submit_button.isEnabled(), dialog.reason.text()
    dialog.submit()
    P.wait_idle(dialog)
    assert dialog.proposal.status == "submitted", dialog.status.text()
    submitted = stored(store, proposal_id)
    assert len(submitted.changeset.changes) == 3
    assert outside.key not in [c.key for c in submitted.changeset.changes]
    # Rolled back but the change left out: the Paris edit is still in the edit buffer, alone.
    assert layer.isEditable() and layer.isModified()
    left = P.edit_buffer_changeset(layer)
    assert [(c.op, c.key, c.changed_fields) for c in left.changes] == [(UPDATE, outside.key, ["revetement"])]
    assert left.changes[0].new["revetement"] == "pavés"
    assert "still in the layer" in dialog.status.text()
    # Submitted: the list can no longer be changed.
    assert dialog.set_left_out(set()) is False
    assert not item_of(dialog.changes, paris).flags() & Qt.ItemFlag.ItemIsUserCheckable
    layer.rollBack()
    assert P.table_rows(path, TABLE) == before


def test_a_left_out_new_feature_and_deletion_stay_in_the_layer(scenario):
    """The added lane and the deletion are left out (the problem's own "Leave out" button
    for the Paris one): only the moved lane is proposed; after "Save draft" and the rollback,
    the layer's edits are the new lane, the deletion and the Paris change, as they were."""
    dialog, layer, path, before, store, edits, outside = scenario
    P.proposed(dialog)
    dialog.problems.setCurrentRow(0)
    dialog.leave_out_problem()
    assert dialog.excluded == {ref(UPDATE, outside.key)}
    assert item_of(dialog.changes, ref(UPDATE, outside.key)).checkState(0) == Qt.CheckState.Unchecked
    # Then, before the check runs, two more through the list.
    item_of(dialog.changes, ref(INSERT, edits.inserted)).setCheckState(0, Qt.CheckState.Unchecked)
    item_of(dialog.changes, ref(DELETE, edits.deleted)).setCheckState(0, Qt.CheckState.Unchecked)
    prepared = checked_again(dialog)
    assert [change_ref(c) for c in prepared.changeset.changes] == [ref(UPDATE, edits.moved)]
    assert prepared.problems == []
    assert "3 left out" in dialog.counts.text()
    new_feature = next(f for f in layer.getFeatures() if f["identifiant"] == edits.inserted)
    expected_new = {n: new_feature[n] for n in layer.fields().names() if n != "fid"}
    dialog.title.setText("Piste déplacée")
    dialog.save_draft()
    P.wait_idle(dialog)
    assert len(stored(store, dialog.proposal.id).changeset.changes) == 1
    left = sorted((c.op, c.key) for c in P.edit_buffer_changeset(layer).changes)
    assert left == sorted([(INSERT, edits.inserted), (DELETE, edits.deleted), (UPDATE, outside.key)])
    kept = next(f for f in layer.getFeatures() if f["identifiant"] == edits.inserted)
    assert kept.id() < 0 and {n: kept[n] for n in layer.fields().names() if n != "fid"} == expected_new
    assert kept.geometry().equals(new_feature.geometry())
    # The proposed edits left the layer: the list is locked, new edits make a new proposal.
    assert dialog.set_left_out(set()) is False
    assert layer.customProperty("geogov/proposal_id") is None
    layer.rollBack()
    assert P.table_rows(path, TABLE) == before


def test_every_change_left_out_proposes_nothing_and_include_all_takes_them_back(scenario):
    dialog, layer, _path, _before, store, _edits, _outside = scenario
    P.proposed(dialog)
    groups = [dialog.changes.topLevelItem(i) for i in range(dialog.changes.topLevelItemCount())]
    for group in groups:                      # "Added (1)", "Modified (2)", "Deleted (1)"
        group.setCheckState(0, Qt.CheckState.Unchecked)
    assert len(dialog.excluded) == 4
    prepared = checked_again(dialog)
    assert prepared.empty and not prepared.nothing_changed and prepared.problems == []
    assert "Every change is left out" in dialog.status.text()
    assert not dialog.submit_button.isEnabled() and not dialog.save_button.isEnabled()
    assert "left out" in dialog.reason.text()
    # Nothing included: the draft is not emptied.
    assert len(stored(store, dialog.proposal.id).changeset.changes) == 4
    assert dialog.include_all_button.isEnabled()
    dialog.include_all()
    prepared = checked_again(dialog)
    assert dialog.excluded == frozenset() and len(prepared.changeset.changes) == 4
    assert all(g.checkState(0) == Qt.CheckState.Checked for g in groups)
    assert len(prepared.problems) == 1


def test_computing_again_keeps_what_was_left_out(scenario):
    dialog, layer, _path, _before, _store, edits, outside = scenario
    P.proposed(dialog)
    dialog.set_left_out({ref(UPDATE, outside.key), ref(UPDATE, "CYC-NO-SUCH")})
    assert dialog.excluded == {ref(UPDATE, outside.key)}      # only refs of changes computed
    checked_again(dialog)
    # The moved lane's edit is undone in the layer, then the changes computed again.
    moved = next(f for f in layer.getFeatures() if f["identifiant"] == edits.moved)
    original = next(f for f in layer.dataProvider().getFeatures() if f["identifiant"] == edits.moved)
    assert layer.changeGeometry(moved.id(), original.geometry())
    field = layer.fields().indexOf("revetement")
    assert layer.changeAttributeValue(moved.id(), field, original["revetement"])
    assert dialog.reason.text().startswith("The layer was edited after")
    prepared = P.proposed(dialog)
    assert prepared.excluded == {ref(UPDATE, outside.key)} and dialog.excluded == prepared.excluded
    assert sorted(change_ref(c) for c in prepared.changeset.changes) == sorted(
        [ref(INSERT, edits.inserted), ref(DELETE, edits.deleted)])
    assert item_of(dialog.changes, ref(UPDATE, outside.key)).checkState(0) == Qt.CheckState.Unchecked


def test_prepare_checks_the_included_changes_without_computing_them_again(demo_data, tmp_path, convention):
    """The bridge alone: the Paris change left out of an earlier computation — its reviewers
    (Ville de Paris) and its problem go with it; the diff is not computed again."""
    layer, _path = P.shared_layer(demo_data, tmp_path)
    edits = P.edit_three(layer)
    outside = P.edit_outside(layer)
    source = collect_edit_buffer(layer, convention)
    identity = Identity(login="tech94", partner="cd94")
    full = prepare(source, convention, identity)
    assert [p.key for p in full.problems] == [outside.key] and full.all_changes is full.changeset
    assert sorted(p.id for p in full.routing.stewards) == ["cd94", "ville-paris"]
    assert full.feature_ids[ref(UPDATE, outside.key)] == outside.fid
    assert full.feature_ids[ref(INSERT, edits.inserted)] < 0
    source.rows = None                          # computing the diff again would fail
    again = prepare(source, convention, identity, excluded={ref(UPDATE, outside.key)}, computed=full)
    assert again.problems == [] and again.excluded == {ref(UPDATE, outside.key)}
    assert again.all_changes is full.changeset and len(again.changeset.changes) == 3
    assert [p.id for p in again.routing.stewards] == ["cd94"] and again.departements == ["94"]
    assert again.feature_ids == full.feature_ids
    layer.rollBack()


def test_a_left_out_edit_in_a_field_added_in_the_session_is_kept(demo_data, tmp_path, convention):
    """QGIS rolls back a whole session: the field added in it comes back with the edit kept."""
    from qgis.core import QgsField

    from geogov.plugin.bridge.qgis_compat import FieldType

    layer, path = P.shared_layer(demo_data, tmp_path)
    before = P.table_rows(path, TABLE)
    P.edit_three(layer)
    outside = P.edit_outside(layer)
    assert layer.addAttribute(QgsField("remarque", FieldType.STRING))
    assert layer.changeAttributeValue(outside.fid, layer.fields().indexOf("remarque"), "à vérifier")
    prepared = prepare(collect_edit_buffer(layer, convention), convention, Identity("tech94", partner="cd94"),
                       excluded={ref(UPDATE, outside.key)})
    assert len(prepared.changeset.changes) == 3
    assert roll_back_proposed(layer, prepared) == 1
    assert layer.isEditable() and layer.fields().indexOf("remarque") >= 0
    kept = layer.getFeature(outside.fid)
    assert (kept["revetement"], kept["remarque"]) == ("pavés", "à vérifier")
    assert [(c.op, c.key) for c in P.edit_buffer_changeset(layer).changes] == [(UPDATE, outside.key)]
    layer.rollBack()
    assert layer.fields().indexOf("remarque") < 0
    assert P.table_rows(path, TABLE) == before


def test_a_change_left_out_while_the_check_runs_is_checked_next(scenario):
    dialog, _layer, _path, _before, store, edits, outside = scenario
    P.proposed(dialog)
    dialog.set_left_out({ref(UPDATE, outside.key)})
    dialog._recheck()                       # the check starts at once (not after the short delay)
    assert dialog.busy
    dialog.set_left_out({ref(UPDATE, outside.key), ref(DELETE, edits.deleted)})
    assert not dialog.submit_button.isEnabled()
    prepared = checked_again(dialog)
    assert prepared.excluded == {ref(UPDATE, outside.key), ref(DELETE, edits.deleted)}
    assert len(prepared.changeset.changes) == 2
    assert sorted(c.key for c in stored(store, dialog.proposal.id).changeset.changes) == \
        sorted([edits.inserted, edits.moved])
