"""Where a change lies must not depend on what QGIS did before (issue 11).

On QGIS 3.22, when the worker threads that first used a CRS end (QgsTask threads do, after
30 s idle), QGIS can lose that CRS's PROJ object: a QgsCoordinateTransform between two
valid CRS then comes out invalid and *silently transforms nothing*. GeoGov built the
départements used for the territory check that way, so on a busy machine, after earlier
tasks, a Val-de-Marne edit was "outside the territory" of the cd94 (PermissionDenied,
« départements {} »). Territory work now uses GDAL's own transforms (territories/).

The test provokes QGIS's state in a child process (it lasts for the process: it must not
poison this one), then asks GeoGov where things lie.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent('''
    import json, threading
    from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem as Crs, QgsCoordinateTransform,
                           QgsCoordinateTransformContext, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer)
    app = QgsApplication([], False)
    app.initQgis()

    def qgis_transform_valid():
        return QgsCoordinateTransform(Crs("EPSG:4326"), Crs("EPSG:2154"),
                                      QgsCoordinateTransformContext()).isValid()

    broken, attempts = False, 0
    while not broken and attempts < 40:
        attempts += 1
        a_exit, b_ready, b_exit = threading.Event(), threading.Event(), threading.Event()
        def a():
            qgis_transform_valid(); a_exit.wait()
        def b():
            qgis_transform_valid(); b_ready.set(); b_exit.wait()
        ta = threading.Thread(target=a); ta.start()
        tb = threading.Thread(target=b); tb.start(); b_ready.wait()
        a_exit.set(); ta.join()
        qgis_transform_valid()
        b_exit.set(); tb.join()
        broken = not qgis_transform_valid()
        if not broken:
            QgsCoordinateTransform.invalidateCache()
            Crs.invalidateCache()

    from geogov.plugin.bridge.layer_description import extent_4326, layer_communes
    from geogov.plugin.territories.places import locate
    from geogov.plugin.territories.reference import load_reference
    from geogov.tests.support.territories import inserts, inside, point_wkb

    reference = load_reference()
    x, y = inside(reference, "94028")                       # Créteil
    placement = locate(inserts(point_wkb(x, y)), reference)
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "p", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
    layer.dataProvider().addFeatures([feature])
    layer.updateExtents()
    west, south, east, north = extent_4326(layer)
    print(json.dumps({"qgis_broken": broken, "attempts": attempts, "communes": placement.communes,
                      "layer_communes": layer_communes(layer, reference), "xy": [x, y],
                      "lon_lat": [west, south]}))
    del layer
    app.exitQgis()
''')


def test_places_do_not_depend_on_the_state_of_qgis_transforms(tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-3000:]
    found = json.loads(out.stdout.strip().splitlines()[-1])
    print("QGIS transform state broken in the child:", found["qgis_broken"], "after", found["attempts"],
          "attempt(s)")
    assert found["communes"] == ["94028"]
    assert found["layer_communes"] == ["94028"]
    from osgeo import osr

    lambert, wgs84 = osr.SpatialReference(), osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _z = osr.CoordinateTransformation(lambert, wgs84).TransformPoint(*found["xy"])
    assert abs(found["lon_lat"][0] - lon) < 1e-7 and abs(found["lon_lat"][1] - lat) < 1e-7
    assert 2.4 < lon < 2.5 and 48.7 < lat < 48.8           # Créteil, in degrees
