"""Real places for territory tests, computed from the territory references themselves.

Points are taken from the communes' own geometry (a point on a commune's surface, the middle
of the longest straight stretch of the border two communes share, a point a given distance
across that stretch), so they stay right if the reference is rebuilt and whatever GEOS
version computes them (GEOS 3.12 changed PointOnSurface: a point nudged "towards a commune's
inner point" from a border corner could land in a third commune).
"""

from __future__ import annotations

from osgeo import ogr

from geogov.plugin.proposals.model import DELETE, INSERT, UPDATE, Change, ChangeSet, FieldDef, Schema
from geogov.plugin.territories.builder import build
from geogov.plugin.territories.reference import ReferenceSpec, load_reference

FIELDS = [FieldDef("identifiant", "string")]


def geometry(reference, code) -> ogr.Geometry:
    return ogr.CreateGeometryFromWkb(reference.geometries[code])


def inside(reference, code) -> tuple:
    """A point well inside a commune (x, y) in the reference CRS."""
    point = geometry(reference, code).PointOnSurface()
    return point.GetX(), point.GetY()


def _segments(shape):
    """Every straight segment ((x1, y1), (x2, y2)) of a (multi) line or polygon's rings."""
    if shape.GetGeometryCount():
        for index in range(shape.GetGeometryCount()):
            # Clone: a child geometry dies with its parent in GDAL's Python bindings.
            yield from _segments(shape.GetGeometryRef(index).Clone())
        return
    points = [shape.GetPoint_2D(index) for index in range(shape.GetPointCount())]
    yield from zip(points, points[1:])


def _length(segment) -> float:
    (x1, y1), (x2, y2) = segment
    return ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5


def border_point(reference, a, b) -> tuple:
    """The middle of the longest straight stretch of the border communes ``a`` and ``b`` share:
    a point on both communes' boundaries, far from any third commune."""
    shared = geometry(reference, a).Intersection(geometry(reference, b))
    assert shared is not None and shared.Length() > 0, f"{a} and {b} share no border"
    (x1, y1), (x2, y2) = max(_segments(shared), key=_length)
    return (x1 + x2) / 2, (y1 + y2) / 2


def beside(reference, point, code, metres) -> tuple:
    """``point`` (on commune ``code``'s boundary) moved ``metres`` straight across that boundary,
    into ``code``. Asserts the place it lands is inside ``code``, so a test never measures a
    point that fell elsewhere."""
    commune = geometry(reference, code)
    target = ogr.Geometry(ogr.wkbPoint)
    target.AddPoint_2D(*point)

    def distance(segment):
        line = ogr.Geometry(ogr.wkbLineString)
        for x, y in segment:
            line.AddPoint_2D(x, y)
        return line.Distance(target)

    segment = min(_segments(commune.GetLinearGeometry()), key=distance)
    (x1, y1), (x2, y2) = segment
    length = _length(segment)
    normal = (-(y2 - y1) / length, (x2 - x1) / length)
    for side in (1, -1):
        moved = (point[0] + side * normal[0] * metres, point[1] + side * normal[1] * metres)
        probe = ogr.Geometry(ogr.wkbPoint)
        probe.AddPoint_2D(*moved)
        if commune.Contains(probe):
            return moved
    raise AssertionError(f"{metres} m across the boundary of {code} from {point} is not in {code}")


def point_wkb(x, y) -> bytes:
    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(x, y)
    return bytes(point.ExportToIsoWkb())


def line_wkb(*points) -> bytes:
    line = ogr.Geometry(ogr.wkbLineString)
    for x, y in points:
        line.AddPoint_2D(x, y)
    return bytes(line.ExportToIsoWkb())


def inserts(*blobs, crs="EPSG:2154", geometry_type="Point") -> ChangeSet:
    changes = [Change(INSERT, -n, new={"identifiant": f"N{n}"}, new_geometry=blob)
               for n, blob in enumerate(blobs, 1)]
    return ChangeSet(schema=Schema(fields=FIELDS, key="identifiant", geometry_type=geometry_type, crs=crs),
                     changes=changes)


def update(key, old, new=None, crs="EPSG:2154") -> Change:
    return Change(UPDATE, key, old={"identifiant": key}, new={"identifiant": key}, old_geometry=old,
                  new_geometry=new or old, changed_fields=[], geometry_changed=new is not None,
                  base_fingerprint="0" * 64)


def delete(key, old) -> Change:
    return Change(DELETE, key, old={"identifiant": key}, old_geometry=old, base_fingerprint="0" * 64)


def changeset(*changes, crs="EPSG:2154", geometry_type="Point") -> ChangeSet:
    return ChangeSet(schema=Schema(fields=FIELDS, key="identifiant", geometry_type=geometry_type, crs=crs),
                     changes=list(changes))


def hauts_de_france(shared_data, folder):
    """The Hauts-de-France reference, built from ../shared/data/hdf as builder.py makes the
    shipped Île-de-France one."""
    path = folder / "hauts-de-france.gpkg"
    if not path.exists():
        build("hauts-de-france", shared_data / "hdf", path)
    return load_reference(ReferenceSpec(source=str(path)))


CONVENTIONS = __import__("pathlib").Path(__file__).resolve().parent / "conventions"


def hauts_de_france_convention(shared_data, folder):
    """The Hauts-de-France test convention, loaded beside its reference (built in ``folder``)."""
    import shutil

    from geogov.plugin.governance.convention_loader import load_convention

    hauts_de_france(shared_data, folder)
    path = folder / "hauts-de-france.yaml"
    shutil.copy(CONVENTIONS / "hauts-de-france.yaml", path)
    return load_convention(path)
