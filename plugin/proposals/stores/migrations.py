"""Versioned schema migrations of both stores (plugin/proposals/stores/sql/<dialect>/NNNN_name.sql).

Each store keeps a ``schema_version`` table (one row per migration applied). Opening a
store applies the missing migrations in order, each with its ``schema_version`` row (for
SQLite, all of them in one transaction), so re-running is a no-op and a failed migration
leaves the previous version intact. A store whose version is newer than this plugin's migrations
is refused (``store.schema_newer``) rather than half understood.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ...errors import StoreError

SQL_DIR = Path(__file__).resolve().parent / "sql"
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass
class Migration:
    version: int
    name: str
    sql: str


def load_migrations(dialect: str) -> list:
    """The migrations of ``gpkg`` or ``postgres``, in version order."""
    out = []
    for path in sorted((SQL_DIR / dialect).iterdir()):
        match = _NAME.match(path.name)
        if match:
            out.append(Migration(int(match.group(1)), match.group(2), path.read_text(encoding="utf-8")))
    versions = [m.version for m in out]
    if versions != list(range(1, len(out) + 1)):
        raise StoreError(f"migration files of {dialect} are not numbered 1..n: {versions}",
                         code="store.database")
    return out


def latest_version(dialect: str) -> int:
    return len(load_migrations(dialect))


def sqlite_statements(script: str) -> list:
    """Split an SQL script into statements (trigger bodies with their inner ``;`` stay whole)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if not current and (not line.strip() or line.lstrip().startswith("--")):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        raise StoreError("unterminated SQL statement in a migration", code="store.database")
    return statements


def migrate_sqlite(conn, now_text: str, first_statements=()) -> int:
    """Apply the missing GeoPackage migrations; returns the version reached.

    ``conn`` is in autocommit mode (isolation_level None): the missing migrations run in
    one BEGIN IMMEDIATE, so two users opening the same new file do not both migrate it,
    and a failure (a full disk, a read-only file) leaves the file as it was.
    ``first_statements`` run first in that transaction when the file has no version yet
    (the GeoPackage header of a new file).
    """
    migrations = load_migrations("gpkg")
    # Read the version without the write lock first: opening an up-to-date file must not
    # wait for (or fail on) another user who is writing to it.
    conn.execute("BEGIN")
    try:
        current = _sqlite_version(conn)
    finally:
        _rollback(conn)
    if current == len(migrations):
        return current
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = _sqlite_version(conn)
        if current > len(migrations):
            raise StoreError(f"this GeoPackage has schema version {current}, newer than "
                             f"this plugin's {len(migrations)}", code="store.schema_newer",
                             version=current)
        if current == 0:
            for statement in first_statements:
                conn.execute(statement)
        for migration in migrations[current:]:
            for statement in sqlite_statements(migration.sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                         (migration.version, migration.name, now_text))
        conn.execute("COMMIT")
    except BaseException:
        _rollback(conn)
        raise
    return len(migrations)


def _rollback(conn) -> None:
    """ROLLBACK unless SQLite already did (it does by itself on SQLITE_FULL, SQLITE_IOERR)."""
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass        # a hot journal is left: SQLite plays it back at the next open


def _sqlite_version(conn) -> int:
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
                          ).fetchone()
    if not exists:
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
