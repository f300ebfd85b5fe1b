"""The propose dialog's way to the map: a change (or a validation problem) leads to its
feature — selected on its layer, the map panned (or zoomed) to it and the feature flashed.

A deleted feature is in no layer any more: the map goes to where it was and flashes its
former geometry (plugin/bridge/propose_layer.py says where each change is).
"""

from __future__ import annotations

from qgis.core import QgsCoordinateTransform, QgsCsException, QgsProject


def show_change(canvas, found, zoom: bool = False) -> bool:
    """Select ``found``'s feature (a propose_layer.ChangeFeature) and bring the map to it:
    ``zoom`` to its extent, else pan to it at the current scale. False when there is
    nothing to show (no layer, no feature, no geometry)."""
    if found is None:
        return False
    layer = found.layer
    if layer is not None:
        if found.fid is not None:
            layer.selectByIds([found.fid])
        else:
            layer.removeSelection()
    if layer is not None and found.fid is not None and found.extent is not None:
        if zoom:
            canvas.zoomToFeatureIds(layer, [found.fid])
        else:
            canvas.panToFeatureIds(layer, [found.fid])
        canvas.flashFeatureIds(layer, [found.fid])
        return True
    if found.extent is None:
        return False
    try:
        transform = QgsCoordinateTransform(found.crs, canvas.mapSettings().destinationCrs(),
                                           QgsProject.instance())
        extent = transform.transformBoundingBox(found.extent)
    except QgsCsException:
        return False
    if zoom and extent.width() > 0 and extent.height() > 0:
        extent.scale(1.2)
        canvas.setExtent(extent)
    else:
        canvas.setCenter(extent.center())
    canvas.refresh()
    if found.geometry is not None:
        canvas.flashGeometries([found.geometry], found.crs)
    return True
