"""Resolution on real catalogue records (../shared/data/ogc): robust, and no false friend.

None of these records belongs to the demo convention, so each one must come out "not in
the convention", and no real organisation name may be taken for a demo partner (a false
match would hide a real discrepancy).
"""

import datetime as dt
from pathlib import Path

import pytest

from geogov.plugin.catalogue.documents import read_metadata
from geogov.plugin.errors import GeoGovError
from geogov.plugin.governance import discrepancies as d
from geogov.plugin.governance.convention_loader import load_convention
from geogov.plugin.governance.organisations import match_partner
from geogov.plugin.governance.resolution import find_dataset, resolve

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 22)

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def demo():
    return load_convention(ROOT / "resources" / "demo" / "convention-idf.yaml")


@pytest.fixture(scope="module")
def records(shared_data):
    out = []
    for folder in ("iso19139", "csw", "ogcapi"):
        for path in sorted((shared_data / "ogc" / folder).iterdir()):
            try:
                out.extend(read_metadata(path.read_bytes(), str(path)))
            except GeoGovError:
                continue   # the corpus's deliberately bad documents: not this test's subject
    if not out:
        pytest.skip("no metadata record could be read from the corpus")
    return out


def test_no_real_record_is_taken_for_a_demo_dataset(demo, records):
    assert [r.identifier for r in records if resolve(demo, today=TODAY, record=r)] == []


def test_no_real_organisation_is_taken_for_a_demo_partner(demo, records):
    names = {p.organisation for r in records for p in r.parties if p.organisation}
    assert names
    assert {n: match_partner(demo, n).id for n in names if match_partner(demo, n)} == {}


def test_every_real_data_record_is_an_orphan_of_the_convention(demo, records):
    found = d.catalogue_discrepancies(demo, records, find_dataset)
    data_records = [r for r in records if r.hierarchy in ("dataset", "series", "")]
    orphans = [x for x in found if x.code == d.NOT_IN_CONVENTION]
    assert [x.params["record"] for x in orphans] == [r.identifier for r in data_records]
    assert len([x for x in found if x.code == d.NOT_IN_CATALOGUE]) == len(demo.datasets)


def test_real_parties_compared_with_a_convention_dataset(demo, records):
    # Pretend each real record documents eclairage-public: a custodian discrepancy appears
    # exactly when the record names a custodian of the resource (none of them is SIPPEREC).
    dataset = demo.datasets["eclairage-public"]
    stewards = demo.stewards_for(dataset.id)
    for record in records:
        codes = [x.code for x in d.record_discrepancies(demo, dataset, record, stewards)]
        names_custodian = any(p.role == "custodian" and p.context in d.RESOURCE_CONTEXTS
                              and (p.organisation or p.individual) for p in record.parties)
        assert (d.CUSTODIAN_DIFFERS in codes) == names_custodian, record.source
