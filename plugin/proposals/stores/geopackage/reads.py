"""The reading half of the GeoPackage store: identity, visibility, lists, history, audit.

Split from store.py (the writing half) to keep each module readable; the store
class combines both. Visibility mirrors the PostgreSQL row-level security so both modes
show the same lists — in this mode it is a convenience, not a protection (the file holds
everything).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from typing import Optional

from ....errors import ConcurrentUpdate, PermissionDenied, StoreError, StoreFileError
from ... import rules
from ...model import DRAFT, Proposal
from ..audit import verify_chain
from ..base import (
    ALL,
    MINE,
    MY_PARTNER,
    TO_REVIEW,
    ChangelogEntry,
    Event,
    Identity,
    ProposalSummary,
    catalogue_outcome,
)
from ..row_values import check_proposal_id
from . import rows

loads = rows.loads


class GeoPackageReads:
    """Mixin of GeoPackageStore: needs ``self._conn``, ``self.path``, ``self._nested`` (the
    depth of the store's own transaction) and ``self.login``, ``self._partner``,
    ``self._roles``."""

    @contextmanager
    def _read(self):
        conn = self._conn
        if self._nested:               # inside a write: its transaction is the snapshot
            yield conn
            return
        try:
            conn.execute("BEGIN")      # one snapshot for the several SELECTs of a read
        except sqlite3.Error as error:
            raise store_error(error, self.path) from error
        try:
            yield conn
        except sqlite3.Error as error:
            self._rollback()
            raise store_error(error, self.path) from error
        finally:
            self._rollback()

    def _rollback(self) -> None:
        """End the open transaction, if SQLite has not already (it rolls back by itself on
        SQLITE_FULL, SQLITE_IOERR, some SQLITE_BUSY); a ROLLBACK that fails leaves a hot
        journal, which SQLite plays back at the next open: the connection is reopened."""
        conn = self._conn
        try:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        except sqlite3.Error:
            self._reopen()

    def _identity(self, conn) -> Identity:
        member = rows.member(conn, self.login)
        partner = self._partner if self._partner is not None else (member or {}).get("partner")
        roles = list(self._roles) if self._roles is not None else (member or {}).get("roles", [])
        return Identity(login=self.login, partner=partner, roles=roles, verified=False)

    def _locked(self, conn, proposal_id: str, expected_version: Optional[int]) -> dict:
        row = rows.proposal_row(conn, check_proposal_id(proposal_id))
        if row is None or not self._may_see(conn, row, self._identity(conn)):
            raise StoreError("no such proposal", code="store.not_found", proposal=str(proposal_id))
        if expected_version is not None and row["version"] != expected_version:
            raise ConcurrentUpdate(
                f"the proposal changed meanwhile (version {row['version']}, you saw {expected_version}): "
                f"last change by {row['updated_by']}", proposal=row["id"], version=row["version"],
                seen=expected_version, by=row["updated_by"])
        return row

    def _context(self, conn, row: dict) -> tuple:
        """(stewards, required approvals, approval state) of a proposal row; the stewards
        are the ones its places were routed to at submit (refreshed by sync_convention)."""
        dataset = rows.dataset(conn, row["dataset"]) or {"approval": [], "personal_data": False}
        required = rules.required_approvals(dataset["approval"], dataset["personal_data"])
        stewards = loads(row["stewards"], [])
        groups = loads(row["steward_groups"], []) if row["status"] != DRAFT else None
        state = rules.approval_state(required, rows.reviews_of(conn, row["id"]), row["round"], groups)
        return stewards, required, state

    def _may_see(self, conn, row: dict, ident: Identity) -> bool:
        # The same visibility as the PostgreSQL policies, for the same lists in both modes
        # (not a protection here: the file holds everything).
        return rules.may_see(ident.login, ident.partner, ident.roles, author=row["author"],
                             owner_partner=row["partner"], status=row["status"],
                             stewards=loads(row["stewards"], []))

    # ------------------------------------------------------------------ identity
    def identity(self) -> Identity:
        with self._read() as conn:
            return self._identity(conn)

    def approvals_needed(self, proposal_id: str) -> dict:
        with self._read() as conn:
            row = self._locked(conn, proposal_id, None)
            return self._context(conn, row)[2]

    # ------------------------------------------------------------------ reading
    def get_proposal(self, proposal_id: str, with_changes: bool = True) -> Proposal:
        with self._read() as conn:
            row = self._locked(conn, proposal_id, None)
            return rows.proposal_from_row(conn, row, with_changes)

    def list_proposals(self, scope: str = ALL, status: Optional[str] = None,
                       dataset: Optional[str] = None) -> list:
        out = []
        with self._read() as conn:
            ident = self._identity(conn)
            cur = conn.execute(f"SELECT {rows.PROPOSAL_COLUMNS} FROM proposals "
                               "WHERE (? IS NULL OR status = ?) AND (? IS NULL OR dataset = ?) "
                               "ORDER BY coalesce(submitted_at, created_at) DESC, fid DESC",
                               (status, status, dataset, dataset))
            names = [d[0] for d in cur.description]
            for values in cur.fetchall():
                row = dict(zip(names, values))
                if not self._may_see(conn, row, ident):
                    continue
                stewards, required, state = self._context(conn, row)
                if scope == MINE and row["author"] != self.login:
                    continue
                if scope == MY_PARTNER and row["partner"] != ident.partner:
                    continue
                if scope == TO_REVIEW and not _awaits(ident, row, stewards, required, state,
                                                      rows.reviews_of(conn, row["id"])):
                    continue
                out.append(ProposalSummary(
                    id=row["id"], dataset=row["dataset"], title=row["title"], author=row["author"],
                    partner=row["partner"], status=row["status"], version=row["version"],
                    round=row["round"], created_at=rows.parse_time(row["created_at"]),
                    updated_at=rows.parse_time(row["updated_at"]),
                    submitted_at=rows.parse_time(row["submitted_at"]), counts=rows.counts(conn, row["id"]),
                    approvals=state, departements=loads(row["departements"], []),
                    stewards=stewards, communes=loads(row["communes"], [])))
        return out

    # ------------------------------------------------------------------ history
    def changelog(self, dataset=None, since=None, with_changes: bool = False) -> list:
        out = []
        with self._read() as conn:
            ident = self._identity(conn)
            cur = conn.execute(f"SELECT {rows.PROPOSAL_COLUMNS} FROM proposals WHERE status = 'applied' "
                               "AND (? IS NULL OR dataset = ?) AND (? IS NULL OR updated_at >= ?) "
                               "ORDER BY updated_at, fid",
                               (dataset, dataset, since and rows.format_time(since),
                                since and rows.format_time(since)))
            names = [d[0] for d in cur.description]
            for values in cur.fetchall():
                row = dict(zip(names, values))
                if not self._may_see(conn, row, ident):
                    continue
                proposal = rows.proposal_from_row(conn, row, with_changes)
                out.append(ChangelogEntry(
                    proposal_id=row["id"], dataset=row["dataset"], title=row["title"], comment=row["comment"],
                    author=row["author"], partner=row["partner"],
                    approved_by=[(r.reviewer, r.role, r.at) for r in proposal.reviews
                                 if r.decision == "approve" and r.round == row["round"]],
                    applied_by=row["updated_by"], applied_at=rows.parse_time(row["updated_at"]),
                    counts=rows.counts(conn, row["id"]),
                    changeset=proposal.changeset if with_changes else None,
                    catalogue=catalogue_outcome(proposal.apply_attempts)))
        return out

    def changes_since(self, cursor: int = 0, limit: int = 500) -> tuple:
        events = []
        with self._read() as conn:
            ident = self._identity(conn)
            entries = rows.audit_entries(conn, "WHERE id > ? AND id <= ?", (cursor, cursor + limit))
            for entry in entries:
                cursor = entry.id
                if entry.proposal_id is not None:
                    row = rows.proposal_row(conn, entry.proposal_id)
                    if row is None or not self._may_see(conn, row, ident):
                        continue
                elif "coordinator" not in ident.roles:
                    continue
                events.append(Event(cursor=entry.id, at=entry.at, actor=entry.actor, action=entry.action,
                                    proposal_id=entry.proposal_id, details=entry.details))
        return events, cursor

    def audit_trail(self, proposal_id: Optional[str] = None) -> list:
        with self._read() as conn:
            if proposal_id is None:
                return rows.audit_entries(conn)
            return rows.audit_entries(conn, "WHERE proposal_id = ?", (check_proposal_id(proposal_id),))

    def verify_audit(self):
        with self._read() as conn:
            head = conn.execute("SELECT last_id, last_hash FROM audit_head").fetchone()
            return verify_chain(rows.audit_chain_rows(conn), head)


def _awaits(ident: Identity, row: dict, stewards: list, required: list, state: dict,
            reviews: list) -> bool:
    """Whether ``ident`` may take a decision the proposal still needs (rules.awaits_decision)."""
    return rules.awaits_decision(ident.login, ident.partner, ident.roles, author=row["author"],
                                 status=row["status"], rebased_by=row["rebased_by"], round_=row["round"],
                                 reviews=reviews, stewards=stewards, groups=loads(row["steward_groups"], []),
                                 required=required, state=state)


# SQLite's primary result codes that say the file, not the operation, failed; matched on
# sqlite_errorname (Python >= 3.11) else on SQLite's fixed English text (sqlite3ErrStr),
# which is what QGIS 3.22's Python 3.9 gives.
_CONDITIONS = (
    ("SQLITE_FULL", "database or disk is full", "disk_full"),
    ("SQLITE_READONLY", "readonly database", "read_only"),
    ("SQLITE_BUSY", "database is locked", "locked"),
    ("SQLITE_LOCKED", "database table is locked", "locked"),
    ("SQLITE_CANTOPEN", "unable to open database file", "unopenable"),
    ("SQLITE_IOERR", "disk i/o error", "io_error"),
    ("SQLITE_CORRUPT", "database disk image is malformed", "corrupt"),
    ("SQLITE_NOTADB", "file is not a database", "not_a_database"),
)


def sqlite_condition(error: sqlite3.Error) -> str:
    """disk_full, read_only, locked, unopenable, io_error, corrupt, not_a_database, or ""."""
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    for code, words, condition in _CONDITIONS:
        if name == code or name.startswith(code + "_") or (not name and words in text):
            return condition
    return ""


def store_error(error: sqlite3.Error, path: Optional[str] = None) -> StoreError:
    """The StoreError for an sqlite3 error of the store file ``path``. The caller has
    rolled the transaction back: the errors about the file say nothing was changed."""
    text = str(error)
    if "store.append_only" in text:
        return PermissionDenied("the audit trail is append-only", code="store.append_only")
    condition = sqlite_condition(error)
    where = path or "the GeoPackage"
    if condition == "locked":
        return ConcurrentUpdate(f"{where} is locked: another user or program is writing to it ({text}); "
                                "nothing was changed", code="store.locked", path=path or "")
    if condition:
        return StoreFileError(f"{where}: {text} (nothing was changed)", code=f"store.{condition}",
                              path=path or "", folder=os.path.dirname(os.path.abspath(path)) if path else "",
                              detail=text)
    if isinstance(error, sqlite3.IntegrityError):
        return StoreError(f"the GeoPackage refused a value: {text}", code="store.bad_value")
    return StoreError(f"GeoPackage error: {text}", code="store.file", path=path or "")


def store_os_error(error: OSError, path: str) -> StoreFileError:
    """The StoreFileError for an OSError met preparing the store file ``path`` (its folder)."""
    from ....safe_files import os_condition

    condition = {"disk_full": "disk_full", "too_large": "disk_full", "read_only": "read_only",
                 "permission": "read_only"}.get(os_condition(error), "unopenable")
    detail = error.strerror or str(error)
    return StoreFileError(f"{path}: {detail} (nothing was changed)", code=f"store.{condition}", path=path,
                          folder=os.path.dirname(os.path.abspath(path)), detail=detail)
