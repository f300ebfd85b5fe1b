"""QGIS 4 readiness: every Qt and QGIS enum value GeoGov names is fully scoped
(``Qt.AlignmentFlag.AlignLeft``, not ``Qt.AlignLeft``), as PyQt6 requires and QGIS's
pyqt5_to_pyqt6 script would rewrite. The enums are looked up in this QGIS's own classes,
hence the qgis layer (tests/support/pyqt6_rules.py)."""

from __future__ import annotations

import importlib

from geogov.tests.support.pyqt6_rules import check_files, product_files, unscoped_enums


def lookup(module: str, name: str):
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def check(source, path):
    return unscoped_enums(source, path, lookup)


def test_the_check_finds_unscoped_qt_and_qgis_enums_and_passes_scoped_ones():
    source = ("from qgis.core import QgsLegendStyle, QgsVectorLayer\n"
              "from qgis.PyQt.QtCore import Qt\n"
              "from qgis.PyQt.QtWidgets import QDialogButtonBox, QSizePolicy\n"
              "a = Qt.AlignLeft | Qt.AlignmentFlag.AlignTop\n"
              "b = QDialogButtonBox.Ok\n"
              "c = QSizePolicy.Policy.Expanding\n"
              "d = QgsLegendStyle.Subgroup\n"
              "e = QgsLegendStyle.Style.Subgroup\n"
              "f = Qt.AlignmentFlag\n"
              "g = QgsVectorLayer.isValid\n")
    found = [(f.line, f.message) for f in check(source, "sample.py")]
    assert found[:2] == [(4, "Qt.AlignLeft: Qt.AlignmentFlag.AlignLeft"),
                         (5, "QDialogButtonBox.Ok: QDialogButtonBox.StandardButton.Ok")]
    # QgsLegendStyle.Style on 3.22 and 3.40; from 3.44 an alias of Qgis.LegendComponent.
    [(line, message)] = found[2:]
    assert line == 7 and message in ("QgsLegendStyle.Subgroup: QgsLegendStyle.Style.Subgroup",
                                     "QgsLegendStyle.Subgroup: Qgis.LegendComponent.Subgroup"), message


def test_geogov_names_every_enum_value_with_its_enum():
    findings = check_files(product_files(), check)
    assert not findings, "\n".join(map(str, findings))
