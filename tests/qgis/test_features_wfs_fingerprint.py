"""The fingerprint of a feature read from the GeoPackage equals that of the same feature
read back through QGIS Server's WFS 1.1.0 GetFeature (GML3, strings, 6-decimal
coordinates) — the path the apply step takes to detect concurrent edits."""

import pytest
from lxml import etree
from osgeo import ogr, osr
from qgis.core import QgsProject, QgsVectorLayer

from geogov.plugin.bridge import features
from geogov.plugin.proposals import gpkg_table_reader
from geogov.plugin.proposals.fingerprint import fingerprint

server_module = pytest.importorskip("qgis.server")

GML = "http://www.opengis.net/gml"
QGS = "http://www.qgis.org/gml"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def make_gpkg(path, count):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("eclairage_public", srs, ogr.wkbPoint)
    for name, kind, sub in [("identifiant", ogr.OFTString, None), ("puissance_w", ogr.OFTInteger, None),
                            ("compteur", ogr.OFTInteger64, None), ("hauteur_m", ogr.OFTReal, None),
                            ("date_pose", ogr.OFTDate, None), ("maj", ogr.OFTDateTime, None),
                            ("accessible_pmr", ogr.OFTInteger, ogr.OFSTBoolean)]:
        definition = ogr.FieldDefn(name, kind)
        if sub:
            definition.SetSubType(sub)
        layer.CreateField(definition)
    for i in range(1, count + 1):
        feature = ogr.Feature(layer.GetLayerDefn())
        if i % 4:                                    # every 4th: every value null
            feature.SetField("identifiant", f"Évry-{i:04d}" if i % 3 else "")
            feature.SetField("puissance_w", 50 + i)
            feature.SetField("compteur", 10 ** 12 + i)
            feature.SetField("hauteur_m", 3.1 + i / 7)
            feature.SetField("date_pose", 2020, 1 + i % 12, 1 + i % 28, 0, 0, 0, 0)
            feature.SetField("maj", 2024, 1, 5, 9, 30, i % 60, 100)
            feature.SetField("accessible_pmr", i % 2)
        # Coordinates with 9 decimals: the server prints 6 (its default WFSLayersPrecision).
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POINT ({651234.123456789 + i * 17.3} {6862000.987654321 - i * 11.1})"))
        layer.CreateFeature(feature)
    ds = None


def get_feature_gml(project_path, typename):
    from qgis.server import QgsBufferServerRequest, QgsBufferServerResponse, QgsServer

    server = QgsServer()
    request = QgsBufferServerRequest(f"http://localhost/?MAP={project_path}&SERVICE=WFS&VERSION=1.1.0"
                                     f"&REQUEST=GetFeature&TYPENAME={typename}")
    response = QgsBufferServerResponse()
    server.handleRequest(request, response)
    assert response.statusCode() == 200
    return bytes(response.body())


def parse_features(body):
    """{fid: (attributes as strings, ISO WKB)} the way a WFS client reads GML3."""
    out = {}
    for member in etree.fromstring(body).iter(f"{{{QGS}}}eclairage_public"):
        fid = int(member.get(f"{{{GML}}}id").rsplit(".", 1)[1])
        attributes, geometry = {}, None
        for child in member:
            name = etree.QName(child).localname
            if name == "geometry":
                gml = etree.tostring(child[0]).decode()
                geometry = bytes(ogr.CreateGeometryFromGML(gml).ExportToIsoWkb())
            elif etree.QName(child).namespace == QGS:
                attributes[name] = None if child.get(f"{{{XSI}}}nil") == "true" else (child.text or "")
        out[fid] = (attributes, geometry)
    return out


def test_geopackage_and_wfs_gml3_give_the_same_fingerprints(qgis_app, tmp_path):
    path = tmp_path / "eclairage.gpkg"
    make_gpkg(path, 40)
    layer = QgsVectorLayer(f"{path}|layername=eclairage_public", "eclairage_public", "ogr")
    project = QgsProject()
    project.addMapLayer(layer)
    project.writeEntry("WFSLayers", "/", [layer.id()])
    project_path = tmp_path / "demo.qgs"
    assert project.write(str(project_path))
    schema = features.schema_from_layer(layer)

    served = parse_features(get_feature_gml(project_path, "eclairage_public"))
    stored = {key: (dict(zip(schema.field_names(), values)), blob)
              for key, values, blob in gpkg_table_reader.read_rows(path, "eclairage_public", schema)}
    assert sorted(served) == sorted(stored) and len(stored) == 40
    # The two paths really differ: text vs typed values, GML coordinates rounded to 6 decimals.
    attributes, geometry = served[1]
    assert attributes["puissance_w"] == "51" and stored[1][0]["puissance_w"] == 51
    assert geometry != stored[1][1]
    for fid, (attributes, geometry) in served.items():
        assert fingerprint(attributes, geometry, schema) == fingerprint(*stored[fid], schema), fid
    project.clear()
