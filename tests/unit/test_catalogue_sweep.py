"""The incremental catalogue sweep (catalogue/sweep.py) and its cache (record_codec.py).

A fake catalogue holds records with the day each was last stamped; it answers the
"modified since" harvest, the identifiers' list and GetRecordById as a CSW does, and
counts what it was asked. The real requests against pycsw are in test_search_csw_request
(the filter and the identifiers' request) and in tests/bench/bench_sweep.py (10 000
records, the incremental report checked against a full sweep's).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
from pathlib import Path
from types import SimpleNamespace

import pytest

from geogov.plugin.catalogue import record_codec as codec
from geogov.plugin.catalogue import sweep as sw
from geogov.plugin.catalogue.documents import read_document
from geogov.plugin.catalogue.model import (
    CITED_PARTY,
    LINK_WFS,
    Maintenance,
    OnlineResource,
    Party,
    Record,
    SearchResult,
)
from geogov.plugin.errors import DocumentError, ServiceException

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2026, 12, 7, 15, 0, tzinfo=dt.timezone.utc)
DAY = dt.timedelta(days=1)


def make_record(number: int, title: str = "") -> Record:
    return Record(
        identifier=f"rec-{number:03d}", title=title or f"Jeu {number}", standard="iso19139",
        dates={"revision": dt.date(2026, 1, 1) + number * DAY},
        maintenance=Maintenance(frequency="monthly", frequency_raw="monthly",
                                next_update=dt.date(2027, 1, 1)),
        bbox=(2.1, 48.7, 2.5, 48.9), keywords=["vélo", f"k{number % 3}"],
        parties=[Party(context=CITED_PARTY, role="custodian", role_raw="custodian",
                       role_status="iso19139", organisation=f"Organisme {number % 4}",
                       email="donnees@example.org")],
        links=[OnlineResource("http://127.0.0.1:9/ows", LINK_WFS, name=f"couche_{number}")])


class FakeCatalogue:
    kind = "csw"

    def __init__(self, count: int = 30, stamp: dt.date = dt.date(2026, 1, 15)):
        self.backend = SimpleNamespace(url="http://catalogue.example.org/csw")
        self.records = {}           # identifier -> [Record, stamp], in the catalogue's order
        for number in range(count):
            record = make_record(number)
            self.records[record.identifier] = [record, stamp]
        self.asked = []
        self.refuse_filter = False

    def revise(self, identifier, stamp, title):
        record = dataclasses.replace(self.records[identifier][0], title=title)
        self.records[identifier] = [record, stamp]

    def add(self, record, stamp):
        self.records[record.identifier] = [record, stamp]

    def harvest(self, query=None, *, page_size=100, progress=None, is_cancelled=None,
                prefetch=True):
        since = query.modified_since if query is not None else None
        self.asked.append(("harvest", since))
        if since is not None and self.refuse_filter:
            raise ServiceException("The server returned an exception", exception_code="x")
        found = [copy_of(r) for r, stamp in self.records.values()
                 if since is None or stamp >= since]
        for start in range(0, max(len(found), 1), page_size):
            yield SearchResult(records=found[start:start + page_size], matched=len(found))

    def identifiers(self, *, page_size=1000, is_cancelled=None, prefetch=True):
        self.asked.append(("identifiers", None))
        return list(self.records)

    def get_record(self, identifier, *, is_cancelled=None):
        self.asked.append(("get_record", identifier))
        if identifier not in self.records:
            raise DocumentError("absent", code="catalogue.record_not_found")
        return copy_of(self.records[identifier][0]), None


def copy_of(record):
    return dataclasses.replace(record)


def full_records(catalogue):
    return [r for r, _stamp in catalogue.records.values()]


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "sweeps" / "catalogue.jsonl.gz"


def test_the_first_sweep_is_full_and_the_second_reads_only_what_changed(cache):
    catalogue = FakeCatalogue()
    first = sw.sweep_catalogue(catalogue, cache, now=NOW)
    assert (first.info.mode, first.info.reason, first.info.records) == ("full", "no_cache", 30)
    assert cache.is_file() and first.records == full_records(catalogue)
    # The next day: two records revised, one deleted, one added with today's stamp, one
    # copied in with an old dateStamp (no filter on dates finds it).
    today = (NOW + DAY).date()
    catalogue.revise("rec-004", today, "Jeu 4 révisé")
    catalogue.revise("rec-020", today, "Jeu 20 révisé")
    del catalogue.records["rec-011"]
    catalogue.add(make_record(40), today)
    catalogue.add(make_record(41), dt.date(2019, 5, 1))
    catalogue.asked.clear()
    second = sw.sweep_catalogue(catalogue, cache, now=NOW + DAY)
    info = second.info
    assert (info.mode, info.since, info.previous, info.last_full) == (
        "incremental", NOW.date() - DAY, NOW, NOW)
    assert (info.records, info.read, info.added, info.removed) == (31, 4, 2, 1)
    # Only the changed records came in full, the one the filter missed by GetRecordById.
    assert catalogue.asked == [("harvest", NOW.date() - DAY), ("identifiers", None),
                               ("get_record", "rec-041")]
    # The same records as a full harvest, in the catalogue's order.
    assert second.records == full_records(catalogue)
    assert [r.title for r in second.records if "révisé" in r.title] == ["Jeu 4 révisé",
                                                                       "Jeu 20 révisé"]
    # The third sweep starts from the second: nothing changed since, nothing read again
    # but what was stamped since the day before the second.
    third = sw.sweep_catalogue(catalogue, cache, now=NOW + 2 * DAY)
    assert third.info.incremental and third.info.since == (NOW + DAY).date() - DAY
    assert (third.info.read, third.info.added, third.info.removed) == (3, 0, 0)
    assert third.records == full_records(catalogue) and third.info.last_full == NOW


def test_a_full_sweep_every_seven_days(cache):
    catalogue = FakeCatalogue()
    sw.sweep_catalogue(catalogue, cache, now=NOW)
    assert sw.sweep_catalogue(catalogue, cache, now=NOW + 6 * DAY).info.incremental
    seventh = sw.sweep_catalogue(catalogue, cache, now=NOW + 7 * DAY)
    assert (seventh.info.mode, seventh.info.reason, seventh.info.last_full) == (
        "full", "periodic", NOW + 7 * DAY)
    assert sw.sweep_catalogue(catalogue, cache, now=NOW + 8 * DAY).info.incremental


@pytest.mark.parametrize("situation, reason", [
    ("asked", "requested"), ("clock", "clock"), ("garbage", "no_cache"),
    ("truncated", "no_cache"), ("other_catalogue", "no_cache"), ("other_shape", "no_cache"),
    ("refused", "unsupported"), ("ogcapi", "unsupported"), ("unseen", "unseen"),
    ("repeated", "ambiguous"), ("no_identifier", "ambiguous")])
def test_when_the_sweep_is_a_full_one(cache, monkeypatch, situation, reason):
    catalogue = FakeCatalogue()
    sw.sweep_catalogue(catalogue, cache, now=NOW)
    now, incremental = NOW + DAY, True
    if situation == "asked":
        incremental = False
    elif situation == "clock":
        now = NOW - DAY
    elif situation == "garbage":
        cache.write_bytes(b"not gzip at all")
    elif situation == "truncated":
        data = gzip.decompress(cache.read_bytes())
        cache.write_bytes(gzip.compress(data[: len(data) // 2]))
    elif situation == "other_catalogue":
        catalogue.backend.url = "http://elsewhere.example.org/csw"
    elif situation == "other_shape":
        monkeypatch.setattr(codec, "SHAPE", "another")
    elif situation == "refused":
        catalogue.refuse_filter = True
    elif situation == "ogcapi":
        catalogue.kind = "ogcapi-records"
    elif situation == "unseen":
        for number in range(100, 100 + sw.MAX_UNSEEN + 1):
            catalogue.add(make_record(number), dt.date(2019, 1, 1))
    elif situation == "repeated":
        catalogue.identifiers = lambda **_: ["rec-001", "rec-001"]
    elif situation == "no_identifier":
        catalogue.add(dataclasses.replace(make_record(50), identifier=""), now.date())
    result = sw.sweep_catalogue(catalogue, cache, now=now, incremental=incremental)
    assert (result.info.mode, result.info.reason) == ("full", reason)
    assert result.info.records == len(catalogue.records) == len(result.records)
    if situation != "no_identifier":
        assert result.records == full_records(catalogue)


def test_a_cache_that_cannot_be_written_is_said_not_raised(tmp_path):
    blocker = tmp_path / "sweeps"
    blocker.write_text("a file where the folder should be")
    catalogue = FakeCatalogue()
    result = sw.sweep_catalogue(catalogue, blocker / "catalogue.jsonl.gz", now=NOW)
    assert len(result.records) == 30 and result.info.cache_error is not None
    assert result.info.cache_error.code.startswith("file.")


def test_unchanged_records_keep_their_line_and_parties_their_table(cache):
    catalogue = FakeCatalogue()
    sw.sweep_catalogue(catalogue, cache, now=NOW)
    before = gzip.decompress(cache.read_bytes()).split(b"\n")
    catalogue.revise("rec-002", (NOW + DAY).date(), "Jeu 2 révisé")
    sw.sweep_catalogue(catalogue, cache, now=NOW + DAY)
    after = gzip.decompress(cache.read_bytes()).split(b"\n")
    header = codec.json.loads(after[0])
    assert header["parties"] == 4 and header["records"] == 30     # 4 organisations in all
    changed = [n for n, (a, b) in enumerate(zip(before, after)) if a != b]
    assert changed == [0, 1 + 4 + 2]        # the header (its dates) and the revised record


def _corpus_records() -> list:
    records = []
    folders = [ROOT / "tests" / "unit" / "profiles",
               ROOT.parent / "shared" / "data" / "ogc" / "csw",
               ROOT.parent / "shared" / "data" / "ogc" / "iso19139"]
    for folder in folders:
        for path in sorted(folder.glob("*.xml")) if folder.is_dir() else ():
            try:
                records.extend(read_document(path.read_bytes(), source=str(path)).records)
            except Exception:  # noqa: BLE001 - documents the parsers refuse are not records
                continue
    return records


def test_records_come_back_from_the_cache_exactly_as_parsed():
    records = _corpus_records() + [make_record(1), Record(identifier="bare")]
    odd = make_record(2)
    odd.dates["revision"] = dt.datetime(2026, 3, 4, 10, 30)     # a date-time kept as such
    odd.hierarchy, odd.metadata_date = "", dt.date(2026, 3, 5)
    records.append(odd)
    assert len(records) > 8
    table = codec.PartyTable()
    lines = [codec.encode_record(r, table) for r in records]
    parties = [codec.decode_party(line) for line in table.lines()]
    back = [codec.decode_record(line, parties) for line in lines]
    assert back == records
    assert len({id(p) for r in back for p in r.parties}) == sum(len(r.parties) for r in back)


def test_ogc_api_records_is_never_asked_a_filter_it_would_ignore():
    from geogov.plugin.catalogue.model import SearchQuery
    from geogov.plugin.catalogue.ogcapi_records_client import OgcApiRecordsClient
    from geogov.plugin.catalogue.search import Catalogue
    from geogov.plugin.catalogue.search_text import parse_query

    client = OgcApiRecordsClient("https://api.example.org/collections/records")
    with pytest.raises(ValueError):
        client.prepare(parse_query(SearchQuery(modified_since=dt.date(2026, 1, 1))), 0, 10)
    with pytest.raises(ValueError):
        Catalogue(client, "ogcapi-records").identifiers()
