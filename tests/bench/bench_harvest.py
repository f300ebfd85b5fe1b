"""First page and full harvest from a pycsw holding 10 000 ISO records, against bare OWSLib.

The records are generated from the demo's ISO 19139 writer (tests/sdi/iso19139.py: every
record with its parties, maintenance, keywords, links), varied in title, abstract,
keywords, dates and box, and loaded once with ``pycsw-admin.py -c load_records``
(≈ 80 s); the SQLite repository is kept under build/bench/harvest/ and reused while its
stamp matches.

Contenders, on the same server, CSW 2.0.2, ISO 19139 output, ElementSetName full:

- ``OWSLib``: ``CatalogueServiceWeb(url, skip_caps=True).getrecords2(...)`` (which parses
  every record with ``MD_Metadata``), looping on ``results['nextrecord']``;
- ``GeoGov``: ``Catalogue.search`` for the first page, ``Catalogue.harvest`` (prefetching
  the next page while parsing the current one) for the full harvest; also without
  prefetch, to show what the pipelining is worth.

GeoGov's capabilities are read before timing (a stored connection knows them), as
OWSLib is told to skip its GetCapabilities. pycsw 2.6.2 grows by ≈ 1.3 MB per GetRecords
and slows down after a few hundred: each contender gets a freshly started server (same
database, warmed by one untimed request), so none inherits the other's leak.

First page: 10 records, median of 9 requests of each contender, alternating on one fresh
server. The raw-POST harvest (responses read, not parsed) is the server's floor.
Two rounds, the second in the reverse order; each figure is the contender's best round.
Goal: harvest ≤ 0.4× OWSLib.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import statistics
import subprocess
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "bench" / "harvest"
RECORD_COUNT = 10_000
GENERATOR = 1            # bump when the generated records change: the cache is rebuilt
PAGE = 100
FIRST_PAGE = 10
FIRST_PAGE_REPEATS = 9
GOAL = 0.4
ROUNDS = 2
GMD = "http://www.isotc211.org/2005/gmd"

WORDS = ("réseau", "voirie", "vélo", "équipements", "écoles", "déchets", "éclairage", "eau",
         "assainissement", "bruit", "air", "urbanisme", "parcs", "forêts", "commerces",
         "patrimoine", "inondations", "énergie", "transport", "santé", "logement", "zones")
PLACES = ("Paris", "Hauts-de-Seine", "Seine-Saint-Denis", "Val-de-Marne", "Val-d'Oise",
          "Yvelines", "Essonne", "Seine-et-Marne", "Île-de-France")


def generate_records(folder: Path) -> int:
    from geogov.tests.sdi.datasets import DATASETS
    from geogov.tests.sdi.iso19139 import record, record_bytes

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20251122)
    today = dt.date(2026, 1, 15)
    for number in range(RECORD_COUNT):
        base = DATASETS[number % len(DATASETS)]
        words = rng.sample(WORDS, 3)
        place = rng.choice(PLACES)
        dataset = dataclasses.replace(
            base, record_id=f"bench-{number:05d}",
            title=f"{words[0].capitalize()} et {words[1]} — {place} ({number})",
            abstract=f"Inventaire {words[0]}, {words[1]} et {words[2]} : {place}. " + base.abstract,
            keywords=tuple(words) + (place,), revision_days_ago=rng.randint(1, 900))
        west, south = 1.45 + rng.random() * 1.8, 48.12 + rng.random() * 0.9
        box = (round(west, 5), round(south, 5), round(west + 0.2, 5), round(south + 0.15, 5))
        element = record(dataset, today, "http://127.0.0.1:9/ows", box)
        (folder / f"{dataset.record_id}.xml").write_bytes(record_bytes(element))
    return RECORD_COUNT


def prepared_repository(report) -> Path:
    """The pycsw configuration over a loaded repository (loaded now if not cached)."""
    from geogov.tests.sdi.catalogues import write_pycsw_config
    from geogov.tests.support import servers as srv

    stamp = CACHE / "loaded.json"
    expected = {"records": RECORD_COUNT, "generator": GENERATOR}
    config = write_pycsw_config(CACHE, "http://127.0.0.1:0/csw")
    database = config.parent / "records.db"
    if stamp.is_file() and database.is_file() and json.loads(stamp.read_text()) == expected:
        return config
    started = time.perf_counter()
    records = CACHE / "records"
    for old in records.glob("*.xml") if records.is_dir() else ():
        old.unlink()
    generate_records(records)
    report("records generated", time.perf_counter() - started, "s")
    if database.exists():
        database.unlink()
    admin = str(srv.VENVS / "pycsw" / "bin" / "pycsw-admin.py")
    python = str(srv.VENVS / "pycsw" / "bin" / "python")
    started = time.perf_counter()
    for command in (["-c", "setup_db"], ["-c", "load_records", "-p", str(records)]):
        subprocess.run([python, admin, *command, "-f", str(config)], check=True,
                       env=srv.child_env(), capture_output=True, cwd=str(config.parent))
    report("pycsw-admin.py load_records (cached for next runs)", time.perf_counter() - started,
           "s")
    stamp.write_text(json.dumps(expected))
    return config


def fresh_server(config: Path):
    from geogov.tests.sdi.catalogues import write_pycsw_config
    from geogov.tests.support import servers as srv

    port = srv.free_port()
    write_pycsw_config(CACHE, f"http://{srv.HOST}:{port}/csw")   # same database file
    server = srv.start_pycsw(config, port)
    # one untimed GetRecords: SQLite pages and pycsw's lazy imports warm for every contender
    _owslib_page(server.url, 0, 1)
    return server


def _owslib_page(url: str, start: int, size: int):
    from owslib.csw import CatalogueServiceWeb

    csw = CatalogueServiceWeb(url, version="2.0.2", skip_caps=True, timeout=120)
    csw.getrecords2(startposition=start, maxrecords=size, outputschema=GMD, esn="full",
                    typenames="gmd:MD_Metadata")
    return csw


def owslib_harvest(url: str) -> tuple:
    from owslib.csw import CatalogueServiceWeb

    csw = CatalogueServiceWeb(url, version="2.0.2", skip_caps=True, timeout=120)
    count, start = 0, 0
    started = time.perf_counter()
    while True:
        csw.getrecords2(startposition=start, maxrecords=PAGE, outputschema=GMD, esn="full",
                        typenames="gmd:MD_Metadata")
        count += len(csw.records)
        following = csw.results.get("nextrecord") or 0
        if not following or following > csw.results["matches"]:
            break
        start = following
    return time.perf_counter() - started, count


def geogov_catalogue(url: str):
    from geogov.plugin.catalogue.csw_client import CswClient
    from geogov.plugin.catalogue.search import Catalogue

    client = CswClient(url, "2.0.2", timeout=120)
    client.info()      # a stored connection knows its capabilities
    return Catalogue(client, "csw")


def first_pages(url: str) -> tuple:
    """Median first-page times ``(owslib, geogov)``, requests alternating on one server
    (a handful of requests leak too little to matter; alternating cancels drift)."""
    from geogov.plugin.catalogue.model import SearchQuery

    catalogue = geogov_catalogue(url)
    owslib_times, geogov_times = [], []
    for _ in range(FIRST_PAGE_REPEATS):
        started = time.perf_counter()
        csw = _owslib_page(url, 0, FIRST_PAGE)
        owslib_times.append(time.perf_counter() - started)
        assert len(csw.records) == FIRST_PAGE
        started = time.perf_counter()
        result = catalogue.search(SearchQuery(limit=FIRST_PAGE))
        geogov_times.append(time.perf_counter() - started)
        assert len(result.records) == FIRST_PAGE and result.matched == RECORD_COUNT
    return statistics.median(owslib_times), statistics.median(geogov_times)


def raw_harvest(url: str) -> tuple:
    """The floor: the same GetRecords POSTs, responses read and not parsed."""
    from geogov.plugin.catalogue.csw_requests import XML_HEADERS, get_records_request
    from geogov.plugin.transport import RequestsTransport

    transport = RequestsTransport()
    count, start, size = 0, 0, 0
    started = time.perf_counter()
    while start < RECORD_COUNT:
        body = get_records_request("2.0.2", start=start, limit=PAGE)
        size += len(transport.request("POST", url, data=body, headers=XML_HEADERS,
                                      timeout=120).content)
        start += PAGE
        count += PAGE
    return time.perf_counter() - started, count, size


def geogov_harvest(url: str, prefetch: bool) -> tuple:
    catalogue = geogov_catalogue(url)
    started = time.perf_counter()
    count = sum(len(page.records) for page in catalogue.harvest(page_size=PAGE,
                                                                prefetch=prefetch))
    return time.perf_counter() - started, count


def run(report):
    warnings.simplefilter("ignore")   # OWSLib's FutureWarnings on every record
    config = prepared_repository(report)
    measures = [
        ("first pages", first_pages),
        ("owslib", owslib_harvest),
        ("geogov", lambda url: geogov_harvest(url, True)),
        ("geogov-sequential", lambda url: geogov_harvest(url, False)),
        ("raw", raw_harvest),
    ]
    rounds = {}
    for number in range(ROUNDS):
        # the second round runs the contenders in the reverse order: drift in the
        # machine's load (other work on a shared box) then cannot favour one of them
        for name, measure in (measures if number % 2 == 0 else measures[::-1]):
            server = fresh_server(config)
            try:
                rounds.setdefault(name, []).append(measure(server.url))
            finally:
                server.stop()
    # best of the rounds (the least disturbed run of each contender)
    results = {name: min(values, key=lambda v: v[0] if name != "first pages" else v[1])
               for name, values in rounds.items()}
    results["first pages"] = (min(v[0] for v in rounds["first pages"]),
                              min(v[1] for v in rounds["first pages"]))
    owslib_first, first = results["first pages"]
    owslib_time, owslib_count = results["owslib"]
    harvest_time, count = results["geogov"]
    sequential_time, sequential_count = results["geogov-sequential"]
    raw_time, _, raw_bytes = results["raw"]
    assert owslib_count == count == sequential_count == RECORD_COUNT, (owslib_count, count)
    report(f"first page ({FIRST_PAGE} records), OWSLib getrecords2", owslib_first * 1000, "ms")
    report(f"first page ({FIRST_PAGE} records), GeoGov search", first * 1000, "ms",
           baseline="OWSLib getrecords2", ratio=first / owslib_first)
    report(f"full harvest ({RECORD_COUNT} records, {PAGE}/page), OWSLib", owslib_time, "s")
    report(f"full harvest ({RECORD_COUNT} records, {PAGE}/page), GeoGov", harvest_time, "s",
           baseline="OWSLib getrecords2 loop", ratio=harvest_time / owslib_time,
           goal=f"<= {GOAL}x")
    report("full harvest, GeoGov without prefetch", sequential_time, "s",
           baseline="OWSLib getrecords2 loop", ratio=sequential_time / owslib_time)
    report("full harvest, raw POSTs not parsed (server floor)", raw_time, "s",
           baseline="OWSLib getrecords2 loop", ratio=raw_time / owslib_time)
    report("harvested XML", raw_bytes / 1e6, "MB")
    report("GeoGov harvest speed", count / harvest_time, "records/s")
