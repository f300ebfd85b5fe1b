"""Everything GeoGov writes into a GeoPackage works with files made by the GDAL at hand.

`make test` runs this on each QGIS version's own GDAL (3.6 on Debian 12, 3.10 on 13, 3.13
on unstable); each GDAL names and writes its R-tree triggers its own way (3.13 has
``update6``/``update7`` where 3.6 has ``update1``/``update3``). The file is made by GDAL
here, written by GeoGov with plain sqlite3 (the apply to a GeoPackage target, the
proposal store inside it), then read back by GDAL: the spatial index must still find what
moved, the feature count and the file must stay right, and GDAL must still write to it.
"""

from __future__ import annotations

import copy
import sqlite3

import pytest
from osgeo import gdal, ogr, osr

from geogov.plugin.proposals.model import Target
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.plugin.publishing import result as outcomes
from geogov.plugin.publishing.apply import apply_changeset
from geogov.plugin.publishing.gpkg_table import register_spatial_functions
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.apply_helpers import (
    TABLE,
    changeset_of,
    differences,
    eclairage_schema,
    point,
    read_gpkg,
)

ogr.UseExceptions()
osr.UseExceptions()
SCHEMA = eclairage_schema()
COUNT = 12


def xy(i: int) -> tuple:
    return 650000.0 + 100 * i, 6860000.0 + 50 * i


def gdal_geopackage(path, count: int = COUNT):
    """A GeoPackage made by this GDAL, shaped like the demo's éclairage table."""
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    layer = source.CreateLayer(TABLE, srs, ogr.wkbPoint, ["GEOMETRY_NAME=geom", "FID=fid"])
    for name, kind in (("identifiant", ogr.OFTString), ("type_lampe", ogr.OFTString),
                       ("puissance_w", ogr.OFTInteger), ("hauteur_m", ogr.OFTReal),
                       ("date_pose", ogr.OFTDate), ("code_insee", ogr.OFTString),
                       ("etat", ogr.OFTString)):
        definition = ogr.FieldDefn(name, kind)
        if name == "identifiant":
            definition.SetNullable(False)
        layer.CreateField(definition)
    layer.StartTransaction()
    for i in range(1, count + 1):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("identifiant", f"EP-{i:03d}")
        feature.SetField("puissance_w", 50 + i)
        feature.SetField("etat", "en service")
        x, y = xy(i)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x!r} {y!r})"))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    source = None
    return path


def rtree_triggers(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return sorted(name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_%'"))
    finally:
        conn.close()


def found_in_box(path, x: float, y: float, half: float = 1.0) -> list:
    """Identifiants GDAL finds around (x, y): it asks the R-tree, so a stale index shows."""
    source = ogr.Open(str(path))
    layer = source.GetLayerByName(TABLE)
    layer.SetSpatialFilterRect(x - half, y - half, x + half, y + half)
    found = sorted(feature.GetField("identifiant") for feature in layer)
    source = None
    return found


def test_this_gdal_puts_rtree_triggers_on_its_tables(tmp_path):
    triggers = rtree_triggers(gdal_geopackage(tmp_path / "t.gpkg"))
    assert f"rtree_{TABLE}_geom_insert" in triggers and len(triggers) >= 5, (gdal.__version__, triggers)


def test_apply_to_a_geopackage_made_by_this_gdal_keeps_its_index_and_count(tmp_path):
    path = gdal_geopackage(tmp_path / "target.gpkg")
    base = read_gpkg(path)
    edited = copy.deepcopy(base)
    edited["EP-003"].geometry = point(640000.0, 6870000.0)              # moved
    edited["EP-004"].attributes["etat"] = "en maintenance"
    del edited["EP-005"]
    new = copy.deepcopy(base["EP-006"])
    new.key = "EP-NEW"
    new.attributes.update(fid=None, identifiant="EP-NEW", puissance_w=20)
    new.geometry = point(641000.0, 6871000.0)
    edited["EP-NEW"] = new

    result = apply_changeset(changeset_of(base, edited, SCHEMA), Target("gpkg", str(path), TABLE))

    assert result.status == outcomes.APPLIED, result.message()
    assert differences(read_gpkg(path), edited, SCHEMA) == []
    # GDAL, through the R-tree: the moved feature is at its new place only, the deleted one
    # nowhere, the inserted one found.
    assert found_in_box(path, 640000.0, 6870000.0) == ["EP-003"]
    assert found_in_box(path, *xy(3)) == []
    assert found_in_box(path, *xy(5)) == []
    assert found_in_box(path, 641000.0, 6871000.0) == ["EP-NEW"]
    assert found_in_box(path, *xy(4)) == ["EP-004"]
    source = ogr.Open(str(path), update=1)
    layer = source.GetLayerByName(TABLE)
    assert layer.GetFeatureCount() == COUNT                 # -1 deleted, +1 inserted
    # GDAL still writes to the file after GeoGov did.
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("identifiant", "EP-GDAL")
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (642000 6872000)"))
    layer.CreateFeature(feature)
    source = None
    assert found_in_box(path, 642000.0, 6872000.0) == ["EP-GDAL"]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rtree = conn.execute(f"SELECT count(*) FROM rtree_{TABLE}_geom").fetchone()[0]
        assert rtree == COUNT + 1
    finally:
        conn.close()


def test_plain_sqlite_writes_keep_the_index_with_the_registered_functions(tmp_path):
    path = gdal_geopackage(tmp_path / "plain.gpkg")
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.OperationalError, match="no such function"):
        conn.execute(f"UPDATE {TABLE} SET geom = geom WHERE identifiant = 'EP-001'")
    register_spatial_functions(conn)
    blob = conn.execute(f"SELECT geom FROM {TABLE} WHERE identifiant = 'EP-002'").fetchone()[0]
    conn.execute(f"UPDATE {TABLE} SET geom = ? WHERE identifiant = 'EP-001'", (blob,))
    conn.execute(f"DELETE FROM {TABLE} WHERE identifiant = 'EP-007'")
    conn.commit()
    conn.close()
    assert found_in_box(path, *xy(2)) == ["EP-001", "EP-002"]
    assert found_in_box(path, *xy(1)) == [] and found_in_box(path, *xy(7)) == []


def test_the_proposal_store_inside_a_geopackage_made_by_this_gdal(tmp_path):
    path = gdal_geopackage(tmp_path / "shared.gpkg")
    with GeoPackageStore(path, "coord_region") as admin:
        admin.sync_convention(F.convention())
    with GeoPackageStore(path, "tech94") as store:
        draft = store.create_draft(F.proposal())
        store.submit(draft.id, draft.version)
    source = ogr.Open(str(path), update=1)
    names = {source.GetLayer(i).GetName() for i in range(source.GetLayerCount())}
    assert {TABLE, "proposal_changes_new_2154", "proposal_changes_old_2154"} <= names, names
    assert source.GetLayerByName("proposal_changes_new_2154").GetFeatureCount() >= 1
    layer = source.GetLayerByName(TABLE)
    assert layer.GetFeatureCount() == COUNT
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("identifiant", "EP-AFTER")
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (643000 6873000)"))
    layer.CreateFeature(feature)
    source = None
    assert found_in_box(path, 643000.0, 6873000.0) == ["EP-AFTER"]
    with GeoPackageStore(path, "tech94") as store:           # and the store opens it again
        assert [p.id for p in store.list_proposals("mine")] == [draft.id]
