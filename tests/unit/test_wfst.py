"""WFS-T Transaction documents and TransactionResponse parsing (no server needed).

The responses below were captured from QGIS Server 3.22.16 (qgis_mapserver) answering
the Transactions described next to each, on a GeoPackage layer with the constraints of
eclairage_public (identifiant NOT NULL UNIQUE, CHECK puissance_w > 0).
"""

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree
from osgeo import ogr

from geogov.plugin.errors import ApplyError, DocumentError, ServiceException
from geogov.plugin.publishing.gml_geometry import gml_to_wkb
from geogov.plugin.publishing.wfst import (
    Delete,
    Insert,
    LayerRef,
    Update,
    format_value,
    parse_transaction_response,
    transaction_document,
)
from geogov.plugin.xmlsafe import parse_xml

REPLIES = Path(__file__).resolve().parent / "wfst_replies"

WFS = "http://www.opengis.net/wfs"
WFS20 = "http://www.opengis.net/wfs/2.0"
OGC = "http://www.opengis.net/ogc"
FES = "http://www.opengis.net/fes/2.0"
GML = "http://www.opengis.net/gml"
QGS = "http://www.qgis.org/gml"
LAYER = LayerRef(typename="eclairage_public", namespace=QGS, prefix="qgs",
                 geometry_name="geometry", crs="EPSG:2154")


def wkb(wkt):
    return bytes(ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb())


def parse(doc):
    return etree.fromstring(doc)


# ---------------------------------------------------------------------------- documents
def test_insert_carries_one_feature_and_leaves_nulls_out():
    doc = transaction_document(LAYER, [
        Insert("i0", {"identifiant": "EP-1", "puissance_w": 40, "hauteur_m": None},
               wkb("POINT (651000.5 6851000.25)")),
        Insert("i1", {"identifiant": "EP-2"}, None)])
    root = parse(doc)
    inserts = root.findall(f"{{{WFS}}}Insert")
    assert [i.get("handle") for i in inserts] == ["i0", "i1"]
    assert all(len(i) == 1 for i in inserts)          # one feature per Insert element
    feature = inserts[0][0]
    assert feature.tag == f"{{{QGS}}}eclairage_public"
    names = [etree.QName(c).localname for c in feature]
    # QGIS Server refuses xsi:nil / empty elements for numbers: a null is left out.
    assert names == ["geometry", "identifiant", "puissance_w"]
    point = feature[0][0]
    assert point.tag == f"{{{GML}}}Point" and point.get("srsName") == "EPSG:2154"
    assert ogr.CreateGeometryFromWkb(gml_to_wkb(point)).ExportToWkt() == "POINT (651000.5 6851000.25)"
    assert len(inserts[1][0]) == 1                   # no geometry element when None


def test_update_sends_only_given_properties_and_null_without_value():
    doc = transaction_document(LAYER, [
        Update("u0", ["eclairage_public.4", "eclairage_public.5"],
               {"etat": "en panne", "hauteur_m": None}, wkb("POINT (1 2)"), set_geometry=True),
        Update("u1", ["eclairage_public.6"], {}, None, set_geometry=True)])
    root = parse(doc)
    first, second = root.findall(f"{{{WFS}}}Update")
    assert first.get("typeName") == "qgs:eclairage_public" and first.get("handle") == "u0"
    props = first.findall(f"{{{WFS}}}Property")
    assert [p.findtext(f"{{{WFS}}}Name") for p in props] == ["etat", "hauteur_m", "geometry"]
    assert props[0].findtext(f"{{{WFS}}}Value") == "en panne"
    assert props[1].find(f"{{{WFS}}}Value") is None   # WFS: no <Value> sets null
    assert props[2].find(f"{{{WFS}}}Value")[0].tag == f"{{{GML}}}Point"
    ids = [f.get("fid") for f in first.find(f"{{{OGC}}}Filter")]
    assert ids == ["eclairage_public.4", "eclairage_public.5"]
    geometry_null = second.findall(f"{{{WFS}}}Property")
    assert len(geometry_null) == 1 and geometry_null[0].find(f"{{{WFS}}}Value") is None


def test_delete_filter_and_the_89_id_limit():
    ok = transaction_document(LAYER, [Delete("d0", [f"eclairage_public.{i}" for i in range(89)])])
    assert len(parse(ok).find(f"{{{WFS}}}Delete").find(f"{{{OGC}}}Filter")) == 89
    with pytest.raises(ApplyError) as info:
        transaction_document(LAYER, [Delete("d0", [f"eclairage_public.{i}" for i in range(90)])])
    assert info.value.code == "apply.too_many_ids" and info.value.params["count"] == 90
    with pytest.raises(ApplyError) as info:
        transaction_document(LAYER, [Update("u0", [], {"etat": "x"})])
    assert info.value.code == "apply.no_ids"


def test_document_is_ascii_with_character_references():
    doc = transaction_document(LAYER, [Update("u0", ["eclairage_public.1"],
                                              {"etat": "déposé €", "code_insee": "94028"})])
    doc.decode("ascii")                                # qgis_mapserver hangs on UTF-8 bodies
    assert b"d&#233;pos&#233; &#8364;" in doc
    root = parse_xml(doc)
    assert root.find(f".//{{{WFS}}}Value").text == "déposé €"


def test_control_characters_are_refused_with_the_field_named():
    with pytest.raises(ApplyError) as info:
        transaction_document(LAYER, [Insert("i7", {"etat": "a\x00b"})])
    assert info.value.code == "apply.value_not_xml"
    assert info.value.params == {"handle": "i7", "field": "etat"}


def test_multi_geometries_use_names_qgis_server_reads():
    doc = transaction_document(LAYER, [
        Insert("i0", {}, wkb("MULTIPOLYGON (((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))")),
        Insert("i1", {}, wkb("MULTILINESTRING ((0 0,1 1),(2 2,3 3))"))])
    text = doc.decode("ascii")
    # QGIS Server 3.22 refuses OGR's MultiSurface/MultiCurve in an Insert (measured).
    assert "MultiSurface" not in text and "MultiCurve" not in text
    root = parse(doc)
    polygon, lines = [i[0][0][0] for i in root.findall(f"{{{WFS}}}Insert")]
    assert polygon.tag == f"{{{GML}}}MultiPolygon"
    assert [etree.QName(c).localname for c in polygon] == ["polygonMember", "polygonMember"]
    assert lines.tag == f"{{{GML}}}MultiLineString"
    back = ogr.CreateGeometryFromWkb(gml_to_wkb(polygon))
    assert back.GetGeometryName() == "MULTIPOLYGON" and back.GetGeometryCount() == 2


def test_wfs_200_document():
    doc = transaction_document(LAYER, [
        Insert("i0", {"identifiant": "X"}, wkb("POINT (1 2)")),
        Update("u0", ["eclairage_public.3"], {"etat": "x"}),
        Delete("d0", ["eclairage_public.4"])], version="2.0.0")
    root = parse(doc)
    assert root.tag == f"{{{WFS20}}}Transaction" and root.get("version") == "2.0.0"
    point = root.find(f"{{{WFS20}}}Insert")[0][0][0]
    assert point.tag == "{http://www.opengis.net/gml/3.2}Point"
    assert point.get("{http://www.opengis.net/gml/3.2}id")      # GML 3.2 requires gml:id
    update = root.find(f"{{{WFS20}}}Update")
    assert update.find(f"{{{WFS20}}}Property/{{{WFS20}}}ValueReference").text == "etat"
    assert update.find(f"{{{FES}}}Filter/{{{FES}}}ResourceId").get("rid") == "eclairage_public.3"
    assert root.find(f"{{{WFS20}}}Delete/{{{FES}}}Filter/{{{FES}}}ResourceId") is not None


@pytest.mark.parametrize("value, text", [
    (True, "true"), (False, "false"), (12, "12"), (1.5, "1.5"), (1e-7, "0.0000001"),
    (2.5e20, "250000000000000000000"), (dt.date(2024, 5, 1), "2024-05-01"),
    (dt.datetime(2024, 5, 1, 8, 30, tzinfo=dt.timezone.utc), "2024-05-01T08:30:00+00:00"),
    (b"\x00\x01", "AAE="), ("texte", "texte"),
])
def test_format_value(value, text):
    assert format_value(value) == text


# ---------------------------------------------------------------------------- responses
# Transaction: Insert ins-A (valid), Insert ins-B (puissance_w -5, CHECK), Update upd-1
# (valid), Update upd-2 (identifiant already used, UNIQUE), Delete del-1 (valid).
QGIS_PARTIAL = (REPLIES / "transaction_partial.xml").read_bytes()

# Transaction: Update u1 (etat, puissance_w -3, geometry) on one feature; Update u2
# (puissance_w -3) on two features and a missing id; Update/Delete of a missing id.
QGIS_HALF_UPDATE = (REPLIES / "transaction_half_update.xml").read_bytes()

# Transaction without handles: the locators only say "Insert:<layer>".
QGIS_NO_HANDLES = (REPLIES / "transaction_no_handles.xml").read_bytes()


def test_qgis_partial_failure_is_reported_per_handle():
    outcome = parse_transaction_response(QGIS_PARTIAL)
    assert (outcome.inserted, outcome.updated, outcome.deleted) == (1, 1, 1)
    assert outcome.inserted_ids == [("ins-A", "eclairage_public.201")]
    assert [f.locator for f in outcome.failures] == ["ins-B", "upd-2"]
    assert "UNIQUE constraint failed: eclairage_public.identifiant" in outcome.failures[1].message
    assert outcome.failed


def test_qgis_half_applied_update_is_a_failure():
    outcome = parse_transaction_response(QGIS_HALF_UPDATE)
    assert outcome.updated == 0 and outcome.deleted == 0
    assert [f.locator for f in outcome.failures] == ["u2", "u1"]
    assert "1 geometries were changed" in outcome.failures[1].message
    assert "feature 21" in outcome.failures[0].message and "feature 22" in outcome.failures[0].message


def test_qgis_reply_without_handles():
    outcome = parse_transaction_response(QGIS_NO_HANDLES)
    assert [f.locator for f in outcome.failures] == ["Insert:eclairage_public", "Update:eclairage_public"]
    assert outcome.updated == 1 and outcome.inserted == 0


# Written from the WFS 2.0.0 schema (wfs.xsd TransactionResponseType): no WFS 2.0 server
# with Transaction runs on these machines (QGIS Server 3.22 answers 2.0 requests in 1.1.0).
WFS20_RESPONSE = b"""<?xml version="1.0" encoding="UTF-8"?>
<wfs:TransactionResponse version="2.0.0" xmlns:wfs="http://www.opengis.net/wfs/2.0"
    xmlns:fes="http://www.opengis.net/fes/2.0">
  <wfs:TransactionSummary>
    <wfs:totalInserted>2</wfs:totalInserted><wfs:totalUpdated>3</wfs:totalUpdated>
    <wfs:totalReplaced>1</wfs:totalReplaced><wfs:totalDeleted>4</wfs:totalDeleted>
  </wfs:TransactionSummary>
  <wfs:InsertResults>
    <wfs:Feature handle="i0"><fes:ResourceId rid="lamp.77"/></wfs:Feature>
    <wfs:Feature handle="i1"><fes:ResourceId rid="lamp.78"/></wfs:Feature>
  </wfs:InsertResults>
</wfs:TransactionResponse>"""


def test_wfs_200_response():
    outcome = parse_transaction_response(WFS20_RESPONSE)
    assert (outcome.inserted, outcome.updated, outcome.deleted) == (2, 4, 4)
    assert outcome.inserted_ids == [("i0", "lamp.77"), ("i1", "lamp.78")]
    assert not outcome.failed


def test_wfs_100_response_status():
    outcome = parse_transaction_response(b"""<wfs:WFS_TransactionResponse version="1.0.0"
      xmlns:wfs="http://www.opengis.net/wfs" xmlns:ogc="http://www.opengis.net/ogc">
      <wfs:InsertResult handle="i0"><ogc:FeatureId fid="t.9"/></wfs:InsertResult>
      <wfs:TransactionResult><wfs:Status><wfs:PARTIAL/></wfs:Status>
      <wfs:Locator>u1</wfs:Locator><wfs:Message>boom</wfs:Message></wfs:TransactionResult>
      </wfs:WFS_TransactionResponse>""")
    assert outcome.status == "PARTIAL" and outcome.failed
    assert outcome.inserted_ids == [("i0", "t.9")]


def test_exception_report_raises_service_exception():
    with pytest.raises(ServiceException) as info:
        parse_transaction_response(b"""<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1"
          version="2.0.0"><ows:Exception exceptionCode="InvalidValue" locator="u3">
          <ows:ExceptionText>value out of range</ows:ExceptionText></ows:Exception>
          </ows:ExceptionReport>""", source="http://example.org/wfs")
    assert info.value.params["locator"] == "u3"
    assert info.value.params["text"] == "value out of range"
    assert info.value.source == "http://example.org/wfs"


def test_not_a_transaction_response():
    with pytest.raises(DocumentError) as info:
        parse_transaction_response(b"<wfs:FeatureCollection xmlns:wfs='http://www.opengis.net/wfs'/>")
    assert info.value.code == "wfst.not_a_response"
    with pytest.raises(DocumentError) as info:
        parse_transaction_response(b"<html><body>proxy error</body></html>")
    assert info.value.code == "xml.html"
