"""A 1 000, 10 000 and 100 000-change proposal end to end, on the plugin's own paths.

Measured on this 2-core machine shared with other helpers, one run (2026-12-07), main at
fccef29 (before any change of this branch); seconds, peak RSS − RSS at the step's start:

                              1 000            10 000            100 000     goal
  compute (edit buffer)       0.05 s   +3      0.69 s  +22       7.93 s +243
  validate (territory)        0.16 s  +32      0.25 s  +30       2.18 s  +22
  GeoPackage draft + submit   0.14 s           0.54 s            4.68 s        10 s  (raw INSERT 0.98 s)
  PostgreSQL draft + submit   0.30 s           2.37 s           24.76 s        10 s  (raw INSERT 23.29 s)
  GeoPackage review open      0.27 s  +23      1.54 s  +82      13.61 s +606    3 s
  PostgreSQL review open      0.20 s  +16      1.25 s  +53      12.91 s +421    3 s
  apply to PostGIS            0.10 s           0.92 s            8.89 s
  process peak RSS            275 MiB          369 MiB          1321 MiB     1024 MiB

Growth per 10× (time): 10k→100k between 8.6× and 11.5× for every step — linear, no
step is super-linear; 1k→10k smaller (fixed costs), compute 13.7×. The 100 000 review
open splits as detail load 2.07 s (PostgreSQL 3.82 s), map diff layers 5.37 s (3.99),
attribute diff + table model 4.24 s (3.58), first map drawn 0.92 s (0.79). The
PostgreSQL save is at its floor (0.91× the raw INSERT of the same rows as the same login,
triggers included: ~230 µs a row in the database itself), so it cannot meet 10 s from
the client side.

After this branch's diff_layers change (converters chosen once per field, dates converted
once per distinct value, attributes set as one list, bounding boxes combined instead of
geometries, features added 5 000 at a time), measured on the 100 000 proposal of the run
above read back from its GeoPackage store, same process and machine, before/after the
change in turn (not yet through this bench): build_map_diff 4.91 → 3.65 s,
build_attribute_diff 3.14 → 2.05 s, attribute table model 0.53 → 0.23 s; get_proposal
1.70 → 1.62 s (the scalar fast path in serialization; JSON parsing dominates).

The layer: the demo's ``eclairage_public`` street lights of the 94 (EPSG:2154,
bench_store.street_lights), written to a GeoPackage (bench_apply.write_lights_gpkg) that
the convention of tests/support/store_fixtures.py names as the dataset's target, and
the same rows to a PostGIS table. The proposal of N changes: 40 % attribute edits, 30 %
moves of a few metres (a quarter also change state), 15 % inserts, 15 % deletes, made in
the layer's edit buffer (QgsVectorLayer.changeAttributeValues / changeGeometry /
addFeatures / deleteFeatures), plus N / 10 features left alone. tech94 (cd94) proposes,
steward_sipperec reviews, both as real logins.

Steps, each timed whole (wall clock) on the plugin's functions:

- compute: propose.collect_edit_buffer + propose.compute (the edit-buffer diff);
- validate: propose.prepare on the computed changes (territory placement and the
  proposer's territory, validation, the GeoPackage target's constraints);
- submit, per store (GeoPackage, PostgreSQL): save draft (propose_store.save_draft, what
  the propose task does) then propose_store.update_and_submit (the Submit button: the
  same change set saved again, then submitted). Goal 10 s for the two together; baseline:
  the raw INSERT of the same rows (bench_store's floors: sqlite3 executemany /
  psycopg2 execute_values as the same login, triggers included);
- review open, per store, as the steward: review.load_detail (the detail task), then
  what the review dock builds on the main thread: diff_layers.build_map_diff (the two
  map layers), diff_layers.build_attribute_diff and the attribute table's model
  (QgsVectorLayerCache + QgsAttributeTableModel.loadLayer), and the first map drawn
  (QgsMapRendererParallelJob, 1280×800, the two diff layers, offscreen). Goal 3 s;
- apply to PostGIS: publishing.apply.apply_changeset on the approved proposal's change
  set as the PostgreSQL store returned it (conflict check, writes, verification, one
  transaction).

Memory: peak resident set size of the step (VmHWM of /proc/self/status, reset before
each step by writing 5 to /proc/self/clear_refs) minus the RSS when the step began; and
the process's peak itself (QGIS, the layer and its edit buffer included) against the
1 GiB goal. RSS rather than tracemalloc: much of what these steps allocate is C++
(QGIS memory layers and features, GEOS, libpq and SQLite buffers) that tracemalloc never
sees, and tracemalloc would slow the Python steps several-fold. Each size runs in its own
child process (bench_changeset's), so no size inherits another's heap; an RSS delta can
still under-count memory that a step re-used from an earlier step's freed heap.

Growth: for each step, the time and the memory delta of 10 000 over 1 000 and of 100 000
over 10 000 (10.0 is linear).
"""

from __future__ import annotations

import copy
import gc
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "build" / "bench" / "big_proposal"
SIZES = (1_000, 10_000, 100_000)
TABLE = "eclairage_public"
GOAL_SUBMIT_S = 10.0
GOAL_REVIEW_S = 3.0
GOAL_PEAK_MIB = 1024.0
MAP_SIZE = (1280, 800)


def mix(size: int) -> dict:
    edits, moves, inserts = size * 4 // 10, size * 3 // 10, size * 15 // 100
    return {"edits": edits, "moves": moves, "inserts": inserts, "deletes": size - edits - moves - inserts,
            "untouched": size // 10}


# ---------------------------------------------------------------------------- memory
def _status(name: str) -> float:
    from geogov.tests.bench.bench_changeset import _memory_mib

    return _memory_mib(name)


class _Steps:
    """Each step timed, with its peak RSS (VmHWM reset before it) and the RSS it began at."""

    def __init__(self):
        self.results = {}

    def run(self, name: str, function, *args, **kwargs):
        gc.collect()
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")           # resets VmHWM to the current RSS (Linux ≥ 4.0)
        before = _status("VmRSS")
        started = time.perf_counter()
        value = function(*args, **kwargs)
        seconds = time.perf_counter() - started
        peak = _status("VmHWM")
        self.results[name] = {"seconds": seconds, "peak_mib": peak, "delta_mib": peak - before}
        print(f"    {name}: {seconds:.2f} s, peak {peak:.0f} MiB (+{peak - before:.0f})", flush=True)
        return value


# ---------------------------------------------------------------------------- child: data
def _edited_layer(path: Path, base, new, plan):
    """The GeoPackage layer in edit mode with the proposal's edits in its edit buffer."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    from geogov.plugin.bridge.propose_reload import qt_value
    from geogov.tests.bench.bench_store import edit_street_light

    layer = QgsVectorLayer(f"{path}|layername={TABLE}", TABLE, "ogr")
    assert layer.isValid(), path
    assert layer.startEditing()
    fields = layer.fields()
    touched = plan["edits"] + plan["moves"]
    for n, feature in enumerate(base[:touched]):
        edited = copy.deepcopy(feature)
        edit_street_light(edited, n, plan["edits"])
        fid = feature.attributes["fid"]
        values = {fields.indexOf(k): qt_value(v) for k, v in edited.attributes.items()
                  if v != feature.attributes[k]}
        if values:
            assert layer.changeAttributeValues(fid, values)
        if edited.geometry != feature.geometry:
            geometry = QgsGeometry()
            geometry.fromWkb(edited.geometry)
            assert layer.changeGeometry(fid, geometry)
    assert layer.deleteFeatures([f.attributes["fid"] for f in base[touched:touched + plan["deletes"]]])
    added = []
    for feature in new:
        qgs = QgsFeature(fields)
        for name, value in feature.attributes.items():
            if name != "fid":
                qgs[name] = qt_value(value)
        geometry = QgsGeometry()
        geometry.fromWkb(feature.geometry)
        qgs.setGeometry(geometry)
        added.append(qgs)
    assert layer.addFeatures(added)
    return layer


# ---------------------------------------------------------------------------- child: steps
def _review_open(settings, proposal_id: str, convention) -> dict:
    """What the review dock does when the steward selects the proposal: its detail task
    (review.open_detail: the proposal read, its map diff layers built, off the main thread
    in the dock), then on the main thread the layers added to the project and the first
    map drawn. The attribute diff is not built until its tab opens (:func:`_attributes_tab`)."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsMapRendererParallelJob,
        QgsMapSettings,
        QgsProject,
    )
    from qgis.PyQt.QtCore import QSize

    from geogov.plugin.bridge.review import open_detail

    parts = {}
    timings = {}
    opened = open_detail(settings, proposal_id, convention, timings=timings)
    parts["detail task: read"] = timings["read"]
    parts["detail task: map diff layers"] = timings["map diff"]
    assert opened.map_error is None, opened.map_error
    diff = opened.map_diff
    mark = time.perf_counter()
    project = QgsProject.instance()
    for layer in diff.layers:
        project.addMapLayer(layer, False)
    settings_map = QgsMapSettings()
    settings_map.setLayers(diff.layers)
    settings_map.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    extent = diff.after.extent()
    extent.combineExtentWith(diff.before.extent())
    settings_map.setOutputSize(QSize(*MAP_SIZE))
    settings_map.setExtent(extent.buffered(extent.width() * 0.02))
    job = QgsMapRendererParallelJob(settings_map)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    parts["main thread: layers added, first map drawn"] = time.perf_counter() - mark
    assert not image.isNull()
    features = diff.after.featureCount() + diff.before.featureCount()
    project.removeMapLayers([layer.id() for layer in diff.layers])
    del job, diff
    return {"parts": parts, "proposal": opened.detail.proposal, "diff_features": features}


def _attributes_tab(proposal) -> int:
    """The steward opens the Attributes tab (ui/attribute_diff.py): the attribute diff
    layer and QGIS's attribute table model over it."""
    from qgis.core import QgsVectorLayerCache
    from qgis.gui import QgsAttributeTableModel

    from geogov.plugin.bridge.diff_layers import build_attribute_diff
    from geogov.ui.attribute_diff import CACHE_SIZE

    table = build_attribute_diff(proposal.changeset, proposal.title)
    cache = QgsVectorLayerCache(table, CACHE_SIZE)
    model = QgsAttributeTableModel(cache)
    model.loadLayer()
    rows = model.rowCount()
    assert rows == len(proposal.changeset.changes), (rows, len(proposal.changeset.changes))
    del model, cache, table
    return rows


def child(size: int, directory: str, pg: dict) -> None:
    """Runs in a fresh process: QGIS initialised, one size through every step."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    try:
        result = _child_steps(size, Path(directory), pg)
    except BaseException:       # noqa: BLE001 - said, then out without QGIS's exit (its layers live on)
        import traceback

        traceback.print_exc()
        sys.stderr.flush()
        os._exit(1)
    print("RESULT " + json.dumps(result), flush=True)
    gc.collect()
    app.exitQgis()


def _child_steps(size: int, directory: Path, pg: dict) -> dict:
    import types

    import psycopg2

    from geogov.plugin.bridge import propose, propose_store
    from geogov.plugin.bridge.settings import Settings
    from geogov.plugin.proposals.model import Target
    from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
    from geogov.plugin.publishing.apply import apply_changeset
    from geogov.tests.bench import bench_store
    from geogov.tests.bench.bench_apply import postgis_lights_table, write_lights_gpkg
    from geogov.tests.support import store_fixtures as F  # noqa: N812

    plan = mix(size)
    began = time.perf_counter()
    base, new = bench_store.street_lights(plan["edits"] + plan["moves"] + plan["deletes"] + plan["untouched"],
                                          plan["inserts"])
    layer_path = directory / f"{TABLE}.gpkg"
    write_lights_gpkg(layer_path, TABLE, base)
    target_conn = psycopg2.connect(pg["target"])
    postgis_lights_table(target_conn, TABLE, base)
    target_conn.close()
    layer = _edited_layer(layer_path, base, new, plan)
    del base, new
    convention = F.convention("gpkg")
    store_path = directory / "proposals.gpkg"
    with GeoPackageStore(store_path, "coord_region") as admin:
        admin.sync_convention(convention)
    print(f"  {size} changes: data and edit buffer made in {time.perf_counter() - began:.1f} s "
          f"(RSS {_status('VmRSS'):.0f} MiB)", flush=True)

    steps = _Steps()
    out = {"size": size, "extra": {}}

    def compute(edited):
        source = propose.collect_edit_buffer(edited, convention, F.ECLAIRAGE)
        return source, propose.compute(source)

    source, changes = steps.run("compute", compute, layer)
    counts = changes.counts()
    expected = {"insert": plan["inserts"], "update": plan["edits"] + plan["moves"], "delete": plan["deletes"]}
    assert counts == expected, (counts, expected)
    author = {"gpkg": Settings(store_kind="gpkg", store_path=str(store_path),
                               identity_login=bench_store.AUTHOR, identity_partner="cd94"),
              "postgres": Settings(store_kind="postgres", store_dsn=pg["author"])}
    steward = {"gpkg": Settings(store_kind="gpkg", store_path=str(store_path),
                                identity_login=bench_store.STEWARD, identity_partner="sipperec"),
               "postgres": Settings(store_kind="postgres", store_dsn=pg["steward"])}
    store = propose_store.open_store(author["gpkg"], create=True)
    identity, _ = propose_store.identity_of(store, author["gpkg"], convention)
    store.close()
    computed = types.SimpleNamespace(all_changes=changes, feature_ids=source.rows.feature_ids)
    prepared = steps.run("validate", propose.prepare, source, convention, identity, computed=computed)
    out["extra"]["communes"] = len(prepared.placement.communes)
    assert not prepared.problems, [(p.code, p.key, p.params) for p in prepared.problems[:5]]
    # The edit buffer dropped without undoing its 100 000 commands one by one (QGIS 3.22
    # builds a feature source, CRS WKT export included, for each undone attribute change:
    # minutes, not timed, but they made a run wait).
    layer.undoStack().clear()
    layer.rollBack()
    del layer, source
    title = f"Relevé éclairage, {size} changements"
    comment = "Relevé de terrain : puissances, états, déplacements, poses et déposes."

    for kind in ("gpkg", "postgres"):
        def save(kind=kind):
            store = propose_store.open_store(author[kind], create=True)
            try:
                return propose_store.save_draft(store, propose_store.proposal_from(prepared, title, comment))
            finally:
                store.close()

        draft = steps.run(f"{kind}: save draft", save)
        proposal = propose_store.proposal_from(prepared, title, comment, proposal_id=draft.id)
        outcome = steps.run(f"{kind}: submit", propose_store.update_and_submit, author[kind], None, proposal,
                            True)
        assert outcome.proposal.status == "submitted", outcome.proposal.status
        opened = steps.run(f"{kind}: review open", _review_open, steward[kind], draft.id, convention)
        out["extra"][f"{kind}: review parts"] = opened["parts"]
        out["extra"]["diff features"] = opened["diff_features"]
        reviewed = opened.pop("proposal")
        assert len(reviewed.changeset.changes) == size
        steps.run(f"{kind}: attributes tab opened", _attributes_tab, reviewed)
        del opened
        if kind == "postgres":
            store = propose_store.open_store(steward[kind])
            try:
                store.review(draft.id, "approve", expected_version=reviewed.version)
            finally:
                store.close()
            target = Target("postgis", pg["target"], f"public.{TABLE}")
            result = steps.run("postgres: apply to PostGIS", apply_changeset, reviewed.changeset, target)
            assert result.status == "applied", result.message()
            out["extra"]["apply steps"] = _breakdown(result)
        del reviewed
    floors = bench_store._times()
    floor_proposal = propose_store.proposal_from(prepared, title, comment)
    bench_store._gpkg_floors(store_path, floor_proposal, floors)
    out["extra"]["gpkg: raw insert"] = floors["save draft"][0]
    floors = bench_store._times()
    raw = [psycopg2.connect(pg[login]) for login in ("author", "steward")]
    try:
        bench_store._pg_floors(*raw, floor_proposal, floors)
    finally:
        for conn in raw:
            conn.close()
    out["extra"]["postgres: raw insert"] = floors["save draft"][0]
    out["steps"] = steps.results
    out["process_peak_mib"] = max(r["peak_mib"] for r in steps.results.values())
    return out


def _breakdown(result) -> dict:
    parts = {}
    for step in result.steps:
        parts[step.name] = parts.get(step.name, 0.0) + step.seconds
    return parts


# ---------------------------------------------------------------------------- parent
def _run_child(size: int, directory: Path, pg: dict) -> dict:
    from geogov.tests.bench.bench_changeset import _child_env

    code = (f"from geogov.tests.bench.bench_big_proposal import child; "
            f"child({size}, {str(directory)!r}, {pg!r})")
    done = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            env=_child_env())
    result = None
    for line in done.stdout:
        if line.startswith("RESULT "):
            result = json.loads(line[len("RESULT "):])
        else:
            print(line, end="", flush=True)
    done.stdout.close()
    if done.wait(timeout=3600) != 0 or result is None:
        raise RuntimeError(f"the {size}-change child failed (rc {done.returncode})")
    return result


def _databases(cluster, size: int) -> dict:
    from geogov.tests.support import store_fixtures as F  # noqa: N812

    db = f"big_{size}"
    F.proposal_database(cluster, db, synced=F.convention("gpkg"))
    return {"author": cluster.dsn(db, "tech94", F.PASSWORD), "steward": cluster.dsn(db, "steward_sipperec",
                                                                                     F.PASSWORD),
            "target": cluster.create_database(f"target_{size}")}


def _goal(name: str) -> str:
    if name.endswith("review open"):
        return f"<= {GOAL_REVIEW_S:.0f} s"
    return ""


def run(report, sizes=None):
    from geogov.tests.support.postgres import PostgresCluster

    # BIG_PROPOSAL_SIZES=100000 (comma-separated) runs only those sizes; the growth
    # rows need at least two.
    sizes = sizes or [int(s) for s in os.environ.get("BIG_PROPOSAL_SIZES", "").split(",") if s] or SIZES

    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True)
    cluster = PostgresCluster(WORK / "postgres")
    cluster.start()
    results = []
    try:
        for size in sizes:
            directory = WORK / str(size)
            directory.mkdir()
            results.append(_run_child(size, directory, _databases(cluster, size)))
    finally:
        cluster.stop()
    for result in results:
        _report_size(report, result)
    _report_growth(report, results)


def _report_size(report, result: dict) -> None:
    size, steps, extra = result["size"], result["steps"], result["extra"]
    label = f"{size // 1000}k"
    for name, step in steps.items():
        baseline = None
        ratio = None
        kind = name.split(":")[0]
        if name.endswith("save draft"):
            floor = extra[f"{kind}: raw insert"]
            baseline, ratio = f"raw INSERT of the rows {floor:.2f} s", step["seconds"] / floor
        report(f"{label} {name}: time", step["seconds"], "s", baseline=baseline, ratio=ratio,
               goal=_goal(name) or None)
        report(f"{label} {name}: peak RSS − RSS before", step["delta_mib"], "MiB")
    for kind in ("gpkg", "postgres"):
        total = steps[f"{kind}: save draft"]["seconds"] + steps[f"{kind}: submit"]["seconds"]
        floor = extra[f"{kind}: raw insert"]
        report(f"{label} {kind}: save draft + submit", total, "s",
               baseline=f"raw INSERT of the rows {floor:.2f} s", ratio=total / floor,
               goal=f"<= {GOAL_SUBMIT_S:.0f} s")
        parts = extra[f"{kind}: review parts"]
        print(f"    {kind} review open: " + ", ".join(f"{k} {v:.2f} s" for k, v in parts.items()),
              flush=True)
    print("    PostGIS apply: " + ", ".join(f"{k} {v:.2f} s" for k, v in extra["apply steps"].items()),
          flush=True)
    report(f"{label} process peak RSS (QGIS, layer and edit buffer included)", result["process_peak_mib"],
           "MiB", goal=f"<= {GOAL_PEAK_MIB:.0f} MiB")


def _report_growth(report, results: list) -> None:
    for small, large in zip(results, results[1:]):
        factor = large["size"] / small["size"]
        span = f"{small['size'] // 1000}k→{large['size'] // 1000}k"
        for name in large["steps"]:
            a, b = small["steps"][name], large["steps"][name]
            growth = b["seconds"] / a["seconds"]
            memory = (b["delta_mib"] / a["delta_mib"]) if a["delta_mib"] > 1 else float("nan")
            shape = ("linear" if 0.7 * factor <= growth <= 1.4 * factor else
                     "sub-linear (fixed costs)" if growth < 0.7 * factor else "super-linear")
            report(f"growth {span} (×{factor:.0f}) {name}: time", growth, "×",
                   baseline=f"memory delta ×{memory:.1f}", goal=shape)


if __name__ == "__main__":
    # python tests/bench/bench_big_proposal.py [size ...]: this bench alone.
    from geogov.tests.bench.__main__ import init_qgis
    from geogov.tests.bench.__main__ import report as _report

    init_qgis()
    run(_report, sizes=[int(s) for s in sys.argv[1:]] or SIZES)
