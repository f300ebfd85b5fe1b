"""geogov:apply_proposal and geogov:export_changelog through processing.run, against a real
QGIS Server WFS-T and a real GeoPackage proposal store."""

from __future__ import annotations

import copy
import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException

from geogov.plugin.proposals.model import Target
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.support.apply_helpers import (
    TABLE,
    approved_proposal,
    changeset_of,
    differences,
    eclairage_schema,
    read_gpkg,
)
from geogov.tests.support.store_fixtures import ECLAIRAGE

SCHEMA = eclairage_schema()
# The shipped demo convention: éclairage public is published by the demo WFS-T on 127.0.0.1
# (any port), SIPPEREC's steward applies it.
DEMO_CONVENTION = str(Path(__file__).resolve().parents[2] / "resources" / "demo" / "convention-idf.yaml")


def test_apply_then_export_the_change_log(processing, wfst_server, tmp_path):
    path = wfst_server.gpkg[TABLE]
    base = read_gpkg(path)
    k1, k2 = sorted(base)[300:302]
    edited = copy.deepcopy(base)
    edited[k1].attributes.update(etat="en maintenance", puissance_w=55)
    del edited[k2]
    store_path = tmp_path / "proposals.gpkg"
    store, proposal = approved_proposal(store_path, changeset_of(base, edited, SCHEMA),
                                        Target("wfs", wfst_server.url, TABLE, "1.1.0"),
                                        title="Lampes de la rue de Paris")
    store.close()

    result = processing.run("geogov:apply_proposal", {
        "STORE": str(store_path), "LOGIN": "steward_sipperec", "PROPOSAL": proposal.id,
        "CONVENTION": DEMO_CONVENTION})

    assert result["STATUS"] == "applied" and result["PROPOSAL_STATUS"] == "applied"
    report = json.loads(result["RESULT"])
    assert report["written"] == {"insert": 0, "update": 1, "delete": 1}
    assert [s["name"] for s in report["steps"]][-1] == "verify"
    assert differences(read_gpkg(path), edited, SCHEMA) == []
    with GeoPackageStore(store_path, "steward_sipperec") as reader:
        attempts = reader.get_proposal(proposal.id).apply_attempts
    assert [a.result for a in attempts] == ["applied"]

    with pytest.raises(QgsProcessingException, match="only an approved proposal"):
        processing.run("geogov:apply_proposal", {
            "STORE": str(store_path), "LOGIN": "steward_sipperec", "PROPOSAL": proposal.id,
        "CONVENTION": DEMO_CONVENTION})

    out = processing.run("geogov:export_changelog", {
        "STORE": str(store_path), "LOGIN": "steward_sipperec", "DATASET": ECLAIRAGE,
        "TITLE": "Éclairage public", "FORMAT": 0, "OUTPUT": str(tmp_path / "journal.csv")})
    assert out["COUNT"] == 1
    rows = list(csv.DictReader(io.StringIO((tmp_path / "journal.csv").read_text("utf-8-sig"))))
    assert sorted((r["operation"], r["feature"]) for r in rows) == [("delete", k2), ("update", k1)]
    assert {r["title"] for r in rows} == {"Lampes de la rue de Paris"}
    assert {r["why"] for r in rows} == {"remplacement des lampes"}
    assert {r["author"] for r in rows} == {"tech94"} and {r["applied_by"] for r in rows} == {
        "steward_sipperec"}

    page = processing.run("geogov:export_changelog", {
        "STORE": str(store_path), "LOGIN": "steward_sipperec", "DATASET": ECLAIRAGE,
        "TITLE": "Éclairage public", "FORMAT": 2, "OUTPUT": str(tmp_path / "journal.html")})
    html = (tmp_path / "journal.html").read_text("utf-8")
    assert page["COUNT"] == 1 and "Éclairage public" in html and "Lampes de la rue de Paris" in html


def test_a_conflict_through_processing(processing, wfst_server, tmp_path):
    path = wfst_server.gpkg[TABLE]
    base = read_gpkg(path)
    key = sorted(base)[310]
    edited = copy.deepcopy(base)
    edited[key].attributes["etat"] = "en maintenance"
    store_path = tmp_path / "proposals.gpkg"
    store, proposal = approved_proposal(store_path, changeset_of(base, edited, SCHEMA),
                                        Target("wfs", wfst_server.url, TABLE, "1.1.0"))
    store.close()
    changed = copy.deepcopy(base)
    changed[key].attributes["hauteur_m"] = 99.5
    meanwhile = changeset_of(base, changed, SCHEMA)
    from geogov.plugin.publishing.apply import apply_changeset

    assert apply_changeset(meanwhile, Target("wfs", wfst_server.url, TABLE)).status == "applied"

    result = processing.run("geogov:apply_proposal", {
        "STORE": str(store_path), "LOGIN": "steward_sipperec", "PROPOSAL": proposal.id,
        "CONVENTION": DEMO_CONVENTION})

    assert result["STATUS"] == "conflict" and result["PROPOSAL_STATUS"] == "conflict"
    conflict = json.loads(result["RESULT"])["conflicts"][0]
    assert conflict["key"] == key and conflict["fields"]["hauteur_m"][1] == 99.5
    assert read_gpkg(path)[key].attributes["etat"] == base[key].attributes["etat"]


def one_lamp_approved(wfst_server, tmp_path, index):
    """An approved proposal changing one lamp of the server's layer; (base, store path, proposal)."""
    base = read_gpkg(wfst_server.gpkg[TABLE])
    edited = copy.deepcopy(base)
    edited[sorted(base)[index]].attributes["etat"] = "en maintenance"
    store_path = tmp_path / "proposals.gpkg"
    store, proposal = approved_proposal(store_path, changeset_of(base, edited, SCHEMA),
                                        Target("wfs", wfst_server.url, TABLE, "1.1.0"))
    store.close()
    return base, store_path, proposal


@pytest.mark.parametrize("column, value", [
    ("target_layer", "territoires_partenaires"),        # another dataset's layer
    ("target_uri", "http://127.0.0.1:1/elsewhere"),      # another service
    ("target_kind", "gpkg")])                            # a file on the steward's disk
def test_an_approved_proposal_goes_only_where_the_convention_publishes_its_dataset(
        processing, wfst_server, tmp_path, column, value):
    """The GeoPackage store is advisory: its file can be edited by hand. An approved proposal
    whose target was changed there is applied nowhere — the steward's credentials go to the
    convention's target or nowhere — and the server's data stay as they were."""
    base, store_path, proposal = one_lamp_approved(wfst_server, tmp_path, 320)
    conn = sqlite3.connect(store_path)
    conn.execute(f"UPDATE proposals SET {column} = ? WHERE id = ?", (value, proposal.id))
    conn.commit()
    conn.close()
    with pytest.raises(QgsProcessingException, match="not where the partnership convention says"):
        processing.run("geogov:apply_proposal", {
            "STORE": str(store_path), "LOGIN": "steward_sipperec", "PROPOSAL": proposal.id,
            "CONVENTION": DEMO_CONVENTION})
    assert differences(read_gpkg(wfst_server.gpkg[TABLE]), base, SCHEMA) == []
    with GeoPackageStore(store_path, "steward_sipperec") as reader:
        again = reader.get_proposal(proposal.id)
    assert again.status == "approved" and again.apply_attempts == []


def test_without_a_convention_nothing_is_applied(processing, wfst_server, tmp_path):
    base, store_path, proposal = one_lamp_approved(wfst_server, tmp_path, 321)
    with pytest.raises(QgsProcessingException, match="No partnership convention is loaded"):
        processing.run("geogov:apply_proposal", {
            "STORE": str(store_path), "LOGIN": "steward_sipperec", "PROPOSAL": proposal.id})
    assert differences(read_gpkg(wfst_server.gpkg[TABLE]), base, SCHEMA) == []
