"""geogov:convention_check and geogov:governance_report through processing.run: the demo
convention from a file and from an http URL (a local server), a broken convention that
fails with every problem located, and a report with a GeoPackage proposal store."""

from __future__ import annotations

import http.server
import re
import threading

import pytest
from qgis.core import QgsApplication, QgsProcessingException

from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.qgis.governance_fixtures import CONVENTION, SYCTOM
from geogov.tests.support import store_fixtures as F  # noqa: N812

DAY = "2026-11-22"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The demo convention on http://127.0.0.1:<port>/convention.yaml."""
    folder = tmp_path_factory.mktemp("served")
    (folder / "convention.yaml").write_bytes(CONVENTION.read_bytes())

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def rows(layer):
    names = layer.fields().names()
    return {f["dataset"]: dict(zip(names, f.attributes())) for f in layer.getFeatures()}


def test_convention_check_lists_every_dataset(processing):
    result = processing.run("geogov:convention_check", {
        "CONVENTION": str(CONVENTION), "DATE": DAY, "OUTPUT": "TEMPORARY_OUTPUT"})
    table = rows(result["OUTPUT"])
    assert result["DATASETS"] == 7 and len(table) == 7
    pav = table["points-apport-volontaire"]
    assert pav["stewards"] == SYCTOM and pav["steward_emails"] == "syctom.donnees@example.org"
    assert pav["frequency"] == "monthly" and pav["status"] == "unknown"
    assert table["pesees-dechets-menages"]["personal_data"] is True
    # Each département's steward in its département, the Région elsewhere: all named.
    cycling = table["amenagements-cyclables"]["stewards"]
    assert cycling.startswith("Ville de Paris, Département de Seine-et-Marne")
    assert table["amenagements-cyclables"]["stewards"].endswith("Région Île-de-France")
    # The lighting concessionaire's quarterly delivery (31 May 2026) is overdue in November.
    assert table["eclairage-public"]["overdue_obligations"] == 1
    # Without a catalogue nothing is said about discrepancies.
    assert result["DISCREPANCIES"] == 0 and result["LATE"] == 0


def test_convention_check_reads_a_url(processing, served):
    result = processing.run("geogov:convention_check", {
        "CONVENTION": f"{served}/convention.yaml", "OUTPUT": "TEMPORARY_OUTPUT"})
    assert result["DATASETS"] == 7
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("geogov:convention_check", {
            "CONVENTION": f"{served}/missing.yaml", "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "404" in str(caught.value) and "missing.yaml" in str(caught.value)


def test_a_broken_convention_fails_with_every_problem_located(processing, tmp_path):
    text = CONVENTION.read_text(encoding="utf-8")
    broken = text.replace("frequency: monthly", "frequency: every month", 1) \
                 .replace("maintainer: sipperec", "maintainer: siperec", 1) \
                 .replace("kind: syndicat", "kind: syndicats", 1)
    path = tmp_path / "convention.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("geogov:convention_check", {"CONVENTION": str(path),
                                                   "OUTPUT": "TEMPORARY_OUTPUT"})
    message = str(caught.value)
    lines = broken.splitlines()
    located = re.findall(r"line (\d+), column (\d+) — at (\S+):", message) or \
        re.findall(r"ligne (\d+), colonne (\d+) — à (\S+) :", message)
    assert len(located) == 3, message
    wrong = {"every month": "frequency", "siperec": "maintainer", "syndicats": "kind"}
    for line, column, place in located:
        source_line = lines[int(line) - 1]
        value = next(v for v in wrong if v in source_line)
        assert place.endswith("." + wrong[value]), (place, source_line)
        assert source_line.index(value) + 1 == int(column)
    assert "sipperec" in message          # "did you mean" for the partner id


def test_governance_report_with_a_store(processing, tmp_path):
    store = tmp_path / "proposals.gpkg"
    with GeoPackageStore(store, "coord_region") as admin:
        admin.sync_convention(F.convention())
    with GeoPackageStore(store, "tech94") as tech:
        tech.submit(tech.create_draft(F.proposal(tag="one")).id)
        tech.submit(tech.create_draft(F.proposal(tag="two")).id)
    pdf, html = tmp_path / "out" / "rapport.pdf", tmp_path / "out" / "rapport.html"
    result = processing.run("geogov:governance_report", {
        "CONVENTION": str(CONVENTION), "STORE": str(store), "DATE": DAY,
        "OUTPUT_PDF": str(pdf), "OUTPUT_HTML": str(html)})
    assert result["OUTPUT_PDF"] == str(pdf) and result["OUTPUT_HTML"] == str(html)
    assert result["OVERDUE"] == 1 and result["LATE"] == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    page = html.read_text(encoding="utf-8")
    # Read as the coordinator (no identity in the settings): both proposals counted.
    assert re.search(r"(Proposed changes received|Propositions de modification reçues)"
                     r"\s?: 2", page), page[:2000]


def test_governance_report_needs_an_output(processing):
    with pytest.raises(QgsProcessingException):
        processing.run("geogov:governance_report", {"CONVENTION": str(CONVENTION)})


def test_algorithms_are_registered_with_help(processing):
    registry = QgsApplication.processingRegistry()
    for name in ("geogov:convention_check", "geogov:governance_report"):
        algorithm = registry.algorithmById(name)
        assert algorithm is not None and len(algorithm.shortHelpString()) > 200
