"""National profiles of ISO 19115-3 and ISO 19139, both ISO 19115-2 namespaces, parties in less
common places, dates with time zones and "last revision", on real documents.

The documents in tests/unit/profiles/ are byte-for-byte copies of public files (PROVENANCE.md
beside them says where each comes from); none comes from a source of ../shared/data. Where a
case needs a variant (a root that declares nothing, a party given only by xlink inside a
feature-catalogue citation, a date with a time zone), the real document is parsed and the one
element the case is about is changed in memory, so everything else stays as published.
"""

from __future__ import annotations

import collections
import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from geogov.plugin.catalogue import csw_documents, documents, iso19115_3, iso19139
from geogov.plugin.catalogue import iso_common as common
from geogov.plugin.catalogue.model import (
    ASSOCIATED_PARTY,
    DISTRIBUTOR,
    METADATA_CONTACT,
    RESOURCE_CONTACT,
    ROLE_MISSING,
    ROLE_NONSTANDARD,
    Record,
)
from geogov.plugin.errors import DocumentError
from geogov.plugin.xmlsafe import parse_xml

PROFILES = Path(__file__).resolve().parent / "profiles"
CHE3 = PROFILES / "che__gruenflaechen-19115-3.che.xml"
CHE139 = PROFILES / "che__gruenflaechen-19139.che.xml"
CHE3_XLINK = PROFILES / "che__raw-zonesDeTranquillite-19115-3.che.xml"
DGIWG = PROFILES / "dgiwg__DMF2.0-sampleMetadata-DMFfull.xml"
SINP = PROFILES / "sinp___reseau261800.iso.xml"
INSPIRE_FR = PROFILES / "cnig__MasseDEauRiviere_VRAP2022_metadata.xml"

XLINK = "{http://www.w3.org/1999/xlink}href"
GCO = "{http://www.isotc211.org/2005/gco}"
GCO3 = "{http://standards.iso.org/iso/19115/-3/gco/1.0}"
GMD = "{http://www.isotc211.org/2005/gmd}"
CIT = "{http://standards.iso.org/iso/19115/-3/cit/2.0}"
CHE_URI = "http://geocat.ch/che"
LUZERN = "Geoinformationszentrum (GIS) Stadt Luzern"


def root_of(path: Path):
    return parse_xml(path.read_bytes(), str(path))


def record_of(root, source="test") -> Record:
    return documents.read_xml(root, source).records[0]


def party_rows(record: Record):
    return collections.Counter((p.context, p.role_raw, p.organisation, p.email, p.href)
                               for p in record.parties)


# ----------------------------------------------------------------------- the Swiss profile


def test_swiss_19115_3_profile_root_is_read():
    document = documents.read_file(CHE3)
    assert document.kind == "iso19115-3"
    root = root_of(CHE3)
    assert root.tag == f"{{{CHE_URI}}}CHE_MD_Metadata"
    record = document.records[0]
    assert record.standard == "iso19115-3"
    assert record.identifier == "e10cc786-f76f-4171-99ab-68d911627f31-8371"
    assert record.title == "Grünflächen (WFS)"
    assert record.hierarchy == "service"
    assert record.language == "ger"
    # dateStamp 2025-04-07T05:30:33+02:00: the date written, not 2025-04-07 03:30 UTC's date
    assert record.metadata_date == dt.date(2025, 4, 7)
    assert record.dates == {"creation": dt.date(2023, 7, 3), "revision": dt.date(2024, 2, 21)}
    assert record.last_revision == dt.date(2024, 2, 21)
    assert record.last_revision_kind == "revision"
    assert record.bbox == pytest.approx((8.2059, 47.0271, 8.3587, 47.0825), abs=1e-4)
    assert [link.kind for link in record.links] == ["webpage", "wfs"]
    assert "opendata.swiss" in record.keywords


def test_swiss_19115_3_parties_inside_profile_classes():
    """che:CHE_CI_Organisation (gco:isoType cit:CI_Organisation) is an organisation, and the
    resource contact of the service identification is read."""
    record = documents.read_file(CHE3).records[0]
    assert party_rows(record) == collections.Counter({
        (METADATA_CONTACT, "resourceProvider", LUZERN, "gis@stadtluzern.ch", ""): 1,
        (DISTRIBUTOR, "partner", LUZERN, "gis@stadtluzern.ch", ""): 1,
        (RESOURCE_CONTACT, "partner", LUZERN, "gis@stadtluzern.ch", ""): 1,
        (RESOURCE_CONTACT, "publisher", LUZERN, "gis@stadtluzern.ch", ""): 1,
    })
    partner = [p for p in record.parties if p.role_raw == "partner"][0]
    assert partner.role is None and partner.role_status == ROLE_NONSTANDARD
    assert all(p.organisation == LUZERN for p in record.parties)


def test_swiss_record_reads_alike_in_its_19115_3_and_19139_forms():
    """The same geocat.ch record in both encodings: same identity, dates, extent, links and
    parties (context, role, organisation, e-mail). The 19139 form also carries the service's
    constraints (srv:restrictions), which the published 19115-3 form does not."""
    new, old = documents.read_file(CHE3), documents.read_file(CHE139)
    assert (new.kind, old.kind) == ("iso19115-3", "iso19139")
    a, b = new.records[0], old.records[0]
    for name in ("identifier", "title", "hierarchy", "language", "dates", "metadata_date",
                 "keywords", "topic_categories"):
        assert getattr(a, name) == getattr(b, name), name
    assert a.bbox == pytest.approx(b.bbox)
    assert [(link.kind, link.url) for link in a.links] == [(link.kind, link.url)
                                                          for link in b.links]
    assert party_rows(a) == party_rows(b)
    assert b.licence == "Gemäss Nutzungsbedingungen betreffend Geodaten der Stadt Luzern."


def test_swiss_parties_given_only_by_xlink_are_kept_once_with_their_role():
    """A raw geocat.ch record: contacts are registry xlinks whose role is in the href."""
    record = documents.read_file(CHE3_XLINK).records[0]
    assert record.identifier == "4a0c8bc7-89d1-484e-a34a-454a31267c41"
    assert [(p.context, p.role, p.organisation) for p in record.parties] == [
        (METADATA_CONTACT, "pointOfContact", ""), (RESOURCE_CONTACT, "pointOfContact", "")]
    assert all(p.href.startswith("local://srv/api/registries/entries/890dc812")
               for p in record.parties)
    assert record.maintenance.frequency == "annually"
    assert record.dates == {"revision": dt.date(2024, 11, 19)}


@pytest.mark.parametrize("path, parser, attribute", [
    (CHE3, iso19115_3, GCO3 + "isoType"), (CHE139, iso19139, GCO + "isoType")])
def test_profile_root_declaring_nothing_is_known_by_its_iso_content(path, parser, attribute):
    """Without gco:isoType the root still extends MD_Metadata_Type: its ISO properties say so."""
    root = root_of(path)
    del root.attrib[attribute]
    assert parser.is_record(root)
    stripped = record_of(root)
    assert party_rows(stripped) == party_rows(documents.read_file(path).records[0])


@pytest.mark.parametrize("path", [CHE3, CHE139])
def test_profile_root_recognised_inside_a_csw_response(path):
    response = etree.Element("{http://www.opengis.net/cat/csw/2.0.2}GetRecordByIdResponse")
    response.append(root_of(path))
    records = csw_documents.parse_getrecordbyid(response, "csw")
    assert [r.identifier for r in records] == ["e10cc786-f76f-4171-99ab-68d911627f31-8371"]


def test_profile_element_declaring_another_iso_class_is_not_a_record():
    root = root_of(CHE139)
    description = next(root.iter("{http://www.geocat.ch/2008/che}"
                                 "CHE_MD_FeatureCatalogueDescription"))
    assert description.get(GCO + "isoType") == "gmd:MD_FeatureCatalogueDescription"
    assert not iso19139.is_record(description) and not iso19115_3.is_record(description)
    assert csw_documents.record_kind(description) == ""


def test_xsi_type_naming_an_iso_type_declares_the_class():
    root = root_of(CHE139)
    del root.attrib[GCO + "isoType"]
    root.set("{http://www.w3.org/2001/XMLSchema-instance}type", "gmd:MD_Metadata_Type")
    assert iso19139.is_record(root)
    root.set("{http://www.w3.org/2001/XMLSchema-instance}type", "gmd:MD_DataIdentification_Type")
    assert not iso19139.is_record(root)
    name = next(root.iter(GMD + "organisationName"))
    assert name.get("{http://www.w3.org/2001/XMLSchema-instance}type") == \
        "gmd:PT_FreeText_PropertyType"
    assert common.declared_class(name) is None   # a property type names no class


# ------------------------------------------------------------- bad documents stay refused


@pytest.mark.parametrize("path, missing", [
    (CHE3, "mdb:identificationInfo"), (CHE139, "gmd:identificationInfo")])
def test_profile_record_without_identification_is_refused(path, missing):
    root = root_of(path)
    for info in [c for c in root if c.tag.endswith("}identificationInfo")]:
        root.remove(info)
    with pytest.raises(DocumentError) as caught:
        documents.read_xml(root, "che.xml")
    assert caught.value.code == "iso.missing_element"
    assert caught.value.params["element"] == missing and caught.value.source == "che.xml"


def test_unknown_root_with_no_iso_content_stays_unknown():
    data = (b'<che:CHE_Other xmlns:che="http://geocat.ch/che" '
            b'xmlns:gco="http://www.isotc211.org/2005/gco" gco:isoType="gmd:MD_Metadata">'
            b'</che:CHE_Other>')
    # Declares MD_Metadata, but gmd is not declared: the gco attribute still says 19139.
    with pytest.raises(DocumentError) as caught:
        documents.read_document(data, "x.xml")
    assert caught.value.code == "iso.missing_element"
    with pytest.raises(DocumentError) as caught:
        documents.read_document(b'<x:Root xmlns:x="urn:x"><x:contact/></x:Root>', "y.xml")
    assert caught.value.code == "document.unknown"


# ------------------------------------------------------------------- ISO 19115-2, DGIWG


def test_dgiwg_record_in_the_newer_19115_2_namespace():
    document = documents.read_file(DGIWG)
    assert document.kind == "iso19139"
    assert root_of(DGIWG).tag == "{http://standards.iso.org/iso/19115/-2/gmi/1.0}MI_Metadata"
    record = document.records[0]
    assert record.standard == "iso19115-2"
    assert record.identifier == "1523aca8-6413-4b2a-a2f0-ba9f7c0089d9"
    assert record.title == "Raster Topographic Map-I33a1 (UTM/WGS84)"
    assert record.metadata_date == dt.date(2013, 10, 29)
    assert record.dates == {"publication": dt.date(2008, 12, 30)}
    assert record.last_revision_kind == "publication"
    assert record.maintenance.frequency == "irregular"
    assert record.bbox == (34.5, 39.875, 34.625, 40.0)
    # The NGMP releasibility addressee sits in a profile property (ngmp:addressee), the
    # others in MD_Usage.userContactInfo and LI_ProcessStep.processor.
    assert [(p.context, p.role, p.organisation) for p in record.parties] == [
        (METADATA_CONTACT, "pointOfContact", "General Command of Mapping, Department of BSDD"),
        (RESOURCE_CONTACT, "originator", "General Command of Mapping (THGK)"),
        (ASSOCIATED_PARTY, "processor", "My organisation"),
        (ASSOCIATED_PARTY, "user", "NOR"),
        (ASSOCIATED_PARTY, "user", "General Command of Mapping")]


def test_both_19115_2_namespaces_read_the_same():
    newer = DGIWG.read_bytes()
    older = newer.replace(b"http://standards.iso.org/iso/19115/-2/gmi/1.0",
                          b"http://www.isotc211.org/2005/gmi")
    assert older != newer
    a = documents.read_document(newer, "a").records[0]
    b = documents.read_document(older, "b").records[0]
    assert (a.standard, b.standard) == ("iso19115-2", "iso19115-2")
    assert party_rows(a) == party_rows(b) and a.dates == b.dates and a.links == b.links


# ------------------------------------------------- French profiles: SINP (fra), INSPIRE


def test_sinp_record_with_the_french_fra_identification():
    root = root_of(SINP)
    identification = next(root.iter("{http://www.cnig.gouv.fr/2005/fra}FRA_DataIdentification"))
    assert identification.get(GCO + "isoType") == "gmd:MD_DataIdentification"
    record = documents.read_file(SINP).records[0]
    assert record.identifier == "00-2618"
    assert record.title == ("1ère mission entomologique sur le site de la Roche Bénitier "
                            "(réserve de la Trinité) en 2010 - GUYANE")
    assert record.hierarchy == "series"
    assert record.dates == {"creation": dt.date(2010, 1, 1)}
    assert record.last_revision == dt.date(2010, 1, 1) and record.last_revision_kind == "creation"
    assert record.maintenance.frequency == "irregular"
    assert [(p.context, p.role, p.organisation) for p in record.parties] == [
        (METADATA_CONTACT, "pointOfContact", "DEAL Guyane"),
        (RESOURCE_CONTACT, "originator", "ONF Guyane - service Sylvétude"),
        (RESOURCE_CONTACT, "processor", "Société entomologique Antilles-Guyane"),
        (RESOURCE_CONTACT, "pointOfContact", "Société entomologique Antilles-Guyane")]
    assert record.bbox == (-54.586, 2.114, -51.165, 6.159)


def test_french_inspire_record_of_the_cnig_metadata_group():
    record = documents.read_file(INSPIRE_FR).records[0]
    assert record.identifier == "95dfaccc-529c-47b3-b2cf-cf71c64f5cf1"
    assert record.dates == {"publication": dt.date(2021, 7, 8)}
    assert record.metadata_date == dt.date(2022, 9, 1)
    assert record.maintenance.frequency == "asNeeded"
    assert record.licence.startswith("Licence Ouverte 1.0")
    assert {link.kind for link in record.links} >= {"wms", "wfs", "webpage"}
    assert [(p.context, p.role) for p in record.parties] == [
        (METADATA_CONTACT, "pointOfContact"), (RESOURCE_CONTACT, "pointOfContact"),
        (ASSOCIATED_PARTY, "author"), (ASSOCIATED_PARTY, "processor")]
    assert all(p.organisation == "SANDRE" for p in record.parties)


# ------------------------------------------------------ parties in less common places


def _feature_catalogue_citation(root, namespace):
    return next(root.iter(f"{{{namespace}}}featureCatalogueCitation"))[0]


def test_19139_party_given_only_by_xlink_inside_a_feature_catalogue_citation():
    root = root_of(CHE139)
    citation = _feature_catalogue_citation(root, "http://www.isotc211.org/2005/gmd")
    cited = etree.SubElement(citation, GMD + "citedResponsibleParty")
    cited.set(XLINK, "https://www.geocat.ch/geonetwork/srv/api/registries/entries/"
                     "1234?process=gmd:role/gmd:CI_RoleCode/@codeListValue~owner")
    record = record_of(root)
    extra = [p for p in record.parties if p.href]
    assert [(p.context, p.role, p.role_status) for p in extra] == [
        (ASSOCIATED_PARTY, "owner", "iso19139")]


def test_19115_3_party_given_only_by_xlink_in_a_feature_catalogue_citation_is_kept_once():
    # The published 19115-3 form has no content information: give it the feature-catalogue
    # description its 19139 form has (mdb:contentInfo/mrc:MD_FeatureCatalogueDescription).
    root = root_of(CHE3_XLINK)
    mdb, mrc = root.nsmap["mdb"], "http://standards.iso.org/iso/19115/-3/mrc/2.0"
    content = etree.SubElement(root, f"{{{mdb}}}contentInfo")
    description = etree.SubElement(content, f"{{{mrc}}}MD_FeatureCatalogueDescription")
    prop = etree.SubElement(description, f"{{{mrc}}}featureCatalogueCitation")
    citation = etree.SubElement(prop, CIT + "CI_Citation")
    cited = etree.SubElement(citation, CIT + "citedResponsibleParty")
    cited.set(XLINK, "https://registry.example/party/7")
    record = record_of(root)
    assert [(p.context, p.role_status, p.href) for p in record.parties[2:]] == [
        (ASSOCIATED_PARTY, ROLE_MISSING, "https://registry.example/party/7")]
    assert [p.context for p in record.parties[:2]] == [METADATA_CONTACT, RESOURCE_CONTACT]


def test_19139_profile_party_inside_a_thesaurus_citation():
    """A che:CHE_CI_ResponsibleParty cited by a thesaurus (an ISO property holding a profile
    class): read as a party of an associated resource."""
    root = root_of(CHE139)
    contact = next(root.iter("{http://www.geocat.ch/2008/che}CHE_CI_ResponsibleParty"))
    thesaurus = next(root.iter(GMD + "thesaurusName"))[0]
    cited = etree.SubElement(thesaurus, GMD + "citedResponsibleParty")
    cited.append(etree.fromstring(etree.tostring(contact)))
    record = record_of(root)
    assert [p.context for p in record.parties].count(ASSOCIATED_PARTY) == 1


# ---------------------------------------------------------------------------- dates


def _set_texts(root, tag_suffix, value):
    count = 0
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.endswith(tag_suffix):
            element.text = value
            count += 1
    assert count
    return count


@pytest.mark.parametrize("path", [CHE3, CHE139, DGIWG, SINP])
def test_every_iso_date_field_reads_a_date_with_a_time_zone(path):
    """Metadata date, citation dates and next update, written as xs:date with a zone."""
    root = root_of(path)
    _set_texts(root, "}Date", "2014-09-08+02:00")
    _set_texts(root, "}DateTime", "2014-09-08T23:30:00-05:00")
    record = record_of(root)
    assert record.metadata_date == dt.date(2014, 9, 8)
    assert record.dates and set(record.dates.values()) == {dt.date(2014, 9, 8)}
    assert record.last_revision == dt.date(2014, 9, 8)


def test_next_update_with_a_time_zone():
    root = root_of(SINP)
    maintenance = next(root.iter(GMD + "MD_MaintenanceInformation"))
    next_update = etree.SubElement(maintenance, GMD + "dateOfNextUpdate")
    etree.SubElement(next_update, GCO + "Date").text = "2027-01-31Z"
    # dateOfNextUpdate comes before userDefinedMaintenanceFrequency in the schema; the
    # parser reads children by tag, so appending is enough for the case.
    assert record_of(root).maintenance.next_update == dt.date(2027, 1, 31)
