"""The target's own rules, tried before submit: a GeoPackage target's CHECK and NOT NULL
constraints on each new or changed feature.

A proposal the target will refuse should not wait for a steward's approval to find out: the
table's own definition (``sqlite_master.sql``, read-only) is created in a private in-memory
SQLite database and each feature the proposal writes is inserted there, in a savepoint
rolled back at once. What the target's constraint refuses becomes a ``proposal.
target_constraint`` problem naming the feature and the constraint. Uniqueness is left to
validation.py (KEY_DUPLICATE, among the proposal's own features) and to the apply (against
the target's other rows: the apply reads them, this does not).

A PostGIS target's constraints need its database (a technician may have no right there);
a WFS reports none (DescribeFeatureType has no CHECK): their refusals come at apply, and
the proposal then goes back to its author with the target's reason (publishing/apply.py).
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from typing import Callable, Optional

from ..errors import Cancelled
from .gpkg_table_reader import GeoPackageError, open_read_only
from .model import DELETE, INSERT, ChangeSet, Problem

TARGET_CONSTRAINT = "proposal.target_constraint"
CHECK_EVERY = 500


def gpkg_constraint_problems(path, table: str, changeset: ChangeSet, *, known=(),
                             is_cancelled: Optional[Callable[[], bool]] = None) -> list:
    """The ``proposal.target_constraint`` problems of ``changeset`` against ``table`` of the
    GeoPackage at ``path``, but those of a feature and field a problem of ``known`` already
    names (a required field validation reported); [] when the table cannot be read or its
    definition cannot be tried here (a constraint calling a function of the GeoPackage's
    own extension)."""
    named = {(problem.key, problem.field) for problem in known}
    definition, geometry = _definition(path, table)
    if definition is None:
        return []
    trial = sqlite3.connect(":memory:")
    try:
        try:
            trial.execute(definition)
        except sqlite3.Error:
            return []
        columns = {row[1]: row for row in trial.execute(f'PRAGMA table_info("{_quoted(table)}")')}
        auto_key = {name for name, row in columns.items() if row[5] and row[2].upper() == "INTEGER"}
        problems = []
        for number, change in enumerate(changeset.changes, 1):
            if number % CHECK_EVERY == 0 and is_cancelled is not None and is_cancelled():
                raise Cancelled("validation cancelled")
            if change.op == DELETE:
                continue
            row = dict(change.old or {}) if change.op != INSERT else {}
            row.update(change.new or {})
            values = {name: value for name, value in row.items()
                      if name in columns and name not in auto_key and name != geometry}
            # The geometry column gets a placeholder blob: NOT NULL on it is validation's.
            if geometry in columns:
                values[geometry] = b"\x00"
            problem = _try(trial, table, values)
            if problem is not None and (change.key, problem[1]) not in named:
                problems.append(Problem(TARGET_CONSTRAINT, key=change.key, op=change.op,
                                        field=problem[1], params={"reason": problem[0]}))
        return problems
    finally:
        trial.close()


def _try(trial, table: str, values: dict):
    """(reason, field or None) when the target's definition refuses ``values``, else None."""
    names = list(values)
    if names:
        quoted = ", ".join(f'"{_quoted(name)}"' for name in names)
        statement = f'INSERT INTO "{_quoted(table)}" ({quoted}) VALUES ({", ".join("?" * len(names))})'
    else:
        statement = f'INSERT INTO "{_quoted(table)}" DEFAULT VALUES'
    trial.execute("SAVEPOINT try_row")
    try:
        trial.execute(statement, [_sqlite_value(values[n]) for n in names])
        return None
    except sqlite3.IntegrityError as error:
        text = str(error)
        match = re.search(r"NOT NULL constraint failed: [^.]+\.(\S+)", text)
        return text, match.group(1) if match else None
    except sqlite3.Error:
        return None                      # not ours to judge (a function the trial lacks)
    finally:
        trial.execute("ROLLBACK TO try_row")
        trial.execute("RELEASE try_row")


def _sqlite_value(value):
    if value is None or isinstance(value, (int, float, str, bytes)):
        return value
    if isinstance(value, bool):
        return int(value)
    return str(value)


def _quoted(name: str) -> str:
    return str(name).replace('"', '""')


def _definition(path, table: str) -> tuple:
    """(CREATE TABLE statement or None, geometry column or None) of ``table``, read in one
    read-only connection; (None, None) when the file cannot be read as a GeoPackage."""
    try:
        source = open_read_only(path)
    except (GeoPackageError, OSError, ValueError):
        return None, None
    with closing(source):
        try:
            row = source.execute("SELECT sql FROM sqlite_master WHERE type = 'table' "
                                 "AND lower(name) = lower(?)", (table,)).fetchone()
        except sqlite3.Error:
            return None, None
        if not row or not row[0]:
            return None, None
        try:
            found = source.execute("SELECT column_name FROM gpkg_geometry_columns "
                                   "WHERE lower(table_name) = lower(?)", (table,)).fetchone()
        except sqlite3.Error:
            found = None             # no geometry column listed: the attributes are still tried
        return row[0], found[0] if found else None
