"""Geometries between ISO WKB (what proposals hold) and GML (what WFS speaks), through OGR.

OGR writes and reads the GML; we only choose the dialect. ``srsName`` is written in the
short ``EPSG:code`` form, which WFS 1.1.0 servers (QGIS Server, GeoServer, MapServer) read
in x/y (easting/longitude first) order, the order WKB has: the URN form would make a
server flip lat/long axes for geographic CRSs.
"""

from __future__ import annotations

from lxml import etree

from ..errors import GeoGovError
from ..xmlsafe import parse_xml

NS_GML = "http://www.opengis.net/gml"
NS_GML32 = "http://www.opengis.net/gml/3.2"


class GeometryEncodingError(GeoGovError):
    """A geometry OGR cannot read or write (``geometry.wkb`` / ``geometry.gml``)."""

    code = "geometry.gml"


def _ogr():
    from osgeo import ogr  # GDAL ships with every QGIS; imported when a geometry is met

    return ogr


def _srs(crs: str):
    from osgeo import osr

    srs = osr.SpatialReference()
    try:
        failed = srs.SetFromUserInput(crs) != 0
    except RuntimeError:          # osr.UseExceptions() is on inside QGIS
        failed = True
    if failed:
        raise GeometryEncodingError(f"Unknown CRS {crs!r}", code="geometry.crs", crs=crs)
    return srs


_SRS_CACHE: dict = {}

# QGIS Server 3.22 (QgsOgcUtils::geometryFromGML) reads MultiPoint/MultiLineString/
# MultiPolygon with pointMember/lineStringMember/polygonMember only; OGR's GML3 writes
# MultiCurve/MultiSurface with curveMember/surfaceMember. The GML 3.1.1 names below are
# still valid GML 3.1.1 (deprecated, not removed) and every WFS 1.1.0 server reads them.
_GML311_RENAMES = {
    "MultiCurve": "MultiLineString",
    "curveMember": "lineStringMember",
    "MultiSurface": "MultiPolygon",
    "surfaceMember": "polygonMember",
}


def wkb_to_gml(wkb: bytes, crs: str, version: str = "1.1.0", gml_id: str = "") -> etree._Element:
    """A GML element for ``wkb`` (GML 3.1.1 for WFS 1.1.0, GML 3.2 for WFS 2.0.0)."""
    ogr = _ogr()
    try:
        geometry = ogr.CreateGeometryFromWkb(bytes(wkb))
    except RuntimeError:
        geometry = None
    if geometry is None:
        raise GeometryEncodingError("OGR cannot read the geometry (WKB)", code="geometry.wkb")
    if crs:
        srs = _SRS_CACHE.get(crs)
        if srs is None:
            srs = _SRS_CACHE.setdefault(crs, _srs(crs))
        geometry.AssignSpatialReference(srs)
    options = ["SRSNAME_FORMAT=SHORT", "NAMESPACE_DECL=YES"]
    if version.startswith("2"):
        options += ["FORMAT=GML32", f"GMLID={gml_id or 'g1'}"]
    else:
        options += ["FORMAT=GML3"]
    text = geometry.ExportToGML(options=options)
    if not text:
        raise GeometryEncodingError("OGR cannot write this geometry as GML", code="geometry.gml")
    element = parse_xml(text)
    if not version.startswith("2"):
        for node in element.iter():
            local = etree.QName(node).localname
            if local in _GML311_RENAMES:
                node.tag = f"{{{NS_GML}}}{_GML311_RENAMES[local]}"
    return element


def gml_to_wkb(element) -> bytes:
    """ISO WKB of a GML geometry element (any GML version OGR reads)."""
    ogr = _ogr()
    text = etree.tostring(element, encoding="unicode")
    try:
        geometry = ogr.CreateGeometryFromGML(text)
    except RuntimeError:
        geometry = None
    if geometry is None:
        raise GeometryEncodingError("OGR cannot read the GML geometry", code="geometry.gml",
                                    element=etree.QName(element).localname)
    return bytes(geometry.ExportToIsoWkb())
