"""Where a proposal's changes lie, and where its proposer may propose: geometries.

Two questions, both answered with the eight Île-de-France départements of QGIS's own
``world_map.gpkg`` (layer_description.departement_polygons, EPSG:4326):

- which départements the changes touch (routing: the steward of each département);
- the proposer's territory as one geometry in the layer's CRS, for the validation rule
  "every touched feature lies inside the proposer's territory" (datasets whose convention
  entry says ``own_territory``).

The département polygons are transformed into the layer's CRS on the main thread
(:func:`departement_geometries`, QGIS transforms); everything else works on plain ISO WKB
with OGR and can run in a QgsTask. A partner known by communes (an EPT) needs the
geometry file the convention may name (``territory: {geometry: …}``); without one its
communes are checked at the level of their départements, and a note says so — the
store does the same at département level (rules.reach).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from osgeo import gdal, ogr, osr
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProject

from ..governance.convention import departement_of_commune
from .layer_description import departement_polygons

NOTE_COMMUNES_AS_DEPARTEMENTS = "proposal.note.communes_as_departements"
NOTE_DEPARTEMENT_UNKNOWN = "proposal.note.departement_without_geometry"
NOTE_GEOMETRY_FILE = "proposal.note.geometry_file_unreadable"


@dataclass
class Note:
    """Something the proposer should know that is not a problem (code + params for ui)."""

    code: str
    params: dict = field(default_factory=dict)


# ---------------------------------------------------------------------------- main thread
def departement_geometries(crs: QgsCoordinateReferenceSystem) -> dict:
    """{INSEE code: ISO WKB in ``crs``} of the Île-de-France départements (main thread)."""
    polygons = departement_polygons()
    if not crs.isValid():
        return {}
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    transform = QgsCoordinateTransform(wgs84, crs, QgsProject.instance())
    out = {}
    for code, geometry in polygons.items():
        copy = QgsGeometry(geometry)
        if crs != wgs84 and copy.transform(transform) != 0:
            continue
        out[code] = bytes(copy.asWkb())
    return out


def crs_text(crs: QgsCoordinateReferenceSystem) -> str:
    return (crs.authid() or crs.toWkt()) if crs.isValid() else ""


# ---------------------------------------------------------------------------- any thread
def _geometry(blob) -> Optional[ogr.Geometry]:
    if blob is None:
        return None
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        return ogr.CreateGeometryFromWkb(bytes(blob))
    except RuntimeError:
        return None
    finally:
        gdal.PopErrorHandler()


class Departements:
    """The département polygons (ISO WKB in the layer CRS), built once, asked many times."""

    def __init__(self, geometries: dict):
        self.polygons = {}
        for code, blob in sorted(geometries.items()):
            geometry = _geometry(blob)
            if geometry is not None:
                self.polygons[code] = (geometry, geometry.GetEnvelope())

    def touched_by(self, blob) -> set:
        geometry = _geometry(blob)
        if geometry is None or geometry.IsEmpty():
            return set()
        minx, maxx, miny, maxy = geometry.GetEnvelope()
        out = set()
        for code, (polygon, (ex0, ex1, ey0, ey1)) in self.polygons.items():
            if maxx < ex0 or minx > ex1 or maxy < ey0 or miny > ey1:
                continue
            if polygon.Intersects(geometry):
                out.add(code)
        return out

    def of_changeset(self, changeset) -> list:
        """Sorted INSEE codes of every département a change touches (old or new geometry)."""
        codes = set()
        for change in changeset.changes:
            for blob in (change.old_geometry, change.new_geometry):
                if blob is not None:
                    codes |= self.touched_by(blob)
        return sorted(codes)

    def union(self, codes) -> Optional[ogr.Geometry]:
        parts = [self.polygons[c][0] for c in codes if c in self.polygons]
        if not parts:
            return None
        collection = ogr.Geometry(ogr.wkbMultiPolygon)
        for part in parts:
            if part.GetGeometryType() in (ogr.wkbMultiPolygon, ogr.wkbMultiPolygon25D):
                for i in range(part.GetGeometryCount()):
                    collection.AddGeometry(part.GetGeometryRef(i))
            else:
                collection.AddGeometry(part)
        return collection.UnionCascaded()


def _srs(crs: str) -> Optional[osr.SpatialReference]:
    from ..proposals.srs import spatial_reference

    return spatial_reference(crs, gis_axis_order=True)


def read_geometry_file(path: str, crs: str) -> Optional[ogr.Geometry]:
    """The union of every geometry of an OGR source (GeoJSON, GeoPackage…) in ``crs``;
    None when it cannot be read."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        source = ogr.Open(path)
    except RuntimeError:
        source = None
    finally:
        gdal.PopErrorHandler()
    if source is None:
        return None
    target = _srs(crs)
    union = None
    for index in range(source.GetLayerCount()):
        layer = source.GetLayer(index)
        layer_srs = layer.GetSpatialRef()
        transform = None
        if layer_srs is not None and target is not None:
            layer_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            if not layer_srs.IsSame(target):
                transform = osr.CoordinateTransformation(layer_srs, target)
        for feature in layer:
            geometry = feature.GetGeometryRef()
            if geometry is None:
                continue
            geometry = geometry.Clone()
            if transform is not None and geometry.Transform(transform) != 0:
                return None
            union = geometry if union is None else union.Union(geometry)
    return union


def territory_geometry(territory, departements: Departements, crs: str) -> tuple:
    """(ISO WKB of ``territory`` in ``crs`` or None, [Note]).

    None with no note: the territory is everywhere. None with notes: it could not be
    built (validation then reports proposal.territory_unknown).
    """
    notes = []
    if territory is None or territory.is_everywhere:
        return None, notes
    codes = list(territory.departements)
    if territory.communes and not territory.geometry_file:
        extra = sorted({departement_of_commune(c) for c in territory.communes} - set(codes))
        codes += extra
        notes.append(Note(NOTE_COMMUNES_AS_DEPARTEMENTS, {"departements": ", ".join(extra)}))
    missing = [c for c in codes if c not in departements.polygons]
    if missing:
        notes.append(Note(NOTE_DEPARTEMENT_UNKNOWN, {"departements": ", ".join(missing)}))
    geometry = departements.union(codes)
    if territory.geometry_file:
        from_file = read_geometry_file(territory.geometry_file, crs)
        if from_file is None:
            notes.append(Note(NOTE_GEOMETRY_FILE, {"file": territory.geometry_file}))
        else:
            geometry = from_file if geometry is None else geometry.Union(from_file)
    if geometry is None:
        return None, notes or [Note(NOTE_DEPARTEMENT_UNKNOWN, {"departements": ""})]
    return bytes(geometry.ExportToIsoWkb()), notes
