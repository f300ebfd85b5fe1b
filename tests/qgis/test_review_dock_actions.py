"""The Review dock's buttons follow the workflow's verdict (plugin/workflow/actions.py),
which is the store's rule: where the dock's own copies disagreed with the store, the dock
now says no — and why — instead of letting the store refuse after the click.

- « Apply » for a steward who sees an approved proposal it does not steward (its partner's
  proposal, another partner's dataset);
- « Approve » for the steward who rebased the proposal (it wrote changes of this round);
- no enabled decision, apply or conflict button on a rejected proposal.
"""

from __future__ import annotations

import pytest

from geogov.plugin.proposals.stores.base import ALL
from geogov.tests.support import review_fixtures as R  # noqa: N812
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.review_fixtures import isolated_convention, review_docks  # noqa: F401 (fixtures)

pytestmark = pytest.mark.usefixtures("isolated_convention")


@pytest.fixture()
def store(tmp_path):
    return R.review_store(tmp_path / "proposals.gpkg")


@pytest.fixture()
def docks(review_docks):  # noqa: F811 (the fixture imported above)
    def make(path, login):
        dock = review_docks(path, login)
        dock.ui.scope_combo.setCurrentIndex(dock.ui.scope_combo.findData(ALL))
        R.wait_idle(dock)
        return dock

    return make


def shown(dock, proposal):
    dock.refresh()
    R.wait_idle(dock)
    dock.select([proposal.id])
    R.wait_idle(dock)
    assert dock.detail is not None and dock.detail.proposal.id == proposal.id
    return dock.ui


def test_a_steward_is_not_offered_the_apply_of_a_proposal_it_does_not_steward(store, docks):
    proposal = R.submitted(store, "tech94", dataset=F.PAV, tag="pav")
    R.approved(store, proposal, "steward_syctom")
    ui = shown(docks(store, "steward94"), proposal)
    assert not ui.apply_button.isEnabled()
    assert ui.apply_button.toolTip() == "Only a steward of this dataset or a coordinator may apply it."
    ui = shown(docks(store, "steward_syctom"), proposal)
    assert ui.apply_button.isEnabled(), ui.apply_button.toolTip()


def test_the_rebaser_is_not_offered_a_decision_and_a_rejected_proposal_offers_none(store, docks):
    proposal = R.submitted(store, "tech94", tag="rebased")
    approved = R.approved(store, proposal, "steward94")
    with R.store_as(store, "steward94") as steward:
        steward.mark_conflict(proposal.id, approved.version, details={"conflicts": []})
        rebased = steward.rebase(proposal.id, F.changeset("rebased"), None, "recalée")
    assert rebased.status == "submitted"
    dock = docks(store, "steward94")
    ui = shown(dock, proposal)
    dock.ui.decision_comment.setPlainText("un motif")
    for button in (ui.approve_button, ui.reject_button, ui.changes_button):
        assert not button.isEnabled()
    assert "you wrote or rebased" in ui.approve_button.toolTip()
    coordinator = docks(store, "coord_region")
    ui = shown(coordinator, proposal)
    assert ui.approve_button.isEnabled(), ui.approve_button.toolTip()

    with R.store_as(store, "coord_region") as coord:
        coord.review(proposal.id, "reject", "non")
    for who in (dock, coordinator):
        ui = shown(who, proposal)
        who.ui.decision_comment.setPlainText("un motif")
        enabled = [b.objectName() for b in (ui.approve_button, ui.reject_button, ui.changes_button,
                                            ui.apply_button, ui.conflicts_button, ui.catalogue_button,
                                            who.revert_button) if b.isEnabled()]
        assert enabled == []


def test_a_filter_changed_while_the_list_is_read_is_not_lost(store, docks, tmp_path):
    """The scope chosen while the store is still answering the previous one: the list shown
    at the end is the one the filters ask for (it was the earlier scope's, under the new
    scope's name, as QGIS 3.40 showed « Aucune proposition ici » for « Toutes celles que je
    peux voir »)."""
    proposal = R.submitted(store, "tech94", dataset=F.PAV, tag="pav")
    dock = docks(store, "steward94")
    dock.ui.scope_combo.setCurrentIndex(dock.ui.scope_combo.findData("mine"))
    R.wait_idle(dock)
    assert dock.ui.queue.topLevelItemCount() == 0          # steward94 wrote none
    dock.refresh()
    assert dock.task is not None                            # the store is being read…
    dock.ui.scope_combo.setCurrentIndex(dock.ui.scope_combo.findData(ALL))   # …and the user moves on
    R.wait_idle(dock)
    titles = [dock.ui.queue.topLevelItem(i).text(0) for i in range(dock.ui.queue.topLevelItemCount())]
    assert titles == [proposal.title or proposal.id], titles
