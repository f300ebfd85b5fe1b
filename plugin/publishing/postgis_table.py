"""A PostGIS table as an apply target, through psycopg2 (the base: sql_table.py)."""

from __future__ import annotations

from ..errors import ApplyError
from ..proposals.model import BINARY, BOOLEAN, DATE, DATETIME, INTEGER, REAL, STRING, FieldDef, Schema
from .sql_table import SqlTable, geometry_type_name, quote_ident

_PG_TYPES = {"smallint": INTEGER, "integer": INTEGER, "bigint": INTEGER, "numeric": REAL,
             "real": REAL, "double precision": REAL, "boolean": BOOLEAN, "date": DATE,
             "timestamp without time zone": DATETIME, "timestamp with time zone": DATETIME,
             "bytea": BINARY}


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
