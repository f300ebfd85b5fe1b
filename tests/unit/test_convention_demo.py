"""The demo convention loads cleanly and says what tests/sdi/DEMO.md (the contract) says."""

import re
from pathlib import Path

import pytest

from geogov.plugin.governance.convention import normalise_kind
from geogov.plugin.governance.convention_loader import load_convention, parse_convention

ROOT = Path(__file__).resolve().parents[2]
DEMO_CONVENTION = ROOT / "resources" / "demo" / "convention-idf.yaml"
DEMO_MD = ROOT / "tests" / "sdi" / "DEMO.md"


def table_rows(heading: str) -> list:
    """The cells of the markdown table under ``## heading`` in DEMO.md."""
    text = DEMO_MD.read_text(encoding="utf-8")
    section = text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


@pytest.fixture(scope="module")
def demo():
    return load_convention(DEMO_CONVENTION)


def test_the_demo_convention_has_no_problem_at_all():
    convention, problems = parse_convention(DEMO_CONVENTION.read_bytes())
    assert problems == []
    assert convention.coordinator == "region-idf"


def test_partners_match_demo_md(demo):
    rows = table_rows("Partners (convention ids)")
    assert [r[0] for r in rows] == list(demo.partners)
    for pid, name, kind, _territory in rows:
        partner = demo.partners[pid]
        assert partner.name == name
        assert partner.kind == normalise_kind(kind)
        assert partner.contacts, pid   # "Every partner has at least one contact"


def test_datasets_match_demo_md(demo):
    rows = [r for r in table_rows("Datasets and layers") if not r[0].startswith("(")]
    assert [r[0] for r in rows] == list(demo.datasets)
    for row in rows:
        dataset = demo.datasets[row[0]]
        assert dataset.title == row[1]
        typename = row[2]
        services = [s.typename for s in dataset.match.services]
        assert services == ([] if typename == "(none)" else [typename])
        assert dataset.frequency == row[7]
        assert dataset.dissemination == row[8]
        assert dataset.personal_data is (row[9] == "yes")
        record_id = re.match(r"[0-9a-f-]{36}", row[10]).group(0)
        assert dataset.match.record_ids == [record_id]


def test_the_orphan_catalogue_record_is_not_in_the_convention(demo):
    orphan = "04fc8ed3-b1a2-5339-b485-14f347c96748"
    assert orphan in DEMO_MD.read_text(encoding="utf-8")
    assert all(orphan not in d.match.record_ids for d in demo.datasets.values())


@pytest.mark.parametrize("login, partner, role", [
    ("tech94", "cd94", "technicien"), ("steward94", "cd94", "steward"),
    ("steward_region", "region-idf", "steward"), ("steward_syctom", "syctom", "steward"),
    ("dpo_syctom", "syctom", "dpo"), ("steward_sipperec", "sipperec", "steward"),
    ("coord_region", "region-idf", "coordinator"), ("tech93", "cd93", "technicien"),
    ("tech_ept8", "ept-t8", "technicien"),
])
def test_the_logins_of_demo_md(demo, login, partner, role):
    assert login in DEMO_MD.read_text(encoding="utf-8")
    assert demo.partner_of_login(login).id == partner
    assert role in demo.roles_of_login(login)


@pytest.mark.parametrize("departement, steward", [
    ("75", "ville-paris"), ("77", "cd77"), ("78", "cd78"), ("91", "cd91"), ("92", "cd92"),
    ("93", "cd93"), ("94", "cd94"), ("95", "cd95"),
])
def test_cycling_facilities_are_stewarded_by_each_departement(demo, departement, steward):
    communes = demo.reference.departement_communes(departement)
    assert [p.id for p in demo.stewards_for("amenagements-cyclables", communes)] == [steward]
    # one commune of it is enough, and so is its first
    assert [p.id for p in demo.stewards_for("amenagements-cyclables", communes[:1])] == [steward]


def test_changes_placed_nowhere_go_to_the_region(demo):
    assert [p.id for p in demo.stewards_for("amenagements-cyclables", [], unplaced=True)] == ["region-idf"]


def test_a_change_on_a_border_goes_to_both_stewards(demo):
    # changes touching 94081 (Vitry-sur-Seine) and 93048 (Montreuil): both stewards, convention order.
    assert [p.id for p in demo.stewards_for("amenagements-cyclables", ["94081", "93048"])] == ["cd93", "cd94"]
    # a commune inside and a change outside the reference: the local steward and the region
    assert [p.id for p in demo.stewards_for("amenagements-cyclables", ["94081"], unplaced=True)] == \
        ["cd94", "region-idf"]


def test_the_dataset_as_a_whole_names_every_steward_with_its_territory(demo):
    names = [p.id for p in demo.stewards_for("amenagements-cyclables")]
    assert names == ["ville-paris", "cd77", "cd78", "cd91", "cd92", "cd93", "cd94", "cd95", "region-idf"]
    areas = demo.steward_areas("amenagements-cyclables")
    assert areas[6][0].id == "cd94" and areas[6][1].departements == ["94"]
    assert areas[-1] == (demo.partners["region-idf"], None)


def test_a_commune_of_the_val_de_marne_goes_to_cd94(demo):
    # 94028 = Créteil
    assert [p.id for p in demo.stewards_for("amenagements-cyclables", ["94028"])] == ["cd94"]
    assert demo.steward_contacts_for("amenagements-cyclables", ["94028"])[0].login == "steward94"


def test_personal_data_needs_the_syctom_dpo(demo):
    assert demo.datasets["pesees-dechets-menages"].approval == ["steward", "dpo"]
    assert [c.login for c in demo.dpo_for("pesees-dechets-menages")] == ["dpo_syctom"]
    assert demo.dpo_for("points-apport-volontaire") == []


def test_ept_and_mgp_territories_are_their_member_communes(demo):
    mgp = demo.partners["mgp"].territory
    assert len(mgp.members) == 130 and "75056" in mgp.members
    est_ensemble = demo.partners["ept-t8"].territory
    assert est_ensemble.epci == ["200057875"] and est_ensemble.epci_names["200057875"] == "Est Ensemble"
    assert {c[:2] for c in est_ensemble.members} == {"93"}
    assert "93048" in est_ensemble.members   # Montreuil
    assert est_ensemble.routing_communes == est_ensemble.members
    assert len(demo.partners["cd94"].territory.members) == 47


def test_proposers_and_their_territory(demo):
    assert demo.may_propose("ept-t8", "amenagements-cyclables")
    assert demo.proposal_territory("cd94", "amenagements-cyclables").departements == ["94"]
    assert len(demo.proposal_territory("region-idf", "amenagements-cyclables").departements) == 8
    assert demo.proposal_territory("institut-paris-region", "amenagements-cyclables") is None
    assert demo.proposal_territory("cd94", "points-apport-volontaire") is None
    assert not demo.may_propose("cd94", "eclairage-public")
    assert demo.may_propose("lumiere-idf", "eclairage-public")
    assert not demo.may_propose("nobody", "eclairage-public")
    assert not demo.may_propose("cd94", "no-such-dataset")


def test_the_lighting_obligation(demo):
    [obligation] = demo.obligations
    assert (obligation.debtor, obligation.creditor, obligation.frequency) == \
        ("lumiere-idf", "sipperec", "quarterly")
    assert str(obligation.last_delivery) == "2026-05-31"


def test_datasets_of_a_partner(demo):
    assert demo.datasets_of("syctom") == {
        "produced": ["points-apport-volontaire"],
        "maintained": ["points-apport-volontaire", "pesees-dechets-menages"],
        "stewarded": ["points-apport-volontaire", "pesees-dechets-menages"]}
    assert demo.datasets_of("cd94")["stewarded"] == ["amenagements-cyclables"]
