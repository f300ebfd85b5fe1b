"""The workflow rules, in Python.

The GeoPackage store applies these in code (advisory: it cannot stop someone who edits
the file). The PostgreSQL store does NOT use them: its triggers and policies
(sql/postgres/) implement the same rules in the database, and the shared behaviour tests
(tests/integration/test_store_behaviour.py) check that both stores agree.

Rules:
- statuses move only along :data:`.model.TRANSITIONS`;
- a proposal is created as a draft by a member of the convention whose partner may
  propose on the dataset (and, when the dataset says so, inside its own territory);
- only the author edits, submits or withdraws; a conflicted proposal may be rebased by
  its author, a steward of the dataset or a coordinator;
- a decision is taken by a steward of the dataset (the partner(s) that
  ``Convention.stewards_for`` names for the proposal's départements), a DPO of that
  partner (only when the dataset's rule asks a DPO approval), or a coordinator; never by
  the author, nor by whoever rebased the round; reject and request_changes need a comment;
- ``approved`` needs every approval the dataset's rule asks, in the current round; a
  coordinator's approval stands in for the steward's, never for the DPO's;
- applied / conflict are set by a steward of the dataset or a coordinator.
"""

from __future__ import annotations

from typing import Optional

from ..errors import PermissionDenied, StoreError
from .model import (
    APPROVE,
    CHANGES_REQUESTED,
    CONFLICT,
    DECISIONS,
    DRAFT,
    REJECT,
    REQUEST_CHANGES,
    SUBMITTED,
    TRANSITIONS,
)

STEWARD, DPO, COORDINATOR = "steward", "dpo", "coordinator"
REVIEW_ROLES = (STEWARD, DPO, COORDINATOR)
EVERY_PARTNER = "*"
EDITABLE = (DRAFT, CHANGES_REQUESTED)


def check_transition(old: str, new: str) -> None:
    if new not in TRANSITIONS.get(old, ()):
        raise StoreError(f"illegal status transition {old} -> {new}", code="store.transition",
                         old=old, new=new)


def required_approvals(approval: list, personal_data: bool) -> list:
    """The roles whose approval the dataset needs, in display order (DPO added for personal data)."""
    wanted = set(approval or [STEWARD])
    if personal_data:
        wanted.add(DPO)
    return [role for role in REVIEW_ROLES if role in wanted]


def approval_state(required: list, reviews: list, round_: int) -> dict:
    """{role: given} for the current round's approvals (a Review list of any rounds)."""
    given = {r.role for r in reviews if r.decision == APPROVE and r.round == round_}
    state = {}
    for role in required:
        state[role] = role in given or (role == STEWARD and COORDINATOR in given)
    return state


def steward_partners(stewardships: list, dataset: str, departements: list) -> list:
    """The steward partner ids of ``dataset`` for changes in ``departements``.

    Mirrors ``Convention.stewards_for``: assignments whose territory holds every touched
    département win; otherwise the assignments that cover everywhere. ``stewardships`` is
    a list of dicts {dataset, partner, departements, communes} (empty = everywhere).
    """
    local, default = [], []
    wanted = set(departements or [])
    for row in stewardships:
        if row["dataset"] != dataset:
            continue
        if not row["departements"] and not row["communes"]:
            default.append(row["partner"])
        elif wanted and wanted <= set(row["departements"]):
            local.append(row["partner"])
    chosen = local or default
    return list(dict.fromkeys(chosen))


def reviewer_roles(login: str, partner: Optional[str], roles: list, stewards: list,
                   required: list) -> list:
    """The roles in which ``login`` may decide a proposal (see the module docstring)."""
    out = []
    if STEWARD in roles and partner in stewards:
        out.append(STEWARD)
    if DPO in roles and partner in stewards and DPO in required:
        out.append(DPO)
    if COORDINATOR in roles:
        out.append(COORDINATOR)
    return out


def may_apply(partner: Optional[str], roles: list, stewards: list) -> bool:
    return (STEWARD in roles and partner in stewards) or COORDINATOR in roles


def check_decision(login: str, author: str, status: str, decision: str, comment: str,
                   qualified: list, role: Optional[str], state: dict,
                   rebased_by: Optional[str] = None) -> str:
    """Raise when the decision is not allowed; return the role it is taken in."""
    if decision not in DECISIONS:
        raise StoreError(f"unknown decision {decision!r}", code="store.bad_value", value=decision)
    if status != SUBMITTED:
        raise StoreError(f"the proposal is {status}, not awaiting a decision",
                         code="store.not_under_review", status=status)
    if login == author:
        raise PermissionDenied("the author cannot review their own proposal", code="store.self_review")
    if decision in (REJECT, REQUEST_CHANGES) and not (comment or "").strip():
        raise StoreError("a comment is required to reject or request changes",
                         code="store.comment_required")
    if role is None:
        pending = [r for r in qualified if state.get(r) is False
                   or (r == COORDINATOR and state.get(STEWARD) is False)]
        role = (pending or qualified or [None])[0]
    if role is None or role not in qualified:
        raise PermissionDenied(f"{login} is not a steward, DPO or coordinator for this proposal",
                               code="store.not_reviewer", login=login)
    if rebased_by == login:
        raise PermissionDenied("you rebased this proposal: another reviewer must decide it",
                               code="store.self_review")
    return role


def status_after(decision: str, state: dict) -> str:
    if decision == REJECT:
        return "rejected"
    if decision == REQUEST_CHANGES:
        return CHANGES_REQUESTED
    return "approved" if all(state.values()) else SUBMITTED


def check_proposer(partner_row: Optional[dict], dataset_row: Optional[dict], departements: list) -> None:
    """A member's partner may propose on the dataset (and inside its territory if required)."""
    if partner_row is None:
        raise PermissionDenied("this login is not a member of the convention", code="store.unknown_member")
    if dataset_row is None or (EVERY_PARTNER not in dataset_row["proposers"]
                               and partner_row["id"] not in dataset_row["proposers"]):
        raise PermissionDenied("your partner may not propose changes to this dataset",
                               code="store.not_proposer", dataset=dataset_row and dataset_row["id"])
    if dataset_row["proposers_own_territory"] and not partner_row["everywhere"]:
        if not departements or not set(departements) <= reach(partner_row):
            raise PermissionDenied("the changes lie outside your partner's territory",
                                   code="store.outside_territory")


def departement_of_commune(commune: str) -> str:
    """INSEE rule: overseas communes (97x) carry a 3-character département code."""
    return commune[:3] if commune.startswith("97") else commune[:2]


def reach(partner_row: dict) -> set:
    """The départements a partner's territory touches (its own, and those of its communes).

    The store checks proposals at département level only: an EPT known by its communes
    may propose in its département; whether each feature lies in its communes is the
    validation step's check (geometries against the territory), before submission.
    """
    return set(partner_row["departements"]) | {departement_of_commune(c) for c in partner_row["communes"]}


def check_edit(login: str, author: str, status: str, may_rebase: bool) -> None:
    if status in EDITABLE:
        if login != author:
            raise PermissionDenied("only the proposal's author may edit it", code="store.not_author")
        return
    if status == CONFLICT:
        if login != author and not may_rebase:
            raise PermissionDenied("only the author, a steward or a coordinator may rebase",
                                   code="store.not_applier")
        return
    raise StoreError(f"a {status} proposal cannot be edited", code="store.not_editable", status=status)
