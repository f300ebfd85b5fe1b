"""The geometry reader behind fingerprints and the diff: WKB, EWKB, GeoPackage blobs."""

import struct

import pytest
from osgeo import ogr

from geogov.plugin.proposals import wkb

WKT = [
    "POINT (1 2)", "POINT Z (1 2 3)", "POINT M (1 2 4)", "POINT ZM (1 2 3 4)",
    "LINESTRING (0 0,1 1,2 0.5)", "LINESTRING Z (0 0 1,1 1 2)",
    "POLYGON ((0 0,10 0,10 10,0 10,0 0),(2 2,3 2,3 3,2 2))",
    "MULTIPOINT ((1 2),(3 4))", "MULTILINESTRING ((0 0,1 1),(2 2,3 3))",
    "MULTIPOLYGON (((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))",
    "MULTIPOLYGON Z (((0 0 1,1 0 1,1 1 1,0 0 1)))",
    "GEOMETRYCOLLECTION (POINT (1 2),LINESTRING (0 0,1 1))",
    "CIRCULARSTRING (0 0,1 1,2 0)", "COMPOUNDCURVE (CIRCULARSTRING (0 0,1 1,2 0),(2 0,3 0))",
    "CURVEPOLYGON (CIRCULARSTRING (0 0,2 0,2 2,0 2,0 0))",
    "MULTISURFACE (CURVEPOLYGON (CIRCULARSTRING (0 0,2 0,2 2,0 2,0 0)))",
]


@pytest.mark.parametrize("wkt", WKT)
def test_iso_wkb_written_by_ogr_round_trips(wkt):
    geometry = ogr.CreateGeometryFromWkt(wkt)
    iso = bytes(geometry.ExportToIsoWkb())
    parsed = wkb.parse_raw(iso)
    assert wkb.to_wkb(parsed) == iso
    assert wkb.TYPE_NAMES[parsed[0]].upper() == geometry.GetGeometryName()
    assert parsed[1:3] == (bool(geometry.Is3D()), bool(geometry.IsMeasured()))


@pytest.mark.parametrize("wkt", WKT)
def test_big_endian_and_old_25d_flags_read_as_the_same(wkt):
    geometry = ogr.CreateGeometryFromWkt(wkt)
    old_style = bytes(geometry.ExportToWkb(ogr.wkbXDR))       # big-endian, 0x80000000 for Z
    assert old_style != bytes(geometry.ExportToIsoWkb())
    assert wkb.parse_raw(old_style) == wkb.parse_raw(bytes(geometry.ExportToIsoWkb()))


def test_to_iso_wkb_strips_geopackage_header_and_ewkb_srid():
    iso = struct.pack("<BIdd", 1, 1, 651000.5, 6862000.25)
    envelope = struct.pack("<4d", 651000.5, 651000.5, 6862000.25, 6862000.25)
    header = b"GP\x00\x03" + struct.pack("<i", 2154) + envelope
    assert wkb.to_iso_wkb(header + iso) == iso
    ewkb = struct.pack("<BIIdd", 1, 0x20000001, 2154, 651000.5, 6862000.25)
    assert wkb.to_iso_wkb(ewkb) == iso
    assert wkb.to_iso_wkb(iso) == iso
    assert wkb.to_iso_wkb(None) is None


def test_empty_geometries_parse_to_none():
    assert wkb.parse(bytes(ogr.CreateGeometryFromWkt("POINT EMPTY").ExportToIsoWkb())) is None
    assert wkb.parse(bytes(ogr.CreateGeometryFromWkt("MULTIPOLYGON EMPTY").ExportToIsoWkb())) is None
    assert wkb.parse(b"") is None and wkb.parse(None) is None


def test_nan_z_is_dropped_but_a_real_z_is_kept():
    nan_z = struct.pack("<BI3d", 1, 1001, 1.0, 2.0, float("nan"))
    assert wkb.parse(nan_z) == (1, False, False, (1.0, 2.0))
    real_z = struct.pack("<BI3d", 1, 1001, 1.0, 2.0, 30.0)
    assert wkb.parse(real_z) == (1, True, False, (1.0, 2.0, 30.0))
    assert wkb.parse(real_z, "XY") == (1, False, False, (1.0, 2.0))
    nan_m_only = struct.pack("<BI4d", 1, 3001, 1.0, 2.0, 30.0, float("nan"))
    assert wkb.parse(nan_m_only) == (1, True, False, (1.0, 2.0, 30.0))


def test_same_geometry_half_a_millimetre_in_lambert_93():
    a = struct.pack("<BIdd", 1, 1, 651000.0, 6862000.0)
    assert wkb.same_geometry(a, struct.pack("<BIdd", 1, 1, 651000.0004, 6862000.0))
    assert not wkb.same_geometry(a, struct.pack("<BIdd", 1, 1, 651000.01, 6862000.0))
    assert not wkb.same_geometry(a, None)
    line = bytes(ogr.CreateGeometryFromWkt("LINESTRING (0 0,1 1)").ExportToIsoWkb())
    longer = bytes(ogr.CreateGeometryFromWkt("LINESTRING (0 0,1 1,2 2)").ExportToIsoWkb())
    assert not wkb.same_geometry(line, longer)


@pytest.mark.parametrize("crs, decimals", [
    ("EPSG:2154", 3), ("urn:ogc:def:crs:EPSG::2154", 3), ("http://www.opengis.net/def/crs/EPSG/0/2154", 3),
    ("EPSG:4326", 8), ("EPSG:4171", 8), ("", 8), ("not a crs", 8),
])
def test_crs_decimals(crs, decimals):
    assert wkb.crs_decimals(crs) == decimals


@pytest.mark.parametrize("layer_type, dims, base", [
    ("Point", "XY", "Point"), ("PointZ", "XYZ", "Point"), ("MultiPolygonZM", "XYZM", "MultiPolygon"),
    ("LineString25D", "XYZ", "LineString"), ("POINTM", "XYM", "Point"),
    ("MULTIPOLYGON", "XY", "MultiPolygon"),
])
def test_layer_type_names(layer_type, dims, base):
    assert wkb.layer_dimensions(layer_type) == dims
    assert wkb.base_type_name(layer_type) == base


@pytest.mark.parametrize("blob", [b"\x02\x01\x00\x00\x00", b"\x01\x01\x00\x00\x00\x00",
                                  b"\x01\x63\x00\x00\x00", "zz", b"GP\x00\x0f\x00\x00\x00\x00"])
def test_unreadable_blobs_raise_geometry_error(blob):
    with pytest.raises(wkb.GeometryError) as caught:
        wkb.parse_raw(blob)
    assert caught.value.code == "geometry.unreadable"
