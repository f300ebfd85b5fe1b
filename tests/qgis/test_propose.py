""""Propose my changes" on a copy of a demo GeoPackage layer with a GeoPackage store.

The technician (tech94, Val-de-Marne) edits the layer in QGIS's edit mode; the dialog
computes, validates and saves the draft in a task; the edit buffer is rolled back and the
authoritative file never changes. Validation problems block Submit; a submitted proposal
reaches the steward of the territory of its changes.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer

from geogov.plugin.bridge import features
from geogov.plugin.bridge.propose import PROPOSAL_PROPERTY, collect_edit_buffer
from geogov.plugin.errors import PermissionDenied
from geogov.plugin.proposals.fingerprint import fingerprint
from geogov.plugin.proposals.stores.base import TO_REVIEW
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.sdi.geodata import write_geopackages
from geogov.tests.support import propose_fixtures as P  # noqa: N812 (short: used on every line)
from geogov.tests.support.servers import copy_geopackage
from geogov.ui.propose_dialog import ProposeDialog

CYCLABLE_TABLE = "amenagements_cyclables"
ECLAIRAGE_TABLE = "eclairage_public"


@pytest.fixture(scope="module")
def demo_data(qgis_app, tmp_path_factory):
    folder = tmp_path_factory.mktemp("propose-demo")
    write_geopackages(folder / "data")
    return folder / "data"


@pytest.fixture(scope="module")
def convention():
    return P.convention()


@pytest.fixture()
def project():
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()


def shared_layer(demo_data, tmp_path, table):
    """A fresh copy of a demo layer, standing for the authoritative data."""
    path = copy_geopackage(demo_data / f"{table}.gpkg", tmp_path / "authoritative" / f"{table}.gpkg")
    layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    return layer, path


@pytest.fixture()
def dialogs(qgis_iface, convention, tmp_path):
    made = []

    def make(layer, settings, confirm=True):
        dialog = ProposeDialog(qgis_iface, P.ConventionState(convention), layer,
                               outbox_path=str(tmp_path / "outbox.gpkg"), load_settings=lambda: settings)
        dialog.confirm = lambda title, text: confirm
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        dialog.reject()
        dialog.deleteLater()


def proposed(dialog):
    dialog.start()
    P.wait_idle(dialog)
    assert dialog.prepared is not None, dialog.status.text()
    return dialog.prepared


def test_three_edits_become_a_draft_and_the_layer_is_rolled_back(demo_data, tmp_path, project, dialogs,
                                                                   convention):
    layer, path = shared_layer(demo_data, tmp_path, CYCLABLE_TABLE)
    before = P.table_rows(path, CYCLABLE_TABLE)
    store_path = P.demo_store(tmp_path / "proposals.gpkg", convention)
    edits = P.edit_three(layer)
    # The change set the dialog's task computed is the one of the edit buffer, computed here.
    expected = P.edit_buffer_changeset(layer)
    dialog = dialogs(layer, P.gpkg_settings(store_path))
    assert dialog.mode_buffer.isChecked()

    prepared = proposed(dialog)
    assert prepared.problems == [] and prepared.save_error is None
    assert prepared.departements == ["94"]
    assert [p.id for p in prepared.routing.stewards] == ["cd94"]
    assert "Émilie Dubois" in dialog.summary.text() and "Val-de-Marne" in dialog.summary.text()
    assert dialog.gpkg_warning.isVisibleTo(dialog)
    assert dialog.counts.text().startswith("3 ")
    # Saved at once, before anyone pressed a button.
    proposal_id = dialog.proposal.id
    assert layer.customProperty(PROPOSAL_PROPERTY) == proposal_id
    with GeoPackageStore(store_path, "tech94") as store:
        stored = store.get_proposal(proposal_id)
    assert (stored.status, stored.author, stored.partner, stored.dataset) == \
        ("draft", "tech94", "cd94", P.CYCLABLE)
    assert stored.target.kind == "gpkg" and stored.target.layer == CYCLABLE_TABLE
    ops = {c.op: c for c in stored.changeset.changes}
    assert sorted(ops) == ["delete", "insert", "update"] and len(stored.changeset.changes) == 3
    assert (ops["insert"].key, ops["update"].key, ops["delete"].key) == \
        (edits.inserted, edits.moved, edits.deleted)
    assert ops["update"].changed_fields == [edits.field] and ops["update"].geometry_changed
    assert ops["update"].new[edits.field] == edits.value
    summary = sorted((c.op, c.key, tuple(c.changed_fields), c.geometry_changed, c.base_fingerprint)
                     for c in expected.changes)
    assert summary == sorted((c.op, c.key, tuple(c.changed_fields), c.geometry_changed, c.base_fingerprint)
                             for c in stored.changeset.changes)
    # Base fingerprints are those of the authoritative features, computed independently.
    schema = features.schema_from_layer(layer, "identifiant")
    provider = layer.dataProvider()
    for change in (ops["update"], ops["delete"]):
        base = next(f for f in provider.getFeatures() if f["identifiant"] == change.key)
        attributes = {n: features.python_value(base[n]) for n in schema.field_names()}
        assert change.base_fingerprint == fingerprint(attributes, features.geometry_wkb(base), schema)

    dialog.title.setText("Revêtement refait rue de Paris")
    dialog.comment.setPlainText("Constaté sur place le 3 mars.")
    dialog.save_draft()
    P.wait_idle(dialog)
    assert "saved" in dialog.status.text().lower(), dialog.status.text()
    assert not layer.isModified() and not layer.isEditable()
    assert layer.customProperty(PROPOSAL_PROPERTY) is None
    with GeoPackageStore(store_path, "tech94") as store:
        stored = store.get_proposal(proposal_id)
        assert len(store.list_proposals()) == 1
    assert (stored.title, stored.comment, stored.status) == \
        ("Revêtement refait rue de Paris", "Constaté sur place le 3 mars.", "draft")
    assert P.table_rows(path, CYCLABLE_TABLE) == before


def test_submit_routes_to_the_steward_of_the_changes_territory(demo_data, tmp_path, project, dialogs,
                                                                convention):
    layer, path = shared_layer(demo_data, tmp_path, CYCLABLE_TABLE)
    before = P.table_rows(path, CYCLABLE_TABLE)
    store_path = P.demo_store(tmp_path / "proposals.gpkg", convention)
    P.edit_three(layer)
    dialog = dialogs(layer, P.gpkg_settings(store_path), confirm=False)
    proposed(dialog)
    assert not dialog.submit_button.isEnabled()
    assert "why" in dialog.reason.text().lower()
    dialog.comment.setPlainText("Relevé terrain.")
    assert dialog.submit_button.isEnabled() and dialog.reason.text() == ""
    dialog.submit()
    P.wait_idle(dialog)
    assert dialog.proposal.status == "submitted", dialog.status.text()
    # Submitted: the button is off, without a red "reason" line under a success.
    assert not dialog.submit_button.isEnabled() and dialog.reason.text() == ""
    # Declined: the edits stay in the layer, still never saved to the file.
    assert layer.isModified()
    with GeoPackageStore(store_path, "steward94") as steward:
        queue = steward.list_proposals(TO_REVIEW)
        assert [s.id for s in queue] == [dialog.proposal.id]
        assert queue[0].departements == ["94"] and queue[0].approvals == {"steward": False}
    with GeoPackageStore(store_path, "steward_region") as other:
        assert other.list_proposals(TO_REVIEW) == []
    layer.rollBack()
    assert P.table_rows(path, CYCLABLE_TABLE) == before


def test_problems_are_named_and_block_submit(demo_data, tmp_path, project, dialogs, convention):
    """A polygon in a point layer and a required field left empty (eclairage_public, as
    the SIPPEREC's steward, who may propose there)."""
    layer, path = shared_layer(demo_data, tmp_path, ECLAIRAGE_TABLE)
    store_path = P.demo_store(tmp_path / "proposals.gpkg", convention)
    assert layer.startEditing()
    feature = QgsFeature(layer.fields())
    feature["type_lampe"] = "LED"
    feature.setGeometry(QgsGeometry.fromWkt(
        "POLYGON((660000 6850000, 660010 6850000, 660010 6850010, 660000 6850000))"))
    assert layer.addFeature(feature)
    dialog = dialogs(layer, P.gpkg_settings(store_path, login="steward_sipperec"))
    prepared = proposed(dialog)
    assert sorted(p.code for p in prepared.problems) == ["proposal.required_missing",
                                                         "proposal.wrong_geometry_type"]
    lines = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any("identifiant" in line and "required" in line for line in lines), lines
    assert any("Polygon" in line and "Point" in line for line in lines), lines
    assert all(line.startswith("New feature") for line in lines), lines
    dialog.comment.setPlainText("why")
    assert not dialog.submit_button.isEnabled()
    assert "2 problem" in dialog.reason.text()
    # Still a draft in the store: nothing is lost while the technician fixes it.
    with GeoPackageStore(store_path, "steward_sipperec") as store:
        stored = store.get_proposal(dialog.proposal.id)
    assert stored.status == "draft" and len(stored.validation) == 2
    layer.rollBack()


def test_what_the_target_tables_constraint_refuses_is_a_problem_before_submit(demo_data, tmp_path, project,
                                                                           dialogs, convention):
    """eclairage_public's GeoPackage says CHECK (puissance_w > 0): a new lamp of -5 W would be
    approved, then refused by the target; it is named here instead."""
    layer, path = shared_layer(demo_data, tmp_path, ECLAIRAGE_TABLE)
    store_path = P.demo_store(tmp_path / "proposals.gpkg", convention)
    assert layer.startEditing()
    feature = QgsFeature(layer.fields())
    template = next(layer.getFeatures())
    for name in layer.fields().names():
        if name != "fid":
            feature[name] = template[name]
    feature["identifiant"] = "EP-94-NEGATIVE"
    feature["puissance_w"] = -5
    feature.setGeometry(QgsGeometry(template.geometry()))
    assert layer.addFeature(feature)
    dialog = dialogs(layer, P.gpkg_settings(store_path, login="steward_sipperec"))
    prepared = proposed(dialog)
    assert [p.code for p in prepared.problems] == ["proposal.target_constraint"], prepared.problems
    assert "puissance_positive" in prepared.problems[0].params["reason"]
    line = dialog.problems.item(0).text()
    assert "own table refuses" in line and "puissance_positive" in line, line
    assert not dialog.submit_button.isEnabled()
    layer.rollBack()


def test_a_change_outside_the_proposers_departement(demo_data, tmp_path, project, dialogs, convention):
    """amenagements-cyclables restricts proposers to their own territory: tech94 (94)
    editing a cycle lane of Paris (75) gets the problem on that feature, cannot submit, and
    the store itself refuses the submission (it judges the change rows, not the dialog)."""
    layer, path = shared_layer(demo_data, tmp_path, CYCLABLE_TABLE)
    before = P.table_rows(path, CYCLABLE_TABLE)
    store_path = P.demo_store(tmp_path / "proposals.gpkg", convention)
    paris = next(layer.getFeatures("\"departement\" = '75' AND \"revetement\" <> 'pavés'"))
    assert layer.startEditing()
    assert layer.changeAttributeValue(paris.id(), layer.fields().indexOf("revetement"), "pavés")
    dialog = dialogs(layer, P.gpkg_settings(store_path))
    prepared = proposed(dialog)
    assert [(p.code, p.key, p.params.get("which")) for p in prepared.problems] == \
        [("proposal.outside_territory", paris["identifiant"], "old")]
    assert prepared.departements == ["75"] and prepared.placement.communes == ["75056"]
    assert [p.id for p in prepared.routing.stewards] == ["ville-paris"]
    line = dialog.problems.item(0).text()
    assert paris["identifiant"] in line and "territory" in line
    assert prepared.save_error is None            # a draft is private: it may be kept
    assert not dialog.submit_button.isEnabled()
    with GeoPackageStore(store_path, "tech94", reference=convention.reference) as store:
        with pytest.raises(PermissionDenied) as refused:
            store.submit(dialog.proposal.id)
    assert refused.value.code == "store.outside_territory"
    assert layer.isModified()          # nothing applied: the edits are kept in the layer
    layer.rollBack()
    assert P.table_rows(path, CYCLABLE_TABLE) == before


def test_proposing_again_updates_the_same_draft(demo_data, tmp_path, project, dialogs, convention):
    layer, _path = shared_layer(demo_data, tmp_path, CYCLABLE_TABLE)
    store_path = P.demo_store(tmp_path / "proposals.gpkg", convention)
    edits = P.edit_three(layer)
    first = dialogs(layer, P.gpkg_settings(store_path))
    proposal_id = proposed(first).proposal.id
    extra = next(f for f in layer.getFeatures("\"departement\" = '94'")
                 if f["identifiant"] not in (edits.moved, edits.deleted, edits.inserted))
    assert layer.changeAttributeValue(extra.id(), layer.fields().indexOf("gestionnaire"), "Régie voirie")
    second = dialogs(layer, P.gpkg_settings(store_path))
    again = proposed(second)
    assert again.proposal.id == proposal_id
    with GeoPackageStore(store_path, "tech94") as store:
        assert [s.id for s in store.list_proposals()] == [proposal_id]
        assert len(store.get_proposal(proposal_id).changeset.changes) == 4
    layer.rollBack()


def test_offline_postgresql_keeps_the_draft_in_the_outbox(demo_data, tmp_path, project, dialogs, convention):
    """Nothing listens on the port: the draft goes to the local outbox, Submit queues it."""
    from geogov.plugin.proposals.stores.postgres.outbox import Outbox
    from geogov.tests.support.postgres import free_port

    layer, path = shared_layer(demo_data, tmp_path, CYCLABLE_TABLE)
    before = P.table_rows(path, CYCLABLE_TABLE)
    P.edit_three(layer)
    settings = P.gpkg_settings("", login="")
    settings.store_kind = "postgres"
    settings.store_dsn = f"host=127.0.0.1 port={free_port()} dbname=geogov user=tech94 connect_timeout=3"
    dialog = dialogs(layer, settings)
    prepared = proposed(dialog)
    assert prepared.offline and prepared.identity.login == "tech94" and prepared.identity.partner == "cd94"
    assert prepared.saved_locally and prepared.save_error is None
    assert "saved locally" in dialog.status.text() and dialog.send_button.isVisibleTo(dialog)
    with Outbox(dialog.outbox_path, "tech94") as outbox:
        assert outbox.pending() == [(dialog.proposal.id, "local")]
        assert len(outbox.load(dialog.proposal.id).changeset.changes) == 3
    dialog.comment.setPlainText("Relevé terrain.")
    dialog.submit()
    P.wait_idle(dialog)
    assert "submitted when the database is reachable" in dialog.status.text()
    with Outbox(dialog.outbox_path, "tech94") as outbox:
        assert outbox.pending() == [(dialog.proposal.id, "submit_pending")]
    dialog.send_now()
    P.wait_idle(dialog)
    assert "Still not sent" in dialog.status.text() and "store.offline" in dialog.status.text()
    assert not layer.isEditable()      # rolled back after the (local) save
    assert P.table_rows(path, CYCLABLE_TABLE) == before


def test_collect_refuses_what_cannot_be_proposed(demo_data, tmp_path, project, convention):
    layer, _path = shared_layer(demo_data, tmp_path, CYCLABLE_TABLE)
    with pytest.raises(Exception) as no_edits:
        collect_edit_buffer(layer, convention)
    assert no_edits.value.code == "proposal.no_edits"
    scratch = QgsVectorLayer("Point?crs=EPSG:2154&field=nom:string", "brouillon", "memory")
    scratch.startEditing()
    scratch.addFeature(QgsFeature(scratch.fields()))
    with pytest.raises(Exception) as not_governed:
        collect_edit_buffer(scratch, convention)
    assert not_governed.value.code == "proposal.not_governed"


def test_a_layer_that_is_not_the_datasets_authoritative_data_is_refused_and_keeps_its_edits(
        qgis_iface, demo_data, tmp_path, project):
    """Under the shipped demo convention, amenagements-cyclables is published by the demo WFS-T:
    a GeoPackage of the same name (a download, a colleague's file) is not where an approved
    proposal would go. The dialog says so in French before anything is saved; the edits stay."""
    from geogov.tests.support.french import french

    layer, _path = shared_layer(demo_data, tmp_path, CYCLABLE_TABLE)
    store_path = P.demo_store(tmp_path / "proposals.gpkg", P.convention(demo=True))
    P.edit_three(layer)
    with pytest.raises(Exception) as refused:
        collect_edit_buffer(layer, P.convention(demo=True))
    assert refused.value.code == "proposal.wrong_target"
    assert refused.value.params["expected"] == CYCLABLE_TABLE
    with french(tmp_path):
        dialog = ProposeDialog(qgis_iface, P.ConventionState(P.convention(demo=True)), layer,
                               outbox_path=str(tmp_path / "outbox.gpkg"),
                               load_settings=lambda: P.gpkg_settings(store_path, demo=True))
        try:
            dialog.start()
            P.wait_idle(dialog)
            assert dialog.prepared is None and dialog.proposal is None
            assert "n'est pas l'endroit où la convention de partenariat publie ce jeu de données" in \
                dialog.status.text(), dialog.status.text()
        finally:
            dialog.reject()
            dialog.deleteLater()
    assert layer.isEditable() and layer.isModified()
    with GeoPackageStore(store_path, "tech94") as store:
        assert store.list_proposals() == []


def test_problems_read_in_french(demo_data, tmp_path, project, dialogs, convention):
    """The technician's QGIS is in French: each problem names the feature and the rule in
    French, and so does the reason Submit is disabled."""
    from geogov.tests.support.french import french

    layer, _path = shared_layer(demo_data, tmp_path, ECLAIRAGE_TABLE)
    store_path = P.demo_store(tmp_path / "proposals.gpkg", convention)
    assert layer.startEditing()
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(
        "POLYGON((660000 6850000, 660010 6850000, 660010 6850010, 660000 6850000))"))
    assert layer.addFeature(feature)
    with french(tmp_path):
        dialog = dialogs(layer, P.gpkg_settings(store_path, login="steward_sipperec"))
        proposed(dialog)
        lines = sorted(dialog.problems.item(i).text() for i in range(dialog.problems.count()))
        assert lines == sorted([
            f"Nouvelle entité n° {-feature.id()} (pas encore identifiée) : le champ « identifiant » est "
            "obligatoire.",
            f"Nouvelle entité n° {-feature.id()} (pas encore identifiée) : la géométrie est de type "
            "Polygon, le jeu de données attend le type Point.",
        ])
        assert dialog.reason.text().startswith("Impossible de soumettre : corrigez")
        assert "aucun contrôle d'accès" in dialog.gpkg_warning.text()
    layer.rollBack()


def test_personal_data_goes_to_the_steward_and_the_dpo(demo_data, tmp_path, project, dialogs, convention):
    """pesees-dechets-menages: Est Ensemble's technician (an EPT known by its communes:
    checked at commune precision); the Syctom's steward and its DPO review; both approvals
    are required."""
    layer, _path = shared_layer(demo_data, tmp_path, "pesees_dechets_menages")
    store_path = P.demo_store(tmp_path / "proposals.gpkg", convention)
    feature = next(layer.getFeatures())
    assert layer.startEditing()
    assert layer.changeAttributeValue(feature.id(), layer.fields().indexOf("poids_kg"), 12.5)
    dialog = dialogs(layer, P.gpkg_settings(store_path, login="tech_ept8"))
    prepared = proposed(dialog)
    assert prepared.problems == [] and prepared.save_error is None, dialog.status.text()
    assert prepared.source.schema.key == "identifiant"
    assert prepared.changeset.changes[0].key == feature["identifiant"]
    assert [p.id for p in prepared.routing.stewards] == ["syctom"]
    assert prepared.routing.personal_data and prepared.routing.approvals == ["steward", "dpo"]
    assert [c.login for c in prepared.routing.dpos] == ["dpo_syctom"]
    assert "data protection officer" in dialog.summary.text()
    assert prepared.departements == ["93"] and prepared.placement.unplaced == 0
    assert set(prepared.placement.communes) <= convention.partners["ept-t8"].territory.members
    assert dialog.notes.text() == ""
    dialog.comment.setPlainText("Pesée corrigée")
    dialog.submit()
    P.wait_idle(dialog)
    with GeoPackageStore(store_path, "dpo_syctom") as dpo:
        assert [s.id for s in dpo.list_proposals(TO_REVIEW)] == [dialog.proposal.id]
        assert dpo.approvals_needed(dialog.proposal.id) == {"steward": False, "dpo": False}


def test_the_dialog_waits_for_the_convention_to_load(qgis_iface, demo_data, tmp_path, project, convention):
    """Right after QGIS starts, the shared GovernanceState is still loading the convention:
    the dialog says so and computes as soon as it is there."""
    from geogov.plugin.bridge.governance import GovernanceState

    layer, _path = shared_layer(demo_data, tmp_path, CYCLABLE_TABLE)
    store_path = P.demo_store(tmp_path / "proposals.gpkg", convention)
    settings = P.gpkg_settings(store_path)
    state = GovernanceState(load_settings=lambda: settings)
    P.edit_three(layer)
    dialog = ProposeDialog(qgis_iface, state, layer, outbox_path=str(tmp_path / "outbox.gpkg"),
                           load_settings=lambda: settings)
    try:
        state.reload()
        assert state.loading
        dialog.start()
        assert "still loading" in dialog.status.text() and dialog.prepared is None
        P.wait_for(lambda: dialog.prepared is not None and not dialog.busy)
        assert dialog.prepared.save_error is None and len(dialog.prepared.changeset) == 3
    finally:
        dialog.reject()
        dialog.deleteLater()
        state.close()
        layer.rollBack()
