"""GeoPackage plumbing for the proposal store: geometry blobs, SRS rows, layer views.

A GeoPackage feature table has exactly one geometry column (GPKG 1.2, req. 30), and one
SRS. Proposal changes carry two geometries (old and new) in the CRS of their target, so
the store keeps them as GPKG geometry blobs in two BLOB columns of ``proposal_changes``
(an "attributes" table) and registers, per SRS met, two *spatial views*
``proposal_changes_old_<srs>`` / ``proposal_changes_new_<srs>`` in gpkg_contents and
gpkg_geometry_columns: GDAL, hence QGIS, opens them as layers (filter them on
``proposal_id``). GDAL takes a view's FID from a column named ``OGC_FID``.
"""

from __future__ import annotations

import struct
from typing import Optional

from ....errors import StoreError

APPLICATION_ID = 0x47504B47       # "GPKG"
USER_VERSION = 10200              # GeoPackage 1.2
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def to_gpkg_blob(wkb: Optional[bytes], srs_id: int) -> Optional[bytes]:
    """ISO WKB → GeoPackage geometry blob (standard binary, little-endian header).

    No envelope is written (indicator 0, allowed by the standard): computing one would
    mean parsing every WKB type here, and readers compute extents themselves.
    """
    if wkb is None:
        return None
    flags = 0b0000_0001           # header byte order: little endian; envelope: none
    return b"GP" + bytes([0, flags]) + struct.pack("<i", srs_id) + bytes(wkb)


def from_gpkg_blob(blob: Optional[bytes]) -> Optional[bytes]:
    """GeoPackage geometry blob → the WKB inside."""
    if blob is None:
        return None
    blob = bytes(blob)
    if len(blob) < 8 or blob[:2] != b"GP":
        raise StoreError("not a GeoPackage geometry blob", code="store.bad_value")
    envelope = (blob[3] >> 1) & 0b111
    if envelope not in _ENVELOPE_BYTES:
        raise StoreError(f"bad GeoPackage envelope indicator {envelope}", code="store.bad_value")
    return blob[8 + _ENVELOPE_BYTES[envelope]:]


def srs_definition(srs_id: int) -> tuple:
    """(name, WKT) of an EPSG code, from GDAL's osr; ("EPSG:n", "undefined") if unknown."""
    from osgeo import osr  # GDAL ships with every QGIS; imported late: only new SRSs need it

    srs = osr.SpatialReference()
    # Checked return code rather than osr.UseExceptions(): that switch is process-wide,
    # and inside QGIS it would change GDAL's behaviour for every other plugin.
    if srs.ImportFromEPSG(int(srs_id)) != 0:
        return f"EPSG:{srs_id}", "undefined"
    return srs.GetName() or f"EPSG:{srs_id}", srs.ExportToWkt()


def ensure_srs(conn, srs_id: int) -> None:
    """Add an EPSG SRS to gpkg_spatial_ref_sys (inside the caller's transaction)."""
    if conn.execute("SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (srs_id,)).fetchone():
        return
    name, wkt = srs_definition(srs_id)
    conn.execute("INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, "
                 "organization_coordsys_id, definition, description) VALUES (?, ?, 'EPSG', ?, ?, '')",
                 (name, srs_id, srs_id, wkt))


def view_name(side: str, srs_id: int) -> str:
    suffix = str(srs_id) if srs_id >= 0 else f"m{-srs_id}"
    return f"proposal_changes_{side}_{suffix}"


def ensure_change_views(conn, srs_id: int, now_text: str) -> None:
    """Create and register the old/new spatial views of one SRS (inside the caller's transaction)."""
    ensure_srs(conn, srs_id)
    for side in ("old", "new"):
        name = view_name(side, srs_id)
        if conn.execute("SELECT 1 FROM gpkg_contents WHERE table_name = ?", (name,)).fetchone():
            continue
        # srs_id is an int and side one of two literals: nothing user-supplied is spliced.
        conn.execute(
            f'CREATE VIEW IF NOT EXISTS "{name}" AS SELECT c.id AS OGC_FID, c.proposal_id, '
            f"p.dataset, p.title, p.status, p.author, p.partner, c.seq, c.op, c.feature_key, "
            f"c.changed_fields, c.geometry_changed, c.{side}_attributes AS attributes, "
            f"c.{side}_geom AS geom FROM proposal_changes c JOIN proposals p ON p.id = c.proposal_id "
            f"WHERE c.srs_id = {int(srs_id)} AND c.{side}_geom IS NOT NULL")
        conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
                     "last_change, srs_id) VALUES (?, 'features', ?, ?, ?, ?)",
                     (name, name, f"{side} geometries of proposed changes (SRS {srs_id})",
                      now_text, srs_id))
        conn.execute("INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, "
                     "srs_id, z, m) VALUES (?, 'geom', 'GEOMETRY', ?, 2, 2)", (name, srs_id))
