"""A GeoPackage target's own CHECK and NOT NULL constraints, tried before submit."""

from __future__ import annotations

import sqlite3

import pytest

from geogov.plugin.errors import Cancelled
from geogov.plugin.proposals.model import DELETE, INSERT, UPDATE, Change, ChangeSet, FieldDef, Schema
from geogov.plugin.proposals.target_rules import TARGET_CONSTRAINT, gpkg_constraint_problems

TABLE = "eclairage_public"


@pytest.fixture()
def target(tmp_path):
    """A table defined as the demo's lighting layer is (tests/sdi/geodata.py)."""
    path = tmp_path / "eclairage.gpkg"
    conn = sqlite3.connect(path)
    conn.executescript(f"""
        CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT);
        INSERT INTO gpkg_geometry_columns VALUES ('{TABLE}', 'geom');
        CREATE TABLE "{TABLE}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POINT NOT NULL,
            identifiant TEXT NOT NULL UNIQUE, puissance_w INTEGER,
            CONSTRAINT puissance_positive CHECK (puissance_w > 0));
        INSERT INTO "{TABLE}" (geom, identifiant, puissance_w) VALUES (x'00', 'EP-1', 100);
    """)
    conn.commit()
    conn.close()
    return path


def changes(*items) -> ChangeSet:
    schema = Schema(fields=[FieldDef("identifiant", "string", False), FieldDef("puissance_w", "integer")],
                    geometry_type="Point", crs="EPSG:2154", key="identifiant")
    return ChangeSet(schema=schema, changes=list(items))


def test_what_the_tables_constraints_refuse_is_named_before_submit(target):
    found = gpkg_constraint_problems(target, TABLE, changes(
        Change(INSERT, -1, new={"identifiant": "EP-2", "puissance_w": -5, "fid": None}),
        Change(INSERT, -2, new={"identifiant": None, "puissance_w": 50}),
        Change(UPDATE, "EP-1", old={"identifiant": "EP-1", "puissance_w": 100, "fid": 1},
               new={"identifiant": "EP-1", "puissance_w": 0, "fid": 1}, changed_fields=["puissance_w"]),
        Change(UPDATE, "EP-1", old={"identifiant": "EP-1", "puissance_w": 100, "fid": 1},
               new={"identifiant": "EP-1", "puissance_w": 150, "fid": 1}, changed_fields=["puissance_w"]),
        Change(INSERT, -3, new={"identifiant": "EP-3", "puissance_w": 75}),
        Change(DELETE, "EP-9", old={"identifiant": "EP-9", "puissance_w": -1})))
    assert [(p.code, p.key, p.field) for p in found] == [
        (TARGET_CONSTRAINT, -1, None), (TARGET_CONSTRAINT, -2, "identifiant"),
        (TARGET_CONSTRAINT, "EP-1", None)]
    assert "puissance_positive" in found[0].params["reason"]
    # Nothing was written to the target, which is only read.
    conn = sqlite3.connect(target)
    assert conn.execute(f'SELECT count(*) FROM "{TABLE}"').fetchone()[0] == 1
    conn.close()


def test_a_table_that_cannot_be_read_or_tried_adds_nothing(target, tmp_path):
    one = changes(Change(INSERT, -1, new={"identifiant": "EP-2", "puissance_w": -5}))
    assert gpkg_constraint_problems(tmp_path / "missing.gpkg", TABLE, one) == []
    assert gpkg_constraint_problems(target, "no_such_table", one) == []
    conn = sqlite3.connect(target)
    conn.create_function("st_isempty", 1, lambda value: 0)      # as GDAL's SQLite functions are
    conn.execute('CREATE TABLE "odd" (v INTEGER CHECK (st_isempty(v) = 0))')
    conn.commit()
    conn.close()
    assert gpkg_constraint_problems(target, "odd", changes(Change(INSERT, -1, new={"v": 1}))) == []


def test_a_long_check_can_be_cancelled(target):
    many = changes(*[Change(INSERT, -n, new={"identifiant": f"N{n}", "puissance_w": 1})
                     for n in range(1, 1200)])
    with pytest.raises(Cancelled):
        gpkg_constraint_problems(target, TABLE, many, is_cancelled=lambda: True)
