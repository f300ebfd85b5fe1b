"""Dublin Core (CSW 2.0.2 and 3.0) and DCAT records."""

from __future__ import annotations

import datetime as dt

from geogov.plugin.catalogue import documents, dublincore
from geogov.plugin.catalogue.model import ROLE_ISO19115_1, ROLE_ISO19139, ROLE_NONSTANDARD
from geogov.plugin.xmlsafe import parse_xml


def test_geopicardie_dc_records(shared_data):
    document = documents.read_file(shared_data / "ogc/csw/cswclient__records-results-basic.xml")
    records = {r.identifier: r for r in document.records}
    atom = records["22c47096-64da-44e8-a04e-58f9779c6995"]
    assert atom.hierarchy == "service"
    assert atom.dates == {"revision": dt.date(2014, 9, 11)}
    assert [(link.kind, link.url) for link in atom.links] == [
        ("download", "http://ws.carmencarto.fr/ATOM/27/eaux_et_milieux_aquatiques_en_picardie.atom")]
    layer = records["67f8c692-d211-470f-b399-171aaafd80eb"]
    assert layer.standard == "dublincore"
    assert layer.language == "fre"
    assert layer.keywords == ["Hydrographie", "environment"]
    # GeoNetwork labels the box "RGF93 / Lambert-93" but writes degrees, corners swapped.
    assert layer.bbox == (1.42, 48.67, 4.27, 50.53)
    assert layer.constraints == ["otherRestrictions"]
    webpage = layer.links[0]
    assert (webpage.kind, webpage.protocol, webpage.name) == (
        "webpage", "WWW:LINK-1.0-http--link", "L'eau et les milieux aquatiques en Picardie")


def test_pycsw_dc_bbox_axis_order_and_csw30_summary(shared_data):
    full = documents.read_file(shared_data / "ogc/csw/pycsw__default__post_GetRecords-all.xml")
    by_id = {r.identifier: r for r in full.records}
    # urn:x-ogc:def:crs:EPSG:6.11:4326 is latitude first: 60.042 13.754 is in Scandinavia.
    assert by_id["urn:uuid:1ef30a8b-876d-4828-9246-c37ab4510bbd"].bbox == \
        (13.754, 60.042, 17.92, 68.41)
    assert by_id["urn:uuid:19887a8a-f6b0-4a63-ae56-7fba0e17801f"].hierarchy == "image"
    assert by_id["urn:uuid:784e2afd-a9fd-44a6-9a92-a3848371c8ec"].dates == \
        {"revision": dt.date(2006, 5, 12)}
    summary = documents.read_file(shared_data / "ogc/csw/pycsw__csw30__get_GetRecords-summary.xml")
    assert summary.version == "3.0.0"
    assert [r.title for r in summary.records][:3] == ["Lorem ipsum", "", "Maecenas enim"]
    assert summary.records[1].bbox == (13.75, 60.04, 17.92, 68.41)


def test_dc_agents_become_parties_with_mapped_roles():
    record = dublincore.parse_record(parse_xml(
        '<csw:Record xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dct="http://purl.org/dc/terms/">'
        '<dc:identifier>r1</dc:identifier><dc:title>Pistes cyclables</dc:title>'
        '<dc:creator>Département du Val-de-Marne</dc:creator>'
        '<dc:publisher>Île-de-France Mobilités</dc:publisher>'
        '<dc:contributor>Ville de Créteil</dc:contributor>'
        '<dct:modified>2024-02-01T08:00:00Z</dct:modified>'
        '<dct:accrualPeriodicity>continuous</dct:accrualPeriodicity>'
        '<dc:rights>Licence Ouverte Etalab 2.0</dc:rights>'
        '<dct:references scheme="OGC:WMS">https://data.example.fr/wms</dct:references>'
        '<dc:coverage>North 49.24, South 48.12, East 3.56, West 1.45. IDF</dc:coverage>'
        '</csw:Record>'), "inline")
    assert [(p.context, p.role, p.role_raw, p.role_status, p.organisation)
            for p in record.parties] == [
        ("dc_party", "originator", "creator", ROLE_NONSTANDARD, "Département du Val-de-Marne"),
        ("dc_party", "publisher", "publisher", ROLE_ISO19139, "Île-de-France Mobilités"),
        ("dc_party", "contributor", "contributor", ROLE_ISO19115_1, "Ville de Créteil"),
    ]
    assert record.dates == {"revision": dt.date(2024, 2, 1)}
    assert (record.maintenance.frequency, record.maintenance.frequency_raw) == \
        ("continual", "continuous")
    assert record.licence == "Licence Ouverte Etalab 2.0"
    assert [(link.kind, link.protocol) for link in record.links] == [("wms", "OGC:WMS")]
    assert record.bbox == (1.45, 48.12, 3.56, 49.24)


def test_geonetwork_dcat_records(shared_data):
    document = documents.read_file(shared_data / "ogc/csw/udata__geonetwork-dcat-page-1.xml")
    assert (document.result.matched, document.result.returned, document.result.next_start) \
        == (6, 2, 2)
    first = document.records[0]
    assert first.standard == "dcat"
    assert first.identifier == "04bcec79-5b25-4b16-b635-73115f7456e4"
    assert first.resource_identifiers == ["https://www.geo2france.fr/insee/partmenage5ans"]
    assert first.dates == {"publication": dt.date(2020, 9, 22)}
    assert first.metadata_date == dt.date(2021, 1, 25)
    assert [(p.role, p.organisation, p.email) for p in first.parties] == [
        ("publisher", "Géo2France", ""), ("pointOfContact", "Géo2France",
                                         "contact@geo2france.fr")]
    assert [(link.name, link.url) for link in first.links_of("wms")] == [
        ("rectangles_200m_menage_erbm", "https://www.geo2france.fr/geoserver/insee/ows")]
    west, south, east, north = first.bbox
    assert round(west, 2) == 1.33 and round(north, 2) == 51.08
    assert document.records[1].maintenance.frequency_raw == "PUNCTUAL"
