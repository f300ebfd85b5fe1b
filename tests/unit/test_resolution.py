"""Who is responsible: the demo convention with records built as DEMO.md describes them.

The records carry the deliberate findings of DEMO.md: points-apport-volontaire late and
with another frequency, eclairage-public with SIGEIF as custodian (and an overdue
delivery), capteurs-air-ecoles without a pointOfContact, a catalogue record the
convention does not know, and a convention dataset missing from the catalogue.
"""

import datetime as dt
from pathlib import Path

import pytest

from geogov.plugin.catalogue.model import (
    CITED_PARTY,
    LINK_WFS,
    MAINTENANCE_CONTACT,
    METADATA_CONTACT,
    RESOURCE_CONTACT,
    Maintenance,
    OnlineResource,
    Party,
    Record,
)
from geogov.plugin.governance import discrepancies as d
from geogov.plugin.governance.convention_loader import load_convention
from geogov.plugin.governance.organisations import match_partner, organisation_key
from geogov.plugin.governance.resolution import (
    LayerDescription,
    find_dataset,
    normalise_url,
    resolve,
    resolve_catalogue,
    responsibility_rows,
    url_matches,
)

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 22)
DAY = dt.timedelta(days=1)

IDS = {
    "amenagements-cyclables": "6ec43d18-6632-5bd7-a5ac-427d141323f3",
    "points-apport-volontaire": "b268e272-1ba0-5d78-97e1-f0cacb51330b",
    "eclairage-public": "878ab4ef-f744-5d75-a196-990f5b36389b",
    "capteurs-air-ecoles": "45500f6a-3679-556d-bf39-4e32e66ec454",
    "pesees-dechets-menages": "512f10f1-7628-5abe-9035-658973ea64c6",
    "territoires-partenaires": "dfa1db1e-4654-53d9-aaf9-0d808c42df1e",
    "zfe": "04fc8ed3-b1a2-5339-b485-14f347c96748",
}


def party(context, role, organisation):
    return Party(context=context, role=role, role_raw=role, role_status="iso19139",
                 organisation=organisation)


def record(key, title, frequency, revised_days_ago, originator, custodian, contact=True):
    parties = [party(METADATA_CONTACT, "pointOfContact", "Région Île-de-France"),
               party(CITED_PARTY, "originator", originator)]
    if custodian:
        parties.append(party(MAINTENANCE_CONTACT, "custodian", custodian))
    if contact:
        parties.append(party(RESOURCE_CONTACT, "pointOfContact", custodian or originator))
    return Record(identifier=IDS[key], title=title, standard="iso19139",
                  dates={"revision": TODAY - revised_days_ago * DAY},
                  maintenance=Maintenance(frequency=frequency, frequency_raw=frequency),
                  parties=parties,
                  links=[OnlineResource("http://127.0.0.1:8089/ows", LINK_WFS, name="x")])


@pytest.fixture(scope="module")
def demo():
    return load_convention(ROOT / "resources" / "demo" / "convention-idf.yaml")


@pytest.fixture(scope="module")
def catalogue():
    return {
        "amenagements-cyclables": record("amenagements-cyclables", "Aménagements cyclables",
                                         "quarterly", 30, "Département du Val-de-Marne",
                                         "L'Institut Paris Region"),
        "points-apport-volontaire": record("points-apport-volontaire",
                                           "Points d'apport volontaire", "annually", 150,
                                           "SYCTOM", "Syctom"),
        "eclairage-public": record("eclairage-public", "Éclairage public", "quarterly", 20,
                                   "Lumière Île-de-France SAS (concessionnaire fictif)",
                                   "SIGEIF"),
        "capteurs-air-ecoles": record("capteurs-air-ecoles", "Capteurs de qualité de l'air "
                                      "dans les écoles", "monthly", 10, "Région Île-de-France",
                                      "L'Institut Paris Region", contact=False),
        "pesees-dechets-menages": record("pesees-dechets-menages", "Pesées des déchets ménagers",
                                         "weekly", 3, "Est Ensemble",
                                         "Syctom, l'agence métropolitaine des déchets ménagers"),
        "territoires-partenaires": record("territoires-partenaires",
                                          "Territoires des partenaires", "annually", 40,
                                          "Région Île-de-France", "Région Île-de-France"),
        "zfe": record("zfe", "Zones à faibles émissions", "annually", 60,
                      "Métropole du Grand Paris", "Métropole du Grand Paris"),
    }


def codes(responsibility):
    return [x.code for x in responsibility.discrepancies]


def test_points_apport_volontaire_is_late_and_its_frequency_differs(demo, catalogue):
    result = resolve(demo, today=TODAY, record=catalogue["points-apport-volontaire"])
    assert result.dataset_id == "points-apport-volontaire" and result.matched_by == "record"
    assert result.status == "late"
    assert result.last_revision == TODAY - 150 * DAY
    assert result.revision_source == "metadata"
    assert result.frequency == "monthly"
    assert codes(result) == [d.FREQUENCY_DIFFERS]
    assert result.discrepancies[0].params == {"expected": "monthly", "found": "annually"}
    # Revised 150 days before 22 November (25 June), due one calendar month later.
    assert result.next_due == dt.date(2026, 7, 25)
    assert (result.days_late, result.months_late) == (120, 3)


def test_eclairage_public_custodian_differs_and_its_delivery_is_overdue(demo, catalogue):
    result = resolve(demo, today=TODAY, record=catalogue["eclairage-public"])
    assert codes(result) == [d.CUSTODIAN_DIFFERS]
    params = result.discrepancies[0].params
    assert params["expected"] == "sipperec"
    assert params["found"] == ["SIGEIF"] and params["found_partners"] == ["sigeif"]
    assert result.status == "up_to_date"
    [delivery] = result.obligations
    assert delivery.status == "late"
    assert delivery.next_due == dt.date(2026, 8, 31)
    assert (delivery.days_late, delivery.months_late) == (83, 2)
    assert [c.login for c in (r.contact for r in result.contacts if r.role == "steward")] == \
        ["steward_sipperec"]


def test_capteurs_air_ecoles_has_no_point_of_contact(demo, catalogue):
    result = resolve(demo, today=TODAY, record=catalogue["capteurs-air-ecoles"])
    assert codes(result) == [d.NO_POINT_OF_CONTACT]
    assert result.status == "up_to_date"


@pytest.mark.parametrize("key", ["amenagements-cyclables", "pesees-dechets-menages",
                                 "territoires-partenaires"])
def test_the_consistent_datasets_are_up_to_date_without_discrepancy(demo, catalogue, key):
    result = resolve(demo, today=TODAY, record=catalogue[key])
    assert result.dataset_id == key
    assert result.discrepancies == []
    assert result.status == "up_to_date"


def test_personal_data_brings_the_dpo(demo, catalogue):
    result = resolve(demo, today=TODAY, record=catalogue["pesees-dechets-menages"])
    assert [c.login for c in result.dpo] == ["dpo_syctom"]
    assert [(r.role, r.contact.login) for r in result.contacts[:2]] == \
        [("steward", "steward_syctom"), ("dpo", "dpo_syctom")]
    assert result.approval == ["steward", "dpo"]
    assert result.dissemination == "restreint" and result.personal_data


def test_the_two_orphans_between_catalogue_and_convention(demo, catalogue):
    found = d.catalogue_discrepancies(demo, list(catalogue.values()), find_dataset)
    assert [(x.code, x.params.get("record") or x.params.get("dataset")) for x in found] == [
        (d.NOT_IN_CONVENTION, IDS["zfe"]),
        (d.NOT_IN_CATALOGUE, "plan-velo-metropolitain"),
    ]
    assert found[0].params["producers"] == ["Métropole du Grand Paris"]


def test_a_whole_catalogue_at_once(demo, catalogue):
    results, orphans = resolve_catalogue(demo, list(catalogue.values()), TODAY,
                                         applied={"plan-velo-metropolitain": TODAY - 10 * DAY})
    assert list(results) == list(demo.datasets)
    statuses = {k: r.status for k, r in results.items()}
    assert statuses == {"amenagements-cyclables": "up_to_date",
                        "points-apport-volontaire": "late", "eclairage-public": "up_to_date",
                        "capteurs-air-ecoles": "up_to_date",
                        "pesees-dechets-menages": "up_to_date",
                        "territoires-partenaires": "up_to_date",
                        "plan-velo-metropolitain": "up_to_date"}
    assert results["plan-velo-metropolitain"].revision_source == "store"
    assert len(orphans) == 2


def test_a_cycling_layer_in_the_val_de_marne_goes_to_cd94(demo):
    layer = LayerDescription(provider="WFS", typename="amenagements_cyclables",
                             service_url="http://127.0.0.1:8765/ows?SERVICE=WFS&VERSION=1.1.0"
                                         "&MAP=/tmp/demo/demo.qgs",
                             communes=demo.reference.departement_communes("94")[:5])
    result = resolve(demo, today=TODAY, layer=layer)
    assert result.matched_by == "service"
    assert [p.id for p in result.stewards] == ["cd94"]
    assert result.contacts[0].contact.login == "steward94"
    assert result.status == "unknown"       # no record, nothing applied yet: no date known
    assert result.discrepancies == []


def test_a_cycling_layer_without_a_known_place_names_every_steward_with_its_territory(demo):
    layer = LayerDescription(provider="WFS", typename="amenagements_cyclables",
                             service_url="http://127.0.0.1:8765/ows")
    result = resolve(demo, today=TODAY, layer=layer)
    assert [p.id for p in result.stewards] == ["ville-paris", "cd77", "cd78", "cd91", "cd92", "cd93",
                                              "cd94", "cd95", "region-idf"]
    assert [(p.id, t.departements if t else None) for p, t in result.steward_areas][6:] == [
        ("cd94", ["94"]), ("cd95", ["95"]), ("region-idf", None)]
    # The cd94's steward is among the contacts too (it was left out when the Région alone was named).
    assert "steward94" in [c.contact.login for c in result.contacts]


def test_a_layer_spanning_two_departements_names_both_stewards(demo):
    layer = LayerDescription(provider="WFS", typename="amenagements_cyclables",
                             service_url="http://127.0.0.1:8765/ows", communes=["93048", "94028"])
    assert [p.id for p in resolve(demo, today=TODAY, layer=layer).stewards] == ["cd93", "cd94"]


def test_a_layer_outside_the_region_goes_to_the_region(demo):
    layer = LayerDescription(provider="WFS", typename="amenagements_cyclables",
                             service_url="http://127.0.0.1:8765/ows", communes=[])
    assert [p.id for p in resolve(demo, today=TODAY, layer=layer).stewards] == ["region-idf"]


def test_the_store_date_counts_when_it_is_later(demo, catalogue):
    rec = catalogue["points-apport-volontaire"]
    result = resolve(demo, today=TODAY, record=rec, applied_at=TODAY - 5 * DAY)
    assert (result.status, result.revision_source) == ("up_to_date", "store")
    result = resolve(demo, today=TODAY, record=rec, applied_at=TODAY - 400 * DAY)
    assert (result.status, result.revision_source) == ("late", "metadata")


@pytest.mark.parametrize("source, dataset", [
    ("/home/demo/sdi/demo.gpkg|layername=eclairage_public", "eclairage-public"),
    ("C:\\Users\\demo\\SDI\\Demo.gpkg|layername=Eclairage_Public", "eclairage-public"),
    ("dbname='geogov' host=127.0.0.1 port=5433 key='fid' table=\"demo\".\"capteurs_air_ecoles\" "
     "(geom)", "capteurs-air-ecoles"),
    ("/data/other.gpkg|layername=routes", None),
])
def test_layers_recognised_by_their_data_source(demo, source, dataset):
    found = find_dataset(demo, layer=LayerDescription(provider="ogr", source=source))
    assert (found.dataset.id if found else None) == dataset


def test_a_layer_added_from_a_record_is_recognised_by_that_record(demo):
    layer = LayerDescription(provider="wms", service_url="https://other.example.org/wms",
                             typename="whatever", record_id=IDS["territoires-partenaires"])
    assert find_dataset(demo, layer=layer).dataset.id == "territoires-partenaires"


def test_a_record_is_recognised_by_its_service_link_when_its_id_is_unknown(demo):
    rec = Record(identifier="another-catalogue-copy",
                 links=[OnlineResource("http://127.0.0.1:9001/ows?service=WFS&request=GetCapabilities",
                                       LINK_WFS, name="pesees_dechets_menages")])
    found = find_dataset(demo, record=rec)
    assert (found.dataset.id, found.matched_by) == ("pesees-dechets-menages", "service")


def test_a_layer_of_another_server_is_not_governed(demo):
    layer = LayerDescription(provider="WFS", service_url="https://data.example.org/wfs",
                             typename="amenagements_cyclables")
    assert resolve(demo, today=TODAY, layer=layer) is None


@pytest.mark.parametrize("url, normalised", [
    ("HTTP://Example.ORG:80/ows/?", "http://example.org/ows"),
    ("https://example.org:443/wfs?VERSION=1.1.0&REQUEST=GetCapabilities&SERVICE=WFS",
     "https://example.org/wfs"),
    ("https://example.org/qgis?SERVICE=WMS&map=/srv/b.qgs&Lang=fr",
     "https://example.org/qgis?lang=fr&map=/srv/b.qgs"),
    ("https://example.org/wfs?typeName=ns:roads#top", "https://example.org/wfs"),
    ("https://example.org:8443/", "https://example.org:8443"),
])
def test_normalise_url(url, normalised):
    assert normalise_url(url) == normalised


def test_url_patterns():
    assert url_matches("http://127.0.0.1:*", "http://127.0.0.1:8089/ows?MAP=/tmp/a.qgs")
    assert url_matches("*", "https://anything.example.org/wfs")
    assert url_matches("https://EXAMPLE.org/wfs?service=WFS", "https://example.org/wfs/?")
    assert url_matches("https://example.org/qgis?map=*b.qgs",
                       "https://example.org/qgis?SERVICE=WFS&MAP=/srv/b.qgs")
    assert not url_matches("http://127.0.0.1:*", "http://127.0.0.2:8089/ows")
    assert not url_matches("https://example.org/qgis?map=*b.qgs",
                           "https://example.org/qgis?MAP=/srv/c.qgs")


@pytest.mark.parametrize("written, partner", [
    ("SYCTOM", "syctom"), ("Syctom", "syctom"),
    ("SYCTOM, l'agence metropolitaine des dechets menagers", "syctom"),
    ("Atelier Parisien d'Urbanisme", "apur"), ("APUR", "apur"),
    ("Institut Paris Region", "institut-paris-region"),
    ("l’Institut Paris Région", "institut-paris-region"),
    ("Region Ile-de-France", "region-idf"), ("DRIEAT", "drieat-idf"),
    ("Département du Val de Marne", "cd94"),
    ("SIGEIF", "sigeif"), ("Syndicat inconnu", None), ("", None),
])
def test_organisations_are_matched_without_accents_case_or_punctuation(demo, written, partner):
    found = match_partner(demo, written)
    assert (found.id if found else None) == partner


def test_organisation_key():
    assert organisation_key("L'Institut Paris Région") == "institut paris region"
    assert organisation_key("  Île-de-France   Mobilités ") == "ile de france mobilites"


def test_responsibility_rows_for_a_table(demo, catalogue):
    rows = responsibility_rows(demo, TODAY, records=list(catalogue.values()))
    by_id = {r["dataset"]: r for r in rows}
    assert list(by_id) == list(demo.datasets) + [""]
    assert by_id["eclairage-public"]["discrepancies"] == d.CUSTODIAN_DIFFERS
    assert by_id["eclairage-public"]["overdue_obligations"] == 1
    assert by_id["eclairage-public"]["steward_emails"] == "sipperec.donnees@example.org"
    assert by_id["plan-velo-metropolitain"]["discrepancies"] == d.NOT_IN_CATALOGUE
    assert by_id["amenagements-cyclables"]["stewards"].endswith(
        "Département du Val-de-Marne, Département du Val-d'Oise, Région Île-de-France")
    assert by_id[""]["title"] == "Zones à faibles émissions"
    assert by_id[""]["discrepancies"] == d.NOT_IN_CONVENTION
    assert [r["dataset"] for r in responsibility_rows(demo, TODAY)] == list(demo.datasets)


def test_the_catalogue_index_finds_what_find_dataset_finds():
    """DatasetIndex (a whole catalogue at once) answers as the dataset-by-dataset scan does:
    the first dataset in the convention's order, the same identifier or typename named."""
    import itertools

    from geogov.plugin.governance.convention import ServiceMatch
    from geogov.plugin.governance.resolution import DatasetIndex

    convention = load_convention(ROOT / "resources" / "demo" / "convention-idf.yaml")
    datasets = list(convention.datasets.values())
    # Overlaps the index must order as the scan does: an identifier named twice, a typename
    # with and without a prefix, a service any server may offer, letters in any case.
    datasets[1].match.record_ids.append(IDS["eclairage-public"])
    datasets[2].match.services.append(ServiceMatch("*", "MS:Roads"))
    datasets[3].match.services.append(ServiceMatch("https://data.example.org/*", "roads"))
    datasets[4].match.services.append(ServiceMatch("http://127.0.0.1:*", " Roads "))
    identifiers = ["", "unknown", IDS["eclairage-public"], IDS["zfe"], IDS["capteurs-air-ecoles"]]
    typenames = ["", "roads", "ms:roads", "MS:ROADS", "other:roads", "eclairage_public",
                 "ms:pesees_dechets_menages"]
    urls = ["http://127.0.0.1:8089/ows", "https://data.example.org/wfs", "https://elsewhere.org"]
    checked = 0
    for (first, second), typename, url in itertools.product(
            itertools.combinations(identifiers, 2), typenames, urls):
        record = Record(identifier=first, resource_identifiers=[second],
                        links=[OnlineResource(url, LINK_WFS, name=typename),
                               OnlineResource(urls[0], LINK_WFS, name="x")])
        layer = LayerDescription(service_url=url, typename=typename, record_id=second,
                                 source=f"{url}|layername={typename}")
        index = DatasetIndex(convention)
        for kwargs in ({"record": record}, {"layer": layer}, {"record": record, "layer": layer}):
            expected = find_dataset(convention, **kwargs)
            found = find_dataset(convention, index=index, **kwargs)
            assert (found and (found.dataset.id, found.matched_by, found.detail)) == \
                (expected and (expected.dataset.id, expected.matched_by, expected.detail)), kwargs
            checked += expected is not None
    assert checked > 500        # most combinations find a dataset: the comparison means something
