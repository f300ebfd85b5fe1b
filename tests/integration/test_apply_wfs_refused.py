"""QGIS Server 3.22 refusing part of a Transaction, big proposals, related changes.

QGIS Server commits each action on its own (even half an Update), so a refusal in the
middle leaves the actions before it written: the apply must take them back and report
exactly which feature was refused and the server's reason.
"""

from __future__ import annotations

import copy

from geogov.plugin.proposals.model import PlainFeature
from geogov.plugin.publishing import result as outcomes
from geogov.plugin.publishing.apply import apply_changeset
from geogov.plugin.publishing.wfs_apply import WfsOptions
from geogov.plugin.transport import RequestsTransport
from geogov.tests.support.apply_helpers import (
    TABLE,
    changeset_of,
    differences,
    eclairage_schema,
    point,
    read_gpkg,
    wfs_target,
)

SCHEMA = eclairage_schema()




def actions_sent(result) -> int:
    return sum(s.details["actions"] for s in result.steps if s.name == "transaction")


def new_feature(template: PlainFeature, identifiant: str, x: float, y: float, key=None, **values):
    feature = copy.deepcopy(template)
    feature.key = identifiant if key is None else key
    feature.attributes.update(identifiant=identifiant, fid=None, **values)
    feature.geometry = point(x, y)
    return feature


def test_update_refused_half_way_is_undone_and_named(wfst_server):
    path = wfst_server.gpkg[TABLE]
    base = read_gpkg(path)
    k1, k2, k3, k4 = sorted(base)[10:14]
    edited = copy.deepcopy(base)
    edited[k1].attributes.update(etat="en maintenance")
    edited[k1].geometry = point(651111.5, 6861111.5)
    del edited[k2]
    # k3: a new position and a power the table's CHECK refuses. QGIS Server writes the
    # geometry and refuses the attribute within the same action (measured).
    edited[k3].attributes["puissance_w"] = -5
    edited[k3].geometry = point(651333.5, 6861333.5)
    edited["EP-94-NEW-2"] = new_feature(base[k4], "EP-94-NEW-2", 652000, 6862000)
    changes = changeset_of(base, edited, SCHEMA)

    result = apply_changeset(changes, wfs_target(wfst_server), transport=RequestsTransport())

    assert result.status == outcomes.REFUSED, result.message()
    assert [(r.key, r.op, r.source) for r in result.refusals] == [(k3, "update", "server")]
    assert "CHECK constraint failed: puissance_positive" in result.refusals[0].message
    assert result.undo["complete"] is True
    assert result.undo["restored"] == {"insert": 0, "update": 2, "delete": 1}
    after = read_gpkg(path)
    assert differences(after, base, SCHEMA) == []
    # The deleted feature came back under its own fid (QGIS Server honours fid on Insert).
    assert after[k2].attributes["fid"] == base[k2].attributes["fid"]
    assert "EP-94-NEW-2" not in after


def test_insert_refused_after_everything_else_landed_is_undone(wfst_server):
    path = wfst_server.gpkg[TABLE]
    base = read_gpkg(path)
    k1, k2, k3 = sorted(base)[20:23]
    edited = copy.deepcopy(base)
    edited[k1].attributes["hauteur_m"] = 11.5
    del edited[k2]
    edited["EP-94-OK"] = new_feature(base[k3], "EP-94-OK", 652100, 6862100)
    edited["EP-94-BAD"] = new_feature(base[k3], "EP-94-BAD", 652200, 6862200, puissance_w=0)
    changes = changeset_of(base, edited, SCHEMA)

    result = apply_changeset(changes, wfs_target(wfst_server), transport=RequestsTransport())

    assert result.status == outcomes.REFUSED
    assert [(r.key, r.op) for r in result.refusals] == [("EP-94-BAD", "insert")]
    # QGIS Server 3.22 gives no reason for a refused insert (its log has the database's).
    assert result.refusals[0].message == "Insert features failed on layer 'eclairage_public'"
    assert result.undo["complete"] is True
    assert result.undo["restored"] == {"insert": 1, "update": 1, "delete": 1}
    assert differences(read_gpkg(path), base, SCHEMA) == []


def test_unique_violation_with_fid_keys_is_undone(wfst_server):
    path = wfst_server.gpkg[TABLE]
    schema = eclairage_schema(key="fid")
    base = read_gpkg(path, key="fid")
    f1, f2, f3 = sorted(base)[30:33]
    edited = copy.deepcopy(base)
    edited[f1].attributes["etat"] = "en maintenance"
    edited[f2].attributes["identifiant"] = base[f3].attributes["identifiant"]   # UNIQUE
    changes = changeset_of(base, edited, schema)

    result = apply_changeset(changes, wfs_target(wfst_server), transport=RequestsTransport())

    assert result.status == outcomes.REFUSED
    assert [(r.key, r.op) for r in result.refusals] == [(f2, "update")]
    assert "UNIQUE constraint failed: eclairage_public.identifiant" in result.refusals[0].message
    assert differences(read_gpkg(path, key="fid"), base, schema) == []


def test_more_than_89_features_apply_correctly(wfst_server):
    path = wfst_server.gpkg[TABLE]
    base = read_gpkg(path)
    keys = sorted(base)
    edited = copy.deepcopy(base)
    for key in keys[:150]:                       # the same new value: grouped ≤ 89 per action
        edited[key].attributes["etat"] = "en maintenance"
    for number, key in enumerate(keys[150:250]):  # each its own value and position
        edited[key].attributes["hauteur_m"] = 3.0 + number / 8
        edited[key].geometry = point(640000 + number * 10.5, 6850000 + number)
    for key in keys[250:345]:
        del edited[key]
    changes = changeset_of(base, edited, SCHEMA)
    assert changes.counts() == {"insert": 0, "update": 250, "delete": 95}

    result = apply_changeset(changes, wfs_target(wfst_server), transport=RequestsTransport())

    assert result.status == outcomes.APPLIED, result.message()
    assert differences(read_gpkg(path), edited, SCHEMA) == []
    # 95 deletes = 2 Delete actions, 150 same-value updates = 2, 100 others = 100.
    assert actions_sent(result) == 2 + 2 + 100


def test_related_inserts_updates_deletes_in_an_order_qgis_would_break(wfst_server):
    """Keys are fids: delete A, give B the identifiant A had, insert C with B's old one.

    In one document QGIS Server runs the Update before the Delete (UNIQUE violation) and
    the Insert last; the apply sends Deletes, Updates, Inserts as separate documents."""
    path = wfst_server.gpkg[TABLE]
    schema = eclairage_schema(key="fid")
    base = read_gpkg(path, key="fid")
    a, b, near = sorted(base)[40:43]
    ident_a, ident_b = base[a].attributes["identifiant"], base[b].attributes["identifiant"]
    edited = copy.deepcopy(base)
    del edited[a]
    edited[b].attributes["identifiant"] = ident_a
    edited[b].geometry = base[a].geometry                     # B replaces A where A stood
    edited[near].attributes["etat"] = "en maintenance"
    edited["new"] = new_feature(base[b], ident_b, 653000.25, 6863000.75, key=None,
                                type_lampe="LED")
    changes = changeset_of(base, edited, schema)
    assert changes.counts() == {"insert": 1, "update": 2, "delete": 1}

    result = apply_changeset(changes, wfs_target(wfst_server), transport=RequestsTransport())

    assert result.status == outcomes.APPLIED, result.message()
    after = read_gpkg(path)
    assert after[ident_a].attributes["fid"] == b
    assert after[ident_a].geometry == base[a].geometry
    assert after[ident_b].attributes["type_lampe"] == "LED"
    assert after[ident_b].geometry == point(653000.25, 6863000.75)
    assert after[ident_b].attributes["fid"] not in base          # a new feature
    by_fid = read_gpkg(path, key="fid")
    assert a not in by_fid and by_fid[near].attributes["etat"] == "en maintenance"


def test_documents_of_one_action_give_the_same_result(wfst_server):
    path = wfst_server.gpkg[TABLE]
    base = read_gpkg(path)
    keys = sorted(base)[60:66]
    edited = copy.deepcopy(base)
    for number, key in enumerate(keys):
        edited[key].attributes["puissance_w"] = 50 + number
    changes = changeset_of(base, edited, SCHEMA)

    result = apply_changeset(changes, wfs_target(wfst_server), transport=RequestsTransport(),
                             options=WfsOptions(actions_per_transaction=1))

    assert result.status == outcomes.APPLIED
    assert sum(1 for s in result.steps if s.name == "transaction") == 6
    assert differences(read_gpkg(path), edited, SCHEMA) == []


def test_cancel_while_writing_takes_back_what_was_written(wfst_server):
    path = wfst_server.gpkg[TABLE]
    base = read_gpkg(path)
    keys = sorted(base)[70:76]
    edited = copy.deepcopy(base)
    del edited[keys[0]]
    for number, key in enumerate(keys[1:]):
        edited[key].attributes["hauteur_m"] = 20.5 + number
    edited["EP-94-CANCEL"] = new_feature(base[keys[1]], "EP-94-CANCEL", 652400, 6862400)
    changes = changeset_of(base, edited, SCHEMA)
    sent = []

    def progress(fraction):
        if fraction > 0.1:                 # reported after each Transaction document
            sent.append(fraction)

    def cancelled():
        # The user presses Cancel once three documents (one action each) have gone.
        return len(sent) >= 3

    result = apply_changeset(changes, wfs_target(wfst_server), transport=RequestsTransport(),
                             options=WfsOptions(actions_per_transaction=1), progress=progress,
                             is_cancelled=cancelled)

    assert result.status == outcomes.CANCELLED
    assert sum(1 for s in result.steps if s.name == "transaction") == 3
    assert result.undo["complete"] is True
    assert result.undo["restored"] == {"insert": 0, "update": 2, "delete": 1}
    assert differences(read_gpkg(path), base, SCHEMA) == []


def test_undo_keeps_edits_made_after_our_writes(wfst_server):
    """Cancel after three one-action documents (the delete and two updates of hauteur_m
    landed); just before, another client's WFS-T Update sets etat on the first updated
    feature and hauteur_m on the second. The undo takes back only GeoGov's values: the
    first gets its height back and keeps their etat, the second keeps their height."""
    from geogov.plugin.publishing.wfs_client import WfsClient
    from geogov.plugin.publishing.wfst import Update

    path = wfst_server.gpkg[TABLE]
    base = read_gpkg(path)
    keys = sorted(base)[80:84]
    edited = copy.deepcopy(base)
    del edited[keys[0]]
    for number, key in enumerate(keys[1:]):
        edited[key].attributes["hauteur_m"] = 30.5 + number
    changes = changeset_of(base, edited, SCHEMA)
    sent = []
    theirs = {keys[1]: {"etat": "changé après GeoGov"}, keys[2]: {"hauteur_m": 77.5}}

    def progress(fraction):
        if fraction > 0.1:                 # reported after each Transaction document
            sent.append(fraction)

    def cancelled():
        if len(sent) >= 3 and not getattr(cancelled, "edited", False):
            cancelled.edited = True
            assert read_gpkg(path)[keys[2]].attributes["hauteur_m"] == 31.5   # ours landed
            other = WfsClient(wfst_server.url, TABLE, transport=RequestsTransport())
            layer = other.describe()
            outcome = other.transaction(layer, [
                Update(handle=f"theirs{n}", values=values,
                       feature_ids=[layer.feature_id(base[key].attributes["fid"])])
                for n, (key, values) in enumerate(theirs.items())])
            assert not outcome.failures
        return len(sent) >= 3

    result = apply_changeset(changes, wfs_target(wfst_server), transport=RequestsTransport(),
                             options=WfsOptions(actions_per_transaction=1), progress=progress,
                             is_cancelled=cancelled)

    assert result.status == outcomes.CANCELLED, result.message()
    assert result.undo["complete"] and result.undo["left"] == []
    assert sorted(result.undo["kept"]) == sorted(theirs)
    assert result.undo["restored"] == {"insert": 0, "update": 1, "delete": 1}
    expected = copy.deepcopy(base)
    for key, values in theirs.items():
        expected[key].attributes.update(values)                                # theirs kept
    assert differences(read_gpkg(path), expected, SCHEMA) == []                # ours undone
