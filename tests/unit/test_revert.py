"""Reverting an applied proposal (plugin/publishing/revert.py): the inverse change set, and
each inverse change against the target's data as it is now."""

import copy

import pytest

from geogov.plugin.errors import ApplyError
from geogov.plugin.proposals.fingerprint import fingerprint
from geogov.plugin.proposals.model import Change, ChangeSet, FieldDef, PlainFeature, Schema, Target
from geogov.plugin.publishing.apply import apply_changeset
from geogov.plugin.publishing.conflicts import CHANGED, DELETED, EXISTS, GEOMETRY
from geogov.plugin.publishing.revert import (
    check_against_current,
    inverse_change,
    inverse_changeset,
    read_current,
    wfs_current,
)
from geogov.plugin.publishing.wfs_layer import RemoteFeature, WfsLayer
from geogov.tests.support.apply_helpers import TABLE, changeset_of, eclairage_schema, point, read_gpkg
from geogov.tests.unit.test_geopackage_any_gdal import gdal_geopackage

SCHEMA = eclairage_schema()


def feature(key, etat="en service", x=650000.0, puissance=40, fid=None):
    return PlainFeature(key, {"fid": fid, "identifiant": key, "type_lampe": "LED", "puissance_w": puissance,
                              "hauteur_m": 6.5, "date_pose": None, "code_insee": "94028", "etat": etat},
                        point(x, 6860000.0))


@pytest.fixture()
def applied():
    """(before, after, the applied change set): an update, a move, a delete and an insert."""
    before = {k: feature(k, x=650000.0 + i) for i, k in enumerate(["EP-1", "EP-2", "EP-3", "EP-4"])}
    after = copy.deepcopy(before)
    after["EP-1"].attributes.update(etat="en panne", puissance_w=25)
    after["EP-2"].geometry = point(651000.0, 6861000.0)
    del after["EP-3"]
    after["EP-NEW"] = feature("EP-NEW", etat="neuf", x=652000.0)
    return before, after, changeset_of(before, after, SCHEMA)


def by_key(changeset):
    return {c.key: c for c in changeset.changes}


# ---------------------------------------------------------------------------- inverse
def test_the_inverse_swaps_inserts_and_deletes_and_old_and_new(applied):
    before, after, changeset = applied
    inverse = by_key(inverse_changeset(changeset))
    assert {k: c.op for k, c in inverse.items()} == {"EP-1": "update", "EP-2": "update", "EP-3": "insert",
                                                     "EP-NEW": "delete"}
    update = inverse["EP-1"]
    assert update.old["etat"] == "en panne" and update.new["etat"] == "en service"
    assert update.changed_values() == {"etat": ("en panne", "en service"), "puissance_w": (25, 40)}
    assert update.base_fingerprint == fingerprint(after["EP-1"].attributes, after["EP-1"].geometry, SCHEMA)
    moved = inverse["EP-2"]
    assert moved.geometry_changed and moved.old_geometry == after["EP-2"].geometry
    assert moved.new_geometry == before["EP-2"].geometry
    reinsert = inverse["EP-3"]
    assert reinsert.new == before["EP-3"].attributes and reinsert.new_geometry == before["EP-3"].geometry
    assert reinsert.old is None and reinsert.base_fingerprint is None
    delete = inverse["EP-NEW"]
    assert delete.old == after["EP-NEW"].attributes and delete.new is None
    assert delete.base_fingerprint == fingerprint(after["EP-NEW"].attributes, after["EP-NEW"].geometry,
                                                  SCHEMA)


def test_the_inverse_of_the_inverse_is_the_change_set(applied):
    _before, _after, changeset = applied
    assert inverse_changeset(inverse_changeset(changeset)) == changeset
    assert inverse_changeset(changeset) != changeset
    # And it is in the reverse order (an insert reusing a deleted key is undone first).
    assert [c.key for c in inverse_changeset(changeset).changes] == \
        [c.key for c in reversed(changeset.changes)]


def test_the_inverse_applied_to_the_result_gives_the_data_back(tmp_path):
    path = gdal_geopackage(tmp_path / "eclairage.gpkg", count=6)
    target = Target("gpkg", str(path), TABLE)
    before = read_gpkg(path)
    after = copy.deepcopy(before)
    after["EP-002"].attributes["etat"] = "en panne"
    after["EP-003"].geometry = point(640000.0, 6870000.0)
    del after["EP-004"]
    new = copy.deepcopy(before["EP-005"])
    new.key = "EP-NEW"
    new.attributes.update(identifiant="EP-NEW", fid=None)
    after["EP-NEW"] = new
    changeset = changeset_of(before, after, SCHEMA)
    assert apply_changeset(changeset, target).status == "applied"
    inverse = inverse_changeset(changeset)
    target_schema, current = read_current(inverse, target)
    check = check_against_current(inverse, current, target_schema)
    assert not check.conflicts and not check.unchanged and len(check.changeset) == 4
    result = apply_changeset(check.changeset, target)
    assert result.status == "applied", result.message()
    now = read_gpkg(path)
    assert sorted(now) == sorted(before)
    for key, was in before.items():
        if key != "EP-004":                     # re-inserted: a new fid
            assert now[key].attributes == was.attributes, key
        assert now[key].geometry == was.geometry
    assert {k: v for k, v in now["EP-004"].attributes.items() if k != "fid"} == \
        {k: v for k, v in before["EP-004"].attributes.items() if k != "fid"}


def test_an_insert_whose_key_the_target_filled_is_deleted_by_that_key():
    schema = eclairage_schema(key="fid")
    change = Change("insert", -1, new={"fid": None, "identifiant": "EP-NEW", "etat": "neuf"},
                    new_geometry=point(1, 2))
    delete = inverse_change(change, schema, inserted={"-1": 57})
    assert (delete.op, delete.key, delete.old["fid"]) == ("delete", 57, 57)
    assert inverse_change(change, schema).key == -1          # not known: its provisional key


def test_an_unknown_operation_is_refused():
    with pytest.raises(ApplyError) as caught:
        inverse_change(Change("explode", "k"), SCHEMA)
    assert caught.value.code == "changeset.bad_op"


# ---------------------------------------------------------------------------- against the data
def test_features_as_the_apply_left_them_are_reverted_based_on_the_current_data(applied):
    _before, after, changeset = applied
    inverse = inverse_changeset(changeset)
    current = [copy.deepcopy(after.get(c.key)) for c in inverse.changes]
    for found in current:
        if found is not None:
            found.attributes["fid"] = 900            # the target's own key, not compared
    check = check_against_current(inverse, current, SCHEMA)
    assert not check.conflicts and not check.unchanged
    kept = by_key(check.changeset)
    assert kept["EP-1"].old["fid"] == 900 and kept["EP-1"].changed_fields == ["puissance_w", "etat"]
    assert kept["EP-1"].base_fingerprint == fingerprint(kept["EP-1"].old, kept["EP-1"].old_geometry, SCHEMA)
    assert kept["EP-NEW"].op == "delete" and kept["EP-NEW"].old["fid"] == 900
    assert kept["EP-3"].op == "insert"


def test_features_already_back_as_before_are_left_out(applied):
    before, _after, changeset = applied
    inverse = inverse_changeset(changeset)
    current = [copy.deepcopy(before.get(c.key)) for c in inverse.changes]     # someone undid it all
    check = check_against_current(inverse, current, SCHEMA)
    assert check.empty and not check.conflicts
    assert sorted(c.key for c in check.unchanged) == ["EP-1", "EP-2", "EP-3", "EP-NEW"]


def test_a_feature_changed_since_the_apply_is_a_conflict_never_overwritten(applied):
    _before, after, changeset = applied
    inverse = inverse_changeset(changeset)
    now = copy.deepcopy(after)
    now["EP-1"].attributes["etat"] = "déposé"                     # edited since the apply
    now["EP-2"].geometry = point(651500.0, 6861000.0)              # moved again
    del now["EP-NEW"]
    now["EP-NEW"] = feature("EP-NEW", etat="réparé", x=652000.0)  # the new one edited
    now["EP-3"] = feature("EP-3", etat="recréé")                   # the deleted key taken again
    check = check_against_current(inverse, [now.get(c.key) for c in inverse.changes], SCHEMA)
    assert check.empty
    conflicts = {c.key: c for c in check.conflicts}
    assert {k: c.kind for k, c in conflicts.items()} == {"EP-1": CHANGED, "EP-2": CHANGED, "EP-3": EXISTS,
                                                        "EP-NEW": CHANGED}
    # (base = as the apply left it, current = now, proposed = as before the apply)
    assert conflicts["EP-1"].fields["etat"] == ("en panne", "déposé", "en service")
    assert conflicts["EP-1"].both == ["etat"]
    assert GEOMETRY in conflicts["EP-2"].both
    assert conflicts["EP-NEW"].fields["etat"] == ("neuf", "réparé", None)


def test_an_updated_feature_deleted_since_is_a_conflict_and_the_others_are_still_reverted(applied):
    _before, after, changeset = applied
    inverse = inverse_changeset(changeset)
    now = copy.deepcopy(after)
    del now["EP-1"]
    check = check_against_current(inverse, [now.get(c.key) for c in inverse.changes], SCHEMA)
    assert [(c.key, c.kind) for c in check.conflicts] == [("EP-1", DELETED)]
    assert sorted(c.key for c in check.changeset.changes) == ["EP-2", "EP-3", "EP-NEW"]


# ---------------------------------------------------------------------------- reading the target
def test_the_current_features_are_read_from_a_geopackage_by_key(tmp_path):
    path = gdal_geopackage(tmp_path / "eclairage.gpkg", count=3)
    base = read_gpkg(path)
    changes = ChangeSet(SCHEMA, [
        Change("update", "EP-002", old=base["EP-002"].attributes, new=base["EP-002"].attributes),
        Change("insert", "EP-009", new={"identifiant": "EP-009"}),
        Change("delete", "EP-404", old={"identifiant": "EP-404"})])
    target_schema, current = read_current(changes, Target("gpkg", str(path), TABLE))
    assert target_schema.field("fid").auto
    assert current[0].attributes == base["EP-002"].attributes and current[1:] == [None, None]
    # An integer key field: the store's "2" finds the feature 2.
    by_fid = ChangeSet(eclairage_schema(key="fid"), [Change("delete", "2", old={})])
    _schema, [found] = read_current(by_fid, Target("gpkg", str(path), TABLE))
    assert found.attributes["identifiant"] == "EP-002"


def test_a_missing_target_file_is_an_error_and_is_not_created(tmp_path):
    missing = tmp_path / "gone.gpkg"
    with pytest.raises(ApplyError) as caught:
        read_current(ChangeSet(SCHEMA, []), Target("gpkg", str(missing), TABLE))
    assert caught.value.code == "revert.unreadable" and not missing.exists()


def test_a_key_the_target_does_not_have_is_an_error(tmp_path):
    path = gdal_geopackage(tmp_path / "eclairage.gpkg", count=1)
    with pytest.raises(ApplyError) as caught:
        read_current(ChangeSet(eclairage_schema(key="code"), [Change("delete", "x", old={})]),
                     Target("gpkg", str(path), TABLE))
    assert caught.value.code == "revert.key_missing" and caught.value.params["field"] == "code"


class FakeWfs:
    """describe() and features() as WfsClient answers them (QGIS Server: an fid id field)."""

    def __init__(self, features):
        fields = [FieldDef("fid", "integer", False, auto=True), FieldDef("identifiant", "string", False),
                  FieldDef("etat")]
        self.layer = WfsLayer(url="http://x/", typename=TABLE, element=TABLE, namespace="ns",
                              schema=Schema(fields=fields, key="", geometry_type="Point", crs="EPSG:2154"),
                              id_field="fid", qgis_server=True)
        self.stored = features
        self.asked = []

    def describe(self, is_cancelled=None):
        return self.layer

    def features(self, layer, *, ids=(), field=None, values=(), progress=None, is_cancelled=None):
        self.asked.append((field, list(values)))
        return [f for f in self.stored if f.attributes.get(field) in values]


def test_the_current_features_are_read_from_a_wfs_as_the_apply_reads_them():
    wfs = FakeWfs([RemoteFeature(f"{TABLE}.7", {"fid": 7, "identifiant": "EP-1", "etat": "en panne"},
                                 point(1, 2))])
    changes = ChangeSet(SCHEMA, [Change("update", "EP-1", old={}, new={}), Change("delete", "EP-2", old={}),
                                 Change("insert", "EP-3", new={"identifiant": "EP-3"})])
    target_schema, current = wfs_current(wfs, changes)
    assert target_schema is wfs.layer.schema
    assert current[0].attributes["etat"] == "en panne" and current[0].key == "EP-1"
    assert current[1:] == [None, None]
    assert wfs.asked == [("identifiant", ["EP-1", "EP-2", "EP-3"])]

