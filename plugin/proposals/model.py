"""Plain data of proposals: features, change sets, proposals, statuses.

Geometries travel as ISO WKB bytes (``None`` for no geometry); attribute values as
plain Python values (str, int, float, bool, None, datetime.date/datetime, bytes).
Nothing here holds an OGR or Qt object, so every class can be stored as JSON
(see plugin/proposals/serialization.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Optional

INSERT, UPDATE, DELETE = "insert", "update", "delete"

# Proposal statuses and the legal transitions between them. The PostgreSQL store
# enforces the same table in a trigger (plugin/proposals/stores/sql/); keep them in step.
DRAFT = "draft"
SUBMITTED = "submitted"
CHANGES_REQUESTED = "changes_requested"
APPROVED = "approved"
REJECTED = "rejected"
APPLIED = "applied"
CONFLICT = "conflict"
WITHDRAWN = "withdrawn"
STATUSES = (DRAFT, SUBMITTED, CHANGES_REQUESTED, APPROVED, REJECTED, APPLIED, CONFLICT,
            WITHDRAWN)
TRANSITIONS = {
    DRAFT: {SUBMITTED, WITHDRAWN},
    SUBMITTED: {CHANGES_REQUESTED, APPROVED, REJECTED, WITHDRAWN},
    CHANGES_REQUESTED: {SUBMITTED, WITHDRAWN},
    APPROVED: {APPLIED, CONFLICT, CHANGES_REQUESTED},   # the last: the target refused it
    CONFLICT: {SUBMITTED},      # a rebased proposal goes back to review
    REJECTED: set(),
    APPLIED: set(),
    WITHDRAWN: set(),
}

# Review decisions.
APPROVE, REJECT, REQUEST_CHANGES = "approve", "reject", "request_changes"
DECISIONS = (APPROVE, REJECT, REQUEST_CHANGES)


# Field types of a Schema. Providers' richer types map onto these (the bridge maps
# QVariant types, the WFS client maps XML Schema types); anything else is "string".
STRING, INTEGER, REAL, BOOLEAN, DATE, DATETIME, BINARY = (
    "string", "integer", "real", "boolean", "date", "datetime", "binary")
FIELD_TYPES = (STRING, INTEGER, REAL, BOOLEAN, DATE, DATETIME, BINARY)


@dataclass
class FieldDef:
    name: str
    type: str = "string"      # string, integer, real, boolean, date, datetime, binary
    nullable: bool = True
    length: int = 0
    # The data source fills it when a feature is inserted (autoincrement primary key,
    # default value): an insert may leave it null even when the field is not nullable.
    auto: bool = False


@dataclass
class Schema:
    fields: list = field(default_factory=list)   # FieldDef, in order
    key: str = "fid"                             # the stable identifier field
    geometry_type: str = ""                      # Point, LineString, Polygon, Multi…, "" = none
    crs: str = ""                                # "EPSG:2154"
    geometry_nullable: bool = True               # may a feature have no geometry

    def field(self, name: str) -> Optional[FieldDef]:
        for f in self.fields:
            if f.name == name:
                return f
        return None

    def field_names(self) -> list:
        return [f.name for f in self.fields]


@dataclass
class PlainFeature:
    key: Any
    attributes: dict
    geometry: Optional[bytes] = None   # ISO WKB


@dataclass
class Change:
    op: str                                   # insert / update / delete
    key: Any                                  # base key (update/delete) or provisional key (insert)
    old: Optional[dict] = None                # base attributes (update/delete)
    new: Optional[dict] = None                # proposed attributes (insert/update)
    old_geometry: Optional[bytes] = None
    new_geometry: Optional[bytes] = None
    changed_fields: list = field(default_factory=list)
    geometry_changed: bool = False
    base_fingerprint: Optional[str] = None    # fingerprint of the base feature (update/delete)

    def changed_values(self) -> dict:
        """{field: (old, new)} for the changed fields, in the order of ``changed_fields``."""
        old = self.old or {}
        new = self.new or {}
        return {name: (old.get(name), new.get(name)) for name in self.changed_fields}


@dataclass
class ChangeSet:
    """What a proposal changes, feature by feature.

    For an update, ``old``/``new`` hold every attribute of the base and of the edited
    feature and both geometries (so an apply can verify the outcome and undo from the
    base state); ``changed_fields`` names the attributes that differ. For a delete only
    the ``old`` side is set, for an insert only the ``new`` side. ``base_fingerprint``
    is :func:`plugin.proposals.fingerprint.fingerprint` of the base feature, computed
    with the scheme named in ``fingerprint_scheme``.
    """

    schema: Schema
    changes: list = field(default_factory=list)
    fingerprint_scheme: str = ""

    def counts(self) -> dict:
        out = {INSERT: 0, UPDATE: 0, DELETE: 0}
        for change in self.changes:
            out[change.op] += 1
        return out

    def __len__(self):
        return len(self.changes)


@dataclass
class Problem:
    """One reason why a change set cannot be submitted (or applied) as it is.

    ``code`` names the rule (e.g. ``proposal.wrong_type``, see validation.py); ``key``
    the feature concerned (None for a problem of the whole change set); ``field`` the
    attribute concerned, if any; ``params`` plain strings/numbers the UI puts into the
    French sentence it shows for the code.
    """

    code: str
    key: Any = None
    op: Optional[str] = None
    field: Optional[str] = None
    # dataclasses.field in full: the attribute above shadows the name in this class body.
    params: dict = dataclasses.field(default_factory=dict)


@dataclass
class Target:
    """Where a proposal is to be applied."""

    kind: str                      # "wfs", "oapif", "postgis", "gpkg"
    uri: str                       # service URL (OAPIF: the landing page), connection URI or file path
    layer: str                     # typename, collection id or table
    version: str = ""              # WFS version
    authcfg: str = ""


@dataclass
class Review:
    reviewer: str
    role: str                      # steward, dpo, coordinator
    decision: str
    comment: str = ""
    at: Optional[dt.datetime] = None
    # Review round: 1 at the first submission, +1 at each resubmission (after changes
    # were requested, or a rebase); only the current round's approvals count.
    round: int = 1
    partner: str = ""              # the reviewer's partner (whose steward approval it is)


@dataclass
class Comment:
    """One message of a proposal's discussion thread."""

    author: str
    body: str
    at: Optional[dt.datetime] = None
    id: Optional[int] = None


@dataclass
class ApplyAttempt:
    """One attempt to publish a proposal (result: applied, failed, conflict, unknown, undone)."""

    actor: str
    result: str
    details: dict = field(default_factory=dict)
    at: Optional[dt.datetime] = None
    id: Optional[int] = None


@dataclass
class Proposal:
    id: Optional[str]
    dataset: str
    target: Target
    author: str
    partner: str
    title: str = ""
    comment: str = ""
    status: str = DRAFT
    changeset: Optional[ChangeSet] = None
    validation: list = field(default_factory=list)
    reviews: list = field(default_factory=list)
    comments: list = field(default_factory=list)
    created_at: Optional[dt.datetime] = None
    updated_at: Optional[dt.datetime] = None
    version: int = 0               # optimistic-lock counter, bumped at every status change
    # Where the changes lie (territories/places.py): the communes (INSEE codes) they touch,
    # their départements, how many changes touch none (unplaced) and how many geometries
    # lie outside the proposer's territory; the steward partners they route the proposal
    # to (governance/stewardship.py). The PostgreSQL store derives all of them from the
    # change rows at submit, whatever a client wrote; the review round; the apply attempts
    # (ApplyAttempt) recorded so far; when it was last submitted.
    communes: list = field(default_factory=list)
    departements: list = field(default_factory=list)
    unplaced: int = 0
    outside: int = 0
    stewards: list = field(default_factory=list)
    steward_groups: list = field(default_factory=list)   # [[partner ids]]: one approval each
    round: int = 0
    apply_attempts: list = field(default_factory=list)
    submitted_at: Optional[dt.datetime] = None
    # False when the store left the changes out (get_proposal(with_changes=False), and what
    # every status transition returns): ``changeset`` then holds the change set's schema and
    # fingerprint scheme but none of its changes — never apply, count or show them.
    changes_loaded: bool = True
    # Who wrote the change set, as the store knows it (its round writers: the author and
    # whoever rebased it, in any round) and who rebased the current round; a decision by
    # any of them is refused (rules.check_decision). None: the store does not say (the
    # PostgreSQL store keeps its round writers out of the logins' sight).
    writers: Optional[list] = None
    rebased_by: Optional[str] = None
