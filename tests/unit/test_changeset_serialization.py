"""A ChangeSet survives the stores exactly (serialization.py, the one codec of changes, keys
and change-set meta): values keep their Python type, and the stored form stays the one the
stores already hold."""

import datetime as dt
import decimal
import json
import math
import struct

import pytest

from geogov.plugin.errors import DocumentError
from geogov.plugin.proposals.model import DELETE, INSERT, UPDATE, Change, ChangeSet, FieldDef, Problem, Schema
from geogov.plugin.proposals.serialization import (
    CHANGE_FIELDS,
    change_from_row,
    change_to_row,
    changeset_from_meta,
    changeset_meta,
    decode_value,
    encode_value,
    key_id,
    problems_from_list,
    problems_to_list,
)


def point_wkb(x, y):
    return struct.pack("<BIdd", 1, 1, x, y)


SCHEMA = Schema(
    fields=[FieldDef("fid", "integer", nullable=False, auto=True),
            FieldDef("identifiant", "string", nullable=False, length=20),
            FieldDef("volume_l", "integer"), FieldDef("hauteur_m", "real"),
            FieldDef("date_pose", "date"), FieldDef("maj", "datetime"),
            FieldDef("accessible_pmr", "boolean"), FieldDef("photo", "binary")],
    key="fid", geometry_type="Point", crs="EPSG:2154", geometry_nullable=False)

PARIS = dt.timezone(dt.timedelta(hours=2))

VALUES = [
    None, True, False, 0, -7, 2 ** 70, 3.0, -0.0, 0.1 + 0.2, 1e-300, "", "Éclairage « public »",
    dt.date(2024, 1, 5), dt.datetime(2024, 1, 5, 10, 30, 1, 123456),
    dt.datetime(2024, 1, 5, 10, 30, tzinfo=dt.timezone.utc), dt.datetime(2024, 6, 1, 8, 0, tzinfo=PARIS),
    dt.time(23, 59, 58), b"\x00\x01\xff", decimal.Decimal("1.10"), ["a", 1, dt.date(2020, 2, 29)],
    {"k": dt.date(2021, 1, 1), "$date": "not a tag inside a map"},
]


def same(a, b):
    """Equality that also checks types (1 == 1.0 == True in Python) and NaN."""
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, float):
        return math.copysign(1, a) == math.copysign(1, b) and a == b
    if isinstance(a, dt.datetime):
        return a == b and a.utcoffset() == b.utcoffset()
    return a == b


@pytest.mark.parametrize("value", VALUES + [math.nan, math.inf, -math.inf], ids=repr)
def test_value_round_trips_through_json_text(value):
    text = json.dumps(encode_value(value), allow_nan=False)
    assert same(decode_value(json.loads(text)), value)


def test_tagged_values_are_distinguishable_from_plain_strings():
    assert same(decode_value(encode_value("2024-01-05")), "2024-01-05")
    assert same(decode_value(encode_value(dt.date(2024, 1, 5))), dt.date(2024, 1, 5))


def sample_changeset():
    old = {"fid": 12, "identifiant": "EP-12", "volume_l": 400, "hauteur_m": 6.5,
           "date_pose": dt.date(2019, 3, 1), "maj": dt.datetime(2024, 1, 5, 9, 0, tzinfo=dt.timezone.utc),
           "accessible_pmr": True, "photo": None}
    new = dict(old, hauteur_m=7.25, date_pose=dt.date(2024, 1, 5), accessible_pmr=False)
    return ChangeSet(schema=SCHEMA, fingerprint_scheme="geogov-fp/1", changes=[
        Change(INSERT, -1, new=dict(new, fid=None, identifiant="EP-NEW", photo=b"\x89PNG"),
               new_geometry=point_wkb(652000.125, 6862000.5)),
        Change(UPDATE, 12, old=old, new=new, old_geometry=point_wkb(1.0, 2.0),
               new_geometry=point_wkb(1.0, 2.01), changed_fields=["hauteur_m", "date_pose", "accessible_pmr"],
               geometry_changed=True, base_fingerprint="ab" * 32),
        Change(DELETE, 13, old=dict(old, fid=13, hauteur_m=math.nan), old_geometry=None,
               base_fingerprint="cd" * 32),
    ])


JSON_COLUMNS = ("feature_key", "old_attributes", "new_attributes", "changed_fields")


def dumps(value):
    """As the GeoPackage store writes a JSON column (stores/geopackage/rows.dumps)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def stored(changeset):
    """(meta text, rows) as a store keeps them: JSON columns as text, geometries as bytes."""
    rows = []
    for change in changeset.changes:
        row = change_to_row(change)
        assert sorted(row) == sorted(CHANGE_FIELDS)
        rows.append({k: (dumps(v) if k in JSON_COLUMNS and v is not None else v) for k, v in row.items()})
    return dumps(changeset_meta(changeset)), rows


def read_back(meta_text, rows, geometry=bytes):
    """The ChangeSet a store reads from them (PostgreSQL hands geometries as memoryview)."""
    changes = []
    for row in rows:
        parsed = {k: (json.loads(v) if k in JSON_COLUMNS and v is not None else v) for k, v in row.items()}
        for name in ("old_geometry", "new_geometry"):
            if parsed[name] is not None:
                parsed[name] = geometry(parsed[name])
        changes.append(change_from_row(parsed))
    return changeset_from_meta(json.loads(meta_text), changes)


@pytest.mark.parametrize("geometry", [bytes, memoryview], ids=["gpkg", "postgres"])
def test_changeset_round_trips_exactly_through_the_stored_form(geometry):
    original = sample_changeset()
    restored = read_back(*stored(original), geometry=geometry)
    assert restored.schema == original.schema
    assert restored.fingerprint_scheme == "geogov-fp/1"
    assert len(restored) == 3 and restored.counts() == original.counts()
    for a, b in zip(original.changes, restored.changes):
        assert (a.op, a.key, a.changed_fields, a.geometry_changed, a.base_fingerprint) == \
               (b.op, b.key, b.changed_fields, b.geometry_changed, b.base_fingerprint)
        assert type(b.old_geometry) in (bytes, type(None)) and type(b.new_geometry) in (bytes, type(None))
        assert a.old_geometry == b.old_geometry and a.new_geometry == b.new_geometry
        assert same(a.old, b.old) and same(a.new, b.new) and same(a.key, b.key)
    assert restored.changes[1].changed_values()["date_pose"] == (dt.date(2019, 3, 1), dt.date(2024, 1, 5))


def test_round_trip_is_stable():
    once = stored(sample_changeset())
    assert stored(read_back(*once)) == once


# What the stores already hold (written by GeoGov before this codec was made the only one):
# the stored form must not change, and these must still be read.
META_TEXT = (
    '{"fingerprint_scheme":"geogov-fp/1","format":"geogov.changeset","schema":{"crs":"EPSG:2154",'
    '"fields":[{"auto":true,"length":0,"name":"fid","nullable":false,"type":"integer"},'
    '{"auto":false,"length":20,"name":"identifiant","nullable":false,"type":"string"},'
    '{"auto":false,"length":0,"name":"volume_l","nullable":true,"type":"integer"},'
    '{"auto":false,"length":0,"name":"hauteur_m","nullable":true,"type":"real"},'
    '{"auto":false,"length":0,"name":"date_pose","nullable":true,"type":"date"},'
    '{"auto":false,"length":0,"name":"maj","nullable":true,"type":"datetime"},'
    '{"auto":false,"length":0,"name":"accessible_pmr","nullable":true,"type":"boolean"},'
    '{"auto":false,"length":0,"name":"photo","nullable":true,"type":"binary"}],'
    '"geometry_nullable":false,"geometry_type":"Point","key":"fid"},"version":1}')
ROWS = [
    {"op": "insert", "feature_key": "-1", "old_attributes": None,
     "new_attributes": '{"accessible_pmr":false,"date_pose":{"$date":"2024-01-05"},"fid":null,'
                       '"hauteur_m":7.25,"identifiant":"EP-NEW","maj":{"$datetime":"2024-01-05T09:00:00+00:00"},'
                       '"photo":{"$bytes":"89504e47"},"volume_l":400}',
     "changed_fields": "[]", "geometry_changed": False, "base_fingerprint": None,
     "old_geometry": None, "new_geometry": point_wkb(652000.125, 6862000.5)},
    {"op": "update", "feature_key": "12",
     "old_attributes": '{"accessible_pmr":true,"date_pose":{"$date":"2019-03-01"},"fid":12,"hauteur_m":6.5,'
                       '"identifiant":"EP-12","maj":{"$datetime":"2024-01-05T09:00:00+00:00"},"photo":null,'
                       '"volume_l":400}',
     "new_attributes": '{"accessible_pmr":false,"date_pose":{"$date":"2024-01-05"},"fid":12,"hauteur_m":7.25,'
                       '"identifiant":"EP-12","maj":{"$datetime":"2024-01-05T09:00:00+00:00"},"photo":null,'
                       '"volume_l":400}',
     "changed_fields": '["hauteur_m","date_pose","accessible_pmr"]', "geometry_changed": True,
     "base_fingerprint": "ab" * 32, "old_geometry": point_wkb(1.0, 2.0),
     "new_geometry": point_wkb(1.0, 2.01)},
    {"op": "delete", "feature_key": "13",
     "old_attributes": '{"accessible_pmr":true,"date_pose":{"$date":"2019-03-01"},"fid":13,'
                       '"hauteur_m":{"$float":"nan"},"identifiant":"EP-12",'
                       '"maj":{"$datetime":"2024-01-05T09:00:00+00:00"},"photo":null,"volume_l":400}',
     "new_attributes": None, "changed_fields": "[]", "geometry_changed": False, "base_fingerprint": "cd" * 32,
     "old_geometry": None, "new_geometry": None},
]


def test_the_stored_form_is_the_one_the_stores_already_hold():
    assert stored(sample_changeset()) == (META_TEXT, ROWS)
    restored = read_back(META_TEXT, ROWS)
    assert stored(restored) == (META_TEXT, ROWS)
    assert [c.key for c in restored.changes] == [-1, 12, 13]
    assert restored.changes[0].new["photo"] == b"\x89PNG" and math.isnan(restored.changes[2].old["hauteur_m"])


@pytest.mark.parametrize("row, code", [
    ({"op": "merge"}, "changeset.bad_op"),
    ({"feature_key": 1}, "changeset.bad_change"),
    ({"op": "insert", "new_attributes": ["not", "a", "map"]}, "changeset.bad_change"),
    ({"op": "insert", "new_attributes": {"d": {"$date": "2024-13-01"}}}, "changeset.bad_value"),
    ({"op": "insert", "feature_key": {"$what": 1}}, "changeset.bad_value"),
    ({"op": "insert", "new_geometry": "zz"}, "changeset.bad_geometry"),
])
def test_broken_rows_raise_document_error_with_code(row, code):
    with pytest.raises(DocumentError) as caught:
        change_from_row(row)
    assert caught.value.code == code


@pytest.mark.parametrize("meta, code", [
    ({"format": "other"}, "changeset.bad_format"),
    ([], "changeset.bad_format"),
    ({"format": "geogov.changeset", "version": 99}, "changeset.version"),
    ({"format": "geogov.changeset", "version": "1"}, "changeset.version"),
    ({"format": "geogov.changeset", "version": 1, "schema": {"fields": [{"type": "string"}]}},
     "changeset.bad_schema"),
])
def test_broken_meta_raises_document_error_with_code(meta, code):
    with pytest.raises(DocumentError) as caught:
        changeset_from_meta(meta, [])
    assert caught.value.code == code


KEYS = [1, "1", 1.0, True, 0, "", None, -7, "EP-12", 2 ** 70, dt.date(2024, 1, 5), "2024-01-05"]


def test_a_key_id_keeps_the_type_of_the_key():
    ids = [key_id(k) for k in KEYS]
    assert len(set(ids)) == len(KEYS)                      # 1, "1", 1.0 and True stay apart
    assert key_id(1) == "1" and key_id("1") == '"1"'
    for key in KEYS:                                       # and survive the stored form
        assert key_id(decode_value(json.loads(json.dumps(encode_value(key))))) == key_id(key)


def test_unstorable_value_is_refused():
    with pytest.raises(DocumentError) as caught:
        encode_value(object())
    assert caught.value.code == "changeset.value_type"


def test_problems_round_trip():
    problems = [Problem("proposal.wrong_type", key=12, op=UPDATE, field="volume_l",
                        params={"value": "abc", "type": "integer"}),
                Problem("proposal.not_allowed", params={"partner": "cd94"})]
    assert problems_from_list(json.loads(json.dumps(problems_to_list(problems)))) == problems
