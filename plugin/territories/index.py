"""Which communes a geometry touches, fast: a raster of labels with exact borders.

The communes are burnt into a grid (GDAL's rasteriser, cell-centre rule) and their
boundaries into a second grid with every cell a boundary line crosses (``ALL_TOUCHED``).
A cell no boundary crosses lies inside one commune (or outside them all) as a whole, so
a point there is answered by two array lookups; a point in a boundary cell, and every
line or polygon, is answered exactly by GEOS on the communes whose bounding box it meets.
The answer is therefore exact — a point on a border touches both communes — and a
100 000-point change set costs a few array reads per point (tests/bench/bench_territory.py).

The grid's origin is shifted by an irrational fraction of a cell so that borders drawn on
round coordinates never run exactly along a cell edge.
"""

from __future__ import annotations

import threading
from array import array
from typing import Optional

from .geometry import geometry_of, point_xy, prepared, quiet_gdal

TARGET_CELLS = 2_000_000
BUCKET = 32              # grid cells per side of a bounding-box bucket
_SHIFT = 0.3819660113    # (3 - sqrt 5) / 2


class CommuneIndex:
    """The communes of a reference, in the reference's CRS (changes are brought to it,
    as the PostgreSQL store does with ST_Transform)."""

    def __init__(self, codes, geometries, envelope):
        self.codes = codes                        # index -> INSEE code
        self.geometries = geometries              # index -> ogr.Geometry
        self._envelopes = [g.GetEnvelope() for g in geometries]
        # Prepared geometries keep a reference to their geometry: keep both alive here.
        self._prepared = [prepared(g) for g in geometries]
        # GEOS builds a prepared geometry's inner indexes lazily, on its first predicates,
        # and does not guard that: two threads testing the same commune at once (a QgsTask
        # placing a proposal while the main thread shows who is responsible) crashed QGIS
        # in PreparedPolygonIntersects (signal 11, seen in the e2e journey). One query at a
        # time per index.
        self._queries = threading.Lock()
        self._build_grid(envelope)

    @classmethod
    def build(cls, reference) -> CommuneIndex:
        from osgeo import ogr

        codes, geometries = [], []
        minx = miny = float("inf")
        maxx = maxy = float("-inf")
        with quiet_gdal():
            for code, blob in reference.geometries.items():
                geometry = ogr.CreateGeometryFromWkb(blob)
                codes.append(code)
                geometries.append(geometry)
                x0, x1, y0, y1 = geometry.GetEnvelope()
                minx, maxx, miny, maxy = min(minx, x0), max(maxx, x1), min(miny, y0), max(maxy, y1)
        return cls(codes, geometries, (minx, maxx, miny, maxy))

    # ------------------------------------------------------------------ grid
    def _build_grid(self, envelope) -> None:
        from osgeo import gdal, ogr

        minx, maxx, miny, maxy = envelope
        width, height = max(maxx - minx, 1e-9), max(maxy - miny, 1e-9)
        cell = (width * height / TARGET_CELLS) ** 0.5
        self.cell = cell
        self.x0 = minx - cell * (1 + _SHIFT)
        self.y1 = maxy + cell * (1 + _SHIFT)
        self.columns = int(width / cell) + 3
        self.rows = int(height / cell) + 3
        driver = gdal.GetDriverByName("MEM")
        memory = ogr.GetDriverByName("Memory").CreateDataSource("communes")
        polygons = memory.CreateLayer("polygons", geom_type=ogr.wkbMultiPolygon)
        polygons.CreateField(ogr.FieldDefn("label", ogr.OFTInteger))
        borders = memory.CreateLayer("borders", geom_type=ogr.wkbMultiLineString)
        with quiet_gdal():
            for number, geometry in enumerate(self.geometries, 1):
                feature = ogr.Feature(polygons.GetLayerDefn())
                feature.SetField("label", number)
                feature.SetGeometry(geometry)
                polygons.CreateFeature(feature)
                line = ogr.Feature(borders.GetLayerDefn())
                line.SetGeometry(geometry.GetBoundary())
                borders.CreateFeature(line)
            transform = (self.x0, cell, 0.0, self.y1, 0.0, -cell)
            labels = driver.Create("", self.columns, self.rows, 1, gdal.GDT_UInt32)
            labels.SetGeoTransform(transform)
            gdal.RasterizeLayer(labels, [1], polygons, options=["ATTRIBUTE=label"])
            edges = driver.Create("", self.columns, self.rows, 1, gdal.GDT_Byte)
            edges.SetGeoTransform(transform)
            gdal.RasterizeLayer(edges, [1], borders, burn_values=[1], options=["ALL_TOUCHED=TRUE"])
        self.labels = array("I")
        self.labels.frombytes(labels.GetRasterBand(1).ReadRaster())
        self.edges = edges.GetRasterBand(1).ReadRaster()
        labels = edges = memory = None
        # Bounding-box buckets for the exact tests.
        self.buckets = {}
        size = cell * BUCKET
        self._bucket_size = size
        for number, (x0, x1, y0, y1) in enumerate(self._envelopes):
            for bx in range(int((x0 - self.x0) // size), int((x1 - self.x0) // size) + 1):
                for by in range(int((self.y1 - y1) // size), int((self.y1 - y0) // size) + 1):
                    self.buckets.setdefault((bx, by), []).append(number)

    def mask(self, geometry):
        """A grid of this index's cells for ``geometry`` (a polygon): bytes, one per cell —
        2 the cell lies inside it as a whole, 0 outside as a whole, 1 its boundary crosses
        the cell (decide exactly)."""
        from osgeo import gdal, ogr

        driver = gdal.GetDriverByName("MEM")
        memory = ogr.GetDriverByName("Memory").CreateDataSource("mask")
        fill = memory.CreateLayer("fill", geom_type=ogr.wkbMultiPolygon)
        edge = memory.CreateLayer("edge", geom_type=ogr.wkbMultiLineString)
        with quiet_gdal():
            feature = ogr.Feature(fill.GetLayerDefn())
            feature.SetGeometry(geometry)
            fill.CreateFeature(feature)
            line = ogr.Feature(edge.GetLayerDefn())
            line.SetGeometry(geometry.GetBoundary())
            edge.CreateFeature(line)
            raster = driver.Create("", self.columns, self.rows, 1, gdal.GDT_Byte)
            raster.SetGeoTransform((self.x0, self.cell, 0.0, self.y1, 0.0, -self.cell))
            gdal.RasterizeLayer(raster, [1], fill, burn_values=[2])
            gdal.RasterizeLayer(raster, [1], edge, burn_values=[1], options=["ALL_TOUCHED=TRUE"])
            cells = raster.GetRasterBand(1).ReadRaster()
        raster = memory = None
        return cells

    def cell_of(self, x: float, y: float) -> int:
        """The grid cell of (x, y), -1 outside the grid."""
        column = int((x - self.x0) / self.cell)
        row = int((self.y1 - y) / self.cell)
        if column < 0 or row < 0 or column >= self.columns or row >= self.rows:
            return -1
        return row * self.columns + column

    def _candidates(self, minx, maxx, miny, maxy) -> set:
        size = self._bucket_size
        out = set()
        for bx in range(int((minx - self.x0) // size), int((maxx - self.x0) // size) + 1):
            for by in range(int((self.y1 - maxy) // size), int((self.y1 - miny) // size) + 1):
                out.update(self.buckets.get((bx, by), ()))
        envelopes = self._envelopes
        return {n for n in out if not (envelopes[n][1] < minx or envelopes[n][0] > maxx
                                       or envelopes[n][3] < miny or envelopes[n][2] > maxy)}

    # ------------------------------------------------------------------ queries
    def at_point(self, x: float, y: float) -> tuple:
        """Indexes of the communes the point (x, y) touches (two on a shared border)."""
        return self.at_points(((x, y),))[0]

    def at_points(self, points, cells: Optional[list] = None) -> list:
        """:meth:`at_point` of many (x, y), in one loop (100 000 points: a few tenths of
        a second); ``cells`` (a list) receives each point's grid cell (-1 off the grid)."""
        from osgeo import ogr

        x0, y1, cell_size, columns, rows = self.x0, self.y1, self.cell, self.columns, self.rows
        edges, labels = self.edges, self.labels
        candidates, tests = self._candidates, self._prepared
        probe = ogr.Geometry(ogr.wkbPoint)       # one point, moved to each position tested
        probe.AddPoint_2D(0.0, 0.0)
        out = []
        append = out.append
        keep = cells.append if cells is not None else None
        with self._queries, quiet_gdal():
            for x, y in points:
                column = int((x - x0) / cell_size)
                row = int((y1 - y) / cell_size)
                if column < 0 or row < 0 or column >= columns or row >= rows:
                    append(())
                    if keep is not None:
                        keep(-1)
                    continue
                cell = row * columns + column
                if keep is not None:
                    keep(cell)
                if edges[cell]:
                    probe.SetPoint_2D(0, x, y)
                    append(tuple(sorted(n for n in candidates(x, x, y, y) if tests[n].Intersects(probe))))
                else:
                    label = labels[cell]
                    append((label - 1,) if label else ())
        return out

    def touched_by(self, geometry) -> tuple:
        """Indexes of the communes an ogr.Geometry (in this index's CRS) touches."""
        minx, maxx, miny, maxy = geometry.GetEnvelope()
        with self._queries, quiet_gdal():
            return tuple(sorted(n for n in self._candidates(minx, maxx, miny, maxy)
                                if self._prepared[n].Intersects(geometry)))

    def touched_by_blob(self, blob) -> Optional[tuple]:
        """Indexes touched by a geometry blob; None when the blob holds no usable geometry."""
        xy = point_xy(blob)
        if xy is not None:
            return self.at_point(*xy)
        geometry = geometry_of(blob)
        if geometry is None:
            return None
        return self.touched_by(geometry)
