"""ISO 19115-3 (mdb/cit) records and ISO 19110 feature catalogues: the same Record shape."""

from __future__ import annotations

import datetime as dt

from geogov.plugin.catalogue import documents
from geogov.plugin.catalogue.model import ROLE_ISO19115_1, ROLE_ISO19139


def test_sextant_19115_3_parties_with_funder_flagged(shared_data):
    document = documents.read_file(shared_data / "ogc/iso19139/gnui__sextant.iso19115-3.dataset.xml")
    assert document.kind == "iso19115-3"
    record = document.records[0]
    assert record.standard == "iso19115-3"
    assert record.identifier == "74ce72b9-0196-4eca-abfe-8600f69bd5c4"
    assert record.title == "Position des fronts du Courant Circumpolaire Antarctique"
    assert record.language == "fre"
    assert record.metadata_date == dt.date(2024, 9, 17)
    assert record.dates == {"publication": dt.date(2023, 3, 14)}
    assert record.bbox == (-180.0, -66.0, 180.0, -35.0)
    assert [(p.context, p.role, p.organisation, p.email) for p in record.parties] == [
        ("resource_contact", "originator", "CTOH/LEGOS", "ctoh_products@legos.obs-mip.fr"),
        ("resource_contact", "pointOfContact", "AVISO", "aviso@altimetry.fr"),
        ("resource_contact", "funder", "CNES", ""),
        ("resource_contact", "distributor", "AVISO", ""),
    ]
    funder = record.parties[2]
    assert funder.role_status == ROLE_ISO19115_1 and funder.flagged
    assert len(record.links_of("wms")) == 3
    assert [link.protocol for link in record.links if link.kind == "other"] == ["DOI"]


def test_walloon_service_record(shared_data):
    record = documents.read_file(
        shared_data / "ogc/iso19139/owslib__iso3_metawal.wallonie.be-srv.xml").records[0]
    assert record.hierarchy == "service"
    assert record.identifier == "1714cd1e-6685-4dea-a6f4-b51612a15ed0"
    assert len(record.operates_on) == 11
    assert record.bbox == (2.75, 49.45, 6.51, 50.85)
    roles = [(p.context, p.role) for p in record.parties]
    assert roles == [("metadata_contact", "pointOfContact"), ("distributor", "distributor"),
                     ("resource_contact", "pointOfContact"), ("resource_contact", "custodian"),
                     ("resource_contact", "owner")]
    assert all(p.role_status == ROLE_ISO19139 for p in record.parties)
    owner = record.parties[-1]
    assert (owner.organisation, owner.email, owner.url) == (
        "Service public de Wallonie (SPW)", "helpdesk.carto@spw.wallonie.be",
        "https://geoportail.wallonie.be")
    assert [link.kind for link in record.links] == ["wms"]


def test_iso19110_feature_catalogue_producer(shared_data):
    document = documents.read_file(
        shared_data / "ogc/iso19139/parsers__geobretagne-featurecatalogue.xml")
    assert document.kind == "iso19110"
    record = document.records[0]
    assert record.identifier == "2f9f2420-4faa-432e-8931-685681493035"
    assert record.title.startswith("Localisation des toilettes publiques sur la ville de Rennes")
    assert record.keywords == ["Table attributaire"]
    assert [(p.context, p.role, p.organisation, p.email) for p in record.parties] == [
        ("catalogue_producer", "pointOfContact", "Rennes Métropole - DRPF",
         "drpf@ville-rennes.fr")]
