"""Geometry blobs as the diff and the fingerprints see them: parsed, normalised, compared.

The same feature reaches us as different bytes depending on the path: a GeoPackage blob
(``GP`` header + envelope before the WKB), ISO WKB from OGR/QGIS, PostGIS EWKB (SRID and
Z/M as high bits of the type), 3D WKB whose Z is NaN because the source had none, and
coordinates printed by a WFS with fewer decimals. This module reads all of them into one
plain structure so "same geometry" can be decided on coordinates, not on bytes.

A parsed geometry is a tuple ``(type_code, has_z, has_m, body)`` where ``type_code`` is
the ISO base code (1 Point … 7 GeometryCollection, 8–17 curves and surfaces) and
``body`` is: for a point, the coordinate tuple; for LineString/CircularString, a tuple of
coordinate tuples; for Polygon/Triangle, a tuple of rings; for every collection type, a
tuple of parsed geometries. An empty geometry parses to None (like no geometry).
"""

from __future__ import annotations

import functools
import math
import struct

from ..errors import GeoGovError

TYPE_NAMES = {
    1: "Point", 2: "LineString", 3: "Polygon", 4: "MultiPoint", 5: "MultiLineString",
    6: "MultiPolygon", 7: "GeometryCollection", 8: "CircularString", 9: "CompoundCurve",
    10: "CurvePolygon", 11: "MultiCurve", 12: "MultiSurface", 13: "Curve", 14: "Surface",
    15: "PolyhedralSurface", 16: "Tin", 17: "Triangle",
}
TYPE_CODES = {name.lower(): code for code, name in TYPE_NAMES.items()}
_POINT_LISTS = {2, 8}
_RING_LISTS = {3, 17}
_COLLECTIONS = {4, 5, 6, 7, 9, 10, 11, 12, 15, 16}

# Decimals kept when rounding coordinates, by kind of CRS: 1 mm in a projected CRS in
# metres (a 1 cm move in Lambert-93 stays a change), 1e-8 degree (about 1 mm) in a
# geographic one. An unknown CRS gets the finer of the two.
PROJECTED_DECIMALS = 3
GEOGRAPHIC_DECIMALS = 8

_GPKG_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


class GeometryError(GeoGovError):
    """A geometry blob that is neither WKB, EWKB nor a GeoPackage geometry."""

    code = "geometry.unreadable"


# ---------------------------------------------------------------------------- parsing
def _wkb_start(blob) -> int:
    """Offset of the WKB inside ``blob``: past a GeoPackage header, or 0."""
    if blob[:2] == b"GP":
        if len(blob) < 8:
            raise GeometryError("truncated GeoPackage geometry header")
        flags = blob[3]
        envelope = (flags >> 1) & 0x07
        if envelope not in _GPKG_ENVELOPE_BYTES:
            raise GeometryError(f"bad GeoPackage envelope indicator {envelope}")
        return 8 + _GPKG_ENVELOPE_BYTES[envelope]
    return 0


def _read(buf, pos):
    order = buf[pos]
    if order not in (0, 1):
        raise GeometryError(f"bad WKB byte order {order} at offset {pos}")
    endian = "<" if order == 1 else ">"
    (code,) = struct.unpack_from(endian + "I", buf, pos + 1)
    pos += 5
    # EWKB (PostGIS) and the old OGC 2.5D convention put flags in the high bits.
    has_z = bool(code & 0x80000000)
    has_m = bool(code & 0x40000000)
    if code & 0x20000000:
        pos += 4                                  # EWKB SRID: the CRS is known elsewhere
    code &= 0x0FFFFFFF
    thousands, code = divmod(code, 1000)
    if thousands == 1 or thousands == 3:
        has_z = True
    if thousands == 2 or thousands == 3:
        has_m = True
    if code not in TYPE_NAMES:
        raise GeometryError(f"unknown WKB geometry type {code}")
    dims = 2 + has_z + has_m
    if code == 1:
        body = struct.unpack_from(endian + "d" * dims, buf, pos)
        return (code, has_z, has_m, body), pos + 8 * dims
    (count,) = struct.unpack_from(endian + "I", buf, pos)
    pos += 4
    if code in _POINT_LISTS:
        body, pos = _read_points(buf, pos, endian, dims, count)
    elif code in _RING_LISTS:
        rings = []
        for _ in range(count):
            (n,) = struct.unpack_from(endian + "I", buf, pos)
            ring, pos = _read_points(buf, pos + 4, endian, dims, n)
            rings.append(ring)
        body = tuple(rings)
    else:
        parts = []
        for _ in range(count):
            part, pos = _read(buf, pos)
            parts.append(part)
        body = tuple(parts)
    return (code, has_z, has_m, body), pos


def _read_points(buf, pos, endian, dims, count):
    flat = struct.unpack_from(f"{endian}{dims * count}d", buf, pos)
    if dims == 2:
        points = tuple(zip(flat[0::2], flat[1::2]))
    else:
        points = tuple(flat[i:i + dims] for i in range(0, dims * count, dims))
    return points, pos + 8 * dims * count


def parse_raw(blob):
    """The parsed geometry exactly as stored (dimensions kept), or None for no geometry.

    ``blob`` is WKB, EWKB or a GeoPackage blob (bytes, bytearray, memoryview, or a hex
    string as PostgreSQL returns geometry columns).
    """
    if blob is None:
        return None
    if isinstance(blob, str):
        try:
            blob = bytes.fromhex(blob)
        except ValueError as error:
            raise GeometryError(f"geometry text is not hex: {error}") from error
    buf = bytes(blob)
    if not buf:
        return None
    try:
        geometry, _ = _read(buf, _wkb_start(buf))
    except (struct.error, IndexError) as error:
        raise GeometryError(f"truncated geometry: {error}") from error
    return geometry


def _all_nan(geometry, index_from_end: int) -> bool:
    """Whether every vertex has NaN at the ordinate counted from the end (1 = last)."""
    for point in _vertices(geometry):
        if not math.isnan(point[-index_from_end]):
            return False
    return True


def _vertices(geometry):
    code, _, _, body = geometry
    if code == 1:
        yield body
    elif code in _POINT_LISTS:
        yield from body
    elif code in _RING_LISTS:
        for ring in body:
            yield from ring
    else:
        for part in body:
            yield from _vertices(part)


def _reshape(geometry, keep_z: bool, keep_m: bool):
    """The same geometry with Z and/or M removed from every vertex."""
    code, has_z, has_m, body = geometry
    # Index of each kept ordinate in a vertex laid out x, y[, z][, m].
    indexes = [0, 1]
    if has_z and keep_z:
        indexes.append(2)
    if has_m and keep_m:
        indexes.append(2 + has_z)

    def point(p):
        return tuple(p[i] for i in indexes)

    if code == 1:
        new_body = point(body)
    elif code in _POINT_LISTS:
        new_body = tuple(point(p) for p in body)
    elif code in _RING_LISTS:
        new_body = tuple(tuple(point(p) for p in ring) for ring in body)
    else:
        new_body = tuple(_reshape(part, keep_z, keep_m) for part in body)
    return (code, has_z and keep_z, has_m and keep_m, new_body)


def _is_empty(geometry) -> bool:
    code, _, _, body = geometry
    if code == 1:
        # OGR and GeoPackage write POINT EMPTY as NaN coordinates.
        return math.isnan(body[0]) and math.isnan(body[1])
    if code in _POINT_LISTS or code in _RING_LISTS:
        return len(body) == 0
    return all(_is_empty(part) for part in body)


def parse(blob, dimensions: str | None = None):
    """The parsed geometry with representation-only differences removed.

    Z (or M) is dropped when every vertex has NaN there (a 2D source read as 3D), and
    always when ``dimensions`` (e.g. "XY", "XYZ", from :func:`layer_dimensions`) says
    the layer has none: a 2D layer cannot store a Z, so a Z only one path shows is no
    difference. Empty geometries become None.
    """
    geometry = parse_raw(blob)
    if geometry is None or _is_empty(geometry):
        return None
    _, has_z, has_m, _ = geometry
    keep_z = has_z and (dimensions is None or "Z" in dimensions)
    keep_m = has_m and (dimensions is None or "M" in dimensions)
    if keep_m and _all_nan(geometry, 1):
        keep_m = False
    if keep_z and _all_nan(geometry, 2 if has_m else 1):
        keep_z = False
    if keep_z != has_z or keep_m != has_m:
        geometry = _reshape(geometry, keep_z, keep_m)
    return geometry


def layer_dimensions(geometry_type: str) -> str | None:
    """"XY", "XYZ", "XYM" or "XYZM" from a layer type such as "PointZ"; None if unknown."""
    if not geometry_type:
        return None
    name = geometry_type.strip()
    upper = name.upper()
    if upper.endswith("ZM"):
        return "XYZM"
    if upper.endswith(("25D", "Z")):
        return "XYZ"
    if upper.endswith("M") and upper[:-1].lower() in TYPE_CODES:
        return "XYM"
    return "XY"


def base_type_name(geometry_type: str) -> str:
    """"MultiPolygon" from "MultiPolygonZ", "MULTIPOLYGON", "multipolygon25D"…"""
    name = geometry_type.strip()
    for suffix in ("25D", "ZM", "Z", "M"):
        if name.upper().endswith(suffix) and name[:-len(suffix)].lower() in TYPE_CODES:
            name = name[:-len(suffix)]
            break
    code = TYPE_CODES.get(name.lower())
    return TYPE_NAMES[code] if code else name


def type_name(geometry) -> str:
    """"MultiPolygonZ" etc. for a parsed geometry."""
    code, has_z, has_m, _ = geometry
    return TYPE_NAMES[code] + ("Z" if has_z else "") + ("M" if has_m else "")


# ---------------------------------------------------------------------------- writing
def to_wkb(geometry) -> bytes | None:
    """ISO WKB (little-endian) of a parsed geometry."""
    if geometry is None:
        return None
    out = bytearray()
    _write(geometry, out)
    return bytes(out)


def _write(geometry, out):
    code, has_z, has_m, body = geometry
    dims = 2 + has_z + has_m
    out += struct.pack("<BI", 1, code + 1000 * has_z + 2000 * has_m)
    if code == 1:
        out += struct.pack(f"<{dims}d", *body)
    elif code in _POINT_LISTS:
        out += struct.pack("<I", len(body))
        out += struct.pack(f"<{dims * len(body)}d", *(c for p in body for c in p))
    elif code in _RING_LISTS:
        out += struct.pack("<I", len(body))
        for ring in body:
            out += struct.pack("<I", len(ring))
            out += struct.pack(f"<{dims * len(ring)}d", *(c for p in ring for c in p))
    else:
        out += struct.pack("<I", len(body))
        for part in body:
            _write(part, out)


def to_iso_wkb(blob) -> bytes | None:
    """ISO WKB of any accepted blob, every ordinate kept (a GeoPackage header or EWKB
    flags removed). An empty geometry stays as it is; None stays None."""
    if blob is None:
        return None
    if isinstance(blob, (bytes, bytearray, memoryview)):
        buf = bytes(blob)
        # Already little-endian ISO WKB without EWKB flags: nothing to rewrite.
        if buf[:1] == b"\x01" and len(buf) >= 5 and not buf[4] & 0xE0:
            return buf
    return to_wkb(parse_raw(blob))


# ---------------------------------------------------------------------------- comparing
@functools.lru_cache(maxsize=64)
def crs_decimals(crs: str) -> int:
    """Decimals kept for coordinates in ``crs`` ("EPSG:2154", an OGC URN or URL, WKT)."""
    if not crs:
        return GEOGRAPHIC_DECIMALS
    from .srs import is_geographic

    return PROJECTED_DECIMALS if is_geographic(crs) is False else GEOGRAPHIC_DECIMALS


def _rounded(value: float, decimals: int) -> str:
    if math.isnan(value):
        return "nan"
    # + 0.0 turns -0.0 into 0.0: a sign of zero is no difference.
    return repr(round(value, decimals) + 0.0)


def canonical_text(geometry, decimals: int) -> str:
    """A text that is the same for two parsed geometries whose coordinates round equal."""
    code, has_z, has_m, body = geometry
    head = f"{code}{'Z' if has_z else ''}{'M' if has_m else ''}"

    def point(p):
        return " ".join(_rounded(c, decimals) for c in p)

    if code == 1:
        inner = point(body)
    elif code in _POINT_LISTS:
        inner = ",".join(point(p) for p in body)
    elif code in _RING_LISTS:
        inner = ",".join("(" + ",".join(point(p) for p in ring) + ")" for ring in body)
    else:
        inner = ",".join(canonical_text(part, decimals) for part in body)
    return f"{head}({inner})"


def same_parsed(a, b, tolerance: float) -> bool:
    """Same type, dimensions and structure, every ordinate within ``tolerance``."""
    if a is None or b is None:
        return a is None and b is None
    code, has_z, has_m, body = a
    if (code, has_z, has_m) != b[:3] or len(body) != len(b[3]):
        return False
    if code == 1:
        return _close_points(body, b[3], tolerance)
    if code in _POINT_LISTS:
        return all(_close_points(p, q, tolerance) for p, q in zip(body, b[3]))
    if code in _RING_LISTS:
        return all(len(r) == len(s) and all(_close_points(p, q, tolerance) for p, q in zip(r, s))
                   for r, s in zip(body, b[3]))
    return all(same_parsed(p, q, tolerance) for p, q in zip(body, b[3]))


def _close_points(p, q, tolerance):
    for x, y in zip(p, q):
        if not abs(x - y) <= tolerance:
            if math.isnan(x) and math.isnan(y):
                continue
            return False
    return True


def same_geometry(a, b, *, decimals: int = PROJECTED_DECIMALS, dimensions: str | None = None) -> bool:
    """Whether two blobs hold the same geometry up to representation and half a unit of
    the last kept decimal (0.5 mm in a projected CRS with the default 3 decimals)."""
    if a == b:
        return True
    return same_parsed(parse(a, dimensions), parse(b, dimensions), 0.5 * 10.0 ** -decimals)
