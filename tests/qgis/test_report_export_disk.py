"""The governance report's PDF and HTML when they cannot be written: the earlier ones stay whole.

A read-only folder (chmod, or chattr +i for root: tests/support/disk_faults.py), and a PDF
exporter that stops half-way as on a full disk: GeoGov says which file and why
(FileWriteError / report.pdf_failed), the report written before is unchanged, and no
temporary file is left in the folder.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsLayoutExporter

from geogov.plugin.bridge.messages import error_text
from geogov.plugin.bridge.report_layout import export_report
from geogov.plugin.errors import FileWriteError, GeoGovError
from geogov.plugin.governance.convention_loader import load_convention
from geogov.plugin.governance.report import build_report
from geogov.tests.qgis.governance_fixtures import CONVENTION, TODAY, build_demo
from geogov.tests.support import disk_faults as D  # noqa: N812


@pytest.fixture(scope="module")
def report(qgis_app, tmp_path_factory):
    demo = build_demo(tmp_path_factory.mktemp("demo"))
    return build_report(load_convention(CONVENTION), TODAY, records=demo["record_list"])


@pytest.fixture()
def written(report, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    pdf, html = folder / "bilan.pdf", folder / "bilan.html"
    assert export_report(report, str(pdf), str(html)) == {"pdf": str(pdf), "html": str(html)}
    assert pdf.read_bytes().startswith(b"%PDF")
    return folder, pdf, html, pdf.read_bytes(), html.read_bytes()


def names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_a_read_only_folder_keeps_the_earlier_report(report, written):
    folder, pdf, html, old_pdf, old_html = written
    with D.read_only(folder):
        for pdf_path, html_path, path in ((str(pdf), "", pdf), ("", str(html), html)):
            with pytest.raises(FileWriteError) as caught:
                export_report(report, pdf_path, html_path)
            assert caught.value.code == "file.permission" and caught.value.params["path"] == str(path)
            text = error_text(caught.value)
            assert str(path) in text and "Nothing was lost" in text
    assert pdf.read_bytes() == old_pdf and html.read_bytes() == old_html
    assert names(folder) == ["bilan.html", "bilan.pdf"]


def test_an_exporter_failing_half_way_leaves_the_earlier_pdf(report, written, monkeypatch):
    folder, pdf, _html, old_pdf, _old_html = written
    exported = []

    def half_then_fail(self, path, settings):
        with open(path, "wb") as handle:          # what a full disk leaves: the start of a PDF
            handle.write(old_pdf[:100])
        exported.append(path)
        return QgsLayoutExporter.ExportResult.FileError

    monkeypatch.setattr(QgsLayoutExporter, "exportToPdf", half_then_fail)
    with pytest.raises(GeoGovError) as caught:
        export_report(report, str(pdf), "")
    assert caught.value.code == "report.pdf_failed" and exported and exported[0] != str(pdf)
    assert pdf.read_bytes() == old_pdf and names(folder) == ["bilan.html", "bilan.pdf"]
    monkeypatch.undo()
    export_report(report, str(pdf), "")
    assert pdf.read_bytes().startswith(b"%PDF") and names(folder) == ["bilan.html", "bilan.pdf"]
