"""The PostgreSQL/PostGIS proposal store: identity is the database login.

The database enforces every rule (sql/postgres/: group roles, row-level security,
guard triggers, the append-only audit); this class only sends plain, parameterised
statements and turns refusals into the core's errors (postgres_errors.py). It never
checks a right itself — a check here could be skipped by anyone with psql.

Drafts are also kept in a local GeoPackage outbox (``outbox_path``) from the moment they
are created: a crash or a lost connection loses nothing, and a draft made offline is
uploaded — and submitted, if :meth:`submit_later` was asked — by :meth:`flush_outbox`.

One instance holds one connection and is meant for one thread at a time; give each
worker thread its own store.
"""

from __future__ import annotations

import getpass
import json
import os
from contextlib import contextmanager
from typing import Optional

import psycopg2
from psycopg2.extensions import parse_dsn

from ....errors import ConcurrentUpdate, StoreError
from ...model import APPLIED, CONFLICT, SUBMITTED, WITHDRAWN, ApplyAttempt, Comment, Proposal
from ...serialization import changeset_meta
from ..audit import AuditReport, verify_chain
from ..base import (
    ALL,
    APPLY_RESULTS,
    MINE,
    MY_PARTNER,
    TO_REVIEW,
    ChangelogEntry,
    Identity,
    ProposalStore,
    ProposalSummary,
    catalogue_outcome,
)
from ..migrations import latest_version
from ..row_values import changes_digest, check_proposal_id, new_proposal_id
from . import rows
from .errors import LOCK_NOT_AVAILABLE, store_error
from .notify import Notifications
from .outbox import Outbox

# Every GeoGov session: a lock is waited for at most 10 s (then the user is told the store is
# busy, and the database ends whoever stalls it), and an idle transaction ends after 60 s.
SESSION_OPTIONS = "-c lock_timeout=10s -c idle_in_transaction_session_timeout=60s"


class PostgresStore(ProposalStore):
    kind = "postgres"
    enforces_rights = True

    def __init__(self, dsn: str, outbox_path=None, connect_timeout: int = 10,
                 application_name: str = "GeoGov"):
        self.dsn = dsn
        params = parse_dsn(dsn)
        # No statement waits more than LOCK_TIMEOUT for a lock, and a transaction this
        # session leaves idle ends after IDLE_TIMEOUT (the database's own guard against
        # another's stalled transaction is geogov.release_stalled, called on a wait below).
        options = " ".join(filter(None, (params.get("options"), SESSION_OPTIONS)))
        self._connect_args = {"connect_timeout": connect_timeout, "application_name": application_name,
                              "options": options}
        # Offline, the login is known from the DSN only (libpq's own defaults otherwise).
        self.login = params.get("user") or os.environ.get("PGUSER") or getpass.getuser()
        self._conn = None
        self._claims = None          # whether the database keeps change digests (0009), once asked
        self.outbox = Outbox(outbox_path, self.login) if outbox_path else None

    # ------------------------------------------------------------------ plumbing
    def _connection(self):
        if self._conn is None or self._conn.closed:
            try:
                conn = psycopg2.connect(self.dsn, **self._connect_args)
            except psycopg2.Error as error:
                raise store_error(error) from error
            try:
                self._check_schema(conn)
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    @staticmethod
    def _check_schema(conn) -> None:
        """Refuse a database whose GeoGov schema is not this plugin's: older (its administrator
        has not run the store's set-up since the plugin was updated: the queries would call
        functions it lacks) or newer (a newer plugin's rules would be half understood)."""
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT coalesce(max(version), 0) FROM geogov.schema_version")
                version = cur.fetchone()[0]
            conn.commit()
        except psycopg2.Error as error:
            raise store_error(error) from error
        needed = latest_version("postgres")
        if version < needed:
            raise StoreError(f"the database has GeoGov schema version {version}, older than this "
                             f"plugin's {needed}", code="store.schema_older", version=version, needed=needed)
        if version > needed:
            raise StoreError(f"the database has GeoGov schema version {version}, newer than this "
                             f"plugin's {needed}", code="store.schema_newer", version=version)

    @contextmanager
    def _tx(self):
        conn = self._connection()
        try:
            with conn.cursor() as cur:
                yield cur
            conn.commit()
        except psycopg2.Error as error:
            self._rollback()
            if getattr(error, "pgcode", None) == LOCK_NOT_AVAILABLE:
                self._release_stalled()
            raise store_error(error) from error
        except BaseException:
            self._rollback()
            raise

    def _release_stalled(self) -> None:
        """After a lock wait that timed out: ask the database to end the sessions stalling the
        others (a transaction left open in psql). The operation is not retried here: the
        user is told the store is busy and tries again."""
        conn = self._conn
        if conn is None or conn.closed:
            return
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT geogov.release_stalled()")
            conn.commit()
        except psycopg2.Error:
            self._rollback()

    def _rollback(self):
        conn = self._conn
        if conn is None or conn.closed:
            return
        try:
            conn.rollback()
        except psycopg2.Error:
            # The connection died with the transaction: drop it, the next call reconnects.
            conn.close()

    def close(self) -> None:
        if self._conn is not None and not self._conn.closed:
            self._conn.close()
        self._conn = None
        if self.outbox is not None:
            self.outbox.close()

    def _lock(self, cur, proposal_id, expected_version: Optional[int]) -> dict:
        """Lock the proposal row (first, so every operation takes locks in the same order)."""
        cur.execute("SELECT id::text, version, status, updated_by FROM geogov.proposals "
                    "WHERE id = %s FOR UPDATE", (check_proposal_id(proposal_id),))
        row = cur.fetchone()
        if row is None:
            raise StoreError("no such proposal, or not visible to you", code="store.not_found",
                             proposal=str(proposal_id))
        pid, version, status, updated_by = row
        if expected_version is not None and version != expected_version:
            raise ConcurrentUpdate(f"the proposal changed meanwhile (version {version}, you saw "
                                   f"{expected_version}): last change by {updated_by}",
                                   proposal=pid, version=version, seen=expected_version, by=updated_by)
        return {"id": pid, "version": version, "status": status}

    # ------------------------------------------------------------------ identity
    def identity(self) -> Identity:
        with self._tx() as cur:
            cur.execute("SELECT current_user, geogov.my_partner(), geogov.my_roles()")
            login, partner, roles = cur.fetchone()
        return Identity(login=login, partner=partner, roles=list(roles), verified=True)

    # ------------------------------------------------------------------ authoring
    def create_draft(self, proposal: Proposal) -> Proposal:
        if not proposal.id:
            proposal.id = new_proposal_id(self.login)
        proposal.id = check_proposal_id(proposal.id)
        if self.outbox is not None:
            self.outbox.keep(proposal)
        try:
            stored = self._insert_draft(proposal)
        except StoreError as error:
            if error.code == "store.offline" and self.outbox is not None:
                self.outbox.mark(proposal.id, "local", error=error.message)
                return self.outbox.load(proposal.id)
            raise
        if self.outbox is not None:
            self.outbox.mark(proposal.id, "synced", server_version=stored.version)
        return stored

    def _insert_draft(self, proposal: Proposal) -> Proposal:
        with self._tx() as cur:
            params = rows.content_params(proposal)
            params.update(id=proposal.id, dataset=proposal.dataset)
            cur.execute(
                "INSERT INTO geogov.proposals (id, dataset, target_kind, target_uri, target_layer, "
                "target_version, target_authcfg, title, comment, changeset_meta, validation) "
                "VALUES (%(id)s, %(dataset)s, %(target_kind)s, %(target_uri)s, %(target_layer)s, "
                "%(target_version)s, %(target_authcfg)s, %(title)s, %(comment)s, %(meta)s, "
                "%(validation)s)", params)
            self._write_changes(cur, proposal.id, proposal.changeset, new=True)
            return self._header(cur, proposal.id, proposal.changeset)

    def update_draft(self, proposal: Proposal, expected_version: Optional[int] = None) -> Proposal:
        in_outbox = self.outbox is not None and self.outbox.has(proposal.id)
        try:
            with self._tx() as cur:
                self._lock(cur, proposal.id, expected_version)
                self._write_changes(cur, proposal.id, proposal.changeset)
                cur.execute(
                    "UPDATE geogov.proposals SET title = %(title)s, comment = %(comment)s, "
                    "changeset_meta = %(meta)s, validation = %(validation)s, "
                    "target_kind = %(target_kind)s, "
                    "target_uri = %(target_uri)s, target_layer = %(target_layer)s, "
                    "target_version = %(target_version)s, target_authcfg = %(target_authcfg)s "
                    "WHERE id = %(id)s",
                    dict(rows.content_params(proposal), id=proposal.id))
                stored = self._header(cur, proposal.id, proposal.changeset)
        except StoreError as error:
            if error.code != "store.offline" or not in_outbox:
                raise
            # Offline: the edit is kept locally and goes up with the next flush_outbox().
            self.outbox.keep(proposal, "local", error=error.message)
            return self.outbox.load(proposal.id)
        if in_outbox:
            self.outbox.keep(stored)
        return stored

    def submit(self, proposal_id: str, expected_version: Optional[int] = None) -> Proposal:
        return self._set_status(proposal_id, SUBMITTED, expected_version)

    def withdraw(self, proposal_id: str, expected_version: Optional[int] = None) -> Proposal:
        return self._set_status(proposal_id, WITHDRAWN, expected_version)

    def _set_status(self, proposal_id, status, expected_version, details=None) -> Proposal:
        with self._tx() as cur:
            locked = self._lock(cur, proposal_id, expected_version)
            if locked["status"] == status:
                # To the database an UPDATE to the same status is no transition at all (the
                # reviews trigger relies on it for partial approvals); to the caller it is one.
                raise StoreError(f"illegal status transition {status} -> {status}", code="store.transition",
                                 old=status, new=status)
            if details is not None:
                cur.execute("SELECT set_config('geogov.status_details', %s, true)", (json.dumps(details),))
            cur.execute("UPDATE geogov.proposals SET status = %s WHERE id = %s", (status, proposal_id))
            return self._header(cur, proposal_id)

    # ------------------------------------------------------------------ offline drafts
    def submit_later(self, proposal_id: str) -> None:
        """Queue a draft of the outbox for submission at the next :meth:`flush_outbox`."""
        if self.outbox is None or not self.outbox.has(proposal_id):
            raise StoreError("this draft is not in the local outbox", code="store.not_found",
                             proposal=str(proposal_id))
        self.outbox.mark(proposal_id, "submit_pending")

    def flush_outbox(self) -> dict:
        """Upload the outbox's local drafts (and submit the queued ones): {id: outcome}.

        Outcome: "uploaded", "submitted", or the error code that stopped it (the entry
        stays in the outbox; "store.offline" stops the whole flush).
        """
        out = {}
        if self.outbox is None:
            return out
        for proposal_id, state in self.outbox.pending():
            try:
                if state in ("local", "submit_pending") and not self._exists(proposal_id):
                    self._insert_draft(self.outbox.load(proposal_id))
                    out[proposal_id] = "uploaded"
                if state == "submit_pending":
                    stored = self.submit(proposal_id)
                    out[proposal_id] = "submitted"
                else:
                    stored = self.get_proposal(proposal_id, with_changes=False)
                self.outbox.mark(proposal_id, "synced", server_version=stored.version)
            except StoreError as error:
                self.outbox.mark(proposal_id, state, error=f"{error.code}: {error.message}")
                out[proposal_id] = error.code
                if error.code == "store.offline":
                    break
        return out

    def _exists(self, proposal_id: str) -> bool:
        with self._tx() as cur:
            cur.execute("SELECT 1 FROM geogov.proposals WHERE id = %s", (proposal_id,))
            return cur.fetchone() is not None

    # ------------------------------------------------------------------ review
    def review(self, proposal_id: str, decision: str, comment: str = "", *, role: Optional[str] = None,
               expected_version: Optional[int] = None) -> Proposal:
        # No lock and no check here: the reviews trigger locks the proposal row, compares
        # the version and judges the reviewer — the same path as plain SQL.
        with self._tx() as cur:
            cur.execute("INSERT INTO geogov.reviews (proposal_id, decision, comment, role, proposal_version) "
                        "VALUES (%s, %s, %s, %s, %s)",
                        (check_proposal_id(proposal_id), decision, comment or "", role, expected_version))
            return self._header(cur, proposal_id)

    def add_comment(self, proposal_id: str, body: str) -> Comment:
        with self._tx() as cur:
            cur.execute("INSERT INTO geogov.comments (proposal_id, body) VALUES (%s, %s) "
                        "RETURNING id, author, at", (check_proposal_id(proposal_id), body))
            cid, author, at = cur.fetchone()
        return Comment(author=author, body=body, at=at, id=cid)

    def approvals_needed(self, proposal_id: str) -> dict:
        with self._tx() as cur:
            cur.execute("SELECT geogov.approval_state(id, round, dataset) FROM geogov.proposals "
                        "WHERE id = %s", (check_proposal_id(proposal_id),))
            row = cur.fetchone()
        if row is None:
            raise StoreError("no such proposal, or not visible to you", code="store.not_found")
        return _ordered_state(row[0])

    def _write_changes(self, cur, proposal_id: str, changeset, new: bool = False) -> None:
        """Replace the proposal's change rows with ``changeset``'s, unless this login wrote
        exactly these (its claim on the current rows is the change set's digest): a draft
        whose title or comment only changed keeps its rows. ``new``: a proposal just
        inserted (no rows yet to compare). The database's guards judge every row written."""
        digest = changes_digest(changeset) if self._keeps_claims(cur) else None
        if digest is not None and not new:
            cur.execute("SELECT geogov.changes_digest(%s)", (proposal_id,))
            if cur.fetchone()[0] == digest:
                return
        rows.write_changes(cur, proposal_id, changeset)
        if digest is not None:
            cur.execute("SELECT geogov.claim_changes(%s, %s)", (proposal_id, digest))

    def _keeps_claims(self, cur) -> bool:
        """Whether the database has the change digests of migration 0009 (a plugin newer than
        its database still saves drafts, writing every row as before)."""
        if self._claims is None:
            cur.execute("SELECT to_regprocedure('geogov.claim_changes(uuid, text)') IS NOT NULL")
            self._claims = bool(cur.fetchone()[0])
        return self._claims

    # ------------------------------------------------------------------ reading
    def _row(self, cur, proposal_id: str) -> dict:
        cur.execute(f"SELECT {rows.PROPOSAL_COLUMNS} FROM geogov.proposals p WHERE p.id = %s",
                    (check_proposal_id(proposal_id),))
        found = rows.fetch_dicts(cur)
        if not found:
            raise StoreError("no such proposal, or not visible to you", code="store.not_found",
                             proposal=str(proposal_id))
        return found[0]

    def _header(self, cur, proposal_id: str, changeset=None) -> Proposal:
        """The proposal as this transaction leaves it, without reading its changes back:
        ``changeset`` (the one just written) when given, else none of them (changes_loaded
        False)."""
        return rows.proposal_from_row(cur, self._row(cur, proposal_id), False, changeset)

    def _get(self, cur, proposal_id: str, with_changes: bool) -> Proposal:
        return rows.proposal_from_row(cur, self._row(cur, proposal_id), with_changes)

    def get_proposal(self, proposal_id: str, with_changes: bool = True) -> Proposal:
        with self._tx() as cur:
            return self._get(cur, proposal_id, with_changes)

    def list_proposals(self, scope: str = ALL, status: Optional[str] = None,
                       dataset: Optional[str] = None) -> list:
        # MINE compares with the login as a value: under row-level security, a comparison
        # with current_user (a cast) or a subquery is not leakproof, so PostgreSQL would
        # read every row through the policy instead of the author index.
        where = {ALL: "true", MINE: "p.author = %(me)s",
                 MY_PARTNER: "p.partner = (SELECT geogov.my_partner())", TO_REVIEW: rows.AWAITS_ME}
        if scope not in where:
            raise StoreError(f"unknown scope {scope!r}", code="store.bad_value", value=scope)
        with self._tx() as cur:
            cur.execute("SELECT CAST(current_user AS text)")
            me = cur.fetchone()[0]
            # Fixed fragments only are spliced; values go as parameters.
            cur.execute(f"SELECT {rows.PROPOSAL_COLUMNS}, {rows.COUNTS}, "
                        f"{rows.APPROVALS} AS approvals "
                        f"FROM geogov.proposals p WHERE {where[scope]} "
                        "AND (%(status)s::text IS NULL OR p.status = %(status)s) "
                        "AND (%(dataset)s::text IS NULL OR p.dataset = %(dataset)s) "
                        "ORDER BY coalesce(p.submitted_at, p.created_at) DESC, p.id",
                        {"status": status, "dataset": dataset, "me": me})
            found = rows.fetch_dicts(cur)
        return [ProposalSummary(
            id=r["id"], dataset=r["dataset"], title=r["title"], author=r["author"], partner=r["partner"],
            status=r["status"], version=r["version"], round=r["round"], created_at=r["created_at"],
            updated_at=r["updated_at"], submitted_at=r["submitted_at"], counts=r["counts"],
            approvals=_ordered_state(r["approvals"]), departements=list(r["departements"]),
            stewards=list(r["stewards"]), communes=list(r["communes"])) for r in found]

    # ------------------------------------------------------------------ apply
    def record_apply_attempt(self, proposal_id: str, result: str, details: Optional[dict] = None
                             ) -> ApplyAttempt:
        if result not in APPLY_RESULTS:
            raise StoreError(f"unknown apply result {result!r}", code="store.bad_value", value=result)
        with self._tx() as cur:
            self._lock(cur, proposal_id, None)
            cur.execute("INSERT INTO geogov.apply_attempts (proposal_id, result, details) "
                        "VALUES (%s, %s, %s) RETURNING id, actor, at",
                        (proposal_id, result, rows.Json(details or {})))
            aid, actor, at = cur.fetchone()
        return ApplyAttempt(actor=actor, result=result, details=details or {}, at=at, id=aid)

    def mark_applied(self, proposal_id: str, expected_version: Optional[int] = None,
                     details: Optional[dict] = None) -> Proposal:
        return self._set_status(proposal_id, APPLIED, expected_version, details or {})

    def mark_conflict(self, proposal_id: str, expected_version: Optional[int] = None,
                      details: Optional[dict] = None) -> Proposal:
        return self._set_status(proposal_id, CONFLICT, expected_version, details or {})

    def send_back(self, proposal_id: str, reason: str, expected_version: Optional[int] = None) -> Proposal:
        return self._set_status(proposal_id, "changes_requested", expected_version, {"reason": reason})

    def rebase(self, proposal_id: str, changeset, expected_version: Optional[int] = None,
               comment: str = "") -> Proposal:
        with self._tx() as cur:
            self._lock(cur, proposal_id, expected_version)
            self._write_changes(cur, proposal_id, changeset)
            cur.execute("UPDATE geogov.proposals SET changeset_meta = %s, status = 'submitted' WHERE id = %s",
                        (rows.Json(changeset_meta(changeset)), proposal_id))
            if comment.strip():
                cur.execute("INSERT INTO geogov.comments (proposal_id, body) VALUES (%s, %s)",
                            (proposal_id, comment))
            return self._header(cur, proposal_id, changeset)

    # ------------------------------------------------------------------ history
    def changelog(self, dataset=None, since=None, with_changes: bool = False) -> list:
        out = []
        with self._tx() as cur:
            cur.execute(f"SELECT {rows.PROPOSAL_COLUMNS}, {rows.COUNTS} FROM geogov.proposals p "
                        "WHERE p.status = 'applied' "
                        "AND (%(dataset)s::text IS NULL OR p.dataset = %(dataset)s) "
                        "AND (%(since)s::timestamptz IS NULL OR p.updated_at >= %(since)s) "
                        "ORDER BY p.updated_at, p.id", {"dataset": dataset, "since": since})
            found = rows.fetch_dicts(cur)
            ids = [row["id"] for row in found]
            reviews, attempts = rows.reviews_of(cur, ids), rows.attempts_of(cur, ids)
            for row in found:
                changeset = rows.proposal_from_row(cur, row, True).changeset if with_changes else None
                out.append(ChangelogEntry(
                    proposal_id=row["id"], dataset=row["dataset"], title=row["title"], comment=row["comment"],
                    author=row["author"], partner=row["partner"],
                    approved_by=[(r.reviewer, r.role, r.at) for r in reviews.get(row["id"], [])
                                 if r.decision == "approve" and r.round == row["round"]],
                    applied_by=row["updated_by"], applied_at=row["updated_at"], counts=row["counts"],
                    changeset=changeset,
                    catalogue=catalogue_outcome(attempts.get(row["id"], []))))
        return out

    def changes_since(self, cursor: int = 0, limit: int = 500) -> tuple:
        with self._tx() as cur:
            cur.execute("SELECT id, at, actor, action, proposal_id::text, details FROM geogov.audit "
                        "WHERE id > %s ORDER BY id LIMIT %s", (cursor, limit))
            events = [rows.event(r) for r in cur.fetchall()]
        return events, (events[-1].cursor if events else cursor)

    def audit_trail(self, proposal_id: Optional[str] = None) -> list:
        with self._tx() as cur:
            cur.execute("SELECT id, at, actor, action, proposal_id::text, details, prev_hash, row_hash "
                        "FROM geogov.audit WHERE %(p)s::uuid IS NULL OR proposal_id = %(p)s ORDER BY id",
                        {"p": None if proposal_id is None else check_proposal_id(proposal_id)})
            return [rows.audit_entry(r) for r in cur.fetchall()]

    def verify_audit(self):
        """Recompute the chain in Python when this login reads every row (a coordinator);
        otherwise ask the database's own geogov.verify_audit(). One snapshot (rows appended
        meanwhile are not taken for a cut-off end), rows streamed (a year is ~10^6 rows)."""
        with self._tx() as cur:
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cur.execute("SELECT 'coordinator' = ANY (geogov.my_roles())")
            if cur.fetchone()[0]:
                cur.execute("SELECT last_id, last_hash FROM geogov.audit_head")
                head = cur.fetchone()
                with self._conn.cursor(name="geogov_audit_chain") as chain:
                    chain.itersize = 20_000
                    chain.execute("SELECT id, prev_hash, row_hash, geogov.audit_canonical(id, at, actor, "
                                  "action, proposal_id, details) FROM geogov.audit ORDER BY id")
                    return verify_chain(chain, head)
            cur.execute("SELECT ok, checked, head_id, head_hash, first_bad_id, reason "
                        "FROM geogov.verify_audit()")
            return AuditReport(*cur.fetchone())

    def verify_audit_since(self):
        """The database's check of the rows after the last head it verified (migration 0010;
        a database without it verifies the whole chain). Only the database records a
        verified head, after verifying up to it: no client's word moves it."""
        with self._tx() as cur:
            cur.execute("SELECT to_regprocedure('geogov.verify_audit_incremental()') IS NOT NULL")
            if cur.fetchone()[0]:
                cur.execute("SELECT ok, checked, head_id, head_hash, first_bad_id, reason, from_id "
                            "FROM geogov.verify_audit_incremental()")
                return AuditReport(*cur.fetchone())
        return self.verify_audit()

    # ------------------------------------------------------------------ notifications
    def listen(self) -> Notifications:
        """A LISTEN connection on the ``geogov`` channel (see :class:`Notifications`)."""
        return Notifications(self.dsn, self._connect_args)


def _ordered_state(state: dict) -> dict:
    order = ("steward", "dpo", "coordinator")
    return {role: state[role] for role in sorted(state, key=lambda r: order.index(r) if r in order else 9)}
