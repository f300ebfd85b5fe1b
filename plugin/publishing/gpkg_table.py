"""A GeoPackage feature table as an apply target, through the stdlib sqlite3 module.

GeoPackage stores dates and datetimes as ISO text and booleans as 0/1, geometries as
GeoPackage blobs (header, envelope, WKB); GDAL's R-tree triggers on the table call
spatial SQL functions that plain sqlite3 lacks (registered here).
"""

from __future__ import annotations

import datetime as dt
import struct
from typing import Optional

from ..errors import ApplyError
from ..proposals import wkb
from ..proposals.fingerprint import WrongValueType, coerce_value
from ..proposals.model import BINARY, BOOLEAN, DATE, DATETIME, INTEGER, REAL, STRING, FieldDef, Schema
from .sql_table import SqlTable, geometry_type_name, quote_ident

_GPKG_TYPES = {"INTEGER": INTEGER, "INT": INTEGER, "MEDIUMINT": INTEGER, "SMALLINT": INTEGER,
               "TINYINT": INTEGER, "BOOLEAN": BOOLEAN, "REAL": REAL, "FLOAT": REAL,
               "DOUBLE": REAL, "DATE": DATE, "DATETIME": DATETIME, "BLOB": BINARY,
               "TEXT": STRING}


def gpkg_blob(wkb_bytes, srs_id: int) -> Optional[bytes]:
    """A GeoPackage geometry blob with its envelope (the R-tree triggers read it)."""
    if wkb_bytes is None:
        return None
    from osgeo import ogr

    geometry = ogr.CreateGeometryFromWkb(bytes(wkb_bytes))
    if geometry is None or geometry.IsEmpty():
        flags = 0b0001_0001              # empty, no envelope, little endian
        return b"GP" + bytes([0, flags]) + struct.pack("<i", srs_id) + bytes(wkb_bytes)
    minx, maxx, miny, maxy = geometry.GetEnvelope()
    flags = 0b0000_0011                  # envelope [minx, maxx, miny, maxy], little endian
    return (b"GP" + bytes([0, flags]) + struct.pack("<i", srs_id)
            + struct.pack("<4d", minx, maxx, miny, maxy) + bytes(wkb_bytes))


def _envelope(blob, index):
    """ST_MinX/… for the R-tree triggers GDAL puts on GeoPackage tables."""
    if blob is None:
        return None
    from osgeo import ogr

    iso = wkb.to_iso_wkb(bytes(blob))
    geometry = ogr.CreateGeometryFromWkb(iso) if iso else None
    if geometry is None or geometry.IsEmpty():
        return None
    return geometry.GetEnvelope()[index]


def _is_empty(blob):
    if blob is None:
        return 1
    return 1 if wkb.parse(bytes(blob)) is None else 0


def register_spatial_functions(connection) -> None:
    """Give a sqlite3 connection the functions GDAL's R-tree triggers call.

    The triggers GDAL puts on a GeoPackage feature table keep its spatial index in step
    and call ST_IsEmpty, ST_MinX, ST_MaxX, ST_MinY and ST_MaxY, which only SpatiaLite or
    GDAL register: without them any write of a geometry fails with "no such function".
    Their names and bodies change between GDAL versions (3.6 writes ``update1``..``update4``,
    3.13 ``update2``, ``update4``..``update7``), the functions they call do not: so writes
    keep the triggers and their index right, whichever GDAL (3.6 or later) made the file.
    """
    connection.create_function("ST_IsEmpty", 1, _is_empty, deterministic=True)
    for index, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        connection.create_function(name, 1, lambda b, i=index: _envelope(b, i),
                                   deterministic=True)


class GeoPackageTable(SqlTable):
    """A GeoPackage feature table through stdlib sqlite3 (isolation_level=None)."""

    placeholder = "?"

    def __init__(self, connection, table: str):
        super().__init__(connection, table)
        register_spatial_functions(connection)

    def qualified(self) -> str:
        return quote_ident(self.table)

    def describe(self) -> Schema:
        cur = self.cursor()
        cur.execute("SELECT column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns "
                    "WHERE table_name = ?", (self.table,))
        geometry = cur.fetchone()
        cur.execute(f"PRAGMA table_info({quote_ident(self.table)})")
        rows = cur.fetchall()
        if not rows:
            raise ApplyError(f"No table {self.table}", code="apply.no_table", table=self.table)
        fields, pks = [], []
        for _cid, name, decl, notnull, _default, pk in rows:
            if geometry and name == geometry[0]:
                continue
            base = (decl or "TEXT").upper().split("(")[0].strip()
            length = int(decl.split("(")[1].rstrip(")")) if decl and "(" in decl else 0
            auto = bool(pk) and base == "INTEGER"
            if pk:
                pks.append(name)
            fields.append(FieldDef(name=name, type=_GPKG_TYPES.get(base, STRING),
                                   nullable=not notnull and not pk, length=length, auto=auto))
        if len(pks) != 1:
            raise ApplyError(f"{self.table} has no single-column primary key",
                             code="apply.no_primary_key", table=self.table)
        self.pk = pks[0]
        geometry_type = ""
        if geometry:
            self.geometry_column, geometry_type, self.srid = geometry
            notnull = [r[3] for r in rows if r[1] == self.geometry_column][0]
        self.schema = Schema(fields=fields, key=self.pk, crs=f"EPSG:{self.srid}" if self.srid else "",
                             geometry_type=geometry_type_name(geometry_type),
                             geometry_nullable=not (geometry and notnull))
        return self.schema

    def begin(self):
        # IMMEDIATE: take the write lock now, so the features read for the conflict check
        # cannot change before the writes.
        self.connection.execute("BEGIN IMMEDIATE")

    def commit(self):
        self.connection.execute("COMMIT")

    def rollback(self):
        if self.connection.in_transaction:
            self.connection.execute("ROLLBACK")

    def savepoint(self, name):
        self.connection.execute(f"SAVEPOINT {name}")

    def release(self, name):
        self.connection.execute(f"RELEASE SAVEPOINT {name}")

    def rollback_to(self, name):
        self.connection.execute(f"ROLLBACK TO SAVEPOINT {name}")

    def _geometry_out(self, column):
        return column

    def _geometry_in(self):
        return "?"

    def _geometry_param(self, geometry):
        return gpkg_blob(geometry, int(self.srid))

    def _to_db(self, value, kind):
        # GeoPackage stores dates and datetimes as ISO text, booleans as 0/1.
        if value is None:
            return None
        if kind == DATETIME and isinstance(value, dt.datetime):
            if value.tzinfo is not None:
                value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
            return value.isoformat(timespec="milliseconds") + "Z"
        if kind == DATE and isinstance(value, dt.date):
            return value.isoformat()
        if kind == BOOLEAN:
            return 1 if value else 0
        return value

    def _from_db(self, value, kind):
        if value is None:
            return None
        try:
            return coerce_value(value, kind)
        except WrongValueType:      # a stored value of the wrong type: compared as it is
            return value

    def _geometry_from_db(self, value):
        if value is None:
            return None
        return wkb.to_iso_wkb(bytes(value))

    def _insert(self, names, marks, params):
        cur = self.cursor()
        cur.execute(f"INSERT INTO {self.qualified()} ({', '.join(names)}) "
                    f"VALUES ({', '.join(marks)})", params)
        return cur.lastrowid
