"""The GeoPackage fast path of the diff: schema and rows read with plain SQLite."""

import pytest
from osgeo import ogr, osr

from geogov.plugin.proposals import gpkg_table_reader
from geogov.plugin.proposals.changeset import compute_changeset
from geogov.plugin.proposals.model import DELETE, INSERT, UPDATE


def make(path, names):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("pav", srs, ogr.wkbMultiPoint, options=["FID=fid"])
    code = ogr.FieldDefn("code", ogr.OFTString)
    code.SetWidth(10)
    code.SetNullable(False)
    layer.CreateField(code)
    for name, kind in [("volume_l", ogr.OFTInteger), ("poids", ogr.OFTReal), ("jour", ogr.OFTDate),
                       ("vu", ogr.OFTDateTime)]:
        layer.CreateField(ogr.FieldDefn(name, kind))
    flag = ogr.FieldDefn("pmr", ogr.OFTInteger)
    flag.SetSubType(ogr.OFSTBoolean)
    layer.CreateField(flag)
    for i, name in enumerate(names, 1):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("code", name)
        feature.SetField("volume_l", i * 100)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"MULTIPOINT ({650000 + i} 6860000)"))
        layer.CreateFeature(feature)
    ds = None
    return path


def test_schema_of_a_geopackage_table(tmp_path):
    schema = gpkg_table_reader.geopackage_schema(make(tmp_path / "a.gpkg", ["x"]), "pav")
    assert [(f.name, f.type) for f in schema.fields] == [
        ("fid", "integer"), ("code", "string"), ("volume_l", "integer"), ("poids", "real"), ("jour", "date"),
        ("vu", "datetime"), ("pmr", "boolean")]
    assert schema.key == "fid" and schema.field("fid").auto and not schema.field("fid").nullable
    assert schema.field("code").length == 10 and not schema.field("code").nullable
    assert (schema.geometry_type, schema.crs) == ("MultiPoint", "EPSG:2154")
    assert gpkg_table_reader.feature_tables(tmp_path / "a.gpkg") == ["pav"]
    assert gpkg_table_reader.count_rows(tmp_path / "a.gpkg", "pav") == 1


def test_rows_come_sorted_by_a_text_key_in_python_order(tmp_path):
    names = ["b", "B", "é", "a", "Z", "e", "É", "10", "9"]
    path = make(tmp_path / "a.gpkg", names)
    schema = gpkg_table_reader.geopackage_schema(path, "pav", key="code")
    keys = [row[0] for row in gpkg_table_reader.read_rows(path, "pav", schema)]
    assert keys == sorted(names)
    first = next(iter(gpkg_table_reader.read_rows(path, "pav", schema)))
    assert first[2][:2] == b"GP" and len(first[1]) == len(schema.fields)


def test_diff_of_two_geopackages_by_a_key_field(tmp_path):
    base = make(tmp_path / "base.gpkg", ["PAV-1", "PAV-2", "PAV-3"])
    edited = make(tmp_path / "edited.gpkg", ["PAV-2", "PAV-3", "PAV-4"])   # every fid shifted
    schema = gpkg_table_reader.geopackage_schema(base, "pav", key="code")
    cs = compute_changeset(gpkg_table_reader.read_rows(base, "pav", schema),
                           gpkg_table_reader.read_rows(edited, "pav", schema), schema, sorted_by_key=True)
    assert [(c.op, c.key) for c in cs.changes] == [(DELETE, "PAV-1"), (UPDATE, "PAV-2"), (UPDATE, "PAV-3"),
                                                   (INSERT, "PAV-4")]
    assert cs.changes[1].changed_fields == ["fid", "volume_l"] and cs.changes[1].geometry_changed
    assert cs.changes[1].old_geometry[:1] == b"\x01"         # ISO WKB, GeoPackage header gone


def test_missing_table_or_file(tmp_path):
    path = make(tmp_path / "a.gpkg", ["x"])
    with pytest.raises(gpkg_table_reader.GeoPackageError) as caught:
        gpkg_table_reader.geopackage_schema(path, "nope")
    assert caught.value.code == "geopackage.unreadable"
    with pytest.raises(gpkg_table_reader.GeoPackageError):
        gpkg_table_reader.geopackage_schema(tmp_path / "absent.gpkg", "pav")
