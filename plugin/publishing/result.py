"""What an apply reports: plain data the caller writes to the audit trail.

Every step (describe, validate, read the current features, each Transaction or SQL batch,
verify, undo) is an :class:`ApplyStep`; the outcome is one of the statuses below.
:meth:`ApplyResult.store_result` maps it onto the proposal store's apply-attempt results
and :attr:`ApplyResult.proposal_status` onto the proposal's next status.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Any, Optional

from ..proposals.model import APPLIED as PROPOSAL_APPLIED
from ..proposals.model import CONFLICT as PROPOSAL_CONFLICT

# Outcomes of one apply.
APPLIED = "applied"                  # everything written and verified
ALREADY_APPLIED = "already_applied"  # a retry found every change already in the data
CONFLICT = "conflict"                # the data changed since the base: nothing written
INVALID = "invalid"                  # the change set does not fit the target's schema: nothing sent
REFUSED = "refused"                  # the target refused part of it; what landed was undone
UNDO_FAILED = "undo_failed"          # refused, and the undo could not restore everything
UNKNOWN = "unknown"                  # the connection failed after sending: retry to find out
CANCELLED = "cancelled"              # the user cancelled while writing; what landed was undone
STATUSES = (APPLIED, ALREADY_APPLIED, CONFLICT, INVALID, REFUSED, UNDO_FAILED, UNKNOWN,
            CANCELLED)

# proposal store apply-attempt results (plugin/proposals/stores/base.py APPLY_RESULTS)
_STORE_RESULTS = {APPLIED: "applied", ALREADY_APPLIED: "applied", CONFLICT: "conflict",
                  INVALID: "failed", REFUSED: "undone", UNDO_FAILED: "failed",
                  UNKNOWN: "unknown", CANCELLED: "undone"}


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass
class ApplyStep:
    name: str                        # describe, validate, read, transaction, sql, verify, undo…
    at: str                          # UTC ISO time the step started
    seconds: float = 0.0
    details: dict = field(default_factory=dict)


@dataclass
class Refusal:
    """One feature the target did not take as proposed, and why."""

    key: Any
    op: str
    message: str                     # the server's / database's own words
    source: str = "server"           # server (its reply), database, verification
    handle: str = ""                 # the WFS action handle

    def to_dict(self) -> dict:
        return {"key": _plain(self.key), "op": self.op, "message": self.message,
                "source": self.source, "handle": self.handle}


def _plain(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).hex()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


@dataclass
class ApplyResult:
    status: str = ""
    target: dict = field(default_factory=dict)      # kind, uri, layer (no credentials)
    proposal_id: Optional[str] = None
    written: dict = field(default_factory=dict)     # {"insert": n, "update": n, "delete": n}
    already: dict = field(default_factory=dict)     # changes found already in the data
    conflicts: list = field(default_factory=list)   # conflicts.Conflict
    problems: list = field(default_factory=list)    # proposals.model.Problem
    refusals: list = field(default_factory=list)    # Refusal
    undo: Optional[dict] = None                     # {"complete": bool, "restored": {...}, "left": [...]}
    inserted: dict = field(default_factory=dict)    # proposal key -> feature id in the target
    steps: list = field(default_factory=list)       # ApplyStep
    error: Optional[dict] = None                    # {"code", "message", "params"} (unknown outcome)
    catalogue: Optional[dict] = None                # the record update's outcome (record_update.py)
    started_at: str = ""
    finished_at: str = ""

    # ------------------------------------------------------------------ steps
    def step(self, name: str, **details) -> ApplyStep:
        entry = ApplyStep(name=name, at=utc_now().isoformat(), details=details)
        entry._t0 = time.perf_counter()
        self.steps.append(entry)
        return entry

    @staticmethod
    def done(entry: ApplyStep, **details) -> None:
        entry.seconds = round(time.perf_counter() - getattr(entry, "_t0", time.perf_counter()), 6)
        entry.details.update(details)

    # ------------------------------------------------------------------ reading
    @property
    def ok(self) -> bool:
        return self.status in (APPLIED, ALREADY_APPLIED)

    @property
    def store_result(self) -> str:
        return _STORE_RESULTS.get(self.status, "failed")

    @property
    def proposal_status(self) -> Optional[str]:
        """applied / conflict when the proposal's status should change, else None."""
        if self.ok:
            return PROPOSAL_APPLIED
        if self.status == CONFLICT:
            return PROPOSAL_CONFLICT
        return None

    def conflict_map(self) -> dict:
        from .conflicts import conflict_map

        return conflict_map(self.conflicts)

    def message(self) -> str:
        """An English summary for logs and headless use (the UI translates from the data)."""
        text = self._data_message()
        if self.catalogue:
            text += f"; catalogue record {self.catalogue.get('record', '')}: " \
                    f"{self.catalogue.get('status', '')}"
            if self.catalogue.get("error"):
                text += f" ({self.catalogue['error'].get('message', '')})"
        return text

    @property
    def catalogue_pending(self) -> bool:
        """The data is applied but the catalogue record was not updated."""
        return self.ok and bool(self.catalogue) and self.catalogue.get("status") != "updated"

    def _data_message(self) -> str:
        if self.status in (APPLIED, ALREADY_APPLIED):
            counts = self.written if self.status == APPLIED else self.already
            return (f"{self.status}: {counts.get('insert', 0)} inserted, "
                    f"{counts.get('update', 0)} updated, {counts.get('delete', 0)} deleted")
        if self.status == CONFLICT:
            return f"conflict: {len(self.conflicts)} feature(s) changed since the proposal"
        if self.status == INVALID:
            return "invalid: " + "; ".join(
                f"{p.code} ({p.key}{', ' + p.field if p.field else ''})" for p in self.problems[:5])
        if self.refusals:
            return f"{self.status}: " + "; ".join(
                f"{r.op} {r.key}: {r.message}" for r in self.refusals[:5])
        if self.error:
            return f"{self.status}: {self.error.get('message', '')}"
        return self.status

    def to_dict(self) -> dict:
        """JSON-safe, for ``store.record_apply_attempt(..., details=result.to_dict())``."""
        return {
            "status": self.status, "target": dict(self.target), "proposal_id": self.proposal_id,
            "written": dict(self.written), "already": dict(self.already),
            "conflicts": [c.to_dict() for c in self.conflicts],
            "problems": [{"code": p.code, "key": _plain(p.key), "op": p.op, "field": p.field,
                          "params": _plain(p.params)} for p in self.problems],
            "refusals": [r.to_dict() for r in self.refusals],
            "undo": _plain(self.undo),
            "inserted": {str(k): _plain(v) for k, v in self.inserted.items()},
            "steps": [{"name": s.name, "at": s.at, "seconds": s.seconds,
                       "details": _plain(s.details)} for s in self.steps],
            "error": _plain(self.error), "catalogue": _plain(self.catalogue),
            "started_at": self.started_at,
            "finished_at": self.finished_at, "message": self.message(),
        }
