"""The outbox sends later (plugin/workflow/proposing.py, no QGIS): a draft made and
submitted while the database could not be reached goes up, submitted, as the database
login, once it can; the steward's queue then lists it. A real PostgreSQL (the session's
cluster, store_fixtures.postgres_cluster) and a real outbox GeoPackage in tmp_path.
"""

from __future__ import annotations

import pytest

from geogov.plugin.proposals.stores.base import TO_REVIEW
from geogov.plugin.proposals.stores.postgres.store import PostgresStore
from geogov.plugin.workflow import proposing, reviewing
from geogov.plugin.workflow.session import Who
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.servers import free_port

DB = "workflow_outbox"


@pytest.fixture(scope="module")
def db(postgres_cluster):
    F.proposal_database(postgres_cluster, DB)
    return postgres_cluster


def test_a_submission_queued_offline_is_sent_and_submitted_when_the_database_is_back(db, tmp_path):
    outbox = str(tmp_path / "outbox.gpkg")
    online = db.dsn(DB, "tech94", F.PASSWORD)
    offline = online.replace(f"port='{db.port}'", f"port='{free_port()}'")
    assert offline != online
    who = Who(store_kind="postgres")
    draft = F.proposal(tag="later")
    draft.author, draft.validation = "tech94", []
    away = lambda: PostgresStore(offline, outbox_path=outbox)  # noqa: E731
    queued = proposing.update_and_submit(away, draft, submit=True)
    assert queued.queued

    back = lambda: PostgresStore(online, outbox_path=outbox)  # noqa: E731
    sent = proposing.send_outbox(back)
    assert sent.results == {queued.proposal.id: "submitted"}
    mine = proposing.list_mine(back, who, F.convention())
    assert not mine.offline and mine.local == []
    assert [(s.id, s.status, s.partner) for s in mine.summaries] == \
        [(queued.proposal.id, "submitted", "cd94")]
    steward_dsn = db.dsn(DB, "steward94", F.PASSWORD)
    steward = reviewing.load_queue(lambda: PostgresStore(steward_dsn), who, TO_REVIEW)
    assert [s.id for s in steward.summaries] == [queued.proposal.id]
    # Sending again has nothing left to send.
    assert proposing.send_outbox(back).results == {}
