"""The "Propose my changes" action follows the current layer's edits, and the "My
proposals" panel shows my proposals, the reviewers' requests, and lets me withdraw or
submit again — on a real GeoPackage store."""

from __future__ import annotations

import pytest
from qgis.core import Qgis, QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QAction

import geogov
from geogov.plugin.bridge.propose import COPY_OF_PROPERTY
from geogov.plugin.proposals.stores.base import TO_REVIEW
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.sdi.geodata import write_geopackages
from geogov.tests.support import propose_fixtures as P  # noqa: N812 (short: used on every line)
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.servers import copy_geopackage
from geogov.ui.my_proposals import MyProposalsDock
from geogov.ui.propose_action import _Component

TABLE = "amenagements_cyclables"


@pytest.fixture(scope="module")
def demo_data(qgis_app, tmp_path_factory):
    folder = tmp_path_factory.mktemp("mine-demo")
    write_geopackages(folder / "data")
    return folder / "data"


@pytest.fixture()
def layer(demo_data, tmp_path):
    path = copy_geopackage(demo_data / f"{TABLE}.gpkg", tmp_path / f"{TABLE}.gpkg")
    found = QgsVectorLayer(f"{path}|layername={TABLE}", TABLE, "ogr")
    assert found.isValid()
    QgsProject.instance().addMapLayer(found)
    yield found
    QgsProject.instance().removeAllMapLayers()


def test_the_action_is_enabled_only_with_something_to_propose(qgis_iface, layer):
    plugin = geogov.classFactory(qgis_iface)
    plugin.initGui()
    try:
        action = next(a for a in qgis_iface.mainWindow().findChildren(QAction)
                      if a.objectName() == "geogov_propose_changes")
        assert not action.isEnabled()          # until the start that follows QGIS's
        P.wait_for(lambda: plugin.start_finished)
        component = next(c for c in plugin.components if isinstance(c, _Component))
        component.follow(layer)
        assert not action.isEnabled()
        assert layer.startEditing()
        assert not action.isEnabled()                  # editing, but nothing changed yet
        feature = next(layer.getFeatures())
        layer.changeAttributeValue(feature.id(), layer.fields().indexOf("revetement"), "pavés")
        assert action.isEnabled()
        layer.rollBack()
        assert not action.isEnabled()
        copy = QgsVectorLayer("LineString?crs=EPSG:2154&field=identifiant:string", "copie", "memory")
        copy.setCustomProperty(COPY_OF_PROPERTY, layer.id())
        QgsProject.instance().addMapLayer(copy)
        component.follow(copy)
        assert action.isEnabled()
    finally:
        plugin.unload()
    # Unloaded: the layer's signals no longer reach the (deleted) action.
    assert layer.startEditing()
    layer.changeAttributeValue(next(layer.getFeatures()).id(), layer.fields().indexOf("revetement"), "x")
    layer.rollBack()


def test_a_raster_layer_is_followed_without_error(qgis_iface, layer, tmp_path):
    """A WMS or raster layer made current: nothing to propose, no Python error, and
    unload after it is clean (QgsRasterLayer has editingStarted but no afterRollBack)."""
    from osgeo import gdal
    from qgis.core import QgsRasterLayer

    path = str(tmp_path / "raster.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(path, 4, 4, 1, gdal.GDT_Byte)
    dataset.SetGeoTransform((650000, 10, 0, 6860000, 0, -10))
    dataset = None
    raster = QgsRasterLayer(path, "raster", "gdal")
    assert raster.isValid()
    QgsProject.instance().addMapLayer(raster)
    plugin = geogov.classFactory(qgis_iface)
    plugin.initGui()
    try:
        P.wait_for(lambda: plugin.start_finished)
        component = next(c for c in plugin.components if isinstance(c, _Component))
        component.follow(raster)
        assert component.layer is None
        assert not component.action.isEnabled()
        component.follow(layer)
        assert component.layer is layer
        component.follow(raster)
    finally:
        plugin.unload()


@pytest.fixture()
def dock(qgis_iface, tmp_path):
    store = P.demo_store(tmp_path / "proposals.gpkg", F.convention())
    settings = P.gpkg_settings(store)
    made = MyProposalsDock(qgis_iface, P.ConventionState(F.convention()),
                           outbox_path=str(tmp_path / "o.gpkg"), load_settings=lambda: settings)
    yield made, store
    made.deleteLater()


def test_my_proposals_shows_requests_and_resubmits(dock):
    panel, store = dock
    with GeoPackageStore(store, "tech94") as tech:
        asked = tech.submit(tech.create_draft(F.proposal(tag="asked")).id)
        kept = tech.create_draft(F.proposal(tag="kept"))
    with GeoPackageStore(store, "tech93") as other:
        other.create_draft(F.proposal(departements=("93",), tag="not mine"))
    with GeoPackageStore(store, "steward94") as steward:
        steward.review(asked.id, "request_changes", "Précisez la source du relevé.")
    panel.refresh()
    P.wait_idle(panel)
    assert sorted(panel.item_ids()) == sorted([asked.id, kept.id])
    texts = {panel.table.topLevelItem(i).text(0): panel.table.topLevelItem(i).text(2)
             for i in range(panel.table.topLevelItemCount())}
    assert texts == {"proposal asked": "Changes requested", "proposal kept": "Draft"}
    assert "no access control" in panel.header.text()

    assert panel.select(asked.id)
    P.wait_idle(panel)
    assert panel.selected.id == asked.id
    html = panel.details.toHtml()
    assert "Précisez la source du relevé." in html and "steward94" in html
    # The fixture's proposal carries a validation note: it cannot go back as it is.
    assert not panel.resubmit_button.isEnabled() and panel.withdraw_button.isEnabled()
    panel.withdraw()
    P.wait_idle(panel)
    P.wait_idle(panel)
    with GeoPackageStore(store, "tech94") as tech:
        assert tech.get_proposal(asked.id, with_changes=False).status == "withdrawn"


def test_resubmit_after_changes_requested(dock):
    panel, store = dock
    clean = F.proposal(tag="clean")
    clean.validation = []
    with GeoPackageStore(store, "tech94") as tech:
        asked = tech.submit(tech.create_draft(clean).id)
    with GeoPackageStore(store, "steward94") as steward:
        steward.review(asked.id, "request_changes", "Ajoutez la date.")
    panel.refresh()
    P.wait_idle(panel)
    assert panel.select(asked.id)
    P.wait_idle(panel)
    assert panel.resubmit_button.isEnabled()
    panel.resubmit()
    P.wait_idle(panel)
    P.wait_idle(panel)
    with GeoPackageStore(store, "steward94") as steward:
        again = steward.get_proposal(asked.id, with_changes=False)
    assert (again.status, again.round) == ("submitted", 2)


def test_changes_requested_edited_again_in_the_layer_and_resubmitted(qgis_iface, layer, tmp_path):
    """Propose → the steward asks for changes → "Edit in the layer" replays the proposal
    into an edit session → one more edit → Propose updates the same proposal → Submit:
    back in the steward's queue, second round, with the four changes."""
    from geogov.ui.propose_dialog import ProposeDialog

    store = P.demo_store(tmp_path / "proposals.gpkg")
    settings = P.gpkg_settings(store)
    state = P.ConventionState(P.convention())
    before = P.table_rows(layer.source().split("|")[0], TABLE)
    edits = P.edit_three(layer)
    expected = sorted((c.op, c.key, tuple(c.changed_fields), c.geometry_changed)
                      for c in P.edit_buffer_changeset(layer).changes)
    dialog = ProposeDialog(qgis_iface, state, layer, outbox_path=str(tmp_path / "o.gpkg"),
                           load_settings=lambda: settings)
    dialog.confirm = lambda title, text: True
    dialog.start()
    P.wait_idle(dialog)
    dialog.comment.setPlainText("Relevé")
    dialog.submit()
    P.wait_idle(dialog)
    proposal_id = dialog.proposal.id
    assert dialog.proposal.status == "submitted" and not layer.isEditable()
    dialog.deleteLater()
    with GeoPackageStore(store, "steward94") as steward:
        steward.review(proposal_id, "request_changes", "Le sens manque.")

    panel = MyProposalsDock(qgis_iface, state, outbox_path=str(tmp_path / "o.gpkg"),
                            load_settings=lambda: settings)
    try:
        panel.refresh()
        P.wait_idle(panel)
        assert panel.select(proposal_id)
        P.wait_idle(panel)
        assert panel.edit_button.isEnabled()
        panel.edit_again()
        P.wait_idle(panel)
        assert layer.isEditable() and "3 change(s) reloaded" in panel.status.text(), panel.status.text()
        replayed = sorted((c.op, c.key, tuple(c.changed_fields), c.geometry_changed)
                          for c in P.edit_buffer_changeset(layer).changes)
        assert replayed == expected
    finally:
        panel.deleteLater()
    moved = next(f for f in layer.getFeatures() if f["identifiant"] == edits.moved)
    assert layer.changeAttributeValue(moved.id(), layer.fields().indexOf("sens"), "bidirectionnel")

    again = ProposeDialog(qgis_iface, state, layer, outbox_path=str(tmp_path / "o.gpkg"),
                          load_settings=lambda: settings)
    again.confirm = lambda title, text: True
    again.start()
    P.wait_idle(again)
    assert again.proposal.id == proposal_id and again.proposal.status == "changes_requested"
    again.comment.setPlainText("Sens ajouté.")
    again.submit()
    P.wait_idle(again)
    again.deleteLater()
    with GeoPackageStore(store, "steward94") as steward:
        stored = steward.get_proposal(proposal_id)
        assert proposal_id in [s.id for s in steward.list_proposals(TO_REVIEW)]
    assert (stored.status, stored.round, stored.comment) == ("submitted", 2, "Sens ajouté.")
    update = next(c for c in stored.changeset.changes if c.op == "update")
    assert len(stored.changeset.changes) == 3 and sorted(update.changed_fields) == ["revetement", "sens"]
    assert P.table_rows(layer.source().split("|")[0], TABLE) == before


def test_a_local_copy_is_edited_then_its_differences_proposed(qgis_iface, layer, tmp_path, monkeypatch):
    from types import SimpleNamespace

    from qgis.PyQt.QtWidgets import QAction

    from geogov.ui import propose_action
    from geogov.ui.propose_dialog import ProposeDialog

    monkeypatch.setattr(propose_action, "copies_folder", lambda: str(tmp_path / "copies"))
    state = P.ConventionState(P.convention())
    propose, copy_action = QAction(), QAction()
    component = _Component(SimpleNamespace(iface=qgis_iface), propose, copy_action, state)
    component.follow(layer)
    assert copy_action.isEnabled() and not propose.isEnabled()
    # Editing the shared layer itself: told not to save, but to propose.
    qgis_iface.messageBar().clear_messages()
    assert layer.startEditing()
    warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
    assert len(warnings) == 1 and "do not save" in warnings[0], warnings
    layer.rollBack()
    component.make_local_copy()
    P.wait_for(lambda: component.task is None)
    copy = qgis_iface.activeLayer()
    assert copy is not layer and copy.customProperty(COPY_OF_PROPERTY) == layer.id()
    assert copy.isEditable() and copy.featureCount() == layer.featureCount()
    assert str(tmp_path / "copies") in copy.source()
    component.follow(copy)
    assert propose.isEnabled() and not copy_action.isEnabled()
    component.unload()

    copy.rollBack()
    edits = P.edit_three(copy)
    assert copy.commitChanges()            # saved to the technician's own file only
    before = P.table_rows(layer.source().split("|")[0], TABLE)
    store = P.demo_store(tmp_path / "proposals.gpkg")
    dialog = ProposeDialog(qgis_iface, state, copy, outbox_path=str(tmp_path / "o.gpkg"),
                           load_settings=lambda: P.gpkg_settings(store))
    try:
        assert dialog.mode_layers.isChecked()
        assert dialog.layer_combo.currentLayer() is layer and dialog.copy_combo.currentLayer() is copy
        dialog.start()
        P.wait_idle(dialog)
        prepared = dialog.prepared
        assert prepared.problems == [] and prepared.save_error is None, dialog.status.text()
        assert sorted((c.op, c.key) for c in prepared.changeset.changes) == \
            sorted([("insert", edits.inserted), ("update", edits.moved), ("delete", edits.deleted)])
        assert prepared.source.target.uri == layer.source().split("|")[0]
        assert copy.customProperty("geogov/proposal_id") == dialog.proposal.id
    finally:
        dialog.reject()
        dialog.deleteLater()
    assert P.table_rows(layer.source().split("|")[0], TABLE) == before
