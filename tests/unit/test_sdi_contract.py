"""The demo SDI builder says what tests/sdi/DEMO.md says, and its records give exactly the
deliberate findings once GeoGov reads them against the demo convention."""

import datetime as dt
import re
from pathlib import Path

import pytest

from geogov.plugin.catalogue.iso19139 import parse_record
from geogov.plugin.governance import discrepancies as d
from geogov.plugin.governance.convention_loader import load_convention
from geogov.plugin.governance.resolution import resolve_catalogue
from geogov.tests.sdi import iso19139, oarec
from geogov.tests.sdi.datasets import CONVENTION_ONLY_RECORD_ID, DATASETS, RECORD_COUNT
from geogov.tests.sdi.partners import PARTNERS

ROOT = Path(__file__).resolve().parents[2]
DEMO_MD = ROOT / "tests" / "sdi" / "DEMO.md"
CONVENTION = ROOT / "resources" / "demo" / "convention-idf.yaml"
OWS = "http://127.0.0.1:8601/ows"
BBOX = (1.44, 48.11, 3.55, 49.24)
TODAY = dt.date(2026, 11, 22)


def table_rows(heading: str) -> list:
    text = DEMO_MD.read_text(encoding="utf-8")
    section = text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def test_partners_are_those_of_demo_md():
    rows = table_rows("Partners (convention ids)")
    assert [(r[0], r[1]) for r in rows] == [(p.id, p.name) for p in PARTNERS.values()]
    assert all(p.contact.email.endswith("@example.org") for p in PARTNERS.values())


def test_datasets_are_those_of_demo_md():
    rows = table_rows("Datasets and layers")
    by_record = {re.match(r"[0-9a-f-]{36}", r[10]).group(0): r for r in rows}
    catalogue = {rid: r for rid, r in by_record.items() if rid != CONVENTION_ONLY_RECORD_ID}
    assert sorted(catalogue) == sorted(ds.record_id for ds in DATASETS)
    assert RECORD_COUNT == len(catalogue) == 7
    for dataset in DATASETS:
        row = catalogue[dataset.record_id]
        assert row[1] == dataset.title
        assert row[2] == (dataset.typename or "(none)")
        assert row[3] == dataset.geometry
        if not row[0].startswith("("):
            assert row[0] == dataset.id


def iso_records(today=TODAY):
    return [parse_record(iso19139.record(ds, today, OWS, BBOX), source=ds.id) for ds in DATASETS]


def test_geogov_reads_every_party_role_the_builder_wrote():
    for dataset, record in zip(DATASETS, iso_records()):
        roles = {(p.organisation, p.role) for p in record.parties}
        for pid in dataset.originators:
            assert (PARTNERS[pid].name, "originator") in roles, dataset.id
        if dataset.custodian:
            assert (PARTNERS[dataset.custodian].name, "custodian") in roles
        assert (PARTNERS[dataset.distributor].name, "distributor") in roles
        assert record.maintenance.frequency == dataset.iso_frequency
        assert {(link.protocol, link.name) for link in record.links if link.protocol.startswith("OGC:")} == (
            {("OGC:WMS", dataset.typename), ("OGC:WFS", dataset.typename)} if dataset.typename else set())


@pytest.fixture(scope="module")
def findings():
    convention = load_convention(CONVENTION)
    results, orphans = resolve_catalogue(convention, iso_records(), TODAY)
    return results, orphans


def codes(responsibility) -> set:
    return {x.code for x in responsibility.discrepancies}


def test_records_give_exactly_the_deliberate_findings(findings):
    results, orphans = findings
    assert codes(results["points-apport-volontaire"]) == {d.FREQUENCY_DIFFERS}
    assert results["points-apport-volontaire"].status == "late"
    assert codes(results["eclairage-public"]) == {d.CUSTODIAN_DIFFERS}
    assert codes(results["capteurs-air-ecoles"]) == {d.NO_POINT_OF_CONTACT}
    for consistent in ("amenagements-cyclables", "pesees-dechets-menages", "territoires-partenaires"):
        assert codes(results[consistent]) == set(), consistent
        assert results[consistent].status == "up_to_date", consistent
    assert {x.code for x in orphans} >= {d.NOT_IN_CONVENTION}


def test_findings_hold_whatever_the_build_day():
    """Revision dates follow the build day, so the findings do not age with the demo."""
    convention = load_convention(CONVENTION)
    for today in (dt.date(2027, 3, 1), dt.date(2030, 8, 15)):
        results, _ = resolve_catalogue(convention, iso_records(today), today)
        assert results["points-apport-volontaire"].status == "late"
        assert results["amenagements-cyclables"].status == "up_to_date"


def test_ogc_api_records_have_the_same_parties_as_the_iso_records():
    for dataset in DATASETS:
        feature = oarec.record(dataset, TODAY, OWS, BBOX, "http://127.0.0.1:8602/csw")
        contacts = feature["properties"]["contacts"]
        from_oarec = {(c["organization"], role) for c in contacts for role in c["roles"]}
        iso = iso19139.record(dataset, TODAY, OWS, BBOX)
        from_iso = {(party.findtext(f"{{{iso19139.GMD}}}organisationName/{{{iso19139.GCO}}}CharacterString"),
                     party.find(f"{{{iso19139.GMD}}}role/{{{iso19139.GMD}}}CI_RoleCode").get("codeListValue"))
                    for party in iso.iter(f"{{{iso19139.GMD}}}CI_ResponsibleParty")}
        assert from_oarec == from_iso, dataset.id
        assert feature["properties"]["_metadata-anytext"].startswith(dataset.title)
