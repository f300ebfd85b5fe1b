"""GDAL/OGR plumbing for territories: quiet errors, blobs to geometries, CRS transforms.

Everything here works with GDAL's own PROJ contexts, never QGIS's: QGIS 3.22 can lose a
CRS's PROJ object when the worker threads that first used it end (a QgsCoordinateTransform
between two valid CRSs then comes out invalid and silently transforms nothing), which made
proposals look "outside the territory" at random (see tests/qgis/test_territory_threads.py).
"""

from __future__ import annotations

import struct
import threading
from contextlib import contextmanager
from typing import Optional

from ..proposals import wkb


def json_nesting(data: bytes) -> int:
    """The nesting depth of a GeoJSON file's bytes; 0 when they are not JSON text (a
    GeoPackage, a Shapefile…). OGR refuses a GeoJSON nesting a thousand levels or so with
    only "Failed to read GeoJSON data": checked first, the refusal can say why."""
    from ..xmlsafe import json_depth

    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"["):
        return 0
    return json_depth(data.decode("utf-8", "replace"))


def file_json_nesting(path: str) -> int:
    """:func:`json_nesting` of the file at ``path`` (only its first bytes are read when
    they are not JSON)."""
    with open(path, "rb") as handle:
        head = handle.read(64)
        if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"["):
            return 0
        return json_nesting(head + handle.read())


@contextmanager
def quiet_gdal():
    """Collect GDAL's error messages (yielded list) instead of printing them; works whether
    or not osgeo exceptions are on (QGIS turns them on)."""
    from osgeo import gdal

    messages = []

    def collect(_class, _number, message):
        messages.append(message)

    gdal.PushErrorHandler(collect)
    try:
        yield messages
    finally:
        gdal.PopErrorHandler()


def surface_area(geometry) -> float:
    """The area of ``geometry``'s surfaces only. GDAL >= 3.10 gives a closed line an area (the
    ring it would bound), so the shared border of two communes, a closed MultiLineString, had
    one: measured, 1.19 km² for the border of communes 02232 and 60658 under GDAL 3.13."""
    from osgeo import ogr

    flat = ogr.GT_Flatten(geometry.GetGeometryType())
    if flat in (ogr.wkbPolygon, ogr.wkbMultiPolygon, ogr.wkbCurvePolygon, ogr.wkbMultiSurface):
        return geometry.GetArea()
    if flat == ogr.wkbGeometryCollection:
        return sum(surface_area(geometry.GetGeometryRef(index))
                   for index in range(geometry.GetGeometryCount()))
    return 0.0


def point_xy(blob) -> Optional[tuple]:
    """(x, y) of a 2D/3D/M point blob (WKB, EWKB, GeoPackage), None for anything else.

    The fast path of the territory check: a point is read with struct, without OGR.
    """
    if blob is None:
        return None
    buf = blob if isinstance(blob, (bytes, bytearray)) else bytes(blob)
    try:
        start = wkb._wkb_start(buf)
        order = buf[start]
        endian = "<" if order == 1 else ">"
        (code,) = struct.unpack_from(endian + "I", buf, start + 1)
    except (IndexError, struct.error, wkb.GeometryError):
        return None
    offset = start + 5
    if code & 0x20000000:
        offset += 4                       # EWKB SRID
    if (code & 0x0FFFFFFF) % 1000 != 1:
        return None
    try:
        x, y = struct.unpack_from(endian + "dd", buf, offset)
    except struct.error:
        return None
    if x != x or y != y:                  # NaN: an empty point
        return None
    return x, y


def geometry_of(blob):
    """The ogr.Geometry of a blob (flattened to 2D), None when empty or unreadable."""
    from osgeo import ogr

    try:
        iso = wkb.to_wkb(wkb.parse_raw(blob))
    except wkb.GeometryError:
        return None
    if iso is None:
        return None
    with quiet_gdal():
        try:
            geometry = ogr.CreateGeometryFromWkb(iso)
        except RuntimeError:
            return None
    if geometry is None or geometry.IsEmpty():
        return None
    geometry.FlattenTo2D()
    return geometry


def spatial_reference(text: str):
    """osr.SpatialReference (GIS axis order) of a CRS text or WKT, None when unknown."""
    from ..proposals.srs import spatial_reference as from_text

    return from_text(text, gis_axis_order=True) if text else None


_LOCAL = threading.local()


def transformation(source_text: str, target_text: str):
    """An osr.CoordinateTransformation between two CRS (texts or WKT, GIS axis order);
    None when both are the same CRS; ValueError when it cannot be built. Kept per thread
    (GDAL's transformations are not to be shared between threads)."""
    cache = getattr(_LOCAL, "transforms", None)
    if cache is None:
        cache = _LOCAL.transforms = {}
    key = (source_text, target_text)
    if key not in cache:
        if len(cache) > 32:
            cache.clear()
        cache[key] = _transformation(source_text, target_text)
    return cache[key]


def _transformation(source_text: str, target_text: str):
    from osgeo import osr

    source = spatial_reference(source_text)
    target = spatial_reference(target_text)
    if source is None or target is None:
        raise ValueError(f"unknown CRS {target_text if source is not None else source_text!r}")
    if source.IsSame(target):
        return None
    with quiet_gdal() as messages:
        try:
            transform = osr.CoordinateTransformation(source, target)
        except (RuntimeError, TypeError):
            transform = None
    if transform is None:
        raise ValueError(messages[-1] if messages else f"no transformation to {target_text}")
    return transform


def metric_crs_wkt(reference_wkt: str, envelope) -> str:
    """A CRS in metres to buffer in: the reference's own when it is projected, else the
    UTM zone of the envelope's centre (a geographic reference file)."""
    srs = spatial_reference(reference_wkt)
    if srs is not None and srs.IsProjected():
        return reference_wkt
    from osgeo import osr

    minx, maxx, miny, maxy = envelope
    lon, lat = (minx + maxx) / 2, (miny + maxy) / 2
    zone = int((lon + 180) // 6) + 1
    utm = osr.SpatialReference()
    utm.ImportFromEPSG((32600 if lat >= 0 else 32700) + max(1, min(60, zone)))
    return utm.ExportToWkt()


def prepared(geometry):
    """A prepared geometry (GEOS's fast repeated predicates) when GDAL offers one (3.3+),
    else the geometry itself: both answer Intersects and Contains."""
    make = getattr(geometry, "CreatePreparedGeometry", None)
    if make is None:
        return geometry
    try:
        return make()
    except (RuntimeError, TypeError):
        return geometry
