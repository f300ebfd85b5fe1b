"""ISO 19139 parsing speed over the real-document corpus, against OWSLib's MD_Metadata.

The records: every gmd:MD_Metadata / gmi:MI_Metadata of ../shared/data/ogc (standalone
files and records inside CSW responses) that GeoGov accepts, each serialised once to its
own bytes, so every contender starts from the same bytes:

- ``geogov``: ``xmlsafe.parse_xml`` (entity-safe parser) + ``iso19139.parse_record``, which
  extracts every party of every context, maintenance, classified links, dates, bbox;
- ``lxml alone``: ``xmlsafe.parse_xml`` only (the floor for any lxml-based parser);
- ``OWSLib MD_Metadata``: ``etree.fromstring`` + ``MD_Metadata(element)``, as OWSLib's own
  CSW client does, with the OWSLib of this interpreter and, when the venv of Debian's own
  OWSLib exists (.venvs/owslib-debian: Debian 12's 0.27, what QGIS 3.22 ships), with 0.27
  in a child process on the same record files.

Each figure is the best of 5 rounds of at least 0.5 s. Goal: ≥ 2 000 records/s.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("GEOGOV_SHARED_DATA", ROOT.parent / "shared" / "data"))
OUT = ROOT / "build" / "bench" / "parsing"
OWSLIB027 = ROOT / ".venvs" / "owslib-debian" / "bin" / "python"
GOAL = 2000.0
ROUNDS = 5
ROUND_SECONDS = 0.5

_CHILD = r"""
import json, sys, time, warnings
from pathlib import Path
from lxml import etree
import owslib
from owslib.iso import MD_Metadata
warnings.simplefilter("ignore")
blobs = [p.read_bytes() for p in sorted(Path(sys.argv[1]).glob("*.xml"))]
best = 0.0
for _ in range(int(sys.argv[2])):
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < float(sys.argv[3]):
        for blob in blobs:
            MD_Metadata(etree.fromstring(blob))
        count += len(blobs)
    best = max(best, count / (time.perf_counter() - started))
print(json.dumps({"version": owslib.__version__, "records_per_s": best}))
"""


def corpus_records() -> list:
    """Bytes of every ISO 19139 record of the corpus that GeoGov accepts."""
    from lxml import etree

    from geogov.plugin.catalogue import iso19139
    from geogov.plugin.errors import GeoGovError
    from geogov.plugin.xmlsafe import parse_xml

    blobs = []
    for path in sorted((DATA / "ogc").glob("*/*.xml")):
        try:
            root = parse_xml(path.read_bytes(), str(path))
        except GeoGovError:
            continue
        for element in root.iter():
            if isinstance(element.tag, str) and iso19139.is_record(element):
                try:
                    iso19139.parse_record(element, str(path))
                except GeoGovError:
                    continue
                blobs.append(etree.tostring(element, encoding="UTF-8", xml_declaration=True))
    return blobs


def records_per_second(function, blobs) -> float:
    function(blobs[0])  # warm caches (compiled regexes, lxml proxies)
    best = 0.0
    for _ in range(ROUNDS):
        count, started = 0, time.perf_counter()
        while time.perf_counter() - started < ROUND_SECONDS:
            for blob in blobs:
                function(blob)
            count += len(blobs)
        best = max(best, count / (time.perf_counter() - started))
    return best


def owslib_in_child(python: Path) -> dict:
    completed = subprocess.run(
        [str(python), "-c", _CHILD, str(OUT), str(ROUNDS), str(ROUND_SECONDS)],
        capture_output=True, text=True, timeout=600,
        env={"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"})
    if completed.returncode != 0:
        raise RuntimeError(completed.stderr[-2000:])
    return json.loads(completed.stdout.strip().splitlines()[-1])


def run(report):
    if not (DATA / "ogc").is_dir():
        print(f"  skipped: real-document corpus not found at {DATA}")
        return
    import owslib
    from lxml import etree
    from owslib.iso import MD_Metadata

    from geogov.plugin.catalogue import iso19139
    from geogov.plugin.xmlsafe import parse_xml

    blobs = corpus_records()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.xml"):
        old.unlink()
    for number, blob in enumerate(blobs):
        (OUT / f"record-{number:03d}.xml").write_bytes(blob)
    parties = sum(len(iso19139.parse_record(parse_xml(b)).parties) for b in blobs)
    report("ISO 19139 records in the corpus (parties in them)", len(blobs), "records",
           baseline=f"{parties} parties")

    ours = records_per_second(lambda b: iso19139.parse_record(parse_xml(b)), blobs)
    floor = records_per_second(parse_xml, blobs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = records_per_second(lambda b: MD_Metadata(etree.fromstring(b)), blobs)
    report("lxml parsing alone (xmlsafe.parse_xml)", floor, "records/s")
    report(f"OWSLib {owslib.__version__} MD_Metadata (etree.fromstring + MD_Metadata)", theirs,
           "records/s")
    report("geogov ISO 19139 (parse + parties, maintenance, links)", ours, "records/s",
           baseline=f"OWSLib {owslib.__version__} {theirs:.0f} records/s",
           ratio=theirs / ours, goal=f">= {GOAL:.0f} records/s")
    report(f"geogov speed-up over OWSLib {owslib.__version__}", ours / theirs, "x")
    if OWSLIB027.exists():
        child = owslib_in_child(OWSLIB027)
        report(f"OWSLib {child['version']} MD_Metadata (child process, same records)",
               child["records_per_s"], "records/s")
        report(f"geogov ISO 19139 against OWSLib {child['version']}", ours, "records/s",
               baseline=f"OWSLib {child['version']} {child['records_per_s']:.0f} records/s",
               ratio=child["records_per_s"] / ours, goal=f">= {GOAL:.0f} records/s")
    print(f"  goal {'met' if ours >= GOAL else 'NOT met'}: {ours:.0f} records/s "
          f"(goal {GOAL:.0f})", flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "build" / "py"))
    from geogov.tests.bench.__main__ import report as _report

    run(_report)
