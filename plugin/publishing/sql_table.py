"""PostGIS (psycopg2) and GeoPackage (stdlib sqlite3, gpkg_table.py) tables as apply targets.

Each class describes its table from the database's own catalogue (columns, types,
NOT NULL, the primary key, the geometry column's type and SRID), reads features by a key
column, and writes deletes, updates and inserts — all inside the one transaction the
caller (sql_apply.py) opens and commits or rolls back. SQL is always parameterised;
identifiers come from the catalogue and are quoted.
"""

from __future__ import annotations

from typing import Optional

from ..errors import ApplyError
from ..proposals import wkb
from ..proposals.fingerprint import coerce_value
from ..proposals.model import (
    BINARY,
    BOOLEAN,
    DATE,
    DATETIME,
    INTEGER,
    REAL,
    STRING,
    FieldDef,
    PlainFeature,
    Schema,
)

READ_BATCH = 500          # keys per SELECT (SQLite's default limit is 999 variables)

_PG_TYPES = {"smallint": INTEGER, "integer": INTEGER, "bigint": INTEGER, "numeric": REAL,
             "real": REAL, "double precision": REAL, "boolean": BOOLEAN, "date": DATE,
             "timestamp without time zone": DATETIME, "timestamp with time zone": DATETIME,
             "bytea": BINARY}


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


# ---------------------------------------------------------------------------- PostGIS
class PostgisTable(SqlTable):
    """A PostGIS table ("schema.table" or "table") through a psycopg2 connection."""

    lock_clause = " FOR UPDATE"

    def qualified(self) -> str:
        schema, _, table = self.table.rpartition(".")
        return (quote_ident(schema) + "." if schema else "") + quote_ident(table)

    def _names(self):
        schema, _, table = self.table.rpartition(".")
        return schema or "public", table

    def describe(self) -> Schema:
        schema_name, table = self._names()
        cur = self.cursor()
        cur.execute("""
            SELECT c.column_name, c.data_type, c.is_nullable = 'YES',
                   coalesce(c.column_default LIKE 'nextval(%%', false) OR c.is_identity = 'YES',
                   coalesce(c.character_maximum_length, 0)
            FROM information_schema.columns c
            WHERE c.table_schema = %s AND c.table_name = %s ORDER BY c.ordinal_position""",
                    (schema_name, table))
        rows = cur.fetchall()
        if not rows:
            raise ApplyError(f"No table {self.table}", code="apply.no_table", table=self.table)
        cur.execute("""
            SELECT a.attname FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = %s::regclass AND i.indisprimary""", (self.qualified(),))
        pk = [r[0] for r in cur.fetchall()]
        cur.execute("""SELECT f_geometry_column, type, srid FROM geometry_columns
                       WHERE f_table_schema = %s AND f_table_name = %s""", (schema_name, table))
        geometry = cur.fetchone()
        fields = []
        for name, data_type, nullable, auto, length in rows:
            if geometry and name == geometry[0]:
                continue
            fields.append(FieldDef(name=name, type=_PG_TYPES.get(data_type, STRING),
                                   nullable=bool(nullable), length=int(length), auto=bool(auto)))
        self.pk = pk[0] if len(pk) == 1 else ""
        if not self.pk:
            raise ApplyError(f"{self.table} has no single-column primary key",
                             code="apply.no_primary_key", table=self.table)
        if geometry:
            self.geometry_column, geometry_type, self.srid = geometry[0], geometry[1], geometry[2]
        else:
            geometry_type = ""
        self.schema = Schema(fields=fields, key=self.pk, crs=f"EPSG:{self.srid}" if self.srid else "",
                             geometry_type=geometry_type_name(geometry_type),
                             geometry_nullable=True)
        if geometry:
            cur.execute("SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = "
                        "%s::regclass AND a.attname = %s", (self.qualified(), self.geometry_column))
            self.schema.geometry_nullable = not cur.fetchone()[0]
        return self.schema

    def begin(self):
        # The connection must be idle: what describe() read is in a transaction of its own,
        # ended here so the apply's transaction starts now.
        if self.connection.autocommit:
            self.connection.autocommit = False
        else:
            self.connection.rollback()

    def commit(self):
        self.connection.commit()

    def rollback(self):
        self.connection.rollback()

    def savepoint(self, name):
        self.cursor().execute(f"SAVEPOINT {name}")

    def release(self, name):
        self.cursor().execute(f"RELEASE SAVEPOINT {name}")

    def rollback_to(self, name):
        self.cursor().execute(f"ROLLBACK TO SAVEPOINT {name}")

    def _geometry_out(self, column):
        return f"ST_AsBinary({column})"

    def _geometry_in(self):
        return f"ST_SetSRID(ST_GeomFromWKB(%s), {int(self.srid)})"

    def _geometry_param(self, geometry):
        import psycopg2

        return None if geometry is None else psycopg2.Binary(bytes(geometry))

    def _to_db(self, value, kind):
        return value

    def _from_db(self, value, kind):
        if isinstance(value, memoryview):
            return bytes(value)
        return value

    def _geometry_from_db(self, value):
        return None if value is None else bytes(value)

    def _insert(self, names, marks, params):
        cur = self.cursor()
        cur.execute(f"INSERT INTO {self.qualified()} ({', '.join(names)}) "
                    f"VALUES ({', '.join(marks)}) RETURNING {quote_ident(self.pk)}", params)
        return cur.fetchone()[0]

    def _execute_many(self, sql, params) -> int:
        from psycopg2.extras import execute_batch

        # execute_batch: one round trip per page instead of one per row.
        execute_batch(self.cursor(), sql, params, page_size=500)
        return len(params)


def geometry_type_name(text: str) -> str:
    if not text or text.upper() in ("GEOMETRY", "GEOMETRYCOLLECTION"):
        return "" if not text or text.upper() == "GEOMETRY" else "GeometryCollection"
    return wkb.base_type_name(text) + ("Z" if text.upper().endswith("Z") else "")
