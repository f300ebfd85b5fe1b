"""CSW GetRecords / GetRecordById / GetCapabilities documents and their quirks."""

from __future__ import annotations

import pytest

from geogov.plugin.catalogue import csw_documents, documents
from geogov.plugin.errors import ServiceException
from geogov.plugin.xmlsafe import parse_xml


def read(shared_data, name):
    return documents.read_file(shared_data / "ogc/csw" / name)


def test_getrecords_iso_page_counts_and_next(shared_data):
    document = read(shared_data, "pycsw__apiso__post_GetRecords-all.xml")
    assert document.kind == "csw.getrecords"
    result = document.result
    assert (result.matched, result.returned, result.next_start, result.notes) == (18, 5, 5, [])
    assert [r.standard for r in result.records] == ["iso19139"] * 5
    last = read(shared_data, "udata__geoide-iso19139-single-dataset.xml").result
    assert (last.matched, last.returned, last.next_start) == (1, 1, None)


def test_getrecords_hits_only_mismatch_is_noted(shared_data):
    result = read(shared_data, "cswclient__records-hits-basic.xml").result
    assert (result.matched, result.returned, result.records) == (965, 0, [])
    assert result.notes == ["csw.returned_mismatch"]
    hits = read(shared_data, "pycsw__default__post_GetRecords-all-resulttype-hits.xml").result
    assert (hits.matched, hits.returned, hits.notes) == (12, 0, [])


def test_getrecordbyid_one_or_none(shared_data):
    assert read(shared_data, "cswclient__record-empty.xml").records == []
    [record] = read(shared_data, "plume__iso_geoide_quartiers_cucs_paris.xml").records
    assert record.title.startswith("Périmètres des quartiers du Co")
    assert [p.role for p in record.parties] == ["pointOfContact", "pointOfContact"]


def test_csw_capabilities_202_and_30(shared_data):
    geopicardie = read(shared_data, "parsers__csw-getcapabilities.xml").service
    assert (geopicardie.service, geopicardie.version) == ("CSW", "2.0.2")
    assert len(geopicardie.operations) == 7
    assert geopicardie.operation("GetRecords").post_url
    assert geopicardie.output_schemas == ["http://www.opengis.net/cat/csw/2.0.2",
                                          "http://www.isotc211.org/2005/gmd"]
    contact = geopicardie.contact
    assert (contact.context, contact.role, contact.role_raw, contact.email) == (
        "service_contact", "pointOfContact", "pointOfContact", "contact@geopicardie.fr")
    csw30 = read(shared_data, "pycsw__csw30__get_GetCapabilities.xml").service
    assert csw30.version == "3.0.0"
    assert "http://www.opengis.net/cat/csw/3.0" in csw30.output_schemas
    assert [op.name for op in csw30.operations] == [
        "GetCapabilities", "GetDomain", "GetRecords", "GetRecordById", "GetRepositoryItem"]


def test_exception_report_is_a_service_exception(shared_data):
    path = shared_data / "ogc/csw/parsers__exception-report.xml"
    with pytest.raises(ServiceException) as caught:
        documents.read_file(path)
    assert caught.value.params["exception_code"] == "InvalidParameterValue"
    assert caught.value.params["locator"] == "constraintLanguage"
    assert caught.value.source == str(path)


def test_mixed_children_unsupported_and_unreadable_are_noted():
    root = parse_xml(
        '<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" '
        'xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco"'
        ' xmlns:x="urn:x"><csw:SearchResults numberOfRecordsMatched="30" '
        'numberOfRecordsReturned="3" nextRecord="4">'
        '<gmd:MD_Metadata><gmd:fileIdentifier><gco:CharacterString>no-ident'
        '</gco:CharacterString></gmd:fileIdentifier></gmd:MD_Metadata>'
        '<x:Thing/>'
        '<csw:BriefRecord xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<dc:identifier>b1</dc:identifier><dc:title>Brief</dc:title></csw:BriefRecord>'
        '</csw:SearchResults></csw:GetRecordsResponse>')
    result = csw_documents.parse_getrecords(root, "inline")
    assert [r.identifier for r in result.records] == ["b1"]
    assert result.notes == ["record.unreadable:1:iso.missing_element", "record.unsupported:Thing"]
    assert (result.matched, result.returned, result.next_start) == (30, 1, 3)
