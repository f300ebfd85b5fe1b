"""Which actions a proposal offers to an identity, and why not — on the rules the stores
enforce (plugin/proposals/rules.py), so a panel never offers what the store refuses.

:func:`possible_actions` answers for every action at once; each refused action carries a
:class:`Refusal` with a stable code (and params) that ui/ turns into a sentence. Being
busy (a task running) is the panel's own business, not a rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..proposals import rules
from ..proposals.model import (
    APPLIED,
    APPROVE,
    APPROVED,
    CONFLICT,
    REJECT,
    REQUEST_CHANGES,
    SUBMITTED,
    TRANSITIONS,
    WITHDRAWN,
)
from ..proposals.stores.base import Identity
from ..publishing.record_update import needs_retry
from .reviewing import may_apply

REBASE, APPLY, RETRY_CATALOGUE, REVERT = "rebase", "apply", "retry_catalogue", "revert"
WITHDRAW, RESUBMIT, EDIT, COMMENT = "withdraw", "resubmit", "edit", "comment"
DECIDING = (APPROVE, REJECT, REQUEST_CHANGES)
ACTIONS = (*DECIDING, APPLY, RETRY_CATALOGUE, REBASE, REVERT, WITHDRAW, RESUBMIT, EDIT, COMMENT)

# Refusal codes (ui/action_reasons.py holds their sentences).
OWN_PROPOSAL = "workflow.own_proposal"            # the author decides nothing of their own
NOT_UNDER_REVIEW = "workflow.not_under_review"    # {status}
WROTE_CHANGES = "workflow.wrote_changes"          # rebased the round, or wrote changes in any
NOT_REVIEWER = "workflow.not_reviewer"            # no steward / DPO / coordinator role for it
ALREADY_APPROVED = "workflow.already_approved"    # one key per person
NOT_NEEDED = "workflow.not_needed"                # the roles it holds are approved already
COMMENT_REQUIRED = "workflow.comment_required"
NOT_APPROVED = "workflow.not_approved"
NOT_APPLIER = "workflow.not_applier"
NOT_APPLIED = "workflow.not_applied"
CATALOGUE_DONE = "workflow.catalogue_done"        # no record update left to retry
NOT_IN_CONFLICT = "workflow.not_in_conflict"
NOT_REBASER = "workflow.not_rebaser"
NO_CONFLICTS = "workflow.no_conflicts"            # in conflict, but no conflict recorded
NOT_AUTHOR = "workflow.not_author"
NOT_WITHDRAWABLE = "workflow.not_withdrawable"    # {status}
NOT_EDITABLE = "workflow.not_editable"            # {status}
HAS_PROBLEMS = "workflow.has_problems"            # {count}: validation problems to fix first
NO_CHANGES = "workflow.no_changes"


@dataclass(frozen=True)
class Refusal:
    code: str
    params: dict = field(default_factory=dict)


@dataclass
class Actions:
    """{action: None when possible, else the Refusal}, for every action of ACTIONS."""

    refusals: dict = field(default_factory=dict)
    role: Optional[str] = None          # the role a decision would be taken in

    def possible(self, action: str) -> bool:
        return self.refusals.get(action, Refusal("workflow.unknown")) is None

    def refusal(self, action: str) -> Optional[Refusal]:
        return self.refusals.get(action, Refusal("workflow.unknown"))

    @property
    def possible_ones(self) -> list:
        return [a for a in ACTIONS if self.refusals.get(a) is None]


def _required(proposal, convention, approvals: Optional[dict]) -> list:
    if approvals is not None:
        return list(approvals)
    dataset = convention.datasets.get(proposal.dataset) if convention is not None else None
    if dataset is None:
        return rules.required_approvals([], False)
    return rules.required_approvals(dataset.approval, dataset.personal_data)


def _decision_refusals(proposal, identity: Identity, convention, approvals, awaiting, comment) -> tuple:
    login, roles = identity.login, list(identity.roles or ())
    if proposal.author == login:
        return {d: Refusal(OWN_PROPOSAL) for d in DECIDING}, None
    if proposal.status != SUBMITTED:
        refused = Refusal(NOT_UNDER_REVIEW, {"status": proposal.status})
        return {d: refused for d in DECIDING}, None
    if proposal.rebased_by == login or login in (proposal.writers or ()):
        return {d: Refusal(WROTE_CHANGES) for d in DECIDING}, None
    required = _required(proposal, convention, approvals)
    groups = proposal.steward_groups or None
    state = approvals if approvals is not None else rules.approval_state(
        required, proposal.reviews, proposal.round, groups)
    stewards = list(proposal.stewards or ())
    qualified = rules.reviewer_roles(login, identity.partner, roles, stewards, required)
    if not qualified:
        return {d: Refusal(NOT_REVIEWER) for d in DECIDING}, None
    out = {}
    approved_by = {r.reviewer for r in proposal.reviews
                   if r.decision == APPROVE and r.round == proposal.round}
    if awaiting is None:
        awaiting = rules.awaits_decision(login, identity.partner, roles, author=proposal.author,
                                         status=proposal.status, rebased_by=proposal.rebased_by,
                                         round_=proposal.round, reviews=proposal.reviews, stewards=stewards,
                                         groups=groups, required=required, state=state)
    for decision in DECIDING:
        if decision == APPROVE and login in approved_by:
            out[decision] = Refusal(ALREADY_APPROVED)
        elif not awaiting:
            out[decision] = Refusal(NOT_NEEDED)
        elif decision != APPROVE and not (comment or "").strip():
            out[decision] = Refusal(COMMENT_REQUIRED)
        else:
            out[decision] = None
    pending = [r for r in qualified if state.get(r) is False
               or (r == rules.COORDINATOR and state.get(rules.STEWARD) is False)]
    return out, (pending or qualified)[0]


def decision_refusal_of_summary(summary, identity: Identity) -> Optional[Refusal]:
    """For a line of a queue (a ProposalSummary: no reviews, no writers), what can be told
    without the proposal: the author's own, or not awaiting a decision. The store judges
    the rest of each decision (a bulk approval lists its refusals)."""
    if summary.author == identity.login:
        return Refusal(OWN_PROPOSAL)
    if summary.status != SUBMITTED:
        return Refusal(NOT_UNDER_REVIEW, {"status": summary.status})
    return None


def actions_of_detail(detail, convention=None, *, comment: str = "") -> Actions:
    """What a proposal's page (reviewing.load_detail's Detail) offers: the proposal judged
    with what the store said of it — its approvals, whether it awaits this identity, and
    the conflicts recorded for it when it is in conflict."""
    proposal = detail.proposal
    return possible_actions(proposal, detail.identity, convention, approvals=detail.approvals,
                            awaiting=detail.awaiting_me, comment=comment,
                            conflicts=detail.conflicts if proposal.status == CONFLICT else None)


def possible_actions(proposal, identity: Identity, convention=None, *, approvals: Optional[dict] = None,
                     awaiting: Optional[bool] = None, comment: str = "",
                     conflicts: Optional[list] = None) -> Actions:
    """What ``identity`` may do with ``proposal`` now, and why not.

    ``approvals``: the store's approvals_needed() ({role: given}; else computed from the
    proposal's reviews and the convention's rule for the dataset); ``awaiting``: whether
    the store lists the proposal as awaiting this identity's decision (else computed with
    the same rule, rules.awaits_decision); ``comment``: the comment typed so far (reject
    and request changes need one); ``conflicts``: the conflicts recorded for a conflicted
    proposal (None: not known, rebasing is judged on the status and the identity only).
    """
    refusals, role = _decision_refusals(proposal, identity, convention, approvals, awaiting, comment)
    login, status = identity.login, proposal.status
    applier = may_apply(proposal, identity, convention)
    author = proposal.author == login

    refusals[APPLY] = (Refusal(NOT_APPROVED) if status != APPROVED
                       else None if applier else Refusal(NOT_APPLIER))
    refusals[RETRY_CATALOGUE] = (Refusal(NOT_APPLIED) if status != APPLIED
                                 else Refusal(CATALOGUE_DONE) if not needs_retry(proposal.apply_attempts)
                                 else None if applier else Refusal(NOT_APPLIER))
    if status != CONFLICT:
        refusals[REBASE] = Refusal(NOT_IN_CONFLICT)
    elif not author and not applier:           # rules.check_edit, as the store's rebase asks it
        refusals[REBASE] = Refusal(NOT_REBASER)
    elif conflicts is not None and not conflicts:
        refusals[REBASE] = Refusal(NO_CONFLICTS)
    else:
        refusals[REBASE] = None
    refusals[REVERT] = None if status == APPLIED else Refusal(NOT_APPLIED)

    editable = status in rules.EDITABLE
    if not author:
        for action in (WITHDRAW, RESUBMIT, EDIT):
            refusals[action] = Refusal(NOT_AUTHOR)
    else:
        refusals[WITHDRAW] = (None if WITHDRAWN in TRANSITIONS.get(status, ())
                              else Refusal(NOT_WITHDRAWABLE, {"status": status}))
        refusals[RESUBMIT] = (Refusal(NOT_EDITABLE, {"status": status}) if not editable
                              else Refusal(HAS_PROBLEMS, {"count": len(proposal.validation)})
                              if proposal.validation else None)
        refusals[EDIT] = (Refusal(NOT_EDITABLE, {"status": status}) if not editable
                          else Refusal(NO_CHANGES) if proposal.changeset is None else None)
    refusals[COMMENT] = None           # anyone who sees a proposal may write in its thread
    return Actions(refusals, role)
