"""The apply's WFS reading against real servers, beyond QGIS Server's vendor shortcut:

- the generic path (FeatureId / PropertyIsEqualTo filters POSTed in batches of 89) on QGIS
  Server 3.22, which silently matches nothing with more than 89 ids in one filter;
- WFS 2.0.0 (GML 3.2, fes:ResourceId, COUNT) on the demo's MapServer, read-only: no WFS 2.0
  server with Transaction runs on these machines.
"""

from __future__ import annotations

from geogov.plugin.publishing.wfs_client import WfsClient
from geogov.plugin.transport import RequestsTransport
from geogov.tests.support.apply_helpers import TABLE, read_gpkg, same


def test_generic_filters_read_more_than_89_features_on_qgis_server(demo_sdi):
    client = WfsClient(demo_sdi.wfs_url, TABLE, transport=RequestsTransport())
    layer = client.describe()
    assert layer.qgis_server and layer.id_field == "fid"
    layer.qgis_server = False                  # as for any other server: standard filters only
    stored = read_gpkg(demo_sdi.gpkg[TABLE])
    keys = sorted(stored)[:200]
    before = client.requests

    by_key = client.features(layer, field="identifiant", values=keys)

    assert sorted(f.attributes["identifiant"] for f in by_key) == keys
    assert client.requests - before == 7       # 6 × 30 + 20
    ids = [f.fid for f in by_key]
    by_id = client.features(layer, ids=ids)
    assert sorted(f.fid for f in by_id) == sorted(ids)
    from geogov.tests.support.apply_helpers import eclairage_schema

    schema = eclairage_schema()
    from geogov.plugin.proposals.model import PlainFeature

    for feature in by_id:
        key = feature.attributes["identifiant"]
        assert same(PlainFeature(key, feature.attributes, feature.geometry), stored[key], schema)


def _pav(path) -> dict:
    """points_apport_volontaire read with sqlite3: identifiant -> (volume_l, accessible_pmr, WKB)."""
    import sqlite3

    from geogov.plugin.proposals import wkb

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT identifiant, volume_l, accessible_pmr, date_installation, geom "
                            "FROM points_apport_volontaire").fetchall()
    finally:
        conn.close()
    return {r[0]: (r[1], r[2], r[3], wkb.to_iso_wkb(r[4])) for r in rows}


def test_wfs_200_describe_and_read_on_mapserver(demo_sdi):
    typename = "points_apport_volontaire"
    client = WfsClient(demo_sdi.mapserver_url, typename, transport=RequestsTransport(),
                       version="2.0.0")
    layer = client.describe()
    assert not layer.qgis_server and layer.version == "2.0.0"
    assert layer.schema.geometry_type == "Point" and layer.schema.crs == "EPSG:2154"
    types = {f.name: f.type for f in layer.schema.fields}
    assert types["identifiant"] == "string" and types["volume_l"] == "integer"
    stored = _pav(demo_sdi.gpkg[typename])
    keys = sorted(stored)[:120]

    found = client.features(layer, field="identifiant", values=keys)

    assert sorted(f.attributes["identifiant"] for f in found) == keys
    by_id = client.features(layer, ids=[f.fid for f in found[:95]])
    assert sorted(f.fid for f in by_id) == sorted(f.fid for f in found[:95])
    from osgeo import ogr

    for feature in found:
        volume, _pmr, _date, geometry = stored[feature.attributes["identifiant"]]
        assert feature.attributes["volume_l"] == volume
        here = ogr.CreateGeometryFromWkb(feature.geometry)
        assert here.Distance(ogr.CreateGeometryFromWkb(geometry)) < 0.001
