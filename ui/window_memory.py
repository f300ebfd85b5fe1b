"""Dialogs that remember their size and place (QGIS's own mechanism, per dialog name)."""

from __future__ import annotations

from qgis.gui import QgsGui


def remember_geometry(dialog, name: str) -> None:
    """Give ``dialog`` its object name and let QGIS save its geometry when it closes and put
    it back when it opens again (QgsGui.enableAutoGeometryRestore, keyed by the name)."""
    if not dialog.objectName():
        dialog.setObjectName(name)
    QgsGui.enableAutoGeometryRestore(dialog, name)
