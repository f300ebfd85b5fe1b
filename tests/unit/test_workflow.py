"""The proposal workflow without QGIS (plugin/workflow/): a real GeoPackage proposal store
and a real GeoPackage target in tmp_path, driven as the panels drive them — draft, submit,
decide, apply eligibility, apply, a conflict met at apply, the rebase with the steward's
choices, and the second round that follows.

The éclairage-public dataset of the test convention (store_fixtures): tech94 (cd94)
proposes, steward_sipperec stewards it everywhere, coord_region coordinates.
"""

from __future__ import annotations

import copy

import pytest

from geogov.plugin.errors import ApplyError, PermissionDenied, StoreError
from geogov.plugin.proposals.model import (
    APPLIED,
    APPROVE,
    APPROVED,
    CHANGES_REQUESTED,
    CONFLICT,
    DRAFT,
    REQUEST_CHANGES,
    SUBMITTED,
    Proposal,
    Target,
)
from geogov.plugin.proposals.stores.base import ALL, TO_REVIEW
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.plugin.publishing.apply import apply_proposal
from geogov.plugin.workflow import actions as A  # noqa: N812
from geogov.plugin.workflow import proposing, reviewing
from geogov.plugin.workflow.session import Who
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.apply_helpers import TABLE, changeset_of, eclairage_schema, edit_with_ogr, read_gpkg
from geogov.tests.unit.test_geopackage_any_gdal import gdal_geopackage

SCHEMA = eclairage_schema()


@pytest.fixture()
def world(tmp_path):
    """(store path, target path, convention): a store synced with the convention whose
    datasets are published to GeoPackages, and the éclairage table as a GDAL GeoPackage."""
    convention = F.convention("gpkg")
    store_path = tmp_path / "proposals.gpkg"
    with GeoPackageStore(store_path, "coord_region") as admin:
        admin.sync_convention(convention)
    target = gdal_geopackage(tmp_path / f"{TABLE}.gpkg")
    return store_path, target, convention


def opener(store_path, login):
    return lambda: GeoPackageStore(store_path, login)


def draft_of(target, title="lampes du parc"):
    base = read_gpkg(target)
    edited = copy.deepcopy(base)
    edited["EP-004"].attributes["etat"] = "en maintenance"
    del edited["EP-005"]
    return Proposal(id=None, dataset=F.ECLAIRAGE, target=Target("gpkg", str(target), TABLE),
                    author="tech94", partner="cd94", title=title, comment="remplacement",
                    changeset=changeset_of(base, edited, SCHEMA), departements=["94"])


def publish(proposal):
    return apply_proposal(proposal)            # a GeoPackage target: the apply opens the file


def test_draft_submit_decide_apply_and_each_step_offers_what_the_store_then_does(world):
    store_path, target, convention = world
    tech, steward = opener(store_path, "tech94"), opener(store_path, "steward_sipperec")

    # Draft, then edited again (same draft), then submitted.
    with tech() as store:
        first = proposing.save_draft(store, draft_of(target))
        again = draft_of(target, title="lampes du parc (2)")
        again.author = "tech94"
        second = proposing.save_draft(store, again, first.id)
    assert second.id == first.id and second.title == "lampes du parc (2)" and second.status == DRAFT
    mine = proposing.list_mine(tech, Who(login="tech94"), convention)
    assert [s.id for s in mine.summaries] == [first.id] and mine.local == [] and mine.store_kind == "gpkg"
    assert mine.identity.partner == "cd94"
    detail = proposing.proposal_details(tech, first.id)
    offered = A.possible_actions(detail, mine.identity, convention)
    assert {A.WITHDRAW, A.EDIT, A.COMMENT} <= set(offered.possible_ones)
    # F's changes carry no validation problem here: the draft may be submitted.
    assert offered.possible(A.RESUBMIT) and not offered.possible(A.APPROVE)
    submitted = proposing.update_and_submit(tech, detail, submit=True).proposal
    assert submitted.status == SUBMITTED and submitted.stewards == ["sipperec"]

    # The steward's queue lists it; its detail offers approving, not applying yet.
    queue = reviewing.load_queue(steward, Who(login="steward_sipperec"), TO_REVIEW, convention=convention)
    assert [s.id for s in queue.summaries] == [first.id]
    detail = reviewing.load_detail(steward, Who(login="steward_sipperec"), first.id, convention)
    assert detail.awaiting_me and detail.approvals == {"steward": False}
    offered = A.actions_of_detail(detail, convention)
    assert offered.possible(A.APPROVE) and offered.role == "steward"
    assert offered.refusal(A.REJECT).code == A.COMMENT_REQUIRED
    assert offered.refusal(A.APPLY).code == A.NOT_APPROVED
    # Computed without the store's answers, the same verdicts.
    alone = A.possible_actions(detail.proposal, detail.identity, convention)
    assert alone.refusals == offered.refusals

    approved = reviewing.decide(steward, first.id, APPROVE, "ok", detail.proposal.version)
    assert approved.status == APPROVED
    detail = reviewing.load_detail(steward, Who(login="steward_sipperec"), first.id, convention)
    offered = A.possible_actions(detail.proposal, detail.identity, convention, approvals=detail.approvals)
    assert offered.possible(A.APPLY) and not offered.possible(A.APPROVE)

    # Apply eligibility: the author may not apply, nor anyone on a stale version.
    with pytest.raises(PermissionDenied) as refused:
        reviewing.apply_approved(tech, Who(login="tech94"), first.id, publish, convention=convention)
    assert refused.value.code == "store.not_applier"
    tech_detail = reviewing.load_detail(tech, Who(login="tech94"), first.id, convention)
    assert A.possible_actions(tech_detail.proposal, tech_detail.identity, convention
                              ).refusal(A.APPLY).code == A.NOT_APPLIER
    with pytest.raises(StoreError) as stale:
        reviewing.apply_approved(steward, Who(login="steward_sipperec"), first.id, publish,
                                 expected_version=approved.version - 1, convention=convention)
    assert stale.value.code == "store.concurrent"
    with pytest.raises(ApplyError) as nowhere:
        reviewing.apply_approved(steward, Who(login="steward_sipperec"), first.id, publish, convention=None)
    assert nowhere.value.code == "apply.no_convention"

    outcome = reviewing.apply_approved(steward, Who(login="steward_sipperec"), first.id, publish,
                                       approved.version, convention)
    assert outcome.result.ok and outcome.record_error is None and outcome.proposal.status == APPLIED
    data = read_gpkg(target)
    assert data["EP-004"].attributes["etat"] == "en maintenance" and "EP-005" not in data
    detail = reviewing.load_detail(steward, Who(login="steward_sipperec"), first.id, convention)
    offered = A.possible_actions(detail.proposal, detail.identity, convention)
    assert offered.possible(A.REVERT) and not offered.possible(A.APPLY)
    assert offered.refusal(A.RETRY_CATALOGUE).code == A.CATALOGUE_DONE     # the dataset names no record


def test_a_conflict_at_apply_is_rebased_with_the_stewards_choices_and_reviewed_again(world):
    store_path, target, convention = world
    tech, steward = opener(store_path, "tech94"), opener(store_path, "steward_sipperec")
    coordinator, other = opener(store_path, "coord_region"), opener(store_path, "tech93")
    with tech() as store:
        draft = proposing.save_draft(store, draft_of(target))
    proposing.resubmit(tech, draft.id, draft.version)
    approved = reviewing.decide(steward, draft.id, APPROVE, "ok")
    edit_with_ogr(target, "EP-004", etat="cassé", puissance_w=99)         # meanwhile, at the source

    outcome = reviewing.apply_approved(steward, Who(login="steward_sipperec"), draft.id, publish,
                                       approved.version, convention)
    assert outcome.proposal.status == CONFLICT and [c.key for c in outcome.conflicts] == ["EP-004"]
    assert read_gpkg(target)["EP-005"] is not None                      # nothing was written
    detail = reviewing.load_detail(steward, Who(login="steward_sipperec"), draft.id, convention)
    assert [c.key for c in detail.conflicts] == ["EP-004"] and detail.conflicts[0].both == ["etat"]

    # Who may rebase: the author and the dataset's steward (or a coordinator), not another.
    for login, possible in (("steward_sipperec", True), ("tech94", True), ("coord_region", True),
                            ("tech93", False)):
        seen = reviewing.load_detail(opener(store_path, login), Who(login=login), draft.id, convention) \
            if login != "tech93" else None
        if seen is None:          # tech93 (cd93) may not even see cd94's proposal: judged on its identity
            with GeoPackageStore(store_path, "tech93") as store:
                identity = store.identity()
            offered = A.possible_actions(detail.proposal, identity, convention, conflicts=detail.conflicts)
        else:
            offered = A.possible_actions(seen.proposal, seen.identity, convention, conflicts=seen.conflicts)
        assert offered.possible(A.REBASE) is possible, login
        if not possible:
            assert offered.refusal(A.REBASE).code == A.NOT_REBASER
    with pytest.raises(StoreError):
        reviewing.rebase_with_choices(other, draft.id, detail.proposal.version, detail.conflicts,
                                      {"EP-004": "proposed"})

    # The steward keeps the source's power and the proposal's state.
    rebased = reviewing.rebase_with_choices(steward, draft.id, detail.proposal.version, detail.conflicts,
                                            {"EP-004": {"etat": "proposed", "puissance_w": "current"}},
                                            "la lampe est en maintenance, pas cassée")
    assert rebased.status == SUBMITTED and rebased.round == 2
    change = next(c for c in rebased.changeset.changes if c.key == "EP-004")
    assert change.new["etat"] == "en maintenance" and change.new["puissance_w"] == 99

    # The rebaser wrote this round: the action function and the store both refuse its decision.
    detail = reviewing.load_detail(steward, Who(login="steward_sipperec"), draft.id, convention)
    assert detail.proposal.rebased_by == "steward_sipperec"
    assert "steward_sipperec" in detail.proposal.writers
    offered = A.actions_of_detail(detail, convention)
    assert offered.refusal(A.APPROVE).code == A.WROTE_CHANGES
    with pytest.raises(PermissionDenied) as refused:
        reviewing.decide(steward, draft.id, APPROVE, "ok")
    assert refused.value.code == "store.self_review"

    # The coordinator stands in for the steward; then the steward applies.
    detail = reviewing.load_detail(coordinator, Who(login="coord_region"), draft.id, convention)
    offered = A.actions_of_detail(detail, convention)
    assert offered.possible(A.APPROVE) and offered.role == "coordinator"
    approved = reviewing.decide(coordinator, draft.id, APPROVE, "vu", detail.proposal.version)
    assert approved.status == APPROVED
    outcome = reviewing.apply_approved(steward, Who(login="steward_sipperec"), draft.id, publish,
                                       approved.version, convention)
    assert outcome.result.ok and outcome.proposal.status == APPLIED
    data = read_gpkg(target)
    assert data["EP-004"].attributes["etat"] == "en maintenance" and data["EP-004"].attributes[
        "puissance_w"] == 99 and "EP-005" not in data


def test_a_rebaser_of_an_earlier_round_still_may_not_decide(world):
    """After a rebase, a request for changes and an unchanged resubmission, the store no
    longer says who rebased (rebased_by is the current round's) but still refuses the
    rebaser's decision: it wrote changes of the proposal. The queue lists the proposal to
    it (its TO_REVIEW scope does not look at the writers), the action function does not
    offer the decision."""
    store_path, target, convention = world
    tech, steward = opener(store_path, "tech94"), opener(store_path, "steward_sipperec")
    coordinator = opener(store_path, "coord_region")
    with tech() as store:
        draft = proposing.save_draft(store, draft_of(target))
    proposing.resubmit(tech, draft.id, draft.version)
    approved = reviewing.decide(steward, draft.id, APPROVE, "ok")
    edit_with_ogr(target, "EP-004", etat="cassé")
    reviewing.apply_approved(steward, Who(login="steward_sipperec"), draft.id, publish, approved.version,
                             convention)
    detail = reviewing.load_detail(steward, Who(login="steward_sipperec"), draft.id, convention)
    rebased = reviewing.rebase_with_choices(steward, draft.id, detail.proposal.version, detail.conflicts,
                                            "proposed")
    back = reviewing.decide(coordinator, draft.id, REQUEST_CHANGES, "précisez", rebased.version)
    assert back.status == CHANGES_REQUESTED
    proposing.resubmit(tech, draft.id, back.version)

    detail = reviewing.load_detail(steward, Who(login="steward_sipperec"), draft.id, convention)
    assert detail.proposal.rebased_by is None and detail.awaiting_me       # the queue's word
    offered = A.actions_of_detail(detail, convention)
    assert offered.refusal(A.APPROVE).code == A.WROTE_CHANGES
    with pytest.raises(PermissionDenied) as refused:
        reviewing.decide(steward, draft.id, APPROVE, "ok")
    assert refused.value.code == "store.self_review"


def test_decide_many_reports_each_refusal_and_withdraw_ends_a_draft(world):
    store_path, target, convention = world
    tech, steward = opener(store_path, "tech94"), opener(store_path, "steward_sipperec")
    ids = []
    with tech() as store:
        for n in range(3):
            draft = store.create_draft(draft_of(target, title=f"p{n}"))
            ids.append(store.submit(draft.id, draft.version))
    items = [(p.id, p.version, p.title) for p in ids]
    items[1] = (items[1][0], items[1][1] - 1, items[1][2])               # a stale version
    seen = []
    outcome = reviewing.decide_many(steward, items, APPROVE, progress=seen.append)
    assert [d[0] for d in outcome.done] == [ids[0].id, ids[2].id]
    assert [(f[0], f[2].code) for f in outcome.failed] == [(ids[1].id, "store.concurrent")]
    assert seen == pytest.approx([1 / 3, 2 / 3, 1.0])
    reviewing.add_comment(steward, ids[1].id, "une question")
    withdrawn = proposing.withdraw(tech, ids[1].id, ids[1].version).proposal
    assert withdrawn.status == "withdrawn"
    with GeoPackageStore(store_path, "tech94") as store:
        shown = store.get_proposal(ids[1].id)
        identity = store.identity()
    assert [c.body for c in shown.comments] == ["une question"]
    offered = A.possible_actions(shown, identity, convention)
    assert offered.possible_ones == [A.COMMENT]
    assert offered.refusal(A.WITHDRAW) == A.Refusal(A.NOT_WITHDRAWABLE, {"status": "withdrawn"})
    listed = reviewing.load_queue(steward, Who(login="steward_sipperec"), ALL, convention=convention)
    assert {s.id for s in listed.summaries} == {p.id for p in ids}
