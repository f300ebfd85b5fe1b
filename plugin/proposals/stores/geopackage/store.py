"""The GeoPackage proposal store: one file, stdlib sqlite3, no server.

Meant for a small team sharing the file on a drive. What that means here:

- **No access control** (``enforces_rights = False``): the identity is whatever login
  the plugin settings hold. The workflow rules (rules.py) are still applied in code —
  illegal transitions, self-review, decisions by non-stewards are refused — but they are
  advisory: anyone with the file and an SQLite tool can bypass them.
- **Concurrent writers**: every write is one ``BEGIN IMMEDIATE`` transaction (SQLite's
  write lock, taken before reading what is checked) with a busy timeout, and decisions
  check the proposal's ``version`` counter: of two users deciding the same proposal at
  once, the second gets ConcurrentUpdate instead of overwriting the first.
- **A file that cannot be written** (the disk full, a read-only file or folder, a lock
  another program keeps): the transaction is rolled back — by SQLite itself for
  SQLITE_FULL / SQLITE_IOERR, which the rollback here allows for — and the error says which
  (reads.store_error: store.disk_full, store.read_only, store.locked,
  store.unopenable, store.io_error), with the file's path. The file holds what it held
  before; a new file is created with its GeoPackage header and every table in one
  transaction, and removed again if that fails.
- **Journal mode**: a new file is created in rollback-journal (DELETE) mode, because
  SQLite's WAL mode needs shared memory and does not work on network file systems. The
  file must not be put on a share whose locking is broken (some NFS/SMB set-ups): SQLite
  cannot be safe there, nothing in this module can change that.
- **Audit**: an append-only, hash-chained table; SQLite triggers refuse UPDATE/DELETE, and
  a determined user who edits the file anyway is caught by :meth:`verify_audit` unless
  they recompute the whole chain after their edit.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from contextlib import contextmanager
from typing import Optional

from ....errors import PermissionDenied, StoreError
from ... import rules
from ...model import (
    APPLIED,
    APPROVED,
    CONFLICT,
    DRAFT,
    SUBMITTED,
    WITHDRAWN,
    ApplyAttempt,
    Comment,
    Proposal,
)
from ...serialization import change_to_row, changeset_from_meta, changeset_meta, problems_to_list
from ..audit import canonical_json, chain_hash
from ..base import (
    APPLY_RESULTS,
    ProposalStore,
)
from ..convention_tables import convention_rows
from ..migrations import migrate_sqlite
from ..row_values import (
    changes_digest,
    check_proposal_id,
    counts_of,
    new_proposal_id,
    srs_id_of,
    utc_now,
)
from . import rows
from .file_format import APPLICATION_ID, USER_VERSION, ensure_change_views, to_gpkg_blob
from .reads import GeoPackageReads, store_error

dumps, loads = rows.dumps, rows.loads


def _digestible(value):
    """json.dumps of the convention rows: a geometry (bytes) by its hash."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return hashlib.sha256(bytes(value)).hexdigest()
    return str(value)


def _remove_if_empty(path: str) -> None:
    """After a failed creation: the empty file sqlite3.connect made is not left behind."""
    try:
        if os.path.getsize(path) == 0 and not os.path.exists(path + "-journal"):
            os.remove(path)
    except OSError:
        pass


def partner_geometry(conn, partner_id: str):
    row = conn.execute("SELECT geometry FROM partners WHERE id = ?", (partner_id,)).fetchone()
    return None if row is None or row[0] is None else bytes(row[0])


class GeoPackageStore(GeoPackageReads, ProposalStore):
    kind = "gpkg"
    enforces_rights = False

    def __init__(self, path, login: str, partner: Optional[str] = None, roles: Optional[list] = None,
                 busy_timeout: float = 15.0, reference=None):
        """Open (or create) the store file. ``partner``/``roles`` override the convention's
        entry for ``login`` (synced with :meth:`sync_convention`). ``reference``: the
        convention's territory reference, from which the places of a proposal are derived at
        submit (territories/places.py); without one, the places the client computed are kept."""
        self.reference = reference
        if not login:
            raise StoreError("a login is needed (plugin settings)", code="store.unknown_member")
        self.path = os.fspath(path)
        self.login = login
        self._partner, self._roles = partner, roles
        self._busy_timeout = busy_timeout
        self._nested = 0
        self._conn = None
        existed = os.path.exists(self.path)
        new = not existed or os.path.getsize(self.path) == 0
        try:
            try:
                self._connect()
                if new:
                    # WAL needs shared memory, which network shares do not give. Nothing is
                    # written yet: the header goes in the same transaction as the tables, so
                    # a failure (the disk full, the folder read-only) leaves no half-made store.
                    self._conn.execute("PRAGMA journal_mode = DELETE")
                header = (f"PRAGMA application_id = {APPLICATION_ID}",
                          f"PRAGMA user_version = {USER_VERSION}") if new else ()
                migrate_sqlite(self._conn, rows.format_time(utc_now()), header)
            except sqlite3.Error as error:
                raise store_error(error, self.path) from error
        except StoreError as error:
            self.close()
            if not existed and error.code != "store.locked":   # locked: someone else is creating it
                _remove_if_empty(self.path)
            raise

    def _connect(self) -> None:
        # isolation_level None: we issue BEGIN IMMEDIATE ourselves. check_same_thread off:
        # the bridge may read on a QgsTask thread; one store is still used by one thread at a time.
        self._conn = sqlite3.connect(self.path, timeout=self._busy_timeout, isolation_level=None,
                                     check_same_thread=False)
        self._conn.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout * 1000)}")
        self._conn.execute("PRAGMA foreign_keys = ON")

    def _reopen(self) -> None:
        """After a ROLLBACK that failed: a fresh connection (SQLite plays the hot journal
        back when it next reads the file)."""
        try:
            self._conn.close()
        except sqlite3.Error:
            pass
        try:
            self._connect()
        except sqlite3.Error:
            pass       # the next operation says why the file cannot be opened

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # ------------------------------------------------------------------ plumbing
    @contextmanager
    def _write(self):
        """One transaction (BEGIN IMMEDIATE: the write lock first) around a write; any
        failure rolls all of it back, so the file holds what it held before. Nested in
        another ``_write`` of this store, it is part of that one's transaction."""
        conn = self._conn
        if self._nested:
            self._nested += 1
            try:
                yield conn
            finally:
                self._nested -= 1
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise store_error(error, self.path) from error
        self._nested = 1
        try:
            yield conn
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            raise store_error(error, self.path) from error
        except BaseException:
            self._rollback()
            raise
        finally:
            self._nested = 0

    def _audit(self, conn, action: str, proposal_id: Optional[str], details: dict) -> int:
        last_id, last_hash = conn.execute("SELECT last_id, last_hash FROM audit_head").fetchone()
        row_id, at = last_id + 1, rows.format_time(utc_now())
        row_hash = chain_hash(last_hash, canonical_json(row_id, at, self.login, action, proposal_id, details))
        conn.execute("INSERT INTO audit (id, at, actor, action, proposal_id, details, prev_hash, row_hash) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (row_id, at, self.login, action, proposal_id, dumps(details), last_hash, row_hash))
        conn.execute("UPDATE audit_head SET last_id = ?, last_hash = ?", (row_id, row_hash))
        return row_id

    def _set_status(self, conn, row: dict, new_status: str, action: str = "status", extra=None) -> None:
        rules.check_transition(row["status"], new_status)
        if new_status == SUBMITTED:
            self._place(conn, row)
        now = rows.format_time(utc_now())
        round_, submitted_at, rebased_by = row["round"], row["submitted_at"], row["rebased_by"]
        if new_status == SUBMITTED:
            round_, submitted_at = round_ + 1, now
            # The rebaser wrote this round's change set: like an author, not its reviewer.
            rebased_by = self.login if row["status"] == CONFLICT else None
        conn.execute("UPDATE proposals SET status = ?, version = version + 1, round = ?, submitted_at = ?, "
                     "updated_at = ?, updated_by = ?, rebased_by = ? WHERE id = ?",
                     (new_status, round_, submitted_at, now, self.login, rebased_by, row["id"]))
        details = {"from": row["status"], "to": new_status, "dataset": row["dataset"],
                   "status": new_status, "version": row["version"] + 1, "round": round_}
        if new_status == SUBMITTED:
            details["counts"] = rows.counts(conn, row["id"])
        details.update(extra or {})
        self._audit(conn, action, row["id"], details)

    def _client_places(self, proposal) -> tuple:
        """(departements, communes, unplaced, outside) to store with a draft: the client's
        when this store cannot derive them, else none (they are derived at submit)."""
        if self.reference is not None:
            return dumps([]), dumps([]), 0, 0
        return (dumps(list(proposal.departements)), dumps(list(proposal.communes)), int(proposal.unplaced),
                int(proposal.outside))

    def _place(self, conn, row: dict) -> None:
        """At submit: the places of the changes (derived from the stored rows when the store
        has the territory reference), the proposer's territory rule, and the stewards."""
        partner = rows.partner(conn, row["partner"])
        dataset = rows.dataset(conn, row["dataset"])
        communes, unplaced = loads(row["communes"], []), row["unplaced"]
        outside = row["outside"]
        if self.reference is not None and rows.has_convention(conn):
            from ....territories.places import TerritorySet, locate

            # Only what locate reads: the geometries, no attribute decoded.
            meta = loads(row["changeset_meta"], {})
            changeset = changeset_from_meta(meta, rows.geometry_changes(conn, row["id"])) if meta else None
            territory = None
            if partner is not None and not partner["everywhere"]:
                territory = TerritorySet(communes=frozenset(partner["communes"]),
                                         extra=partner_geometry(conn, partner["id"]))
            if changeset is not None and changeset.changes:
                placement = locate(changeset, self.reference, territory)
                communes, unplaced, outside = placement.communes, placement.unplaced, len(placement.outside)
                departements = placement.departements
            else:
                communes, unplaced, outside, departements = [], 0, 0, []
            conn.execute("UPDATE proposals SET communes = ?, departements = ?, unplaced = ?, outside = ? "
                         "WHERE id = ?", (dumps(communes), dumps(departements), unplaced, outside, row["id"]))
        if partner is not None and dataset is not None:
            rules.check_territory(partner, dataset, outside)
        stewards, groups = rules.steward_routing(rows.stewardships(conn, row["dataset"]), row["dataset"],
                                                 communes, bool(unplaced))
        conn.execute("UPDATE proposals SET stewards = ?, steward_groups = ? WHERE id = ?",
                     (dumps(stewards), dumps(groups), row["id"]))
        row["stewards"], row["steward_groups"] = dumps(stewards), dumps(groups)

    def _reroute(self, conn) -> None:
        """After a convention change: the stewards of every proposal past its draft."""
        for pid, dataset, communes, unplaced in conn.execute(
                "SELECT id, dataset, communes, unplaced FROM proposals WHERE status <> 'draft'").fetchall():
            stewards, groups = rules.steward_routing(rows.stewardships(conn, dataset), dataset,
                                                     loads(communes, []), bool(unplaced))
            conn.execute("UPDATE proposals SET stewards = ?, steward_groups = ? WHERE id = ?",
                         (dumps(stewards), dumps(groups), pid))

    def _header(self, conn, proposal_id: str, changeset=None) -> Proposal:
        """The proposal as this transaction leaves it, without reading its changes back:
        ``changeset`` (the one just written) when given, else none of them (changes_loaded
        False)."""
        return rows.proposal_from_row(conn, rows.proposal_row(conn, proposal_id), False, changeset)

    def _write_changes(self, conn, proposal_id: str, changeset, stored_digest: str = "") -> None:
        """Replace the change rows with ``changeset``'s, unless they are its already (the
        digest the rows were written with, ``stored_digest``, is the change set's)."""
        digest = changes_digest(changeset)
        if digest is not None and digest == stored_digest:
            return
        conn.execute("DELETE FROM proposal_changes WHERE proposal_id = ?", (proposal_id,))
        if changeset is not None:
            self._insert_changes(conn, proposal_id, changeset)
        # After the rows: writing them clears the digest (sql/gpkg/0007_changes_digest.sql).
        conn.execute("UPDATE proposals SET changes_digest = ? WHERE id = ?", (digest or "", proposal_id))

    def _insert_changes(self, conn, proposal_id: str, changeset) -> None:
        srs_id = srs_id_of(changeset.schema.crs)
        ensure_change_views(conn, srs_id, rows.format_time(utc_now()))
        for seq, change in enumerate(changeset.changes):
            r = change_to_row(change)
            conn.execute(
                "INSERT INTO proposal_changes (proposal_id, seq, op, feature_key, old_attributes, "
                "new_attributes, changed_fields, geometry_changed, base_fingerprint, srs_id, old_geom, "
                "new_geom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (proposal_id, seq, r["op"], dumps(r["feature_key"]),
                 None if r["old_attributes"] is None else dumps(r["old_attributes"]),
                 None if r["new_attributes"] is None else dumps(r["new_attributes"]),
                 dumps(r["changed_fields"]), int(r["geometry_changed"]), r["base_fingerprint"], srs_id,
                 to_gpkg_blob(r["old_geometry"], srs_id), to_gpkg_blob(r["new_geometry"], srs_id)))

    # ------------------------------------------------------------------ convention
    def sync_convention(self, convention, only_if_changed: bool = False) -> Optional[dict]:
        """Replace the convention tables (partners, members, datasets, stewardships).

        ``only_if_changed``: do nothing (and return None) when the file already holds this
        convention — what the plugin calls each time a user's QGIS loads the convention,
        since in GeoPackage mode there is no administrator to sync it.
        """
        data = convention_rows(convention)
        text = json.dumps(data, sort_keys=True, default=_digestible)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if only_if_changed:
            with self._read() as conn:
                stored = conn.execute("SELECT digest FROM convention_state").fetchone()
            if stored is not None and stored[0] == digest:
                return None
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO convention_state (id, digest, synced_at, synced_by) "
                         "VALUES (1, ?, ?, ?)", (digest, rows.format_time(utc_now()), self.login))
            for table in ("stewardships", "members", "datasets", "partners"):
                conn.execute(f"DELETE FROM {table}")   # fixed table names
            for p in data["partners"]:
                conn.execute("INSERT INTO partners (id, name, kind, communes, everywhere, geometry) "
                             "VALUES (?, ?, ?, ?, ?, ?)",
                             (p["id"], p["name"], p["kind"], dumps(p["communes"]), int(p["everywhere"]),
                              p["geometry"]))
            for m in data["members"]:
                conn.execute("INSERT INTO members VALUES (?, ?, ?, ?, ?)",
                             (m["login"], m["partner"], m["name"], m["email"], dumps(m["roles"])))
            for d in data["datasets"]:
                conn.execute("INSERT INTO datasets (id, title, approval, personal_data, proposers, "
                             "proposers_own_territory, key_field, target_kind, target_uri, target_layer, "
                             "target_srid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             (d["id"], d["title"], dumps(d["approval"]), int(d["personal_data"]),
                              dumps(d["proposers"]), int(d["proposers_own_territory"]), d["key_field"],
                              d["target_kind"], d["target_uri"], d["target_layer"], d["target_srid"]))
            for s in data["stewardships"]:
                conn.execute("INSERT INTO stewardships (dataset, partner, communes, everywhere) "
                             "VALUES (?, ?, ?, ?)", (s["dataset"], s["partner"], dumps(s["communes"]),
                                                     int(s["everywhere"])))
            self._reroute(conn)
            counts = {k: len(v) for k, v in data.items()}
            self._audit(conn, "convention_synced", None, counts)
        return counts

    # ------------------------------------------------------------------ authoring
    def create_draft(self, proposal: Proposal) -> Proposal:
        pid = check_proposal_id(proposal.id) if proposal.id else new_proposal_id()
        with self._write() as conn:
            ident = self._identity(conn)
            partner = ident.partner or proposal.partner
            if not partner:
                raise PermissionDenied("this login is not a member of the convention",
                                       code="store.unknown_member", login=self.login)
            if rows.has_convention(conn):
                rules.check_proposer(rows.partner(conn, partner), rows.dataset(conn, proposal.dataset))
                rules.check_target(rows.dataset(conn, proposal.dataset), proposal.target,
                                   proposal.changeset.schema.crs if proposal.changeset else "")
            if rows.proposal_row(conn, pid) is not None:
                raise StoreError("a proposal with this id already exists", code="store.duplicate",
                                 proposal=pid)
            now = rows.format_time(utc_now())
            t = proposal.target
            conn.execute(
                "INSERT INTO proposals (id, dataset, target_kind, target_uri, target_layer, target_version, "
                "target_authcfg, author, partner, title, comment, status, changeset_meta, validation, "
                "departements, communes, unplaced, outside, round, version, created_at, updated_at, "
                "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, 0, 0, "
                "?, ?, ?)",
                (pid, proposal.dataset, t.kind, t.uri, t.layer, t.version, t.authcfg, self.login, partner,
                 proposal.title, proposal.comment,
                 dumps(changeset_meta(proposal.changeset) if proposal.changeset else {}),
                 dumps(problems_to_list(proposal.validation)), *self._client_places(proposal),
                 now, now, self.login))
            self._write_changes(conn, pid, proposal.changeset)
            conn.execute("INSERT OR IGNORE INTO round_writers VALUES (?, 1, ?)", (pid, self.login))
            self._audit(conn, "created", pid, {"dataset": proposal.dataset, "status": DRAFT,
                                               "partner": partner, "title": proposal.title, "version": 0})
            return self._header(conn, pid, proposal.changeset)

    def update_draft(self, proposal: Proposal, expected_version: Optional[int] = None) -> Proposal:
        with self._write() as conn:
            row = self._locked(conn, proposal.id, expected_version)
            if row["status"] not in rules.EDITABLE:
                raise StoreError(f"a {row['status']} proposal cannot be edited", code="store.not_editable",
                                 status=row["status"])
            rules.check_edit(self.login, row["author"], row["status"], may_rebase=False)
            if rows.has_convention(conn):
                rules.check_proposer(rows.partner(conn, row["partner"]), rows.dataset(conn, row["dataset"]))
                rules.check_target(rows.dataset(conn, row["dataset"]), proposal.target,
                                   proposal.changeset.schema.crs if proposal.changeset else "")
            self._replace_content(conn, row, proposal.title, proposal.comment, proposal.changeset,
                                  proposal.validation, proposal)
            self._audit(conn, "edited", row["id"], {"dataset": row["dataset"], "status": row["status"],
                                                    "version": row["version"] + 1,
                                                    "counts": counts_of(proposal.changeset)})
            return self._header(conn, row["id"], proposal.changeset)

    def _replace_content(self, conn, row, title, comment, changeset, validation, places) -> None:
        """``places``: a Proposal whose communes/departements/unplaced/outside the client
        computed (kept when the store has no territory reference to derive them)."""
        conn.execute("UPDATE proposals SET title = ?, comment = ?, changeset_meta = ?, validation = ?, "
                     "departements = ?, communes = ?, unplaced = ?, outside = ?, version = version + 1, "
                     "updated_at = ?, updated_by = ? WHERE id = ?",
                     (title, comment, dumps(changeset_meta(changeset) if changeset else {}),
                      dumps(problems_to_list(validation)), *self._client_places(places),
                      rows.format_time(utc_now()), self.login, row["id"]))
        self._write_changes(conn, row["id"], changeset, row["changes_digest"])
        # Whoever writes the change set may not approve the round it will be reviewed in.
        conn.execute("INSERT OR IGNORE INTO round_writers VALUES (?, ?, ?)",
                     (row["id"], row["round"] + 1, self.login))
        row["version"] += 1

    def submit(self, proposal_id: str, expected_version: Optional[int] = None) -> Proposal:
        return self._author_transition(proposal_id, SUBMITTED, expected_version)

    def withdraw(self, proposal_id: str, expected_version: Optional[int] = None) -> Proposal:
        return self._author_transition(proposal_id, WITHDRAWN, expected_version)

    def _author_transition(self, proposal_id, new_status, expected_version) -> Proposal:
        with self._write() as conn:
            row = self._locked(conn, proposal_id, expected_version)
            rules.check_transition(row["status"], new_status)
            if row["author"] != self.login:
                raise PermissionDenied("only the proposal's author may do this", code="store.not_author")
            self._set_status(conn, row, new_status)
            return self._header(conn, row["id"])

    # ------------------------------------------------------------------ review
    def review(self, proposal_id: str, decision: str, comment: str = "", *, role: Optional[str] = None,
               expected_version: Optional[int] = None) -> Proposal:
        with self._write() as conn:
            row = self._locked(conn, proposal_id, expected_version)
            ident = self._identity(conn)
            stewards, required, state = self._context(conn, row)
            qualified = rules.reviewer_roles(self.login, ident.partner, ident.roles, stewards, required)
            approved_by = {r.reviewer for r in rows.reviews_of(conn, row["id"])
                           if r.decision == "approve" and r.round == row["round"]}
            role = rules.check_decision(self.login, row["author"], row["status"], decision, comment,
                                        qualified, role, state, rebased_by=row["rebased_by"],
                                        approved_by=approved_by,
                                        writers=rows.writers(conn, row["id"]))
            now = rows.format_time(utc_now())
            conn.execute("INSERT INTO reviews (proposal_id, round, reviewer, role, decision, comment, "
                         "proposal_version, at, partner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (row["id"], row["round"], self.login, role, decision, comment or "",
                          row["version"], now, ident.partner or ""))
            self._audit(conn, "review", row["id"], {"dataset": row["dataset"], "decision": decision,
                                                    "role": role, "comment": comment or "",
                                                    "round": row["round"], "status": row["status"]})
            state = rules.approval_state(required, rows.reviews_of(conn, row["id"]), row["round"],
                                         loads(row["steward_groups"], []))
            new_status = rules.status_after(decision, state)
            if new_status != row["status"]:
                self._set_status(conn, row, new_status)
            else:      # a partial approval: still submitted, but no longer the state others saw
                conn.execute("UPDATE proposals SET version = version + 1, updated_at = ?, updated_by = ? "
                             "WHERE id = ?", (now, self.login, row["id"]))
            return self._header(conn, row["id"])

    def add_comment(self, proposal_id: str, body: str) -> Comment:
        if not (body or "").strip():
            raise StoreError("an empty comment", code="store.bad_value")
        with self._write() as conn:
            row = self._locked(conn, proposal_id, None)
            now = rows.format_time(utc_now())
            cur = conn.execute("INSERT INTO comments (proposal_id, author, body, at) VALUES (?, ?, ?, ?)",
                               (row["id"], self.login, body, now))
            self._audit(conn, "comment", row["id"], {"dataset": row["dataset"], "status": row["status"],
                                                     "body": body})
        return Comment(author=self.login, body=body, at=rows.parse_time(now), id=cur.lastrowid)

    # ------------------------------------------------------------------ apply
    def record_apply_attempt(self, proposal_id: str, result: str, details: Optional[dict] = None):
        if result not in APPLY_RESULTS:
            raise StoreError(f"unknown apply result {result!r}", code="store.bad_value", value=result)
        with self._write() as conn:
            row = self._locked(conn, proposal_id, None)
            self._check_applier(conn, row)
            if row["status"] not in (APPROVED, APPLIED, CONFLICT):
                raise StoreError(f"a {row['status']} proposal is not being applied",
                                 code="store.transition", old=row["status"], new=row["status"])
            now = rows.format_time(utc_now())
            cur = conn.execute("INSERT INTO apply_attempts (proposal_id, actor, result, details, at) "
                               "VALUES (?, ?, ?, ?, ?)",
                               (row["id"], self.login, result, dumps(details or {}), now))
            self._audit(conn, "apply_attempt", row["id"], {"dataset": row["dataset"], "status": row["status"],
                                                           "result": result, "details": details or {}})
        return ApplyAttempt(actor=self.login, result=result, details=details or {},
                            at=rows.parse_time(now), id=cur.lastrowid)

    def _check_applier(self, conn, row) -> None:
        ident = self._identity(conn)
        stewards = self._context(conn, row)[0]
        if not rules.may_apply(ident.partner, ident.roles, stewards):
            raise PermissionDenied("only a steward of the dataset or a coordinator may do this",
                                   code="store.not_applier")

    def mark_applied(self, proposal_id: str, expected_version: Optional[int] = None,
                     details: Optional[dict] = None) -> Proposal:
        return self._apply_transition(proposal_id, APPLIED, expected_version, details)

    def mark_conflict(self, proposal_id: str, expected_version: Optional[int] = None,
                      details: Optional[dict] = None) -> Proposal:
        return self._apply_transition(proposal_id, CONFLICT, expected_version, details)

    def _apply_transition(self, proposal_id, new_status, expected_version, details) -> Proposal:
        with self._write() as conn:
            row = self._locked(conn, proposal_id, expected_version)
            rules.check_transition(row["status"], new_status)
            self._check_applier(conn, row)
            self._set_status(conn, row, new_status, extra={"details": details or {}})
            return self._header(conn, row["id"])

    def send_back(self, proposal_id: str, reason: str, expected_version: Optional[int] = None) -> Proposal:
        if not (reason or "").strip():
            raise StoreError("sending an approved proposal back needs the reason the target gave",
                             code="store.comment_required")
        with self._write() as conn:
            row = self._locked(conn, proposal_id, expected_version)
            if row["status"] != APPROVED:
                raise StoreError(f"illegal status transition {row['status']} -> changes_requested",
                                 code="store.transition", old=row["status"], new="changes_requested")
            self._check_applier(conn, row)
            self._set_status(conn, row, "changes_requested", extra={"details": {"reason": reason}})
            return self._header(conn, row["id"])

    def rebase(self, proposal_id: str, changeset, expected_version: Optional[int] = None,
               comment: str = "") -> Proposal:
        with self._write() as conn:
            row = self._locked(conn, proposal_id, expected_version)
            rules.check_transition(row["status"], SUBMITTED)
            if row["status"] != CONFLICT:
                raise StoreError("only a conflicted proposal can be rebased", code="store.transition",
                                 old=row["status"], new=SUBMITTED)
            ident = self._identity(conn)
            stewards = self._context(conn, row)[0]
            rules.check_edit(self.login, row["author"], row["status"],
                             may_rebase=rules.may_apply(ident.partner, ident.roles, stewards))
            current = rows.proposal_from_row(conn, row, with_changes=False)
            self._replace_content(conn, row, current.title, current.comment, changeset, current.validation,
                                  current)
            self._set_status(conn, row, SUBMITTED, action="rebased")
            if comment.strip():
                conn.execute("INSERT INTO comments (proposal_id, author, body, at) VALUES (?, ?, ?, ?)",
                             (row["id"], self.login, comment, rows.format_time(utc_now())))
                self._audit(conn, "comment", row["id"], {"dataset": row["dataset"], "status": SUBMITTED,
                                                         "body": comment})
            return self._header(conn, row["id"], changeset)
