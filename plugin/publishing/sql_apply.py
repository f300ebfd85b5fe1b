"""Applying a change set to a PostGIS or GeoPackage table in ONE database transaction.

The database gives what WFS-T does not: the touched rows are read *and locked* (``FOR
UPDATE``; ``BEGIN IMMEDIATE`` in SQLite) before the conflict check, every write of the
proposal happens in one transaction, the new state is read back and compared inside it,
and anything wrong is a ROLLBACK — nothing of the proposal ever becomes visible half-done.

When the database refuses a statement (NOT NULL, UNIQUE, CHECK, a trigger…), the writes are
rolled back, then replayed change by change under savepoints in a transaction that is
rolled back too, to name every refused feature with the database's own message.

A GeoPackage file that cannot be written — its disk full, the file read-only, locked by
another program (a QGIS editing the layer) — is not a refusal of the proposal: the
transaction is rolled back and ApplyError ``apply.target_<condition>`` is raised (nothing
was written, the proposal stays approved, the steward applies it again later).
"""

from __future__ import annotations

from typing import Callable

from ..errors import ApplyError
from ..proposals.model import DELETE, INSERT, UPDATE, ChangeSet
from . import result as outcomes
from .conflicts import describe_conflict
from .feature_states import (
    CONFLICTING,
    DONE,
    classify,
    compare_schema,
    key_text,
    verification_mismatch,
)
from .result import ApplyResult, Refusal
from .schema_check import check_against_schema
from .sql_table import SqlTable


def _db_errors() -> tuple:
    errors = []
    try:
        import sqlite3

        errors.append(sqlite3.Error)
    except ImportError:
        pass
    try:
        import psycopg2

        errors.append(psycopg2.Error)
    except ImportError:
        pass
    return tuple(errors)


def _db_message(exc) -> str:
    text = getattr(exc, "pgerror", None) or str(exc)
    return " ".join(text.split())


FILE_CONDITIONS = ("disk_full", "read_only", "locked", "unopenable", "io_error")


def _file_condition(exc) -> str:
    """disk_full, read_only, locked, unopenable or io_error when a GeoPackage's file (not
    the proposal's content) made SQLite fail; "" otherwise (PostgreSQL: always "")."""
    try:
        import sqlite3
    except ImportError:
        return ""
    if not isinstance(exc, sqlite3.Error):
        return ""
    from ..proposals.stores.geopackage.reads import sqlite_condition

    condition = sqlite_condition(exc)
    return condition if condition in FILE_CONDITIONS else ""


def _lost_connection(exc) -> bool:
    try:
        import psycopg2

        if isinstance(exc, (psycopg2.OperationalError, psycopg2.InterfaceError)):
            return True
    except ImportError:
        pass
    return False


class SqlApply:
    def __init__(self, changeset: ChangeSet, table: SqlTable, result: ApplyResult,
                 progress: Callable, is_cancelled: Callable):
        self.changeset = changeset
        self.table = table
        self.result = result
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.errors = _db_errors()
        self.new_pks = {}             # id(insert change) -> primary key the database gave

    def run(self) -> ApplyResult:
        try:
            return self._run()
        except self.errors as exc:
            condition = _file_condition(exc)
            if not condition:
                raise
            try:
                self.table.rollback()
            except self.errors:
                pass            # SQLite rolled back by itself, or plays the journal back at next open
            path = (self.result.target or {}).get("uri", "")
            raise ApplyError(f"{path}: {_db_message(exc)} (nothing was written)",
                             code=f"apply.target_{condition}", source=path or None, path=path,
                             detail=_db_message(exc)) from None

    def _run(self) -> ApplyResult:
        result, table, schema = self.result, self.table, self.changeset.schema
        step = result.step("describe")
        target = table.describe()
        result.done(step, table=table.table, pk=table.pk, geometry=target.geometry_type,
                    crs=target.crs, fields=[f.name for f in target.fields])
        step = result.step("validate")
        problems = check_against_schema(self.changeset, target)
        result.done(step, problems=len(problems))
        if problems:
            result.problems = problems
            result.status = outcomes.INVALID
            return result
        self.compare = compare_schema(schema, target)
        self.key = schema.key
        self.key_type = target.field(self.key).type
        self.key_auto = target.field(self.key).auto
        table.begin()
        try:
            return self._in_transaction()
        except BaseException:
            table.rollback()
            raise

    def _insert_key(self, change):
        return None if self.key_auto else (change.new or {}).get(self.key)

    def _in_transaction(self) -> ApplyResult:
        result, table = self.result, self.table
        step = result.step("read_current", locked=True)
        keys = [c.key if c.op != INSERT else self._insert_key(c) for c in self.changeset.changes]
        rows = {}
        for feature in table.fetch(self.key, keys, lock=True):
            k = key_text(feature.key, self.key_type)
            if k in rows:
                raise ApplyError(f"Several rows of {table.table} have {self.key} = {k}",
                                 code="apply.key_not_unique", key=k, field=self.key)
            rows[k] = feature
        self.current = {}
        todo, conflicts, already = [], [], {INSERT: 0, UPDATE: 0, DELETE: 0}
        for change, k in zip(self.changeset.changes, keys):
            feature = rows.get(key_text(k, self.key_type)) if k is not None else None
            if feature is not None:
                self.current[id(change)] = feature
            state = classify(change, feature, self.changeset.schema, self.compare)
            if state == CONFLICTING:
                conflicts.append(describe_conflict(change, feature, self.compare))
            elif state == DONE:
                already[change.op] += 1
            else:
                todo.append(change)
        result.done(step, read=len(rows), todo=len(todo), done=sum(already.values()),
                    conflicts=len(conflicts))
        result.already = already
        self.progress(0.2)
        if conflicts:
            table.rollback()
            result.conflicts = conflicts
            result.status = outcomes.CONFLICT
            return result
        if not todo and self.changeset.changes:
            table.rollback()
            result.status = outcomes.ALREADY_APPLIED
            return result
        step = result.step("sql")
        try:
            self._write(todo, self.new_pks)
        except self.errors as exc:
            if _file_condition(exc):
                raise               # not the proposal's fault: run() says what the file has
            result.done(step, error=_db_message(exc))
            table.rollback()
            self._diagnose(todo, exc)
            return result
        result.done(step, deleted=sum(c.op == DELETE for c in todo),
                    updated=sum(c.op == UPDATE for c in todo),
                    inserted=sum(c.op == INSERT for c in todo))
        self.progress(0.7)
        if self.is_cancelled():
            table.rollback()
            result.step("cancelled")
            result.status = outcomes.CANCELLED
            result.undo = {"complete": True, "rolled_back": True}
            return result
        if self._verify(todo):
            table.rollback()
            result.status = outcomes.REFUSED
            result.undo = {"complete": True, "rolled_back": True}
            return result
        step = result.step("commit")
        try:
            table.commit()
        except self.errors as exc:
            if _file_condition(exc):
                raise
            result.done(step, error=_db_message(exc))
            if _lost_connection(exc):
                result.status = outcomes.UNKNOWN
                result.error = {"code": "apply.commit_unknown", "message": _db_message(exc),
                                "params": {}}
                return result
            table.rollback()
            result.refusals.append(Refusal(None, "", _db_message(exc), "database"))
            result.status = outcomes.REFUSED
            result.undo = {"complete": True, "rolled_back": True}
            return result
        result.done(step)
        result.status = outcomes.APPLIED
        result.written = {op: sum(1 for c in todo if c.op == op) for op in (INSERT, UPDATE, DELETE)}
        for number, change in enumerate(todo):
            if change.op == INSERT:
                name = change.key if change.key is not None else f"insert#{number}"
                result.inserted[name] = self.new_pks[id(change)]
        self.progress(1.0)
        return result

    # ------------------------------------------------------------------ writing
    def _write(self, todo, new_pks, single=None) -> None:
        """Deletes, then updates, then inserts (a key freed by a delete can be reused)."""
        table = self.table
        pk = table.pk
        changes = todo if single is None else [single]
        deletes = [self.current[id(c)].attributes[pk] for c in changes if c.op == DELETE]
        if deletes:
            table.delete(deletes)
        groups = {}
        for change in changes:
            if change.op != UPDATE:
                continue
            names = tuple(n for n in change.changed_fields
                          if table.schema.field(n) and not table.schema.field(n).auto)
            groups.setdefault((names, change.geometry_changed), []).append(
                (self.current[id(change)].attributes[pk],
                 {n: (change.new or {}).get(n) for n in names}, change.geometry_changed,
                 change.new_geometry))
        for rows in groups.values():
            table.update_many(rows)
        for change in changes:
            if change.op == INSERT:
                new_pks[id(change)] = table.insert(change.new or {}, change.new_geometry)

    def _diagnose(self, todo, first_error) -> None:
        """Replay each change under a savepoint (then roll everything back) to name every
        feature the database refuses, with its own message."""
        result, table = self.result, self.table
        step = result.step("diagnose")
        table.begin()
        try:
            for number, change in enumerate(todo):
                table.savepoint("geogov_probe")
                try:
                    self._write(todo, {}, single=change)
                    table.release("geogov_probe")
                except self.errors as exc:
                    table.rollback_to("geogov_probe")
                    result.refusals.append(Refusal(change.key, change.op, _db_message(exc),
                                                   "database"))
                if number % 256 == 0 and self.is_cancelled():
                    break
        finally:
            table.rollback()
        if not result.refusals:
            result.refusals.append(Refusal(None, "", _db_message(first_error), "database"))
        result.done(step, refused=len(result.refusals))
        result.status = outcomes.REFUSED
        result.undo = {"complete": True, "rolled_back": True}

    # ------------------------------------------------------------------ verifying
    def _verify(self, todo) -> bool:
        result, table = self.result, self.table
        step = result.step("verify", features=len(todo))
        pks = [self.current[id(c)].attributes[table.pk] for c in todo if c.op != INSERT]
        pks += [self.new_pks[id(c)] for c in todo if c.op == INSERT]
        now = {key_text(f.attributes[table.pk], table.schema.field(table.pk).type): f
               for f in table.fetch(table.pk, pks)}
        pk_type = table.schema.field(table.pk).type
        for change in todo:
            pk_value = (self.new_pks[id(change)] if change.op == INSERT
                        else self.current[id(change)].attributes[table.pk])
            why = verification_mismatch(
                change, now.get(key_text(pk_value, pk_type)), self.changeset.schema, self.compare,
                still_there="the row is still in the table after its DELETE",
                missing="the row is not in the table after the write")
            if why is not None:
                result.refusals.append(Refusal(change.key, change.op, why, "verification"))
        result.done(step, mismatches=len(result.refusals))
        return bool(result.refusals)
