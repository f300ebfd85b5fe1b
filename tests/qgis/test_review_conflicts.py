"""The 3-way conflict dialog's choices and the texts of the review: conflicts recorded in the
store come back as they were, every choice (click, typed value, base, all at once, whole
feature) gives the rebase that the core computes, and the French of the queue's short texts."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from geogov.plugin.bridge.messages.publishing import apply_result_text
from geogov.plugin.bridge.review import recorded_conflicts
from geogov.plugin.proposals.model import (
    ApplyAttempt,
    Change,
    ChangeSet,
    FieldDef,
    PlainFeature,
    Proposal,
    Schema,
)
from geogov.plugin.publishing.conflicts import (
    CURRENT,
    GEOMETRY,
    PROPOSED,
    Edited,
    conflict_from_dict,
    describe_conflict,
    rebase,
)
from geogov.plugin.publishing.result import ApplyResult, Refusal
from geogov.tests.support.french import french
from geogov.ui.conflict_dialog import BASE, ConflictDialog
from geogov.ui.proposal_view import age_text, approvals_text, size_text

SCHEMA = Schema(fields=[FieldDef("code", "string", False), FieldDef("etat"), FieldDef("puissance", "integer"),
                        FieldDef("pose", "date")], key="code", geometry_type="Point", crs="EPSG:2154")


def pt(x, y):
    from osgeo import ogr

    geometry = ogr.Geometry(ogr.wkbPoint)
    geometry.AddPoint_2D(x, y)
    return bytes(geometry.ExportToIsoWkb())


BASE_A = {"code": "A", "etat": "en service", "puissance": 70, "pose": dt.date(2020, 1, 1)}


def update_a():
    new = dict(BASE_A, etat="en panne", puissance=100)
    return Change("update", "A", old=dict(BASE_A), new=new, old_geometry=pt(1, 1), new_geometry=pt(2, 2),
                  changed_fields=["etat", "puissance"], geometry_changed=True, base_fingerprint="x")


def delete_b():
    old = {"code": "B", "etat": "en service", "puissance": 50, "pose": None}
    return Change("delete", "B", old=old, old_geometry=pt(5, 5), base_fingerprint="y")


def conflicts_now():
    """A: the data changed etat (both sides) and pose (one side) and moved it (both sides);
    B: the proposal deletes it, the data changed it."""
    current_a = PlainFeature("A", dict(BASE_A, etat="déposé", pose=dt.date(2021, 6, 1)), pt(3, 3))
    current_b = PlainFeature("B", {"code": "B", "etat": "en panne", "puissance": 50, "pose": None}, pt(5, 5))
    return [describe_conflict(update_a(), current_a, SCHEMA),
            describe_conflict(delete_b(), current_b, SCHEMA)]


def changes():
    return ChangeSet(SCHEMA, [update_a(), delete_b()])


@pytest.fixture()
def dialog(qgis_app):
    made = ConflictDialog(conflicts_now(), SCHEMA, "Lampes")
    yield made
    made.deleteLater()


def test_the_dialog_needs_every_both_sided_field_and_every_whole_feature(dialog):
    assert not dialog.ok_button.isEnabled()
    open_ = dict(dialog.unresolved())
    assert open_ == {"Feature A (modified)": ["etat", "geometry"],
                     "Feature B (deleted)": ["the whole feature"]}
    # One-sided fields are filled: the data's pose, the proposal's puissance.
    assert dialog.pick_of(0, "pose") == CURRENT and dialog.pick_of(0, "puissance") == PROPOSED
    dialog.choose(0, "etat", PROPOSED)
    dialog.choose(0, GEOMETRY, CURRENT)
    assert not dialog.ok_button.isEnabled()
    dialog.features.setCurrentRow(1)
    dialog.table.cellClicked.emit(0, 2)                 # B: keep the feature as the data has it
    assert dialog.ok_button.isEnabled() and dialog.reason.text() == ""
    choices = dialog.choices()
    assert choices == {"A": {"etat": PROPOSED, GEOMETRY: CURRENT, "pose": CURRENT, "puissance": PROPOSED},
                       "B": CURRENT}
    rebased = rebase(changes(), conflicts_now(), choices)
    assert [c.key for c in rebased.changes] == ["A"]     # B is no longer deleted
    a = rebased.changes[0]
    assert a.new["etat"] == "en panne" and a.new["puissance"] == 100 and a.new["pose"] == dt.date(2021, 6, 1)
    assert not a.geometry_changed and a.old["etat"] == "déposé"


def test_typed_values_are_checked_against_the_field_type(dialog):
    assert not dialog.type_value(0, "puissance", "beaucoup")
    assert "not a valid whole number" in dialog.invalid[0]["puissance"]
    assert any("puissance" in names for _label, names in dialog.unresolved())
    assert dialog.type_value(0, "puissance", "85")
    assert dialog.choices()["A"]["puissance"] == Edited(85)
    assert dialog.type_value(0, "pose", "2022-02-03")
    assert dialog.choices()["A"]["pose"] == Edited(dt.date(2022, 2, 3))
    assert not dialog.type_value(0, GEOMETRY, "POINT(1")
    assert dialog.type_value(0, GEOMETRY, "POINT(7.5 8.25)")
    dialog.choose(0, "etat", BASE)                      # back to the value of the base
    assert dialog.choices()["A"]["etat"] == Edited("en service")
    dialog.features.setCurrentRow(1)
    dialog.choose(1, "etat", PROPOSED)                  # B: delete it anyway
    rebased = rebase(changes(), conflicts_now(), dialog.choices())
    a = next(c for c in rebased.changes if c.key == "A")
    assert a.new["puissance"] == 85 and a.new["etat"] == "en service" and a.new_geometry == pt(7.5, 8.25)
    assert next(c for c in rebased.changes if c.key == "B").op == "delete"


def test_keep_all_current_and_take_all_proposed_settle_what_is_open_only(dialog):
    dialog.choose(0, "etat", PROPOSED)
    dialog.current_all.click()
    choices = dialog.choices()
    assert choices["A"]["etat"] == PROPOSED and choices["A"][GEOMETRY] == CURRENT and choices["B"] == CURRENT
    assert dialog.ok_button.isEnabled()
    other = ConflictDialog(conflicts_now(), SCHEMA)
    try:
        other.proposed_all.click()
        assert other.choices() == {"A": {"etat": PROPOSED, GEOMETRY: PROPOSED, "pose": CURRENT,
                                         "puissance": PROPOSED}, "B": PROPOSED}
    finally:
        other.deleteLater()


def test_conflicts_recorded_with_an_apply_attempt_come_back_as_they_were(qgis_app):
    originals = conflicts_now()
    result = ApplyResult(status="conflict", conflicts=originals)
    proposal = Proposal(id="p", dataset="d", target=None, author="a", partner="x", changeset=changes(),
                        apply_attempts=[ApplyAttempt("s", "conflict", copy.deepcopy(result.to_dict()))])
    back = recorded_conflicts(proposal)
    assert [(c.key, c.kind, c.both, c.fields) for c in back] == \
        [(c.key, c.kind, c.both, c.fields) for c in originals]
    assert back[0].current.attributes == originals[0].current.attributes
    assert back[0].current.geometry == originals[0].current.geometry
    assert rebase(changes(), back, {"A": PROPOSED, "B": PROPOSED}).changes == \
        rebase(changes(), originals, {"A": PROPOSED, "B": PROPOSED}).changes
    gone = conflict_from_dict({"key": "A", "op": "update", "kind": "deleted", "fields": {}}, update_a())
    assert gone.current is None


def test_what_an_apply_did_is_said_from_its_data(qgis_app):
    applied = ApplyResult(status="applied", written={"insert": 1, "update": 2, "delete": 0})
    assert apply_result_text(applied) == ("Applied to the authoritative data and verified: 1 added, "
                                          "2 modified, 0 deleted.")
    refused = ApplyResult(status="refused", refusals=[Refusal("EP-1", "update", "CHECK constraint failed")])
    assert apply_result_text(refused).startswith("The target refused part of the proposal: Feature EP-1 "
                                                 "(modified): CHECK constraint failed. Everything")
    invalid = ApplyResult(status="invalid")
    from geogov.plugin.proposals.model import Problem

    invalid.problems = [Problem("apply.not_nullable", key="EP-2", op="insert", field="identifiant")]
    assert "New feature EP-2: the field “identifiant” may not be empty in the target." in \
        apply_result_text(invalid)


def test_the_short_texts_of_the_queue_in_french(qgis_app, tmp_path):
    now = dt.datetime(2026, 5, 10, 12, 0, tzinfo=dt.timezone.utc)
    with french(tmp_path):
        assert approvals_text({"steward": True, "dpo": False}) == "référent validation ✓, DPO en attente"
        assert age_text(now - dt.timedelta(days=3), now) == "il y a 3 jours"
        assert age_text(now - dt.timedelta(hours=26), now) == "hier"
        assert age_text(now - dt.timedelta(minutes=5), now) == "il y a 5 minutes"
    assert size_text({"insert": 2, "update": 1, "delete": 3}) == "+2 ~1 −3"
