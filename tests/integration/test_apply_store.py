"""An apply recorded in the PostgreSQL proposal store, as a real steward login (the database,
not the plugin, decides who may record apply attempts and move the proposal)."""

from __future__ import annotations

import copy

import pytest

from geogov.plugin.errors import PermissionDenied
from geogov.plugin.proposals.model import Proposal, Target
from geogov.plugin.proposals.stores.base import with_changeset
from geogov.plugin.proposals.stores.postgres.store import PostgresStore
from geogov.plugin.publishing import result as outcomes
from geogov.plugin.publishing.apply import apply_proposal, record_result
from geogov.plugin.transport import RequestsTransport
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.apply_helpers import (
    TABLE,
    changeset_of,
    differences,
    eclairage_schema,
    read_gpkg,
)

SCHEMA = eclairage_schema()


@pytest.fixture(scope="module")
def store_db(postgres_cluster):
    F.proposal_database(postgres_cluster, "apply_store")
    return "apply_store"


def store(cluster, db, login):
    return PostgresStore(cluster.dsn(db, login, F.PASSWORD))


def test_apply_attempts_and_outcome_in_the_database_audit(wfst_server, postgres_cluster, store_db):
    path = wfst_server.gpkg[TABLE]
    base = read_gpkg(path)
    k1, k2 = sorted(base)[400:402]
    edited = copy.deepcopy(base)
    edited[k1].attributes["etat"] = "en maintenance"
    edited[k2].attributes["puissance_w"] = -1            # the table's CHECK refuses it
    changes = changeset_of(base, edited, SCHEMA)
    with store(postgres_cluster, store_db, "tech94") as tech:
        draft = tech.create_draft(Proposal(
            id=None, dataset=F.ECLAIRAGE, target=Target("wfs", wfst_server.url, TABLE, "1.1.0"),
            author="", partner="", title="Lampes", comment="relevé terrain", changeset=changes,
            departements=["94"]))
        tech.submit(draft.id, draft.version)
        proposal = tech.get_proposal(draft.id)
    steward = store(postgres_cluster, store_db, "steward_sipperec")
    try:
        # A decision returns the proposal without its changes: the caller has them.
        approved = with_changeset(steward.review(proposal.id, "approve", "ok"), proposal)
        refused = apply_proposal(approved, transport=RequestsTransport())
        assert refused.status == outcomes.REFUSED
        assert differences(read_gpkg(path), base, SCHEMA) == []
        after_refusal = record_result(steward, approved, refused)
        # Approved, but the target refuses it: back to its author with the target's reason
        # (an approved proposal is never left with no way forward).
        assert after_refusal.status == "changes_requested"
        assert after_refusal.apply_attempts[-1].result == "undone"
        assert after_refusal.apply_attempts[-1].details["refusals"][0]["key"] == k2

        # Someone without the steward's role cannot record an attempt: the database says no.
        with store(postgres_cluster, store_db, "tech94") as tech, pytest.raises(PermissionDenied):
            tech.record_apply_attempt(proposal.id, "applied", {})

        # The author drops the refused change and submits again; the steward approves it.
        fixed = copy.deepcopy(changes)
        fixed.changes = [c for c in fixed.changes if c.key != k2]
        with store(postgres_cluster, store_db, "tech94") as tech:
            mine = tech.get_proposal(proposal.id)
            mine.changeset = fixed
            edited_again = tech.update_draft(mine, mine.version)
            tech.submit(proposal.id, edited_again.version)
        reapproved = with_changeset(steward.review(proposal.id, "approve", "ok"), edited_again)
        applied = apply_proposal(reapproved, transport=RequestsTransport())
        assert applied.status == outcomes.APPLIED
        final = record_result(steward, reapproved, applied)
        assert final.status == "applied"
        assert read_gpkg(path)[k1].attributes["etat"] == "en maintenance"
        trail = [e.action for e in steward.audit_trail(proposal.id)]
        assert trail.count("apply_attempt") == 2
        assert steward.verify_audit().ok
        log = [e for e in steward.changelog(dataset=F.ECLAIRAGE, with_changes=True)
               if e.proposal_id == proposal.id]
        assert len(log) == 1 and log[0].applied_by == "steward_sipperec"
        assert [c.key for c in log[0].changeset.changes] == [k1]
    finally:
        steward.close()
