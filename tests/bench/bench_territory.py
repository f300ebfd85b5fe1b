"""The territory check at commune precision, against QGIS's own ``native:extractbylocation``
and PostGIS's bare spatial join, in the same run.

- **100 000 changed points** and **10 000 changed lines** (inserts in Lambert-93, drawn at
  random over the Val-de-Marne's bounding box: about 40 % fall outside the 94):
  territories/places.py ``locate`` — every commune each change touches (routing) and the
  cd94's territory check — against QGIS doing the same job on memory layers built before
  the clock starts: ``native:joinattributesbylocation`` of the changes with the 1 266
  communes (which communes) plus ``native:extractbylocation`` "within" the cd94's union
  (inside or not). The ratio against ``extractbylocation`` alone, which does only the
  second half, is printed too. Best of 3 each. Goal for points: under 2 s, and no slower
  than the baseline. GeoGov's index is built once per process (reported apart).
- **Store-side routing of a 10 000-change proposal**: the PostgreSQL submit (the
  ``proposals_25_places`` trigger: places, territory, steward groups) against the bare
  ``ST_Intersects`` join of the same change rows with ``geogov.communes``.
- **Border error** of the shipped reference (needs ../shared/data): its départements, as
  unions of communes, against the independently generalised département outlines of the
  same IGN source, sampled every 20 m (resources/territories/README.md quotes it).
"""

from __future__ import annotations

import os
import random
import struct
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("GEOGOV_SHARED_DATA", ROOT.parent / "shared" / "data"))
POINTS, LINES, ROUTED = 100_000, 10_000, 10_000
SEED = 20261207


def _point(x, y):
    return struct.pack("<BIdd", 1, 1, x, y)


def _line(points):
    return struct.pack("<BII", 1, 2, len(points)) + b"".join(struct.pack("<dd", x, y) for x, y in points)


def _features(reference, count, kind):
    from osgeo import ogr

    union = ogr.CreateGeometryFromWkb(reference.departement_geometry("94"))
    minx, maxx, miny, maxy = union.GetEnvelope()
    rnd = random.Random(SEED + (kind == "line"))
    out = []
    for _ in range(count):
        x, y = rnd.uniform(minx, maxx), rnd.uniform(miny, maxy)
        if kind == "point":
            out.append(((x, y),))
        else:
            pts = [(x, y)]
            for _step in range(rnd.randint(2, 5)):
                x, y = x + rnd.uniform(-300, 300), y + rnd.uniform(-300, 300)
                pts.append((x, y))
            out.append(tuple(pts))
    return out


def _changeset(features, kind):
    from geogov.tests.support.territories import inserts

    blobs = [_point(*f[0]) if kind == "point" else _line(f) for f in features]
    return inserts(*blobs, geometry_type="Point" if kind == "point" else "LineString")


def _memory_layers(reference, features, kind, territory_codes):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    crs = "EPSG:2154"
    layer = QgsVectorLayer(f"{'Point' if kind == 'point' else 'LineString'}?crs={crs}", "changes", "memory")
    qfeatures = []
    for f in features:
        feature = QgsFeature()
        if kind == "point":
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*f[0])))
        else:
            feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in f]))
        qfeatures.append(feature)
    layer.dataProvider().addFeatures(qfeatures)
    # The territory as one polygon (the union of its communes), as GeoGov judges it.
    from geogov.plugin.territories.places import grown_area

    area = QgsVectorLayer(f"MultiPolygon?crs={crs}", "territory", "memory")
    feature = QgsFeature()
    geometry = QgsGeometry()
    geometry.fromWkb(bytes(grown_area(reference, territory_codes, None, 0.0).ExportToIsoWkb()))
    feature.setGeometry(geometry)
    area.dataProvider().addFeatures([feature])
    return layer, area


def _best(run, repeat=3):
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        spent = time.perf_counter() - started
        best = spent if best is None or spent < best else best
    return best, result


def _check(report, reference, kind, count, goal=None):
    import processing
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    from geogov.plugin.territories.places import TerritorySet, locate

    cd94 = frozenset(reference.departement_communes("94"))
    features = _features(reference, count, kind)
    changes = _changeset(features, kind)
    ours, placement = _best(lambda: locate(changes, reference, TerritorySet(communes=cd94)))
    layer, area = _memory_layers(reference, features, kind, sorted(cd94))
    communes = QgsVectorLayer("MultiPolygon?crs=EPSG:2154&field=code:string", "communes", "memory")
    rows = []
    for code, blob in reference.geometries.items():
        feature = QgsFeature(communes.fields())
        geometry = QgsGeometry()
        geometry.fromWkb(blob)
        feature.setGeometry(geometry)
        feature.setAttributes([code])
        rows.append(feature)
    communes.dataProvider().addFeatures(rows)
    within, result = _best(lambda: processing.run("native:extractbylocation", {
        "INPUT": layer, "PREDICATE": [6], "INTERSECT": area, "OUTPUT": "memory:"}))
    inside_qgis = result["OUTPUT"].featureCount()
    joined, _result = _best(lambda: processing.run("native:joinattributesbylocation", {
        "INPUT": layer, "JOIN": communes, "PREDICATE": [0], "METHOD": 0, "DISCARD_NONMATCHING": False,
        "OUTPUT": "memory:"}))
    same_job = within + joined
    label = f"{count:,}".replace(",", " ")
    report(f"territory check, {label} changed {kind}s (communes + cd94 territory)", ours, "s",
           baseline=f"QGIS, the same job: joinattributesbylocation (communes) {joined:.3f} s + "
                    f"extractbylocation (territory) {within:.3f} s", ratio=ours / same_job, goal=goal)
    report("  against native:extractbylocation alone (the territory half only)", ours / within, "x")
    report(f"  of which outside the cd94 (QGIS, not within the union: {count - inside_qgis})",
           len(placement.outside), "changes")


def _border_error(report, reference):
    from osgeo import ogr, osr

    source = ogr.Open(str(SHARED / "idf" / "france-geojson__departements-idf.geojson"))
    wgs84, lambert = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    lambert.ImportFromEPSG(2154)
    for srs in (wgs84, lambert):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(wgs84, lambert)
    distances = []

    def vertices(geometry):
        if geometry.GetGeometryCount():
            for i in range(geometry.GetGeometryCount()):
                yield from vertices(geometry.GetGeometryRef(i))
        else:
            for i in range(geometry.GetPointCount()):
                yield geometry.GetPoint_2D(i)

    for feature in source.GetLayer(0):
        outline = feature.GetGeometryRef().Clone()
        outline.Transform(transform)
        theirs = outline.GetBoundary()
        code = feature.GetField("code")
        ours = ogr.CreateGeometryFromWkb(reference.departement_geometry(code)).GetBoundary()
        ours.Segmentize(20)
        for x, y in vertices(ours):
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(x, y)
            distances.append(point.Distance(theirs))
    distances.sort()
    n = len(distances)
    report(f"border error vs another generalisation, p95 ({n} points every 20 m)",
           distances[int(n * .95)], "m")
    report("border error, p99", distances[int(n * .99)], "m")
    report("border error, max", distances[-1], "m")


def _routing(report):
    import tempfile

    from geogov.plugin.proposals.model import Proposal
    from geogov.plugin.proposals.stores.postgres.store import PostgresStore
    from geogov.tests.support import store_fixtures as F  # noqa: N812
    from geogov.tests.support.postgres import PostgresCluster
    from geogov.tests.support.territories import inserts

    reference = F.load_reference()
    folder = Path(tempfile.mkdtemp(prefix="geogov-bench-routing-"))
    cluster = PostgresCluster(folder)
    cluster.start()
    try:
        F.proposal_database(cluster, "bench")
        rnd = random.Random(SEED)
        communes = reference.departement_communes("94")
        points = []
        index = reference.index()
        while len(points) < ROUTED:
            code = rnd.choice(communes)
            minx, maxx, miny, maxy = index.geometries[index.codes.index(code)].GetEnvelope()
            x, y = rnd.uniform(minx, maxx), rnd.uniform(miny, maxy)
            if code in [index.codes[n] for n in index.at_point(x, y)]:
                points.append(_point(x, y))
        changes = inserts(*points)
        with PostgresStore(cluster.dsn("bench", "tech94", F.PASSWORD)) as store:
            draft = store.create_draft(Proposal(id=None, dataset=F.CYCLABLE,
                                                target=F.proposal_target(F.CYCLABLE),
                                                author="", partner="", title="bench", changeset=changes))
            started = time.perf_counter()
            submitted = store.submit(draft.id, draft.version)
            ours = time.perf_counter() - started
        conn = cluster.connect("bench", "tech94", F.PASSWORD)
        try:
            with conn.cursor() as cur:
                started = time.perf_counter()
                cur.execute("SELECT count(DISTINCT m.code) FROM geogov.proposal_changes c "
                            "JOIN geogov.communes m ON ST_Intersects(m.geom, c.new_geom) "
                            "WHERE c.proposal_id = %s",
                            (submitted.id,))
                touched = cur.fetchone()[0]
                baseline = time.perf_counter() - started
        finally:
            conn.close()
        assert touched == len(submitted.communes), (touched, len(submitted.communes))
        report("store-side routing at submit, 10 000 changes (PostgreSQL)", ours, "s",
               baseline=f"bare ST_Intersects join {baseline:.3f} s", ratio=ours / baseline)
    finally:
        cluster.stop()


def run(report):
    from geogov.plugin.territories.reference import load_reference

    reference = load_reference()
    started = time.perf_counter()
    reference.index()
    report("commune index of the Île-de-France reference, built once", time.perf_counter() - started, "s")
    _check(report, reference, "point", POINTS, goal="< 2 s and <= 1x")
    _check(report, reference, "line", LINES)
    _routing(report)
    if SHARED.is_dir():
        _border_error(report, reference)
    else:
        print(f"  border error: skipped, no {SHARED}")
