"""The sentences for why an action of a proposal cannot be taken (plugin/workflow/actions.py
refusal codes), shown as the disabled button's tooltip and below the buttons."""

from __future__ import annotations

from ..plugin.bridge.i18n import tr
from ..plugin.workflow import actions as A  # noqa: N812
from .propose_changes import proposal_status_label


def _sentences() -> dict:
    return {
        A.OWN_PROPOSAL: tr("You are the author of this proposal: someone else reviews it."),
        A.NOT_UNDER_REVIEW: tr("This proposal is not awaiting a decision (it is “{status}”)."),
        A.WROTE_CHANGES: tr("You cannot decide a proposal whose changes you wrote or rebased: "
                            "another reviewer must decide it."),
        A.NOT_REVIEWER: tr("You are not a steward, DPO or coordinator for this proposal."),
        A.ALREADY_APPROVED: tr("You have already approved this proposal: each approval it needs is "
                               "given by a different person."),
        A.NOT_NEEDED: tr("Your decision is not needed: you already decided in this round, or you are not a "
                         "steward, DPO or coordinator for this proposal."),
        A.COMMENT_REQUIRED: tr("Type a comment first: it is required to reject or to request changes."),
        A.NOT_APPROVED: tr("Only an approved proposal can be applied."),
        A.NOT_APPLIER: tr("Only a steward of this dataset or a coordinator may apply it."),
        A.NOT_APPLIED: tr("Only an applied proposal can be reverted."),
        A.CATALOGUE_DONE: tr("The catalogue record of this proposal needs no update."),
        A.NOT_IN_CONFLICT: tr("Only a proposal in conflict can be rebased."),
        A.NOT_REBASER: tr("Only the author, a steward of this dataset or a coordinator may rebase it."),
        A.NO_CONFLICTS: tr("No conflict was recorded for this proposal: apply it again to find them."),
        A.NOT_AUTHOR: tr("Only the author of the proposal may do this."),
        A.NOT_WITHDRAWABLE: tr("A proposal that is “{status}” can no longer be withdrawn."),
        A.NOT_EDITABLE: tr("A proposal that is “{status}” cannot be edited or submitted again."),
        A.HAS_PROBLEMS: tr("Fix the {count} problem(s) found in the changes first."),
        A.NO_CHANGES: tr("This proposal's changes are not loaded."),
    }


def reason_text(refusal, action: str = "") -> str:
    """The sentence of a workflow Refusal ("" for None: the action is possible); ``action``
    picks the approve button's own sentence for the author."""
    if refusal is None:
        return ""
    if refusal.code == A.OWN_PROPOSAL and action == A.APPROVE:
        return tr("You cannot approve your own proposal: you are its author. A steward "
                  "of the dataset reviews it.")
    params = dict(refusal.params)
    if "status" in params:
        params["status"] = proposal_status_label(params["status"])
    template = _sentences().get(refusal.code)
    if template is None:
        return tr("This action is not possible now.")
    return template.format(**params)
