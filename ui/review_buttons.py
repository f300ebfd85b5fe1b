"""What the Review dock's buttons show: enabled or not, and why not.

No rule here: which actions a proposal offers the current identity, and the refusal of each
other, are plugin/workflow/actions.py's verdicts (on the rules the stores enforce), their
sentences ui/action_reasons.py's. What the dock adds is its own state: one proposal
selected or not, several selected (bulk approval), an operation running. Of two reasons
the workflow's is said first, but a missing comment is said last: it is the user's to type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..plugin.bridge.i18n import tr
from ..plugin.proposals.model import APPROVE, REJECT, REQUEST_CHANGES
from ..plugin.workflow import actions as A  # noqa: N812
from .action_reasons import reason_text

DECISION_KEYS = {APPROVE: "approve", REJECT: "reject", REQUEST_CHANGES: "changes"}


def _select_one() -> str:
    return tr("Select one proposal in the list.")


def _wait() -> str:
    return tr("Wait for the current operation to finish.")


def reason(actions, action: str, running: bool) -> str:
    """Why ``action`` cannot be taken now ("" when it can): the workflow's refusal, else
    the running operation; a missing comment is said last."""
    refusal = actions.refusal(action)
    if refusal is not None and refusal.code != A.COMMENT_REQUIRED:
        return reason_text(refusal, action)
    if running:
        return _wait()
    return reason_text(refusal, action)


def decision_reasons(actions, running: bool) -> dict:
    """{"approve": reason or "", "reject": …, "changes": …}; ``actions`` None: none selected."""
    if actions is None:
        return dict.fromkeys(DECISION_KEYS.values(), _select_one())
    return {key: reason(actions, decision, running) for decision, key in DECISION_KEYS.items()}


def apply_reason(actions, running: bool) -> str:
    return _select_one() if actions is None else reason(actions, A.APPLY, running)


def revert_reason(actions, running: bool) -> str:
    """Why "Revert…" cannot be used now ("" when it can); ``running``: an operation of the
    dock's or a revert under way."""
    if actions is None:
        return _select_one()
    if actions.refusal(A.REVERT) is not None:
        return reason_text(actions.refusal(A.REVERT))
    return _wait() if running else ""


def catalogue_retry_wanted(actions) -> bool:
    """An applied proposal whose catalogue record the last attempt did not update."""
    return actions is not None and actions.possible(A.RETRY_CATALOGUE)


@dataclass
class Shown:
    """What one button shows; None: left as it is."""

    enabled: Optional[bool] = None
    tooltip: Optional[str] = None
    visible: Optional[bool] = None
    text: Optional[str] = None

    def show_on(self, button) -> None:
        if self.text is not None:
            button.setText(self.text)
        if self.visible is not None:
            button.setVisible(self.visible)
        if self.enabled is not None:
            button.setEnabled(self.enabled)
        if self.tooltip is not None:
            button.setToolTip(self.tooltip)


def shown(actions, *, running: bool, reverting: bool, cancellable: bool, selected: list,
          identity) -> tuple:
    """({button name: Shown}, the line below the buttons) for the dock's state: ``actions``
    of the selected proposal (None: not one selected), an operation ``running`` (and
    ``cancellable``), a revert under way, the ``selected`` summaries and the queue's
    ``identity``."""
    decisions = decision_reasons(actions, running)
    out = {"approve": Shown(enabled=not decisions["approve"],
                            tooltip=decisions["approve"] or tr("Approve this proposal"))}
    for key in ("changes", "reject"):
        out[key] = Shown(enabled=not decisions[key], tooltip=decisions[key])
    several = len(selected) > 1
    decidable = identity is not None and any(A.decision_refusal_of_summary(s, identity) is None
                                             for s in selected)
    out["bulk"] = Shown(
        text=tr("Approve all selected ({n})").format(n=len(selected)), visible=several,
        enabled=not running and several and decidable,
        tooltip=tr("Select several proposals in the list (Ctrl or Shift + click).") if not several
        else tr("Each one is approved in turn; the refused ones are listed with the reason."))
    applying = apply_reason(actions, running)
    out["apply"] = Shown(enabled=not applying, tooltip=applying or tr(
        "Write the approved changes to the authoritative data, check them, and undo everything if part "
        "is refused."))
    retry = catalogue_retry_wanted(actions)
    out["catalogue"] = Shown(visible=retry, enabled=retry and not running, tooltip=tr(
        "The data of this proposal is applied but its catalogue record was not updated: "
        "try the catalogue update again (the data is not written again)."))
    rebase = actions.refusal(A.REBASE) if actions is not None else None
    in_conflict = actions is not None and (rebase is None or rebase.code != A.NOT_IN_CONFLICT)
    rebase_reason = reason(actions, A.REBASE, running) if actions is not None else ""
    out["conflicts"] = Shown(visible=in_conflict, enabled=in_conflict and not rebase_reason,
                             tooltip=rebase_reason)
    applied = actions is not None and actions.possible(A.REVERT)
    reverting_reason = revert_reason(actions, running or reverting)
    out["revert"] = Shown(visible=applied, enabled=applied and not reverting_reason,
                          tooltip=reverting_reason or tr(
                              "Propose to undo this applied proposal: a new proposal of yours, checked "
                              "against the data as it is now (features changed since are left out) and "
                              "reviewed like any other."))
    out["cancel"] = Shown(visible=running and cancellable)
    out["refresh"] = Shown(enabled=not running)
    return out, decisions["approve"] or decisions["reject"]
