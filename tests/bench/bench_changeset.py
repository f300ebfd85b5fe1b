"""Change sets against QGIS's own ``native:detectvectorchanges``, same pair, same run.

For 100 000 and 1 000 000 point features (GeoPackage, EPSG:2154, fields int/text/real/
date) with about 1 % changes — a quarter each inserts, deletes, attribute edits and
moves — each contender runs in its own child process, so its peak memory is the child's
peak resident set size (VmHWM of /proc/self/status; it includes the Python interpreter
and, for every contender here, QGIS initialised with Processing: about 225 MiB before
anything is read). Times are wall-clock seconds of the diff alone, reading both layers
included, measured inside the child; each contender runs REPEAT times (fresh process
each time) and its best time is kept, since other work on the machine only adds noise.

Contenders:
- ``geogov``: bridge.features.changeset_between_layers on the two QgsVectorLayers: the
  GeoPackage fast path (SQLite rows sorted by key, streaming merge-join), per-field detail
  and fingerprints of touched base features;
- ``geogov via QgsFeatureRequest``: the same with the fast path disabled (the generic
  path every other provider takes), for information;
- ``detectvectorchanges``: native:detectvectorchanges with COMPARE_ATTRIBUTES = every
  field, in its default tolerant mode and in exact mode, ADDED and DELETED written to
  memory layers and the optional UNCHANGED output not written at all (the cheapest
  setting for it). The ratio is taken against the faster of its two modes.

Generated pairs are kept in build/bench/changeset/ and reused by later runs.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "build" / "bench" / "changeset"
SIZES = (100_000, 1_000_000)
TABLE = "points"
GOAL_RATIO = 0.5
GOAL_MEMORY_MIB = 1024
REPEAT = {100_000: 3, 1_000_000: 2}


# ---------------------------------------------------------------------------- data
def _gpkg_point(x, y):
    # GeoPackage blob: magic, version 0, flags = little-endian + no envelope, srs_id, WKB.
    return b"GP\x00\x01" + struct.pack("<i", 2154) + struct.pack("<BIdd", 1, 1, x, y)


def _create_empty(path):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer(TABLE, srs, ogr.wkbPoint, options=["SPATIAL_INDEX=NO", "FID=fid"])
    for name, kind in [("code", ogr.OFTInteger), ("nom", ogr.OFTString), ("valeur", ogr.OFTReal),
                       ("date_maj", ogr.OFTDate)]:
        layer.CreateField(ogr.FieldDefn(name, kind))
    ds = None


def _write(path, rows):
    _create_empty(path)
    with sqlite3.connect(path) as db:
        db.executemany(f"INSERT INTO {TABLE} (fid, geom, code, nom, valeur, date_maj) VALUES (?,?,?,?,?,?)",
                       ((fid, _gpkg_point(x, y), code, nom, valeur, date)
                        for fid, x, y, code, nom, valeur, date in rows))
    db.close()
    from osgeo import ogr

    ds = ogr.Open(str(path), update=1)
    ds.ExecuteSQL(f"SELECT CreateSpatialIndex('{TABLE}', 'geom')")
    ds = None


def make_pair(directory, size, seed=2154):
    """base.gpkg and edited.gpkg in ``directory`` and the changes made (counts by kind)."""
    directory = Path(directory)
    marker = directory / "made.json"
    if marker.exists():
        return json.loads(marker.read_text())
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    rng = random.Random(seed)
    names = ["Paris", "Créteil", "Évry-Courcouronnes", "Saint-Denis", "Nanterre", "Melun", "Versailles"]
    base = [(fid, round(rng.uniform(600000, 700000), 2), round(rng.uniform(6800000, 6900000), 2),
             rng.randrange(1000), f"{rng.choice(names)} {fid}", round(rng.uniform(0, 500), 3),
             f"20{rng.randrange(10, 25)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}")
            for fid in range(1, size + 1)]
    _write(directory / "base.gpkg", base)
    quarter = size // 400                       # 4 kinds x size/400 = 1 % of the features
    touched = rng.sample(range(size), 3 * quarter)
    deleted = set(touched[:quarter])
    edited_attr = set(touched[quarter:2 * quarter])
    moved = set(touched[2 * quarter:])
    edited = []
    for index, (fid, x, y, code, nom, valeur, date) in enumerate(base):
        if index in deleted:
            continue
        if index in edited_attr:
            if index % 2:
                code, valeur = code + 1, round(valeur * 1.1, 3)
            else:
                nom = nom + " (modifié)"
                date = "2025-06-30"
        if index in moved:
            x, y = x + rng.uniform(0.5, 5), y - rng.uniform(0.5, 5)
        edited.append((fid, x, y, code, nom, valeur, date))
    for fid in range(size + 1, size + 1 + quarter):
        edited.append((fid, rng.uniform(600000, 700000), rng.uniform(6800000, 6900000), 1, f"nouveau {fid}",
                       1.0, "2025-07-01"))
    _write(directory / "edited.gpkg", edited)
    made = {"size": size, "insert": quarter, "delete": quarter, "update": 2 * quarter}
    marker.write_text(json.dumps(made))
    return made


# ---------------------------------------------------------------------------- children
def _memory_mib(name):
    """VmHWM (peak) or VmRSS (now) of this process, from /proc: unlike ru_maxrss, VmHWM
    starts afresh at exec (ru_maxrss keeps the parent's peak from before the fork)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(name + ":"):
                return int(line.split()[1]) / 1024.0
    raise RuntimeError(f"no {name} in /proc/self/status")


def child(mode, directory):
    """Runs in a fresh process: QGIS + Processing initialised, then one contender timed."""
    import time

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    base_path = str(Path(directory) / "base.gpkg")
    edited_path = str(Path(directory) / "edited.gpkg")
    base = QgsVectorLayer(f"{base_path}|layername={TABLE}", "base", "ogr")
    edited = QgsVectorLayer(f"{edited_path}|layername={TABLE}", "edited", "ogr")
    result = {"mode": mode, "rss_before_mib": _memory_mib("VmRSS")}
    started = time.perf_counter()
    if mode.startswith("geogov"):
        from geogov.plugin.bridge import features

        cs = features.changeset_between_layers(base, edited, fast_path=(mode == "geogov"))
        result["counts"] = cs.counts()
        result["fingerprints"] = sum(1 for c in cs.changes if c.base_fingerprint)
        result["detail"] = sum(len(c.changed_fields) for c in cs.changes)
    else:
        from qgis.core import QgsProcessingContext, QgsProcessingFeedback

        # The algorithm itself rather than processing.run(): processing.run() cannot leave
        # the optional UNCHANGED sink unwritten (it fails loading a None result).
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("native:detectvectorchanges")
        context = QgsProcessingContext()
        out, ok = algorithm.run({
            "ORIGINAL": base, "REVISED": edited,
            "COMPARE_ATTRIBUTES": [f.name() for f in base.fields()],
            "MATCH_TYPE": 1 if mode == "native-tolerant" else 0,
            "UNCHANGED": None, "ADDED": "memory:", "DELETED": "memory:"}, context, QgsProcessingFeedback())
        if not ok:
            raise RuntimeError("native:detectvectorchanges failed")
        result["counts"] = {"unchanged": out["UNCHANGED_COUNT"], "added": out["ADDED_COUNT"],
                            "deleted": out["DELETED_COUNT"]}
        out = context = None
    result["seconds"] = time.perf_counter() - started
    result["peak_rss_mib"] = _memory_mib("VmHWM")
    base = edited = None
    print("RESULT " + json.dumps(result), flush=True)
    app.exitQgis()


def _best_of(mode, directory, times):
    """The fastest of ``times`` runs, with the highest peak memory seen in any of them."""
    runs = [_run_child(mode, directory) for _ in range(times)]
    best = min(runs, key=lambda r: r["seconds"])
    return dict(best, peak_rss_mib=max(r["peak_rss_mib"] for r in runs))


def _make_pair_in_child(directory, size):
    """Generate in a child process: the million rows it builds never inflate this one."""
    env = _child_env()
    code = (f"import json; from geogov.tests.bench.bench_changeset import make_pair; "
            f"print('MADE ' + json.dumps(make_pair({str(directory)!r}, {size})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=3600)
    for line in done.stdout.splitlines():
        if line.startswith("MADE "):
            return json.loads(line[len("MADE "):])
    raise RuntimeError(f"generating the {size} pair failed: {done.stderr[-2000:]}")


def _child_env():
    # /usr/bin first: QGIS started under pyenv's PATH loads the wrong standard library.
    return dict(os.environ, QT_QPA_PLATFORM="offscreen",
                PYTHONPATH=str(ROOT / "build" / "py") + os.pathsep + os.environ.get("PYTHONPATH", ""),
                PATH="/usr/bin:/bin:" + os.environ.get("PATH", ""))


def _run_child(mode, directory):
    env = _child_env()
    code = f"from geogov.tests.bench.bench_changeset import child; child({mode!r}, {str(directory)!r})"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          timeout=3600)
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT "):])
    raise RuntimeError(f"{mode} child failed (rc {done.returncode}): {done.stderr[-2000:]}")


# ---------------------------------------------------------------------------- bench
def run(report, sizes=SIZES, with_generic=True):
    for size in sizes:
        directory = DATA / str(size)
        made = _make_pair_in_child(directory, size)
        label = f"{size // 1000}k" if size < 1_000_000 else f"{size // 1_000_000}M"
        times = REPEAT.get(size, 1)
        ours = _best_of("geogov", directory, times)
        expected = {"insert": made["insert"], "update": made["update"], "delete": made["delete"]}
        if ours["counts"] != expected:
            raise AssertionError(f"change set found {ours['counts']}, the generator made {expected}")
        natives = [_best_of(mode, directory, times) for mode in ("native-tolerant", "native-exact")]
        for native in natives:
            # A modified feature is deleted + added for it: check it saw the same pair.
            if native["counts"]["added"] != made["insert"] + made["update"] or \
                    native["counts"]["deleted"] != made["delete"] + made["update"]:
                raise AssertionError(f"{native['mode']} found {native['counts']}, expected {made}")
            name = f"detectvectorchanges {native['mode'][7:]} {label}"
            report(f"{name}: time", native["seconds"], "s")
            report(f"{name}: peak RSS", native["peak_rss_mib"], "MiB")
        fastest = min(natives, key=lambda n: n["seconds"])
        baseline = f"detectvectorchanges {fastest['mode'][7:]} {fastest['seconds']:.2f} s"
        report(f"geogov change set {label}: time", ours["seconds"], "s", baseline=baseline,
               ratio=ours["seconds"] / fastest["seconds"], goal=f"<= {GOAL_RATIO}x")
        report(f"geogov change set {label}: peak RSS (QGIS included)", ours["peak_rss_mib"], "MiB",
               goal=f"< {GOAL_MEMORY_MIB} MiB")
        report(f"geogov change set {label}: peak RSS growth during the diff",
               ours["peak_rss_mib"] - ours["rss_before_mib"], "MiB")
        report(f"geogov change set {label}: changes / fields detailed / fingerprints",
               sum(ours["counts"].values()), f"changes, {ours['detail']} fields, {ours['fingerprints']} fp")
        if with_generic:
            generic = _best_of("geogov-generic", directory, times)
            report(f"geogov via QgsFeatureRequest {label}: time", generic["seconds"], "s",
                   baseline=baseline, ratio=generic["seconds"] / fastest["seconds"])
            report(f"geogov via QgsFeatureRequest {label}: peak RSS", generic["peak_rss_mib"], "MiB")


if __name__ == "__main__":
    # python tests/bench/bench_changeset.py [size ...]: this bench alone.
    from geogov.tests.bench.__main__ import report as _report

    run(_report, sizes=[int(s) for s in sys.argv[1:]] or SIZES)
