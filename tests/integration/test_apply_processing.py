"""geogov:apply_proposal and geogov:export_changelog through processing.run, against a real
QGIS Server WFS-T and a real GeoPackage proposal store."""

from __future__ import annotations

import copy
import csv
import io
import json

import pytest
from qgis.core import QgsProcessingException

from geogov.plugin.proposals.gpkg_store import GeoPackageStore
from geogov.plugin.proposals.model import Target
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
        "STORE": str(store_path), "LOGIN": "steward_sipperec", "PROPOSAL": proposal.id})

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
            "STORE": str(store_path), "LOGIN": "steward_sipperec", "PROPOSAL": proposal.id})

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
        "STORE": str(store_path), "LOGIN": "steward_sipperec", "PROPOSAL": proposal.id})

    assert result["STATUS"] == "conflict" and result["PROPOSAL_STATUS"] == "conflict"
    conflict = json.loads(result["RESULT"])["conflicts"][0]
    assert conflict["key"] == key and conflict["fields"]["hauteur_m"][1] == 99.5
    assert read_gpkg(path)[key].attributes["etat"] == base[key].attributes["etat"]
