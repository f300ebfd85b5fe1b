"""The demo records as OGC API Records (Part 1, record core) GeoJSON, for pygeoapi.

Same datasets, parties, dates and links as the ISO records (iso19139.py), in the shape a
catalogue converting ISO to OGC API Records gives: ``contacts`` with ``roles``, ``themes``,
``links`` carrying ``protocol`` and the layer ``name``. pygeoapi's TinyDB catalogue
provider searches ``q`` in the ``_metadata-anytext`` property only, so each record gets one.

OGC API Records has no maintenance element; ``updateFrequency`` (the ISO
MD_MaintenanceFrequencyCode value) is this demo's extension so a client can still compare
it with the convention.
"""

from __future__ import annotations

import datetime as dt

from .datasets import Dataset, revision_date
from .iso19139 import ACCESS, INSPIRE_THEMES, access_kind, dataset_links, metadata_contact
from .partners import PARTNERS, SYCTOM_DPO, Contact, Partner

MEDIA_TYPES = {"OGC:WMS": "image/png", "OGC:WFS": "application/gml+xml; version=3.1",
               "WWW:LINK": "text/html"}


def contact(partner: Partner, roles: list, person: Contact = None) -> dict:
    person = person or partner.contact
    return {
        "name": person.individual,
        "organization": partner.name,
        "position": person.position,
        "phones": [{"value": person.phone, "roles": ["work"]}],
        "emails": [{"value": person.email, "roles": ["work"]}],
        "addresses": [{"city": partner.city, "postalCode": partner.postcode, "country": "France"}],
        "links": [{"href": partner.website, "rel": "about", "type": "text/html"}],
        "roles": roles,
    }


def contacts(dataset: Dataset) -> list:
    """One entry per (partner, role) in the ISO record, in the same order."""
    entries = [contact(metadata_contact(dataset), ["pointOfContact"])]
    entries[0]["description"] = "Contact pour les métadonnées"
    for pid in dataset.originators:
        entries.append(contact(PARTNERS[pid], ["originator"]))
    if dataset.owner:
        entries.append(contact(PARTNERS[dataset.owner], ["owner"]))
    if dataset.custodian:
        entries.append(contact(PARTNERS[dataset.custodian], ["custodian"]))
    for pid in dataset.points_of_contact:
        entries.append(contact(PARTNERS[pid], ["pointOfContact"]))
    if dataset.personal_data:
        entries.append(contact(PARTNERS["syctom"], ["pointOfContact"], SYCTOM_DPO))
    entries.append(contact(PARTNERS[dataset.distributor], ["distributor"]))
    return entries


def polygon(bbox) -> dict:
    west, south, east, north = bbox
    return {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north],
                                                [west, north], [west, south]]]}


def record(dataset: Dataset, today: dt.date, ows_url: str, bbox, iso_url: str) -> dict:
    theme, label = INSPIRE_THEMES[dataset.id]
    licence_name, licence_url = dataset.licence
    links = []
    for url, protocol, name, description, function in dataset_links(dataset, ows_url):
        links.append({"href": url, "rel": "item" if protocol.startswith("OGC:") else "about",
                      "type": MEDIA_TYPES[protocol], "protocol": protocol, "name": name,
                      "title": description, "function": function})
    links.append({"href": iso_url, "rel": "alternate", "type": "application/xml",
                  "title": "Fiche ISO 19139 (CSW GetRecordById)"})
    if licence_url:
        links.append({"href": licence_url, "rel": "license", "type": "text/html", "title": licence_name})
    keywords = list(dataset.keywords)
    properties = {
        "type": "dataset",
        "title": dataset.title,
        "description": dataset.abstract,
        "created": f"{dataset.created.isoformat()}T00:00:00Z",
        "updated": f"{revision_date(dataset, today).isoformat()}T00:00:00Z",
        "language": {"code": "fr", "name": "français"},
        "keywords": keywords,
        "themes": [
            {"concepts": [{"id": theme, "title": label,
                           "url": f"http://inspire.ec.europa.eu/theme/{theme}"}],
             "scheme": "http://inspire.ec.europa.eu/theme"},
            {"concepts": [{"id": topic} for topic in dataset.topics],
             "scheme": "http://standards.iso.org/iso/19139/resources/gmxCodelists.xml"
                       "#MD_TopicCategoryCode"},
        ],
        "formats": [{"name": "GeoPackage" if dataset.typename else "PDF"}],
        "contacts": contacts(dataset),
        "license": "etalab-2.0" if licence_url else "other",
        "rights": f"{ACCESS[access_kind(dataset)][1]}. {licence_name}",
        "updateFrequency": dataset.iso_frequency,
        "externalIds": [{"scheme": "https://geo.iledefrance.example.org/donnees",
                         "value": dataset.id}],
    }
    organisations = sorted({c["organization"] for c in properties["contacts"]})
    properties["_metadata-anytext"] = " ".join(
        [dataset.title, dataset.abstract, *keywords, *organisations])
    return {
        "id": dataset.record_id,
        "type": "Feature",
        "conformsTo": ["http://www.opengis.net/spec/ogcapi-records-1/1.0/req/record-core"],
        "time": {"interval": [dataset.created.isoformat(), ".."]},
        "geometry": polygon(bbox),
        "properties": properties,
        "links": links,
    }


def tinydb_document(records: list) -> dict:
    """The JSON layout TinyDB keeps on disk (default table, string document ids from 1)."""
    return {"_default": {str(n): rec for n, rec in enumerate(records, 1)}}
