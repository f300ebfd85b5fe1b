"""The map canvas extent as a search box in EPSG:4326 degrees."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProject,
)

WGS84 = "EPSG:4326"
WORLD = (-180.0, -90.0, 180.0, 90.0)


def extent_wgs84(extent, crs, project=None) -> tuple:
    """``(west, south, east, north)`` of ``extent`` (a QgsRectangle in ``crs``).

    A box that cannot be reprojected (a canvas zoomed out beyond its projection's
    validity) is the whole world: the search core then drops it and says so, rather than
    sending a box the server would misread.
    """
    if extent is None or extent.isEmpty() or not crs.isValid():
        return WORLD
    target = QgsCoordinateReferenceSystem(WGS84)
    transform = QgsCoordinateTransform(crs, target, project or QgsProject.instance())
    if not transform.isValid():
        box = gdal_box(extent, crs, WGS84)
        if box is None:
            return WORLD
        west, south, east, north = box
    else:
        if _shows_whole_world(extent, crs, transform):
            return WORLD
        try:
            box = transform.transformBoundingBox(extent)
        except QgsCsException:
            return WORLD
        west, south, east, north = box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()
    west, south = max(-180.0, west), max(-90.0, south)
    east, north = min(180.0, east), min(90.0, north)
    if not (west < east and south < north):
        return WORLD
    return (west, south, east, north)


def gdal_box(extent, crs, target: str):
    """(xmin, ymin, xmax, ymax) of a QgsRectangle in ``crs`` brought to ``target`` by GDAL,
    None when it cannot be. For when QGIS 3.22 gives an invalid QgsCoordinateTransform
    between valid CRS (see plugin/territories/geometry.py): QGIS would move nothing."""
    from ..territories.places import extent_polygon

    source = crs.authid() or crs.toWkt()
    target_text = target if isinstance(target, str) else (target.authid() or target.toWkt())
    polygon = extent_polygon((extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()),
                             source, target_text)
    if polygon is None:
        return None
    xmin, xmax, ymin, ymax = polygon.GetEnvelope()
    return xmin, ymin, xmax, ymax


def _shows_whole_world(extent, crs, transform) -> bool:
    """True when a world-wide CRS (Web Mercator…) shows its whole area of use.

    Web Mercator stops at ±85.06°: reprojected, its full world is "only" 170° high, and
    points beyond the projection make the reprojected box shrink instead of grow; the
    search core would then send a box that hides every record without one.
    """
    area = crs.bounds()
    if area.isEmpty() or area.width() < 359.0:
        return False
    try:
        projected = transform.transformBoundingBox(area, Qgis.TransformDirection.Reverse)
    except QgsCsException:
        return False
    # A canvas zoomed to the full extent shows it to within rounding.
    return extent.contains(projected.buffered(-0.001 * projected.width()))


def canvas_extent_wgs84(canvas) -> tuple:
    settings = canvas.mapSettings()
    return extent_wgs84(canvas.extent(), settings.destinationCrs())
