"""Applying to QGIS Server 3.22's own OGC API Features (``/wfs3``), which accepts writes
on a layer published for WFS-T: a private QGIS Server on a fresh copy of the demo's
GeoPackages (``wfst_server``). QGIS Server serves and takes CRS84 only (6 decimals), so
the proposal is made in EPSG:4326 on what the server serves, read here with plain HTTP;
the result is read back from the GeoPackage with sqlite3, not through GeoGov.
"""

from __future__ import annotations

import copy
import json
import sqlite3
import urllib.request

from osgeo import ogr

from geogov.plugin.proposals.model import FieldDef, PlainFeature, Schema, Target
from geogov.plugin.publishing import result as outcomes
from geogov.plugin.publishing.apply import apply_changeset
from geogov.tests.support.apply_helpers import TABLE, changeset_of

FIELDS = [FieldDef("fid", "integer", False, auto=True), FieldDef("identifiant", "string", False),
          FieldDef("type_lampe"), FieldDef("puissance_w", "integer"), FieldDef("hauteur_m", "real"),
          FieldDef("date_pose", "date"), FieldDef("code_insee"), FieldDef("etat")]
SCHEMA = Schema(fields=FIELDS, key="identifiant", geometry_type="Point", crs="EPSG:4326")


def served(server, ids) -> dict:
    """{identifiant: PlainFeature} of items ``ids`` as QGIS Server serves them (CRS84)."""
    out = {}
    base = server.url.replace("/ows", "/wfs3")
    for item_id in ids:
        with urllib.request.urlopen(f"{base}/collections/{TABLE}/items/{item_id}?f=json",
                                    timeout=60) as reply:
            data = json.load(reply)
        geometry = ogr.CreateGeometryFromJson(json.dumps(data["geometry"]))
        props = data["properties"]
        out[props["identifiant"]] = PlainFeature(props["identifiant"], props,
                                                 bytes(geometry.ExportToIsoWkb()))
    return out


def table_rows(server) -> dict:
    conn = sqlite3.connect(f"file:{server.gpkg[TABLE]}?mode=ro", uri=True)
    try:
        rows = conn.execute(f"SELECT identifiant, etat, puissance_w FROM {TABLE}").fetchall()
    finally:
        conn.close()
    return {r[0]: r[1:] for r in rows}


def point(lon, lat) -> bytes:
    geometry = ogr.Geometry(ogr.wkbPoint)
    geometry.AddPoint_2D(lon, lat)
    return bytes(geometry.ExportToIsoWkb())


def target(server) -> Target:
    return Target("oapif", server.url.replace("/ows", "/wfs3"), TABLE)


def test_apply_to_qgis_server_oapif_then_conflict(wfst_server):
    base = served(wfst_server, [1, 2, 3, 4])
    keys = sorted(base)
    edited = copy.deepcopy(base)
    edited[keys[0]].attributes.update(etat="en maintenance", puissance_w=75)
    edited[keys[1]].geometry = point(2.401234, 48.801234)
    del edited[keys[2]]
    new = copy.deepcopy(base[keys[3]])
    new.key = "EP-94-QGS"
    new.attributes.update(identifiant="EP-94-QGS", fid=None, etat="neuf")
    new.geometry = point(2.412345, 48.812345)
    edited["EP-94-QGS"] = new
    changes = changeset_of(base, edited, SCHEMA)

    result = apply_changeset(changes, target(wfst_server))
    assert result.status == outcomes.APPLIED, result.message()
    describe = next(s for s in result.steps if s.name == "describe")
    assert describe.details["id_field"] == "fid" and describe.details["crs"] == "EPSG:4326"
    rows = table_rows(wfst_server)
    assert rows[keys[0]] == ("en maintenance", 75)
    assert keys[2] not in rows and rows["EP-94-QGS"][0] == "neuf"
    fid = base[keys[1]].attributes["fid"]
    assert served(wfst_server, [fid])[keys[1]].geometry == edited[keys[1]].geometry

    # The same proposal again: already there, nothing written.
    again = apply_changeset(changes, target(wfst_server))
    assert again.status == outcomes.ALREADY_APPLIED

    # Someone changes a feature the next proposal touches: nothing is written.
    later = served(wfst_server, [base[keys[3]].attributes["fid"]])
    changed = copy.deepcopy(later)
    changed[keys[3]].attributes["etat"] = "remplacé"
    # Through GDAL: the GeoPackage's R-tree triggers call functions plain sqlite3 lacks.
    source = ogr.Open(str(wfst_server.gpkg[TABLE]), update=1)
    source.ExecuteSQL(f"UPDATE {TABLE} SET etat = 'changé ailleurs' WHERE identifiant = '{keys[3]}'")
    source = None
    conflict = apply_changeset(changeset_of(later, changed, SCHEMA), target(wfst_server))
    assert conflict.status == outcomes.CONFLICT
    assert table_rows(wfst_server)[keys[3]][0] == "changé ailleurs"
