"""« Ouvrir le rapport », a record's link, the convention file: when no program of the
computer takes them, GeoGov says where the file is instead of doing nothing."""

from __future__ import annotations

from qgis.PyQt.QtCore import QUrl

from geogov.ui.desktop_open import as_url, open_in_desktop


class Bar:
    def __init__(self):
        self.messages = []

    def pushMessage(self, title, text, level, duration):
        self.messages.append(text)


class Iface:
    def __init__(self):
        self.bar = Bar()

    def messageBar(self):
        return self.bar


def test_a_file_no_program_opens_is_named_with_its_path(qgis_app, tmp_path):
    iface = Iface()
    report = tmp_path / "rapport.pdf"
    report.write_bytes(b"%PDF-1.4")
    assert open_in_desktop(iface, str(report), opener=lambda url: False) is False
    assert len(iface.bar.messages) == 1 and str(report) in iface.bar.messages[0]


def test_a_link_no_program_opens_is_named(qgis_app):
    iface = Iface()
    assert not open_in_desktop(iface, "https://geo.example.fr/fiche/1", opener=lambda url: False)
    assert "https://geo.example.fr/fiche/1" in iface.bar.messages[0]


def test_an_opened_target_says_nothing(qgis_app, tmp_path):
    iface = Iface()
    seen = []
    assert open_in_desktop(iface, str(tmp_path / "x.html"), opener=lambda url: seen.append(url) or True)
    assert iface.bar.messages == [] and seen[0].isLocalFile()


def test_targets_become_urls(qgis_app):
    assert as_url("C:/données/rapport.pdf").isLocalFile()
    assert as_url("mailto:sig@cd94.fr").scheme() == "mailto"
    url = QUrl("https://x/")
    assert as_url(url) is url
