"""ISO 19139 / 19115-2 records: precise values from real French and foreign records."""

from __future__ import annotations

import datetime as dt

import pytest

from geogov.plugin.catalogue import documents, iso19139
from geogov.plugin.catalogue.model import (
    ROLE_EMPTY,
    ROLE_ISO19115_1,
    ROLE_ISO19139,
    ROLE_MISSING,
    ROLE_NONSTANDARD,
)
from geogov.plugin.errors import DocumentError
from geogov.plugin.xmlsafe import parse_xml


@pytest.fixture()
def record_of(shared_data):
    def read(name):
        document = documents.read_file(shared_data / "ogc" / name)
        assert len(document.records) == 1
        return document.records[0]
    return read


def parties(record, context=None):
    return [(p.context, p.role, p.organisation) for p in record.parties
            if context is None or p.context == context]


def test_geobretagne_cadastre_record(record_of):
    record = record_of("iso19139/owslib__csw_geobretagne_mdmetadata.xml")
    assert record.identifier == "955c3e47-411e-4969-b61b-3556d1b9f879"
    assert record.title == "Cadastre 2018 en Bretagne"
    assert record.standard == "iso19139" and record.hierarchy == "dataset"
    assert record.language == "fre"
    assert record.metadata_date == dt.date(2018, 7, 30)
    assert record.dates == {"revision": dt.date(2018, 9, 1)}
    assert record.topic_categories == ["planningCadastre"]
    assert "parcelles cadastrales" in record.keywords
    west, south, east, north = record.bbox
    assert (round(west, 3), round(south, 3), round(east, 3), round(north, 3)) == \
        (-5.235, 46.756, -1.192, 49.305)
    assert record.maintenance.frequency == "annually"
    # Every party in every context: metadata contact, resource contact, two maintenance
    # contacts, and five distributor contacts (four of them under MD_Format's
    # formatDistributor, which OWSLib ignores).
    assert parties(record, "metadata_contact") == [
        ("metadata_contact", "pointOfContact",
         "DIRECTION GENERALE DES FINANCES PUBLIQUES BUREAU GF-3A")]
    assert [p.organisation for p in record.parties if p.context == "maintenance_contact"] == \
        ["DGFiP Bureau GF-3A", "DGFIP Bretagne"]
    assert sorted(p.role for p in record.parties if p.context == "distributor") == \
        ["originator", "originator", "originator", "pointOfContact", "publisher"]
    resource = [p for p in record.parties if p.context == "resource_contact"][0]
    assert (resource.organisation, resource.individual, resource.email) == (
        "DGFIP Bretagne", "DIRECTION GENERALE DES FINANCES PUBLIQUES",
        "bureau.gf3a@dgfip.finances.gouv.fr")


def test_geopicardie_custodian_and_wms_layer(record_of):
    record = record_of("iso19139/parsers__geopicardie-tache-urbaine.xml")
    assert record.title == "Tâche urbaine - Oise-la-Vallée (1947)"
    assert parties(record) == [("metadata_contact", "pointOfContact", "GéoPicardie"),
                               ("resource_contact", "custodian", "Oise-la-Vallée")]
    assert record.parties[0].email == "contact@geopicardie.fr"
    wms = record.links_of("wms")
    assert [(link.url, link.name) for link in wms] == [
        ("http://www.geopicardie.fr/geoserver/wms", "olv:fon_tu_geo_tacheurbaine_p_5_1947")]
    assert record.dates == {"creation": dt.date(2011, 6, 1)}
    assert record.licence.startswith("Utilisation libre sous réserve de mentionner la source")


def test_rennes_metropole_series_contact_details_and_licence(record_of):
    record = record_of("iso19139/parsers__rennes-metropole-referentiel-adresse.xml")
    assert record.hierarchy == "series"
    assert record.resource_identifiers == ["fr-243500139-referentiels-voies_adresses-rvadiffusion"]
    assert record.dates == {"creation": dt.date(2013, 3, 1), "revision": dt.date(2015, 8, 2)}
    assert record.last_revision == dt.date(2015, 8, 2)
    assert record.licence.startswith("Licence ODbL 1.0")
    contact = [p for p in record.parties if p.context == "resource_contact"][0]
    assert (contact.organisation, contact.individual, contact.phone, contact.url) == (
        "Rennes Métropole - SIG", "Service SIG", "02 23 62 22 70",
        "http://www.metropole.rennes.fr/")
    assert contact.address.startswith("Hôtel de Rennes Métropole, 4 avenue Henri Fréville")
    assert [link.kind for link in record.links] == ["download", "webpage", "webpage"]


def test_coupled_service_record_operates_on_and_wfs_links(record_of):
    record = record_of("iso19139/parsers__geobretagne-service-coupled.xml")
    assert record.hierarchy == "service"
    assert record.operates_on == ["e16944c7-8c80-4ac6-85f4-c88958f39094"]
    assert {link.kind for link in record.links} == {"wfs"}
    assert "OGC:WFS-2.0.0-http-get-capabilities" in [link.protocol for link in record.links]


def test_anchor_organisation_keeps_its_href(record_of):
    record = record_of("iso19139/owslib__csw_iso_identifier.xml")
    contact = [p for p in record.parties if p.context == "resource_contact"][0]
    assert contact.organisation == ("Ministerie van Defensie, Koninklijke Marine, "
                                    "Dienst der Hydrografie")
    assert contact.organisation_uri == \
        "http://standaarden.overheid.nl/owms/terms/Ministerie_van_Defensie"
    assert record.resource_identifiers == ["b3ed10bc-479a-4277-9683-56c908a7fa83"]
    # Unknown frequency code kept raw, not normalised; next update read.
    assert record.maintenance.frequency is None
    assert record.maintenance.frequency_raw == "5annually"
    assert record.maintenance.next_update == dt.date(2020, 1, 1)
    kinds = {(link.kind, link.name) for link in record.links}
    assert ("wms", "ManagementRestrictionOrRegulationZone") in kinds
    assert ("wfs", "MarineRegion:ManagementRestrictionOrRegulationZone") in kinds
    assert ("download", "ManagementRestrictionOrRegulationZone") in kinds  # INSPIRE Atom


def test_keywords_as_anchors_and_19115_1_roles_flagged(record_of):
    record = record_of("iso19139/owslib__iso_keywords_anchor.xml")
    assert record.keywords[:3] == ["Atmospheric pressure", "Air temperature", "Salinity"]
    contributors = [p for p in record.parties if p.role_raw == "contributor"]
    assert len(contributors) == 2
    assert {p.role_status for p in contributors} == {ROLE_ISO19115_1}
    assert all(p.flagged for p in contributors)
    # The aggregated SeaDataNet citation's parties are kept, apart from the resource's own.
    assert {p.context for p in contributors} == {"associated_party"}
    assert record.licence == "CC-By 4.0"


def test_nonstandard_empty_and_missing_roles_are_kept(record_of):
    primary = record_of("iso19139/owslib__9250AA67-F3AC-6C12-0CB9-0662231AA181_iso.xml")
    contact = primary.parties[0]
    assert (contact.role, contact.role_raw, contact.role_status) == (
        None, "primary", ROLE_NONSTANDARD)
    assert contact.flagged
    assert [p.role_status for p in primary.parties[1:]] == [ROLE_MISSING, ROLE_MISSING]
    scot = record_of("iso19139/gnui__geo2france.iso19139.scot.xml")
    distributor = [p for p in scot.parties if p.context == "distributor"][0]
    assert (distributor.role, distributor.role_raw, distributor.role_status) == (
        None, "", ROLE_EMPTY)


def test_nil_reason_names_give_empty_strings(shared_data):
    record = documents.read_file(
        shared_data / "ogc/csw/geonodeplugin__layer_detail_response2.xml").records[0]
    contact = record.parties[0]
    assert (contact.organisation, contact.individual, contact.position) == ("", "", "")
    assert contact.role == "pointOfContact"


def test_iso19115_2_gmi_record(record_of):
    record = record_of("iso19139/pycsw__apiso-data__iso_19115-2_Sentinel-2-scene.xml")
    assert record.standard == "iso19115-2"
    assert record.identifier.startswith("S2B_MSIL2A_20200902T090559")
    assert record.maintenance.frequency == "continual"
    assert record.metadata_date == dt.date(2020, 9, 2)  # from a gco:DateTime
    assert ("distributor", "distributor") in [(p.context, p.role) for p in record.parties]
    # The EPSG registry's party (a reference-system authority citation) is not the resource's.
    assert [p.context for p in record.parties if p.role == "originator"] == ["associated_party"]


def test_geocat_contact_with_href_and_embedded_party(record_of):
    record = record_of("iso19139/gnui__geocat-ch.iso19139.dataset.xml")
    owner = [p for p in record.parties if p.role == "owner"][0]
    assert owner.href.startswith("local://srv/api/registries/entries/2f6a598e")
    assert owner.organisation  # the embedded copy is read too
    assert "iso.empty_identifier" in record.problems  # a stray <gmd:identifier />


def test_missing_md_identifier_is_refused(shared_data):
    path = shared_data / "ogc/iso19139/" \
        "ignfvalidator__fr-210800405-08042-plu20140213-without-MD_Identifier.xml"
    with pytest.raises(DocumentError) as caught:
        documents.read_file(path)
    assert caught.value.code == "iso.missing_element"
    assert caught.value.params["element"] == "gmd:identifier/gmd:MD_Identifier"
    assert caught.value.source == str(path)


GMD_HEAD = ('<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" '
            'xmlns:gco="http://www.isotc211.org/2005/gco" '
            'xmlns:gts="http://www.isotc211.org/2005/gts" '
            'xmlns:xlink="http://www.w3.org/1999/xlink">')


def _record(body: str):
    return iso19139.parse_record(parse_xml(GMD_HEAD + body + "</gmd:MD_Metadata>"), "inline")


def test_xlink_only_contact_is_kept_with_its_href_and_role():
    href = ("local://srv/api/registries/entries/b407586c?process="
            "gmd:role/gmd:CI_RoleCode/@codeListValue~custodian")
    record = _record(
        f'<gmd:contact xlink:href="{href}"/>'
        '<gmd:contact xlink:href="https://annuaire.example/org/42"/>'
        '<gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation>'
        '<gmd:title><gco:CharacterString>T</gco:CharacterString></gmd:title>'
        '</gmd:CI_Citation></gmd:citation></gmd:MD_DataIdentification></gmd:identificationInfo>')
    first, second = record.parties
    assert (first.href, first.role, first.role_status) == (href, "custodian", ROLE_ISO19139)
    assert (second.href, second.role, second.role_status) == (
        "https://annuaire.example/org/42", None, ROLE_MISSING)
    assert first.display_name == href
    assert "iso.fileidentifier_missing" in record.problems


def test_maintenance_contact_user_defined_frequency_and_partial_dates():
    record = _record(
        '<gmd:fileIdentifier><gco:CharacterString>m1</gco:CharacterString></gmd:fileIdentifier>'
        '<gmd:dateStamp><gco:DateTime>2024-03-05T10:00:00Z</gco:DateTime></gmd:dateStamp>'
        '<gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation>'
        '<gmd:title><gco:CharacterString>T</gco:CharacterString></gmd:title>'
        '<gmd:date><gmd:CI_Date><gmd:date><gco:Date>2021-06</gco:Date></gmd:date>'
        '<gmd:dateType><gmd:CI_DateTypeCode codeListValue="revision"/></gmd:dateType>'
        '</gmd:CI_Date></gmd:date></gmd:CI_Citation></gmd:citation>'
        '<gmd:resourceMaintenance><gmd:MD_MaintenanceInformation>'
        '<gmd:maintenanceAndUpdateFrequency><gmd:MD_MaintenanceFrequencyCode '
        'codeListValue="userDefined"/></gmd:maintenanceAndUpdateFrequency>'
        '<gmd:dateOfNextUpdate><gco:Date>2025</gco:Date></gmd:dateOfNextUpdate>'
        '<gmd:userDefinedMaintenanceFrequency><gts:TM_PeriodDuration>P0Y3M</gts:TM_PeriodDuration>'
        '</gmd:userDefinedMaintenanceFrequency>'
        '<gmd:maintenanceNote><gco:CharacterString>Quarterly export</gco:CharacterString>'
        '</gmd:maintenanceNote>'
        '<gmd:contact><gmd:CI_ResponsibleParty><gmd:organisationName>'
        '<gco:CharacterString>Département de l\'Essonne</gco:CharacterString>'
        '</gmd:organisationName><gmd:role><gmd:CI_RoleCode codeListValue="custodian"/>'
        '</gmd:role></gmd:CI_ResponsibleParty></gmd:contact>'
        '</gmd:MD_MaintenanceInformation></gmd:resourceMaintenance>'
        '</gmd:MD_DataIdentification></gmd:identificationInfo>')
    assert record.metadata_date == dt.date(2024, 3, 5)
    assert record.dates == {"revision": dt.date(2021, 6, 1)}
    maintenance = record.maintenance
    assert (maintenance.frequency, maintenance.frequency_raw) == (None, "userDefined")
    assert maintenance.next_update == dt.date(2025, 1, 1)
    assert maintenance.user_defined == "P0Y3M"
    assert maintenance.note == "Quarterly export"
    assert parties(record) == [("maintenance_contact", "custodian", "Département de l'Essonne")]


def test_record_without_identification_is_refused():
    with pytest.raises(DocumentError) as caught:
        _record('<gmd:fileIdentifier><gco:CharacterString>x</gco:CharacterString>'
                '</gmd:fileIdentifier>')
    assert caught.value.code == "iso.missing_element"
    assert caught.value.params["element"] == "gmd:identificationInfo"
    assert caught.value.source == "inline"


def test_not_a_record_is_refused():
    with pytest.raises(DocumentError) as caught:
        iso19139.parse_record(parse_xml(b"<a/>"), "x.xml")
    assert caught.value.code == "iso.not_metadata"
