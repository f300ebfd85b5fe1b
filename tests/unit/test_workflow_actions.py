"""Which actions a proposal offers (workflow.actions.possible_actions), case by case, and
the store's own verdict beside each: the action is offered exactly when the store would
take it. Real GeoPackage stores in tmp_path; each "would the store take it" is asked on
a copy of the store file, so the cases do not change one another.

Cases: the author's own proposal; a steward, a steward of another partner, the
coordinator standing in for the stewards (never for the DPO); a DPO only on a
personal-data dataset; one key per person; applying by the proposal's stewards only.
"""

from __future__ import annotations

import shutil

import pytest

from geogov.plugin.errors import StoreError
from geogov.plugin.proposals.model import APPROVE, REJECT
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.plugin.workflow import actions as A  # noqa: N812
from geogov.plugin.workflow import reviewing
from geogov.plugin.workflow.session import Who
from geogov.tests.support import store_fixtures as F  # noqa: N812

CONVENTION = F.convention()


@pytest.fixture()
def store_path(tmp_path):
    path = tmp_path / "proposals.gpkg"
    with GeoPackageStore(path, "coord_region") as admin:
        admin.sync_convention(CONVENTION)
    return path


def submitted(store_path, login="tech94", **kwargs):
    with GeoPackageStore(store_path, login) as store:
        draft = store.create_draft(F.proposal(**kwargs))
        return store.submit(draft.id, draft.version)


def offered(store_path, login, proposal_id, comment=""):
    """(Actions, Detail) for ``login``, the way the Review dock asks."""
    detail = reviewing.load_detail(lambda: GeoPackageStore(store_path, login), Who(login=login), proposal_id,
                                   CONVENTION)
    return A.actions_of_detail(detail, CONVENTION, comment=comment), detail


def as_seen_by(store_path, login, proposal):
    """(identity, the proposal as ``login`` reads it — or, when it may not see it, as its
    author's store returned it: the verdict is then on its identity alone)."""
    with GeoPackageStore(store_path, login) as store:
        try:
            return store.identity(), store.get_proposal(proposal.id)
        except StoreError as error:
            assert error.code == "store.not_found"
            return store.identity(), proposal


def store_takes(store_path, tmp_path, login, act) -> str:
    """"" when the store takes ``act(store)`` for ``login`` on a copy of the file, else the
    code of its refusal."""
    copy = tmp_path / f"copy-{login}.gpkg"
    shutil.copyfile(store_path, copy)
    try:
        with GeoPackageStore(copy, login) as store:
            act(store)
        return ""
    except StoreError as error:
        return error.code
    finally:
        copy.unlink()


def test_the_author_is_offered_no_decision_on_their_own_proposal(store_path, tmp_path):
    proposal = submitted(store_path)
    actions, _ = offered(store_path, "tech94", proposal.id, comment="je relis")
    for decision in A.DECIDING:
        assert actions.refusal(decision).code == A.OWN_PROPOSAL
    assert store_takes(store_path, tmp_path, "tech94",
                       lambda s: s.review(proposal.id, APPROVE, "ok")) == "store.self_review"
    assert actions.possible(A.WITHDRAW) and actions.possible(A.COMMENT)
    assert actions.refusal(A.RESUBMIT).code == A.NOT_EDITABLE          # submitted already
    assert actions.refusal(A.APPLY).code == A.NOT_APPROVED


@pytest.mark.parametrize("login, code, role", [
    ("steward94", None, "steward"),                 # the steward of the 94, where the changes lie
    ("coord_region", None, "coordinator"),          # stands in for the stewards
    ("steward_syctom", A.NOT_REVIEWER, None),       # a steward, of another dataset's partner
    ("dpo_syctom", A.NOT_REVIEWER, None),           # a DPO, and the dataset has no personal data
    ("tech93", A.NOT_REVIEWER, None),
])
def test_who_may_decide_a_proposal_in_the_94_is_who_the_store_lets(store_path, tmp_path, login, code, role):
    proposal = submitted(store_path)
    identity, seen = as_seen_by(store_path, login, proposal)
    actions = A.possible_actions(seen, identity, CONVENTION, comment="motif")
    for decision in (APPROVE, REJECT):
        refusal = actions.refusal(decision)
        assert (refusal.code if refusal else None) == code, (login, decision)
        taken = store_takes(store_path, tmp_path, login,
                            lambda s, d=decision: s.review(proposal.id, d, "motif"))
        assert (taken == "") is (code is None), (login, decision, taken)
    assert actions.role == role


def test_the_dpo_decides_only_where_personal_data_asks_it_and_the_coordinator_never_for_it(
        store_path, tmp_path):
    pesee = submitted(store_path, login="tech_ept8", dataset=F.PESEES, departements=["93"], tag="dpo")
    actions, detail = offered(store_path, "dpo_syctom", pesee.id)
    assert detail.approvals == {"steward": False, "dpo": False}
    assert actions.possible(A.APPROVE) and actions.role == "dpo"
    actions, _ = offered(store_path, "steward_syctom", pesee.id)
    assert actions.possible(A.APPROVE) and actions.role == "steward"
    with GeoPackageStore(store_path, "steward_syctom") as store:
        store.review(pesee.id, APPROVE, "ok")

    # One key per person: the steward who approved is not offered a second approval.
    actions, _ = offered(store_path, "steward_syctom", pesee.id)
    assert actions.refusal(A.APPROVE).code == A.ALREADY_APPROVED
    assert store_takes(store_path, tmp_path, "steward_syctom",
                       lambda s: s.review(pesee.id, APPROVE, "encore")) == "store.one_key_each"
    # The coordinator's approval does not stand in for the DPO's: not offered.
    actions, detail = offered(store_path, "coord_region", pesee.id)
    assert detail.approvals == {"steward": True, "dpo": False}
    assert actions.refusal(A.APPROVE).code == A.NOT_NEEDED
    # Without the store's answers (approvals, awaiting), the rules give the same verdicts.
    with GeoPackageStore(store_path, "coord_region") as store:
        alone = A.possible_actions(store.get_proposal(pesee.id), store.identity(), CONVENTION)
    assert alone.refusal(A.APPROVE).code == A.NOT_NEEDED
    actions, _ = offered(store_path, "dpo_syctom", pesee.id)
    assert actions.possible(A.APPROVE)
    with GeoPackageStore(store_path, "dpo_syctom") as store:
        assert store.review(pesee.id, APPROVE, "rgpd ok").status == "approved"


@pytest.mark.parametrize("login, may", [
    ("steward94", True),           # a steward of the partner the proposal is routed to
    ("coord_region", True),
    ("steward_syctom", False),     # a steward — of another partner: the dock's old copy let it
    ("tech94", False),             # the author
])
def test_applying_is_offered_to_the_proposals_stewards_and_the_coordinator(store_path, tmp_path, login, may):
    proposal = submitted(store_path)
    with GeoPackageStore(store_path, "steward94") as store:
        approved = store.review(proposal.id, APPROVE, "ok")
    assert approved.status == "approved" and approved.stewards == ["cd94"]
    identity, seen = as_seen_by(store_path, login, approved)
    actions = A.possible_actions(seen, identity, CONVENTION)
    assert actions.possible(A.APPLY) is may
    if not may:
        assert actions.refusal(A.APPLY).code == A.NOT_APPLIER
        with pytest.raises(StoreError) as refused:
            reviewing.check_may_apply(seen, identity, CONVENTION)
        assert refused.value.code == "store.not_applier"
    taken = store_takes(store_path, tmp_path, login,
                        lambda s: s.record_apply_attempt(proposal.id, "failed", {"why": "test"}))
    assert (taken == "") is may, taken
    # Nobody decides an approved proposal any more.
    assert all(actions.refusal(d).code in (A.NOT_UNDER_REVIEW, A.OWN_PROPOSAL) for d in A.DECIDING)


def test_a_state_with_no_possible_action_offers_only_the_discussion(store_path):
    proposal = submitted(store_path)
    with GeoPackageStore(store_path, "steward94") as store:
        store.review(proposal.id, REJECT, "hors sujet")
    for login in ("steward94", "tech94", "coord_region"):
        actions, _ = offered(store_path, login, proposal.id)
        assert actions.possible_ones == [A.COMMENT], login
        assert set(actions.refusals) == set(A.ACTIONS)


def test_the_count_of_proposals_to_apply_is_the_stores_applier_rule(store_path):
    """The notifications' badge (workflow.reviewing.waiting_work): tech94's approved
    proposal on the points d'apport volontaire (stewards: syctom, region-idf) is to apply for
    syctom's steward and the coordinator; steward94 sees it (its partner's) but is not one
    of its stewards, and the store would refuse its apply — before, any steward counted
    every approved proposal it could see."""
    proposal = submitted(store_path, dataset=F.PAV, tag="pav")
    assert sorted(proposal.stewards) == ["region-idf", "syctom"]
    with GeoPackageStore(store_path, "steward_syctom") as store:
        assert reviewing.waiting_work(store).to_review == 1
        store.review(proposal.id, APPROVE, "ok")
    counts = {}
    for login in ("steward_syctom", "coord_region", "steward94", "tech94"):
        with GeoPackageStore(store_path, login) as store:
            waiting = reviewing.waiting_work(store)
            visible = [s.id for s in store.list_proposals()]
        counts[login] = (waiting.to_review, waiting.to_apply, waiting.changes_requested)
        assert visible == [proposal.id], login
    assert counts == {"steward_syctom": (0, 1, 0), "coord_region": (0, 1, 0), "steward94": (0, 0, 0),
                      "tech94": (0, 0, 0)}


def test_a_steward_who_sees_a_proposal_it_does_not_steward_is_not_offered_the_apply(store_path, tmp_path):
    """The Review dock's old copy of the applier rule looked at the roles only: steward94 saw
    « Apply » enabled on its partner's approved PAV proposal, then the store refused to record
    the result. Now the button follows the store."""
    proposal = submitted(store_path, dataset=F.PAV, tag="pav")
    with GeoPackageStore(store_path, "steward_syctom") as store:
        store.review(proposal.id, APPROVE, "ok")
    actions, detail = offered(store_path, "steward94", proposal.id)
    assert detail.proposal.status == "approved" and "steward" in detail.identity.roles
    assert actions.refusal(A.APPLY).code == A.NOT_APPLIER
    assert store_takes(store_path, tmp_path, "steward94",
                       lambda s: s.record_apply_attempt(proposal.id, "failed", {})) == "store.not_applier"
    actions, _ = offered(store_path, "steward_syctom", proposal.id)
    assert actions.possible(A.APPLY)
