"""QGIS 4 readiness, statically: GeoGov's code needs none of the rewrites QGIS's
pyqt5_to_pyqt6 migration script makes and triggers none of its warnings
(tests/support/pyqt6_rules.py; the unscoped-enum rule is in tests/qgis/test_pyqt6_enums.py)."""

from __future__ import annotations

import pytest

from geogov.tests.support.pyqt6_rules import check_files, product_files, static_findings

# The QGIS < 3.38 branch of the field types: QVariant.Type is all those versions take.
ALLOWED = {("plugin/bridge/qgis_compat.py", "qvariant-type")}

SAMPLES = {
    "pyqt5-import": ["from PyQt5.QtCore import Qt", "import PyQt5.QtWidgets"],
    "qt-module-import": ["from qgis.PyQt.Qt import Qt"],
    "qvariant-type": ["QgsField('a', QVariant.String)", "kind = QVariant.Type.Int"],
    "null-qvariant": ["value = QVariant()", "value = QVariant(QVariant.Int)"],
    "qdatetime-args": ["QDateTime(2024, 1, 2, 3, 4, 5, 6, 0)", "QDateTime(QDate(2024, 1, 2))"],
    "qapp": ["from qgis.PyQt.QtWidgets import qApp", "qApp.processEvents()"],
    "exec-underscore": ["dialog.exec_()", "class D:\n    def exec_(self):\n        pass"],
    "fontmetrics-width": ["w = label.fontMetrics().width('x')",
                          "m = QFontMetrics(font)\nw = m.width('x')"],
    "activated-str": ["combo.activated[str].connect(slot)"],
    "resources-rc": ["from . import resources_rc", "import geogov.resources_rc"],
    "qregexp": ["from qgis.PyQt.QtCore import QRegExp"],
    "qdesktopwidget": ["QApplication.desktop().screenGeometry()"],
    "addaction-args": ["menu.addAction(icon, 'Text', receiver, slot)"],
    "renamed-enum": ["button = Qt.MidButton", "role = Qt.BackgroundColorRole",
                     "hint = QPainter.HighQualityAntialiasing"],
}

CLEAN = """
from qgis.core import NULL, QgsField
from qgis.PyQt.QtCore import QDate, QDateTime, QMetaType, Qt, QTime
from qgis.PyQt.QtWidgets import QApplication

field = QgsField("a", QMetaType.Type.QString)
when = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5))
width = label.fontMetrics().horizontalAdvance("x")
QApplication.instance().processEvents()
dialog.exec()
combo.textActivated.connect(slot)
menu.addAction(action)
button = Qt.MouseButton.MiddleButton
value = NULL
"""


@pytest.mark.parametrize("rule", sorted(SAMPLES))
def test_each_rule_finds_what_it_names(rule):
    for sample in SAMPLES[rule]:
        assert rule in {f.rule for f in static_findings(sample)}, sample


def test_code_written_for_qt6_passes():
    assert static_findings(CLEAN) == []


def test_geogov_follows_the_pyqt6_migration_rules():
    findings = [f for f in check_files(product_files(), static_findings)
                if (f.path, f.rule) not in ALLOWED]
    assert not findings, "\n".join(map(str, findings))


def test_the_allowed_exception_is_still_needed():
    # When QGIS 3.22 support goes, so does the QVariant branch, and this exception with it.
    found = {(f.path, f.rule) for f in check_files(product_files(), static_findings)}
    assert ALLOWED <= found


def test_qgis_4_stays_out_of_metadata_until_a_qgis_4_build_is_tested():
    # No QGIS 4 (Qt 6) build can run here: the plugin does not claim it (README says why).
    from geogov.tests.support.pyqt6_rules import ROOT

    metadata = dict(line.split("=", 1) for line in (ROOT / "metadata.txt").read_text("utf-8").splitlines()
                    if "=" in line and not line.startswith((" ", "\t")))
    assert metadata["qgisMinimumVersion"] == "3.22" and metadata["qgisMaximumVersion"] == "3.99"
    assert "qgisMaximumVersion=3.99" in (ROOT / "README.md").read_text("utf-8")
