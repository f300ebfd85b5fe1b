"""QGIS layers -> plain rows, schemas and change sets (bridge/features.py)."""

import datetime as dt
import shutil
import sqlite3

import pytest
from osgeo import ogr, osr
from qgis.core import QgsFeatureRequest, QgsFeedback, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime, QVariant

from geogov.plugin.bridge import features
from geogov.plugin.errors import Cancelled
from geogov.plugin.proposals import gpkg_table_reader
from geogov.plugin.proposals.changeset import compute_changeset
from geogov.plugin.proposals.model import DELETE, INSERT, UPDATE
from geogov.plugin.publishing.gpkg_table import register_spatial_functions

FIELDS = [("identifiant", ogr.OFTString, None, 12, True), ("puissance_w", ogr.OFTInteger, None, 0, False),
          ("compteur", ogr.OFTInteger64, None, 0, False), ("hauteur_m", ogr.OFTReal, None, 0, False),
          ("date_pose", ogr.OFTDate, None, 0, False), ("maj", ogr.OFTDateTime, None, 0, False),
          ("accessible_pmr", ogr.OFTInteger, ogr.OFSTBoolean, 0, False),
          ("photo", ogr.OFTBinary, None, 0, False)]


def make_gpkg(path, count=50):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("eclairage_public", srs, ogr.wkbPoint)
    for name, kind, sub, width, not_null in FIELDS:
        definition = ogr.FieldDefn(name, kind)
        if sub:
            definition.SetSubType(sub)
        definition.SetWidth(width)
        definition.SetNullable(not not_null)
        layer.CreateField(definition)
    for i in range(1, count + 1):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("identifiant", f"EP-{i:04d}")
        feature.SetField("puissance_w", 50 + i)
        feature.SetField("compteur", 10 ** 12 + i)
        feature.SetField("hauteur_m", 3.1 + i / 7)
        feature.SetField("date_pose", 2020, 1 + i % 12, 1 + i % 28, 0, 0, 0, 0)
        feature.SetField("maj", 2024, 1, 5, 9, 30, i % 60, 100)
        feature.SetField("accessible_pmr", i % 2)
        if i % 5 == 0:
            feature.SetFieldBinaryFromHexString("photo", "89504E47")
        wkt = f"POINT ({651234.123456789 + i} {6862000.987654321 - i})"
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    return path


@pytest.fixture()
def pair(tmp_path):
    base = make_gpkg(tmp_path / "base.gpkg")
    edited = tmp_path / "edited.gpkg"
    shutil.copy(base, edited)
    with sqlite3.connect(edited) as db:
        # Plain SQL, with the functions GDAL's R-tree triggers call (whatever this GDAL
        # names its triggers): the spatial index stays right, as after an edit in QGIS.
        register_spatial_functions(db)
        db.execute("UPDATE eclairage_public SET puissance_w = 999, date_pose = '2025-06-30' WHERE fid = 3")
        db.execute("UPDATE eclairage_public SET geom = ? WHERE fid = 4",
                   (gpkg_point("POINT (651238.133456789 6861996.987654321)"),))
        db.execute("DELETE FROM eclairage_public WHERE fid IN (5, 6)")
        db.execute("INSERT INTO eclairage_public (fid, identifiant, puissance_w, geom)"
                   " VALUES (51, 'EP-NEW', 10, ?)", (gpkg_point("POINT (651000 6862000)"),))
    db.close()
    return base, edited


def gpkg_point(wkt):
    iso = bytes(ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb())
    return b"GP\x00\x01" + (2154).to_bytes(4, "little") + iso


def layer(path, name="l"):
    found = QgsVectorLayer(f"{path}|layername=eclairage_public", name, "ogr")
    assert found.isValid()
    return found


def test_schema_from_a_geopackage_layer(qgis_app, tmp_path):
    schema = features.schema_from_layer(layer(make_gpkg(tmp_path / "s.gpkg", 1)))
    types = {f.name: f.type for f in schema.fields}
    assert types == {"fid": "integer", "identifiant": "string", "puissance_w": "integer",
                     "compteur": "integer",
                     "hauteur_m": "real", "date_pose": "date", "maj": "datetime", "accessible_pmr": "boolean",
                     "photo": "binary"}
    assert schema.key == "fid" and schema.field("fid").auto
    assert not schema.field("identifiant").nullable and schema.field("identifiant").length == 12
    assert schema.field("puissance_w").nullable
    assert (schema.geometry_type, schema.crs) == ("Point", "EPSG:2154")
    # The same table read by SQLite alone gives the same schema (the fast path relies on it).
    direct = gpkg_table_reader.geopackage_schema(tmp_path / "s.gpkg", "eclairage_public")
    assert [(f.name, f.type, f.nullable) for f in direct.fields] == \
           [(f.name, f.type, f.nullable) for f in schema.fields]
    assert (direct.key, direct.geometry_type, direct.crs) == ("fid", "Point", "EPSG:2154")


@pytest.mark.parametrize("value, expected", [
    (QVariant(), None), (QDate(2024, 1, 5), dt.date(2024, 1, 5)), (QDate(), None),
    (QDateTime(QDate(2024, 1, 5), QTime(9, 30, 0), Qt.UTC),
     dt.datetime(2024, 1, 5, 9, 30, tzinfo=dt.timezone.utc)),
    (QTime(8, 15), dt.time(8, 15)), ("é", "é"), (12, 12), ([QDate(2020, 2, 29)], [dt.date(2020, 2, 29)]),
])
def test_python_value(qgis_app, value, expected):
    assert features.python_value(value) == expected


def summary(changeset):
    return sorted((c.op, c.key, tuple(c.changed_fields), c.geometry_changed, c.base_fingerprint)
                  for c in changeset.changes)


def test_fast_path_and_qgis_path_give_the_same_changeset(qgis_app, pair):
    base, edited = pair
    fast = features.changeset_between_layers(layer(base), layer(edited))
    generic = features.changeset_between_layers(layer(base), layer(edited), fast_path=False)
    assert summary(fast) == summary(generic)
    assert sorted((c.op, c.key) for c in fast.changes) == [(DELETE, 5), (DELETE, 6), (INSERT, 51),
                                                           (UPDATE, 3), (UPDATE, 4)]
    three = next(c for c in fast.changes if c.key == 3)
    assert three.changed_values() == {"puissance_w": (53, 999),
                                      "date_pose": (dt.date(2020, 4, 4), dt.date(2025, 6, 30))}
    four = next(c for c in generic.changes if c.key == 4)
    assert four.geometry_changed and four.changed_fields == []
    # Values are typed alike whichever path read them (SQLite text dates, QGIS QDates).
    def in_order(changes):
        return sorted(changes, key=lambda c: (c.op, c.key))

    for a, b in zip(in_order(fast.changes), in_order(generic.changes)):
        assert a.old == b.old and a.new == b.new


def test_text_key_in_a_qgis_order_falls_back_when_not_python_order(qgis_app, pair):
    base, edited = pair
    cs = features.changeset_between_layers(layer(base), layer(edited), key="identifiant", fast_path=False)
    assert sorted((c.op, c.key) for c in cs.changes) == [(DELETE, "EP-0005"), (DELETE, "EP-0006"),
                                                         (INSERT, "EP-NEW"), (UPDATE, "EP-0003"),
                                                         (UPDATE, "EP-0004")]


def test_memory_layer_copy_against_the_geopackage(qgis_app, pair):
    base, _ = pair
    source = layer(base)
    copy = source.materialize(QgsFeatureRequest())
    assert copy.providerType() == "memory"
    copy.startEditing()
    feature = next(copy.getFeatures())
    copy.changeAttributeValue(feature.id(), copy.fields().indexOf("hauteur_m"), 42.0)
    copy.commitChanges()
    cs = features.changeset_between_layers(source, copy)
    assert [(c.op, c.key, c.changed_fields) for c in cs.changes] == [(UPDATE, feature["fid"], ["hauteur_m"])]


def test_memory_layers_in_shuffled_key_order(qgis_app, pair):
    """Natural order not the key's: the diff starts again sorted, and still streams."""
    base, edited = pair
    expected = summary(features.changeset_between_layers(layer(base), layer(edited)))
    copies = []
    for path in (base, edited):
        source = layer(path)
        copy = QgsVectorLayer("Point?crs=EPSG:2154", "copy", "memory")
        copy.dataProvider().addAttributes(source.fields().toList())
        copy.updateFields()
        shuffled = sorted(source.getFeatures(), key=lambda f: (f["fid"] * 7919) % 101)
        copy.dataProvider().addFeatures(shuffled)
        copies.append(copy)
    natural = [f["fid"] for f in copies[0].getFeatures()]
    assert natural != sorted(natural)
    schema = features.schema_from_layer(layer(base))
    rows = [features.LayerRows(copy, schema) for copy in copies]
    assert summary(features.diff_layer_rows(*rows, schema)) == expected


def test_cancel_from_a_feedback(qgis_app, pair):
    base, edited = pair
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(Cancelled):
        features.changeset_between_layers(layer(base), layer(edited), feedback=feedback)


def test_rows_of_a_layer_in_a_worker_friendly_form(qgis_app, pair):
    base, edited = pair
    schema = features.schema_from_layer(layer(base))
    rows_base = features.LayerRows(layer(base), schema, fast_path=False)
    rows_edited = features.LayerRows(layer(edited), schema, fast_path=False)
    seen = []
    cs = features.diff_layer_rows(rows_base, rows_edited, schema, progress=seen.append)
    assert seen[-1] == 1.0 and len(cs) == 5
    first = next(iter(rows_base.rows()))
    assert first[0] == 1 and isinstance(first[1], tuple) and first[2][:1] == b"\x01"
    plain = compute_changeset(list(rows_base.rows()), list(rows_edited.rows()), schema)
    assert summary(plain) == summary(cs)
