"""The same apply to a PostGIS table (real PostgreSQL 15 + PostGIS) and to a GeoPackage
table, each in one database transaction.

The PostGIS table mirrors the demo's eclairage_public (same rows, NOT NULL UNIQUE
identifiant, CHECK puissance_w > 0) and is written by a login that holds only the table
privileges; results are read back by plain SQL, not through GeoGov.
"""

from __future__ import annotations

import copy

import psycopg2
import pytest
from osgeo import ogr

from geogov.plugin.proposals import wkb
from geogov.plugin.proposals.model import PlainFeature, Target
from geogov.plugin.publishing import result as outcomes
from geogov.plugin.publishing.apply import apply_changeset
from geogov.plugin.publishing.conflicts import CURRENT, rebase
from geogov.tests.support.apply_helpers import (
    FIELDS,
    TABLE,
    changeset_of,
    differences,
    eclairage_schema,
    point,
    read_gpkg,
)
from geogov.tests.support.servers import copy_geopackage

EDITOR, PASSWORD = "apply_editor", "apply-editor-pw"
NAMES = [f.name for f in FIELDS]
SCHEMA = eclairage_schema()

DDL = f"""
CREATE TABLE {TABLE} (
  fid serial PRIMARY KEY,
  geom geometry(Point, 2154),
  identifiant text NOT NULL UNIQUE,
  type_lampe text,
  puissance_w integer CONSTRAINT puissance_positive CHECK (puissance_w > 0),
  hauteur_m double precision,
  date_pose date,
  code_insee text,
  etat text
)"""


@pytest.fixture(scope="module")
def pg_database(postgres_cluster, demo_build):
    """A PostGIS database holding the demo's eclairage_public, and the editor's DSN."""
    postgres_cluster.create_database("apply_sql")
    postgres_cluster.create_login(EDITOR, PASSWORD)
    rows = read_gpkg(demo_build / "data" / f"{TABLE}.gpkg")
    conn = postgres_cluster.connect("apply_sql", autocommit=False)
    try:
        with conn.cursor() as cur:
            cur.execute(DDL)
            for feature in rows.values():
                cur.execute(f"INSERT INTO {TABLE} ({', '.join(NAMES)}, geom) VALUES "
                            f"({', '.join(['%s'] * len(NAMES))}, ST_GeomFromWKB(%s, 2154))",
                            [feature.attributes[n] for n in NAMES] + [feature.geometry])
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{TABLE}', 'fid'), max(fid)) FROM {TABLE}")
            cur.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {TABLE} TO {EDITOR}")
            cur.execute(f"GRANT USAGE ON SEQUENCE {TABLE}_fid_seq TO {EDITOR}")
        conn.commit()
    finally:
        conn.close()
    return postgres_cluster.dsn("apply_sql", EDITOR, PASSWORD)


@pytest.fixture()
def pg_table(pg_database, postgres_cluster):
    """A fresh copy of the table for one test (the apply target), and a reader."""
    conn = postgres_cluster.connect("apply_sql", autocommit=True)
    with conn.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS work_{TABLE}")
        cur.execute(f"CREATE TABLE work_{TABLE} (LIKE {TABLE} INCLUDING ALL)")
        cur.execute(f"INSERT INTO work_{TABLE} SELECT * FROM {TABLE}")
        cur.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON work_{TABLE} TO {EDITOR}")
    conn.close()
    return pg_database, f"public.work_{TABLE}"


def read_pg(dsn: str, table: str) -> dict:
    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute(f"SELECT {', '.join(NAMES)}, ST_AsBinary(geom) FROM {table}")
            rows = cur.fetchall()
    finally:
        conn.close()
    out = {}
    for row in rows:
        attributes = dict(zip(NAMES, row[:-1]))
        out[attributes["identifiant"]] = PlainFeature(attributes["identifiant"], attributes,
                                                      wkb.to_iso_wkb(bytes(row[-1])))
    return out


@pytest.fixture(params=["postgis", "gpkg"])
def sql_target(request, tmp_path):
    """(Target, read()) for a fresh PostGIS table or a fresh GeoPackage copy."""
    if request.param == "postgis":
        dsn, table = request.getfixturevalue("pg_table")
        return Target("postgis", dsn, table), lambda: read_pg(dsn, table)
    demo = request.getfixturevalue("demo_build")
    path = copy_geopackage(demo / "data" / f"{TABLE}.gpkg", tmp_path / f"{TABLE}.gpkg")
    return Target("gpkg", str(path), TABLE), lambda: read_gpkg(path)


def proposal_changes(base):
    keys = sorted(base)[:4]
    edited = copy.deepcopy(base)
    edited[keys[0]].attributes.update(etat="en maintenance", puissance_w=75)
    edited[keys[1]].geometry = point(652001.125, 6862002.5)
    del edited[keys[2]]
    new = copy.deepcopy(base[keys[3]])
    new.key = "EP-94-SQL"
    new.attributes.update(identifiant="EP-94-SQL", fid=None, date_pose="2026-05-04", hauteur_m=7.25)
    new.geometry = point(655000, 6855000)
    edited["EP-94-SQL"] = new
    return edited, changeset_of(base, edited, SCHEMA)


def test_apply_in_one_transaction_then_retry_is_a_no_op(sql_target):
    target, read = sql_target
    base = read()
    edited, changes = proposal_changes(base)

    result = apply_changeset(changes, target)

    assert result.status == outcomes.APPLIED, result.message()
    assert result.written == {"insert": 1, "update": 2, "delete": 1}
    assert differences(read(), edited, SCHEMA) == []
    assert [s.name for s in result.steps] == ["describe", "validate", "read_current", "sql",
                                              "verify", "commit"]
    assert result.inserted["EP-94-SQL"] == read()["EP-94-SQL"].attributes["fid"]
    assert "apply-editor-pw" not in str(result.to_dict())     # no password in the audit
    if target.kind == "gpkg":
        # GDAL (hence QGIS) reads the written blobs, and its R-tree index finds the new point.
        source = ogr.Open(target.uri)           # kept: the layer dies with its source
        layer = source.GetLayerByName(TABLE)
        layer.SetSpatialFilterRect(654999, 6854999, 655001, 6855001)
        assert [f.GetField("identifiant") for f in layer] == ["EP-94-SQL"]
        source = None

    again = apply_changeset(changes, target)
    assert again.status == outcomes.ALREADY_APPLIED
    assert again.already == {"insert": 1, "update": 2, "delete": 1}


def test_refused_statement_rolls_everything_back_and_names_each_feature(sql_target):
    target, read = sql_target
    base = read()
    edited, changes = proposal_changes(base)
    bad_update = sorted(base)[6]
    edited[bad_update].attributes["puissance_w"] = -5
    bad_insert = copy.deepcopy(edited["EP-94-SQL"])
    bad_insert.key = "EP-94-SQL-0W"
    bad_insert.attributes.update(identifiant="EP-94-SQL-0W", puissance_w=0)
    edited["EP-94-SQL-0W"] = bad_insert
    changes = changeset_of(base, edited, SCHEMA)

    result = apply_changeset(changes, target)

    assert result.status == outcomes.REFUSED
    assert result.undo == {"complete": True, "rolled_back": True}
    refused = {(r.key, r.op) for r in result.refusals}
    assert refused == {(bad_update, "update"), ("EP-94-SQL-0W", "insert")}
    for refusal in result.refusals:
        assert "puissance_positive" in refusal.message and refusal.source == "database"
    assert differences(read(), base, SCHEMA) == []


def test_conflict_locks_nothing_in_and_rebase_applies(sql_target):
    target, read = sql_target
    base = read()
    edited, changes = proposal_changes(base)
    touched = sorted(base)[0]
    # Someone else changes the feature meanwhile, straight in the database.
    if target.kind == "postgis":
        conn = psycopg2.connect(target.uri)
        with conn, conn.cursor() as cur:
            cur.execute(f"UPDATE {target.layer} SET etat = 'déposé' WHERE identifiant = %s", (touched,))
        conn.close()
    else:
        # Through GDAL, like another QGIS user: its R-tree triggers need GDAL's functions.
        source = ogr.Open(target.uri, update=1)
        source.ExecuteSQL(f"UPDATE {TABLE} SET etat = 'déposé' WHERE identifiant = '{touched}'")
        source = None
    before = read()

    result = apply_changeset(changes, target)

    assert result.status == outcomes.CONFLICT
    assert differences(read(), before, SCHEMA) == []
    assert result.conflict_map()[touched]["etat"] == (base[touched].attributes["etat"], "déposé",
                                                      "en maintenance")

    applied = apply_changeset(rebase(changes, result.conflicts, CURRENT), target)

    assert applied.status == outcomes.APPLIED, applied.message()
    now = read()
    assert now[touched].attributes["etat"] == "déposé"          # the server's edit kept
    assert now[touched].attributes["puissance_w"] == 75         # the proposal's went through
    assert "EP-94-SQL" in now


def test_invalid_change_set_is_refused_before_any_statement(sql_target):
    target, read = sql_target
    base = read()
    key = sorted(base)[3]
    edited = copy.deepcopy(base)
    edited[key].attributes["puissance_w"] = "beaucoup"
    edited[key].attributes["identifiant_bis"] = "x"
    result = apply_changeset(changeset_of(base, edited, SCHEMA), target)
    assert result.status == outcomes.INVALID
    assert {(p.code, p.field) for p in result.problems} == {("apply.wrong_type", "puissance_w"),
                                                            ("apply.unknown_field", "identifiant_bis")}
    assert "sql" not in [s.name for s in result.steps]
