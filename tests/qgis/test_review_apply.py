"""Applying from the Review dock to a GeoPackage target (a copy of the demo's lighting
layer), the conflict round trip (the data changed meanwhile → conflict dialog → rebased
proposal → approved again → applied), the change log export and the GeoPackage-store
notifications — all through the dock's own bridge functions and tasks."""

from __future__ import annotations

import copy
import json

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from geogov.plugin.bridge.notifications import MINE_STATUS, TO_REVIEW_NOTICE
from geogov.plugin.proposals.stores.base import ALL
from geogov.tests.sdi.geodata import write_geopackages
from geogov.tests.support import review_fixtures as R  # noqa: N812 (short: used on every line)
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
from geogov.tests.support.review_fixtures import isolated_convention, review_docks  # noqa: F401 (fixtures)
from geogov.tests.support.servers import copy_geopackage
from geogov.ui.changelog_dialog import ChangelogDialog
from geogov.ui.notifications import ReviewNotifications
from geogov.ui.review_queue import TO_APPLY

SCHEMA = eclairage_schema()

pytestmark = pytest.mark.usefixtures("isolated_convention")


@pytest.fixture(scope="module")
def demo_data(qgis_app, tmp_path_factory):
    folder = tmp_path_factory.mktemp("review-demo")
    write_geopackages(folder / "data")
    return folder / "data"


@pytest.fixture()
def target_gpkg(demo_data, tmp_path):
    return copy_geopackage(demo_data / f"{TABLE}.gpkg", tmp_path / f"{TABLE}.gpkg")


@pytest.fixture()
def store(tmp_path):
    return R.review_store(tmp_path / "proposals.gpkg", "gpkg")


@pytest.fixture()
def dock_as(review_docks, store):  # noqa: F811 (the fixture imported above)
    def make(login):
        dock = review_docks(store, login, F.convention("gpkg"))
        dock.confirm = lambda title, text: True
        return dock

    return make


def edits(base):
    """An update (two fields), a move, a delete and an insert in the lighting layer."""
    keys = sorted(base)[:4]
    edited = copy.deepcopy(base)
    edited[keys[0]].attributes.update(etat="en panne", hauteur_m=9.5)
    edited[keys[1]].geometry = point(652001.125, 6862002.5)
    del edited[keys[2]]
    new = copy.deepcopy(base[keys[3]])
    new.key = "EP-94-NEW-1"
    new.attributes.update(identifiant="EP-94-NEW-1", fid=None, etat="en service")
    new.geometry = point(655000, 6855000)
    edited["EP-94-NEW-1"] = new
    return keys, edited


def approved_on(store, target_gpkg, title="Remplacement des lampes"):
    base = read_gpkg(target_gpkg)
    keys, edited = edits(base)
    proposal = R.submitted(store, "tech94", dataset=F.ECLAIRAGE, title=title,
                           changeset=changeset_of(base, edited, SCHEMA),
                           target=R.gpkg_target(target_gpkg, TABLE))
    return R.approved(store, proposal, "steward_sipperec"), keys, edited


def apply_selected(dock, proposal):
    R.wait_idle(dock)
    dock.ui.scope_combo.setCurrentIndex(dock.ui.scope_combo.findData(TO_APPLY))
    R.wait_idle(dock)
    dock.refresh()
    R.wait_idle(dock)
    dock.select([proposal.id])
    R.wait_idle(dock)
    assert dock.ui.apply_button.isEnabled(), dock.ui.apply_button.toolTip()
    dock.ui.apply_button.click()
    R.wait_idle(dock)
    return dock.last_outcome


def test_apply_writes_the_approved_changes_says_what_happened_and_refreshes_the_layer(store, target_gpkg,
                                                                                      dock_as):
    proposal, _keys, edited = approved_on(store, target_gpkg)
    layer = QgsVectorLayer(f"{target_gpkg}|layername={TABLE}", "Éclairage public", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    repaints = []
    layer.repaintRequested.connect(lambda *_: repaints.append(1))
    dock = dock_as("steward_sipperec")

    outcome = apply_selected(dock, proposal)

    assert outcome.result.status == "applied", outcome.result.message()
    assert differences(read_gpkg(target_gpkg), edited, SCHEMA) == []
    assert R.store_as(store, "coord_region").get_proposal(proposal.id).status == "applied"
    text = dock.ui.status_label.text()
    assert "Applied to the authoritative data and verified: 1 added, 2 modified, 1 deleted." in text
    assert repaints, "the layer of the target was not refreshed"
    assert not dock.ui.apply_button.isEnabled()


def test_a_technician_cannot_apply_and_the_button_says_why(store, target_gpkg, dock_as):
    proposal, _keys, _edited = approved_on(store, target_gpkg)
    dock = dock_as("tech94")
    dock.ui.scope_combo.setCurrentIndex(dock.ui.scope_combo.findData(TO_APPLY))
    R.wait_idle(dock)
    dock.select([proposal.id])
    R.wait_idle(dock)
    assert not dock.ui.apply_button.isEnabled()
    assert "steward" in dock.ui.apply_button.toolTip() and "coordinator" in dock.ui.apply_button.toolTip()


def test_a_conflict_opens_the_dialog_whose_choices_rebase_the_proposal(store, target_gpkg, dock_as):
    proposal, keys, edited = approved_on(store, target_gpkg)
    before = read_gpkg(target_gpkg)
    # Meanwhile someone else edits the first feature: etat differently, puissance_w too.
    edit_with_ogr(target_gpkg, keys[0], etat="déposé", puissance_w=35)
    changed = read_gpkg(target_gpkg)
    dock = dock_as("steward_sipperec")

    outcome = apply_selected(dock, proposal)

    assert outcome.result.status == "conflict"
    assert differences(read_gpkg(target_gpkg), changed, SCHEMA) == []            # nothing written
    assert "changed in the authoritative data" in dock.ui.status_label.text()
    dialog = dock.conflict_dialog
    assert dialog is not None and dialog.features.count() == 1
    assert not dialog.ok_button.isEnabled() and "etat" in dialog.reason.text()
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "etat")
    assert [dialog.table.item(row, c).text() for c in (1, 2, 3)] == \
        [before[keys[0]].attributes["etat"], "déposé", "en panne"]
    dialog.table.cellClicked.emit(row, 2)                        # keep the data's etat
    assert dialog.ok_button.isEnabled()
    dialog.comment.setText("on garde l'état saisi entre-temps")
    dialog.accept()
    R.wait_idle(dock)

    with R.store_as(store, "coord_region") as coordinator:
        rebased = coordinator.get_proposal(proposal.id)
        assert rebased.status == "submitted" and rebased.round == 2
        assert rebased.comments[-1].body == "on garde l'état saisi entre-temps"
        coordinator.review(proposal.id, "approve", "ok après rebase")
    outcome = apply_selected(dock, rebased)
    assert outcome.result.status == "applied", outcome.result.message()
    now = read_gpkg(target_gpkg)
    assert now[keys[0]].attributes["etat"] == "déposé" and now[keys[0]].attributes["puissance_w"] == 35
    assert now[keys[0]].attributes["hauteur_m"] == 9.5
    assert keys[2] not in now and "EP-94-NEW-1" in now
    assert edited[keys[1]].geometry == now[keys[1]].geometry


def test_the_conflicts_of_a_proposal_in_conflict_are_read_back_from_the_store(store, target_gpkg, dock_as):
    proposal, keys, _edited = approved_on(store, target_gpkg)
    edit_with_ogr(target_gpkg, keys[0], etat="déposé")
    first = dock_as("steward_sipperec")
    apply_selected(first, proposal)
    first.conflict_dialog.reject()
    # Later, another session: the dock reads the recorded conflicts.
    later = dock_as("steward_sipperec")
    later.ui.scope_combo.setCurrentIndex(later.ui.scope_combo.findData(ALL))
    R.wait_idle(later)
    later.ui.status_combo.setCurrentIndex(later.ui.status_combo.findData("conflict"))
    R.wait_idle(later)
    later.select([proposal.id])
    R.wait_idle(later)
    assert later.ui.conflicts_button.isEnabled()
    conflict = later.detail.conflicts[0]
    assert conflict.key == keys[0] and conflict.both == ["etat"]
    assert conflict.current.attributes["etat"] == "déposé"
    later.ui.conflicts_button.click()
    dialog = later.conflict_dialog
    dialog.proposed_all.click()
    assert dialog.choices()[keys[0]]["etat"] == "proposed"
    dialog.accept()
    R.wait_idle(later)
    rebased = R.store_as(store, "coord_region").get_proposal(proposal.id)
    change = next(c for c in rebased.changeset.changes if c.key == keys[0])
    assert change.old["etat"] == "déposé" and change.new["etat"] == "en panne"


def test_the_change_log_is_exported_as_csv_geojson_and_html(store, target_gpkg, dock_as, qgis_iface,
                                                            tmp_path):
    proposal, _keys, _edited = approved_on(store, target_gpkg, title="Lampes LED rue Gabriel Péri")
    apply_selected(dock_as("steward_sipperec"), proposal)
    settings = R.settings_for(store, "steward_sipperec")
    dialog = ChangelogDialog(qgis_iface, F.convention("gpkg"), F.ECLAIRAGE, load_settings=lambda: settings)
    try:
        out = tmp_path / "export"
        out.mkdir()
        dialog.folder.setFilePath(str(out))
        dialog.name_edit.setText("journal")
        assert dialog.export_button.isEnabled()
        dialog.export_button.click()
        wait_for(lambda: not dialog.busy, timeout=30)
        assert sorted(p.name for p in out.iterdir()) == ["journal.csv", "journal.geojson", "journal.html"]
        html = (out / "journal.html").read_text(encoding="utf-8")
        assert "Lampes LED rue Gabriel Péri" in html and "Éclairage public" in html
        features = json.loads((out / "journal.geojson").read_text(encoding="utf-8"))["features"]
        assert sorted(f["properties"]["operation"] for f in features) == ["delete", "insert", "update",
                                                                          "update"]
        csv_text = (out / "journal.csv").read_text(encoding="utf-8-sig")
        assert csv_text.startswith("applied_at,proposal,dataset") and "steward_sipperec (steward)" in csv_text
        assert "journal.html" in dialog.status.text()
    finally:
        dialog.deleteLater()


def test_geopackage_notifications_tell_the_steward_and_then_the_author(tmp_path, qgis_iface):
    store = R.review_store(tmp_path / "notified.gpkg")        # F.proposal's WFS targets
    qgis_iface.messageBar().clear_messages()
    watchers = []
    for login in ("steward94", "tech94"):
        settings = R.settings_for(store, login, poll_seconds=3600)
        refreshed = []
        watcher = ReviewNotifications(qgis_iface, lambda s=settings: s, F.convention,
                                      on_notice=refreshed.extend)
        watcher.start()
        watchers.append((watcher, refreshed))
    try:
        for watcher, _ in watchers:
            wait_for(lambda w=watcher: w.watcher.task is None and w.watcher.cursor is not None, timeout=10)
        proposal = R.submitted(store, "tech94", tag="notif", title="Nouvelle piste rue de Paris")
        for watcher, _ in watchers:
            watcher.watcher.poll()
        steward, steward_seen = watchers[0]
        wait_for(lambda: steward_seen, timeout=10)
        assert [(n.kind, n.proposal_id) for n in steward_seen] == [(TO_REVIEW_NOTICE, proposal.id)]
        assert steward.shown == ["A new proposal awaits your review: “Nouvelle piste rue de Paris” "
                                 "(Aménagements cyclables)."]
        author, author_seen = watchers[1]
        wait_for(lambda: author.watcher.task is None, timeout=10)
        assert author_seen == []                    # my own submission is no news to me
        R.approved(store, proposal, "steward94")
        author.watcher.poll()
        wait_for(lambda: author_seen, timeout=10)
        assert [(n.kind, n.status) for n in author_seen] == [(MINE_STATUS, "approved")]
        assert "Your proposal “Nouvelle piste rue de Paris” is now: Approved." in \
            qgis_iface.messageBar().get_messages(0)[-1]
    finally:
        for watcher, _ in watchers:
            watcher.stop()


def test_a_cancelled_apply_writes_and_records_nothing(store, target_gpkg, dock_as):
    from geogov.plugin.bridge.review import apply_approved
    from geogov.plugin.errors import Cancelled

    proposal, _keys, _edited = approved_on(store, target_gpkg)
    before = read_gpkg(target_gpkg)
    settings = R.settings_for(store, "steward_sipperec")
    with pytest.raises(Cancelled):
        apply_approved(settings, proposal.id, proposal.version, F.convention("gpkg"),
                       is_cancelled=lambda: True)
    assert differences(read_gpkg(target_gpkg), before, SCHEMA) == []
    stored = R.store_as(store, "coord_region").get_proposal(proposal.id)
    assert stored.status == "approved" and stored.apply_attempts == []
    # In the dock, the apply shows its progress bar and a Cancel button while it runs.
    dock = dock_as("steward_sipperec")
    dock.ui.scope_combo.setCurrentIndex(dock.ui.scope_combo.findData(TO_APPLY))
    R.wait_idle(dock)
    dock.select([proposal.id])
    R.wait_idle(dock)
    dock.ui.apply_button.click()
    assert not dock.ui.progress.isHidden() and not dock.ui.cancel_button.isHidden()
    dock.ui.cancel_button.click()
    R.wait_idle(dock)
    assert dock.ui.progress.isHidden() and dock.ui.cancel_button.isHidden()
    status = R.store_as(store, "coord_region").get_proposal(proposal.id).status
    text = dock.ui.status_label.text()
    # Cancelled before it wrote (nothing happened) or while writing (undone), or too late
    # (applied, and said so).
    assert (status == "approved" and text.startswith("Cancelled")) or \
        (status == "applied" and "Applied to the authoritative data" in text)


def test_what_already_waits_is_said_at_start_and_counted(qgis_iface, tmp_path):
    """Proposals submitted before QGIS started never made a notice (the feed starts at its
    end): the start says what waits, once, and the review action gets its count; a restart
    under another identity says it again for that one."""
    from geogov.ui.notifications import review_badge

    store = R.review_store(tmp_path / "proposals.gpkg")
    first = R.submitted(store, "tech94", tag="w1")
    R.submitted(store, "tech94", tag="w2")
    R.approved(store, first, "steward94")
    settings = {"value": R.settings_for(store, "steward94", poll_seconds=3600)}
    counts = []
    watcher = ReviewNotifications(qgis_iface, lambda: settings["value"], F.convention,
                                  on_count=counts.append)
    watcher.start()
    try:
        wait_for(lambda: counts, timeout=10)
        assert (counts[0].to_review, counts[0].to_apply, counts[0].changes_requested) == (1, 1, 0)
        assert watcher.shown == ["Waiting for you: 1 proposal(s) await your review; 1 approved "
                                 "proposal(s) are ready to apply."]
        assert review_badge(counts[0]) == " (2)"
        watcher.watcher.poll()                       # nothing new: counted, not said again
        wait_for(lambda: watcher.watcher.task is None, timeout=10)
        assert len(watcher.shown) == 1
        settings["value"] = R.settings_for(store, "tech94", poll_seconds=3600)
        watcher.start()
        wait_for(lambda: len(counts) >= 2, timeout=10)
        assert (counts[-1].to_review, counts[-1].to_apply) == (0, 0)
        assert len(watcher.shown) == 1               # nothing waits for tech94: nothing said
    finally:
        watcher.stop()
        watcher.deleteLater()
