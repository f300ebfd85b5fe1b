"""The change set between an authoritative and an edited version of a layer."""

import datetime as dt
import random
import struct
import tracemalloc

import pytest

from geogov.plugin.errors import Cancelled
from geogov.plugin.proposals.changeset import (
    ChangeSetInputError,
    compute_changeset,
    compute_changeset_from_features,
)
from geogov.plugin.proposals.fingerprint import FINGERPRINT_SCHEME, fingerprint
from geogov.plugin.proposals.model import DELETE, INSERT, UPDATE, FieldDef, PlainFeature, Schema

SCHEMA = Schema(fields=[FieldDef("fid", "integer", nullable=False, auto=True), FieldDef("nom"),
                        FieldDef("volume_l", "integer"), FieldDef("hauteur_m", "real"),
                        FieldDef("date_pose", "date")],
                key="fid", geometry_type="Point", crs="EPSG:2154")


def pt(x, y):
    return struct.pack("<BIdd", 1, 1, x, y)


def pt_z_nan(x, y):
    return struct.pack("<BI3d", 1, 1001, x, y, float("nan"))


def gpkg(wkb_bytes):
    return b"GP\x00\x01" + struct.pack("<i", 2154) + wkb_bytes


def row(fid, nom="a", volume=10, hauteur=1.5, date="2024-01-05", x=651000.0, y=6862000.0, geometry=None):
    return (fid, (fid, nom, volume, hauteur, date), geometry if geometry is not None else pt(x, y))


BASE = [row(1), row(2), row(3), row(4), row(6)]
EDITED = [
    row(1),                                           # unchanged
    row(2, nom="b", date="2024-02-29"),               # two attributes changed
    row(4, x=651000.01),                              # moved by 1 cm
    row(5, nom="nouveau"),                            # inserted
    row(6, volume="10", hauteur="1.50", geometry=gpkg(pt(651000.0, 6862000.0))),  # representation only
    (None, (None, "sans clé", 1, 0.5, None), pt(1.0, 2.0)),                     # inserted, no key yet
]                                                     # 3 deleted


def by_key(changeset):
    return {(c.op, c.key): c for c in changeset.changes}


@pytest.mark.parametrize("sorted_by_key", [True, False], ids=["merge-join", "hash-join"])
def test_added_deleted_modified(sorted_by_key):
    cs = compute_changeset(BASE, EDITED, SCHEMA, sorted_by_key=sorted_by_key)
    assert cs.fingerprint_scheme == FINGERPRINT_SCHEME
    assert sorted(by_key(cs), key=repr) == sorted([(UPDATE, 2), (DELETE, 3), (UPDATE, 4), (INSERT, 5),
                                                   (INSERT, None)], key=repr)
    changes = by_key(cs)
    two = changes[(UPDATE, 2)]
    assert two.changed_fields == ["nom", "date_pose"] and not two.geometry_changed
    assert two.changed_values() == {"nom": ("a", "b"),
                                    "date_pose": (dt.date(2024, 1, 5), dt.date(2024, 2, 29))}
    assert two.new["volume_l"] == 10 and two.old["fid"] == 2
    four = changes[(UPDATE, 4)]
    assert four.changed_fields == [] and four.geometry_changed
    assert four.old_geometry == pt(651000.0, 6862000.0) and four.new_geometry == pt(651000.01, 6862000.0)
    assert changes[(DELETE, 3)].old["nom"] == "a" and changes[(DELETE, 3)].new is None
    assert changes[(INSERT, 5)].old is None and changes[(INSERT, 5)].base_fingerprint is None


def test_merge_join_gives_changes_in_key_order():
    cs = compute_changeset(BASE, [r for r in EDITED if r[0] is not None], SCHEMA, sorted_by_key=True)
    assert [(c.op, c.key) for c in cs.changes] == [(UPDATE, 2), (DELETE, 3), (UPDATE, 4), (INSERT, 5)]


def test_touched_base_features_get_their_fingerprint():
    cs = compute_changeset(BASE, EDITED, SCHEMA, sorted_by_key=True)
    for change in cs.changes:
        if change.op == INSERT:
            assert change.base_fingerprint is None
        else:
            assert change.base_fingerprint == fingerprint(change.old, change.old_geometry, SCHEMA)


@pytest.mark.parametrize("edited", [
    row(1, volume="10"), row(1, volume=10.0), row(1, hauteur="1.5000"), row(1, hauteur=1.5000000000001),
    row(1, date=dt.date(2024, 1, 5)), row(1, geometry=gpkg(pt(651000.0, 6862000.0))),
    row(1, geometry=pt_z_nan(651000.0, 6862000.0)), row(1, x=651000.0004),
    row(1, geometry=struct.pack(">BIdd", 0, 1, 651000.0, 6862000.0)),
    (1, {"fid": 1, "nom": "a", "volume_l": 10, "hauteur_m": 1.5, "date_pose": "2024-01-05"},
     pt(651000.0, 6862000.0)),
], ids=["int-as-text", "int-as-float", "real-as-text", "real-noise", "date-object", "gpkg-header", "z-nan",
        "0.4mm", "big-endian", "dict-row"])
def test_representation_differences_are_no_change(edited):
    assert len(compute_changeset([row(1)], [edited], SCHEMA, sorted_by_key=True)) == 0


def test_empty_text_and_null_are_the_same_but_a_space_is_not():
    base = [row(1, nom=None), row(2, nom="x")]
    cs = compute_changeset(base, [row(1, nom=""), row(2, nom="x ")], SCHEMA, sorted_by_key=True)
    assert [(c.key, c.changed_fields) for c in cs.changes] == [(2, ["nom"])]


def test_dict_rows_keep_names_the_schema_lacks():
    base = [PlainFeature(1, {"fid": 1, "nom": "a"}, pt(0, 0))]
    edited = [PlainFeature(1, {"fid": 1, "nom": "a", "couleur": "rouge"}, pt(0, 0))]
    cs = compute_changeset_from_features(base, edited, SCHEMA)
    assert cs.changes[0].changed_fields == ["couleur"]
    assert cs.changes[0].new["couleur"] == "rouge"


def test_wrong_value_is_kept_raw_for_validation():
    cs = compute_changeset([row(1)], [row(1, volume="beaucoup")], SCHEMA, sorted_by_key=True)
    assert cs.changes[0].new["volume_l"] == "beaucoup"
    assert cs.changes[0].changed_fields == ["volume_l"]


@pytest.mark.parametrize("base, edited, code", [
    ([row(2), row(1)], [], "changeset.unsorted"),
    ([], [row(2), row(1)], "changeset.unsorted"),
    ([row(1), row(1)], [row(1)], "changeset.duplicate_key"),
    ([row(1)], [row(1), row(1)], "changeset.duplicate_key"),
    ([row(None)], [row(1)], "changeset.missing_key"),
    ([row(1), row(2)], [row(1), row("2")], "changeset.key_types"),
    ([row(1)], [(1, (1, "a"), pt(0, 0))], "changeset.row_shape"),
])
def test_unusable_rows_raise_with_a_code(base, edited, code):
    with pytest.raises(ChangeSetInputError) as caught:
        compute_changeset(base, edited, SCHEMA, sorted_by_key=True)
    assert caught.value.code == code


@pytest.mark.parametrize("base, edited", [
    ([row(1), row(1)], [row(1)]), ([row(1)], [row(1), row(1)]), ([row(None)], [])])
def test_hash_join_refuses_duplicate_and_missing_keys_too(base, edited):
    with pytest.raises(ChangeSetInputError):
        compute_changeset(base, edited, SCHEMA, sorted_by_key=False)


def test_unsorted_rows_are_fine_without_sorted_by_key():
    cs = compute_changeset([row(2), row(1)], [row(1, nom="z"), row(3)], SCHEMA)
    assert sorted((c.op, c.key) for c in cs.changes) == [(DELETE, 2), (INSERT, 3), (UPDATE, 1)]


def test_text_keys_in_code_point_order():
    keys = sorted(["EP-001", "EP-010", "EP-002", "Év-1", "ev-1", "EP-Z"])
    base = [row(k) for k in keys]
    edited = [row(k, nom="b") if k == "Év-1" else row(k) for k in keys if k != "EP-002"]
    cs = compute_changeset(base, edited, SCHEMA, sorted_by_key=True)
    assert [(c.op, c.key) for c in cs.changes] == [(DELETE, "EP-002"), (UPDATE, "Év-1")]


def test_progress_and_cancel():
    rows = [row(i) for i in range(50_000)]
    seen = []
    compute_changeset(rows, rows, SCHEMA, sorted_by_key=True, progress=seen.append, expected_rows=100_000)
    assert len(seen) > 5 and seen == sorted(seen) and seen[-1] == 1.0
    with pytest.raises(Cancelled):
        compute_changeset(rows, rows, SCHEMA, sorted_by_key=True, is_cancelled=lambda: True)


# ---------------------------------------------------------------------------- against a reference
def reference_diff(base, edited):
    """The obvious, slow diff: dicts and field-by-field equality of already-clean values."""
    old = {r[0]: r for r in base}
    new = {r[0]: r for r in edited}
    out = set()
    for key in old.keys() - new.keys():
        out.add((DELETE, key, ()))
    for key in new.keys() - old.keys():
        out.add((INSERT, key, ()))
    for key in old.keys() & new.keys():
        fields = tuple(f.name for f, a, b in zip(SCHEMA.fields, old[key][1], new[key][1]) if a != b)
        if fields or old[key][2] != new[key][2]:
            out.add((UPDATE, key, fields))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_merge_and_hash_joins_agree_with_a_reference(seed):
    rng = random.Random(seed)
    base = [row(k, nom=rng.choice("abc"), volume=rng.randrange(5), x=rng.randrange(10) * 1.0)
            for k in sorted(rng.sample(range(2000), 600))]
    edited = []
    for r in base:
        roll = rng.random()
        if roll < 0.1:
            continue
        if roll < 0.2:
            r = row(r[0], nom="zz", volume=r[1][2], x=struct.unpack_from("<d", r[2], 5)[0])
        elif roll < 0.3:
            r = (r[0], r[1], pt(99.0, 99.0))
        edited.append(r)
    edited += [row(k) for k in rng.sample(range(2000, 3000), 40)]
    edited.sort(key=lambda r: r[0])
    expected = reference_diff(base, edited)
    for sorted_by_key, b, e in [(True, base, edited), (False, base[::-1], edited[::-1])]:
        cs = compute_changeset(b, e, SCHEMA, sorted_by_key=sorted_by_key)
        got = {(c.op, c.key, tuple(c.changed_fields)) for c in cs.changes}
        assert got == expected
    assert len(expected) > 100


def test_merge_join_memory_does_not_grow_with_the_layers():
    """Streaming: the merge-join holds the current rows, the hash-join the whole base."""
    def rows(n):
        return (row(i, nom=f"n{i}") for i in range(n))

    peaks = {}
    for mode in (True, False):
        tracemalloc.start()
        compute_changeset(rows(100_000), rows(100_000), SCHEMA, sorted_by_key=mode)
        peaks[mode] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peaks[True] * 20 < peaks[False]
