"""geogov:compute_changes and geogov:submit_proposal through processing.run, on copies of a
demo GeoPackage layer (authoritative + edited copy) and a GeoPackage proposal store."""

from __future__ import annotations

import pytest
from qgis.core import QgsGeometry, QgsProcessingException, QgsVectorLayer

from geogov.plugin.proposals.stores.base import TO_REVIEW
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.sdi.geodata import write_geopackages
from geogov.tests.support import propose_fixtures as P  # noqa: N812 (short: used on every line)
from geogov.tests.support.servers import copy_geopackage

TABLE = "amenagements_cyclables"


@pytest.fixture(scope="module")
def demo_data(qgis_app, tmp_path_factory):
    folder = tmp_path_factory.mktemp("algs-demo")
    write_geopackages(folder / "data")
    return folder / "data"


@pytest.fixture()
def pair(demo_data, tmp_path):
    """(authoritative layer, its path, edited copy layer, ThreeEdits); the copy's edits committed."""
    base_path = copy_geopackage(demo_data / f"{TABLE}.gpkg", tmp_path / "base" / f"{TABLE}.gpkg")
    copy_path = copy_geopackage(demo_data / f"{TABLE}.gpkg", tmp_path / "copy" / f"{TABLE}.gpkg")
    base = QgsVectorLayer(f"{base_path}|layername={TABLE}", "base", "ogr")
    edited = QgsVectorLayer(f"{copy_path}|layername={TABLE}", "copie", "ogr")
    assert base.isValid() and edited.isValid()
    edits = P.edit_three(edited)
    assert edited.commitChanges(), edited.commitErrors()
    return base, base_path, edited, edits


def rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, f.attributes()), _geometry=f.geometry()) for f in layer.getFeatures()]


@pytest.mark.parametrize("output", ["TEMPORARY_OUTPUT", "memory:", "changes.gpkg"])
def test_compute_changes_writes_one_feature_per_change(processing, pair, tmp_path, output):
    base, _path, edited, edits = pair
    destination = str(tmp_path / output) if output.endswith(".gpkg") else output
    result = processing.run("geogov:compute_changes", {"ORIGINAL": base, "REVISED": edited,
                                                       "KEY": "identifiant", "OUTPUT": destination})
    assert (result["INSERTED"], result["UPDATED"], result["DELETED"]) == (1, 1, 1)
    layer = result["OUTPUT"] if not isinstance(result["OUTPUT"], str) else \
        QgsVectorLayer(result["OUTPUT"], "changes", "ogr")
    by_op = {r["op"]: r for r in rows(layer)}
    assert sorted(by_op) == ["delete", "insert", "update"]
    assert (by_op["insert"]["fid"], by_op["update"]["fid"], by_op["delete"]["fid"]) == \
        (edits.inserted, edits.moved, edits.deleted)
    update = by_op["update"]
    assert update["changed_fields"] == edits.field and update[edits.field] == edits.value
    assert update["geometry_changed"] in (True, 1)
    # The layer's own "fid" column is kept, renamed; deletions carry the old values.
    assert "fid_1" in layer.fields().names()
    assert by_op["delete"]["identifiant"] == edits.deleted and not by_op["delete"]["_geometry"].isNull()
    moved = next(f for f in edited.getFeatures() if f["identifiant"] == edits.moved)
    assert update["_geometry"].equals(QgsGeometry(moved.geometry()))


def test_compute_changes_by_primary_key_and_missing_key(processing, pair):
    base, _path, edited, _edits = pair
    result = processing.run("geogov:compute_changes", {"ORIGINAL": base, "REVISED": edited,
                                                       "OUTPUT": "memory:"})
    assert (result["INSERTED"], result["UPDATED"], result["DELETED"]) == (1, 1, 1)
    assert all(isinstance(r["fid"], int) for r in rows(result["OUTPUT"]))
    scratch = QgsVectorLayer("LineString?crs=EPSG:2154&field=nom:string", "autre", "memory")
    with pytest.raises(QgsProcessingException, match="identifiant"):
        processing.run("geogov:compute_changes", {"ORIGINAL": base, "REVISED": scratch,
                                                  "KEY": "identifiant", "OUTPUT": "memory:"})


def test_submit_proposal_saves_and_submits(processing, pair, tmp_path):
    base, base_path, edited, edits = pair
    before = P.table_rows(base_path, TABLE)
    store = P.demo_store(tmp_path / "proposals.gpkg")
    result = processing.run("geogov:submit_proposal", {
        "ORIGINAL": base, "REVISED": edited, "TITLE": "Relevé de terrain", "COMMENT": "Vu sur place",
        "CONVENTION": str(P.CONVENTION_PATH), "STORE": str(store), "LOGIN": "tech94"})
    assert result["STATUS"] == "submitted"
    with GeoPackageStore(store, "steward94") as steward:
        queue = steward.list_proposals(TO_REVIEW)
        assert [s.id for s in queue] == [result["OUTPUT"]]
        proposal = steward.get_proposal(result["OUTPUT"])
    assert (proposal.dataset, proposal.author, proposal.partner, proposal.title) == \
        (P.CYCLABLE, "tech94", "cd94", "Relevé de terrain")
    assert sorted((c.op, c.key) for c in proposal.changeset.changes) == \
        sorted([("insert", edits.inserted), ("update", edits.moved), ("delete", edits.deleted)])
    assert all(c.base_fingerprint for c in proposal.changeset.changes if c.op != "insert")
    assert P.table_rows(base_path, TABLE) == before

    draft = processing.run("geogov:submit_proposal", {
        "ORIGINAL": base, "REVISED": edited, "SUBMIT": False, "CONVENTION": str(P.CONVENTION_PATH),
        "STORE": str(store), "LOGIN": "tech94"})
    assert draft["STATUS"] == "draft" and draft["OUTPUT"] != result["OUTPUT"]


def test_submit_proposal_fails_with_every_problem(processing, pair, tmp_path):
    """tech93 (Seine-Saint-Denis) proposing changes made in the Val-de-Marne."""
    base, _path, edited, edits = pair
    store = P.demo_store(tmp_path / "proposals.gpkg")
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("geogov:submit_proposal", {
            "ORIGINAL": base, "REVISED": edited, "COMMENT": "why", "CONVENTION": str(P.CONVENTION_PATH),
            "STORE": str(store), "LOGIN": "tech93"})
    text = str(caught.value)
    # The moved feature counts twice: where it was and where it goes are both outside.
    assert "4 problem(s)" in text
    for key in (edits.inserted, edits.moved, edits.deleted):
        assert key in text
    assert text.count("territory") == 4
    with GeoPackageStore(store, "tech93") as tech:
        assert tech.list_proposals() == []
    with pytest.raises(QgsProcessingException, match="why"):
        processing.run("geogov:submit_proposal", {
            "ORIGINAL": base, "REVISED": edited, "CONVENTION": str(P.CONVENTION_PATH),
            "STORE": str(store), "LOGIN": "tech94"})
