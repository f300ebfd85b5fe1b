"""The audit chain's incremental check (stores/sql/postgres/0010_scale.sql), as an attacker would try it.

The check verifies the rows after the last head the database itself verified, then moves
that head. What must hold: it sees a change to any row after the head and to the head's own
row; no login can record a head (nor call the unguarded check to pick where it starts); the
full verification stays, and still sees what the incremental one cannot (a row before the
head); and the set-based full check reports what the row-by-row one did (content, link, gap,
head).
"""

from __future__ import annotations

import pytest

from geogov.plugin.proposals.stores.postgres import admin as postgres_admin
from geogov.plugin.proposals.stores.postgres.store import PostgresStore
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.sql_logins import refused

DB = "incremental"


@pytest.fixture(scope="module")
def db(postgres_cluster):
    F.proposal_database(postgres_cluster, DB)
    return postgres_cluster


def _activity(db, tag, comments=3):
    tech = PostgresStore(db.dsn(DB, "tech94", F.PASSWORD))
    steward = PostgresStore(db.dsn(DB, "steward94", F.PASSWORD))
    try:
        draft = tech.create_draft(F.proposal(tag=tag))
        submitted = tech.submit(draft.id)
        for n in range(comments):
            tech.add_comment(submitted.id, f"note {n}")
        steward.review(submitted.id, "approve")
    finally:
        tech.close()
        steward.close()


def _tamper(db, statement):
    admin = db.connect(DB, autocommit=False)
    try:
        with admin.cursor() as cur:
            cur.execute("SET session_replication_role = replica")     # superuser: triggers off
            cur.execute(statement)
        admin.commit()
    finally:
        admin.close()


def _report(report):
    return report.ok, report.first_bad_id, report.reason


def test_the_incremental_check_costs_the_new_rows_and_sees_tampering_after_its_head(db):
    coordinator = PostgresStore(db.dsn(DB, "coord_region", F.PASSWORD))
    tech93 = PostgresStore(db.dsn(DB, "tech93", F.PASSWORD))
    _activity(db, "i1")
    first = tech93.verify_audit_since()             # no head yet: the whole chain
    assert first.ok and first.verified_from == 0 and first.checked == first.head_id > 0
    assert coordinator.verify_audit_since().checked == 0     # nothing new since
    _activity(db, "i2")
    second = coordinator.verify_audit_since()
    assert second.ok and second.verified_from == first.head_id
    assert second.checked == second.head_id - first.head_id > 0
    assert second.head_hash == coordinator.verify_audit().head_hash

    _activity(db, "i3")
    after = second.head_id + 2
    _tamper(db, f"UPDATE geogov.audit SET actor = actor || '!' WHERE id = {after}")
    for store in (coordinator, tech93):
        assert _report(store.verify_audit_since()) == (False, after, "content")
        assert _report(store.verify_audit()) == (False, after, "content")
    _tamper(db, f"UPDATE geogov.audit SET actor = left(actor, -1) WHERE id = {after}")

    # The head's own row rewritten (its hash with it): the head no longer matches it.
    _tamper(db, f"UPDATE geogov.audit SET row_hash = repeat('f', 64) WHERE id = {second.head_id}")
    assert _report(coordinator.verify_audit_since()) == (False, second.head_id, "content")
    assert _report(coordinator.verify_audit()) == (False, second.head_id, "content")
    _tamper(db, f"UPDATE geogov.audit SET row_hash = '{second.head_hash}' WHERE id = {second.head_id}")
    third = coordinator.verify_audit_since()
    assert third.ok and third.verified_from == second.head_id

    # Before the head: out of the incremental check's reach (documented), not the full one's.
    _tamper(db, "UPDATE geogov.audit SET actor = actor || '!' WHERE id = 2")
    assert coordinator.verify_audit_since().ok
    assert _report(coordinator.verify_audit()) == (False, 2, "content")
    _tamper(db, "UPDATE geogov.audit SET actor = left(actor, -1) WHERE id = 2")
    coordinator.close()
    tech93.close()


def test_no_login_records_a_head_or_picks_where_the_check_starts(db):
    _activity(db, "i4")
    for login in ("coord_region", "tech94", "steward94"):
        conn = db.connect(DB, login, F.PASSWORD, autocommit=False)
        try:
            assert refused(conn, "INSERT INTO geogov.audit_checkpoints (last_id, last_hash) "
                                 "VALUES (1000000, repeat('0', 64))")[0] == "42501"
            assert refused(conn, "UPDATE geogov.audit_checkpoints SET last_id = last_id + 1")[0] == "42501"
            assert refused(conn, "SELECT * FROM geogov.audit_check(1000000, repeat('0', 64))")[0] == "42501"
        finally:
            conn.close()
    # A head recorded only after the database verified up to it: tampered rows move nothing.
    coordinator = PostgresStore(db.dsn(DB, "coord_region", F.PASSWORD))
    before = coordinator.verify_audit_since()
    assert before.ok
    _activity(db, "i5")
    tampered = before.head_id + 1
    _tamper(db, "UPDATE geogov.audit SET details = details || '{\"x\": 1}' WHERE id = " + str(tampered))
    for _ in range(2):
        assert _report(coordinator.verify_audit_since()) == (False, tampered, "content")
    conn = db.connect(DB, "coord_region", F.PASSWORD)
    with conn.cursor() as cur:
        cur.execute("SELECT max(last_id) FROM geogov.audit_checkpoints")
        assert cur.fetchone()[0] == before.head_id
    conn.close()
    _tamper(db, f"UPDATE geogov.audit SET details = details - 'x' WHERE id = {tampered}")
    assert coordinator.verify_audit_since().ok
    coordinator.close()


def test_the_set_based_check_reports_what_the_loop_did(db):
    """content and head are above; link and gap here, through each way of asking."""
    _activity(db, "i6")
    coordinator = PostgresStore(db.dsn(DB, "coord_region", F.PASSWORD))
    admin = db.connect(DB, autocommit=False)
    head = coordinator.verify_audit().head_id

    def all_three():
        return {_report(coordinator.verify_audit()), _report(postgres_admin.verify_audit(admin)),
                _report(PostgresStore(db.dsn(DB, "tech93", F.PASSWORD)).verify_audit())}

    _tamper(db, "UPDATE geogov.audit SET prev_hash = repeat('a', 64) WHERE id = 5")
    assert all_three() == {(False, 5, "link")}
    _tamper(db, "UPDATE geogov.audit a SET prev_hash = b.row_hash FROM geogov.audit b "
                "WHERE a.id = 5 AND b.id = 4")
    assert all_three() == {(True, None, "")}
    _tamper(db, f"DELETE FROM geogov.audit WHERE id = {head}")
    assert all_three() == {(False, head, "head")}
    _tamper(db, "DELETE FROM geogov.audit WHERE id = 3")
    assert all_three() == {(False, 4, "gap")}
    admin.close()
    coordinator.close()
