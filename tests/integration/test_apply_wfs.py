"""Applying proposals by WFS-T to a real QGIS Server 3.22 (a fresh writable copy per test).

The server's data is checked by reading its GeoPackage directly with sqlite3, never only
through GeoGov's own WFS client.
"""

from __future__ import annotations

import copy

import pytest

from geogov.plugin.errors import ApplyError
from geogov.plugin.proposals.stores.base import with_changeset
from geogov.plugin.publishing import result as outcomes
from geogov.plugin.publishing.apply import apply_changeset, apply_proposal, record_result
from geogov.plugin.publishing.conflicts import CURRENT, GEOMETRY, PROPOSED, Edited, rebase
from geogov.plugin.transport import RequestsTransport
from geogov.tests.support.apply_helpers import (
    TABLE,
    approved_proposal,
    changeset_of,
    differences,
    eclairage_schema,
    point,
    read_gpkg,
    wfs_target,
)

SCHEMA = eclairage_schema()




def gpkg(server):
    return server.gpkg[TABLE]


def transactions(result) -> int:
    return sum(1 for s in result.steps if s.name == "transaction")


def edit(base, keys, **values):
    edited = copy.deepcopy(base)
    for key in keys:
        edited[key].attributes.update(values)
    return edited


def test_inserts_updates_and_deletes_reach_the_data_and_a_retry_writes_nothing(wfst_server):
    base = read_gpkg(gpkg(wfst_server))
    keys = sorted(base)[:4]
    edited = copy.deepcopy(base)
    edited[keys[0]].attributes.update(etat="en maintenance", puissance_w=75)
    edited[keys[1]].geometry = point(652001.125, 6862002.5)
    edited[keys[1]].attributes["type_lampe"] = "LED"
    del edited[keys[2]]
    edited["EP-94-NEW-1"] = copy.deepcopy(base[keys[3]])
    edited["EP-94-NEW-1"].attributes.update(identifiant="EP-94-NEW-1", fid=None, etat="en service",
                                            date_pose="2026-05-04", hauteur_m=7.25)
    edited["EP-94-NEW-1"].key = "EP-94-NEW-1"
    edited["EP-94-NEW-1"].geometry = point(655000, 6855000)
    changes = changeset_of(base, edited, SCHEMA)
    assert changes.counts() == {"insert": 1, "update": 2, "delete": 1}

    result = apply_changeset(changes, wfs_target(wfst_server), transport=RequestsTransport())

    assert result.status == outcomes.APPLIED, result.message()
    assert result.written == {"insert": 1, "update": 2, "delete": 1}
    assert differences(read_gpkg(gpkg(wfst_server)), edited, SCHEMA) == []
    assert set(result.inserted) == {"EP-94-NEW-1"}
    names = [s.name for s in result.steps]
    assert names[:3] == ["describe", "validate", "read_current"] and names[-1] == "verify"

    again = apply_changeset(changes, wfs_target(wfst_server), transport=RequestsTransport())
    assert again.status == outcomes.ALREADY_APPLIED
    assert again.already == {"insert": 1, "update": 2, "delete": 1}
    assert transactions(again) == 0
    assert differences(read_gpkg(gpkg(wfst_server)), edited, SCHEMA) == []


def test_invalid_change_set_sends_nothing_and_names_feature_and_rule(wfst_server):
    base = read_gpkg(gpkg(wfst_server))
    keys = sorted(base)[:3]
    edited = copy.deepcopy(base)
    edited[keys[0]].attributes["identifiant"] = None       # NOT NULL (DescribeFeatureType)
    edited[keys[1]].attributes["couleur"] = "bleu"          # QGIS would silently ignore it
    edited[keys[2]].geometry = bytes.fromhex(                 # a polygon into a point layer
        "01030000000100000004000000000000000000000000000000000000000000000000"
        "00f03f0000000000000000000000000000f03f000000000000f03f0000000000000000"
        "0000000000000000")
    changes = changeset_of(base, edited, SCHEMA)

    result = apply_changeset(changes, wfs_target(wfst_server), transport=RequestsTransport())

    assert result.status == outcomes.INVALID
    assert transactions(result) == 0
    found = {(p.code, p.key, p.field) for p in result.problems}
    assert ("apply.not_nullable", keys[0], "identifiant") in found
    assert ("apply.unknown_field", keys[1], "couleur") in found
    assert any(p.code == "apply.geometry_type" and p.key == keys[2]
               and p.params == {"geometry": "Polygon", "layer": "Point"} for p in result.problems)
    assert differences(read_gpkg(gpkg(wfst_server)), base, SCHEMA) == []


def _change_on_server(server, key, **values):
    """Someone else edits the feature ``key`` on the server (a plain WFS-T Update)."""
    from geogov.plugin.publishing.wfs_client import WfsClient
    from geogov.plugin.publishing.wfst import Update

    client = WfsClient(server.url, TABLE, transport=RequestsTransport())
    layer = client.describe()
    feature = client.features(layer, field="identifiant", values=[key])[0]
    geometry = values.pop("geometry", None)
    outcome = client.transaction(layer, [Update("other", [feature.fid], values, geometry,
                                                set_geometry=geometry is not None)])
    assert not outcome.failed


def test_conflict_writes_nothing_then_rebase_reapproval_and_apply(wfst_server, tmp_path):
    base = read_gpkg(gpkg(wfst_server))
    k1, k2, k3 = sorted(base)[:3]
    edited = copy.deepcopy(base)
    edited[k1].attributes.update(etat="en maintenance", hauteur_m=9.5)
    edited[k2].attributes.update(type_lampe="LED")
    del edited[k3]
    changes = changeset_of(base, edited, SCHEMA)
    store, proposal = approved_proposal(tmp_path / "proposals.gpkg", changes, wfs_target(wfst_server))
    # Meanwhile someone else edits k1 on the server: etat differently, puissance_w too.
    _change_on_server(wfst_server, k1, etat="déposé", puissance_w=35)
    before = read_gpkg(gpkg(wfst_server))

    result = apply_proposal(proposal, transport=RequestsTransport())

    assert result.status == outcomes.CONFLICT
    assert transactions(result) == 0
    assert differences(read_gpkg(gpkg(wfst_server)), before, SCHEMA) == []  # untouched
    detail = result.conflict_map()
    assert set(detail) == {k1}
    assert detail[k1]["etat"] == (base[k1].attributes["etat"], "déposé", "en maintenance")
    assert detail[k1]["puissance_w"][1:] == (35, base[k1].attributes["puissance_w"])
    assert detail[k1]["hauteur_m"][2] == 9.5
    assert result.conflicts[0].both == ["etat"]
    stored = record_result(store, proposal, result)
    assert stored.status == "conflict"
    assert [a.result for a in stored.apply_attempts] == ["conflict"]

    # The steward keeps the server's etat, and the proposal's other edits go through.
    rebased = rebase(changes, result.conflicts, {k1: {"etat": CURRENT}})
    resubmitted = store.rebase(proposal.id, rebased, stored.version, "rebased on the server's edit")
    assert resubmitted.status == "submitted"
    # Whoever rebased may not approve the rebased proposal: the coordinator does.
    from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore

    with GeoPackageStore(tmp_path / "proposals.gpkg", "coord_region") as coordinator:
        # The decision returns the proposal without its changes: the rebase returned them.
        approved = with_changeset(coordinator.review(proposal.id, "approve", "ok after rebase"),
                                  resubmitted)
    assert approved.status == "approved"

    again = apply_proposal(approved, transport=RequestsTransport())

    assert again.status == outcomes.APPLIED, again.message()
    record_result(store, approved, again)
    assert store.get_proposal(proposal.id).status == "applied"
    now = read_gpkg(gpkg(wfst_server))
    assert now[k1].attributes["etat"] == "déposé" and now[k1].attributes["puissance_w"] == 35
    assert now[k1].attributes["hauteur_m"] == 9.5
    assert now[k2].attributes["type_lampe"] == "LED" and k3 not in now
    trail = [e.action for e in store.audit_trail(proposal.id)]
    assert trail.count("apply_attempt") == 2
    store.close()


def test_rebase_choices_proposed_and_edited_geometry(wfst_server):
    base = read_gpkg(gpkg(wfst_server))
    k1 = sorted(base)[5]
    edited = copy.deepcopy(base)
    edited[k1].attributes["etat"] = "en maintenance"
    edited[k1].geometry = point(650100, 6860100)
    changes = changeset_of(base, edited, SCHEMA)
    _change_on_server(wfst_server, k1, etat="déposé", geometry=point(650200, 6860200))

    result = apply_changeset(changes, wfs_target(wfst_server), transport=RequestsTransport())
    assert result.status == outcomes.CONFLICT
    assert sorted(result.conflicts[0].both) == [GEOMETRY, "etat"]
    with pytest.raises(ApplyError) as info:           # a choice is required for both fields
        rebase(changes, result.conflicts, {k1: {"etat": PROPOSED}})
    assert info.value.code == "conflict.unresolved" and info.value.params["fields"] == [GEOMETRY]

    rebased = rebase(changes, result.conflicts,
                     {k1: {"etat": PROPOSED, GEOMETRY: Edited(point(650300.5, 6860300.5))}})
    applied = apply_changeset(rebased, wfs_target(wfst_server), transport=RequestsTransport())

    assert applied.status == outcomes.APPLIED, applied.message()
    now = read_gpkg(gpkg(wfst_server))[k1]
    assert now.attributes["etat"] == "en maintenance"
    assert now.geometry == point(650300.5, 6860300.5)
