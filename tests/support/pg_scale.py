"""A PostgreSQL store at a region's year scale, written as the convention's real logins.

``fill(cluster, dbname, proposals=10_000, audit_rows=1_000_000)`` writes, on a database made
by store_fixtures.proposal_database, what a year of a region's partnership leaves: proposals
drafted by the 22 technicians of cd93/cd94 (tech93, tech94, contrib01…20) on three datasets,
submitted, decided by their stewards (or the coordinator where the partner has no steward),
applied; then comments until the audit trail holds ``audit_rows`` rows.

Everything goes through the database's front door: each statement runs on a connection of
the login acting (no superuser, no trigger disabled), so every guard, row-level-security
policy and audit trigger runs for every row. Rows are written in bulk (many proposals per
statement, a few thousand audit rows per transaction) — the triggers still fire per row.
"""

from __future__ import annotations

import time

from psycopg2.extras import Json, execute_values

from geogov.plugin.proposals.serialization import changeset_meta
from geogov.plugin.proposals.stores.postgres import rows
from geogov.plugin.proposals.stores.row_values import new_proposal_id

from . import store_fixtures as F  # noqa: N812

AUTHORS_94 = ["tech94", *F.CONTRIBUTORS[1::2]]
AUTHORS_93 = ["tech93", *F.CONTRIBUTORS[0::2]]
AUTHORS = AUTHORS_94 + AUTHORS_93
# Dataset of the n-th proposal of an author (out of 20): 12 cyclable, 5 PAV, 3 lighting.
DATASETS = [F.CYCLABLE] * 12 + [F.PAV] * 5 + [F.ECLAIRAGE] * 3
# Fate of the n-th proposal (out of 100), as a region's year leaves them.
FATES = (["applied"] * 80 + ["submitted"] * 7 + ["rejected"] * 4 + ["changes_requested"] * 3
         + ["draft"] * 3 + ["withdrawn"] * 3)
COMMENT_BATCH = 500          # audit rows per transaction while commenting


def decider(dataset: str, author: str) -> str:
    """Who decides a proposal: the steward of its place, the coordinator where its partner
    (cd93) has no steward login."""
    if dataset == F.CYCLABLE:
        return "steward94" if author in AUTHORS_94 else "coord_region"
    return {F.PAV: "steward_region", F.ECLAIRAGE: "steward_sipperec"}[dataset]


def plan(proposals: int) -> list:
    """[(author, dataset, fate, n)] for ``proposals`` proposals, round robin over the authors."""
    out = []
    for n in range(proposals):
        author = AUTHORS[n % len(AUTHORS)]
        k = n // len(AUTHORS)
        out.append((author, DATASETS[k % len(DATASETS)], FATES[(k * 37 + n) % len(FATES)], n))
    return out


class Filler:
    def __init__(self, cluster, dbname: str):
        self.cluster, self.dbname = cluster, dbname
        self._conns = {}

    def conn(self, login):
        if login not in self._conns:
            self._conns[login] = self.cluster.connect(self.dbname, login, F.PASSWORD, autocommit=False)
        return self._conns[login]

    def close(self):
        for conn in self._conns.values():
            conn.close()
        self._conns.clear()

    def audit_count(self) -> int:
        with self.conn("coord_region").cursor() as cur:
            cur.execute("SELECT last_id FROM geogov.audit_head")
            value = cur.fetchone()[0]
        self.conn("coord_region").rollback()
        return value


def _draft_all(filler: Filler, items: list) -> dict:
    """Drafts of every planned proposal, one transaction per author; {id: (author, dataset, fate)}."""
    made = {}
    by_author = {}
    for author, dataset, fate, n in items:
        by_author.setdefault(author, []).append((dataset, fate, n))
    for author, own in by_author.items():
        conn = filler.conn(author)
        place = "94" if author in AUTHORS_94 else "93"
        with conn, conn.cursor() as cur:
            heads = []
            changes = {}
            for dataset, fate, n in own:
                pid = new_proposal_id(author)
                cs = F.changeset(f"y{n}", n_updates=1, place=place)
                changes[pid] = cs
                kind, uri, layer = F.target_values(dataset)
                heads.append((pid, dataset, kind, uri, layer, f"proposal {n}", f"why {n}",
                              Json(changeset_meta(cs))))
                made[pid] = (author, dataset, fate)
            execute_values(cur, "INSERT INTO geogov.proposals (id, dataset, target_kind, target_uri, "
                           "target_layer, title, comment, changeset_meta) VALUES %s", heads, page_size=500)
            for pid, cs in changes.items():
                rows.write_changes(cur, pid, cs)
    return made


def _by(made: dict, key, fates) -> dict:
    out = {}
    for pid, (author, dataset, fate) in made.items():
        if fate in fates:
            out.setdefault(key(author, dataset), []).append(pid)
    return out


def fill(cluster, dbname: str, proposals: int = 10_000, audit_rows: int = 1_000_000, log=print) -> dict:
    """Write the year (see the module's docstring); returns {phase: seconds} and the counts."""
    filler = Filler(cluster, dbname)
    times = {}
    try:
        began = time.perf_counter()
        made = _draft_all(filler, plan(proposals))
        times["drafts"] = time.perf_counter() - began

        began = time.perf_counter()
        for author, ids in _by(made, lambda a, d: a, set(FATES) - {"draft"}).items():
            conn = filler.conn(author)
            with conn, conn.cursor() as cur:
                cur.execute("UPDATE geogov.proposals SET status = 'submitted' WHERE id = ANY (%s::uuid[])",
                            (ids,))
        for author, ids in _by(made, lambda a, d: a, {"withdrawn"}).items():
            conn = filler.conn(author)
            with conn, conn.cursor() as cur:
                cur.execute("UPDATE geogov.proposals SET status = 'withdrawn' WHERE id = ANY (%s::uuid[])",
                            (ids,))
        times["submit"] = time.perf_counter() - began

        began = time.perf_counter()
        decisions = {"applied": "approve", "rejected": "reject", "changes_requested": "request_changes"}
        for fate, decision in decisions.items():
            for login, ids in _by(made, lambda a, d: decider(d, a), {fate}).items():
                conn = filler.conn(login)
                with conn, conn.cursor() as cur:
                    cur.execute("INSERT INTO geogov.reviews (proposal_id, decision, comment) "
                                "SELECT id, %s, %s FROM unnest(%s::uuid[]) AS id",
                                (decision, "" if decision == "approve" else "see the layer", ids))
        for login, ids in _by(made, lambda a, d: decider(d, a), {"applied"}).items():
            conn = filler.conn(login)
            with conn, conn.cursor() as cur:
                cur.execute("INSERT INTO geogov.apply_attempts (proposal_id, result, details) "
                            "SELECT id, 'applied', '{\"written\": 4}' FROM unnest(%s::uuid[]) AS id", (ids,))
                cur.execute("SELECT set_config('geogov.status_details', '{\"written\": 4}', true)")
                cur.execute("UPDATE geogov.proposals SET status = 'applied' WHERE id = ANY (%s::uuid[])",
                            (ids,))
        times["decide"] = time.perf_counter() - began

        began = time.perf_counter()
        by_author = _by(made, lambda a, d: a, set(FATES))
        logins = sorted(by_author)
        done = filler.audit_count()
        turn = 0
        while done < audit_rows:
            login = logins[turn % len(logins)]
            ids = by_author[login]
            batch = min(COMMENT_BATCH, audit_rows - done)
            conn = filler.conn(login)
            with conn, conn.cursor() as cur:
                cur.execute("INSERT INTO geogov.comments (proposal_id, body) "
                            "SELECT (%s::uuid[])[1 + (g %% %s)], 'note ' || g || ' on the layer' "
                            "FROM generate_series(%s, %s) AS g",
                            (ids, len(ids), turn * COMMENT_BATCH, turn * COMMENT_BATCH + batch - 1))
            done += batch
            turn += 1
            if turn % 50 == 0:
                log(f"    … {done} audit rows, {time.perf_counter() - began:.0f} s")
        times["comments"] = time.perf_counter() - began
        times["audit_rows"] = filler.audit_count()
        times["proposals"] = len(made)
        return times
    finally:
        filler.close()
