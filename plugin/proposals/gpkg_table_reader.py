"""Rows of a GeoPackage table read with plain SQLite, sorted by key: the fast path of the diff.

A GeoPackage is an SQLite file; reading it with the stdlib ``sqlite3`` module skips
building a QgsFeature per row and lets SQLite hand rows over in primary-key order (an
INTEGER PRIMARY KEY is the rowid: no sort at all), which is what the streaming
merge-join of changeset.py wants. Values come as SQLite stores them (dates and datetimes
as ISO text, booleans as 0/1, geometries as GeoPackage blobs): the diff and the
fingerprints normalise them by the schema's types.

The file is opened read-only; a layer being edited in QGIS is not affected (GeoPackages
are in WAL mode: a reader sees the last committed state).
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Iterator, Optional

from ..errors import GeoGovError
from .model import BINARY, BOOLEAN, DATE, DATETIME, INTEGER, REAL, STRING, FieldDef, Schema

# GeoPackage 1.3, table 1 "GeoPackage Data Types", plus SQLite's own affinity names.
_TYPES = {
    "BOOLEAN": BOOLEAN, "TINYINT": INTEGER, "SMALLINT": INTEGER, "MEDIUMINT": INTEGER, "INT": INTEGER,
    "INTEGER": INTEGER, "BIGINT": INTEGER, "FLOAT": REAL, "DOUBLE": REAL, "REAL": REAL,
    "TEXT": STRING, "BLOB": BINARY, "DATE": DATE, "DATETIME": DATETIME,
}
_LENGTH = re.compile(r"^\s*([A-Za-z]+)\s*(?:\((\d+)\))?\s*$")


class GeoPackageError(GeoGovError):
    """A file or table that cannot be read as a GeoPackage feature table."""

    code = "geopackage.unreadable"


def open_read_only(path) -> sqlite3.Connection:
    """The GeoPackage at ``path``, read-only; GeoPackageError when it cannot be opened."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    try:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error as error:
        raise GeoPackageError(f"cannot open {path}: {error}", source=str(path)) from error


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def geopackage_schema(path, table: str, key: Optional[str] = None) -> Schema:
    """Schema of a feature table: its columns (geometry column excluded), primary key
    (or ``key``), geometry type and CRS."""
    with closing(open_read_only(path)) as db:
        try:
            columns = db.execute(f"PRAGMA table_info({_quote(table)})").fetchall()
            geometry = db.execute(
                "SELECT g.column_name, g.geometry_type_name, g.z, g.m, s.organization,"
                " s.organization_coordsys_id FROM gpkg_geometry_columns g"
                " LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id"
                " WHERE lower(g.table_name) = lower(?)", (table,)).fetchone()
        except sqlite3.Error as error:
            raise GeoPackageError(f"{table}: {error}", source=str(path)) from error
    if not columns:
        raise GeoPackageError(f"no table {table!r}", source=str(path), table=table)
    geometry_column = geometry[0] if geometry else None
    fields = []
    primary = None
    for _, name, declared, notnull, _default, pk in columns:
        if name == geometry_column:
            continue
        match = _LENGTH.match(declared or "")
        base = match.group(1).upper() if match else (declared or "").upper()
        field_type = _TYPES.get(base, STRING)
        length = int(match.group(2)) if match and match.group(2) else 0
        auto = bool(pk) and field_type == INTEGER
        fields.append(FieldDef(name, field_type, nullable=not notnull and not pk, length=length, auto=auto))
        if pk and primary is None:
            primary = name
    schema = Schema(fields=fields, key=key or primary or "fid")
    if geometry:
        _, type_name, z, m, organization, code = geometry
        suffix = ("Z" if z == 1 else "") + ("M" if m == 1 else "")
        schema.geometry_type = _GEOMETRY_NAMES.get(type_name.upper(), type_name.title()) + suffix
        if organization and code is not None and int(code) > 0:
            schema.crs = f"{organization.upper()}:{code}"
    return schema


_GEOMETRY_NAMES = {
    "GEOMETRY": "Geometry", "POINT": "Point", "LINESTRING": "LineString", "POLYGON": "Polygon",
    "MULTIPOINT": "MultiPoint", "MULTILINESTRING": "MultiLineString", "MULTIPOLYGON": "MultiPolygon",
    "GEOMETRYCOLLECTION": "GeometryCollection", "CIRCULARSTRING": "CircularString",
    "COMPOUNDCURVE": "CompoundCurve", "CURVEPOLYGON": "CurvePolygon", "MULTICURVE": "MultiCurve",
    "MULTISURFACE": "MultiSurface",
}


def geometry_column(path, table: str) -> Optional[str]:
    with closing(open_read_only(path)) as db:
        found = db.execute("SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
                           (table,)).fetchone()
    return found[0] if found else None


def feature_tables(path) -> list:
    """Names of the feature tables listed in gpkg_contents."""
    with closing(open_read_only(path)) as db:
        try:
            rows = db.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'"
                              " ORDER BY table_name").fetchall()
        except sqlite3.Error as error:
            raise GeoPackageError(f"not a GeoPackage: {error}", source=str(path)) from error
    return [r[0] for r in rows]


def count_rows(path, table: str) -> int:
    with closing(open_read_only(path)) as db:
        return db.execute(f"SELECT count(*) FROM {_quote(table)}").fetchone()[0]


def read_rows(path, table: str, schema: Schema, *, batch: int = 20_000) -> Iterator[tuple]:
    """``(key, values, geometry blob)`` for every row, sorted by ``schema.key`` in
    Python's order (values in ``schema.fields`` order)."""
    geometry = geometry_column(path, table)
    key_field = schema.field(schema.key)
    order = _quote(schema.key)
    if key_field is None or key_field.type != INTEGER:
        # BINARY = memcmp of UTF-8 = code-point order = how Python compares str, whatever
        # collation the column was declared with.
        order += " COLLATE BINARY"
    columns = ", ".join([_quote(schema.key)] + [_quote(f.name) for f in schema.fields]
                        + [_quote(geometry) if geometry else "NULL"])
    sql = f"SELECT {columns} FROM {_quote(table)} ORDER BY {order}"
    with closing(open_read_only(path)) as db:
        try:
            cursor = db.execute(sql)
        except sqlite3.Error as error:
            raise GeoPackageError(f"{table}: {error}", source=str(path)) from error
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                return
            for r in rows:
                yield r[0], r[1:-1], r[-1]
