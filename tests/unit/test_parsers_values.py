"""Value normalisation shared by every parser: roles, dates, link kinds, CRS codes."""

from __future__ import annotations

import datetime as dt

import pytest

from geogov.plugin.catalogue.crs_codes import normalise_crs
from geogov.plugin.catalogue.dates import parse_date
from geogov.plugin.catalogue.links import classify_link
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
