"""The proposal store: one interface, two implementations.

- :class:`~.geopackage.store.GeoPackageStore`: one GeoPackage file, the zero-set-up default,
  usable on a shared drive by a small team. Identity comes from the plugin settings, so
  it **enforces no rights** (``enforces_rights = False``): anyone can write any login in
  their settings. It still refuses illegal transitions and self-review in code, with the
  same rules the PostgreSQL database enforces (advisory here).
- :class:`~.postgres.store.PostgresStore`: PostgreSQL/PostGIS, identity = the database
  login; the database itself enforces the rules (roles, row-level security, triggers),
  ``enforces_rights = True``.

Both keep the same logical schema (see sql/), an append-only hash-chained audit trail
(see audit.py), and a change feed (:meth:`ProposalStore.changes_since`, which PostgreSQL
completes with LISTEN/NOTIFY).

Every method raises :class:`~..errors.StoreError` (or its subclasses
:class:`~..errors.PermissionDenied`, :class:`~..errors.ConcurrentUpdate`) with a stable
code; the codes are listed in :data:`ERROR_CODES` for the UI's translation table.
``expected_version`` arguments are the :attr:`Proposal.version` the caller showed the
user: when the proposal changed since, the operation fails with ConcurrentUpdate instead
of deciding on a state the user never saw.

What the writes return, read in their own transaction but without reading the change rows
back (a proposal may hold tens of thousands of changes): ``create_draft``, ``update_draft``
and ``rebase`` return the proposal as stored with the change set they were given; the
status transitions (``submit``, ``withdraw``, ``review``, ``mark_applied``,
``mark_conflict``, ``send_back``) return it as stored without its changes
(:attr:`Proposal.changes_loaded` False) — status, version, round, places, stewards,
reviews, comments and apply attempts as the transition left them. :meth:`get_proposal`
reads the changes. Saving a draft writes its change rows only when its change set is not
the one the same login last wrote there (``row_values.changes_digest``): a draft whose
title or comment only changed keeps them.
"""

from __future__ import annotations

import abc
import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from ..model import ApplyAttempt, ChangeSet, Comment, Proposal

# list_proposals scopes
TO_REVIEW = "to_review"        # submitted, I may decide, my decision is still missing
MINE = "mine"                  # authored by me
MY_PARTNER = "partner"         # authored by anyone of my partner
ALL = "all"                    # everything I may see
SCOPES = (TO_REVIEW, MINE, MY_PARTNER, ALL)

# apply attempt results
APPLY_RESULTS = ("applied", "failed", "conflict", "unknown", "undone")

# Stable error codes raised by the stores (plus "store", "store.permission", "store.concurrent").
ERROR_CODES = {
    "store.not_found": "no such proposal, or not visible to you",
    "store.transition": "illegal status transition",
    "store.not_author": "only the proposal's author may do this",
    "store.self_review": "the author cannot review their own proposal",
    "store.not_reviewer": "you are not a steward/DPO/coordinator for this proposal",
    "store.not_applier": "only a steward of the dataset or a coordinator may do this",
    "store.not_under_review": "the proposal is not awaiting a decision",
    "store.not_editable": "the proposal cannot be edited in its current status",
    "store.comment_required": "a comment is required to reject or request changes",
    "store.approvals_missing": "approvals required by the dataset's rule are missing",
    "store.not_proposer": "your partner may not propose changes to this dataset",
    "store.outside_territory": "the changes lie outside your partner's territory",
    "store.one_key_each": "each approval is given by a different person",
    "store.wrong_target": "the proposal's target is not the dataset's in the convention",
    "store.wrong_srid": "the changes are not in the dataset's CRS",
    "store.bad_id": "a proposal id must carry its author's mark",
    "store.unknown_member": "this login is not a member of the convention",
    "store.immutable": "this field cannot change",
    "store.append_only": "audit rows cannot be changed or deleted",
    "store.bad_value": "a value the store does not accept",
    "store.duplicate": "a proposal with this id already exists",
    "store.offline": "the proposal database cannot be reached",
    "store.auth": "the proposal database refused the login (user name or password)",
    "store.busy": "the store is busy: another user is writing",
    "store.schema_newer": "the store was created by a newer GeoGov",
    "store.schema_older": "the store's database needs its administrator to run its set-up again",
    "store.file": "the GeoPackage file cannot be used",
    # the GeoPackage file could not be written (StoreFileError; store.locked: ConcurrentUpdate)
    "store.disk_full": "the disk of the GeoPackage is full: nothing was changed",
    "store.read_only": "the GeoPackage, its folder or its drive is read-only: nothing was changed",
    "store.locked": "the GeoPackage is locked by another writer: nothing was changed",
    "store.unopenable": "the GeoPackage (or its journal beside it) cannot be opened: nothing was changed",
    "store.io_error": "the disk failed writing the GeoPackage: nothing was changed",
    "store.corrupt": "the GeoPackage is damaged",
    "store.not_a_database": "the file is not a GeoPackage",
    "store.database": "the database refused the operation",
}


@dataclass
class Identity:
    login: str
    partner: Optional[str]
    roles: list = field(default_factory=list)   # steward, dpo, coordinator, technicien…
    verified: bool = False                      # True when the database authenticated it


@dataclass
class ProposalSummary:
    """One line of a review queue: everything but the change set."""

    id: str
    dataset: str
    title: str
    author: str
    partner: str
    status: str
    version: int
    round: int
    created_at: Optional[dt.datetime]
    updated_at: Optional[dt.datetime]
    submitted_at: Optional[dt.datetime]
    counts: dict                      # {"insert": n, "update": n, "delete": n}
    approvals: dict                   # approvals_needed() of the proposal
    departements: list = field(default_factory=list)
    stewards: list = field(default_factory=list)      # steward partner ids (routing)
    communes: list = field(default_factory=list)


@dataclass
class ChangelogEntry:
    """An applied proposal: who proposed, who approved, who applied, when, why."""

    proposal_id: str
    dataset: str
    title: str
    comment: str                       # the author's "why"
    author: str
    partner: str
    approved_by: list                  # [(login, role, at)]
    applied_by: str
    applied_at: Optional[dt.datetime]
    counts: dict
    changeset: Optional[ChangeSet] = None
    # The catalogue record update of the latest attempt that made one (record_update.py
    # outcome: status, record, revision…), None when the dataset names no record.
    catalogue: Optional[dict] = None


@dataclass
class Event:
    """One entry of the change feed (an audit row seen through the reader's rights)."""

    cursor: int
    at: dt.datetime
    actor: str
    action: str                        # created, status, edited, review, comment, apply_attempt…
    proposal_id: Optional[str]
    details: dict


@dataclass
class AuditEntry:
    id: int
    at: dt.datetime
    actor: str
    action: str
    proposal_id: Optional[str]
    details: dict
    prev_hash: str
    row_hash: str


def with_changeset(stored: Proposal, loaded: Proposal) -> Proposal:
    """``stored`` — a transition's answer, which carries no changes — with the change set of
    ``loaded``, the same proposal as the caller read it whole, when its changes cannot have
    changed since (the caller knows: e.g. an approved proposal's are frozen)."""
    if loaded.changes_loaded and loaded.id == stored.id and not stored.changes_loaded:
        stored.changeset, stored.changes_loaded = loaded.changeset, True
    return stored


def catalogue_outcome(attempts) -> Optional[dict]:
    """The catalogue record update of the latest apply attempt that made one (its details'
    ``catalogue``: plugin/publishing/record_update.py), None when none did."""
    for attempt in reversed(list(attempts or [])):
        details = getattr(attempt, "details", None) or {}
        if details.get("catalogue"):
            return details["catalogue"]
    return None


class ProposalStore(abc.ABC):
    """What the review dock, the apply step and the Processing algorithms use."""

    kind: str = ""
    enforces_rights: bool = False

    # ------------------------------------------------------------------ identity
    @abc.abstractmethod
    def identity(self) -> Identity:
        """The current login, its partner and roles."""

    # ------------------------------------------------------------------ authoring
    @abc.abstractmethod
    def create_draft(self, proposal: Proposal) -> Proposal:
        """Store a new draft (id assigned when None); returns it as stored."""

    @abc.abstractmethod
    def update_draft(self, proposal: Proposal, expected_version: Optional[int] = None) -> Proposal:
        """Replace title, comment, change set, validation, départements of a draft (or of
        a proposal whose changes were requested). Author only. The change rows stay as they
        are when the change set is the one this login last wrote."""

    @abc.abstractmethod
    def submit(self, proposal_id: str, expected_version: Optional[int] = None) -> Proposal:
        """draft / changes_requested → submitted (author only). Like every transition, returns
        the proposal without its changes (changes_loaded False)."""

    @abc.abstractmethod
    def withdraw(self, proposal_id: str, expected_version: Optional[int] = None) -> Proposal:
        """→ withdrawn, by its author only, while not yet decided."""

    # ------------------------------------------------------------------ review
    @abc.abstractmethod
    def review(self, proposal_id: str, decision: str, comment: str = "", *,
               role: Optional[str] = None, expected_version: Optional[int] = None) -> Proposal:
        """Record a decision (approve / reject / request_changes; a comment is required for
        the last two). ``role`` (steward, dpo, coordinator) defaults to the reviewer's role
        whose approval is still missing. An approval that leaves another required approval
        pending keeps the proposal ``submitted``; the last one makes it ``approved``."""

    @abc.abstractmethod
    def add_comment(self, proposal_id: str, body: str) -> Comment:
        """Append a message to the proposal's thread."""

    @abc.abstractmethod
    def approvals_needed(self, proposal_id) -> dict:
        """Every approval role the dataset's rule requires → whether the current round has
        it, e.g. ``{"steward": True, "dpo": False}`` (steward ✓, DPO pending). Takes a
        proposal id or a Proposal (its id is used: the answer is the store's, not the
        object's possibly stale reviews)."""

    # ------------------------------------------------------------------ reading
    @abc.abstractmethod
    def get_proposal(self, proposal_id: str, with_changes: bool = True) -> Proposal:
        """The proposal with its reviews, comments and apply attempts."""

    @abc.abstractmethod
    def list_proposals(self, scope: str = ALL, status: Optional[str] = None,
                       dataset: Optional[str] = None) -> list:
        """ProposalSummary list, newest first."""

    # ------------------------------------------------------------------ apply
    @abc.abstractmethod
    def record_apply_attempt(self, proposal_id: str, result: str, details: Optional[dict] = None
                             ) -> ApplyAttempt:
        """Write one apply attempt (and its outcome) to the proposal and the audit trail."""

    @abc.abstractmethod
    def mark_applied(self, proposal_id: str, expected_version: Optional[int] = None,
                     details: Optional[dict] = None) -> Proposal:
        """approved → applied."""

    @abc.abstractmethod
    def mark_conflict(self, proposal_id: str, expected_version: Optional[int] = None,
                      details: Optional[dict] = None) -> Proposal:
        """approved → conflict (the authoritative data changed since the base)."""

    @abc.abstractmethod
    def send_back(self, proposal_id: str, reason: str, expected_version: Optional[int] = None) -> Proposal:
        """approved → changes_requested: the target refused what was approved (``reason``,
        what it said); back to its author, who fixes and resubmits. Applier only."""

    @abc.abstractmethod
    def rebase(self, proposal_id: str, changeset: ChangeSet, expected_version: Optional[int] = None,
               comment: str = "") -> Proposal:
        """Replace a conflicted proposal's change set; back to submitted, approvals reset."""

    # ------------------------------------------------------------------ history
    @abc.abstractmethod
    def changelog(self, dataset: Optional[str] = None, since: Optional[dt.datetime] = None,
                  with_changes: bool = False) -> list:
        """ChangelogEntry list of applied proposals, oldest first."""

    @abc.abstractmethod
    def changes_since(self, cursor: int = 0, limit: int = 500) -> tuple:
        """(events, new_cursor): what happened after ``cursor`` that the reader may see."""

    @abc.abstractmethod
    def audit_trail(self, proposal_id: Optional[str] = None) -> list:
        """AuditEntry list (one proposal's, or every row the reader may see)."""

    @abc.abstractmethod
    def verify_audit(self):
        """:class:`~.audit.AuditReport` of the whole hash chain."""

    def verify_audit_since(self):
        """:class:`~.audit.AuditReport` of the chain after the last head the store itself
        verified (``verified_from``), costing the new rows only. A store that cannot keep
        such a head out of its users' reach (a GeoPackage file) verifies the whole chain."""
        return self.verify_audit()

    @abc.abstractmethod
    def close(self) -> None:
        """Release files and connections."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
