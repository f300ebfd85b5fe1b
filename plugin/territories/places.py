"""Where a change set's changes lie: the communes they touch, and whether they stay inside
a proposer's territory.

The same two rules hold in the plugin (here) and in the PostgreSQL store
(plugin/proposals/stores/sql/postgres/0007_territories.sql), and
tests/integration/test_territory_parity.py runs the same cases through both:

- **places**: the geometries of a change are an insert's new geometry, a delete's old one,
  an update's old one and, when it moved, its new one. A change *touches* every commune of
  the reference its geometries intersect (a feature on a border touches both sides); a
  change with no geometry, or none inside the reference, is *unplaced*.
- **inside a territory**: each geometry of the change lies within the territory (the union
  of its communes and its extra geometry) grown by the tolerance — the convention's, and at
  least :data:`MIN_TOLERANCE` so that a feature drawn on the territory's border counts as
  inside (``ST_CoveredBy(geometry, ST_Buffer(territory, tolerance))``).

Geometries are brought into the reference's CRS (as ST_Transform does), then tested
against the :class:`~.index.CommuneIndex`.
"""

from __future__ import annotations

import struct
import threading
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..errors import Cancelled, TerritoryError
from .geometry import geometry_of, metric_crs_wkt, point_xy, prepared, quiet_gdal, transformation

_POINT_LE = b"\x01\x01\x00\x00\x00"      # ISO WKB, little-endian, 2D point
_XY = struct.Struct("<dd").unpack_from
MIN_TOLERANCE = 0.01          # metres: 1 cm, a border drawn twice never lands further apart
CHECK_EVERY = 2048
NEW, OLD = "new", "old"


@dataclass(frozen=True)
class TerritorySet:
    """A territory resolved against the reference: communes (INSEE codes) plus an extra
    geometry (ISO WKB in the reference CRS); ``everywhere`` needs no check at all."""

    communes: frozenset = frozenset()
    extra: Optional[bytes] = None
    everywhere: bool = False


@dataclass
class Placement:
    communes: list = field(default_factory=list)      # sorted INSEE codes the changes touch
    departements: list = field(default_factory=list)  # their départements
    unplaced: int = 0                                  # changes touching no commune
    outside: list = field(default_factory=list)       # [(change index, NEW/OLD)] outside the territory
    checked: bool = False                              # a territory was checked


def change_geometries(change) -> list:
    """[(NEW/OLD, blob)] of a change, in the order the checks name them."""
    op = change.op
    out = []
    if op in ("update", "delete") and change.old_geometry is not None:
        out.append((OLD, change.old_geometry))
    if (op == "insert" or (op == "update" and change.geometry_changed)) and change.new_geometry is not None:
        out.append((NEW, change.new_geometry))
    return out


def locate(changeset, reference, territory: Optional[TerritorySet] = None, *,
           progress: Optional[Callable[[float], None]] = None,
           is_cancelled: Optional[Callable[[], bool]] = None) -> Placement:
    """The places of every change of ``changeset`` (its geometries in
    ``changeset.schema.crs``) and, when ``territory`` is given, the changes outside it."""
    crs = changeset.schema.crs or ""
    index = reference.index()
    to_reference = _to_reference(crs, reference)
    check = territory is not None and not territory.everywhere
    area = _Area(reference, territory) if check else None
    touched, unplaced, outside = set(), 0, []
    changes = changeset.changes
    total = len(changes)
    codes = index.codes
    # Plain 2D points in the reference's CRS — most change sets — are read with struct and
    # placed in one batch at the end (the same functions, without a call per point).
    batch = [] if to_reference is None else None
    xys = []
    seen_of, placed_of = [0] * total, [False] * total
    for number, change in enumerate(changes):
        if number % CHECK_EVERY == 0:
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("territory check cancelled")
            if progress is not None and total:
                progress(0.8 * number / total)
        if change.op == "insert":          # the commonest case, without building a list
            blob = change.new_geometry
            geometries = () if blob is None else ((NEW, blob),)
        else:
            geometries = change_geometries(change)
        for which, blob in geometries:
            if batch is not None and len(blob) == 21 and blob.startswith(_POINT_LE):
                xy = _XY(blob, 5)
                if xy[0] == xy[0] and xy[1] == xy[1]:          # not NaN (an empty point)
                    batch.append((number, which))
                    xys.append(xy)
                    continue
            hit, geometry, xy = _touched(index, blob, to_reference)
            if hit is None:
                continue                      # an empty geometry: nothing to place
            seen_of[number] += 1
            if hit:
                placed_of[number] = True
                touched.update(hit)
            if check and not area.covers(hit, geometry, xy):
                outside.append((number, which))
    if batch:
        cells = []
        hits = index.at_points(xys, cells)
        covered = area.points_covered(xys, hits, cells) if check else None
        for position, (number, which) in enumerate(batch):
            hit = hits[position]
            seen_of[number] += 1
            if hit:
                placed_of[number] = True
                touched.update(hit)
            if check and not covered[position]:
                outside.append((number, which))
    for number in range(total):
        if not placed_of[number]:
            unplaced += 1
        if check and not seen_of[number]:
            # Nothing to place (a feature without geometry): it cannot be shown to lie
            # inside the territory, so it does not.
            outside.append((number, NEW))
    outside.sort(key=lambda item: (item[0], item[1] != OLD))
    if progress is not None:
        progress(1.0)
    communes = sorted(codes[n] for n in touched)
    return Placement(communes=communes, departements=reference.departements_of(communes),
                     unplaced=unplaced, outside=outside, checked=check)


def _to_reference(crs: str, reference):
    """A function blob -> (xy or None, ogr.Geometry or None) in the reference CRS."""
    if not crs:
        raise TerritoryError("the changes have no coordinate reference system",
                             code="territory.changes_without_crs")
    try:
        return transformation(crs, reference.crs_wkt)
    except ValueError as error:
        raise TerritoryError(f"the changes' CRS {crs} cannot be compared with the territory "
                             f"reference: {error}", code="territory.changes_crs", crs=crs,
                             reason=str(error)) from None


def _touched(index, blob, transform):
    """(indexes touched or None when no geometry, ogr.Geometry or None, xy or None)."""
    xy = point_xy(blob)
    if xy is not None:
        if transform is not None:
            with quiet_gdal():
                try:
                    x, y, _z = transform.TransformPoint(xy[0], xy[1])
                except RuntimeError:
                    return None, None, None
            xy = (x, y)
        return index.at_point(*xy), None, xy
    geometry = geometry_of(blob)
    if geometry is None:
        return None, None, None
    if transform is not None:
        with quiet_gdal():
            try:
                failed = geometry.Transform(transform) != 0
            except RuntimeError:
                failed = True
        if failed:
            return None, None, None
    return index.touched_by(geometry), geometry, None


class _Area:
    """One territory, ready to test many geometries (see the module docstring)."""

    def __init__(self, reference, territory: TerritorySet):
        self.reference = reference
        self.index = reference.index()
        wanted = territory.communes
        self.inside = {n for n, code in enumerate(self.index.codes) if code in wanted}
        self.has_extra = territory.extra is not None
        self.tolerance = max(MIN_TOLERANCE, float(reference.tolerance or 0.0))
        self._territory = territory
        self._grown = None
        self._grown_prepared = None
        self._mask_cells = None
        self._unions = {}
        self._tests = threading.RLock()

    def covers(self, hit, geometry, xy) -> bool:
        # Areas are cached on the reference and shared by threads; their prepared geometries
        # are not thread-safe (see CommuneIndex._queries): one test at a time per area.
        with self._tests:
            return self._covers(hit, geometry, xy)

    def _covers(self, hit, geometry, xy) -> bool:
        quick = self._quick(geometry, xy)
        if quick is not None:
            return quick
        if hit and not self.has_extra and all(n in self.inside for n in hit):
            if geometry is None:
                return True                   # a point inside communes of the territory
            union = self._union_of(hit)
            with quiet_gdal():
                if union[1].Contains(geometry):
                    return True
        return self._grown_covers(geometry, xy)

    def points_covered(self, xys, hits, cells) -> list:
        """:meth:`covers` of many points (x, y) with their touched communes and grid cells
        (CommuneIndex.at_points)."""
        with self._tests:
            return self._points_covered(xys, hits, cells)

    def _points_covered(self, xys, hits, cells) -> list:
        mask = self._mask()
        inside = self.inside
        out = []
        append = out.append
        for xy, hit, cell in zip(xys, hits, cells):
            if hit and not self.has_extra and all(n in inside for n in hit):
                append(True)                     # in communes of the territory
                continue
            state = mask[cell] if mask is not None and cell >= 0 else 1
            append(state == 2 if state != 1 else self._covers(hit, None, xy))
        return out

    def _quick(self, geometry, xy):
        """True/False when the grown territory's grid mask decides, None when the geometry
        comes near its boundary (then GEOS decides): a point in a cell wholly inside or
        outside; a line or polygon with a vertex in a cell wholly outside (out), or whose
        bounding box is made of cells wholly inside (in)."""
        mask = self._mask()
        if mask is None:
            return None
        index = self.index
        if geometry is None:
            cell = index.cell_of(*xy)
            state = mask[cell] if cell >= 0 else 1
            return None if state == 1 else state == 2
        for x, y in _vertices(geometry):
            cell = index.cell_of(x, y)
            if cell >= 0 and mask[cell] == 0:
                return False
        minx, maxx, miny, maxy = geometry.GetEnvelope()
        first, last = index.cell_of(minx, maxy), index.cell_of(maxx, miny)
        if first < 0 or last < 0:
            return None
        columns = index.columns
        c0, c1 = first % columns, last % columns
        for row in range(first // columns, last // columns + 1):
            start = row * columns
            if any(state != 2 for state in mask[start + c0:start + c1 + 1]):
                return None
        return True

    def _mask(self):
        if self._mask_cells is None:
            grown = self.grown()
            self._mask_cells = self.index.mask(grown) if grown is not None else b""
        return self._mask_cells or None

    def _prepared_grown(self):
        if self._grown_prepared is None:
            grown = self.grown()
            self._grown_prepared = (grown, prepared(grown)) if grown is not None else (None, None)
        return self._grown_prepared

    def _union_of(self, hit):
        """(union, prepared union) of the communes ``hit``."""
        found = self._unions.get(hit)
        if found is None:
            geometries = self.index.geometries
            union = geometries[hit[0]].Clone()
            with quiet_gdal():
                for n in hit[1:]:
                    union = union.Union(geometries[n])
            found = (union, prepared(union))
            if len(self._unions) < 4096:
                self._unions[hit] = found
        return found

    def _grown_covers(self, geometry, xy) -> bool:
        from osgeo import ogr

        grown, fast = self._prepared_grown()
        if grown is None:
            return False
        with quiet_gdal():
            if geometry is None:
                point = ogr.Geometry(ogr.wkbPoint)
                point.AddPoint_2D(*xy)
                return bool(fast.Intersects(point))       # the boundary counts as inside
            if fast.Contains(geometry):
                return True
            if not fast.Intersects(geometry):
                return False
            # Only on the grown area's very boundary: covered-by, as ST_CoveredBy says.
            rest = geometry.Difference(grown)
            return rest is None or rest.IsEmpty()

    def grown(self):
        """The territory's union grown by the tolerance, in the reference CRS (cached on
        the reference: one per territory)."""
        if self._grown is None:
            territory = self._territory
            key = ("grown", territory.communes, territory.extra, self.tolerance)
            self._grown = self.reference.cached_area(key, lambda: grown_area(
                self.reference, territory.communes, territory.extra, self.tolerance))
        return self._grown


def grown_area(reference, communes, extra, tolerance: float):
    """Union of ``communes`` and ``extra`` buffered by ``tolerance`` metres, in the
    reference CRS; None when the territory has nothing in the reference."""
    from osgeo import ogr

    with quiet_gdal():
        parts = ogr.Geometry(ogr.wkbMultiPolygon)
        for code in sorted(communes):
            blob = reference.geometries.get(code)
            if blob is None:
                continue
            _add_polygons(parts, ogr.CreateGeometryFromWkb(blob))
        if extra is not None:
            _add_polygons(parts, ogr.CreateGeometryFromWkb(extra))
        if parts.GetGeometryCount() == 0:
            return None
        union = parts.UnionCascaded()
        metric = metric_crs_wkt(reference.crs_wkt, union.GetEnvelope())
        if metric == reference.crs_wkt:
            return union.Buffer(tolerance)
        forward = transformation(reference.crs_wkt, metric)
        back = transformation(metric, reference.crs_wkt)
        union.Transform(forward)
        grown = union.Buffer(tolerance)
        grown.Transform(back)
        return grown


def _vertices(geometry):
    """Every vertex (x, y) of an ogr geometry."""
    count = geometry.GetGeometryCount()
    if count:
        for i in range(count):
            yield from _vertices(geometry.GetGeometryRef(i))
        return
    for i in range(geometry.GetPointCount()):
        yield geometry.GetX(i), geometry.GetY(i)


def _add_polygons(collection, geometry) -> None:
    from osgeo import ogr

    if geometry is None:
        return
    kind = ogr.GT_Flatten(geometry.GetGeometryType())
    if kind == ogr.wkbPolygon:
        collection.AddGeometry(geometry)
    elif kind in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for i in range(geometry.GetGeometryCount()):
            _add_polygons(collection, geometry.GetGeometryRef(i))


def extent_polygon(extent, crs: str, target_wkt: str, steps: int = 16):
    """A (xmin, ymin, xmax, ymax) box in ``crs`` as an ogr polygon in ``target_wkt``,
    its edges densified so that the transform keeps its shape; None when it cannot be
    transformed (an extent outside the CRS's area)."""
    from osgeo import ogr

    xmin, ymin, xmax, ymax = extent
    ring = ogr.Geometry(ogr.wkbLinearRing)
    corners = [(xmin, ymin), (xmax, ymin), (xmax, ymax), (xmin, ymax), (xmin, ymin)]
    for (x0, y0), (x1, y1) in zip(corners, corners[1:]):
        for step in range(steps):
            t = step / steps
            ring.AddPoint_2D(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
    ring.AddPoint_2D(xmin, ymin)
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    try:
        transform = transformation(crs, target_wkt)
    except ValueError:
        return None
    if transform is not None:
        with quiet_gdal():
            try:
                if polygon.Transform(transform) != 0:
                    return None
            except RuntimeError:
                return None
    return polygon


def communes_of_extent(reference, extent, crs: str) -> Optional[list]:
    """Sorted codes of the communes an extent (in ``crs``) meets; None when it cannot be
    told (no extent, unknown CRS)."""
    if extent is None or not crs:
        return None
    polygon = extent_polygon(extent, crs, reference.crs_wkt)
    if polygon is None:
        return None
    index = reference.index()
    return sorted(index.codes[n] for n in index.touched_by(polygon))


def communes_of_blobs(reference, blobs, crs: str) -> Optional[list]:
    """Sorted codes of the communes the geometries (blobs in ``crs``) touch; None when
    the CRS cannot be compared with the reference."""
    try:
        to_reference = _to_reference(crs, reference)
    except TerritoryError:
        return None
    index = reference.index()
    touched = set()
    for blob in blobs:
        hit, _geometry, _xy = _touched(index, blob, to_reference)
        if hit:
            touched.update(hit)
    return sorted(index.codes[n] for n in touched)
