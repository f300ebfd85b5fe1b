"""geogov:list_proposals and geogov:review_proposal through processing.run, on a GeoPackage
proposal store; and a translated sentence for every store error code."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException

from geogov.plugin.bridge.messages import all_messages, error_text
from geogov.plugin.errors import StoreError
from geogov.plugin.proposals.stores.base import ERROR_CODES
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.support import store_fixtures as F  # noqa: N812 (short: used on every line)


@pytest.fixture()
def store_path(tmp_path):
    path = tmp_path / "proposals.gpkg"
    with GeoPackageStore(path, "coord_region") as admin:
        admin.sync_convention(F.convention())
    with GeoPackageStore(path, "tech94") as tech:
        for tag in ("one", "two"):
            draft = tech.create_draft(F.proposal(tag=tag))
            tech.submit(draft.id, draft.version)
        tech.create_draft(F.proposal(tag="draft"))
    return str(path)


def rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, feature.attributes())) for feature in layer.getFeatures()]


def test_list_the_queue_of_a_steward(processing, store_path):
    result = processing.run("geogov:list_proposals", {"STORE": store_path, "LOGIN": "steward94",
                                                      "SCOPE": 0, "OUTPUT": "TEMPORARY_OUTPUT"})
    table = rows(result["OUTPUT"])
    assert result["COUNT"] == 2
    assert sorted(r["title"] for r in table) == ["proposal one", "proposal two"]
    first = table[0]
    assert (first["status"], first["author"], first["partner"], first["inserts"], first["updates"],
            first["deletes"]) == ("submitted", "tech94", "cd94", 1, 2, 1)
    assert (first["approvals"], first["approvals_pending"], first["departements"]) == \
        ("steward=no", "steward", "94")
    drafts = processing.run("geogov:list_proposals", {"STORE": store_path, "LOGIN": "tech94", "SCOPE": 1,
                                                      "STATUS": "draft", "OUTPUT": "TEMPORARY_OUTPUT"})
    assert [r["title"] for r in rows(drafts["OUTPUT"])] == ["proposal draft"]


def test_review_then_refusals_with_their_reason(processing, store_path):
    listed = processing.run("geogov:list_proposals", {"STORE": store_path, "LOGIN": "steward94",
                                                      "SCOPE": 0, "OUTPUT": "TEMPORARY_OUTPUT"})
    queue = rows(listed["OUTPUT"])
    target = queue[0]
    result = processing.run("geogov:review_proposal", {
        "STORE": store_path, "LOGIN": "steward94", "PROPOSAL": target["id"], "DECISION": 0,
        "VERSION": target["version"]})
    assert (result["STATUS"], result["NEW_VERSION"]) == ("approved", target["version"] + 1)
    other = queue[1]
    with pytest.raises(QgsProcessingException, match="comment"):
        processing.run("geogov:review_proposal", {"STORE": store_path, "LOGIN": "steward94",
                                                  "PROPOSAL": other["id"], "DECISION": 1})
    with pytest.raises(QgsProcessingException, match="wrote or rebased"):
        processing.run("geogov:review_proposal", {"STORE": store_path, "LOGIN": "tech94",
                                                  "PROPOSAL": other["id"], "DECISION": 0})
    with pytest.raises(QgsProcessingException, match="not awaiting a decision"):
        processing.run("geogov:review_proposal", {"STORE": store_path, "LOGIN": "steward94",
                                                  "PROPOSAL": target["id"], "DECISION": 0})


def test_every_store_error_code_has_a_sentence():
    table = all_messages()
    assert sorted(set(ERROR_CODES) - set(table)) == []
    text = error_text(StoreError("x", code="store.transition", old="draft", new="approved"))
    assert "draft" in text and "approved" in text
