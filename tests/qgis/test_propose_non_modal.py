"""The propose dialog is not modal: the map stays usable while it is open. One dialog per
layer (asked again, the action brings it to the front); it closes when its layer leaves the
project and keeps its changes when the layer's edit session ends (issue 17)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAction, QApplication

from geogov.plugin.bridge import settings as gsettings
from geogov.plugin.proposals.leave_out import ref
from geogov.plugin.proposals.model import INSERT
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.sdi.geodata import write_geopackages
from geogov.tests.support import propose_fixtures as P  # noqa: N812
from geogov.ui import propose_action
from geogov.ui.propose_action import _Component


@pytest.fixture(scope="module")
def demo_data(qgis_app, tmp_path_factory):
    folder = tmp_path_factory.mktemp("non-modal-demo")
    write_geopackages(folder / "data")
    return folder / "data"


@pytest.fixture()
def plugin(qgis_iface, tmp_path, monkeypatch):
    """GeoGov's propose action, as ui/plugin.py starts it, with a GeoPackage store."""
    convention = P.convention()
    store = P.demo_store(tmp_path / "proposals.gpkg", convention)
    settings = P.gpkg_settings(store)
    monkeypatch.setattr(gsettings, "load", lambda: settings)
    component = _Component(SimpleNamespace(iface=qgis_iface), QAction(), QAction(),
                           P.ConventionState(convention))
    qgis_iface.messageBar().clear_messages()
    yield SimpleNamespace(iface=qgis_iface, started={"propose_action": component}, component=component,
                          store=store)
    for dialog in list(component.dialogs):
        P.wait_idle(dialog)
    component.unload()
    QgsProject.instance().removeAllMapLayers()


def open_on(plugin, layer):
    plugin.iface.setActiveLayer(layer)
    dialog = propose_action.propose_my_changes(plugin)
    P.wait_idle(dialog)
    return dialog


def test_not_modal_and_one_dialog_per_layer(plugin, demo_data, tmp_path):
    lanes, _ = P.shared_layer(demo_data, tmp_path / "a")
    lamps, _ = P.shared_layer(demo_data, tmp_path / "b", "eclairage_public")
    P.edit_three(lanes)
    dialog = open_on(plugin, lanes)
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.windowModality() == Qt.WindowModality.NonModal
    assert QApplication.activeModalWidget() is None
    assert dialog.prepared is not None and dialog.proposal is not None, dialog.status.text()

    # Asked again on the same layer: the same dialog, computed again (the same draft).
    first_id = dialog.proposal.id
    assert open_on(plugin, lanes) is dialog and plugin.component.dialogs == [dialog]
    assert dialog.proposal.id == first_id
    # Another layer: a dialog of its own.
    lamps.startEditing()
    other = open_on(plugin, lamps)
    assert other is not dialog and plugin.component.dialogs == [dialog, other]
    # Closed: a new one next time.
    other.reject()
    assert plugin.component.dialogs == [dialog]
    lamps.rollBack()
    lanes.rollBack()


def test_the_dialog_closes_when_its_layer_leaves_the_project(plugin, demo_data, tmp_path):
    lanes, _ = P.shared_layer(demo_data, tmp_path)
    P.edit_three(lanes)
    dialog = open_on(plugin, lanes)
    draft = dialog.proposal.id
    name = lanes.name()
    QgsProject.instance().removeMapLayer(lanes.id())
    assert dialog.closed and not dialog.isVisible()
    assert plugin.component.dialogs == []
    infos = plugin.iface.messageBar().get_messages(Qgis.MessageLevel.Info)
    assert any(name in m and "closed" in m for m in infos), infos
    with GeoPackageStore(plugin.store, "tech94") as store:
        assert store.get_proposal(draft).status == "draft"       # kept in the store


def test_removing_the_layer_while_computing_is_safe(plugin, demo_data, tmp_path):
    lanes, _ = P.shared_layer(demo_data, tmp_path)
    P.edit_three(lanes)
    plugin.iface.setActiveLayer(lanes)
    dialog = propose_action.propose_my_changes(plugin)
    assert dialog.busy
    QgsProject.instance().removeMapLayer(lanes.id())
    assert dialog.closed
    P.wait_idle(dialog)                     # the task ends; its result goes nowhere
    assert dialog.prepared is None


def test_the_edit_session_ending_keeps_the_changes(plugin, demo_data, tmp_path):
    """The technician rolls the layer back in QGIS while the dialog is open: the dialog says
    so, keeps the changes of its draft (Submit still works), and the new feature — gone
    with its provisional id — is shown where it was, selecting nothing."""
    lanes, path = P.shared_layer(demo_data, tmp_path)
    before = P.table_rows(path, P.CYCLABLE_TABLE)
    edits = P.edit_three(lanes)
    dialog = open_on(plugin, lanes)
    dialog.confirm = lambda title, text: True
    # Edited after the computation: Submit waits for the changes to be computed again.
    moved = next(f for f in lanes.getFeatures() if f["identifiant"] == edits.moved)
    assert lanes.changeAttributeValue(moved.id(), lanes.fields().indexOf("sens"), "bidirectionnel")
    dialog.comment.setPlainText("Relevé terrain.")
    assert not dialog.submit_button.isEnabled() and "edited after" in dialog.reason.text()
    lanes.rollBack()
    assert "edit session" in dialog.status.text() and "has ended" in dialog.status.text()
    found = dialog.show_feature(ref(INSERT, edits.inserted))
    assert found and lanes.selectedFeatureIds() == []
    assert dialog.submit_button.isEnabled(), dialog.reason.text()
    dialog.submit()
    P.wait_idle(dialog)
    assert dialog.proposal.status == "submitted"
    with GeoPackageStore(plugin.store, "tech94") as store:
        assert len(store.get_proposal(dialog.proposal.id).changeset.changes) == 3
    assert not lanes.isEditable()
    assert P.table_rows(path, P.CYCLABLE_TABLE) == before
