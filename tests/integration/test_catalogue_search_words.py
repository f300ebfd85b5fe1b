"""Accents, word starts and paging against a pycsw and a pygeoapi of this module's own.

The demo catalogue has no "développement" nor "enveloppe", and pycsw's cap there is 1000:
this module serves its own records (built with the demo's ISO / OGC API Records writers)
from a pycsw capped at 3 records a page and a pygeoapi capped at 3 items a page, so that
the word filter, the top-up of thinned pages and the cap handling are exercised for real:
"velo" must find the five records saying vélo/vélos/VÉLO/velo, never the twelve saying
only développement or enveloppe (which pycsw's LIKE and pygeoapi's regex both return).
"""

from __future__ import annotations

import configparser
import dataclasses
import datetime as dt
import json
import uuid

import pytest
import yaml

from geogov.plugin.catalogue import search_notes as notes
from geogov.plugin.catalogue.model import SearchQuery
from geogov.plugin.catalogue.search import open_catalogue
from geogov.tests.sdi.catalogues import write_pycsw_config
from geogov.tests.sdi.datasets import DATASETS_BY_ID
from geogov.tests.sdi.iso19139 import record as iso_record
from geogov.tests.sdi.iso19139 import record_bytes
from geogov.tests.sdi.oarec import record as oarec_record
from geogov.tests.sdi.oarec import tinydb_document
from geogov.tests.support import servers as srv

PAGE_CAP = 3
BBOX = (2.2, 48.8, 2.5, 48.9)
COLLECTION = "mots"

# (key, title, abstract, keywords): "velo" family first, then the substring decoys.
VELO = [
    ("stationnement", "Stationnement vélo", "Arceaux et abris pour vélos des gares.", ("mobilité",)),
    ("vls", "VÉLO EN LIBRE-SERVICE", "Stations du service public de location.", ("transport",)),
    ("comptages", "Comptages routiers", "Compteurs permanents de passages de vélos.", ("mobilité",)),
    ("cargo", "Aires de livraison", "Emplacements réservés aux livraisons en Vélo-cargo.", ("logistique",)),
    ("itineraires", "Itinéraires touristiques", "Boucles à parcourir à velo.", ("tourisme",)),
]
DECOYS = [(f"decoy{n}", title, abstract, ("économie",)) for n, (title, abstract) in enumerate([
    ("Développement économique", "Zones d'activités et parcs d'entreprises."),
    ("Schéma de développement commercial", "Surfaces commerciales autorisées."),
    ("Enveloppe budgétaire des travaux", "Montants votés par opération."),
    ("Enveloppes de bâtiments", "Isolation des façades et toitures."),
    ("Développement durable", "Indicateurs de l'agenda 2030."),
    ("Contrat de développement territorial", "Périmètres et programmes d'actions."),
    ("Plan de développement des énergies", "Potentiel solaire et géothermique."),
    ("Enveloppe urbaine", "Tache urbaine de référence."),
    ("Aide au développement rural", "Communes rurales aidées."),
    ("Enveloppe de prêts bonifiés", "Bénéficiaires par commune."),
    ("Pôles de développement", "Sites d'intérêt régional."),
    ("Enveloppe de dotations", "Dotations aux collectivités."),
])]
EQUIPEMENTS = [
    ("sport", "Équipements sportifs", "Gymnases, stades et piscines.", ("sport",)),
    ("culture", "equipements culturels", "Musées, théâtres et bibliothèques.", ("culture",)),
    ("ecoles", "EQUIPEMENTS SCOLAIRES", "Écoles maternelles et élémentaires.", ("éducation",)),
]
ALL = VELO + DECOYS + EQUIPEMENTS


def _record_id(key: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"geogov-search-words/{key}"))


def _datasets():
    base = DATASETS_BY_ID["zones-faibles-emissions"]   # no layer: no service links
    for key, title, abstract, keywords in ALL:
        yield key, dataclasses.replace(base, record_id=_record_id(key), title=title,
                                       abstract=abstract, keywords=keywords,
                                       lineage="Saisie par les services.")


@pytest.fixture(scope="module")
def word_catalogues(tmp_path_factory):
    folder = tmp_path_factory.mktemp("search-words")
    today = dt.date.today()
    records = folder / "records"
    records.mkdir()
    features = []
    csw_port, oarec_port = srv.free_port(), srv.free_port()
    csw_url = f"http://{srv.HOST}:{csw_port}/csw"
    for _key, dataset in _datasets():
        element = iso_record(dataset, today, "http://127.0.0.1:9/ows", BBOX)
        (records / f"{dataset.record_id}.xml").write_bytes(record_bytes(element))
        features.append(oarec_record(dataset, today, "http://127.0.0.1:9/ows", BBOX,
                                     f"{csw_url}?id={dataset.record_id}"))
    config_path = write_pycsw_config(folder, csw_url)
    config = configparser.ConfigParser(interpolation=None)
    config.read(config_path, encoding="utf-8")
    config["server"]["maxrecords"] = str(PAGE_CAP)
    with config_path.open("w", encoding="utf-8") as handle:
        config.write(handle)
    tinydb = folder / "records.tinydb.json"
    tinydb.write_text(json.dumps(tinydb_document(features), ensure_ascii=False), encoding="utf-8")
    pygeoapi_config = folder / "pygeoapi.yml"
    pygeoapi_config.write_text(yaml.safe_dump({
        "server": {"bind": {"host": srv.HOST, "port": oarec_port},
                   "url": f"http://{srv.HOST}:{oarec_port}", "mimetype": "application/json; charset=UTF-8",
                   "encoding": "utf-8", "languages": ["fr-FR"], "pretty_print": False,
                   "limits": {"default_items": 10, "max_items": PAGE_CAP},
                   "map": {"url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                           "attribution": "OSM"}},
        "logging": {"level": "WARNING"},
        "metadata": {"identification": {"title": "mots", "description": "mots",
                                        "keywords": ["mots"], "keywords_type": "theme",
                                        "terms_of_service": "https://example.org",
                                        "url": "https://example.org"},
                     "license": {"name": "CC-BY 4.0", "url": "https://example.org"},
                     "provider": {"name": "GeoGov tests", "url": "https://example.org"},
                     "contact": {"name": "GeoGov", "email": "tests@example.org",
                                 "url": "https://example.org", "role": "pointOfContact"}},
        "resources": {COLLECTION: {
            "type": "collection", "title": "Mots", "description": "Mots", "keywords": ["mots"],
            "links": [], "extents": {"spatial": {"bbox": list(BBOX),
                                                 "crs": "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}},
            "providers": [{"type": "record", "name": "TinyDBCatalogue", "data": str(tinydb),
                           "id_field": "id", "time_field": "updated", "title_field": "title"}]}},
    }, allow_unicode=True, sort_keys=False), encoding="utf-8")
    servers = []
    try:
        servers.append(srv.start_pycsw(config_path, csw_port, records_dir=records))
        servers.append(srv.start_pygeoapi(pygeoapi_config, oarec_port, collection=COLLECTION))
        yield {"csw": csw_url, "oarec": f"{servers[1].url}/collections/{COLLECTION}"}
    finally:
        srv.stop_all(servers)


CONNECTIONS = {
    "csw-2.0.2": lambda urls: {"url": urls["csw"], "kind": "csw", "version": "2.0.2"},
    "csw-3.0.0": lambda urls: {"url": urls["csw"], "kind": "csw", "version": "3.0.0"},
    "ogcapi": lambda urls: {"url": urls["oarec"], "kind": "ogcapi-records"},
}


@pytest.fixture(params=sorted(CONNECTIONS))
def catalogue(request, word_catalogues):
    return open_catalogue(CONNECTIONS[request.param](word_catalogues))


def _ids(records):
    return [r.identifier for r in records]


def _all_pages(catalogue, query, limit, max_pages=50):
    """Every record shown when the user clicks "next" until the end; results of each page."""
    seen, results, start = [], [], 0
    for _ in range(max_pages):
        result = catalogue.search(dataclasses.replace(query, start=start, limit=limit))
        results.append(result)
        seen.extend(_ids(result.records))
        if result.next_start is None:
            return seen, results
        assert result.next_start > start
        start = result.next_start
    raise AssertionError("paging did not end")


def _note(result, code):
    return [n for n in result.notes if n.code == code]


def test_velo_finds_every_velo_spelling_and_no_substring(catalogue):
    seen, results = _all_pages(catalogue, SearchQuery(text="velo"), limit=10)
    assert sorted(seen) == sorted(_record_id(k) for k, *_ in VELO)
    assert len(seen) == len(set(seen))
    hidden = sum(_note(r, notes.WORD_BOUNDARIES_FILTERED)[0].params["hidden"]
                 for r in results if _note(r, notes.WORD_BOUNDARIES_FILTERED))
    # the server's substring match returned the decoys; the notes count them
    assert hidden >= len(DECOYS)
    assert results[0].matched >= len(VELO) + len(DECOYS)


@pytest.mark.parametrize("typed", ["VÉLO", "Vélos", "vélo"])
def test_accented_and_capital_input_finds_the_same(catalogue, typed):
    seen, _ = _all_pages(catalogue, SearchQuery(text=typed), limit=10)
    expected = VELO if typed != "Vélos" else [v for v in VELO if "vélos" in v[2]]
    assert sorted(seen) == sorted(_record_id(k) for k, *_ in expected)


@pytest.mark.parametrize("typed", ["equipements", "Équipements", "ÉQUIPEMENTS"])
def test_equipements_both_ways(catalogue, typed):
    seen, _ = _all_pages(catalogue, SearchQuery(text=typed), limit=10)
    assert sorted(seen) == sorted(_record_id(k) for k, *_ in EQUIPEMENTS)


def test_a_thinned_page_is_topped_up_from_following_server_pages(catalogue):
    seen, results = _all_pages(catalogue, SearchQuery(text="velo"), limit=2)
    # 17 substring matches, 3 a server page, 5 real ones: every page is full unless it
    # says it stopped at the bound on extra server pages (then "next" goes on reading)
    for result in results[:-1]:
        assert result.returned == 2 or _note(result, notes.PAGE_SHORT)
    assert any(_note(r, notes.MORE_PAGES_FETCHED) for r in results)
    assert len(seen) == len(set(seen)) == len(VELO)
    # each page starts right after the last record the previous one showed
    again = catalogue.search(SearchQuery(text="velo", limit=2, start=results[0].next_start))
    assert _ids(again.records) == _ids(results[1].records)


def test_a_bound_on_extra_pages_gives_a_short_page_that_says_so(catalogue):
    result = catalogue.search(SearchQuery(text="developpement velo", limit=3), max_pages=1)
    # no record has both words: one server page read, nothing shown, more to read
    assert result.records == []
    assert result.next_start is not None
    assert _note(result, notes.PAGE_SHORT)


def test_the_server_page_cap_is_detected_and_paging_stays_complete(catalogue):
    result = catalogue.search(SearchQuery(limit=10))
    assert result.returned <= 10
    capped = _note(result, notes.PAGE_CAPPED_BY_SERVER)
    assert capped and capped[0].params == {"requested": 10, "returned": PAGE_CAP}
    seen, results = _all_pages(catalogue, SearchQuery(), limit=10)
    assert len(seen) == len(set(seen)) == len(ALL)
    assert all(r.matched == len(ALL) for r in results)


def test_harvest_gets_every_record_through_the_cap(catalogue):
    fractions = []
    pages = list(catalogue.harvest(page_size=5, progress=fractions.append))
    ids = [i for page in pages for i in _ids(page.records)]
    assert sorted(ids) == sorted(_record_id(k) for k, *_ in ALL)
    assert fractions[-1] == 1.0 and fractions == sorted(fractions)
    assert len(pages) == -(-len(ALL) // PAGE_CAP)


def test_harvest_with_a_query_filters_each_page(catalogue):
    pages = list(catalogue.harvest(SearchQuery(text="velo"), page_size=PAGE_CAP))
    ids = [i for page in pages for i in _ids(page.records)]
    assert sorted(ids) == sorted(_record_id(k) for k, *_ in VELO)
    sequential = list(catalogue.harvest(SearchQuery(text="velo"), page_size=PAGE_CAP,
                                        prefetch=False))
    assert [_ids(p.records) for p in sequential] == [_ids(p.records) for p in pages]
