"""Catalogue search against the demo's pycsw (CSW 2.0.2 and 3.0) and pygeoapi (OGC API Records).

Every test runs on the three protocols through the one Catalogue interface; expectations
come from the demo's own definitions (tests/sdi/datasets.py, demo.json), not from a
previous run.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from geogov.plugin.catalogue import search_notes as notes
from geogov.plugin.catalogue.model import SearchQuery
from geogov.plugin.catalogue.search import open_catalogue
from geogov.plugin.catalogue.search_text import bbox_intersects, fold
from geogov.plugin.errors import Cancelled, DocumentError
from geogov.tests.sdi.catalogues import ZFE_BBOX
from geogov.tests.sdi.datasets import DATASETS, DATASETS_BY_ID

IDS = {d.id: d.record_id for d in DATASETS}
PROTOCOLS = ("csw-2.0.2", "csw-3.0.0", "ogcapi")


def _connection(demo, protocol):
    if protocol == "ogcapi":
        return {"url": demo.oarec_collection_url, "kind": "ogcapi-records"}
    return {"url": demo.csw_url, "kind": "csw", "version": protocol.split("-")[1]}


@pytest.fixture(params=PROTOCOLS)
def catalogue(request, demo_sdi):
    return open_catalogue(_connection(demo_sdi, request.param))


def _ids(result):
    return {r.identifier for r in result.records}


def _expect(*dataset_ids):
    return {IDS[i] for i in dataset_ids}


def _notes(result, code):
    return [n for n in result.notes if n.code == code]


def test_search_all(catalogue, demo_sdi):
    result = catalogue.search(SearchQuery(limit=50))
    assert result.matched == demo_sdi.record_count == len(DATASETS)
    assert _ids(result) == set(IDS.values())
    assert result.next_start is None and result.returned == len(DATASETS)
    assert result.exchange.status == 200 and result.exchange.response


def test_several_words_must_all_match(catalogue):
    assert _ids(catalogue.search(SearchQuery(text="déchets tarification"))) == _expect(
        "pesees-dechets-menages")
    assert _ids(catalogue.search(SearchQuery(text="déchets"))) == _expect(
        "points-apport-volontaire", "pesees-dechets-menages")


def test_quoted_phrase(catalogue):
    assert _ids(catalogue.search(SearchQuery(text='"éclairage public"'))) == _expect(
        "eclairage-public")
    assert _ids(catalogue.search(SearchQuery(text='"public éclairage"'))) == set()


@pytest.mark.parametrize("typed, expected", [
    ("velo", ("amenagements-cyclables",)),
    ("VÉLO", ("amenagements-cyclables",)),
    ("equipements", ("points-apport-volontaire", "capteurs-air-ecoles")),
    ("Équipements", ("points-apport-volontaire", "capteurs-air-ecoles")),
    ("eclairage", ("eclairage-public",)),
    ("emissions", ("zones-faibles-emissions",)),
])
def test_accents_both_ways(catalogue, typed, expected):
    result = catalogue.search(SearchQuery(text=typed))
    assert _ids(result) == _expect(*expected)
    if fold(typed) != typed.lower() or any(c in "aeiouyc" for c in fold(typed)):
        said = _notes(result, notes.ACCENTS_EXPANDED) + _notes(result, notes.ACCENTS_WILDCARDED)
        assert len(said) == 1     # one note for the word, not two that seem to disagree


@pytest.mark.parametrize("organisation, expected", [
    ("Syctom", ("points-apport-volontaire", "pesees-dechets-menages")),
    ("val-de-marne", ("amenagements-cyclables",)),
    ("SIGEIF", ("eclairage-public",)),
])
def test_organisation_filter(catalogue, organisation, expected):
    result = catalogue.search(SearchQuery(organisation=organisation))
    assert _ids(result) == _expect(*expected)
    assert _notes(result, notes.ORGANISATION_CLIENT_SIDE)


def test_organisation_and_text_together(catalogue):
    result = catalogue.search(SearchQuery(text="pesées", organisation="syctom"))
    assert _ids(result) == _expect("pesees-dechets-menages")


@pytest.mark.parametrize("keyword, expected", [
    ("piste cyclable", ("amenagements-cyclables",)),
    ("dechets", ("points-apport-volontaire", "pesees-dechets-menages")),
])
def test_keyword_filter(catalogue, keyword, expected):
    assert _ids(catalogue.search(SearchQuery(keyword=keyword))) == _expect(*expected)


def _record_boxes(demo):
    manifest = json.loads((demo.demo_dir / "demo.json").read_text(encoding="utf-8"))
    boxes = {layer["dataset"]: tuple(layer["bbox_4326"]) for layer in manifest["layers"]}
    return {d.id: boxes.get(d.id, ZFE_BBOX) for d in DATASETS}


@pytest.mark.parametrize("box, inside, outside", [
    # eastern Seine-et-Marne: the regional layers, not Est Ensemble's weighings nor the ZFE
    ((3.0, 48.3, 3.4, 48.8), "amenagements-cyclables", "pesees-dechets-menages"),
    # Est Ensemble (Seine-Saint-Denis): its weighings are found
    ((2.40, 48.86, 2.48, 48.90), "pesees-dechets-menages", None),
])
def test_bbox(catalogue, demo_sdi, box, inside, outside):
    result = catalogue.search(SearchQuery(bbox=box, limit=50))
    expected = {IDS[i] for i, b in _record_boxes(demo_sdi).items() if bbox_intersects(box, b)}
    assert _ids(result) == expected
    assert IDS[inside] in expected
    if outside:
        assert IDS[outside] not in expected


def test_global_bbox_is_dropped(catalogue):
    result = catalogue.search(SearchQuery(bbox=(-180.0, -90.0, 180.0, 90.0), limit=50))
    assert len(result.records) == len(DATASETS)
    assert _notes(result, notes.BBOX_GLOBAL_DROPPED)


def test_paging_with_a_small_page(catalogue):
    seen, starts, start = [], [], 0
    while True:
        result = catalogue.search(SearchQuery(limit=2, start=start))
        assert result.matched == len(DATASETS)
        assert result.returned == len(result.records) <= 2
        seen.extend(r.identifier for r in result.records)
        starts.append(result.next_start)
        if result.next_start is None:
            break
        start = result.next_start
    assert starts == [2, 4, 6, None]
    assert sorted(seen) == sorted(IDS.values())


def test_sort_by_title(catalogue):
    for descending in (False, True):
        result = catalogue.search(SearchQuery(sort="title", descending=descending, limit=50))
        titles = [r.title for r in result.records]
        raw, folded = sorted(titles, reverse=descending), sorted(titles, key=fold,
                                                                 reverse=descending)
        assert titles in (raw, folded)
        # "Éclairage public" sorts after "Zones…" by code points: the note says so
        assert bool(_notes(result, notes.SORT_BYTEWISE)) == (titles == raw != folded)


def test_sort_by_revision(catalogue):
    result = catalogue.search(SearchQuery(sort="revision", descending=True, limit=50))
    dates = [r.last_revision for r in result.records]
    assert None not in dates and dates == sorted(dates, reverse=True)
    newest = min(DATASETS, key=lambda d: d.revision_days_ago)
    assert result.records[0].identifier == newest.record_id
    assert not _notes(result, notes.SORT_UNSUPPORTED)


def test_get_record_by_id(catalogue):
    dataset = DATASETS_BY_ID["eclairage-public"]
    record, exchange = catalogue.get_record(dataset.record_id)
    assert record.identifier == dataset.record_id and record.title == dataset.title
    assert {p.organisation for p in record.parties} >= {"SIGEIF", "SIPPEREC"}
    assert exchange.status == 200 and dataset.record_id in exchange.url
    with pytest.raises(DocumentError) as caught:
        catalogue.get_record("00000000-0000-0000-0000-000000000000")
    assert caught.value.code == "catalogue.record_not_found"


def test_harvest_and_cancel(catalogue):
    fractions = []
    pages = list(catalogue.harvest(page_size=3, progress=fractions.append))
    assert sorted(r.identifier for p in pages for r in p.records) == sorted(IDS.values())
    assert fractions[-1] == 1.0
    asked = []

    def cancel_after_first_page():
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(Cancelled):
        for _ in catalogue.harvest(page_size=2, is_cancelled=cancel_after_first_page):
            pass


def test_raw_exchange_is_kept(catalogue):
    result = catalogue.search(SearchQuery(text="velo"))
    exchange = result.exchange
    assert exchange.url and exchange.status == 200
    if exchange.method == "POST":   # CSW: the GetRecords document sent, with its patterns
        assert b"GetRecords" in exchange.body and b"%v_lo%" in exchange.body
    else:                           # OGC API: the variants are in the URL
        assert "q=velo%2Cv%C3%A9lo" in exchange.url
    assert IDS["amenagements-cyclables"].encode() in exchange.response


def test_search_uses_the_same_query_shape_everywhere(demo_sdi):
    """The three protocols give the same records for the same query (MetaSearch's promise)."""
    query = SearchQuery(text="qualité air", limit=50)
    found = [_ids(open_catalogue(_connection(demo_sdi, p)).search(query)) for p in PROTOCOLS]
    assert found[0] == found[1] == found[2] == _expect("capteurs-air-ecoles",
                                                        "zones-faibles-emissions")
    assert dataclasses.asdict(query) == dataclasses.asdict(SearchQuery(text="qualité air",
                                                                       limit=50))


class CountingTransport:
    """The real requests transport, counting what it sends."""

    def __init__(self):
        from geogov.plugin.transport import RequestsTransport

        self.inner = RequestsTransport()
        self.sent = []

    def request(self, method, url, **kwargs):
        self.sent.append((method, url))
        return self.inner.request(method, url, **kwargs)


def test_capabilities_are_read_once_and_refusals_remembered(demo_sdi):
    from geogov.plugin.catalogue import capabilities_cache

    capabilities_cache.clear()
    connection = _connection(demo_sdi, "csw-3.0.0")
    box = SearchQuery(bbox=(3.0, 48.3, 3.4, 48.8), limit=50)
    first = CountingTransport()
    result = open_catalogue(connection, transport=first).search(box)
    # GetCapabilities, the CSW 3.0 GetRecords pycsw 2.6.2 refuses (its schemas lack GML),
    # the same request as 2.0.2
    assert [m for m, _ in first.sent] == ["GET", "POST", "POST"]
    assert _notes(result, notes.BBOX_SENT_AS_CSW202)
    again = CountingTransport()
    result = open_catalogue(connection, transport=again).search(box)
    assert [m for m, _ in again.sent] == ["POST"]
    assert _notes(result, notes.BBOX_SENT_AS_CSW202)
    assert b'version="2.0.2"' in result.exchange.body
