""""Propose my changes" when the GeoPackage store's disk is full: the draft is not lost.

The store's connections are pinned at the file's size (SQLite's SQLITE_FULL, see
tests/support/disk_faults.py) and the draft carries a long comment, so saving it needs new
pages. The dialog must say what happened, to which file, and what to do; keep the changes
in the layer's edit buffer and in the dialog; leave the store file as it was; and save the
same draft with "Save draft" / "Submit" once there is room again.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from geogov.plugin.bridge.propose import PROPOSAL_PROPERTY
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.sdi.geodata import write_geopackages
from geogov.tests.support import disk_faults as D  # noqa: N812
from geogov.tests.support import propose_fixtures as P  # noqa: N812
from geogov.tests.support.servers import copy_geopackage
from geogov.ui.propose_dialog import ProposeDialog

TABLE = "amenagements_cyclables"


@pytest.fixture(scope="module")
def demo_data(qgis_app, tmp_path_factory):
    folder = tmp_path_factory.mktemp("propose-full")
    write_geopackages(folder / "data")
    return folder / "data"


@pytest.fixture()
def layer(demo_data, tmp_path):
    path = copy_geopackage(demo_data / f"{TABLE}.gpkg", tmp_path / "authoritative" / f"{TABLE}.gpkg")
    layer = QgsVectorLayer(f"{path}|layername={TABLE}", TABLE, "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    yield layer
    if layer.isEditable():
        layer.rollBack()
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def store_path(tmp_path):
    (tmp_path / "share").mkdir()
    return P.demo_store(tmp_path / "share" / "proposals.gpkg", P.convention())


@pytest.fixture()
def disk(store_path, monkeypatch):
    """``disk["full"] = True``: every connection to the store file cannot make it grow."""
    state = {"full": False}
    connect = GeoPackageStore._connect

    def connect_pinned(store):
        connect(store)
        if state["full"] and store.path == str(store_path):
            D.pin_size(store)

    monkeypatch.setattr(GeoPackageStore, "_connect", connect_pinned)
    return state


@pytest.fixture()
def dialogs(qgis_iface, tmp_path):
    made = []

    def make(layer, store_path, confirm=True):
        dialog = ProposeDialog(qgis_iface, P.ConventionState(P.convention()), layer,
                               outbox_path=str(tmp_path / "outbox.gpkg"),
                               load_settings=lambda: P.gpkg_settings(store_path))
        dialog.confirm = lambda title, text: confirm
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        dialog.reject()
        dialog.deleteLater()


def edits_of(layer) -> tuple:
    buffer = layer.editBuffer()
    return (len(buffer.addedFeatures()), len(buffer.deletedFeatureIds()), len(buffer.changedGeometries()),
            len(buffer.changedAttributeValues()))


def test_the_first_save_on_a_full_disk_keeps_the_edits_and_saves_them_later(layer, store_path, disk,
                                                                             dialogs):
    before = D.snapshot(store_path)
    P.edit_three(layer)
    edited = edits_of(layer)
    dialog = dialogs(layer, store_path)
    dialog.comment.setPlainText("Relevé terrain du 12 mars. " + D.PAD)
    disk["full"] = True
    dialog.start()
    P.wait_idle(dialog)
    prepared = dialog.prepared
    assert prepared is not None and prepared.save_error is not None, dialog.status.text()
    assert prepared.save_error.code == "store.disk_full" and dialog.proposal is None
    text = dialog.status.text()
    assert "the disk is full" in text and str(store_path) in text and "Nothing was lost" in text
    assert "click “Save draft”" in text
    # The changes: still in the layer's edit buffer and in the dialog; the file unchanged.
    assert layer.isEditable() and edits_of(layer) == edited and not layer.customProperty(PROPOSAL_PROPERTY)
    assert dialog.changes.topLevelItemCount() > 0 and dialog.counts.text().startswith("3 ")
    assert dialog.save_button.isEnabled() and not dialog.submit_button.isEnabled()
    assert D.snapshot(store_path) == before

    dialog.save_draft()                        # still full: still kept
    P.wait_idle(dialog)
    assert "the disk is full" in dialog.status.text() and dialog.proposal is None
    assert layer.isEditable() and edits_of(layer) == edited and dialog.save_button.isEnabled()
    assert D.snapshot(store_path) == before

    disk["full"] = False                       # space freed
    dialog.save_draft()
    P.wait_idle(dialog)
    assert dialog.proposal is not None and dialog.proposal.status == "draft", dialog.status.text()
    assert layer.customProperty(PROPOSAL_PROPERTY) in (None, "")    # rolled back: a new proposal next
    assert not layer.isEditable()              # the user agreed to discard: the changes live in the draft
    with GeoPackageStore(store_path, "tech94") as store:
        stored = store.get_proposal(dialog.proposal.id)
        assert [s.id for s in store.list_proposals()] == [dialog.proposal.id]
    assert len(stored.changeset.changes) == 3 and stored.comment.startswith("Relevé terrain du 12 mars.")


def test_saving_a_draft_again_on_a_full_disk_keeps_the_stored_one_and_the_edits(layer, store_path, disk,
                                                                              dialogs):
    P.edit_three(layer)
    edited = edits_of(layer)
    dialog = dialogs(layer, store_path, confirm=False)       # the user keeps the edits in the layer
    dialog.comment.setPlainText("Relevé terrain.")
    dialog.start()
    P.wait_idle(dialog)
    draft = dialog.proposal
    assert draft is not None and dialog.prepared.save_error is None, dialog.status.text()
    assert layer.customProperty(PROPOSAL_PROPERTY) == draft.id
    before = D.snapshot(store_path)

    disk["full"] = True
    dialog.title.setText("Pistes de Créteil")
    dialog.comment.setPlainText("Relevé terrain, avec les photos décrites. " + D.PAD)
    dialog.submit()
    P.wait_idle(dialog)
    text = dialog.status.text()
    assert "the disk is full" in text and str(store_path) in text and "click “Save draft”" in text
    assert dialog.proposal is draft and dialog.title.text() == "Pistes de Créteil"
    assert dialog.submit_button.isEnabled() and dialog.save_button.isEnabled()
    assert layer.isEditable() and edits_of(layer) == edited
    assert D.snapshot(store_path) == before

    disk["full"] = False
    dialog.submit()
    P.wait_idle(dialog)
    assert dialog.proposal.status == "submitted", dialog.status.text()
    with GeoPackageStore(store_path, "tech94") as store:
        stored = store.get_proposal(draft.id)
    assert stored.title == "Pistes de Créteil" and stored.status == "submitted"
    assert layer.isEditable() and edits_of(layer) == edited
