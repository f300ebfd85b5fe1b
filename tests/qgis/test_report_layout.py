"""The governance report as a PDF print layout and as HTML, in French.

The PDF's text is read back with pdftotext (poppler-utils, installed by `make setup`):
it must be French (no English words of the layout left), say the deliberate findings of
the demo, and keep every table inside the page.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from qgis.core import QgsLayoutItem, QgsLayoutItemLabel, QgsLayoutItemMap, QgsLayoutItemPage
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from geogov.plugin.bridge.layout_pages import BOTTOM, PAGE_HEIGHT, wrap
from geogov.plugin.bridge.report_layout import build_report_layout, export_report
from geogov.plugin.bridge.report_map import departement_rows, departement_status
from geogov.plugin.governance.convention_loader import load_convention
from geogov.plugin.governance.frequency import LATE, UNKNOWN, UP_TO_DATE
from geogov.plugin.governance.report import build_report
from geogov.tests.qgis.governance_fixtures import CONVENTION, TODAY, build_demo

ROOT = Path(__file__).resolve().parents[2]
QM = ROOT / "i18n" / "geogov_fr.qm"


@pytest.fixture(scope="module")
def french(qgis_app):
    if not QM.exists():
        pytest.skip("i18n/geogov_fr.qm is not built (make translate-qm)")
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture(scope="module")
def report(qgis_app, tmp_path_factory):
    demo = build_demo(tmp_path_factory.mktemp("demo"))
    convention = load_convention(CONVENTION)
    return build_report(convention, TODAY, records=demo["record_list"],
                        proposal_counts={"amenagements-cyclables": {"submitted": 4, "approved": 2,
                                                                    "rejected": 1, "applied": 2}})


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True)
    # NFKC: the PDF's "ﬁ" ligatures read as "fi".
    return unicodedata.normalize("NFKC", done.stdout)


def test_pdf_and_html_in_french(french, report, tmp_path):
    written = export_report(report, str(tmp_path / "rapport.pdf"), str(tmp_path / "rapport.html"))
    assert set(written) == {"pdf", "html"}
    pdf = Path(written["pdf"])
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000
    text = pdf_text(pdf)
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) >= 4
    assert "Données géographiques partagées : qui fait quoi" in text
    for french_words in ("En résumé", "Territoires des partenaires", "Livraisons en retard",
                         "Syctom, l'agence métropolitaine des déchets ménagers",
                         "en retard de", "Propositions de modification reçues"):
        assert french_words in text, french_words
    for english in ("Partner territories", "Summary", "Overdue deliveries", "Dataset",
                    "Situation of the partners", "Every shared dataset", "Page 1 of",
                    "late by", "up to date"):
        assert english not in text, english
    # Every page is numbered "Page n sur N".
    count = len([p for p in pages if p.strip()])
    for number in range(1, count + 1):
        assert f"Page {number} sur {count}" in text
    html = Path(written["html"]).read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    assert "Livraisons en retard" in html and "Partner territories" not in html


def test_layout_items_stay_on_their_pages(french, report):
    layout = build_report_layout(report)
    pages = layout.pageCollection()
    assert pages.pageCount() >= 4
    for index in range(pages.pageCount()):
        page = pages.page(index)
        assert (page.pageSize().width(), page.pageSize().height()) == (210.0, 297.0)
    maps = [i for i in layout.items() if isinstance(i, QgsLayoutItemMap)]
    assert len(maps) == 1 and maps[0].layers() and maps[0].layers()[0].featureCount() == 8
    for item in layout.items():
        if not isinstance(item, QgsLayoutItem) or isinstance(item, QgsLayoutItemPage):
            continue
        rect = item.sceneBoundingRect()
        if rect.height() <= 0:
            continue
        page = pages.pageNumberForPoint(rect.topLeft())
        top = pages.page(page).pos().y()
        assert rect.bottom() - top <= PAGE_HEIGHT + 0.01, type(item).__name__
        if rect.top() - top >= BOTTOM:
            # The footer: convention title and page number, inside the bottom margin.
            assert isinstance(item, QgsLayoutItemLabel)
            assert rect.bottom() - top <= PAGE_HEIGHT - 5.0
        else:
            # Body text, tables and the map end above the footer.
            assert rect.bottom() - top <= BOTTOM + 1.0, type(item).__name__


def test_wrapping_keeps_every_word_within_the_width(qgis_app):
    from qgis.core import QgsLayoutUtils
    from qgis.PyQt.QtGui import QFont

    font = QFont()
    font.setPointSizeF(9)
    text = ("Convention de partage des géodonnées franciliennes (démonstration), "
            "coordonnée par la Région Île-de-France. " * 3 + "x" * 120)
    lines = wrap(text, font, 60.0)
    assert " ".join(lines).replace("x", "").split() == text.replace("x", "").split()
    assert all(QgsLayoutUtils.textWidthMM(font, line) <= 60.0 for line in lines)


def test_the_map_colours_departements_by_their_partners_lateness(report):
    rows = {code: (partners, status) for code, _name, partners, status, _late
            in departement_rows(report, lambda s: s)}
    assert set(rows) == {"75", "77", "78", "91", "92", "93", "94", "95"}
    assert "Département du Val-de-Marne" in rows["94"][0]
    assert "Est Ensemble" in rows["93"][0] and "Est Ensemble" not in rows["94"][0]
    # A late dataset of a partner anchored in the 93 turns the 93 red, only the 93.
    est_ensemble = next(s for s in report.partners if s.partner_id == "ept-t8")
    est_ensemble.produced[0].status = LATE
    try:
        statuses = {code: status for code, _n, _p, status, _l
                    in departement_rows(report, lambda s: s)}
        assert statuses["93"] == LATE
        assert statuses["94"] == UP_TO_DATE
    finally:
        est_ensemble.produced[0].status = UP_TO_DATE
    assert departement_status([]) == (UNKNOWN, 0)


def test_a_report_without_catalogue_nor_store(french, tmp_path):
    convention = load_convention(CONVENTION)
    report = build_report(convention, dt.date(2026, 11, 22))
    written = export_report(report, str(tmp_path / "r.pdf"))
    text = pdf_text(Path(written["pdf"]))
    assert "Données sans date de mise à jour connue : 7" in text
    assert "Livraisons contractuelles en retard : 1" in text
