"""Real places for territory tests, computed from the territory references themselves.

Points are taken from the communes' own geometry (a point on a commune's surface, a vertex
of the border two communes share), so they stay right if the reference is rebuilt.
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


def border_vertex(reference, a, b) -> tuple:
    """A vertex of the border communes ``a`` and ``b`` share."""
    shared = geometry(reference, a).Intersection(geometry(reference, b))
    assert shared is not None and shared.Length() > 0, f"{a} and {b} share no border"
    while shared.GetGeometryCount():
        # Clone: a child geometry dies with its parent in GDAL's Python bindings.
        shared = shared.GetGeometryRef(0).Clone()
    return shared.GetPoint_2D(shared.GetPointCount() // 2)


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
