"""The workflow rules, in Python.

The GeoPackage store applies these in code (advisory: it cannot stop someone who edits
the file). The PostgreSQL store does NOT use them: its triggers and policies
(stores/sql/postgres/) implement the same rules in the database, and the shared behaviour tests
(tests/integration/test_store_behaviour.py) check that both stores agree.

Rules:
- statuses move only along :data:`.model.TRANSITIONS`;
- a proposal is created as a draft by a member of the convention whose partner may
  propose on the dataset (and, when the dataset says so, inside its own territory);
- only the author edits, submits or withdraws; a conflicted proposal may be rebased by
  its author, a steward of the dataset or a coordinator;
- the proposal's stewards are the partners governance/stewardship.py names for the
  communes its changes touch (derived by the store from the change rows at submit);
- a decision is taken by a steward of one of those partners, a DPO of one of them (only
  when the dataset's rule asks a DPO approval), or a coordinator; never by the author, nor
  by whoever rebased the round; reject and request_changes need a comment;
- ``approved`` needs every approval the dataset's rule asks, in the current round: a
  steward approval from **each steward group** (governance/stewardship.py: a change on the
  93/94 border needs cd93's and cd94's; co-stewards of one place need one of them), the
  DPO's; a coordinator's approval stands in for the stewards', never for the DPO's; each
  approval is given by a different person (one login holding two roles gives one key);
- a proposer whose dataset restricts it to its own territory submits only changes that
  lie inside it (territories/places.py; counted by the store at submit);
- applied / conflict are set by a steward of the dataset or a coordinator.
"""

from __future__ import annotations

from typing import Optional

from ..errors import PermissionDenied, StoreError
from ..governance import stewardship
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


def approval_state(required: list, reviews: list, round_: int, groups=None) -> dict:
    """{role: given} for the current round's approvals (a Review list of any rounds).

    ``groups``: the proposal's steward groups; the steward approval is given when each
    group has a steward approval from one of its partners (a review's ``partner``), or a
    coordinator approved. None or empty (a draft, a proposal routed before groups existed):
    any steward approval counts."""
    given = [r for r in reviews if r.decision == APPROVE and r.round == round_]
    roles = {r.role for r in given}
    state = {}
    for role in required:
        if role == STEWARD and COORDINATOR in roles:
            state[role] = True
        elif role == STEWARD and groups:
            state[role] = not steward_groups_pending(groups, reviews, round_)
        else:
            state[role] = role in roles
    return state


def steward_groups_pending(groups, reviews: list, round_: int) -> list:
    """The steward groups still without a steward approval this round."""
    approved = {r.partner for r in reviews
                if r.decision == APPROVE and r.round == round_ and r.role == STEWARD}
    return [g for g in groups if approved.isdisjoint(g)]


def steward_pending_for(partner: Optional[str], groups, reviews: list, round_: int) -> bool:
    """Whether a steward of ``partner`` still has an approval to give (a group of its own
    lacks one)."""
    return any(partner in g for g in steward_groups_pending(groups, reviews, round_))


def steward_routing(stewardships: list, dataset: str, communes, unplaced: bool) -> tuple:
    """(steward partner ids, steward groups) of ``dataset`` for changes touching
    ``communes`` (and, when ``unplaced``, changes that touch none): governance/stewardship.py
    over the store's ``stewardships`` rows ({dataset, partner, communes, everywhere})."""
    assignments = stewardship.assignments_from_rows(stewardships, dataset)
    groups = stewardship.steward_groups(assignments, list(communes or ()), unplaced)
    return stewardship.steward_partners(assignments, list(communes or ()), unplaced), groups


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


def may_see(login: str, partner: Optional[str], roles: list, *, author: str, owner_partner: Optional[str],
             status: str, stewards: list) -> bool:
    """Whether ``login`` (of ``partner``, holding ``roles``) sees a proposal: its own, its
    partner's, all for a coordinator, and for a steward or DPO the submitted ones routed to
    its partner (drafts stay private to their partner). The PostgreSQL store's SELECT policy
    (geogov.may_see_as); the GeoPackage store lists the same (advisory: the file holds all)."""
    if author == login or (partner is not None and owner_partner == partner) or COORDINATOR in roles:
        return True
    if status == DRAFT or not {STEWARD, DPO} & set(roles):
        return False
    return partner is not None and partner in stewards


def awaits_decision(login: str, partner: Optional[str], roles: list, *, author: str, status: str,
                    rebased_by: Optional[str], round_: int, reviews: list, stewards: list, groups,
                    required: list, state: dict) -> bool:
    """Whether ``login`` may take a decision the proposal still needs: submitted, not its
    author nor the rebaser of the round, no approval of its own this round (one key per
    person), and a role of its whose approval is still missing (a steward: one of its own
    steward groups lacks one). The TO_REVIEW scope of the stores (the PostgreSQL store's in
    SQL: stores/postgres/rows.AWAITS_ME)."""
    if status != SUBMITTED or author == login or rebased_by == login:
        return False
    if any(r.reviewer == login and r.decision == APPROVE and r.round == round_ for r in reviews):
        return False
    qualified = reviewer_roles(login, partner, roles, stewards, required)
    mine = steward_pending_for(partner, groups or [], reviews, round_)
    return any((r == STEWARD and state.get(r) is False and mine)
               or (r == DPO and state.get(r) is False)
               or (r == COORDINATOR and (state.get(STEWARD) is False or state.get(COORDINATOR) is False))
               for r in qualified)


def check_decision(login: str, author: str, status: str, decision: str, comment: str,
                   qualified: list, role: Optional[str], state: dict,
                   rebased_by: Optional[str] = None, approved_by: Optional[set] = None,
                   writers: Optional[set] = None) -> str:
    """Raise when the decision is not allowed; return the role it is taken in.

    ``approved_by``: logins that already approved this round (a second key must be held by
    another person); ``writers``: logins that wrote the change set in any round (a
    steward's rewrite stays when the author resubmits it unchanged)."""
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
    if login in (writers or ()):
        raise PermissionDenied("you wrote changes of this proposal: another reviewer must decide it",
                               code="store.self_review")
    if decision == APPROVE and login in (approved_by or ()):
        raise PermissionDenied("you already approved this proposal: each approval it needs is "
                               "given by a different person", code="store.one_key_each")
    return role


def status_after(decision: str, state: dict) -> str:
    if decision == REJECT:
        return "rejected"
    if decision == REQUEST_CHANGES:
        return CHANGES_REQUESTED
    return "approved" if all(state.values()) else SUBMITTED


def check_proposer(partner_row: Optional[dict], dataset_row: Optional[dict]) -> None:
    """A member's partner may propose on the dataset."""
    if partner_row is None:
        raise PermissionDenied("this login is not a member of the convention", code="store.unknown_member")
    if dataset_row is None or (EVERY_PARTNER not in dataset_row["proposers"]
                               and partner_row["id"] not in dataset_row["proposers"]):
        raise PermissionDenied("your partner may not propose changes to this dataset",
                               code="store.not_proposer", dataset=dataset_row and dataset_row["id"])


def check_territory(partner_row: dict, dataset_row: dict, outside: int) -> None:
    """At submit: a proposer bound to its territory has no change outside it."""
    if dataset_row["proposers_own_territory"] and not partner_row["everywhere"] and outside:
        raise PermissionDenied(f"{outside} change(s) lie outside your partner's territory",
                               code="store.outside_territory", count=outside)


def check_target(dataset_row: Optional[dict], target, crs: str = "") -> None:
    """A proposal goes where the convention says its dataset is published
    (governance/targets.py), in that target's CRS."""
    if dataset_row is None or not dataset_row.get("target_kind"):
        return
    from ..governance.targets import DatasetTarget, epsg_code, target_allowed

    declared = DatasetTarget(dataset_row["target_kind"], dataset_row["target_uri"],
                             dataset_row["target_layer"])
    if not target_allowed(declared, target.kind, target.uri, target.layer):
        raise PermissionDenied(f"{target.kind} {target.layer} is not where the convention says dataset "
                               f"{dataset_row['id']} is published", code="store.wrong_target",
                               dataset=dataset_row["id"], layer=target.layer)
    srid = dataset_row.get("target_srid") or 0
    if srid and crs and epsg_code(crs) != srid:
        raise StoreError(f"the changes must be in EPSG:{srid}, the dataset's CRS", code="store.wrong_srid",
                         srid=srid)


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
