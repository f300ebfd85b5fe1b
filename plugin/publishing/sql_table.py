"""What the SQL apply needs of a table, for PostGIS (postgis_table.py) and GeoPackage
(gpkg_table.py) targets alike.

Each subclass describes its table from the database's own catalogue (columns, types,
NOT NULL, the primary key, the geometry column's type and SRID); this base reads features
by a key column, and writes deletes, updates and inserts — all inside the one transaction
the caller (sql_apply.py) opens and commits or rolls back. SQL is always parameterised;
identifiers come from the catalogue and are quoted.
"""

from __future__ import annotations

from typing import Optional

from ..proposals import wkb
from ..proposals.fingerprint import coerce_value
from ..proposals.model import PlainFeature, Schema

READ_BATCH = 500          # keys per SELECT (SQLite's default limit is 999 variables)


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class SqlTable:
    """What the SQL apply needs of a table; subclasses speak one database."""

    placeholder = "%s"

    def __init__(self, connection, table: str):
        self.connection = connection
        self.table = table
        self.schema: Optional[Schema] = None
        self.pk = ""
        self.geometry_column = ""
        self.srid = 0

    # subclasses: describe(), begin(), commit(), rollback(), savepoint helpers,
    # _geometry_out(sql column) -> SQL, _geometry_in() -> SQL, _to_db(value, type),
    # _from_db(value, type), _geometry_from_db(value)

    def cursor(self):
        return self.connection.cursor()

    def columns(self) -> list:
        return [f.name for f in self.schema.fields]

    def _select(self) -> str:
        cols = ", ".join(quote_ident(c) for c in self.columns())
        if self.geometry_column:
            cols += ", " + self._geometry_out(quote_ident(self.geometry_column))
        return f"SELECT {cols} FROM {self.qualified()}"

    def _row(self, row, key_column: str) -> PlainFeature:
        names = self.columns()
        attributes = {n: self._from_db(v, self.schema.field(n).type) for n, v in zip(names, row)}
        geometry = self._geometry_from_db(row[len(names)]) if self.geometry_column else None
        return PlainFeature(key=attributes.get(key_column), attributes=attributes,
                            geometry=geometry)

    def fetch(self, column: str, values, lock: bool = False) -> list:
        """Rows whose ``column`` is in ``values`` (row-locked when ``lock``)."""
        kind = self.schema.field(column).type
        values = [self._to_db(coerce_value(v, kind), kind) for v in values if v is not None]
        out = []
        cur = self.cursor()
        for start in range(0, len(values), READ_BATCH):
            chunk = values[start:start + READ_BATCH]
            marks = ", ".join([self.placeholder] * len(chunk))
            sql = f"{self._select()} WHERE {quote_ident(column)} IN ({marks})"
            if lock:
                sql += self.lock_clause
            cur.execute(sql, chunk)
            out.extend(self._row(r, column) for r in cur.fetchall())
        return out

    lock_clause = ""

    # ------------------------------------------------------------------ writing
    def _values(self, attributes: dict) -> dict:
        out = {}
        for name, value in attributes.items():
            f = self.schema.field(name)
            if f is None or f.auto:
                continue
            out[name] = self._to_db(coerce_value(value, f.type), f.type)
        return out

    def delete(self, pks) -> int:
        cur = self.cursor()
        count = 0
        for start in range(0, len(pks), READ_BATCH):
            chunk = pks[start:start + READ_BATCH]
            marks = ", ".join([self.placeholder] * len(chunk))
            cur.execute(f"DELETE FROM {self.qualified()} WHERE {quote_ident(self.pk)} IN ({marks})",
                        chunk)
            count += cur.rowcount
        return count

    def update_many(self, rows) -> int:
        """rows: [(pk, {field: value}, set_geometry, geometry)] with the same fields and
        set_geometry in every row."""
        if not rows:
            return 0
        names = list(self._values(rows[0][1]))
        sets = [f"{quote_ident(n)} = {self.placeholder}" for n in names]
        if rows[0][2]:
            sets.append(f"{quote_ident(self.geometry_column)} = {self._geometry_in()}")
        if not sets:
            return 0
        sql = (f"UPDATE {self.qualified()} SET {', '.join(sets)} "
               f"WHERE {quote_ident(self.pk)} = {self.placeholder}")
        params = []
        for pk, values, set_geometry, geometry in rows:
            converted = self._values(values)
            row = [converted[n] for n in names]
            if set_geometry:
                row.append(self._geometry_param(geometry))
            row.append(pk)
            params.append(row)
        return self._execute_many(sql, params)

    def insert(self, attributes: dict, geometry) -> object:
        """Insert one feature, return its primary key."""
        values = self._values(attributes)
        names = [quote_ident(n) for n in values]
        marks = [self.placeholder] * len(values)
        params = list(values.values())
        if self.geometry_column:
            names.append(quote_ident(self.geometry_column))
            marks.append(self._geometry_in())
            params.append(self._geometry_param(geometry))
        return self._insert(names, marks, params)

    def _execute_many(self, sql, params) -> int:
        cur = self.cursor()
        cur.executemany(sql, params)
        return len(params)


def geometry_type_name(text: str) -> str:
    if not text or text.upper() in ("GEOMETRY", "GEOMETRYCOLLECTION"):
        return "" if not text or text.upper() == "GEOMETRY" else "GeometryCollection"
    return wkb.base_type_name(text) + ("Z" if text.upper().endswith("Z") else "")
