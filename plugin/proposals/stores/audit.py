"""The audit trail's hash chain: canonical rows, hashes and verification.

Each audit row stores ``prev_hash`` (the previous row's ``row_hash``; 64 zeros for the
first) and ``row_hash = sha256(prev_hash + canonical)`` in lower-case hex, where
``canonical`` is the row's content as a canonical JSON text:

- GeoPackage store: :func:`canonical_json` of {id, at, actor, action, proposal, details}
  (keys sorted, no spaces, UTF-8);
- PostgreSQL store: ``geogov.audit_canonical(...)``, the ``jsonb`` text of the same
  object (jsonb prints its keys in a fixed order); the verifier reads that text from the
  database and recomputes the hashes itself.

Rows are numbered without gaps (id = previous id + 1) and a one-row ``audit_head`` table
holds the last id and hash, so a deleted, inserted, reordered or edited row, and rows cut
off the end, all break verification. What a chain cannot prove: someone able to rewrite
every row after the one they changed *and* the head (a PostgreSQL superuser, or anyone
with the GeoPackage file) can forge a consistent chain. Keep a copy of the head hash
elsewhere (it is in every :class:`AuditReport`) to detect that too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Iterable, Optional

GENESIS = "0" * 64


def format_at(at: dt.datetime) -> str:
    """UTC, microseconds, ``Z``: the same text as the SQL ``to_char`` in audit_canonical."""
    if at.tzinfo is not None:
        at = at.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_json(row_id: int, at: str, actor: str, action: str, proposal_id: Optional[str],
                   details: dict) -> str:
    return json.dumps({"id": row_id, "at": at, "actor": actor, "action": action,
                       "proposal": proposal_id, "details": details},
                      sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(prev_hash: str, canonical: str) -> str:
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


@dataclass
class AuditReport:
    ok: bool
    checked: int                     # rows verified
    head_id: int                     # last row id (0 when empty)
    head_hash: str                   # keep it elsewhere to detect a rewritten chain
    first_bad_id: Optional[int] = None
    reason: str = ""                 # "", "content", "link", "gap", "head"
    verified_from: int = 0           # incremental check: the verified head it started after


def verify_chain(rows: Iterable, head: Optional[tuple] = None) -> AuditReport:
    """Check (id, prev_hash, row_hash, canonical) rows, in id order, against ``head`` (last_id, last_hash).

    "content": a row's hash does not match its content (it was edited);
    "link": a row does not point at the previous one; "gap": an id is missing;
    "head": the head names another last row (rows cut off the end, or added).
    """
    expected_prev, expected_id, checked, last_id = GENESIS, 1, 0, 0
    for row_id, prev_hash, row_hash, canonical in rows:
        if row_id != expected_id:
            return AuditReport(False, checked, last_id, expected_prev, row_id, "gap")
        if prev_hash != expected_prev:
            return AuditReport(False, checked, last_id, expected_prev, row_id, "link")
        if chain_hash(prev_hash, canonical) != row_hash:
            return AuditReport(False, checked, last_id, expected_prev, row_id, "content")
        expected_prev, expected_id, last_id = row_hash, row_id + 1, row_id
        checked += 1
    if head is not None and (head[0], head[1]) != (last_id, expected_prev):
        return AuditReport(False, checked, last_id, expected_prev, last_id + 1, "head")
    return AuditReport(True, checked, last_id, expected_prev)
