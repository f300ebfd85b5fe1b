"""The 3-way conflict model and rebase (plain data, no server)."""

import struct

import pytest

from geogov.plugin.errors import ApplyError
from geogov.plugin.proposals.fingerprint import fingerprint
from geogov.plugin.proposals.model import Change, ChangeSet, FieldDef, PlainFeature, Schema
from geogov.plugin.publishing.conflicts import (
    CHANGED,
    CURRENT,
    DELETED,
    EXISTS,
    GEOMETRY,
    PROPOSED,
    Edited,
    conflict_from_dict,
    conflict_map,
    conflicts_from_dicts,
    describe_conflict,
    rebase,
)

SCHEMA = Schema(fields=[FieldDef("fid", "integer", False, auto=True), FieldDef("id", "string", False),
                        FieldDef("etat"), FieldDef("puissance_w", "integer"), FieldDef("hauteur_m", "real")],
                key="id", geometry_type="Point", crs="EPSG:2154")


def pt(x, y):
    return struct.pack("<BIdd", 1, 1, x, y)


BASE = {"fid": 1, "id": "A", "etat": "en service", "puissance_w": 40, "hauteur_m": 4.0}


def update(new_values, geometry=None):
    new = dict(BASE, **new_values)
    return Change("update", "A", old=dict(BASE), new=new, old_geometry=pt(1, 1),
                  new_geometry=geometry or pt(1, 1),
                  changed_fields=[k for k in new_values], geometry_changed=geometry is not None,
                  base_fingerprint=fingerprint(BASE, pt(1, 1), SCHEMA))


def current(**values):
    geometry = values.pop("geometry", pt(1, 1))
    return PlainFeature("A", dict(BASE, **values), geometry)


def test_both_sides_changed_and_one_side_changes_are_told_apart():
    change = update({"etat": "en panne", "hauteur_m": 6.0})
    conflict = describe_conflict(change, current(etat="déposé", puissance_w=35), SCHEMA)
    assert conflict.kind == CHANGED and conflict.op == "update"
    assert conflict.fields == {"etat": ("en service", "déposé", "en panne"),
                               "puissance_w": (40, 35, 40),
                               "hauteur_m": (4.0, 4.0, 6.0)}
    assert conflict.both == ["etat"]
    assert conflict_map([conflict]) == {"A": conflict.fields}
    assert "fid" not in conflict.fields              # a data source's own id is no conflict


def test_same_edit_on_both_sides_is_not_a_choice():
    conflict = describe_conflict(update({"etat": "en panne"}),
                                 current(etat="en panne", puissance_w=35), SCHEMA)
    assert conflict.both == []


def test_geometry_conflict():
    conflict = describe_conflict(update({}, geometry=pt(2, 2)), current(geometry=pt(3, 3)), SCHEMA)
    assert conflict.fields[GEOMETRY] == (pt(1, 1), pt(3, 3), pt(2, 2))
    assert conflict.both == [GEOMETRY]


def test_deleted_and_exists_kinds():
    gone = describe_conflict(update({"etat": "en panne"}), None, SCHEMA)
    assert gone.kind == DELETED and gone.fields == {"etat": ("en service", None, "en panne")}
    insert = Change("insert", "B", new={"id": "B", "etat": "en service", "puissance_w": 10},
                    new_geometry=pt(5, 5))
    taken = describe_conflict(insert, PlainFeature("B", {"fid": 9, "id": "B", "etat": "déposé"},
                                                   pt(5, 5)), SCHEMA)
    assert taken.kind == EXISTS
    assert taken.fields == {"etat": (None, "déposé", "en service"), "puissance_w": (None, None, 10)}


def test_rebase_per_field_choices():
    change = update({"etat": "en panne", "hauteur_m": 6.0})
    now = current(etat="déposé", puissance_w=35)
    conflict = describe_conflict(change, now, SCHEMA)
    changes = ChangeSet(schema=SCHEMA, changes=[change, Change("delete", "Z", old={"id": "Z"})])

    rebased = rebase(changes, [conflict], {"A": {"etat": CURRENT}})

    first, untouched = rebased.changes
    assert untouched.op == "delete" and untouched.key == "Z"
    # the server's etat and puissance_w stay, the proposal's hauteur_m goes through
    assert first.old == now.attributes
    assert first.new == dict(now.attributes, hauteur_m=6.0)
    assert first.changed_fields == ["hauteur_m"] and not first.geometry_changed
    assert first.base_fingerprint == fingerprint(now.attributes, now.geometry, SCHEMA)


def test_rebase_all_at_once_and_edited_values():
    change = update({"etat": "en panne"}, geometry=pt(2, 2))
    conflict = describe_conflict(change, current(etat="déposé", geometry=pt(3, 3)), SCHEMA)
    changes = ChangeSet(schema=SCHEMA, changes=[change])

    assert rebase(changes, [conflict], CURRENT).changes == []      # nothing left to change
    proposed = rebase(changes, [conflict], PROPOSED).changes[0]
    assert proposed.new["etat"] == "en panne" and proposed.new_geometry == pt(2, 2)
    edited = rebase(changes, [conflict], {"A": {"etat": Edited("à vérifier"),
                                                GEOMETRY: Edited(pt(4, 4))}}).changes[0]
    assert edited.new["etat"] == "à vérifier" and edited.new_geometry == pt(4, 4)
    assert edited.changed_fields == ["etat"] and edited.geometry_changed


def test_unresolved_fields_are_named():
    change = update({"etat": "en panne"}, geometry=pt(2, 2))
    conflict = describe_conflict(change, current(etat="déposé", geometry=pt(3, 3)), SCHEMA)
    with pytest.raises(ApplyError) as info:
        rebase(ChangeSet(schema=SCHEMA, changes=[change]), [conflict], {"A": {"etat": CURRENT}})
    assert info.value.code == "conflict.unresolved"
    assert info.value.params == {"key": "A", "fields": [GEOMETRY]}
    with pytest.raises(ApplyError) as info:
        rebase(ChangeSet(schema=SCHEMA, changes=[change]), [conflict], {"A": {"etat": "mine"}})
    assert info.value.code == "conflict.bad_choice"


def test_rebase_whole_feature_kinds():
    gone_update = update({"etat": "en panne"})
    gone = describe_conflict(gone_update, None, SCHEMA)
    assert rebase(ChangeSet(SCHEMA, [gone_update]), [gone], CURRENT).changes == []
    recreated = rebase(ChangeSet(SCHEMA, [gone_update]), [gone], PROPOSED).changes[0]
    assert recreated.op == "insert" and recreated.new["etat"] == "en panne"

    delete = Change("delete", "A", old=dict(BASE), old_geometry=pt(1, 1),
                    base_fingerprint=fingerprint(BASE, pt(1, 1), SCHEMA))
    moved = current(puissance_w=35)
    changed = describe_conflict(delete, moved, SCHEMA)
    assert changed.fields == {"puissance_w": (40, 35, None)} and changed.both == ["puissance_w"]
    assert rebase(ChangeSet(SCHEMA, [delete]), [changed], CURRENT).changes == []
    again = rebase(ChangeSet(SCHEMA, [delete]), [changed], PROPOSED).changes[0]
    assert again.op == "delete" and again.old == moved.attributes
    with pytest.raises(ApplyError):
        rebase(ChangeSet(SCHEMA, [delete]), [changed], {"A": {"puissance_w": CURRENT}})

    insert = Change("insert", "B", new={"id": "B", "etat": "en service"}, new_geometry=pt(5, 5))
    existing = PlainFeature("B", {"fid": 9, "id": "B", "etat": "déposé"}, pt(5, 5))
    taken = describe_conflict(insert, existing, SCHEMA)
    turned = rebase(ChangeSet(SCHEMA, [insert]), [taken], PROPOSED).changes[0]
    assert turned.op == "update" and turned.old == existing.attributes
    assert turned.changed_fields == ["etat"] and turned.new["etat"] == "en service"


def test_conflict_to_dict_is_json_safe():
    import json

    conflict = describe_conflict(update({}, geometry=pt(2, 2)), current(geometry=pt(3, 3)), SCHEMA)
    text = json.dumps(conflict.to_dict())
    assert '"kind": "changed"' in text and pt(3, 3).hex() in text


# ---------------------------------------------------------------------------- recorded conflicts
def keyed(key, **values):
    """An update of the feature ``key`` (the key field "id" holds it) and the feature as the
    target holds it now, changed by ``values``."""
    base = dict(BASE, id=key)
    change = Change("update", key, old=dict(base), new=dict(base, etat="en panne"), old_geometry=pt(1, 1),
                    new_geometry=pt(2, 2), changed_fields=["etat"], geometry_changed=True,
                    base_fingerprint=fingerprint(base, pt(1, 1), SCHEMA))
    return change, PlainFeature(key, dict(base, **values), pt(3, 3))


def recorded(conflicts):
    """As an apply attempt's details hold them: through JSON text."""
    import json

    return json.loads(json.dumps([c.to_dict() for c in conflicts]))


def test_a_recorded_conflict_comes_back_as_it_was():
    import datetime as dt

    change, now = keyed("A", etat="déposé", puissance_w=35)
    change.old["hauteur_m"] = change.new["hauteur_m"] = dt.date(2020, 1, 1)     # a typed value
    now.attributes["hauteur_m"] = dt.date(2021, 6, 1)
    original = describe_conflict(change, now, SCHEMA)
    data = recorded([original])
    assert data[0]["key"] == "A" and data[0]["fields"]["hauteur_m"][1] == {"$date": "2021-06-01"}
    (back,) = conflicts_from_dicts(ChangeSet(SCHEMA, [change]), data)
    assert (back.key, back.op, back.kind, back.both, back.fields) == \
        (original.key, original.op, original.kind, original.both, original.fields)
    assert back.fields[GEOMETRY] == (pt(1, 1), pt(3, 3), pt(2, 2))
    assert back.current == PlainFeature("A", now.attributes, pt(3, 3))
    assert rebase(ChangeSet(SCHEMA, [change]), [back], PROPOSED).changes == \
        rebase(ChangeSet(SCHEMA, [change]), [original], PROPOSED).changes


def test_the_key_1_and_the_key_1_as_text_stay_two_features():
    one, one_now = keyed(1, etat="déposé")
    text, text_now = keyed("1", etat="hors service", puissance_w=12)
    changeset = ChangeSet(SCHEMA, [one, text])
    both = conflicts_from_dicts(changeset, recorded([describe_conflict(text, text_now, SCHEMA),
                                                     describe_conflict(one, one_now, SCHEMA)]))
    assert [(type(c.key), c.key, c.fields["etat"][1]) for c in both] == \
        [(str, "1", "hors service"), (int, 1, "déposé")]
    assert both[0].current.attributes["puissance_w"] == 12 and both[1].current.attributes["puissance_w"] == 40
    # A conflict recorded about the text key only never lands on the integer key's change.
    (only,) = conflicts_from_dicts(changeset, recorded([describe_conflict(text, text_now, SCHEMA)]))
    assert only.key == "1" and type(only.key) is str
    assert conflicts_from_dicts(ChangeSet(SCHEMA, [one]),
                                recorded([describe_conflict(text, text_now, SCHEMA)])) == []
    assert conflicts_from_dicts(ChangeSet(SCHEMA, [text]),
                                recorded([describe_conflict(one, one_now, SCHEMA)])) == []


def test_a_recorded_conflict_on_a_deleted_or_taken_feature():
    change, _now = keyed("A")
    gone = conflict_from_dict({"key": "A", "op": "update", "kind": DELETED,
                               "fields": {"etat": ["en service", None, "en panne"]}}, change)
    assert gone.current is None and gone.fields == {"etat": ("en service", None, "en panne")}
    insert = Change("insert", "B", new={"id": "B", "etat": "en service", "puissance_w": 5},
                    new_geometry=pt(5, 5))
    taken = conflict_from_dict({"key": "B", "op": "insert", "kind": EXISTS, "both": ["etat"],
                                "fields": {"etat": [None, "déposé", "en service"]}}, insert)
    # Fields no side changed are as proposed; the recorded current values over them.
    assert taken.current == PlainFeature("B", {"id": "B", "etat": "déposé", "puissance_w": 5}, pt(5, 5))
