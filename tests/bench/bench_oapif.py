"""Applying 1 000 attribute + geometry updates to OGC API Features: GeoGov's apply vs
QGIS's own OAPIF provider commitChanges(), on the same pygeoapi, in the same run.

One pygeoapi (PostgreSQL provider, ``editable: true``) serves two identical PostGIS
tables of 3 000 street lights, ``bench_geogov`` and ``bench_provider`` (two collections),
so both contenders write to the same server without one editing the other's data. Every
edit sets ``puissance_w`` and ``etat`` and moves the point.

- GeoGov: ``apply_changeset`` on an ``oapif`` target, timed whole: the collection's schema,
  every touched feature read for the conflict check (by ``identifiant``, 100 per
  request), 1 000 PUTs, every feature read again to verify. It must end ``applied``.
- QGIS: the OAPIF provider layer, ``changeAttributeValues`` + ``changeGeometry`` for each
  feature, then ``commitChanges()`` — only the commit is timed, which favours the
  provider. What it really wrote is counted afterwards from the table (plain SQL).

QGIS 3.22's OAPIF provider cannot edit (its capabilities lack ChangeAttributeValues): the
baseline and the ratio are then skipped, saying so, and GeoGov's time is still printed.
On QGIS 3.40/3.44 (the Debian roots of .ci/qgis-root: ``.ci/qgis-root run 3.44 make
bench BENCH=oapif``) the provider edits and the ratio is printed.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "build" / "bench" / "oapif"
FEATURES = 3_000
COUNT = 1_000
TABLES = ("bench_geogov", "bench_provider")
DATABASE = "bench_oapif"


def _start(cluster):
    import yaml

    from geogov.tests.support import oapif_server
    from geogov.tests.support import servers as srv

    for table in TABLES:
        oapif_server.eclairage_table(cluster, DATABASE, None, table=table, rows=FEATURES)
    port = srv.free_port()
    config = oapif_server.write_config(WORK / "pygeoapi", port, cluster, DATABASE, TABLES[0],
                                       collection=TABLES[0])
    document = yaml.safe_load(config.read_text(encoding="utf-8"))
    second = dict(document["resources"][TABLES[0]])
    second["providers"] = [dict(second["providers"][0], table=TABLES[1])]
    document["resources"][TABLES[1]] = second
    config.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False),
                      encoding="utf-8")
    return srv.start_pygeoapi(config, port, collection=TABLES[0])


def _read(dsn: str, table: str) -> dict:
    import psycopg2

    from geogov.plugin.proposals import wkb
    from geogov.plugin.proposals.model import PlainFeature
    from geogov.tests.support.oapif_server import NAMES

    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute(f"SELECT {', '.join(NAMES)}, ST_AsBinary(geom) FROM {table} "
                        f"ORDER BY fid LIMIT {COUNT}")
            rows = cur.fetchall()
    finally:
        conn.close()
    out = {}
    for row in rows:
        attributes = dict(zip(NAMES, row[:-1]))
        out[attributes["identifiant"]] = PlainFeature(attributes["identifiant"], attributes,
                                                      wkb.to_iso_wkb(bytes(row[-1])))
    return out


def _edited(base: dict) -> dict:
    import copy

    from geogov.tests.support.apply_helpers import point

    out = copy.deepcopy(base)
    for n, feature in enumerate(out.values()):
        feature.attributes.update(puissance_w=(feature.attributes["puissance_w"] or 50) + 7,
                                  etat="renouvelé")
        x, y = 650000 + (n % 300) * 10 + 2.5, 6855000 + (n // 300) * 10 + 2.5
        feature.geometry = point(x, y)
    return out


def _landed(dsn: str, table: str, expected: dict) -> int:
    from geogov.tests.support.apply_helpers import eclairage_schema, same

    now = _read(dsn, table)
    schema = eclairage_schema()
    return sum(1 for k, f in expected.items() if k in now and same(now[k], f, schema))


def _provider(url: str, table: str, expected: dict) -> tuple:
    """(seconds of commitChanges(), its return, edited?) or (None, reason, False)."""
    from qgis.core import QgsGeometry, QgsVectorDataProvider, QgsVectorLayer

    layer = QgsVectorLayer(f"url='{url}' typename='{table}' "
                           "crs='http://www.opengis.net/def/crs/EPSG/0/2154'", "bench", "OAPIF")
    if not layer.isValid():
        return None, "the OAPIF provider could not open the collection", False
    caps = layer.dataProvider().capabilities()
    needed = (QgsVectorDataProvider.Capability.ChangeAttributeValues
              | QgsVectorDataProvider.Capability.ChangeGeometries)
    if (caps & needed) != needed:
        return None, ("the OAPIF provider of this QGIS cannot edit (capabilities: "
                      f"{layer.dataProvider().capabilitiesString() or 'none'})"), False
    index = {f["identifiant"]: f for f in layer.getFeatures()}
    layer.startEditing()
    fields = layer.fields()
    for key, target in expected.items():
        feature = index[key]
        for name in ("puissance_w", "etat"):
            layer.changeAttributeValue(feature.id(), fields.indexOf(name), target.attributes[name])
        geometry = QgsGeometry()
        geometry.fromWkb(target.geometry)
        layer.changeGeometry(feature.id(), geometry)
    started = time.perf_counter()
    ok = layer.commitChanges()
    return time.perf_counter() - started, ok, True


def run(report):
    from geogov.plugin.proposals.model import Target
    from geogov.plugin.publishing.apply import apply_changeset
    from geogov.tests.support.apply_helpers import changeset_of, eclairage_schema
    from geogov.tests.support.postgres import PostgresCluster

    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    cluster = PostgresCluster(WORK)
    cluster.start()
    server = None
    try:
        server = _start(cluster)
        dsn = cluster.dsn(DATABASE)
        base = _read(dsn, TABLES[0])
        expected = _edited(base)
        changes = changeset_of(base, expected, eclairage_schema())
        started = time.perf_counter()
        result = apply_changeset(changes, Target("oapif", server.url, TABLES[0]))
        geogov = time.perf_counter() - started
        assert result.status == "applied", result.message()
        landed = _landed(dsn, TABLES[0], expected)
        steps = {s.name: round(s.seconds, 2) for s in result.steps}
        print(f"    GeoGov: {result.status}, {landed}/{COUNT} verified in the table; steps {steps}")

        provider_expected = _edited(_read(dsn, TABLES[1]))
        seconds, ok, edited = _provider(server.url, TABLES[1], provider_expected)
        report(f"GeoGov OAPIF apply, {COUNT} updates (pygeoapi {FEATURES} features)", geogov, "s")
        if not edited:
            from qgis.core import Qgis

            print(f"    baseline skipped on QGIS {Qgis.QGIS_VERSION}: {ok}; no ratio", flush=True)
            return
        provider_landed = _landed(dsn, TABLES[1], provider_expected)
        print(f"    provider: commitChanges() {seconds:.2f} s, returned {ok}; "
              f"{provider_landed}/{COUNT} landed")
        report(f"QGIS OAPIF provider commitChanges(), {COUNT} updates", seconds, "s")
        report(f"GeoGov / provider, {COUNT} OAPIF updates", geogov / seconds, "x",
               baseline="QGIS OAPIF provider commitChanges()", ratio=geogov / seconds)
    finally:
        if server is not None:
            server.stop()
        cluster.stop()
