"""The PostgreSQL store's rules are the database's: checked through plain SQL as real logins.

Every refusal here comes from PostgreSQL itself (a privilege, a row-level security
policy or a trigger), reached by connecting as the convention's login roles — none is a
superuser, none owns the tables — exactly as someone bypassing the plugin with psql would.
"""

from __future__ import annotations

import struct
import threading
import time

import pytest
from psycopg2.extras import LoggingConnection

from geogov.plugin.errors import PermissionDenied, StoreError
from geogov.plugin.proposals import rules
from geogov.plugin.proposals.model import TRANSITIONS
from geogov.plugin.proposals.stores.convention_tables import convention_rows
from geogov.plugin.proposals.stores.migrations import latest_version
from geogov.plugin.proposals.stores.postgres import admin as postgres_admin
from geogov.plugin.proposals.stores.postgres.store import PostgresStore
from geogov.plugin.proposals.stores.row_values import new_proposal_id
from geogov.tests.support import store_fixtures as F  # noqa: N812 (short: used on every line)
from geogov.tests.support.postgres import free_port
from geogov.tests.support.sql_logins import logins_fixtures, refused, scalar, submitted

DB = "rights"
APPROVE = "INSERT INTO geogov.reviews (proposal_id, decision) VALUES (%s, 'approve')"
COUNT = "SELECT count(*) FROM geogov.proposals WHERE id = %s"
PROTECTED = ("proposals", "proposal_changes", "reviews", "comments", "apply_attempts", "audit")


db, store, sql = logins_fixtures(DB)


# ---------------------------------------------------------------------------- the set-up itself
def test_the_logins_are_neither_superusers_nor_owners(db):
    admin = db.connect(DB)
    with admin.cursor() as cur:
        cur.execute("SELECT rolname FROM pg_roles WHERE rolname = ANY (%s) AND (rolsuper OR rolbypassrls)",
                    (F.LOGINS,))
        assert cur.fetchall() == []
        cur.execute("SELECT c.relname, pg_get_userbyid(c.relowner), c.relrowsecurity, c.relforcerowsecurity "
                    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = 'geogov' AND c.relname = ANY (%s)", (list(PROTECTED),))
        tables = {name: (owner, rls, forced) for name, owner, rls, forced in cur.fetchall()}
        cur.execute("SELECT rolname FROM pg_roles WHERE rolname = 'geogov_owner' AND NOT rolcanlogin")
        assert cur.fetchall() == [("geogov_owner",)]
    admin.close()
    assert tables == {name: ("geogov_owner", True, True) for name in PROTECTED}


def test_migrations_are_versioned_and_idempotent(db):
    admin = db.connect(DB, autocommit=False)
    latest = latest_version("postgres")
    assert latest >= 6
    assert postgres_admin.install(admin) == latest
    assert postgres_admin.install(admin) == latest
    with admin.cursor() as cur:
        cur.execute("SELECT version, name FROM geogov.schema_version ORDER BY version")
        assert [v for v, _ in cur.fetchall()] == list(range(1, latest + 1))
    admin.close()


def test_a_store_older_than_the_plugin_is_refused_with_a_message_until_its_set_up_is_run(db, monkeypatch):
    """A plugin updated before its store: every query of the plugin may call a function of
    the newest migration; the store is refused at the connection (schema older) with the
    sentence that says who must do what, and works once the set-up has upgraded it."""
    from geogov.plugin.bridge.messages.lookup import error_text
    from geogov.plugin.proposals.stores import migrations

    name = DB + "_older"
    db.create_database(name)
    admin = db.connect(name, autocommit=False)
    every = migrations.load_migrations("postgres")
    monkeypatch.setattr(postgres_admin, "load_migrations", lambda dialect: every[:-1])
    assert postgres_admin.install(admin) == len(every) - 1
    postgres_admin.sync_convention(admin, F.convention())
    monkeypatch.undo()
    store = PostgresStore(db.dsn(name, "tech94", F.PASSWORD))
    with pytest.raises(StoreError) as refused_store:
        store.list_proposals()
    assert refused_store.value.code == "store.schema_older"
    assert refused_store.value.params == {"version": len(every) - 1, "needed": len(every)}
    text = error_text(refused_store.value)
    assert "geogov:setup_postgres_store" in text and f"schema {len(every) - 1}" in text, text
    assert postgres_admin.install(admin) == len(every)
    assert store.list_proposals() == []
    store.close()
    admin.close()


def test_the_transition_table_is_the_models(sql):
    conn = sql("tech94")
    for old in TRANSITIONS:
        for new in TRANSITIONS:
            legal = scalar(conn, "SELECT geogov.legal_transition(%s, %s)", (old, new))
            assert legal == (new in TRANSITIONS[old]), (old, new)


@pytest.mark.parametrize("dataset", [F.CYCLABLE, F.PAV, F.PESEES, "unknown"])
def test_required_approvals_are_the_pythons(sql, dataset):
    # Routing's parity (stewards, groups, places) is tests/integration/test_territory_parity.py.
    data = convention_rows(F.convention())
    conn = sql("tech94")
    row = {d["id"]: d for d in data["datasets"]}.get(dataset, {"approval": [], "personal_data": False})
    assert scalar(conn, "SELECT geogov.required_approvals(%s)", (dataset,)) == \
        rules.required_approvals(row["approval"], row["personal_data"])


# ---------------------------------------------------------------------------- the checks of issue 5
def test_a_contributor_cannot_approve(store, sql):
    proposal = submitted(store)
    conn = sql("tech94")
    assert refused(conn, APPROVE,
                   (proposal.id,))[0] == "42501"                       # no INSERT privilege on reviews
    assert refused(conn, "UPDATE geogov.proposals SET status = 'approved' WHERE id = %s",
                   (proposal.id,)) == ("GG403", "store.approvals_missing")
    tech93 = sql("tech93")
    assert refused(tech93, APPROVE,
                   (proposal.id,))[0] == "42501"
    assert store("coord_region").get_proposal(proposal.id).status == "submitted"


def test_a_steward_cannot_approve_their_own_proposal(store, sql):
    proposal = submitted(store, login="steward94", tag="own")
    conn = sql("steward94")
    assert refused(conn, APPROVE,
                   (proposal.id,)) == ("GG403", "store.self_review")
    assert refused(conn, "UPDATE geogov.proposals SET status = 'approved' WHERE id = %s",
                   (proposal.id,)) == ("GG403", "store.approvals_missing")


def test_a_steward_of_another_dataset_or_place_cannot_decide(store, sql):
    proposal = submitted(store, dataset=F.PAV, departements=[], tag="other")
    assert refused(sql("steward94"), APPROVE,
                   (proposal.id,)) == ("GG403", "store.not_reviewer")
    cyclable = submitted(store, tag="place")
    assert refused(sql("steward_region"), APPROVE, (cyclable.id,)) == ("GG404", "store.not_found")


def test_a_status_cannot_be_skipped_or_forged(store, sql):
    draft = store("tech94").create_draft(F.proposal(tag="skip"))
    conn = sql("tech94")
    assert refused(conn, "UPDATE geogov.proposals SET status = 'approved' WHERE id = %s",
                   (draft.id,)) == ("GG422", "store.transition")
    assert refused(conn, "UPDATE geogov.proposals SET status = 'applied' WHERE id = %s",
                   (draft.id,)) == ("GG422", "store.transition")
    proposal = store("tech94").submit(draft.id)
    # Legal transitions, but without the review that must back them:
    assert refused(conn, "UPDATE geogov.proposals SET status = 'rejected' WHERE id = %s",
                   (proposal.id,)) == ("GG403", "store.not_reviewer")
    assert refused(sql("steward94"), "UPDATE geogov.proposals SET status = 'changes_requested' WHERE id = %s",
                   (proposal.id,)) == ("GG403", "store.not_reviewer")
    # The bookkeeping columns are not even writable.
    for column, value in (("version", 99), ("round", 7), ("author", "steward94"), ("updated_by", "x")):
        assert refused(conn, f"UPDATE geogov.proposals SET {column} = %s WHERE id = %s",
                       (value, proposal.id))[0] == "42501"
    # A proposal is born a draft.
    assert refused(conn, "INSERT INTO geogov.proposals (id, dataset, status, departements) "
                   "VALUES (%s, %s, 'approved', '{94}')", (new_proposal_id("tech94"), F.CYCLABLE)) == \
        ("GG422", "store.transition")


def test_an_author_and_partner_cannot_be_forged(sql):
    conn = sql("tech94")
    pid = new_proposal_id("tech94")
    with conn.cursor() as cur:
        cur.execute(f"INSERT INTO geogov.proposals (id, dataset, author, partner, departements, "
                    f"{F.TARGET_COLUMNS}) VALUES (%s, %s, 'steward94', 'cd93', '{{94}}', %s, %s, %s) "
                    "RETURNING author, partner", (pid, F.CYCLABLE, *F.target_values()))
        assert cur.fetchone() == ("tech94", "cd94")
    conn.commit()


def test_another_partners_proposals_cannot_be_read_or_touched(store, sql):
    proposal = submitted(store, tag="private")
    store("tech94").add_comment(proposal.id, "interne")
    conn = sql("tech93")
    for table, column in (("proposals", "id"), ("proposal_changes", "proposal_id"),
                          ("reviews", "proposal_id"), ("comments", "proposal_id"), ("audit", "proposal_id")):
        assert scalar(conn, f"SELECT count(*) FROM geogov.{table} WHERE {column} = %s", (proposal.id,)) == 0
    assert scalar(sql("tech94"), "SELECT count(*) FROM geogov.proposal_changes WHERE proposal_id = %s",
                  (proposal.id,)) == 4
    with conn.cursor() as cur:
        cur.execute("UPDATE geogov.proposals SET title = 'pwned' WHERE id = %s", (proposal.id,))
        assert cur.rowcount == 0
        cur.execute("DELETE FROM geogov.proposal_changes WHERE proposal_id = %s", (proposal.id,))
        assert cur.rowcount == 0
    conn.rollback()
    assert refused(conn, "INSERT INTO geogov.comments (proposal_id, body) VALUES (%s, 'x')",
                   (proposal.id,)) == ("GG404", "store.not_found")
    assert refused(conn, "INSERT INTO geogov.proposal_changes (proposal_id, seq, op) "
                   "VALUES (%s, 99, 'delete')", (proposal.id,)) == ("GG404", "store.not_found")
    assert refused(conn, "DELETE FROM geogov.proposals WHERE id = %s", (proposal.id,))[0] == "42501"
    assert proposal.id not in {s.id for s in store("tech93").list_proposals("all")}
    with pytest.raises(StoreError) as hidden:
        store("tech93").get_proposal(proposal.id)
    assert hidden.value.code == "store.not_found"


def test_a_draft_stays_private_to_its_partner(store, sql):
    draft = store("tech94").create_draft(F.proposal(tag="draft"))
    assert scalar(sql("steward94"), COUNT, (draft.id,)) == 1
    assert scalar(sql("steward_syctom"), COUNT, (draft.id,)) == 0     # not its dataset
    assert scalar(sql("coord_region"), COUNT, (draft.id,)) == 1


def test_whoever_rebased_a_proposal_cannot_approve_it_in_sql(store, sql):
    proposal = submitted(store, tag="rebase-sql")
    steward = store("steward94")
    approved = steward.review(proposal.id, "approve")
    steward.mark_conflict(proposal.id, approved.version)
    steward.rebase(proposal.id, F.changeset("rebased-sql"))
    conn = sql("steward94")
    assert refused(conn, APPROVE, (proposal.id,)) == ("GG403", "store.self_review")
    assert refused(conn, "UPDATE geogov.proposals SET rebased_by = NULL WHERE id = %s",
                   (proposal.id,))[0] == "42501"
    assert scalar(sql("coord_region"), "SELECT rebased_by FROM geogov.proposals WHERE id = %s",
                  (proposal.id,)) == "steward94"


def test_a_submitted_change_set_is_frozen(store, sql):
    proposal = submitted(store, tag="frozen")
    conn = sql("tech94")
    assert refused(conn, "DELETE FROM geogov.proposal_changes WHERE proposal_id = %s",
                   (proposal.id,)) == ("GG422", "store.not_editable")
    assert refused(conn, "UPDATE geogov.proposals SET title = 'new' WHERE id = %s",
                   (proposal.id,)) == ("GG422", "store.not_editable")


@pytest.mark.parametrize("login", ["tech94", "steward94", "coord_region", "dpo_syctom"])
def test_nobody_changes_the_audit_trail(store, sql, login):
    submitted(store, tag=f"audit-{login}")
    conn = sql(login)
    assert scalar(conn, "SELECT count(*) > 0 FROM geogov.audit")
    for statement in ("UPDATE geogov.audit SET actor = 'nobody'", "DELETE FROM geogov.audit",
                      "TRUNCATE geogov.audit", "UPDATE geogov.audit_head SET last_id = 0",
                      "INSERT INTO geogov.audit SELECT * FROM geogov.audit LIMIT 1"):
        assert refused(conn, statement)[0] == "42501", statement
    assert refused(conn, "SELECT geogov.audit_append('x', 'forged', NULL, '{}')")[0] == "42501"
    assert refused(conn, "UPDATE geogov.reviews SET decision = 'approve'")[0] == "42501"


def test_not_even_the_owner_role_or_a_superuser_changes_it_through_sql(db):
    admin = db.connect(DB, autocommit=False)
    # The table owner's role: it gave up UPDATE/DELETE/TRUNCATE on the audit table.
    with admin.cursor() as cur:
        cur.execute("SET ROLE geogov_owner")
    assert refused(admin, "UPDATE geogov.audit SET actor = 'owner'")[0] == "42501"
    with admin.cursor() as cur:
        cur.execute("SET ROLE geogov_owner")
    # FORCE'd RLS binds the owner too (its own id mark and the dataset's target: only RLS is left).
    assert refused(admin, f"INSERT INTO geogov.proposals (id, dataset, {F.TARGET_COLUMNS}) "
                   "VALUES (%s, %s, %s, %s, %s)",
                   (new_proposal_id("geogov_owner"), F.CYCLABLE, *F.target_values()))[0] in ("42501", "GG403")
    # A superuser still meets the triggers (it can drop them: see the tampering test).
    for statement in ("UPDATE geogov.audit SET actor = 'root'", "DELETE FROM geogov.audit",
                      "TRUNCATE geogov.audit"):
        assert refused(admin, statement) == ("GG403", "store.append_only"), statement
    admin.close()


def test_tampering_by_a_superuser_is_detected(postgres_cluster):
    F.proposal_database(postgres_cluster, "tamper")
    tech = PostgresStore(postgres_cluster.dsn("tamper", "tech94", F.PASSWORD))
    steward = PostgresStore(postgres_cluster.dsn("tamper", "steward94", F.PASSWORD))
    coordinator = PostgresStore(postgres_cluster.dsn("tamper", "coord_region", F.PASSWORD))
    for tag in ("t1", "t2"):
        draft = tech.create_draft(F.proposal(tag=tag))
        steward.review(tech.submit(draft.id).id, "approve")
    admin = postgres_cluster.connect("tamper", autocommit=False)
    assert coordinator.verify_audit().ok and postgres_admin.verify_audit(admin).ok
    head = coordinator.verify_audit().head_id

    def tamper(statement):
        with admin.cursor() as cur:
            cur.execute("SET session_replication_role = replica")     # superuser: triggers off
            cur.execute(statement)
            cur.execute("SET session_replication_role = origin")
        admin.commit()

    tamper("UPDATE geogov.audit SET details = details || '{\"decision\": \"reject\"}' WHERE id = 4")
    for report in (coordinator.verify_audit(), postgres_admin.verify_audit(admin),
                   PostgresStore(postgres_cluster.dsn("tamper", "tech93", F.PASSWORD)).verify_audit()):
        assert (report.ok, report.first_bad_id, report.reason) == (False, 4, "content")
    tamper("UPDATE geogov.audit SET details = details || '{\"decision\": \"approve\"}' WHERE id = 4")
    assert coordinator.verify_audit().ok                 # put back as it was: the chain holds again
    tamper(f"DELETE FROM geogov.audit WHERE id = {head}")
    assert (coordinator.verify_audit().reason, coordinator.verify_audit().first_bad_id) == ("head", head)
    tamper("DELETE FROM geogov.audit WHERE id = 3")
    assert (coordinator.verify_audit().reason, postgres_admin.verify_audit(admin).reason) == ("gap", "gap")
    for s in (tech, steward, coordinator):
        s.close()
    admin.close()


def test_personal_data_needs_the_dpo_in_sql_too(store, sql):
    proposal = submitted(store, login="tech_ept8", dataset=F.PESEES, departements=["93"], tag="sql-dpo")
    steward, dpo = sql("steward_syctom"), sql("dpo_syctom")
    with steward.cursor() as cur:
        cur.execute(APPROVE + " RETURNING role", (proposal.id,))
        assert cur.fetchone() == ("steward",)
    steward.commit()
    assert scalar(steward, "SELECT status FROM geogov.proposals WHERE id = %s", (proposal.id,)) == "submitted"
    assert refused(steward, "UPDATE geogov.proposals SET status = 'approved' WHERE id = %s",
                   (proposal.id,)) == ("GG403", "store.approvals_missing")
    assert refused(steward, "INSERT INTO geogov.reviews (proposal_id, decision, role) "
                   "VALUES (%s, 'approve', 'dpo')", (proposal.id,)) == ("GG403", "store.not_reviewer")
    with dpo.cursor() as cur:
        cur.execute(APPROVE, (proposal.id,))
    dpo.commit()
    assert scalar(dpo, "SELECT status FROM geogov.proposals WHERE id = %s", (proposal.id,)) == "approved"


def test_concurrent_decisions_queue_on_the_row_lock_and_the_second_is_refused(store, sql):
    proposal = submitted(store, dataset=F.PAV, departements=[], tag="lock")
    first, second = sql("steward_syctom"), sql("steward_region")
    with first.cursor() as cur:     # decided, not yet committed: holds the proposal's row lock
        cur.execute("INSERT INTO geogov.reviews (proposal_id, decision, proposal_version) "
                    "VALUES (%s, 'approve', %s)", (proposal.id, proposal.version))
    outcome = {}

    def decide_second():
        outcome["error"] = refused(second, "INSERT INTO geogov.reviews (proposal_id, decision, comment, "
                                   "proposal_version) VALUES (%s, 'reject', 'non', %s)",
                                   (proposal.id, proposal.version))

    thread = threading.Thread(target=decide_second)
    thread.start()
    time.sleep(1.0)
    assert thread.is_alive(), "the second decision did not wait for the first"
    first.commit()
    thread.join(30)
    assert outcome["error"] == ("GG409", "store.concurrent")
    assert scalar(first, "SELECT status FROM geogov.proposals WHERE id = %s", (proposal.id,)) == "approved"


# ---------------------------------------------------------------------------- notifications, geometry, outbox
def test_listeners_are_told_of_new_proposals_and_decisions(store, sql):
    steward = store("steward94")
    listener = steward.listen()
    try:
        _, start = steward.changes_since(0, limit=100000)
        forger = sql("tech93")
        with forger.cursor() as cur:      # anyone may NOTIFY the channel: ignored unless {"cursor": int}
            cur.execute("NOTIFY geogov, 'not json'")
            cur.execute("""NOTIFY geogov, '{"cursor": "x", "proposal": "forged"}'""")
        forger.commit()
        proposal = submitted(store, tag="notify")
        steward.review(proposal.id, "approve")
        payloads, deadline = [], time.monotonic() + 10
        while len(payloads) < 4 and time.monotonic() < deadline:
            payloads += listener.wait(1.0)
        # A wake-up call names nothing (NOTIFY ignores row-level security): only the audit cursor.
        assert payloads and all(set(p) == {"cursor"} and p["cursor"] > start for p in payloads)
        events, _ = steward.changes_since(start)
        mine = [(e.action, e.details.get("status")) for e in events if e.proposal_id == proposal.id]
        assert mine == [("created", "draft"), ("status", "submitted"), ("review", "submitted"),
                        ("status", "approved")]
    finally:
        listener.close()


def test_changes_are_postgis_geometries_in_the_targets_srid(store, sql):
    proposal = submitted(store, tag="geom")
    conn = sql("tech94")
    with conn.cursor() as cur:
        cur.execute("SELECT op, ST_SRID(new_geom), GeometryType(new_geom), ST_AsText(new_geom), "
                    "ST_SRID(old_geom) FROM geogov.proposal_changes WHERE proposal_id = %s ORDER BY seq",
                    (proposal.id,))
        found = cur.fetchall()
    conn.rollback()
    x, y = struct.unpack_from("<dd", F.changeset("geom").changes[0].new_geometry, 5)   # as sent
    assert found[0] == ("insert", 2154, "POINT", f"POINT({x!r} {y!r})", None)
    assert found[-1][:3] == ("delete", None, None) and found[-1][4] == 2154


class _Sent(list):
    """The statements a watched connection sends (psycopg2's LoggingConnection writes here)."""

    def write(self, text):
        self.append(text)


def _watched(store) -> _Sent:
    sent = _Sent()

    class Watched(LoggingConnection):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.initialize(sent)

    store.close()
    store._connect_args["connection_factory"] = Watched
    return sent


def test_writes_send_no_change_row_back_and_a_title_save_writes_none(store, sql):
    author, steward = store("tech94"), store("steward94")
    sent, seen = _watched(author), _watched(steward)
    draft = author.create_draft(F.proposal(tag="watched"))
    edited = F.proposal(tag="watched", title="titre revu")
    edited.id = draft.id
    del sent[:]
    draft = author.update_draft(edited, draft.version)
    assert not [s for s in sent if "proposal_changes" in s]       # neither written nor read
    proposal = author.submit(draft.id, draft.version)
    proposal = steward.review(proposal.id, "approve", expected_version=proposal.version)
    proposal = steward.mark_applied(proposal.id, proposal.version, {"status": "applied"})
    assert proposal.status == "applied" and not proposal.changes_loaded
    assert not [s for s in sent + seen if "FROM geogov.proposal_changes" in s]
    assert author.get_proposal(draft.id).changeset == F.changeset("watched")
    assert [s for s in sent if "FROM geogov.proposal_changes" in s]      # the watch sees a read


def test_an_offline_draft_waits_in_the_outbox_then_is_submitted(db, tmp_path):
    outbox = tmp_path / "outbox.gpkg"
    nowhere = db.dsn(DB, "tech94", F.PASSWORD).replace(f"port='{db.port}'", f"port='{free_port()}'")
    offline = PostgresStore(nowhere, outbox_path=outbox, connect_timeout=2)
    draft = offline.create_draft(F.proposal(tag="offline", title="fait dans le train"))
    assert draft.status == "draft" and offline.outbox.pending() == [(draft.id, "local")]
    draft.title = "fait dans le train, corrigé"
    assert offline.update_draft(draft).title == "fait dans le train, corrigé"     # kept locally
    with pytest.raises(StoreError) as failed:
        offline.submit(draft.id)
    assert failed.value.code == "store.offline"
    offline.submit_later(draft.id)
    offline.close()

    online = PostgresStore(db.dsn(DB, "tech94", F.PASSWORD), outbox_path=outbox)
    assert online.flush_outbox() == {draft.id: "submitted"}
    got = online.get_proposal(draft.id)
    assert (got.status, got.title, got.partner) == ("submitted", "fait dans le train, corrigé", "cd94")
    assert got.changeset == F.changeset("offline")
    assert online.outbox.pending() == []
    again = online.create_draft(F.proposal(tag="online"))
    assert (again.id, "synced") in [(e[0], e[1]) for e in online.outbox.entries()]
    online.close()


def test_the_demo_convention_syncs_and_routes(postgres_cluster):
    """resources/demo/convention-idf.yaml, as make demo-up will load it (DEMO.md's logins)."""
    from pathlib import Path

    from geogov.plugin.governance.convention_loader import load_convention

    demo = load_convention(Path(__file__).resolve().parents[2] / "resources/demo/convention-idf.yaml")
    postgres_cluster.create_database("demo")
    F.proposal_database(postgres_cluster, "demo_logins")      # makes sure the logins exist
    admin = postgres_cluster.connect("demo", autocommit=False)
    postgres_admin.install(admin)
    report = postgres_admin.sync_convention(admin, demo)
    assert report.missing_logins == [] and report.counts["members"] == 9
    again = postgres_admin.sync_convention(admin, demo)         # idempotent: nothing to grant twice
    assert again.granted == [] and again.revoked == []
    admin.close()
    conn = postgres_cluster.connect("demo", "tech_ept8", F.PASSWORD, autocommit=False)
    assert scalar(conn, "SELECT geogov.my_partner()") == "ept-t8"
    assert scalar(conn, "SELECT count(*) FROM geogov.communes") == 1266
    assert scalar(conn, "SELECT cardinality(communes) FROM geogov.partners WHERE id = 'ept-t8'") == 9
    # Créteil (94) and Montreuil (93): each département's steward, in one group each.
    assert scalar(conn, "SELECT geogov.steward_partners('amenagements-cyclables', '{94028}', false)") == \
        ["cd94"]
    assert scalar(conn, "SELECT geogov.steward_groups('amenagements-cyclables', '{94028,93048}', false)") == \
        [["cd93"], ["cd94"]]
    assert scalar(conn, "SELECT geogov.steward_partners('amenagements-cyclables', '{}', true)") == \
        ["region-idf"]
    assert scalar(conn, "SELECT geogov.required_approvals('pesees-dechets-menages')") == ["steward", "dpo"]
    conn.close()


def test_a_wrong_password_is_a_refused_login_not_an_offline_database(db):
    """Else the outbox would keep the draft "until the database is reachable", forever."""
    wrong = PostgresStore(db.dsn(DB, "tech94", "not-the-password"))
    with pytest.raises(PermissionDenied) as refused:
        wrong.identity()
    assert refused.value.code == "store.auth"
    wrong.close()
    away = PostgresStore(f"host=127.0.0.1 port={free_port()} dbname={DB} user=tech94 connect_timeout=3")
    with pytest.raises(StoreError) as offline:
        away.identity()
    assert offline.value.code == "store.offline"
    away.close()
