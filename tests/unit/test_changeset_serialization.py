"""A ChangeSet survives JSON storage exactly: values keep their Python type."""

import datetime as dt
import decimal
import json
import math
import struct

import pytest

from geogov.plugin.errors import DocumentError
from geogov.plugin.proposals.model import DELETE, INSERT, UPDATE, Change, ChangeSet, FieldDef, Problem, Schema
from geogov.plugin.proposals.serialization import (
    changeset_from_dict,
    changeset_to_dict,
    decode_value,
    encode_value,
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


def test_changeset_round_trips_exactly_through_json_text():
    original = sample_changeset()
    text = json.dumps(changeset_to_dict(original), allow_nan=False, ensure_ascii=False)
    restored = changeset_from_dict(json.loads(text))
    assert restored.schema == original.schema
    assert restored.fingerprint_scheme == "geogov-fp/1"
    assert len(restored) == 3 and restored.counts() == original.counts()
    for a, b in zip(original.changes, restored.changes):
        assert (a.op, a.key, a.changed_fields, a.geometry_changed, a.base_fingerprint) == \
               (b.op, b.key, b.changed_fields, b.geometry_changed, b.base_fingerprint)
        assert a.old_geometry == b.old_geometry and a.new_geometry == b.new_geometry
        assert same(a.old, b.old) and same(a.new, b.new)
    assert restored.changes[1].changed_values()["date_pose"] == (dt.date(2019, 3, 1), dt.date(2024, 1, 5))


def test_round_trip_is_stable():
    once = changeset_to_dict(sample_changeset())
    assert changeset_to_dict(changeset_from_dict(json.loads(json.dumps(once)))) == once


def test_geometry_is_hex_text():
    data = changeset_to_dict(sample_changeset())
    assert data["changes"][0]["new_geometry"] == point_wkb(652000.125, 6862000.5).hex()
    assert data["changes"][2]["old_geometry"] is None


@pytest.mark.parametrize("data, code", [
    ({"format": "other"}, "changeset.bad_format"),
    ({"format": "geogov.changeset", "version": 99, "changes": []}, "changeset.version"),
    ({"format": "geogov.changeset", "version": 1, "changes": [{"op": "merge"}]}, "changeset.bad_op"),
    ({"format": "geogov.changeset", "version": 1, "changes": [{"key": 1}]}, "changeset.bad_change"),
    ({"format": "geogov.changeset", "version": 1,
      "changes": [{"op": "insert", "new": {"d": {"$date": "2024-13-01"}}}]}, "changeset.bad_value"),
    ({"format": "geogov.changeset", "version": 1,
      "changes": [{"op": "insert", "new_geometry": "zz"}]}, "changeset.bad_geometry"),
])
def test_broken_documents_raise_document_error_with_code(data, code):
    with pytest.raises(DocumentError) as caught:
        changeset_from_dict(data)
    assert caught.value.code == code


def test_unstorable_value_is_refused():
    with pytest.raises(DocumentError) as caught:
        encode_value(object())
    assert caught.value.code == "changeset.value_type"


def test_problems_round_trip():
    problems = [Problem("proposal.wrong_type", key=12, op=UPDATE, field="volume_l",
                        params={"value": "abc", "type": "integer"}),
                Problem("proposal.not_allowed", params={"partner": "cd94"})]
    assert problems_from_list(json.loads(json.dumps(problems_to_list(problems)))) == problems
