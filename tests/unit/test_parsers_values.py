"""Value normalisation shared by every parser: roles, dates, link kinds, CRS codes."""

from __future__ import annotations

import datetime as dt

import pytest

from geogov.plugin.catalogue import documents
from geogov.plugin.catalogue.crs_codes import normalise_crs
from geogov.plugin.catalogue.dates import parse_date
from geogov.plugin.catalogue.links import classify_link
from geogov.plugin.catalogue.model import Record
from geogov.plugin.catalogue.roles import normalise_role, role_from_href


@pytest.mark.parametrize("raw, synonyms, expected", [
    ("pointOfContact", False, ("pointOfContact", "iso19139")),
    ("PointOfContact", False, ("pointOfContact", "iso19139")),
    ("point of contact", False, ("pointOfContact", "iso19139")),
    ("http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#CI_RoleCode_owner", False,
     ("owner", "iso19139")),
    ("rightsHolder", False, ("rightsHolder", "iso19115-1")),
    ("funder", False, ("funder", "iso19115-1")),
    ("partner", False, (None, "nonstandard")),
    ("provider", False, (None, "nonstandard")),
    ("creator", False, (None, "nonstandard")),
    ("creator", True, ("originator", "nonstandard")),
    ("", False, (None, "empty")),
    (None, False, (None, "missing")),
])
def test_normalise_role(raw, synonyms, expected):
    assert normalise_role(raw, synonyms=synonyms) == expected


def test_role_from_geonetwork_subtemplate_href():
    href = ("local://srv/api/registries/entries/x?lang=fre&amp;process="
            "gmd:role/gmd:CI_RoleCode/@codeListValue~owner")
    assert role_from_href(href) == "owner"
    assert role_from_href("https://annuaire.example/org/1") == ""


@pytest.mark.parametrize("text, expected", [
    ("2014-02-13", dt.date(2014, 2, 13)),
    ("2021-02-08T00:00:00Z", dt.date(2021, 2, 8)),
    ("2015-09-21T10:10:13", dt.date(2015, 9, 21)),
    ("2014-02", dt.date(2014, 2, 1)),
    ("2014", dt.date(2014, 1, 1)),
    ("20140213", dt.date(2014, 2, 13)),
    ("13/02/2014", dt.date(2014, 2, 13)),
    ("2014-02-30", None),
    ("unknown", None),
    ("..", None),
    ("", None),
    (None, None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("url, protocol, function, kind", [
    ("https://x/geoserver/ows", "OGC:WMS", "", "wms"),
    ("https://x/geoserver/ows", "OGC:WMS-1.3.0-http-get-map", "", "wms"),
    ("https://x/geoserver/ows", "OGC Web Map Service", "", "wms"),
    ("https://x/geoserver/gwc/service/wmts", "OGC:WMTS-1.0.0-http-get-capabilities", "", "wmts"),
    ("https://x/geoserver/ows", "OGC:WFS-2.0.0-http-get-capabilities", "", "wfs"),
    ("https://x/api/collections/routes/items", "", "", "ogcapi_features"),
    ("https://x/ogc/features", "OGC API - Features", "", "ogcapi_features"),
    ("https://x/a.zip", "WWW:DOWNLOAD-1.0-http--download", "", "download"),
    ("https://x/feed.atom", "INSPIRE Atom", "", "download"),
    ("https://x/wfs?service=WFS&request=GetFeature&typeName=a", "", "", "download"),
    ("https://x/ows?SERVICE=WMS&", "WWW:LINK-1.0-http--link", "", "wms"),
    ("https://x/page", "WWW:LINK-1.0-http--link", "", "webpage"),
    ("https://x/rest/services/MapServer", "ESRI:REST", "", "other"),
    ("https://x/file", "", "download", "download"),
    ("https://x/page", "", "information", "webpage"),
    ("mailto:a@b.fr", "", "", "other"),
])
def test_classify_link(url, protocol, function, kind):
    assert classify_link(url, protocol, function) == kind


@pytest.mark.parametrize("code, expected", [
    ("EPSG:2154", "EPSG:2154"),
    ("urn:ogc:def:crs:EPSG::2154", "EPSG:2154"),
    ("urn:x-ogc:def:crs:EPSG:31370", "EPSG:31370"),
    ("urn:ogc:def:crs:EPSG:6.9:2154", "EPSG:2154"),
    ("http://www.opengis.net/def/crs/EPSG/0/3857", "EPSG:3857"),
    ("http://www.opengis.net/gml/srs/epsg.xml#4326", "EPSG:4326"),
    ("urn:ogc:def:crs:OGC:1.3:CRS84", "CRS:84"),
    ("IGNF:LAMB93", "IGNF:LAMB93"),
])
def test_normalise_crs(code, expected):
    assert normalise_crs(code) == expected


# ------------------------------------------------- dates with time zones (README, Dates)


@pytest.mark.parametrize("text, expected", [
    ("2014-09-08Z", dt.date(2014, 9, 8)),
    ("2014-09-08+02:00", dt.date(2014, 9, 8)),
    ("2014-09-08-05:00", dt.date(2014, 9, 8)),
    ("2014-09-08T00:00:00+02:00", dt.date(2014, 9, 8)),    # not 7 Sept (its UTC date)
    ("2014-09-08T23:30:00-05:00", dt.date(2014, 9, 8)),    # not 9 Sept (its UTC/Paris date)
    ("2014-09-08T10:15:00.123Z", dt.date(2014, 9, 8)),
    ("2014-09Z", dt.date(2014, 9, 1)),
    ("2014+01:00", dt.date(2014, 1, 1)),
    (" 2014-09-08Z ", dt.date(2014, 9, 8)),
    ("2014-09-08+2:00", None),      # not an xs:date time zone
    ("2014-09-08Zjunk", None),
    ("2014-09-31Z", None),
])
def test_dates_with_time_zones_give_the_date_written(text, expected):
    assert parse_date(text) == expected


def test_dublin_core_and_ogc_api_dates_with_time_zones():
    dc = (b'<csw:Record xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" '
          b'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dct="http://purl.org/dc/terms/">'
          b'<dc:identifier>r1</dc:identifier><dc:title>T</dc:title>'
          b'<dct:modified>2014-09-08+02:00</dct:modified><dct:created>2010-01-02Z</dct:created>'
          b'</csw:Record>')
    record = documents.read_document(dc, "dc").records[0]
    assert record.dates == {"revision": dt.date(2014, 9, 8), "creation": dt.date(2010, 1, 2)}
    item = (b'{"type": "Feature", "id": "r2", "geometry": null, "properties": {"title": "T", '
            b'"type": "dataset", "created": "2010-01-02T23:00:00-03:00", '
            b'"updated": "2014-09-08T00:30:00+02:00"}}')
    record = documents.read_document(item, "api").records[0]
    assert record.dates == {"creation": dt.date(2010, 1, 2), "revision": dt.date(2014, 9, 8)}


# ------------------------------------------------------------------ last revision


@pytest.mark.parametrize("dates, expected", [
    ({}, (None, "")),
    ({"creation": dt.date(2020, 1, 1)}, (dt.date(2020, 1, 1), "creation")),
    ({"creation": dt.date(2020, 1, 1), "publication": dt.date(2021, 1, 1)},
     (dt.date(2021, 1, 1), "publication")),
    ({"revision": dt.date(2019, 1, 1), "publication": dt.date(2021, 1, 1)},
     (dt.date(2021, 1, 1), "publication")),      # the latest, whatever its type
    ({"revision": dt.date(2021, 1, 1), "publication": dt.date(2021, 1, 1),
      "creation": dt.date(2021, 1, 1)}, (dt.date(2021, 1, 1), "revision")),   # a tie
    ({"publication": dt.date(2021, 1, 1), "creation": dt.date(2021, 1, 1)},
     (dt.date(2021, 1, 1), "publication")),
    ({"lastUpdate": dt.date(2025, 1, 1), "creation": dt.date(2020, 1, 1)},
     (dt.date(2020, 1, 1), "creation")),         # other date types do not count
])
def test_last_revision_and_its_kind(dates, expected):
    record = Record(identifier="x", dates=dates)
    assert (record.last_revision, record.last_revision_kind) == expected
