"""A region's governance sweep at full scale: 10 000 catalogue records against a convention.

The coordinator's path (the governance report dialog and ``geogov:governance_report``):
the catalogue harvested through QGIS's network stack (bridge/governance.py
``harvest_records``), every record resolved against the convention and the discrepancies
found (governance/report.py ``build_report``: resolution.py, discrepancies.py), then the
report written as HTML and PDF (bridge/report_layout.py ``export_report``).

The catalogue is bench_harvest's pycsw of 10 000 ISO records (its cached SQLite
repository, copied afresh to build/bench/sweep/ on every run, since this benchmark edits
it). The convention is generated: the demo's partners, and ``DATASETS`` datasets made from
the demo's, each naming ``RECORDS_PER_DATASET`` records by identifier (plus a service
match of its own that no record has, as real datasets have), two more matched by service
only, and a few whose records are not in the catalogue; the other records are not covered
by the convention (as in a regional catalogue, most are not under a convention).

Then the catalogue changes the way catalogues do, through CSW-T: ``CHANGED`` records
revised (new dateStamp and revision date, some with another custodian), ``DELETED``
removed, ``ADDED`` inserted, ``ADDED_OLD_STAMP`` of them with a dateStamp from long ago
(a record copied from elsewhere: no "modified since" filter finds it). The second sweep is
incremental (only records changed since the first, ``apiso:Modified``), and its report
is checked to be the same as a full sweep's of the changed catalogue (run after it).

Printed: each step, the total against the 60 s goal, the incremental sweep against the
10 s goal, and both against the floor of the same harvest's raw POSTs, unparsed (the sweep
cannot be faster than reading the records), measured in the same run on the same
repository. Each measure gets a freshly started pycsw (it slows down after a few hundred
GetRecords), on one port: a catalogue's sweeps are kept by its URL. The sweep's copy of
the catalogue is kept in the QGIS profile of the run (build/qgis-config) and removed at
the end.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "build" / "bench" / "sweep"
DATASETS = 300
RECORDS_PER_DATASET = 10
ABSENT = 8                 # datasets whose records are not in the catalogue
CHANGED, DELETED, ADDED, ADDED_OLD_STAMP = 200, 20, 10, 3
GOAL_TOTAL, GOAL_INCREMENTAL = 60.0, 10.0
PAGE = 100
TODAY = dt.date(2026, 12, 7)        # the situation is judged on a fixed day: same report


def record_id(number: int) -> str:
    return f"bench-{number:05d}"


def write_convention(folder: Path) -> Path:
    """The demo convention's partners with ``DATASETS`` generated datasets (see module doc)."""
    demo = yaml.safe_load((ROOT / "resources" / "demo" / "convention-idf.yaml")
                          .read_text(encoding="utf-8"))
    templates = [d for d in demo["datasets"] if d.get("match", {}).get("services")]
    datasets = []
    for number in range(DATASETS):
        dataset = copy.deepcopy(templates[number % len(templates)])
        for key in ("target", "metadata"):
            dataset.pop(key, None)
        dataset["id"] = f"jeu-{number:03d}"
        dataset["title"] = f"{dataset['title']} — lot {number}"
        if number < ABSENT:
            records = [f"absent-{number:03d}"]
        else:
            first = (number - ABSENT) * RECORDS_PER_DATASET
            records = [record_id(first + k) for k in range(RECORDS_PER_DATASET)]
        dataset["match"] = {
            "records": records,
            "services": [{"url": "http://127.0.0.1:*", "typename": f"couche_{number:03d}"}],
            "sources": [f"*|layername=couche_{number:03d}"]}
        datasets.append(dataset)
    for number, template in enumerate(templates[:2]):
        # matched by service only: every record carrying this typename is this dataset
        dataset = copy.deepcopy(template)
        for key in ("target", "metadata"):
            dataset.pop(key, None)
        dataset["id"] = f"service-{number}"
        dataset["match"] = {"services": template["match"]["services"]}
        datasets.append(dataset)
    demo["datasets"] = datasets
    for obligation in demo.get("obligations", []):
        obligation["dataset"] = datasets[ABSENT + 2]["id"]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "convention.yaml"
    path.write_text(yaml.safe_dump(demo, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def fresh_copy(report) -> Path:
    """bench_harvest's loaded repository, copied here (this benchmark changes it)."""
    from .bench_harvest import prepared_repository

    source = prepared_repository(report).parent / "records.db"
    target = HERE / "pycsw" / "records.db"
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob("records.db*"):
        stale.unlink()
    shutil.copyfile(source, target)
    return target


PORT = []          # one port for the run: a catalogue's sweeps are kept by its URL


def start_server():
    from geogov.tests.sdi.catalogues import write_pycsw_config
    from geogov.tests.support import servers as srv

    if not PORT:
        PORT.append(srv.free_port())
    port = PORT[0]
    config = write_pycsw_config(HERE, f"http://{srv.HOST}:{port}/csw")
    server = srv.start_pycsw(config, port)
    raw_harvest(server.url, limit=1)      # warm SQLite pages and pycsw's lazy imports
    return server


def raw_harvest(url: str, limit: int = 0) -> tuple:
    """The floor: the full harvest's GetRecords POSTs, responses read, not parsed."""
    from geogov.plugin.catalogue.csw_requests import XML_HEADERS, get_records_request
    from geogov.plugin.transport import RequestsTransport

    transport = RequestsTransport()
    started, start, size = time.perf_counter(), 0, 0
    while True:
        body = get_records_request("2.0.2", start=start, limit=limit or PAGE)
        content = transport.request("POST", url, data=body, headers=XML_HEADERS,
                                    timeout=120).content
        size += len(content)
        start += PAGE
        if limit or b'nextRecord="0"' in content:
            break
    return time.perf_counter() - started, size


# ------------------------------------------------------------------------ the changes
CSW = "http://www.opengis.net/cat/csw/2.0.2"
OGC = "http://www.opengis.net/ogc"
GMD = "http://www.isotc211.org/2005/gmd"
GCO = "http://www.isotc211.org/2005/gco"


def _record_xml(number: int):
    from lxml import etree

    from .bench_harvest import CACHE

    return etree.fromstring((CACHE / "records" / f"{record_id(number)}.xml").read_bytes())


def _set_text(root, path: str, text: str) -> None:
    node = root.find(path, {"gmd": GMD, "gco": GCO})
    node.text = text


def revised(number: int, stamp: str, custodian: str = ""):
    """Record ``number`` revised on ``stamp``: new dateStamp, revision date and title, and
    another custodian when given."""
    root = _record_xml(number)
    _set_text(root, "gmd:dateStamp/gco:DateTime", f"{stamp}T10:00:00")
    citation = "gmd:identificationInfo/gmd:MD_DataIdentification/gmd:citation/gmd:CI_Citation"
    _set_text(root, f"{citation}/gmd:title/gco:CharacterString",
              root.find(f"{citation}/gmd:title/gco:CharacterString",
                        {"gmd": GMD, "gco": GCO}).text + " (révisé)")
    for date in root.iterfind(f"{citation}/gmd:date/gmd:CI_Date", {"gmd": GMD}):
        code = date.find("gmd:dateType/gmd:CI_DateTypeCode", {"gmd": GMD})
        if code is not None and code.get("codeListValue") == "revision":
            _set_text(date, "gmd:date/gco:Date", stamp)
    if custodian:
        for party in root.iter(f"{{{GMD}}}CI_ResponsibleParty"):
            role = party.find("gmd:role/gmd:CI_RoleCode", {"gmd": GMD})
            if role is not None and role.get("codeListValue") == "custodian":
                _set_text(party, "gmd:organisationName/gco:CharacterString", custodian)
    return root


def copied(number: int, identifier: str, stamp: str):
    root = _record_xml(number)
    _set_text(root, "gmd:fileIdentifier/gco:CharacterString", identifier)
    _set_text(root, "gmd:dateStamp/gco:DateTime", f"{stamp}T10:00:00")
    return root


def transaction(url: str, actions) -> None:
    from lxml import etree

    from geogov.plugin.transport import RequestsTransport, check_status

    root = etree.Element(f"{{{CSW}}}Transaction", nsmap={"csw": CSW, "ogc": OGC})
    root.set("service", "CSW")
    root.set("version", "2.0.2")
    root.extend(actions)
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    response = check_status(RequestsTransport().request(
        "POST", url, data=body, headers={"Content-Type": "application/xml"}, timeout=300))
    assert b"TransactionSummary" in response.content, response.content[:2000]


def change_catalogue(url: str, today: dt.date) -> dict:
    """The catalogue's day of changes (see the module doc), through CSW-T: what changed."""
    from lxml import etree

    stamp = today.isoformat()
    covered = DATASETS * RECORDS_PER_DATASET
    # Spread over the records the convention covers and the others.
    revised_numbers = list(range(5, 10_000, 10_000 // CHANGED))[:CHANGED]
    deleted_numbers = list(range(7, 10_000, 10_000 // DELETED))[:DELETED]
    deleted_numbers = [n for n in deleted_numbers if n not in revised_numbers]
    for chunk in range(0, len(revised_numbers), 50):
        updates = []
        for number in revised_numbers[chunk:chunk + 50]:
            update = etree.Element(f"{{{CSW}}}Update")
            update.append(revised(number, stamp, "Autre organisme" if number % 3 == 0 else ""))
            updates.append(update)
        transaction(url, updates)
    insert = etree.Element(f"{{{CSW}}}Insert")
    for k in range(ADDED):
        old = k < ADDED_OLD_STAMP
        insert.append(copied(covered + k, f"bench-new-{k:02d}", "2020-03-01" if old else stamp))
    deletes = []
    for number in deleted_numbers:
        delete = etree.Element(f"{{{CSW}}}Delete")
        constraint = etree.SubElement(delete, f"{{{CSW}}}Constraint", version="1.1.0")
        equal = etree.SubElement(etree.SubElement(constraint, f"{{{OGC}}}Filter"),
                                 f"{{{OGC}}}PropertyIsEqualTo")
        etree.SubElement(equal, f"{{{OGC}}}PropertyName").text = "apiso:Identifier"
        etree.SubElement(equal, f"{{{OGC}}}Literal").text = record_id(number)
        deletes.append(delete)
    transaction(url, [insert, *deletes])
    return {"revised": len(revised_numbers), "deleted": len(deleted_numbers), "added": ADDED,
            "added_old_stamp": ADDED_OLD_STAMP}


# ------------------------------------------------------------------------ the sweep
def cache_file(url: str) -> Path:
    from geogov.plugin.bridge.governance import catalogue_connection, sweep_cache_path

    return sweep_cache_path(catalogue_connection(url, timeout=60))


def sweep(convention, url: str, folder: Path, label: str, incremental: bool = True) -> dict:
    """One coordinator's sweep, each step timed: {"times": {step: s}, "report", "info"}."""
    from geogov.plugin.bridge.governance import sweep_records
    from geogov.plugin.bridge.report_layout import export_report
    from geogov.plugin.governance.report import build_report

    times = {}
    started = time.perf_counter()
    swept = sweep_records(url, timeout=120, incremental=incremental)
    times["catalogue sweep"] = time.perf_counter() - started
    started = time.perf_counter()
    report = build_report(convention, TODAY, records=swept.records, sweep=swept.info)
    times["resolve + discrepancies"] = time.perf_counter() - started
    started = time.perf_counter()
    export_report(report, html_path=str(folder / f"{label}.html"))
    times["HTML report"] = time.perf_counter() - started
    started = time.perf_counter()
    export_report(report, pdf_path=str(folder / f"{label}.pdf"))
    times["PDF report"] = time.perf_counter() - started
    times["total"] = sum(times.values())
    return {"times": times, "report": report, "info": swept.info}


def same_report(first, second) -> bool:
    def key(report):
        return (report.summary, report.datasets, report.partners, report.overdue,
                report.orphans)

    return key(first) == key(second)


def on_fresh_server(measure):
    """``measure(url)`` on a server of its own (pycsw 2.6.2 slows down after a few hundred
    GetRecords: no measure inherits another's)."""
    server = start_server()
    try:
        return measure(server.url)
    finally:
        server.stop()


def run(report):
    from geogov.plugin.bridge.governance import load_convention_source

    fresh_copy(report)
    path = write_convention(HERE)
    started = time.perf_counter()
    convention = load_convention_source(str(path))
    report(f"convention loaded ({len(convention.datasets)} datasets, "
           f"{len(convention.partners)} partners)", time.perf_counter() - started, "s")
    floor, size = on_fresh_server(raw_harvest)

    caches = []

    def first_sweep(url):
        caches.append(cache_file(url))
        if caches[0].exists():
            caches[0].unlink()
        return sweep(convention, url, HERE, "full"), caches[0].stat().st_size

    try:
        full, cache_size = on_fresh_server(first_sweep)
        changes = on_fresh_server(lambda url: change_catalogue(url, dt.datetime.now(
            dt.timezone.utc).date()))
        second = on_fresh_server(lambda url: sweep(convention, url, HERE, "incremental"))
        third = on_fresh_server(lambda url: sweep(convention, url, HERE, "full-again", False))
    finally:
        for cache in caches:          # the profile keeps no copy of a bench's catalogue
            if cache.exists():
                cache.unlink()
    summary = full["report"].summary
    report(f"records: {full['info'].records} ({size / 1e6:.0f} MB of ISO XML); "
           f"cache {cache_size / 1e6:.1f} MB", 0, "")
    report(f"datasets {summary.datasets}, late {summary.late}, not in convention "
           f"{summary.not_in_convention}, not in catalogue {summary.not_in_catalogue}", 0, "")
    report("harvest floor: raw POSTs, not parsed", floor, "s")
    for name, result in (("full sweep", full), ("incremental sweep", second),
                         ("full sweep of the changed catalogue", third)):
        for step, seconds in result["times"].items():
            if step != "total":
                report(f"{name}: {step}", seconds, "s")
    info = second["info"]
    assert info.incremental, info
    assert third["info"].records == info.records == full["info"].records - changes["deleted"] \
        + changes["added"], (info, changes)
    assert info.removed == changes["deleted"] and info.added == changes["added"], info
    assert same_report(second["report"], third["report"]), "incremental and full reports differ"
    assert not same_report(full["report"], third["report"])      # the changes show
    report(f"incremental: {info.read} records read again since {info.since} "
           f"({changes['revised']} revised, {info.added} new of which {ADDED_OLD_STAMP} with an "
           f"old dateStamp, {info.removed} deleted); report = the full sweep's", info.read,
           "records")
    total = full["times"]["total"]
    report("full sweep: total", total, "s", baseline="60 s goal", ratio=total / GOAL_TOTAL,
           goal="<= 1x")
    report("full sweep against the harvest floor", total, "s", baseline="raw POSTs",
           ratio=total / floor)
    incremental = second["times"]["total"]
    report("incremental sweep: total", incremental, "s", baseline="10 s goal",
           ratio=incremental / GOAL_INCREMENTAL, goal="<= 1x")
    without_pdf = incremental - second["times"]["PDF report"]
    report("incremental sweep without the PDF", without_pdf, "s", baseline="10 s goal",
           ratio=without_pdf / GOAL_INCREMENTAL)
    report("incremental sweep against the harvest floor", incremental, "s",
           baseline="raw POSTs", ratio=incremental / floor)
    again = third["times"]["total"]
    report("full sweep of the changed catalogue: total", again, "s",
           baseline="incremental sweep", ratio=again / incremental)
