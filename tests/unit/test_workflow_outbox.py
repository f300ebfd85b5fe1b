"""The outbox while the proposal database cannot be reached (plugin/workflow/proposing.py
over a real PostgresStore whose server does not answer, and its real outbox GeoPackage in
tmp_path): the draft is kept on this computer, its submission queued, My proposals lists
it as local, its details come from the outbox, and sending while still offline keeps it.
Sending once the database is back: tests/integration/test_workflow_outbox.py.
"""

from __future__ import annotations

from geogov.plugin.proposals.stores.postgres.store import PostgresStore
from geogov.plugin.workflow import actions as A  # noqa: N812
from geogov.plugin.workflow import proposing
from geogov.plugin.workflow.session import Who
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.servers import free_port

CONVENTION = F.convention()


def offline_opener(tmp_path):
    dsn = f"host=127.0.0.1 port={free_port()} dbname=geogov user=tech94 connect_timeout=2"
    outbox = str(tmp_path / "outbox.gpkg")
    return lambda: PostgresStore(dsn, outbox_path=outbox, connect_timeout=2)


def test_offline_a_draft_is_kept_and_its_submission_queued_until_it_can_be_sent(tmp_path):
    open_store = offline_opener(tmp_path)
    who = Who(store_kind="postgres")
    draft = F.proposal(tag="offline")
    draft.author = "tech94"
    saved = proposing.update_and_submit(open_store, draft, submit=False)
    assert saved.saved_locally and not saved.queued and saved.proposal.id

    mine = proposing.list_mine(open_store, who, CONVENTION)
    assert mine.offline and mine.store_kind == "postgres" and mine.summaries == []
    assert (mine.identity.login, mine.identity.partner) == ("tech94", "cd94")      # the DSN's login
    assert [(d.id, d.state) for d in mine.local] == [(saved.proposal.id, "local")]

    shown = proposing.proposal_details(open_store, saved.proposal.id)
    assert shown.title == "proposal offline" and shown.changeset is not None and len(shown.changeset) == 4
    actions = A.possible_actions(shown, mine.identity, CONVENTION)
    assert actions.possible(A.EDIT) and actions.possible(A.WITHDRAW)
    # F's draft carries a validation note: "Submit again" waits for it to be fixed.
    assert actions.refusal(A.RESUBMIT) == A.Refusal(A.HAS_PROBLEMS, {"count": 1})

    shown.validation = []
    queued = proposing.update_and_submit(open_store, shown, submit=True)
    assert queued.queued and queued.saved_locally
    assert [(d.id, d.state) for d in proposing.list_mine(open_store, who, CONVENTION).local] == \
        [(saved.proposal.id, "submit_pending")]

    sent = proposing.send_outbox(open_store)
    assert sent.results == {saved.proposal.id: "store.offline"}
    still = proposing.list_mine(open_store, who, CONVENTION).local
    assert [(d.id, d.state) for d in still] == [(saved.proposal.id, "submit_pending")]
    assert still[0].error.startswith("store.offline")
