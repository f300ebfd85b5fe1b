"""The history of a feature or of a dataset from the change log (plugin/publishing/history.py)."""

import datetime as dt
import struct

from geogov.plugin.proposals.model import ApplyAttempt, Change, ChangeSet, FieldDef, Schema
from geogov.plugin.proposals.stores.base import ChangelogEntry
from geogov.plugin.publishing.history import (
    feature_history,
    history_rows,
    inserted_keys,
    layer_history,
    needs_inserted_keys,
    same_key,
    value_text,
)

UTC = dt.timezone.utc
TEXT_KEY = Schema(fields=[FieldDef("identifiant", "string", False), FieldDef("etat"),
                          FieldDef("puissance_w", "integer")],
                  key="identifiant", geometry_type="Point", crs="EPSG:2154")
INT_KEY = Schema(fields=[FieldDef("num", "integer", False), FieldDef("etat")], key="num",
                 geometry_type="Point", crs="EPSG:2154")
AUTO_KEY = Schema(fields=[FieldDef("fid", "integer", False, auto=True), FieldDef("etat")], key="fid",
                  geometry_type="Point", crs="EPSG:2154")


def pt(x, y):
    return struct.pack("<BIdd", 1, 1, x, y)


def entry(pid, changeset, day, title="", why="", approved=(("steward_sipperec", "steward"),)):
    return ChangelogEntry(pid, "eclairage-public", title or pid, why, "tech94", "cd94",
                          [(login, role, dt.datetime(2026, 5, day, 8, tzinfo=UTC))
                           for login, role in approved],
                          "steward_sipperec", dt.datetime(2026, 5, day, 9, 30, tzinfo=UTC),
                          {}, changeset)


def update(key, field, old, new, schema=TEXT_KEY, moved=False):
    key_field = schema.key
    return Change("update", key, old={key_field: key, field: old}, new={key_field: key, field: new},
                  old_geometry=pt(0, 0), new_geometry=pt(5, 0) if moved else pt(0, 0),
                  changed_fields=[field], geometry_changed=moved)


def text_entries():
    first = ChangeSet(TEXT_KEY, [update("EP-1", "etat", "en service", "en panne", moved=True),
                                 update("EP-2", "etat", "en service", "déposé")])
    second = ChangeSet(TEXT_KEY, [update("EP-1", "puissance_w", 40, 25),
                                  Change("delete", "EP-3", old={"identifiant": "EP-3", "etat": "x"},
                                         old_geometry=pt(1, 1))])
    third = ChangeSet(TEXT_KEY, [update("EP-9", "etat", "a", "b")])
    return [entry("p-1", first, 1, "Lampes", "Panne signalée"), entry("p-2", second, 3, "Puissance"),
            entry("p-3", third, 2)]


def test_a_feature_history_lists_the_applied_proposals_that_changed_it_newest_first():
    history = feature_history(text_entries(), {"identifiant": "EP-1", "etat": "en panne"})
    assert [h.proposal_id for h in history] == ["p-2", "p-1"]
    latest, first = history
    assert [(c.op, c.key, c.fields) for c in latest.changes] == \
        [("update", "EP-1", [("puissance_w", 40, 25)])]
    assert first.changes[0].fields == [("etat", "en service", "en panne")]
    assert first.changes[0].geometry_changed and not latest.changes[0].geometry_changed
    assert first.why == "Panne signalée" and first.author == "tech94" and first.partner == "cd94"
    assert [a[:2] for a in first.approved_by] == [("steward_sipperec", "steward")]
    assert first.applied_at == dt.datetime(2026, 5, 1, 9, 30, tzinfo=UTC)


def test_a_feature_no_proposal_touched_has_no_history():
    assert feature_history(text_entries(), {"identifiant": "EP-404"}) == []
    assert feature_history(text_entries(), {"identifiant": None}) == []
    # A deleted feature is found by the key it had.
    [deleted] = feature_history(text_entries(), {"identifiant": "EP-3"})
    assert deleted.changes[0].op == "delete" and ("etat", "x", None) in deleted.changes[0].fields


def test_integer_keys_match_whatever_type_the_layer_or_the_store_gave_them():
    # The store kept "12" (text through JSON); the layer gives 12; an integer key field.
    changes = ChangeSet(INT_KEY, [update("12", "etat", "a", "b", INT_KEY),
                                  update(13, "etat", "c", "d", INT_KEY)])
    entries = [entry("p-1", changes, 1)]
    assert [c.key for h in feature_history(entries, {"num": 12}) for c in h.changes] == ["12"]
    assert [c.key for h in feature_history(entries, {"num": "13"}) for c in h.changes] == [13]
    assert [c.key for h in feature_history(entries, {"num": 12.0}) for c in h.changes] == ["12"]


def test_a_text_key_is_compared_as_text():
    changes = ChangeSet(TEXT_KEY, [update("012", "etat", "a", "b"), update("12", "etat", "c", "d")])
    entries = [entry("p-1", changes, 1)]
    [only] = feature_history(entries, {"identifiant": "12"})
    assert [c.key for c in only.changes] == ["12"]
    [numeric] = feature_history(entries, {"identifiant": 12})        # a layer giving an int
    assert [c.key for c in numeric.changes] == ["12"]
    assert not same_key("012", "12", "string") and same_key("012", 12, "integer")
    assert not same_key(None, None)


def test_a_new_feature_is_found_by_its_key_value_or_by_the_key_the_target_gave_it():
    by_value = ChangeSet(TEXT_KEY, [Change("insert", -1, new={"identifiant": "EP-NEW", "etat": "neuf"},
                                           new_geometry=pt(3, 3))])
    by_target = ChangeSet(AUTO_KEY, [Change("insert", -2, new={"fid": None, "etat": "neuf"},
                                            new_geometry=pt(4, 4))])
    entries = [entry("p-1", by_value, 1), entry("p-2", by_target, 2)]
    [found] = feature_history(entries, {"identifiant": "EP-NEW"})
    assert found.changes[0].key == "EP-NEW" and found.changes[0].fields == [
        ("identifiant", None, "EP-NEW"), ("etat", None, "neuf")]
    assert found.changes[0].geometry_changed
    assert feature_history(entries, {"fid": 57}) == []
    assert needs_inserted_keys(entries[1]) and not needs_inserted_keys(entries[0])
    [given] = feature_history(entries, {"fid": 57}, inserted={"p-2": {"-2": 57}})
    assert given.proposal_id == "p-2" and given.changes[0].key == 57


def test_change_sets_keyed_by_feature_id_use_the_feature_id():
    schema = Schema(fields=[FieldDef("etat")], key="$id", geometry_type="Point")
    entries = [entry("p-1", ChangeSet(schema, [Change("update", 7, old={"etat": "a"}, new={"etat": "b"},
                                                      changed_fields=["etat"])]), 1)]
    assert [h.proposal_id for h in feature_history(entries, {"etat": "b"}, feature_id=7)] == ["p-1"]
    assert feature_history(entries, {"etat": "b"}, feature_id=8) == []


def test_the_apply_attempt_gives_the_keys_of_the_new_features():
    attempts = [ApplyAttempt("s", "applied", {"inserted": {"-1": 10}}),
                ApplyAttempt("s", "conflict", {}),
                ApplyAttempt("s", "applied", {"inserted": {"-1": 11}, "retry": "catalogue"}),
                ApplyAttempt("s", "applied", {"retry": "catalogue"})]
    assert inserted_keys(attempts) == {"-1": 11}
    assert inserted_keys([]) == {}


def test_a_layer_history_lists_every_applied_proposal_with_all_its_changes():
    history = layer_history(text_entries())
    assert [h.proposal_id for h in history] == ["p-2", "p-3", "p-1"]
    assert [(c.op, c.key) for c in history[0].changes] == [("update", "EP-1"), ("delete", "EP-3")]
    assert history[0].ops == {"insert": 0, "update": 1, "delete": 1}


def test_history_rows_put_names_and_local_times_in_words():
    names = {"tech94": "Technicien 94", "steward_sipperec": "Référent SIPPEREC"}
    rows = history_rows(feature_history(text_entries(), {"identifiant": "EP-1"}),
                        person=lambda login: names.get(login, login),
                        partner=lambda pid: {"cd94": "Val-de-Marne"}.get(pid, pid),
                        local_time=lambda moment: f"local {moment:%d/%m %H:%M}")
    first = rows[1]
    assert (first.when, first.title, first.proposed_by, first.partner, first.applied_by, first.why) == (
        "local 01/05 09:30", "Lampes", "Technicien 94", "Val-de-Marne", "Référent SIPPEREC", "Panne signalée")
    assert first.approved_by == [("Référent SIPPEREC", "steward")]
    assert first.changes[0].fields == [("etat", "en service", "en panne")]
    plain = history_rows(feature_history(text_entries(), {"identifiant": "EP-1"}))
    assert plain[0].when == "2026-05-03T09:30:00Z" and plain[0].proposed_by == "tech94"
    worded = history_rows(feature_history(text_entries(), {"identifiant": "EP-3"}),
                          value=lambda v: "(vide)" if v is None else f"«{v}»")
    assert worded[0].changes[0].fields == [("identifiant", "«EP-3»", "(vide)"), ("etat", "«x»", "(vide)")]


def test_values_are_shown_as_text():
    assert [value_text(v) for v in (None, True, 3, 2.5, dt.date(2026, 1, 2), b"\x00")] == \
        ["", "true", "3", "2.5", "2026-01-02", "<binary>"]
