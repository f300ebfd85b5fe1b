"""20 technicians submitting and 5 stewards deciding at once (≈ 20 s): nothing lost or doubled.

tests/support/pg_load.py runs everyone on their own connection as their own login; the
timings are bench_pg_load's business, this test asserts what must hold whatever the speed:
every proposal a technician was told was submitted is in the database, submitted once,
and nothing else is; every decision a steward was told was recorded is there, once; the
races between stewards end in a refusal, never a second decision; the audit chain holds.
"""

from __future__ import annotations

from geogov.plugin.proposals.stores.postgres.store import PostgresStore
from geogov.tests.support import pg_load
from geogov.tests.support import store_fixtures as F  # noqa: N812

DB = "manyatonce"


def test_twenty_technicians_and_five_stewards_lose_and_double_nothing(postgres_cluster):
    F.proposal_database(postgres_cluster, DB)
    clients = pg_load.run(postgres_cluster, DB, 20)
    checked = pg_load.reconcile(postgres_cluster, DB, clients)
    assert checked["errors"] == []
    assert checked["submitted_claimed"] > 20           # every technician got some through
    lost = checked["claimed_not_stored"], checked["stored_not_claimed"], checked["duplicate_ids"]
    assert lost == ([], [], 0)
    assert checked["submitted_stored"] == checked["submitted_claimed"] and checked["per_author_match"]
    assert checked["reviews_claimed"] > 0 and checked["reviews_match"]
    coordinator = PostgresStore(postgres_cluster.dsn(DB, "coord_region", F.PASSWORD))
    try:
        # A decision per round, never two approvals for one that needed one (the PAV races).
        conn = postgres_cluster.connect(DB, "coord_region", F.PASSWORD)
        with conn.cursor() as cur:
            cur.execute("SELECT proposal_id, round, count(*) FROM geogov.reviews "
                        "GROUP BY 1, 2 HAVING count(*) > 1")
            doubled = cur.fetchall()
            cur.execute("SELECT count(*) FROM geogov.proposals WHERE status = 'approved'")
            approved = cur.fetchone()[0]
        conn.close()
        assert doubled == [] and approved == checked["reviews_claimed"]
        assert coordinator.verify_audit().ok and coordinator.verify_audit_since().ok
    finally:
        coordinator.close()
