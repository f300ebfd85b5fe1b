"""What the Review dock's buttons show comes from the workflow's verdicts only
(ui/review_buttons.py over plugin/workflow/actions.py): a conflicts button for a proposal the
workflow calls in conflict, a revert button for one it calls applied, each disabled with the
workflow's sentence when refused to this identity, and the running operation said after it."""

from __future__ import annotations

from geogov.plugin.proposals.model import APPROVE, REJECT, REQUEST_CHANGES
from geogov.plugin.workflow import actions as A  # noqa: N812
from geogov.ui import review_buttons as B  # noqa: N812
from geogov.ui.action_reasons import reason_text


def verdicts(**refusals) -> A.Actions:
    """Every action possible but those named (action=Refusal)."""
    return A.Actions({action: refusals.get(action) for action in A.ACTIONS})


def test_nothing_selected_disables_everything_and_says_so():
    shown, line = B.shown(None, running=False, reverting=False, cancellable=False, selected=[], identity=None)
    select_one = B.decision_reasons(None, False)["approve"]
    assert select_one and line == select_one
    for name in ("approve", "changes", "reject", "apply", "revert", "conflicts", "catalogue", "bulk"):
        assert not shown[name].enabled, name
    assert not shown["conflicts"].visible and not shown["revert"].visible and not shown["catalogue"].visible


def test_conflicts_button_shown_when_the_workflow_says_in_conflict():
    not_in_conflict = verdicts(rebase=A.Refusal(A.NOT_IN_CONFLICT))
    shown, _ = B.shown(not_in_conflict, running=False, reverting=False, cancellable=False, selected=[],
                       identity=None)
    assert not shown["conflicts"].visible
    refused = A.Refusal(A.NOT_REBASER)
    shown, _ = B.shown(verdicts(rebase=refused), running=False, reverting=False, cancellable=False,
                       selected=[], identity=None)
    assert shown["conflicts"].visible and not shown["conflicts"].enabled
    assert shown["conflicts"].tooltip == reason_text(refused, A.REBASE)
    shown, _ = B.shown(verdicts(), running=False, reverting=False, cancellable=False, selected=[],
                       identity=None)
    assert shown["conflicts"].visible and shown["conflicts"].enabled


def test_revert_button_shown_for_an_applied_proposal_and_waits_for_a_running_revert():
    shown, _ = B.shown(verdicts(revert=A.Refusal(A.NOT_APPLIED)), running=False, reverting=False,
                       cancellable=False, selected=[], identity=None)
    assert not shown["revert"].visible and not shown["revert"].enabled
    shown, _ = B.shown(verdicts(), running=False, reverting=True, cancellable=False, selected=[],
                       identity=None)
    assert shown["revert"].visible and not shown["revert"].enabled
    assert shown["revert"].tooltip == B.revert_reason(verdicts(), True)


def test_the_workflow_refusal_is_said_before_the_running_operation_and_a_missing_comment_after():
    comment = A.Refusal(A.COMMENT_REQUIRED)
    own = A.Refusal(A.OWN_PROPOSAL)
    actions = verdicts(approve=own, reject=comment, request_changes=comment)
    idle = B.decision_reasons(actions, running=False)
    busy = B.decision_reasons(actions, running=True)
    assert idle["approve"] == busy["approve"] == reason_text(own, APPROVE)
    assert idle["reject"] == reason_text(comment, REJECT)
    assert busy["reject"] == busy["changes"] == B.apply_reason(verdicts(), True)   # "wait…"
    assert busy["reject"] != idle["reject"]
    assert B.DECISION_KEYS[REQUEST_CHANGES] == "changes"
