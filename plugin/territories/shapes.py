"""A territory given by a geometry file (``territory: {geometry: …}``): its polygons, in the
reference's CRS.

A syndicate's service area or an agglomeration's perimeter that is not a union of whole
communes is drawn in a file (GeoJSON, GeoPackage, Shapefile…) beside the convention. Every
polygon of every layer counts; the file must say its CRS, and every polygon must be valid:
anything else is refused with a located message (TerritoryError) rather than guessed.
"""

from __future__ import annotations

import os
import uuid
from typing import Callable, Optional

from ..errors import TerritoryError
from ..xmlsafe import MAX_DEPTH
from .geometry import file_json_nesting, json_nesting, quiet_gdal, spatial_reference
from .reference import defined_crs


def _refuse_too_deep(file: str, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise TerritoryError(f"The geometry file {file} nests {depth} levels deep; at most "
                             f"{MAX_DEPTH} are read", code="territory.geometry_too_deep",
                             file=file, depth=depth, limit=MAX_DEPTH)


def read_shapes(file: str, target_wkt: str, fetch: Optional[Callable[[str], bytes]] = None) -> bytes:
    """ISO WKB of the union of the file's polygons in ``target_wkt``.

    ``file`` is a path, or an http(s) URL read with ``fetch(url) -> bytes`` (the plugin's
    transport: its limits and redirects rules apply)."""
    from osgeo import gdal, ogr, osr

    memory_path = None
    if "://" in file:
        if fetch is None or not file.lower().startswith(("http://", "https://")):
            raise TerritoryError(f"The geometry file {file} cannot be read from here",
                                 code="territory.geometry_unreadable", file=file, reason="")
        data = fetch(file)
        _refuse_too_deep(file, json_nesting(data))
        memory_path = f"/vsimem/geogov-territory-{uuid.uuid4().hex}"
        gdal.FileFromMemBuffer(memory_path, data)
        path = memory_path
    else:
        path = file
        if not os.path.isfile(path):
            raise TerritoryError(f"The geometry file {file} does not exist",
                                 code="territory.geometry_not_found", file=file)
        _refuse_too_deep(file, file_json_nesting(path))
    try:
        with quiet_gdal() as messages:
            try:
                source = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
            except RuntimeError:
                source = None
        if source is None:
            raise TerritoryError(f"The geometry file {file} cannot be read",
                                 code="territory.geometry_unreadable", file=file,
                                 reason=messages[-1] if messages else "")
        target = spatial_reference(target_wkt)
        parts = ogr.Geometry(ogr.wkbMultiPolygon)
        with quiet_gdal():
            for number in range(source.GetLayerCount()):
                layer = source.GetLayer(number)
                srs = layer.GetSpatialRef()
                if not defined_crs(srs):
                    raise TerritoryError(f"The geometry file {file} has no coordinate reference system",
                                         code="territory.geometry_no_crs", file=file)
                srs = srs.Clone()
                srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
                transform = None if srs.IsSame(target) else osr.CoordinateTransformation(srs, target)
                for feature in layer:
                    geometry = feature.GetGeometryRef()
                    if geometry is None or geometry.IsEmpty():
                        continue
                    kind = ogr.GT_Flatten(geometry.GetGeometryType())
                    if kind not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
                        continue
                    if not geometry.IsValid():
                        raise TerritoryError(f"The geometry file {file} has an invalid polygon "
                                             f"(feature {feature.GetFID()})",
                                             code="territory.geometry_invalid", file=file,
                                             feature=str(feature.GetFID()))
                    geometry = geometry.Clone()
                    geometry.FlattenTo2D()
                    if transform is not None and geometry.Transform(transform) != 0:
                        raise TerritoryError(f"The geometry file {file} cannot be brought into the "
                                             "reference's CRS", code="territory.geometry_unreadable",
                                             file=file, reason="CRS")
                    for part in ([geometry] if kind == ogr.wkbPolygon else
                                 [geometry.GetGeometryRef(i) for i in range(geometry.GetGeometryCount())]):
                        parts.AddGeometry(part)
        if parts.GetGeometryCount() == 0:
            raise TerritoryError(f"The geometry file {file} holds no polygon",
                                 code="territory.geometry_empty", file=file)
        with quiet_gdal():
            union = parts.UnionCascaded()
        return bytes(union.ExportToIsoWkb())
    finally:
        source = None
        if memory_path is not None:
            gdal.Unlink(memory_path)
