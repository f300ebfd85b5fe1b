"""Where a change stands against the target's data (lost-update protection, retries),
and the validation against the target's schema that decides whether anything is sent."""

import struct

import pytest

from geogov.plugin.proposals.fingerprint import fingerprint
from geogov.plugin.proposals.model import Change, ChangeSet, FieldDef, PlainFeature, Schema
from geogov.plugin.publishing.feature_states import (
    CONFLICTING,
    DONE,
    NOT_READ,
    TODO,
    classify,
    compare_schema,
    first_difference,
    is_ours,
    is_undone,
    our_part,
)
from geogov.plugin.publishing.schema_check import check_against_schema

PROPOSAL = Schema(fields=[FieldDef("fid", "integer", False, auto=True), FieldDef("id", "string", False),
                          FieldDef("etat"), FieldDef("puissance_w", "integer"),
                          FieldDef("date_pose", "date"), FieldDef("local_note")],
                  key="id", geometry_type="Point", crs="EPSG:2154")
TARGET = Schema(fields=[FieldDef("fid", "integer", False, auto=True), FieldDef("id", "string", False),
                        FieldDef("etat"), FieldDef("puissance_w", "integer"),
                        FieldDef("date_pose", "date")],
                key="fid", geometry_type="Point", crs="EPSG:2154")
COMPARE = compare_schema(PROPOSAL, TARGET)


def pt(x, y):
    return struct.pack("<BIdd", 1, 1, x, y)


BASE = {"fid": 12, "id": "A", "etat": "en service", "puissance_w": 40, "date_pose": "2020-01-02",
        "local_note": "vu"}
NEW = dict(BASE, etat="en panne")


def update():
    return Change("update", "A", old=dict(BASE), new=dict(NEW), old_geometry=pt(1, 1),
                  new_geometry=pt(1, 1), changed_fields=["etat"],
                  base_fingerprint=fingerprint(BASE, pt(1, 1), PROPOSAL))


def remote(**values):
    geometry = values.pop("geometry", pt(1, 1))
    # What a WFS gives back: its own fid, typed values, no local-only field.
    attributes = {"fid": 4012, "id": "A", "etat": "en service", "puissance_w": 40,
                  "date_pose": "2020-01-02"}
    attributes.update(values)
    return PlainFeature("A", attributes, geometry)


def test_compare_schema_leaves_out_auto_and_local_fields():
    assert [f.name for f in COMPARE.fields] == ["id", "etat", "puissance_w", "date_pose"]


@pytest.mark.parametrize("feature, state", [
    (remote(), TODO),                                  # the base, under another fid
    (remote(etat="en panne"), DONE),                   # a retry: already there
    (remote(puissance_w=35), CONFLICTING),             # someone else's edit
    (remote(geometry=pt(1.0004, 1)), TODO),            # within the CRS precision (1 mm)
    (remote(geometry=pt(1.002, 1)), CONFLICTING),      # moved 2 mm
    (None, CONFLICTING),                               # deleted meanwhile
])
def test_update_states(feature, state):
    assert classify(update(), feature, PROPOSAL, COMPARE) == state


def test_delete_and_insert_states():
    delete = Change("delete", "A", old=dict(BASE), old_geometry=pt(1, 1),
                    base_fingerprint=fingerprint(BASE, pt(1, 1), PROPOSAL))
    assert classify(delete, remote(), PROPOSAL, COMPARE) == TODO
    assert classify(delete, None, PROPOSAL, COMPARE) == DONE
    assert classify(delete, remote(etat="déposé"), PROPOSAL, COMPARE) == CONFLICTING
    insert = Change("insert", "A", new=dict(NEW, fid=None), new_geometry=pt(1, 1))
    assert classify(insert, None, PROPOSAL, COMPARE) == TODO
    assert classify(insert, remote(etat="en panne"), PROPOSAL, COMPARE) == DONE
    assert classify(insert, remote(), PROPOSAL, COMPARE) == CONFLICTING


def test_first_difference_names_the_field():
    assert first_difference(remote(puissance_w=35), NEW, pt(1, 1), COMPARE) == \
        "etat is 'en service' in the target, 'en panne' was proposed"
    assert first_difference(remote(etat="en panne", geometry=pt(9, 9)), NEW, pt(1, 1), COMPARE) == \
        "the geometry differs from the proposed one"


def test_an_undo_takes_back_only_what_our_write_left():
    """Field by field, the undo puts the base back only where the value is GeoGov's: the
    proposed one, or what the verification read back (a server rewriting a value); any
    other value is someone else's edit since, which the undo keeps."""
    change = Change("update", "A", old=dict(BASE), new=dict(NEW, puissance_w=75),
                    old_geometry=pt(1, 1), new_geometry=pt(2, 2),
                    changed_fields=["etat", "puissance_w"], geometry_changed=True)
    written = remote(etat="en panne", puissance_w=75, geometry=pt(2, 2))
    assert our_part(change, written, NOT_READ, COMPARE) == (["etat", "puissance_w"], True)
    assert not is_undone(change, written, NOT_READ, COMPARE)
    # Someone else changed etat and the date since: only puissance_w and the geometry are ours.
    theirs = remote(etat="déposé", date_pose="2021-01-01", puissance_w=75, geometry=pt(2, 2))
    assert our_part(change, theirs, NOT_READ, COMPARE) == (["puissance_w"], True)
    # A write the server took in part (QGIS Server: the geometry of a refused Update).
    assert our_part(change, remote(geometry=pt(2, 2)), NOT_READ, COMPARE) == ([], True)
    # What the server kept of the write (read back by the verification) is ours too.
    as_stored = remote(etat="EN PANNE", puissance_w=75, geometry=pt(2, 2))
    assert our_part(change, as_stored, NOT_READ, COMPARE) == (["puissance_w"], True)
    assert our_part(change, as_stored, as_stored, COMPARE) == (["etat", "puissance_w"], True)
    # Undone: none of GeoGov's values is left, whatever others changed.
    assert is_undone(change, remote(), NOT_READ, COMPARE)
    assert is_undone(change, remote(etat="déposé"), NOT_READ, COMPARE)
    assert is_undone(change, None, NOT_READ, COMPARE)                  # deleted since
    insert = Change("insert", "B", new=dict(NEW, id="B", fid=None), new_geometry=pt(1, 1))
    created = remote(id="B", etat="en panne")
    assert is_ours(insert, created, NOT_READ, PROPOSAL, COMPARE)
    assert not is_ours(insert, remote(id="B", etat="déposé"), NOT_READ, PROPOSAL, COMPARE)
    assert not is_undone(insert, created, NOT_READ, COMPARE)
    assert is_undone(insert, None, NOT_READ, COMPARE)
    delete = Change("delete", "A", old=dict(BASE), old_geometry=pt(1, 1))
    assert not is_undone(delete, None, NOT_READ, COMPARE)
    assert is_undone(delete, remote(), NOT_READ, COMPARE)


# ---------------------------------------------------------------------------- validation
def problems(*changes, target=TARGET, **kwargs):
    found = check_against_schema(ChangeSet(schema=PROPOSAL, changes=list(changes)), target, **kwargs)
    return sorted((p.code, p.key, p.field) for p in found)


def insert(key, geometry=None, **values):
    new = {"id": key, "etat": "en service", "fid": -1}
    new.update(values)
    return Change("insert", key, new=new, new_geometry=geometry or pt(2, 2))


def test_a_fitting_change_set_has_no_problem():
    assert problems(update(), insert("B")) == []


def test_every_problem_is_named():
    bad_update = update()
    bad_update.new.update(local_note="x", puissance_w="beaucoup", fid=99)
    bad_update.changed_fields = ["local_note", "puissance_w", "fid"]
    polygon = bytes.fromhex("0103000000010000000400000000000000000000000000000000000000000000000000"
                            "f03f0000000000000000000000000000f03f000000000000f03f000000000000000000"
                            "00000000000000")
    assert problems(bad_update, insert("B", id=None), insert("C", geometry=polygon),
                    insert("C")) == [
        ("apply.auto_field", "A", "fid"),
        ("apply.geometry_type", "C", None),
        ("apply.key_duplicate", "C", None),
        ("apply.key_missing", "B", "id"),
        ("apply.not_nullable", "B", "id"),
        ("apply.unknown_field", "A", "local_note"),
        ("apply.wrong_type", "A", "puissance_w"),
    ]


def test_target_level_problems():
    other = Schema(fields=TARGET.fields, key="fid", geometry_type="Point", crs="EPSG:4326")
    assert problems(update(), insert("B"), target=other, operations=("Query", "Update")) == [
        ("apply.crs_mismatch", None, None), ("apply.operation_not_allowed", None, None)]
    assert problems(update(), target=Schema(fields=TARGET.fields[2:], key="", crs="EPSG:2154")) == [
        ("apply.key_field_missing", None, "id")]
