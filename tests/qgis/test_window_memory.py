"""GeoGov's dialogs come back at the size and place the user left them (QGIS's own
geometry memory, one key per dialog)."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QDialog

from geogov.ui.window_memory import remember_geometry


def test_a_dialog_reopens_at_the_size_it_was_left(qgis_app):
    first = QDialog()
    remember_geometry(first, "GeoGovTestMemoryDialog")
    first.show()
    first.resize(777, 444)
    first.close()                      # QGIS saves the geometry as it closes
    second = QDialog()
    remember_geometry(second, "GeoGovTestMemoryDialog")
    second.show()
    try:
        assert (second.width(), second.height()) == (777, 444)
        assert second.objectName() == "GeoGovTestMemoryDialog"
    finally:
        second.close()
