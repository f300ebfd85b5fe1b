"""20 technicians submitting and 5 stewards deciding at once on one PostgreSQL store, 2 min.

tests/support/pg_load.py: one thread per person, each with its own connection as its own
login (contrib01…20 draft and submit one proposal after another, store_fixtures.proposal's
four changes; steward94, steward_region, steward_syctom, steward_sipperec and coord_region
open their queue and approve the oldest proposal awaiting them). Measured: operations/s and
p95 latency of each kind (a submit: create_draft + submit; a decision: list_proposals
(TO_REVIEW) + review), against what the database holds after: no proposal or decision
lost or doubled, the audit chain verified. Baseline: the same technicians' work with no
steward running (how much the deciders slow the submitters down).

Measured 2026-12-08 at 503866b (migrations to 0011), one run on the 2-core machine (a
helper's work going on beside): with the stewards, 30.7 submits/s (p95 1 668 ms) and
7.95 decisions/s (p95 1 096 ms; 391 races lost to another steward, 0 errors); 3 686
proposals claimed and stored, 954 decisions claimed and stored (none lost or doubled); the
audit chain verified after (9 281 rows, 86 ms). Technicians alone: 85.6 submits/s (p95
575 ms) — the deciders cut the submitters' throughput to 0.36× (every write appends to the
one audit chain, whose head is taken in turn; not investigated further).
"""

from __future__ import annotations

import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "build" / "bench" / "pg_load"
SECONDS = 120
DB = "pgload"


def _pct(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else 0.0


def run(report):
    from geogov.plugin.proposals.stores.postgres.store import PostgresStore
    from geogov.tests.support import pg_load
    from geogov.tests.support import store_fixtures as F  # noqa: N812
    from geogov.tests.support.postgres import PostgresCluster

    WORK.mkdir(parents=True, exist_ok=True)
    cluster = PostgresCluster(WORK)
    cluster.start()
    try:
        F.proposal_database(cluster, DB)
        clients = pg_load.run(cluster, DB, SECONDS)
        checked = pg_load.reconcile(cluster, DB, clients)
        store = PostgresStore(cluster.dsn(DB, "coord_region", F.PASSWORD))
        began = time.perf_counter()
        audit = store.verify_audit()
        verify_s = time.perf_counter() - began
        store.close()
        techs = [c for login, c in clients.items() if login in pg_load.TECHNICIANS]
        stewards = [c for login, c in clients.items() if login in pg_load.STEWARDS]
        submits = sum(len(c.done) for c in techs)
        decisions = sum(len(c.done) for c in stewards)
        report(f"submits by 20 technicians in {SECONDS} s", submits / SECONDS, "/s")
        report("  submit p95 (create_draft + submit)",
               _pct([x for c in techs for x in c.latencies], 0.95) * 1000, "ms")
        report(f"decisions by 5 stewards in {SECONDS} s", decisions / SECONDS, "/s")
        report("  decision p95 (queue + review)",
               _pct([x for c in stewards for x in c.latencies], 0.95) * 1000, "ms")
        report(f"  races lost (another decided first) {checked['races']}; errors {len(checked['errors'])}",
               checked["races"], "")
        lost = len(checked["claimed_not_stored"]) + len(checked["stored_not_claimed"])
        report(f"lost or doubled proposals ({checked['submitted_claimed']} claimed, "
               f"{checked['submitted_stored']} stored)", lost + checked["duplicate_ids"], "", goal="0")
        report(f"decisions claimed {checked['reviews_claimed']}, stored {checked['reviews_stored']}, "
               f"same {checked['reviews_match']}", checked["reviews_claimed"] - checked["reviews_stored"], "",
               goal="0")
        report(f"audit chain after: ok={audit.ok}, {audit.checked} rows", verify_s * 1000, "ms")
        assert audit.ok and lost == 0 and checked["reviews_match"] and not checked["errors"], checked

        # Baseline: the technicians alone, same length, on a fresh database.
        F.proposal_database(cluster, DB + "_alone")
        saved = pg_load.STEWARDS
        pg_load.STEWARDS = []
        try:
            alone = pg_load.run(cluster, DB + "_alone", SECONDS)
        finally:
            pg_load.STEWARDS = saved
        alone_submits = sum(len(c.done) for c in alone.values())
        report("submits/s, technicians alone", alone_submits / SECONDS, "/s",
               baseline=f"with the stewards {submits / SECONDS:.1f}/s",
               ratio=(submits / alone_submits) if alone_submits else None)
        report("  submit p95, technicians alone",
               _pct([x for c in alone.values() for x in c.latencies], 0.95) * 1000, "ms")
    finally:
        cluster.stop()
