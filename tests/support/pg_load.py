"""Many people at once on one PostgreSQL store: 20 technicians submitting, 5 stewards deciding.

``run(cluster, dbname, seconds)`` starts one thread per person, each with its own
PostgresStore (its own connection, as its own login: contrib01…contrib20 draft and submit a
proposal after another; steward94, steward_region, steward_syctom, steward_sipperec and
coord_region open their review queue and approve the oldest proposal awaiting them). Each
client counts what it thinks it did; :func:`reconcile` compares that with the database.
A refusal that concurrency explains (another steward decided first: store.concurrent,
store.not_under_review, store.busy) is counted, not an error; anything else is.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from geogov.plugin.errors import StoreError
from geogov.plugin.proposals.stores.base import TO_REVIEW
from geogov.plugin.proposals.stores.postgres.store import PostgresStore

from . import store_fixtures as F  # noqa: N812

TECHNICIANS = F.CONTRIBUTORS
STEWARDS = ["steward94", "steward_region", "steward_syctom", "steward_sipperec", "coord_region"]
RACES = {"store.concurrent", "store.not_under_review", "store.busy", "store.not_reviewer"}
# What each technician proposes, in turn: cycling in its own département, collection
# points (stewarded by the Syctom and the Région: two stewards race for them), lighting.
DATASETS = [F.CYCLABLE, F.PAV, F.ECLAIRAGE]


@dataclass
class Client:
    login: str
    done: list = field(default_factory=list)          # proposal ids submitted / approved
    latencies: list = field(default_factory=list)     # seconds per operation
    races: int = 0
    errors: list = field(default_factory=list)


def _technician(client: Client, dsn: str, until: float) -> None:
    place = "93" if F.CONTRIBUTORS.index(client.login) % 2 == 0 else "94"
    store = PostgresStore(dsn, application_name="GeoGov load")
    n = 0
    try:
        while time.monotonic() < until:
            proposal = F.proposal(dataset=DATASETS[n % len(DATASETS)], departements=[place],
                                  tag=f"{client.login}-{n}")
            began = time.perf_counter()
            try:
                draft = store.create_draft(proposal)
                store.submit(draft.id, draft.version)
                client.done.append(draft.id)
            except StoreError as error:
                if error.code in RACES:
                    client.races += 1
                else:
                    client.errors.append(f"{error.code}: {error.message}")
            client.latencies.append(time.perf_counter() - began)
            n += 1
    finally:
        store.close()


def _steward(client: Client, dsn: str, until: float) -> None:
    store = PostgresStore(dsn, application_name="GeoGov load")
    try:
        while time.monotonic() < until:
            began = time.perf_counter()
            try:
                queue = store.list_proposals(TO_REVIEW)
                if not queue:
                    time.sleep(0.05)
                    continue
                oldest = min(queue, key=lambda s: (s.submitted_at, s.id))
                store.review(oldest.id, "approve", expected_version=oldest.version)
                client.done.append(oldest.id)
            except StoreError as error:
                if error.code in RACES:
                    client.races += 1
                else:
                    client.errors.append(f"{error.code}: {error.message}")
            client.latencies.append(time.perf_counter() - began)
    finally:
        store.close()


def run(cluster, dbname: str, seconds: float) -> dict:
    """{login: Client} after ``seconds`` of everyone at once."""
    until = time.monotonic() + seconds
    clients, threads = {}, []
    for login, work in [*((t, _technician) for t in TECHNICIANS), *((s, _steward) for s in STEWARDS)]:
        clients[login] = Client(login)
        threads.append(threading.Thread(target=work, name=f"load-{login}",
                                        args=(clients[login], cluster.dsn(dbname, login, F.PASSWORD), until)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return clients


def reconcile(cluster, dbname: str, clients: dict) -> dict:
    """What the database holds against what the clients think they did (as the coordinator)."""
    conn = cluster.connect(dbname, "coord_region", F.PASSWORD)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT author, id::text, status FROM geogov.proposals WHERE author = ANY (%s)",
                        (TECHNICIANS,))
            stored = cur.fetchall()
            cur.execute("SELECT reviewer, proposal_id::text FROM geogov.reviews WHERE reviewer = ANY (%s)",
                        (STEWARDS,))
            decisions = cur.fetchall()
    finally:
        conn.close()
    submitted = {pid for login in TECHNICIANS for pid in clients[login].done}
    by_author = {}
    for author, pid, status in stored:
        by_author.setdefault(author, []).append((pid, status))
    claimed_reviews = sorted((login, pid) for login in STEWARDS for pid in clients[login].done)
    return {
        "submitted_claimed": sum(len(clients[t].done) for t in TECHNICIANS),
        "submitted_stored": sum(1 for _a, pid, status in stored if pid in submitted and status != "draft"),
        "stored_not_claimed": sorted(pid for _a, pid, _s in stored if pid not in submitted),
        "claimed_not_stored": sorted(submitted - {pid for _a, pid, _s in stored}),
        "duplicate_ids": len(stored) - len({pid for _a, pid, _s in stored}),
        "reviews_claimed": len(claimed_reviews),
        "reviews_stored": len(decisions),
        "reviews_match": claimed_reviews == sorted(decisions),
        "per_author_match": all(sorted(p for p, _s in by_author.get(t, [])) == sorted(clients[t].done)
                                for t in TECHNICIANS),
        "errors": [e for c in clients.values() for e in c.errors],
        "races": sum(c.races for c in clients.values()),
    }
