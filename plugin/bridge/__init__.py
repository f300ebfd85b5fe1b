"""The one place under plugin/ that imports qgis: adapts the core to QGIS."""
