"""The Review dock on a real GeoPackage proposal store: the queue and its filters, the
approvals still needed, the decision buttons and why they are disabled, bulk approval with
a refusal, a concurrent decision, and the diff layers' life cycle."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication

from geogov.plugin.proposals.stores.base import ALL, MINE, MY_PARTNER, TO_REVIEW
from geogov.tests.support import review_fixtures as R  # noqa: N812 (short: used on every line)
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.qt_wait import wait_for
from geogov.tests.support.review_fixtures import isolated_convention, review_docks  # noqa: F401 (fixtures)
from geogov.ui.diff_view import group_name
from geogov.ui.review_dock import bulk_text
from geogov.ui.review_queue import TO_APPLY

pytestmark = pytest.mark.usefixtures("isolated_convention")


@pytest.fixture()
def store(tmp_path):
    return R.review_store(tmp_path / "proposals.gpkg")


@pytest.fixture()
def docks(review_docks):  # noqa: F811 (the fixture imported above)
    return review_docks


def choose(dock, scope=None, status=None, dataset=None):
    """Set the filters (each change refreshes), then wait for the queue."""
    ui = dock.ui
    R.wait_idle(dock)
    ui.scope_combo.blockSignals(True)
    ui.status_combo.blockSignals(True)
    ui.dataset_combo.blockSignals(True)
    try:
        if scope is not None:
            ui.scope_combo.setCurrentIndex(ui.scope_combo.findData(scope))
        ui.status_combo.setCurrentIndex(ui.status_combo.findData(status) if status else 0)
        ui.dataset_combo.setCurrentIndex(ui.dataset_combo.findData(dataset) if dataset else 0)
    finally:
        ui.scope_combo.blockSignals(False)
        ui.status_combo.blockSignals(False)
        ui.dataset_combo.blockSignals(False)
    dock.refresh()
    R.wait_idle(dock)
    return [s.id for s in dock.summaries()]


def select(dock, *proposals):
    dock.select([p.id for p in proposals])
    R.wait_idle(dock)


def test_the_queue_filters_by_scope_status_and_dataset(store, docks):
    p94 = R.submitted(store, "tech94", tag="94")
    p93 = R.submitted(store, "tech93", departements=("93",), tag="93")
    draft94 = R.submitted(store, "tech94", tag="draft", submit=False)
    pav = R.submitted(store, "tech94", dataset=F.PAV, tag="pav")
    approved = R.approved(store, R.submitted(store, "tech94", tag="ok"))
    dock = docks(store, "steward94")

    assert choose(dock, TO_REVIEW) == [p94.id]                      # 93 is not steward94's, PAV neither
    assert set(choose(dock, MY_PARTNER)) == {p94.id, draft94.id, pav.id, approved.id}
    assert choose(dock, MY_PARTNER, status="draft") == [draft94.id]
    assert choose(dock, MY_PARTNER, dataset=F.PAV) == [pav.id]
    assert choose(dock, TO_APPLY) == [approved.id]
    assert p93.id not in choose(dock, ALL)                          # not visible to cd94's steward
    assert choose(dock, MINE) == []
    # What each row says.
    choose(dock, TO_REVIEW)
    row = dock.ui.queue.topLevelItem(0)
    assert [row.text(c) for c in (0, 1, 2, 3, 4)] == [
        p94.title, "Aménagements cyclables", "tech94", "Département du Val-de-Marne", "+1 ~2 −1"]
    assert row.text(5) in ("just now", "a minute ago")
    assert row.text(6) == "steward pending"
    assert "GeoPackage store: no access control" in dock.ui.header.text()


def test_approvals_still_needed_steward_given_dpo_pending(store, docks):
    pesees = R.submitted(store, "tech_ept8", dataset=F.PESEES, departements=("93",), tag="p")
    dpo = docks(store, "dpo_syctom")
    choose(dpo, TO_REVIEW)
    assert dpo.ui.queue.topLevelItem(0).text(6) == "steward pending, DPO pending"
    R.approved(store, pesees, "steward_syctom")
    assert choose(dpo, TO_REVIEW) == [pesees.id]
    assert dpo.ui.queue.topLevelItem(0).text(6) == "steward ✓, DPO pending"
    select(dpo, pesees)
    assert "steward ✓, DPO pending" in dpo.proposal_view.browser.toPlainText()
    dpo.decide("approve")
    R.wait_idle(dpo)
    assert R.store_as(store, "dpo_syctom").get_proposal(pesees.id).status == "approved"


def test_after_approving_the_next_step_is_in_sight(store, docks):
    """A steward's approval does not make the proposal vanish from the queue: it is shown in
    « Approved, to apply », selected, with « Apply » ready and the status saying so."""
    proposal = R.submitted(store, "tech94", tag="next")
    dock = docks(store, "steward94")
    choose(dock, TO_REVIEW)
    select(dock, proposal)
    dock.decide("approve")
    R.wait_idle(dock)
    wait_for(lambda: dock.detail is not None and dock.detail.proposal.id == proposal.id
             and not dock.busy, timeout=20)
    assert dock.ui.scope_combo.currentData() == TO_APPLY
    assert dock.selected_ids() == [proposal.id]
    assert dock.detail.proposal.status == "approved"
    assert dock.ui.apply_button.isEnabled(), dock.ui.apply_button.toolTip()
    assert "Next step: apply it" in dock.ui.status_label.text()


def test_my_own_proposal_cannot_be_approved_and_the_button_says_why(store, docks):
    mine = R.submitted(store, "coord_region", departements=("75",), tag="own")
    dock = docks(store, "coord_region")
    choose(dock, MINE)
    select(dock, mine)
    assert dock.detail is not None and dock.detail.proposal.id == mine.id
    button = dock.ui.approve_button
    assert not button.isEnabled()
    assert "your own proposal" in button.toolTip() and "author" in button.toolTip()
    assert "your own proposal" in dock.ui.reason_label.text()
    dock.ui.decision_comment.setPlainText("je rejette ma propre proposition")
    assert not dock.ui.reject_button.isEnabled()


def test_a_comment_is_required_to_reject_or_request_changes(store, docks):
    proposal = R.submitted(store, "tech94", tag="c")
    dock = docks(store, "steward94")
    choose(dock, TO_REVIEW)
    select(dock, proposal)
    ui = dock.ui
    assert ui.approve_button.isEnabled()
    assert not ui.reject_button.isEnabled() and not ui.changes_button.isEnabled()
    assert "comment" in ui.changes_button.toolTip() and "required" in ui.reason_label.text()
    ui.decision_comment.setPlainText("   ")
    assert not ui.changes_button.isEnabled()
    ui.decision_comment.setPlainText("Le sens de circulation manque.")
    assert ui.changes_button.isEnabled() and ui.reject_button.isEnabled()
    ui.changes_button.click()
    R.wait_idle(dock)
    stored = R.store_as(store, "tech94").get_proposal(proposal.id)
    assert stored.status == "changes_requested"
    assert stored.reviews[-1].comment == "Le sens de circulation manque."
    assert "changes requested" in dock.ui.status_label.text().lower()
    assert ui.decision_comment.toPlainText() == ""


def test_approve_all_selected_approves_each_and_lists_the_refused_with_the_stores_reason(store, docks):
    first = R.submitted(store, "tech94", tag="1")
    second = R.submitted(store, "tech93", departements=("93",), tag="2")
    own = R.submitted(store, "coord_region", departements=("75",), tag="own", title="ma proposition")
    dock = docks(store, "coord_region")
    assert set(choose(dock, ALL, status="submitted")) >= {first.id, second.id, own.id}
    select(dock, first, second, own)
    assert dock.ui.bulk_button.isEnabled() and "(3)" in dock.ui.bulk_button.text()
    dock.ui.bulk_button.click()
    R.wait_idle(dock)
    outcome = dock.last_outcome
    assert sorted(i for i, _t, _p in outcome.done) == sorted([first.id, second.id])
    assert [(i, t) for i, t, _e in outcome.failed] == [(own.id, "ma proposition")]
    assert outcome.failed[0][2].code == "store.self_review"
    text = dock.ui.status_label.text()
    assert text.startswith("2 approved, 1 refused.")
    assert ("“ma proposition”: You cannot decide a proposal whose changes you wrote or rebased: "
            "another reviewer must decide it.") in text
    assert text.startswith(bulk_text(outcome))
    with R.store_as(store, "coord_region") as reader:
        assert [reader.get_proposal(p.id).status for p in (first, second, own)] == \
            ["approved", "approved", "submitted"]


def test_a_concurrent_decision_gets_the_stores_clear_message(store, docks):
    pav = R.submitted(store, "tech94", dataset=F.PAV, tag="race")       # syctom and region-idf decide
    dock = docks(store, "steward_region")
    choose(dock, TO_REVIEW)
    select(dock, pav)
    assert dock.ui.approve_button.isEnabled(), (dock.ui.approve_button.toolTip(), dock.ui.status_label.text(),
                                                [s.id for s in dock.summaries()], pav.id)
    R.approved(store, pav, "steward_syctom")          # someone else, meanwhile
    dock.decide("approve")
    R.wait_idle(dock)
    text = dock.ui.status_label.text()
    assert "changed this proposal meanwhile" in text and "steward_syctom" in text
    assert [r.reviewer for r in R.store_as(store, "coord_region").get_proposal(pav.id).reviews] == \
        ["steward_syctom"]


def test_the_diff_layers_follow_the_selection_and_go_with_the_dock(store, docks):
    proposal = R.submitted(store, "tech94", tag="map")
    other = R.submitted(store, "tech94", tag="map2")
    dock = docks(store, "steward94")
    choose(dock, TO_REVIEW)
    root = QgsProject.instance().layerTreeRoot()

    select(dock, proposal)
    group = root.findGroup(group_name())
    names = sorted(node.name() for node in group.findLayers())
    # The map diff at once; the attribute diff when its tab opens (then for each
    # proposal selected while it is open), and it stays when the tab is left.
    assert len(names) == 2 and any("after" in n for n in names) and any("before" in n for n in names)
    # Built in the detail task's thread, handed to the main thread.
    main = QCoreApplication.instance().thread()
    assert [layer.thread() == main for layer in dock.diff_view.diff_layers()] == [True, True]
    assert dock.attribute_view.layer() is None
    dock.ui.tabs.setCurrentWidget(dock.attribute_view)
    names = sorted(node.name() for node in group.findLayers())
    assert len(names) == 3 and any("attribute changes" in n for n in names)
    assert dock.attribute_view.view.model().rowCount() == len(dock.detail.proposal.changeset.changes) > 0
    dock.ui.tabs.setCurrentWidget(dock.proposal_view)
    assert len(group.findLayers()) == 3
    dock.ui.tabs.setCurrentWidget(dock.attribute_view)
    select(dock, other)
    assert all("map2" in node.name() for node in root.findGroup(group_name()).findLayers())
    assert len(root.findGroup(group_name()).findLayers()) == 3
    select(dock)                                                          # nothing selected
    assert root.findGroup(group_name()) is None
    select(dock, proposal)
    assert len(root.findGroup(group_name()).findLayers()) == 3
    dock.close()
    wait_for(lambda: root.findGroup(group_name()) is None, timeout=5)
    assert not [layer for layer in QgsProject.instance().mapLayers().values() if "map" in layer.name()]


def test_the_plugin_installs_the_dock_and_its_notifications_and_unload_removes_everything(
        store, qgis_iface):
    """Through geogov.classFactory with a GeoPackage store in the settings: the poll timer
    of the notifications once QGIS has started, the Review dock built by its action; unload
    stops the timer and removes the review layers."""
    import geogov
    from geogov.plugin.bridge import settings as gsettings
    from geogov.ui.notifications import _Component
    from geogov.ui.review_dock import OBJECT_NAME

    proposal = R.submitted(store, "tech94", tag="plugin")
    saved = gsettings.load()
    gsettings.save(R.settings_for(store, "steward94", poll_seconds=600))
    plugin = geogov.classFactory(qgis_iface)
    plugin.initGui()
    try:
        # Started on the first event-loop turn after initGui; the dock on first use.
        wait_for(lambda: plugin.start_finished, timeout=10)
        component = next(c for c in plugin.components if isinstance(c, _Component))
        assert plugin.dock_of("review_dock") is None
        action = next(a for a in plugin.actions if a.objectName() == "geogov_review")
        action.trigger()
        dock = plugin.dock_of("review_dock")
        assert dock.objectName() == OBJECT_NAME and dock in plugin.docks and action.isChecked()
        watcher = component.notifications.watcher
        assert watcher.timer is not None and watcher.timer.interval() == 600 * 1000
        wait_for(lambda: watcher.task is None and watcher.cursor is not None, timeout=10)
        dock.refresh()
        R.wait_idle(dock)
        select(dock, proposal)
        assert QgsProject.instance().layerTreeRoot().findGroup(group_name()) is not None
    finally:
        plugin.unload()
        gsettings.save(saved)
    assert watcher.timer is None and watcher.task is None
    assert QgsProject.instance().layerTreeRoot().findGroup(group_name()) is None
