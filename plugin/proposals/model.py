"""Plain data of proposals: features, change sets, proposals, statuses.

Geometries travel as ISO WKB bytes (``None`` for no geometry); attribute values as
plain Python values (str, int, float, bool, None, datetime.date/datetime, bytes).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Optional

INSERT, UPDATE, DELETE = "insert", "update", "delete"

# Proposal statuses and the legal transitions between them. The PostgreSQL store
# enforces the same table in a trigger (plugin/proposals/sql/); keep them in step.
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
    APPROVED: {APPLIED, CONFLICT},
    CONFLICT: {SUBMITTED},      # a rebased proposal goes back to review
    REJECTED: set(),
    APPLIED: set(),
    WITHDRAWN: set(),
}

# Review decisions.
APPROVE, REJECT, REQUEST_CHANGES = "approve", "reject", "request_changes"
DECISIONS = (APPROVE, REJECT, REQUEST_CHANGES)


@dataclass
class FieldDef:
    name: str
    type: str = "string"      # string, integer, real, boolean, date, datetime, binary
    nullable: bool = True
    length: int = 0


@dataclass
class Schema:
    fields: list = field(default_factory=list)   # FieldDef, in order
    key: str = "fid"                             # the stable identifier field
    geometry_type: str = ""                      # Point, LineString, Polygon, Multi…, "" = none
    crs: str = ""                                # "EPSG:2154"

    def field(self, name: str) -> Optional[FieldDef]:
        for f in self.fields:
            if f.name == name:
                return f
        return None


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


@dataclass
class ChangeSet:
    schema: Schema
    changes: list = field(default_factory=list)

    def counts(self) -> dict:
        out = {INSERT: 0, UPDATE: 0, DELETE: 0}
        for change in self.changes:
            out[change.op] += 1
        return out

    def __len__(self):
        return len(self.changes)


@dataclass
class Target:
    """Where a proposal is to be applied."""

    kind: str                      # "wfs", "postgis", "gpkg"
    uri: str                       # service URL, connection URI or file path
    layer: str                     # typename or table
    version: str = ""              # WFS version
    authcfg: str = ""


@dataclass
class Review:
    reviewer: str
    role: str                      # steward, dpo, coordinator
    decision: str
    comment: str = ""
    at: Optional[dt.datetime] = None


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
