"""A feature's (or a layer's) history, and reverting an applied proposal: the history view's
and the Review dock's store and target work.

Every function opens the configured store (store_factory), works and closes it: call them
from a QgsTask (tasks.run_task), never from the GUI thread. They take plain settings, ids and
values, and return plain data the dialogs show in their ``on_done``:

- :func:`load_feature_history` / :func:`load_layer_history` — the applied proposals that
  changed one feature (found by the change sets' key, plugin/publishing/history.py) or the
  dataset;
- :func:`plan_revert` — an applied proposal's inverse change set, checked against the
  target's data as it is now (a feature changed since the apply is a conflict, left out:
  plugin/publishing/revert.py) and validated as a proposal of the current user (the rules
  of "Propose my changes", bridge/propose.py ``prepare``: the proposer, the schema, the
  GeoPackage's constraints, the territory) — nothing is written;
- :func:`save_revert` — the plan saved as a new draft proposal of the current user (or
  submitted) through the store's ordinary API (propose_store.update_and_submit): it is
  reviewed and applied like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ..errors import GeoGovError
from ..proposals.model import APPLIED, Problem, Proposal
from ..proposals.stores.base import Identity
from ..proposals.target_rules import gpkg_constraint_problems
from ..proposals.validation import proposer_from_convention, territory_problems, validate
from ..publishing.history import feature_history, inserted_keys, layer_history, needs_inserted_keys
from ..publishing.revert import CurrentCheck, check_against_current, inverse_changeset, read_current
from ..territories.places import Placement, locate
from .propose import UNKNOWN_IDENTITY, Routing, review_routing
from .propose_store import Outcome, identity_of, update_and_submit
from .review import check_target, sql_connection, wfs_transport
from .store_factory import open_store


class RevertError(GeoGovError):
    """The proposal cannot be reverted (not applied, no changes, nothing left to undo…)."""

    code = "revert"


# ---------------------------------------------------------------------------- history
@dataclass
class History:
    """What the history view shows: HistoryEntry items, newest first."""

    dataset: str
    entries: list = field(default_factory=list)
    key_field: str = ""             # the feature's key (a feature's history), "" for a layer's
    key: Any = None
    identity: Optional[Identity] = None
    store_kind: str = ""


def _inserted(store, entries) -> dict:
    """{proposal id: keys the target gave its new features}, read only for the proposals
    that need it (a new feature without a key value of its own)."""
    out = {}
    for entry in entries:
        if needs_inserted_keys(entry):
            attempts = store.get_proposal(entry.proposal_id, with_changes=False).apply_attempts
            out[entry.proposal_id] = inserted_keys(attempts)
    return out


def _read(settings, dataset_id, convention):
    store = open_store(settings)          # reading: no store file is made where there was none
    try:
        identity, _offline = identity_of(store, settings, convention)
        entries = store.changelog(dataset_id, with_changes=True)
        return entries, _inserted(store, entries), identity, store.kind
    finally:
        store.close()


def load_feature_history(settings, dataset_id: str, attributes: dict, feature_id=None, key_field: str = "",
                         convention=None) -> History:
    """The applied proposals of ``dataset_id`` that changed the feature whose attributes are
    ``attributes`` (its id in the layer: ``feature_id``)."""
    entries, inserted, identity, kind = _read(settings, dataset_id, convention)
    found = feature_history(entries, attributes, feature_id, inserted)
    key = attributes.get(key_field) if key_field in attributes else feature_id
    return History(dataset_id, found, key_field, key, identity, kind)


def load_layer_history(settings, dataset_id: str, convention=None) -> History:
    """Every applied proposal of ``dataset_id``, newest first."""
    entries, inserted, identity, kind = _read(settings, dataset_id, convention)
    return History(dataset_id, layer_history(entries, inserted), identity=identity, store_kind=kind)


# ---------------------------------------------------------------------------- revert
@dataclass
class RevertPlan:
    """What reverting an applied proposal would propose (nothing is written yet)."""

    proposal: Proposal              # the applied proposal
    check: CurrentCheck             # the inverse, against the data now: kept, conflicts, unchanged
    problems: list                  # validation Problems of the revert's change set
    placement: Placement
    routing: Routing
    identity: Identity
    store_kind: str = ""

    @property
    def changeset(self):
        return self.check.changeset

    @property
    def empty(self) -> bool:
        return self.check.empty


def _validation(changeset, proposal, identity, convention, is_cancelled=None) -> tuple:
    """(problems, placement, routing) of a change set proposed by ``identity``: the rules of
    propose.prepare."""
    dataset_id = proposal.dataset
    partner = identity.partner or ""
    problems = []
    if not partner:
        problems.append(Problem(UNKNOWN_IDENTITY, params={"login": identity.login}))
    restricted = (convention.proposal_territory(partner, dataset_id) if partner in convention.partners
                  else None)
    placement = locate(changeset, convention.reference,
                       restricted.territory_set() if restricted is not None else None,
                       is_cancelled=is_cancelled)
    routing = review_routing(convention, dataset_id, placement.communes, bool(placement.unplaced))
    proposer = proposer_from_convention(convention, partner, dataset_id)
    problems += validate(changeset, changeset.schema, proposer, is_cancelled=is_cancelled)
    if proposal.target.kind == "gpkg":
        problems += gpkg_constraint_problems(proposal.target.uri, proposal.target.layer, changeset,
                                             known=problems, is_cancelled=is_cancelled)
    problems += territory_problems(changeset, placement, known=problems)
    return problems, placement, routing


def plan_revert(settings, proposal_id: str, convention=None, progress=None, is_cancelled=None) -> RevertPlan:
    """The revert of an applied proposal, checked against the target's current data and
    validated; nothing is written. Raises RevertError (``revert.not_applied``,
    ``revert.no_changes``), the apply's target errors (apply.no_convention,
    apply.wrong_target: credentials go to the convention's target only) and the target's
    read errors."""
    store = open_store(settings, create=True)
    try:
        identity, _offline = identity_of(store, settings, convention)
        proposal = store.get_proposal(proposal_id)
        kind = store.kind
    finally:
        store.close()
    if proposal.status != APPLIED:
        raise RevertError(f"a {proposal.status} proposal was not applied: there is nothing to revert",
                          code="revert.not_applied", status=proposal.status)
    if proposal.changeset is None or not proposal.changeset.changes:
        raise RevertError("the proposal changed nothing", code="revert.no_changes")
    check_target(proposal, convention)
    inverse = inverse_changeset(proposal.changeset, inserted_keys(proposal.apply_attempts))
    target = proposal.target
    kwargs = {"progress": progress, "is_cancelled": is_cancelled}
    connection = sql_connection(target, settings)
    try:
        if target.kind in ("wfs", "oapif"):
            kwargs["transport"] = wfs_transport(target, settings)
        elif connection is not None:
            kwargs["connection"] = connection
        target_schema, current = read_current(inverse, target, **kwargs)
    finally:
        if connection is not None:
            connection.close()
    check = check_against_current(inverse, current, target_schema)
    problems, placement, routing = _validation(check.changeset, proposal, identity, convention, is_cancelled)
    return RevertPlan(proposal, check, problems, placement, routing, identity, kind)


def revert_proposal(plan: RevertPlan, title: str, comment: str) -> Proposal:
    """The new proposal of a plan, by its identity (not saved)."""
    placement, identity = plan.placement, plan.identity
    return Proposal(id=None, dataset=plan.proposal.dataset, target=plan.proposal.target,
                    author=identity.login, partner=identity.partner or "", title=title, comment=comment,
                    changeset=plan.changeset,
                    validation=list(plan.problems), communes=list(placement.communes),
                    departements=list(placement.departements), unplaced=placement.unplaced,
                    outside=len(placement.outside))


def save_revert(settings, outbox_path: Optional[str], plan: RevertPlan, title: str, comment: str,
                submit: bool = False) -> Outcome:
    """Save the plan as a new draft of the current user, submitted when ``submit`` (only a
    revert without problems: it is reviewed like any proposal)."""
    if plan.empty:
        raise RevertError("nothing is left to revert", code="revert.nothing_left")
    if submit and plan.problems:
        raise RevertError(f"{len(plan.problems)} problem(s) prevent submitting the revert",
                          code="revert.problems", count=len(plan.problems))
    return update_and_submit(settings, outbox_path, revert_proposal(plan, title, comment), submit)
