"""OGC API Records JSON: 1.0 record-core, pygeoapi pre-1.0 items and collection documents."""

from __future__ import annotations

import datetime as dt

from geogov.plugin.catalogue import documents, ogcapi_records
from geogov.plugin.catalogue.model import ROLE_MISSING, ROLE_NONSTANDARD
from geogov.plugin.catalogue.search_notes import RECORD_UNREADABLE, Note


def test_record_core_contacts_roles_links(shared_data):
    document = documents.read_file(shared_data / "ogc/ogcapi/ogcapi-records__record.json")
    assert document.kind == "ogcapi.record"
    record = document.records[0]
    assert record.standard == "ogcapi-records"
    assert record.title == "Total Ozone - daily observations"
    assert record.language == "en-CA"
    assert record.dates == {"creation": dt.date(2021, 2, 8), "revision": dt.date(2021, 2, 8)}
    assert record.bbox == (-180.0, -90.0, 180.0, 90.0)
    assert record.resource_identifiers == [record.identifier]
    assert "dobson" in record.keywords and "pollution" in record.keywords  # themes' concepts
    [publisher] = record.parties
    assert (publisher.context, publisher.role, publisher.role_raw, publisher.organisation,
            publisher.url) == ("ogcapi_contact", "publisher", "publisher",
                               "World Ozone and Ultraviolet Radiation Data Centre",
                               "https://woudc.org")
    # "license": "other" plus a rel=license link: the link is the licence.
    assert record.licence == "https://woudc.org/about/data-policy.php"
    assert [(link.kind, link.function) for link in record.links] == [
        ("wms", "describes"), ("wfs", "describes"), ("other", "preview"),
        ("download", "enclosure"), ("download", "enclosure"), ("webpage", "search")]


def test_pygeoapi_items_providers_strings_and_paging(shared_data):
    document = documents.read_file(
        shared_data / "ogc/ogcapi/ogcclient__pygeoapi-dutch-metadata-items.json")
    result = document.result
    assert (result.matched, result.returned, result.next_start) == (308, 10, 10)
    assert result.next_url == \
        "https://my.server.org/sample-data/collections/dutch-metadata/items?offset=10"
    first = result.records[0]
    assert first.identifier == "35149dfb-31d3-431c-a8bc-12a4034dac48"
    assert first.dates == {"creation": dt.date(2021, 12, 8), "revision": dt.date(2022, 6, 10)}
    [provider] = first.parties
    assert (provider.organisation, provider.individual, provider.email, provider.role_status) \
        == ("Gemeente Zaanstad", "Team Geo", "geo-informatie@zaanstad.nl", ROLE_MISSING)
    assert [(link.kind, link.name) for link in first.links] == [
        ("wms", "geo:kaartboeck"), ("wfs", "geo:kaartboeck"), ("download", ""),
        ("download", "")]
    tno = [r for r in result.records if r.identifier == "364c5d7a-d6ec-11ea-87d0-0242ac130003"]
    assert [(p.organisation, p.individual, p.email) for p in tno[0].parties] == [
        ("TNO Geologische Dienst Nederland", "", "support@broservicedesk.nl")]


def test_collection_landing_conformance_queryables(shared_data):
    folder = shared_data / "ogc/ogcapi"
    collection = documents.read_file(folder / "ogcclient__pygeoapi-dutch-metadata-collection.json")
    assert collection.kind == "ogcapi.collection"
    assert collection.records[0].bbox == (3.37, 50.75, 7.21, 53.47)
    catalog = documents.read_file(folder / "ogcapi-records__catalog.json")
    assert (catalog.kind, catalog.records[0].identifier, catalog.records[0].language) == (
        "ogcapi.collection", "tepcat", "en-CA")
    landing = documents.read_file(folder / "ogcapi-records__landingPage.json")
    assert "conformance" in [link.name for link in landing.info["links"]]
    conformance = documents.read_file(folder / "ogcapi-records__conformance.json")
    assert "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/searchable-catalog" in \
        conformance.info["conformance"]
    queryables = documents.read_file(folder / "ogcclient__pygeoapi-dutch-metadata-queryables.json")
    assert "providers" in queryables.info["properties"]
    sortables = documents.read_file(folder / "ogcapi-records__sortables.json")
    assert sortables.kind == "ogcapi.queryables"
    assert sortables.info["properties"] == ["id", "updated", "area", "relevance", "extent"]


def test_contacts_with_organisation_several_roles_and_unreadable_items():
    page = ogcapi_records.parse_items({
        "type": "FeatureCollection", "numberMatched": 3, "numberReturned": 2,
        "features": [
            {"type": "Feature", "id": "a", "geometry": None, "properties": {
                "title": "Plan vélo", "contacts": [{
                    "name": "Jeanne Martin", "organization": "Département de l'Essonne",
                    "position": "Cheffe de projet SIG",
                    "emails": [{"value": "sig@essonne.fr"}], "phones": [{"value": "01 60"}],
                    "addresses": [{"deliveryPoint": ["Hôtel du Département"],
                                   "city": "Évry-Courcouronnes", "postalCode": "91000"}],
                    "roles": ["custodian", "Producer"]}],
                "extent": {"spatial": {"bbox": [[2.0, 48.3, 2.6, 48.8]]}}}},
            "not a record",
        ]}, "inline")
    # The second record (1-based position 2, as CSW pages count) is left out and said so.
    assert page.notes == [Note(RECORD_UNREADABLE, {
        "index": 2, "code": "json.type", "path": "features[1]", "expected": "an object",
        "found": "a string"})]
    assert page.next_start is None
    record = page.records[0]
    assert record.bbox == (2.0, 48.3, 2.6, 48.8)
    assert [(p.role, p.role_raw, p.role_status) for p in record.parties] == [
        ("custodian", "custodian", "iso19139"), ("originator", "Producer", ROLE_NONSTANDARD)]
    party = record.parties[0]
    assert (party.organisation, party.individual, party.position, party.email, party.phone,
            party.address) == ("Département de l'Essonne", "Jeanne Martin",
                               "Cheffe de projet SIG", "sig@essonne.fr", "01 60",
                               "Hôtel du Département, 91000, Évry-Courcouronnes")
