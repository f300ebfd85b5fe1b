"""Fingerprints are the same for the same feature read through different paths, and
differ as soon as a value or a vertex really changes."""

import datetime as dt
import sqlite3
import struct
import unicodedata

import pytest
from osgeo import ogr, osr

from geogov.plugin.proposals.fingerprint import (
    FINGERPRINT_SCHEME,
    WrongValueType,
    coerce_value,
    fingerprint,
    normalise_value,
    same_feature,
    same_value,
)
from geogov.plugin.proposals.model import FieldDef, Schema

SCHEMA = Schema(
    fields=[FieldDef("fid", "integer", nullable=False, auto=True), FieldDef("identifiant"),
            FieldDef("puissance_w", "integer"), FieldDef("hauteur_m", "real"),
            FieldDef("date_pose", "date"), FieldDef("maj", "datetime"),
            FieldDef("accessible_pmr", "boolean"), FieldDef("photo", "binary")],
    key="fid", geometry_type="Point", crs="EPSG:2154")
GEOGRAPHIC = Schema(fields=SCHEMA.fields, key="fid", geometry_type="Point", crs="EPSG:4326")

BASE = {"fid": 12, "identifiant": "EP-0012", "puissance_w": 70, "hauteur_m": 3.1,
        "date_pose": dt.date(2024, 1, 5), "maj": dt.datetime(2024, 1, 5, 9, 30, tzinfo=dt.timezone.utc),
        "accessible_pmr": True, "photo": b"\x89PNG"}


def point(x, y, *rest, code=1):
    return struct.pack(f"<BI{2 + len(rest)}d", 1, code, x, y, *rest)


GEOM = point(651234.1234567891, 6862000.9876543211)


def gpkg_blob(wkb_bytes, srs_id=2154, envelope=True):
    """A GeoPackage geometry blob as OGR/QGIS write it: header, envelope, WKB."""
    x, y = struct.unpack_from("<dd", wkb_bytes, 5)
    flags = 0b00000001 | ((1 << 1) if envelope else 0)
    header = b"GP" + bytes([0, flags]) + struct.pack("<i", srs_id)
    return header + (struct.pack("<4d", x, x, y, y) if envelope else b"") + wkb_bytes


# ---------------------------------------------------------------------------- normalise_value
@pytest.mark.parametrize("field_type, a, b", [
    ("integer", "12", 12), ("integer", " 12 ", 12.0), ("integer", "12.0", 12), ("integer", True, 1),
    ("real", "3.10", 3.1), ("real", "3.1", 3.1000000000001), ("real", 0.1 + 0.2, 0.3), ("real", -0.0, 0),
    ("real", "1e3", 1000), ("date", "2024-01-05", dt.date(2024, 1, 5)),
    ("date", "2024-01-05Z", dt.date(2024, 1, 5)), ("date", dt.datetime(2024, 1, 5, 13, 0), "2024-01-05"),
    ("datetime", "2024-01-05T10:00:00Z", dt.datetime(2024, 1, 5, 10, tzinfo=dt.timezone.utc)),
    ("datetime", "2024-01-05T11:00:00+01:00", dt.datetime(2024, 1, 5, 10)),
    ("datetime", "2024-01-05 10:00:00.750", "2024-01-05T10:00:00"),
    ("boolean", "true", True), ("boolean", "1", True), ("boolean", "f", False), ("boolean", 0, False),
    ("string", "", None), ("string", unicodedata.normalize("NFD", "Évry"), "Évry"), ("string", 12, "12"),
    ("integer", "", None), ("date", "", None),
    ("binary", "iVBORw==", b"\x89PNG"),
])
def test_same_value_in_different_representations(field_type, a, b):
    assert normalise_value(a, field_type) == normalise_value(b, field_type)
    assert same_value(a, b, field_type)


@pytest.mark.parametrize("field_type, a, b", [
    ("integer", 12, 13), ("real", 3.1, 3.11), ("real", 0.0, None), ("date", "2024-01-05", "2024-01-06"),
    ("datetime", "2024-01-05T10:00:00Z", "2024-01-05T10:00:01Z"), ("boolean", True, False),
    ("string", "Évry", "Evry"), ("string", "a", "a "), ("integer", 0, None),
])
def test_different_values_stay_different(field_type, a, b):
    assert normalise_value(a, field_type) != normalise_value(b, field_type)
    assert not same_value(a, b, field_type)


@pytest.mark.parametrize("field_type, value", [
    ("integer", "12.5"), ("integer", "douze"), ("integer", 1.5), ("real", "3,10"), ("real", True),
    ("boolean", "peut-être"), ("boolean", 2), ("date", "05/01/2024"), ("date", 20240105),
    ("datetime", "hier"), ("binary", "not base64!"),
])
def test_unconvertible_values_raise_wrong_value_type(field_type, value):
    with pytest.raises(WrongValueType) as caught:
        normalise_value(value, field_type)
    assert caught.value.code == "value.wrong_type"
    assert caught.value.params["type"] == field_type


def test_coerce_value_gives_python_types():
    assert coerce_value("12", "integer") == 12
    assert coerce_value("2024-01-05", "date") == dt.date(2024, 1, 5)
    assert coerce_value("2024-01-05T10:00:00Z", "datetime") == dt.datetime(2024, 1, 5, 10,
                                                                           tzinfo=dt.timezone.utc)
    assert coerce_value("0", "boolean") is False
    assert coerce_value([1, 2], "stringlist") == [1, 2]


# ---------------------------------------------------------------------------- fingerprint
def test_fingerprint_is_sha256_hex_and_names_its_scheme():
    value = fingerprint(BASE, GEOM, SCHEMA)
    assert len(value) == 64 and int(value, 16) >= 0
    assert FINGERPRINT_SCHEME == "geogov-fp/1"


def as_wfs_strings(attributes):
    """What a WFS GetFeature gives back: every value as the text of an XML element."""
    return {"identifiant": "EP-0012", "puissance_w": "70", "hauteur_m": "3.10",
            "date_pose": "2024-01-05", "maj": "2024-01-05T09:30:00Z", "accessible_pmr": "true",
            "photo": "iVBORw=="}


@pytest.mark.parametrize("attributes", [
    as_wfs_strings(BASE),
    dict(BASE, fid=999),                                  # the key is not part of it
    {k: BASE[k] for k in reversed(list(BASE))},           # nor the order of the dict
    dict(BASE, unpublished="ignored"),                    # nor names the schema lacks
    dict(BASE, hauteur_m=3.1000000000000005, maj=dt.datetime(2024, 1, 5, 10, 30, 0, 999,
                                                             tzinfo=dt.timezone(dt.timedelta(hours=1)))),
    dict(BASE, puissance_w=70.0, accessible_pmr=1, photo=bytearray(b"\x89PNG")),
], ids=["wfs-strings", "other-key", "order", "extra-name", "float-noise-and-offset", "numeric-forms"])
def test_fingerprint_is_invariant_across_attribute_representations(attributes):
    assert fingerprint(attributes, GEOM, SCHEMA) == fingerprint(BASE, GEOM, SCHEMA)


def test_null_and_empty_text_and_missing_name_are_the_same():
    with_null = dict(BASE, identifiant=None)
    assert fingerprint(dict(BASE, identifiant=""), GEOM, SCHEMA) == fingerprint(with_null, GEOM, SCHEMA)
    missing = {k: v for k, v in BASE.items() if k != "identifiant"}
    assert fingerprint(missing, GEOM, SCHEMA) == fingerprint(with_null, GEOM, SCHEMA)


@pytest.mark.parametrize("geometry", [
    point(651234.123456789, 6862000.987654321),          # 9 decimals
    point(651234.12345679, 6862000.98765432),            # 8 decimals, as a WFS prints them
    point(651234.123457, 6862000.987654),                # 6: QGIS Server's default precision
    point(651234.1234567891, 6862000.9876543211, float("nan"), code=1001),   # Z = NaN
    point(651234.1234567891, 6862000.9876543211, float("nan"), float("nan"), code=3001),
    point(651234.1234567891, 6862000.9876543211, 35.0, code=1001),  # a 2D layer stores no Z
    gpkg_blob(GEOM), gpkg_blob(GEOM, envelope=False),
    struct.pack(">BIdd", 0, 1, 651234.1234567891, 6862000.9876543211),             # big-endian
    struct.pack("<BIIdd", 1, 0x20000001, 2154, 651234.1234567891, 6862000.9876543211),  # EWKB+SRID
    GEOM.hex(),                                          # PostgreSQL's hex text
], ids=["9-decimals", "8-decimals", "6-decimals", "z-nan", "zm-nan", "z-in-2d-layer", "gpkg",
        "gpkg-no-envelope", "big-endian", "ewkb-srid", "hex"])
def test_fingerprint_is_invariant_across_geometry_representations(geometry):
    assert fingerprint(BASE, geometry, SCHEMA) == fingerprint(BASE, GEOM, SCHEMA)


def test_geographic_crs_keeps_eight_decimals():
    here = fingerprint(BASE, point(2.3488000012, 48.8534100049), GEOGRAPHIC)
    assert fingerprint(BASE, point(2.34880000, 48.85341000), GEOGRAPHIC) == here
    assert fingerprint(BASE, point(2.34880002, 48.85341000), GEOGRAPHIC) != here


def test_decimals_can_follow_a_coarser_server_precision():
    printed = point(2.348800, 48.853410)
    here = point(2.3488001234, 48.8534099876)
    assert fingerprint(BASE, printed, GEOGRAPHIC) != fingerprint(BASE, here, GEOGRAPHIC)
    six = fingerprint(BASE, here, GEOGRAPHIC, decimals=6)
    assert fingerprint(BASE, printed, GEOGRAPHIC, decimals=6) == six


@pytest.mark.parametrize("attributes, geometry", [
    (dict(BASE, puissance_w=71), GEOM),
    (dict(BASE, hauteur_m=3.15), GEOM),
    (dict(BASE, date_pose=dt.date(2024, 1, 6)), GEOM),
    (dict(BASE, accessible_pmr=False), GEOM),
    (dict(BASE, identifiant="EP-0013"), GEOM),
    (dict(BASE, puissance_w=None), GEOM),
    (dict(BASE, maj=dt.datetime(2024, 1, 5, 9, 30, 1, tzinfo=dt.timezone.utc)), GEOM),
    (BASE, point(651234.1334567891, 6862000.9876543211)),        # moved 1 cm east
    (BASE, point(651234.1234567891, 6862000.9886543211)),        # moved 1 mm north
    (BASE, None),
    (BASE, b"\x01\x04\x00\x00\x00\x01\x00\x00\x00" + GEOM),   # a MultiPoint is another type
], ids=["integer", "real", "date", "boolean", "text", "null", "datetime-second", "move-1cm",
        "move-1mm", "no-geometry", "multipoint"])
def test_fingerprint_changes_with_the_feature(attributes, geometry):
    assert fingerprint(attributes, geometry, SCHEMA) != fingerprint(BASE, GEOM, SCHEMA)


def test_wrong_value_still_gets_a_fingerprint_distinct_from_null():
    odd = fingerprint(dict(BASE, puissance_w="beaucoup"), GEOM, SCHEMA)
    assert odd != fingerprint(dict(BASE, puissance_w=None), GEOM, SCHEMA)


def test_same_feature_tolerates_a_rounding_boundary_that_fingerprints_split():
    stored = point(651234.0004999, 6862000.0)     # rounds down to .000 at 3 decimals
    printed = point(651234.0005001, 6862000.0)    # rounds up to .001
    assert fingerprint(BASE, stored, SCHEMA) != fingerprint(BASE, printed, SCHEMA)
    assert same_feature(BASE, stored, as_wfs_strings(BASE), printed, SCHEMA)
    assert not same_feature(BASE, stored, dict(BASE, puissance_w=71), stored, SCHEMA)
    assert not same_feature(BASE, stored, BASE, point(651234.0104999, 6862000.0), SCHEMA)


# ---------------------------------------------------------------------------- real readers
def test_fingerprint_same_from_ogr_and_from_raw_geopackage_sql(tmp_path):
    """A GeoPackage written by OGR, read once through OGR (ISO WKB, typed values) and once
    by plain SQL (GeoPackage blob, text dates, 0/1 booleans): same fingerprints."""
    path = str(tmp_path / "eclairage.gpkg")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = ds.CreateLayer("eclairage_public", srs, ogr.wkbPoint)
    for name, kind, sub in [("identifiant", ogr.OFTString, None),
                            ("puissance_w", ogr.OFTInteger, None), ("hauteur_m", ogr.OFTReal, None),
                            ("date_pose", ogr.OFTDate, None), ("maj", ogr.OFTDateTime, None),
                            ("accessible_pmr", ogr.OFTInteger, ogr.OFSTBoolean)]:
        definition = ogr.FieldDefn(name, kind)
        if sub:
            definition.SetSubType(sub)
        layer.CreateField(definition)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("identifiant", "Créteil-Été")
    feature.SetField("puissance_w", 70)
    feature.SetField("hauteur_m", 3.1)
    feature.SetField("date_pose", 2024, 1, 5, 0, 0, 0, 0)
    feature.SetField("maj", 2024, 1, 5, 9, 30, 0, 100)   # 100 = UTC in OGR's tz flag
    feature.SetField("accessible_pmr", 1)
    feature.SetGeometry(ogr.CreateGeometryFromWkb(GEOM))
    layer.CreateFeature(feature)
    ds = None

    schema = Schema(fields=[f for f in SCHEMA.fields if f.name != "photo"], key="fid",
                    geometry_type="Point", crs="EPSG:2154")
    ds = ogr.Open(path)
    ogr_feature = ds.GetLayer(0).GetNextFeature()
    names = ["identifiant", "puissance_w", "hauteur_m", "date_pose", "maj", "accessible_pmr"]
    via_ogr = {name: ogr_feature.GetField(name) for name in names}
    via_ogr["fid"] = ogr_feature.GetFID()
    ogr_wkb = bytes(ogr_feature.GetGeometryRef().ExportToIsoWkb())
    ds = None
    with sqlite3.connect(path) as db:
        row = db.execute(f"SELECT fid, {', '.join(names)}, geom FROM eclairage_public").fetchone()
    via_sql = dict(zip(["fid"] + names, row[:-1]))
    assert isinstance(via_sql["date_pose"], str) and row[-1][:2] == b"GP"   # really different forms
    assert via_ogr["date_pose"] == "2024/01/05"     # OGR's own text form of a date
    assert fingerprint(via_ogr, ogr_wkb, schema) == fingerprint(via_sql, row[-1], schema)


def test_fingerprint_same_from_gml3_with_wfs_precision():
    """Geometry as QGIS Server's GML3 prints it (6 decimals by default), parsed by OGR."""
    gml = ('<gml:Point xmlns:gml="http://www.opengis.net/gml" srsName="EPSG:2154">'
           '<gml:pos srsDimension="2">651234.123457 6862000.987654</gml:pos></gml:Point>')
    from_gml = bytes(ogr.CreateGeometryFromGML(gml).ExportToIsoWkb())
    assert fingerprint(as_wfs_strings(BASE), from_gml, SCHEMA) == fingerprint(BASE, GEOM, SCHEMA)
