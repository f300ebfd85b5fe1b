"""Removing the review's temporary layers redraws the map: QGIS 3.22's canvas otherwise
keeps showing a removed layer's last drawing (an approved proposal's diff stayed on the
map in the desktop journey)."""

from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer

from geogov.ui.diff_view import ReviewLayers


class Canvas:
    def __init__(self):
        self.refreshed = 0

    def refresh(self):
        self.refreshed += 1


def test_removing_review_layers_redraws_the_map(qgis_app):
    canvas = Canvas()
    layers = ReviewLayers(QgsProject.instance(), canvas)
    layers.add(QgsVectorLayer("LineString?crs=EPSG:2154", "diff", "memory"))
    assert layers.group(create=False) is not None and canvas.refreshed == 0
    layers.remove()
    assert layers.ids == [] and QgsProject.instance().mapLayers() == {}
    assert canvas.refreshed == 1
    assert layers.group(create=False) is None
    layers.remove()                          # nothing left: no redraw needed
    assert canvas.refreshed == 1
