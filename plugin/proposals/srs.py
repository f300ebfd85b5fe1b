"""A CRS given as text ("EPSG:2154", an OGC URN or URL, WKT) as a GDAL SpatialReference."""

from __future__ import annotations

from typing import Optional


def spatial_reference(text: str, gis_axis_order: bool = False):
    """The osr.SpatialReference of ``text``, or None when GDAL does not know it.

    GDAL reports an unknown CRS by raising or by a non-zero return depending on
    osr.UseExceptions(), which QGIS sets: both are handled, and its error messages are kept
    out of the log. ``gis_axis_order``: x = easting/longitude whatever the CRS's own axis
    order (what WKB coordinates are).
    """
    from osgeo import gdal, osr  # GDAL, not QGIS: allowed in the core; loaded when needed

    srs = osr.SpatialReference()
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        failed = srs.SetFromUserInput(text) != 0
    except RuntimeError:
        failed = True
    finally:
        gdal.PopErrorHandler()
    if failed:
        return None
    if gis_axis_order:
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def is_geographic(text: str) -> Optional[bool]:
    srs = spatial_reference(text)
    return None if srs is None else bool(srs.IsGeographic())
