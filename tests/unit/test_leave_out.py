"""Leaving changes out of a proposal: a change set filtered by (op, key)."""

from geogov.plugin.proposals.leave_out import (
    change_ref,
    included,
    known,
    left_out,
    problem_ref,
    problems_of,
    ref,
)
from geogov.plugin.proposals.model import DELETE, INSERT, UPDATE, Change, ChangeSet, FieldDef, Problem, Schema

SCHEMA = Schema(fields=[FieldDef("identifiant", nullable=False), FieldDef("revetement")], key="identifiant",
                geometry_type="LineString", crs="EPSG:2154")


def changeset():
    return ChangeSet(schema=SCHEMA, fingerprint_scheme="v2", changes=[
        Change(INSERT, -1, new={"identifiant": None, "revetement": "pavés"}),
        Change(UPDATE, "CYC-94-00002", old={"revetement": "béton"}, new={"revetement": "pavés"},
               changed_fields=["revetement"]),
        # A feature replaced: deleted, and a new one with the same key.
        Change(DELETE, "CYC-94-00003", old={"revetement": "béton"}),
        Change(INSERT, "CYC-94-00003", new={"identifiant": "CYC-94-00003", "revetement": "enrobé"}),
        Change(UPDATE, ["CYC", 7], old={}, new={}, changed_fields=[]),
    ])


def test_a_change_is_named_by_its_operation_and_its_key():
    changes = changeset().changes
    assert [change_ref(c) for c in changes] == [
        (INSERT, -1), (UPDATE, "CYC-94-00002"), (DELETE, "CYC-94-00003"), (INSERT, "CYC-94-00003"),
        (UPDATE, ("CYC", 7))]
    # A composite key read back from JSON (a list) is usable in a set.
    assert len({change_ref(c) for c in changes}) == 5


def test_the_changes_left_out_are_not_in_the_included_change_set():
    full = changeset()
    kept = included(full, {ref(DELETE, "CYC-94-00003"), ref(INSERT, -1)})
    assert [change_ref(c) for c in kept.changes] == [
        (UPDATE, "CYC-94-00002"), (INSERT, "CYC-94-00003"), (UPDATE, ("CYC", 7))]
    assert kept.schema is full.schema and kept.fingerprint_scheme == "v2"
    assert kept.counts() == {INSERT: 1, UPDATE: 2, DELETE: 0}
    # The full change set is untouched: the left-out changes are not lost.
    assert len(full.changes) == 5
    assert [change_ref(c) for c in left_out(full, {ref(DELETE, "CYC-94-00003"), ref(INSERT, -1)})] == [
        (INSERT, -1), (DELETE, "CYC-94-00003")]


def test_the_replacing_insert_is_left_out_alone():
    kept = included(changeset(), [ref(INSERT, "CYC-94-00003")])
    assert (DELETE, "CYC-94-00003") in [change_ref(c) for c in kept.changes]
    assert (INSERT, "CYC-94-00003") not in [change_ref(c) for c in kept.changes]


def test_a_composite_key_is_left_out_whether_list_or_tuple():
    kept = included(changeset(), [ref(UPDATE, ("CYC", 7))])
    assert len(kept.changes) == 4 and all(c.key != ["CYC", 7] for c in kept.changes)


def test_nothing_left_out_is_the_change_set_itself_and_everything_left_out_is_empty():
    full = changeset()
    assert included(full, ()) is full
    every = {change_ref(c) for c in full.changes}
    assert included(full, every).changes == []


def test_refs_of_changes_that_are_gone_are_forgotten():
    full = changeset()
    stale = {ref(UPDATE, "CYC-94-00002"), ref(UPDATE, "CYC-94-09999")}
    assert known(stale, full) == {ref(UPDATE, "CYC-94-00002")}


def test_problems_lead_to_their_change():
    problems = [Problem("proposal.required_missing", key=-1, op=INSERT, field="identifiant"),
                Problem("proposal.outside_territory", key="CYC-94-00003", op=DELETE),
                Problem("proposal.not_allowed", params={"partner": "x"})]
    assert [problem_ref(p) for p in problems] == [(INSERT, -1), (DELETE, "CYC-94-00003"), None]
    assert problems_of(problems, ref(DELETE, "CYC-94-00003")) == [problems[1]]
    assert problems_of(problems, ref(INSERT, "CYC-94-00003")) == []
