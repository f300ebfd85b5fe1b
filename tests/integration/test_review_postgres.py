"""The Review dock and its notifications with the PostgreSQL store, as real logins through
a QGIS authentication configuration: a second connection submits, and the steward's
notice (LISTEN/NOTIFY heard by a background thread) reaches the message bar within a few
seconds and refreshes the queue; the database decides who may decide."""

from __future__ import annotations

import time

import pytest

from geogov.plugin.proposals.stores.base import TO_REVIEW
from geogov.plugin.proposals.stores.postgres.store import PostgresStore
from geogov.tests.support import review_fixtures as R  # noqa: N812 (short: used on every line)
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.qt_wait import wait_for
from geogov.ui.notifications import ReviewNotifications
from geogov.ui.review_dock import ReviewDock

DB = "review"


@pytest.fixture(scope="module")
def db(postgres_cluster):
    F.proposal_database(postgres_cluster, DB)
    return postgres_cluster


def settings_as(db, authcfg_id):
    # The settings' own login is somebody else: in PostgreSQL mode only the database login counts.
    settings = R.settings_for("", "tech93")
    settings.store_kind = "postgres"
    settings.store_dsn = f"host=127.0.0.1 port={db.port} dbname={DB} connect_timeout=5"
    settings.store_authcfg = authcfg_id
    return settings


def store_as(db, login) -> PostgresStore:
    return PostgresStore(db.dsn(DB, login, F.PASSWORD))


def submit(db, login="tech94", **kwargs):
    with store_as(db, login) as store:
        draft = store.create_draft(F.proposal(**kwargs))
        return store.submit(draft.id, draft.version)


def test_a_submission_by_another_connection_reaches_the_stewards_dock_within_seconds(db, authcfg, qgis_iface):
    settings = settings_as(db, authcfg("steward94"))
    dock = ReviewDock(qgis_iface, R.ConventionState(F.convention()), load_settings=lambda: settings)
    notifications = ReviewNotifications(qgis_iface, lambda: settings, F.convention,
                                        on_notice=lambda notices: dock.refresh())
    qgis_iface.messageBar().clear_messages()
    try:
        dock.refresh()
        R.wait_idle(dock)
        already = {s.id for s in dock.summaries()}
        notifications.start()
        assert notifications.watcher.thread is not None and notifications.watcher.thread.isRunning()
        time.sleep(1.5)                       # the listener is connected and at the feed's end
        started = time.monotonic()
        proposal = submit(db, "tech94", tag="listen", title="Piste du quai de Bercy")

        wait_for(lambda: notifications.shown, timeout=10)
        elapsed = time.monotonic() - started
        assert notifications.shown == ["A new proposal awaits your review: “Piste du quai de Bercy” "
                                       "(Aménagements cyclables)."]
        assert any("Piste du quai de Bercy" in m for m in qgis_iface.messageBar().get_messages(0))
        assert elapsed < 5, f"the notice took {elapsed:.1f} s"
        wait_for(lambda: proposal.id in {s.id for s in dock.summaries()}, timeout=10)
        assert proposal.id not in already
        # The author is told when the steward decides (here through the dock itself).
        author_settings = settings_as(db, authcfg("tech94"))
        author = ReviewNotifications(qgis_iface, lambda: author_settings, F.convention)
        author.start()
        try:
            time.sleep(1.5)
            R.wait_idle(dock)
            dock.select([proposal.id])
            R.wait_idle(dock)
            assert dock.detail.identity.login == "steward94" and dock.detail.identity.verified
            assert dock.ui.approve_button.isEnabled(), dock.ui.approve_button.toolTip()
            dock.decide("approve")
            R.wait_idle(dock)
            wait_for(lambda: author.shown, timeout=10)
            assert author.shown == ["Your proposal “Piste du quai de Bercy” is now: Approved."]
        finally:
            author.stop()
    finally:
        notifications.stop()
        R.wait_idle(dock)
        dock.unload()
        dock.deleteLater()
    assert notifications.watcher.thread is None


def test_the_database_refuses_a_decision_the_dock_could_not_foresee(db, authcfg, qgis_iface):
    """steward93 is not the steward of a 94 proposal: the queue does not offer it, and a
    decision sent anyway is refused by PostgreSQL with the store's sentence."""
    from geogov.plugin.bridge.messages import error_text
    from geogov.plugin.bridge.review import decide, load_queue
    from geogov.plugin.errors import StoreError

    proposal = submit(db, "tech94", tag="rights")
    settings = settings_as(db, authcfg("tech93"))
    queue = load_queue(settings, TO_REVIEW, convention=F.convention())
    assert queue.identity.login == "tech93" and proposal.id not in {s.id for s in queue.summaries}
    with pytest.raises(StoreError) as info:
        decide(settings, proposal.id, "approve", "", proposal.version)
    assert info.value.code == "store.permission"
    assert error_text(info.value) == "The proposal database refused this operation to your login."
