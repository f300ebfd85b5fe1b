"""The Review dock against a real QGIS Server WFS-T (a fresh writable copy per test):
submit → approve → "Apply to the authoritative data" through the dock's own bridge and
tasks (QGIS's network stack) → the server's GeoPackage equals the proposal's new state;
a feature changed on the server in between → conflict → the conflict dialog's choices →
rebased proposal → approved again → applied; a refusal half-way is undone and the dock
says which feature and why.

The server's data is read directly from its GeoPackage with sqlite3 (not through GeoGov).
"""

from __future__ import annotations

import copy

import pytest
from qgis.core import QgsProject

from geogov.plugin.bridge.review import apply_approved
from geogov.plugin.transport import RequestsTransport
from geogov.tests.support import review_fixtures as R  # noqa: N812 (short: used on every line)
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.apply_helpers import (
    TABLE,
    changeset_of,
    differences,
    eclairage_schema,
    point,
    read_gpkg,
    wfs_target,
)
from geogov.tests.support.review_fixtures import isolated_convention  # noqa: F401 (fixture)
from geogov.ui.review_dock import ReviewDock
from geogov.ui.review_queue import TO_APPLY

SCHEMA = eclairage_schema()

pytestmark = pytest.mark.usefixtures("isolated_convention")




def change_on_server(server, key, **values):
    """Someone else edits the feature ``key`` on the server (a plain WFS-T Update)."""
    from geogov.plugin.publishing.wfs_client import WfsClient
    from geogov.plugin.publishing.wfst import Update

    client = WfsClient(server.url, TABLE, transport=RequestsTransport())
    layer = client.describe()
    feature = client.features(layer, field="identifiant", values=[key])[0]
    geometry = values.pop("geometry", None)
    outcome = client.transaction(layer, [Update("other", [feature.fid], values, geometry,
                                                set_geometry=geometry is not None)])
    assert not outcome.failed


@pytest.fixture()
def store(tmp_path):
    return R.review_store(tmp_path / "proposals.gpkg")


@pytest.fixture()
def steward_dock(qgis_iface, store):
    settings = R.settings_for(store, "steward_sipperec")
    dock = ReviewDock(qgis_iface, R.ConventionState(F.convention()), load_settings=lambda: settings)
    dock.confirm = lambda title, text: True
    yield dock
    R.wait_idle(dock, timeout=120)
    dock.unload()
    dock.deleteLater()
    QgsProject.instance().removeAllMapLayers()


def propose(store, server, edit):
    base = read_gpkg(server.gpkg[TABLE])
    edited = copy.deepcopy(base)
    keys = sorted(base)
    edit(edited, keys, base)
    proposal = R.submitted(store, "tech94", dataset=F.ECLAIRAGE, title="Lampes du quai",
                           changeset=changeset_of(base, edited, SCHEMA), target=wfs_target(server))
    return R.approved(store, proposal, "steward_sipperec"), keys, edited


def apply_in_dock(dock, proposal):
    R.wait_idle(dock)
    dock.ui.scope_combo.setCurrentIndex(dock.ui.scope_combo.findData(TO_APPLY))
    R.wait_idle(dock)
    dock.refresh()
    R.wait_idle(dock)
    dock.select([proposal.id])
    R.wait_idle(dock)
    assert dock.ui.apply_button.isEnabled(), dock.ui.apply_button.toolTip()
    dock.last_outcome = None
    dock.ui.apply_button.click()
    R.wait_idle(dock, timeout=120)
    # An apply that failed leaves no outcome: say what the dock told the steward.
    assert dock.last_outcome is not None, dock.ui.status_label.text()
    return dock.last_outcome


def three_edits(edited, keys, base):
    edited[keys[0]].attributes.update(etat="en panne", puissance_w=75)
    edited[keys[1]].geometry = point(652001.125, 6862002.5)
    edited[keys[1]].attributes["type_lampe"] = "LED"
    del edited[keys[2]]
    new = copy.deepcopy(base[keys[3]])
    new.key = "EP-94-NEW-1"
    new.attributes.update(identifiant="EP-94-NEW-1", fid=None, etat="en service", hauteur_m=7.25)
    new.geometry = point(655000, 6855000)
    edited["EP-94-NEW-1"] = new


def test_submit_approve_apply_from_the_dock_reaches_the_server(wfst_server, store, steward_dock):
    proposal, _keys, edited = propose(store, wfst_server, three_edits)

    outcome = apply_in_dock(steward_dock, proposal)

    assert outcome.result.status == "applied", outcome.result.message()
    assert differences(read_gpkg(wfst_server.gpkg[TABLE]), edited, SCHEMA) == []
    stored = R.store_as(store, "coord_region").get_proposal(proposal.id)
    assert stored.status == "applied"
    assert [a.result for a in stored.apply_attempts] == ["applied"]
    assert stored.apply_attempts[0].details["target"]["kind"] == "wfs"
    assert "1 added, 2 modified, 1 deleted" in steward_dock.ui.status_label.text()


def test_a_server_edit_in_between_is_resolved_in_the_conflict_dialog_then_applied(wfst_server, store,
                                                                                   steward_dock):
    proposal, keys, _edited = propose(store, wfst_server, three_edits)
    change_on_server(wfst_server, keys[0], etat="déposé", hauteur_m=4.5,
                     geometry=point(650500.5, 6860500.5))
    before = read_gpkg(wfst_server.gpkg[TABLE])

    outcome = apply_in_dock(steward_dock, proposal)

    assert outcome.result.status == "conflict"
    assert differences(read_gpkg(wfst_server.gpkg[TABLE]), before, SCHEMA) == []     # untouched
    dialog = steward_dock.conflict_dialog
    assert dialog is not None
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    assert set(rows) >= {"etat", "puissance_w", "hauteur_m"}
    # etat: both changed → a choice; the server's hauteur_m and the proposal's puissance_w
    # are one-sided and filled automatically.
    assert dialog.table.item(rows["etat"], 4).text() == "choose…"
    assert dialog.table.item(rows["hauteur_m"], 4).text() == "4.5"
    assert dialog.table.item(rows["puissance_w"], 4).text() == "75"
    assert not dialog.ok_button.isEnabled()
    dialog.table.cellClicked.emit(rows["etat"], 3)                     # the proposal's etat
    dialog.table.item(rows["hauteur_m"], 4).setText("5.25")             # a value typed by the steward
    assert dialog.ok_button.isEnabled(), dialog.reason.text()
    dialog.comment.setText("état de la proposition, hauteur mesurée sur place")
    dialog.accept()
    R.wait_idle(steward_dock)
    rebased = R.store_as(store, "coord_region").get_proposal(proposal.id)
    assert rebased.status == "submitted"
    change = next(c for c in rebased.changeset.changes if c.key == keys[0])
    assert change.new["etat"] == "en panne" and change.new["hauteur_m"] == 5.25
    assert not change.geometry_changed                                  # the server's move is kept

    R.approved(store, rebased, "coord_region", "ok après rebase")
    again = apply_in_dock(steward_dock, rebased)

    assert again.result.status == "applied", again.result.message()
    now = read_gpkg(wfst_server.gpkg[TABLE])
    assert now[keys[0]].attributes["etat"] == "en panne"
    assert now[keys[0]].attributes["hauteur_m"] == 5.25 and now[keys[0]].attributes["puissance_w"] == 75
    assert now[keys[0]].geometry == point(650500.5, 6860500.5)
    assert keys[2] not in now and "EP-94-NEW-1" in now


def test_a_refusal_half_way_is_undone_and_the_dock_says_which_feature_and_why(wfst_server, store,
                                                                               steward_dock):
    def refused(edited, keys, base):
        edited[keys[0]].attributes["etat"] = "en maintenance"
        edited[keys[1]].attributes["puissance_w"] = -5             # the table's CHECK refuses it
    proposal, keys, _edited = propose(store, wfst_server, refused)
    before = read_gpkg(wfst_server.gpkg[TABLE])

    outcome = apply_in_dock(steward_dock, proposal)

    assert outcome.result.status == "refused", outcome.result.message()
    assert differences(read_gpkg(wfst_server.gpkg[TABLE]), before, SCHEMA) == []     # undone
    text = steward_dock.ui.status_label.text()
    assert f"Feature {keys[1]} (modified)" in text and "CHECK" in text
    assert "was undone" in text and "goes back to its author" in text
    stored = R.store_as(store, "coord_region").get_proposal(proposal.id)
    # Approved but refused by the target: back to its author, with the target's reason.
    assert stored.status == "changes_requested" and [a.result for a in stored.apply_attempts] == ["undone"]
    with R.store_as(store, "tech94") as author:
        last = [e for e in author.audit_trail(proposal.id) if e.action == "status"][-1]
    assert last.details["to"] == "changes_requested" and "CHECK" in last.details["details"]["reason"]


def test_the_bridge_applies_with_the_service_connections_authcfg(wfst_server, store, qgis_app):
    """No authcfg on the target: the one of the settings' service connection at that URL is used."""
    from geogov.plugin.bridge.review import target_authcfg
    from geogov.plugin.bridge.settings import ServiceConnection

    proposal, _keys, edited = propose(store, wfst_server, three_edits)
    settings = R.settings_for(store, "steward_sipperec")
    settings.services = [ServiceConnection("lumière", wfst_server.url + "?", "wfs", authcfg="")]
    assert target_authcfg(proposal.target, settings) == ""
    settings.services[0].authcfg = "abc1234"
    assert target_authcfg(proposal.target, settings) == "abc1234"
    settings.services = []

    outcome = apply_approved(settings, proposal.id, proposal.version, F.convention())

    assert outcome.result.status == "applied" and outcome.proposal.status == "applied"
    assert differences(read_gpkg(wfst_server.gpkg[TABLE]), edited, SCHEMA) == []
