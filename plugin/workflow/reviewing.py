"""The reviewer's and the applier's side: the queue, one proposal's detail, decisions,
comments, apply eligibility and recording, the catalogue retry, rebasing a conflict.

Every function takes a store opener (session.py). Publishing itself needs transports
(QGIS's network stack, a database connection) that the caller builds: :func:`apply_approved`
takes a ``publish(proposal)`` callable and does the rest — who may apply, where to, and
recording what happened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from ..errors import ApplyError, ConcurrentUpdate, PermissionDenied, StoreError
from ..proposals import rules
from ..proposals.model import APPROVED, CHANGES_REQUESTED, CONFLICT, SUBMITTED, Proposal
from ..proposals.stores.base import ALL, MINE, TO_REVIEW, Identity
from ..publishing.apply import record_result
from ..publishing.conflicts import conflicts_from_dicts, rebase
from ..publishing.record_update import catalogue_record
from ..publishing.result import ApplyResult
from .session import Opener, Who, identity_of, opened


# ---------------------------------------------------------------------------- queue
@dataclass
class Queue:
    identity: Identity
    summaries: list = field(default_factory=list)     # ProposalSummary, newest first
    store_kind: str = ""
    scope: str = TO_REVIEW
    status: Optional[str] = None
    dataset: Optional[str] = None


def load_queue(open_store: Opener, who: Who, scope: str = TO_REVIEW, status: Optional[str] = None,
               dataset: Optional[str] = None, convention=None) -> Queue:
    with opened(open_store) as store:
        identity, _offline = identity_of(store, who, convention)
        return Queue(identity, store.list_proposals(scope, status=status, dataset=dataset),
                     store.kind, scope, status, dataset)


# ---------------------------------------------------------------------------- waiting
@dataclass
class Waiting:
    """What awaits this identity in the store: proposals to review (submitted, my decision
    missing), approved ones I may apply (a steward or a coordinator), mine sent back."""

    to_review: int = 0
    to_apply: int = 0
    changes_requested: int = 0

    @property
    def total(self) -> int:
        return self.to_review + self.to_apply + self.changes_requested


def waiting_work(store) -> Waiting:
    identity = store.identity()
    roles = list(identity.roles or [])
    to_apply = 0
    if {rules.STEWARD, rules.COORDINATOR} & set(roles):
        # The store's rule (rules.may_apply over the partners it routed each one to): a steward
        # of another partner's proposals has nothing to apply there.
        to_apply = sum(1 for s in store.list_proposals(ALL, status=APPROVED)
                       if rules.may_apply(identity.partner, roles, s.stewards))
    return Waiting(to_review=len(store.list_proposals(TO_REVIEW, status=SUBMITTED)),
                   to_apply=to_apply,
                   changes_requested=len(store.list_proposals(MINE, status=CHANGES_REQUESTED)))


# ---------------------------------------------------------------------------- detail
@dataclass
class Detail:
    proposal: Proposal
    identity: Identity
    approvals: dict = field(default_factory=dict)     # {role: given} of the current round
    awaiting_me: bool = False                         # my decision is still needed
    conflicts: list = field(default_factory=list)     # Conflict, when the proposal is in conflict
    store_kind: str = ""


def load_detail(open_store: Opener, who: Who, proposal_id: str, convention=None) -> Detail:
    """The proposal, the approvals its round has, and whether my decision is awaited — the
    store's answer (its TO_REVIEW scope), not a guess from the proposal."""
    with opened(open_store) as store:
        identity, _offline = identity_of(store, who, convention)
        proposal = store.get_proposal(proposal_id)
        detail = Detail(proposal, identity, store.approvals_needed(proposal_id), store_kind=store.kind)
        if proposal.status == SUBMITTED and proposal.author != identity.login:
            waiting = store.list_proposals(TO_REVIEW, status=SUBMITTED, dataset=proposal.dataset)
            detail.awaiting_me = any(s.id == proposal.id for s in waiting)
        if proposal.status == CONFLICT:
            detail.conflicts = recorded_conflicts(proposal)
        return detail


# ---------------------------------------------------------------------------- decisions
def decide(open_store: Opener, proposal_id: str, decision: str, comment: str = "",
           expected_version: Optional[int] = None) -> Proposal:
    with opened(open_store) as store:
        return store.review(proposal_id, decision, comment, expected_version=expected_version)


@dataclass
class BulkOutcome:
    decision: str
    done: list = field(default_factory=list)      # (id, title, Proposal as stored)
    failed: list = field(default_factory=list)    # (id, title, error)


def decide_many(open_store: Opener, items, decision: str, comment: str = "", progress=None,
                is_cancelled=None) -> BulkOutcome:
    """Decide each of ``items`` ((id, version, title) triples) in turn; one refusal does not
    stop the others. Cancelling stops before the next proposal."""
    outcome = BulkOutcome(decision)
    items = list(items)
    with opened(open_store) as store:
        for index, (proposal_id, version, title) in enumerate(items):
            if is_cancelled is not None and is_cancelled():
                break
            try:
                stored = store.review(proposal_id, decision, comment, expected_version=version)
                outcome.done.append((proposal_id, title, stored))
            except StoreError as error:
                outcome.failed.append((proposal_id, title, error))
            if progress is not None:
                progress((index + 1) / len(items))
    return outcome


def add_comment(open_store: Opener, proposal_id: str, body: str):
    with opened(open_store) as store:
        return store.add_comment(proposal_id, body)


# ---------------------------------------------------------------------------- apply
@dataclass
class ApplyOutcome:
    result: ApplyResult
    proposal: Optional[Proposal] = None           # as stored after the result was recorded
    record_error: Optional[StoreError] = None     # the store refused to record the result
    conflicts: list = field(default_factory=list)


def steward_partners(convention, proposal) -> Optional[list]:
    """The steward partners the store routed the proposal to at submit; for a proposal the
    store holds none for, the convention's rule over its places (None: no convention)."""
    if proposal.stewards:
        return list(proposal.stewards)
    if convention is None or proposal.dataset not in convention.datasets:
        return None
    return [p.id for p in convention.stewards_for(proposal.dataset, proposal.communes,
                                                  bool(proposal.unplaced))]


def may_apply(proposal, identity: Identity, convention=None) -> bool:
    """rules.may_apply over the proposal's steward partners; with neither routing nor a
    convention to say who they are, a steward or coordinator role."""
    stewards = steward_partners(convention, proposal)
    if stewards is None:
        return bool({rules.STEWARD, rules.COORDINATOR} & set(identity.roles or ()))
    return rules.may_apply(identity.partner, identity.roles or [], stewards)


def check_may_apply(proposal, identity: Identity, convention=None,
                    expected_version: Optional[int] = None) -> None:
    """Refuse before writing anything what the store would refuse to record afterwards, and
    any target the convention does not name for the dataset (governance/targets.py): the
    applier's credentials go to the convention's target or nowhere."""
    check_target(proposal, convention)
    if expected_version is not None and proposal.version != expected_version:
        raise ConcurrentUpdate("the proposal changed meanwhile", proposal=proposal.id,
                               version=proposal.version, seen=expected_version, by="")
    if proposal.status != APPROVED:
        raise StoreError(f"a {proposal.status} proposal cannot be applied", code="apply.not_approved",
                         status=proposal.status)
    if not may_apply(proposal, identity, convention):
        raise PermissionDenied("only a steward of the dataset or a coordinator may do this",
                               code="store.not_applier")


def check_target(proposal, convention) -> None:
    from ..governance.targets import target_allowed

    if convention is None:
        raise ApplyError("no partnership convention is loaded: where the dataset is published cannot "
                         "be checked", code="apply.no_convention")
    dataset = convention.datasets.get(proposal.dataset)
    declared = getattr(dataset, "target", None)
    if declared is None:
        raise ApplyError(f"the convention names no target for dataset {proposal.dataset}",
                         code="apply.no_target", dataset=proposal.dataset)
    target = proposal.target
    if not target_allowed(declared, target.kind, target.uri, target.layer):
        raise ApplyError(f"{target.kind} {target.layer} at {target.uri} is not where the convention "
                         f"publishes {proposal.dataset}", code="apply.wrong_target",
                         dataset=proposal.dataset, layer=target.layer, uri=target.uri)


def apply_approved(open_store: Opener, who: Who, proposal_id: str, publish: Callable,
                   expected_version: Optional[int] = None, convention=None) -> ApplyOutcome:
    """Publish an approved proposal with ``publish(proposal) -> ApplyResult`` once it may be
    (check_may_apply), then record the result in the store."""
    with opened(open_store) as store:
        identity, _offline = identity_of(store, who, convention)
        proposal = store.get_proposal(proposal_id)
        check_may_apply(proposal, identity, convention, expected_version)
        result = publish(proposal)
        outcome = ApplyOutcome(result, conflicts=list(result.conflicts))
        try:
            outcome.proposal = record_result(store, proposal, result, proposal.version)
        except StoreError as error:
            outcome.record_error = error
        return outcome


def retry_catalogue(open_store: Opener, who: Who, proposal_id: str, retry: Callable,
                    convention=None) -> ApplyOutcome:
    """Update the catalogue record of an applied proposal whose record was not updated,
    with ``retry(store, proposal, record) -> ApplyResult`` (publishing.apply's
    retry_catalogue_update with its transport), recorded as a new apply attempt."""
    with opened(open_store) as store:
        identity, _offline = identity_of(store, who, convention)
        proposal = store.get_proposal(proposal_id)
        record = catalogue_record(convention, proposal.dataset)
        if record is None:
            raise ApplyError("The convention names no catalogue record for this dataset",
                             code="apply.no_catalogue_record", dataset=proposal.dataset)
        if not may_apply(proposal, identity, convention):
            raise PermissionDenied("only a steward of the dataset or a coordinator may do this",
                                   code="store.not_applier")
        result = retry(store, proposal, record)
        return ApplyOutcome(result, proposal=store.get_proposal(proposal_id))


# ---------------------------------------------------------------------------- conflicts
def recorded_conflicts(proposal) -> list:
    """The conflicts of the proposal's last apply attempt that found some."""
    if proposal.changeset is None:
        return []
    for attempt in reversed(proposal.apply_attempts or []):
        details = attempt.details or {}
        if attempt.result != "conflict" or not details.get("conflicts"):
            continue
        return conflicts_from_dicts(proposal.changeset, details["conflicts"])
    return []


def rebase_with_choices(open_store: Opener, proposal_id: str, expected_version: Optional[int], conflicts,
                        choices, comment: str = "") -> Proposal:
    """The proposal rebased on the current data with the steward's choices; it goes back to
    review (approvals again)."""
    with opened(open_store) as store:
        proposal = store.get_proposal(proposal_id)
        rebased = rebase(proposal.changeset, conflicts, choices)
        return store.rebase(proposal_id, rebased, expected_version, comment)
