"""Parsing what a WFS says about a layer and its features (captured QGIS Server 3.22 replies)."""

import datetime as dt
from pathlib import Path

import pytest
from osgeo import ogr

from geogov.plugin.errors import DocumentError, GeoGovError, ServiceException
from geogov.plugin.proposals.model import Schema
from geogov.plugin.publishing.wfs_layer import (
    WfsLayer,
    parse_capabilities_entry,
    parse_describe_feature_type,
    parse_features,
    qgis_expression_literal,
)
from geogov.plugin.xmlsafe import parse_xml

REPLIES = Path(__file__).resolve().parent / "wfst_replies"

# QGIS Server 3.22.16: DescribeFeatureType of a GeoPackage table created with
# identifiant TEXT NOT NULL UNIQUE and nullable other columns.
DESCRIBE = (REPLIES / "describe_eclairage_public.xml").read_bytes()

# QGIS Server 3.22.16: GetFeature (GML 3.1.1) of a feature with nulls and an empty string.
FEATURES = (REPLIES / "getfeature_eclairage_public.xml").read_bytes()


def layer():
    fields, geometry_name, geometry_type, element, namespace = \
        parse_describe_feature_type(parse_xml(DESCRIBE), "eclairage_public")
    return WfsLayer(url="http://x/", typename="eclairage_public", element=element,
                    namespace=namespace,
                    schema=Schema(fields=fields, key="", geometry_type=geometry_type, crs="EPSG:2154"),
                    geometry_name=geometry_name, id_field="fid", qgis_server=True)


def test_describe_feature_type():
    fields, geometry_name, geometry_type, element, namespace = \
        parse_describe_feature_type(parse_xml(DESCRIBE), "eclairage_public")
    assert (geometry_name, geometry_type, element, namespace) == \
        ("geometry", "Point", "eclairage_public", "http://www.qgis.org/gml")
    assert [(f.name, f.type, f.nullable) for f in fields] == [
        ("fid", "integer", False), ("identifiant", "string", False),
        ("type_lampe", "string", True), ("puissance_w", "integer", True),
        ("hauteur_m", "real", True), ("date_pose", "date", True),
        ("code_insee", "string", True), ("etat", "string", True)]


@pytest.mark.parametrize("gml_type, expected", [
    ("MultiSurfacePropertyType", "MultiPolygon"), ("MultiPolygonPropertyType", "MultiPolygon"),
    ("MultiCurvePropertyType", "MultiLineString"), ("LineStringPropertyType", "LineString"),
    ("GeometryPropertyType", ""),
])
def test_geometry_types(gml_type, expected):
    text = DESCRIBE.replace(b"gml:PointPropertyType", b"gml:" + gml_type.encode())
    assert parse_describe_feature_type(parse_xml(text), "eclairage_public")[2] == expected


def test_describe_unknown_element():
    doc = DESCRIBE.replace(b'<element type="qgs:eclairage_publicType" substitutionGroup="gml:_Feature" '
                           b'name="eclairage_public"/>',
                           b'<element type="qgs:eclairage_publicType" name="a"/><element name="b"/>')
    with pytest.raises(DocumentError) as info:
        parse_describe_feature_type(parse_xml(doc), "eclairage_public")
    assert info.value.code == "wfs.describe"


def test_features_are_typed_by_the_schema():
    first, second = parse_features(parse_xml(FEATURES), layer())
    assert first.fid == "eclairage_public.100000"
    assert first.attributes == {"fid": 100000, "identifiant": "NEW-EMPTYS", "type_lampe": None,
                                "puissance_w": None, "hauteur_m": None, "date_pose": None,
                                "code_insee": None, "etat": ""}
    assert second.attributes["puissance_w"] == 36 and second.attributes["hauteur_m"] == 5.3
    assert second.attributes["date_pose"] == dt.date(2020, 1, 16)
    assert ogr.CreateGeometryFromWkb(second.geometry).ExportToWkt() == \
        "POINT (657609.624 6854722.452)"


def test_a_bad_value_names_the_field():
    with pytest.raises(DocumentError) as info:
        parse_features(parse_xml(FEATURES.replace(b"<qgs:puissance_w>36<", b"<qgs:puissance_w>36W<")),
                       layer())
    assert info.value.code == "wfs.bad_value" and info.value.params["field"] == "puissance_w"


def test_exception_report_instead_of_features():
    with pytest.raises(ServiceException):
        parse_features(parse_xml(b'<ServiceExceptionReport version="1.2.0" xmlns="http://www.opengis.net/ogc">'
                                 b'<ServiceException code="RequestNotWellFormed">bad</ServiceException>'
                                 b'</ServiceExceptionReport>'), layer())


def test_capabilities_entry():
    caps = parse_xml(b"""<WFS_Capabilities xmlns="http://www.opengis.net/wfs" version="1.1.0">
      <FeatureTypeList><Operations><Operation>Query</Operation></Operations>
      <FeatureType><Name>eclairage_public</Name><DefaultSRS>urn:ogc:def:crs:EPSG::2154</DefaultSRS>
      <Operations><Operation>Query</Operation><Operation>Insert</Operation>
      <Operation>Update</Operation><Operation>Delete</Operation></Operations></FeatureType>
      <FeatureType><Name>territoires</Name><DefaultSRS>EPSG:2154</DefaultSRS></FeatureType>
      </FeatureTypeList></WFS_Capabilities>""")
    assert parse_capabilities_entry(caps, "eclairage_public") == \
        ("EPSG:2154", ("Query", "Insert", "Update", "Delete"))
    assert parse_capabilities_entry(caps, "territoires") == ("EPSG:2154", ("Query",))
    with pytest.raises(GeoGovError) as info:
        parse_capabilities_entry(caps, "nope")
    assert info.value.code == "wfs.unknown_typename"


def test_expression_literals_are_quoted():
    assert qgis_expression_literal("l'éclairage") == "'l''éclairage'"
    assert qgis_expression_literal(12) == "12"
    assert qgis_expression_literal(True) == "true"
    assert qgis_expression_literal(dt.date(2024, 1, 2)) == "'2024-01-02'"
