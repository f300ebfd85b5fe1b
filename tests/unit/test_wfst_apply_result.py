"""What an apply reports to the audit trail (plain data, no server)."""

import datetime as dt
import json

import pytest

from geogov.plugin.proposals.model import Problem
from geogov.plugin.proposals.stores.base import APPLY_RESULTS
from geogov.plugin.publishing import result as outcomes
from geogov.plugin.publishing.apply import safe_uri
from geogov.plugin.publishing.conflicts import Conflict
from geogov.plugin.publishing.result import ApplyResult, Refusal


@pytest.mark.parametrize("uri, shown", [
    ("postgresql://editor:s3cr%40t@db.example.org:5432/geo", "postgresql://editor:***@db.example.org:5432/geo"),
    ("host=db dbname=geo user=editor password=s3cret sslmode=require",
     "host=db dbname=geo user=editor password=*** sslmode=require"),
    ("host=db password='two words' dbname=geo", "host=db password=*** dbname=geo"),
    ("http://127.0.0.1:8080/ows?MAP=/srv/p.qgs", "http://127.0.0.1:8080/ows?MAP=/srv/p.qgs"),
    ("/data/eclairage.gpkg", "/data/eclairage.gpkg"),
])
def test_no_password_reaches_the_audit_trail(uri, shown):
    assert safe_uri(uri) == shown


@pytest.mark.parametrize("status, store, proposal", [
    (outcomes.APPLIED, "applied", "applied"), (outcomes.ALREADY_APPLIED, "applied", "applied"),
    (outcomes.CONFLICT, "conflict", "conflict"), (outcomes.INVALID, "failed", None),
    (outcomes.REFUSED, "undone", None), (outcomes.UNDO_FAILED, "failed", None),
    (outcomes.UNKNOWN, "unknown", None), (outcomes.CANCELLED, "undone", None),
])
def test_status_maps_onto_the_store(status, store, proposal):
    result = ApplyResult(status=status)
    assert result.store_result == store and store in APPLY_RESULTS
    assert result.proposal_status == proposal


def test_every_status_is_mapped():
    assert {ApplyResult(status=s).store_result for s in outcomes.STATUSES} <= set(APPLY_RESULTS)


def test_to_dict_is_json_and_complete():
    result = ApplyResult(status=outcomes.REFUSED, target={"kind": "wfs", "uri": "u", "layer": "l"},
                         proposal_id="p-1", started_at="2026-05-01T00:00:00+00:00")
    step = result.step("transaction", document=0, actions=2)
    result.done(step, inserted=1, failures=1)
    result.refusals.append(Refusal("EP-1", "insert", "Insert features failed", "server", "i1"))
    result.problems.append(Problem("apply.wrong_type", key="EP-2", op="update", field="puissance_w",
                                   params={"value": "'x'", "when": dt.date(2026, 5, 1)}))
    result.conflicts.append(Conflict("EP-3", "update", "changed",
                                     {"etat": ("a", "b", "c"), "@geometry": (b"\x01", b"\x02", None)},
                                     ["etat"]))
    result.undo = {"complete": True, "restored": {"insert": 1}, "left": []}
    data = json.loads(json.dumps(result.to_dict()))
    assert data["status"] == "refused" and data["proposal_id"] == "p-1"
    assert data["refusals"] == [{"key": "EP-1", "op": "insert", "message": "Insert features failed",
                                 "source": "server", "handle": "i1"}]
    assert data["problems"][0]["params"]["when"] == "2026-05-01"
    assert data["conflicts"][0]["fields"]["@geometry"] == [{"$bytes": "01"}, {"$bytes": "02"}, None]
    assert data["steps"][0]["name"] == "transaction" and data["steps"][0]["seconds"] >= 0
    assert data["steps"][0]["details"] == {"document": 0, "actions": 2, "inserted": 1, "failures": 1}
    assert data["message"] == "refused: insert EP-1: Insert features failed"


def test_messages():
    assert ApplyResult(status=outcomes.APPLIED, written={"insert": 1, "update": 2, "delete": 0}
                       ).message() == "applied: 1 inserted, 2 updated, 0 deleted"
    assert ApplyResult(status=outcomes.UNKNOWN, error={"message": "Cannot connect"}).message() == \
        "unknown: Cannot connect"
