"""Governance that holds against an insider: each attack run as the plain SQL login doing it.

Every login here is one of the convention's (none a superuser, none an owner), connected
with psycopg2 exactly as someone with psql and their own password would be. What each test
tries is what 0008_governance.sql's header lists; the database must refuse it (or end it)
whatever the client says.
"""

from __future__ import annotations

import copy
import threading
import time
import uuid

import psycopg2
import pytest

from geogov.plugin.errors import ConcurrentUpdate, PermissionDenied
from geogov.plugin.proposals.stores.postgres.store import PostgresStore
from geogov.plugin.proposals.stores.row_values import changes_digest, new_proposal_id
from geogov.tests.support import store_fixtures as F  # noqa: N812 (short: used on every line)
from geogov.tests.support.sql_logins import logins_fixtures, refused, scalar, submitted

DB = "attacks"
APPROVE = "INSERT INTO geogov.reviews (proposal_id, decision) VALUES (%s, 'approve')"


db, store, sql = logins_fixtures(DB)


# ---------------------------------------------------------------------------- 1. functions and privileges
def test_no_geogov_function_is_executable_by_public(db):
    conn = db.connect(DB)
    try:
        with conn.cursor() as cur:
            # A NULL proacl is the default: EXECUTE for PUBLIC.
            cur.execute("SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
                        "ON n.oid = p.pronamespace WHERE n.nspname = 'geogov' AND (p.proacl IS NULL "
                        "OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0))")
            assert cur.fetchall() == []
            cur.execute("SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
                        "ON n.oid = p.pronamespace WHERE n.nspname = 'geogov' "
                        "AND (p.prorettype = 'trigger'::regtype OR p.proname IN "
                        "('audit_append', 'note_writer', 'refresh_areas', 'reroute_proposals')) "
                        "AND has_function_privilege('tech94', p.oid, 'EXECUTE')")
            assert cur.fetchall() == []
            # Tables are reached through their policies; sequences are used, never set.
            cur.execute("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = 'geogov' AND CASE WHEN c.relkind = 'S' "
                        "THEN has_sequence_privilege('tech94', c.oid, 'UPDATE') ELSE false END")
            assert cur.fetchall() == []
            cur.execute("SELECT has_table_privilege('tech94', 'geogov.audit', 'INSERT'), "
                        "has_table_privilege('tech94', 'geogov.audit_head', 'UPDATE'), "
                        "has_table_privilege('tech94', 'geogov.round_writers', 'INSERT'), "
                        "has_schema_privilege('tech94', 'geogov', 'CREATE')")
            assert cur.fetchone() == (False, False, False, False)
    finally:
        conn.close()
    # Each member's sessions in this database wait 10 s at most for a lock, end idle at 60 s.
    member = db.connect(DB, "tech94", F.PASSWORD)
    try:
        with member.cursor() as cur:
            cur.execute("SELECT current_setting('lock_timeout'), "
                        "current_setting('idle_in_transaction_session_timeout')")
            assert cur.fetchone() == ("10s", "1min")
    finally:
        member.close()


def test_an_audit_trigger_of_ones_own_forges_nothing(store, sql):
    proposal = submitted(store, tag="forge")
    conn = sql("tech94")
    head = scalar(conn, "SELECT max(id) FROM geogov.audit")
    # A trigger on a table of one's own that calls the audit writer: EXECUTE is refused.
    with conn.cursor() as cur:
        cur.execute("CREATE TEMP TABLE fake (proposal_id uuid, reviewer text, decision text)")
    for function in ("reviews_audit", "proposals_audit", "changes_writer", "changes_writers",
                     "changes_checked"):
        code, _ = refused(conn, "CREATE TRIGGER f AFTER INSERT ON pg_temp.fake FOR EACH ROW "
                          f"EXECUTE FUNCTION geogov.{function}()")
        assert code == "42501", function
        with conn.cursor() as cur:
            cur.execute("CREATE TEMP TABLE IF NOT EXISTS fake (proposal_id uuid, reviewer text, "
                        "decision text)")
    assert refused(conn, "SELECT geogov.audit_append('steward94', 'review', %s, '{}')",
                   (proposal.id,))[0] == "42501"
    assert refused(conn, "SELECT geogov.note_writer(%s)", (proposal.id,))[0] == "42501"
    assert refused(conn, "INSERT INTO geogov.audit (id, at, actor, action, details, prev_hash, row_hash) "
                   "VALUES (999999, now(), 'steward94', 'review', '{}', '', '')")[0] == "42501"
    assert scalar(conn, "SELECT max(id) FROM geogov.audit") == head


# ---------------------------------------------------------------------------- 2. targets and CRS
def test_a_lying_target_or_crs_is_refused_by_the_database(store, sql):
    draft = store("tech94").create_draft(F.proposal(tag="target"))
    conn = sql("tech94")
    for column, value in (("target_uri", "https://attacker.example/wfs"), ("target_layer", "autre_couche"),
                          ("target_kind", "gpkg")):
        assert refused(conn, f"UPDATE geogov.proposals SET {column} = %s WHERE id = %s",
                       (value, draft.id)) == ("GG403", "store.wrong_target"), column
    # A new proposal aimed elsewhere, written in SQL.
    assert refused(conn, "INSERT INTO geogov.proposals (id, dataset, target_kind, target_uri, target_layer) "
                   "VALUES (%s, %s, 'wfs', 'https://attacker.example/wfs', 'x')",
                   (new_proposal_id("tech94"), F.CYCLABLE)) == ("GG403", "store.wrong_target")
    # Change rows in another CRS than the dataset's (EPSG:2154), declared or in the geometry.
    point = "ST_SetSRID(ST_MakePoint(2.45, 48.79), 4326)"
    for srid, geometry in ((4326, point), (2154, point), (4326, "ST_SetSRID(ST_MakePoint(0, 0), 2154)")):
        assert refused(conn, "INSERT INTO geogov.proposal_changes (proposal_id, seq, op, feature_key, srid, "
                       f"new_geom) VALUES (%s, 99, 'insert', '{{}}', %s, {geometry})",
                       (draft.id, srid)) == ("GG422", "store.wrong_srid"), (srid, geometry)
    assert len(store("tech94").get_proposal(draft.id).changeset.changes) == \
        len(F.proposal(tag="target").changeset.changes)


# ---------------------------------------------------------------------------- 3. writers never decide
def test_a_stewards_rewrite_is_never_decided_by_that_steward(store, sql):
    proposal = submitted(store, tag="rewrite")
    steward, coordinator, author = store("steward94"), store("coord_region"), store("tech94")
    approved = steward.review(proposal.id, "approve")
    conflicted = steward.mark_conflict(proposal.id, approved.version)
    steward.rebase(proposal.id, F.changeset("steward-rewrite"), conflicted.version)
    with pytest.raises(PermissionDenied) as caught:
        steward.review(proposal.id, "approve")
    assert caught.value.code == "store.self_review"
    # Sent back by another reviewer, resubmitted unchanged by the author: the steward's
    # rewrite is still the change set, so the steward still may not decide it.
    coordinator.review(proposal.id, "request_changes", "à revoir")
    author.submit(proposal.id)
    with pytest.raises(PermissionDenied) as caught:
        steward.review(proposal.id, "approve")
    assert caught.value.code == "store.self_review"
    assert refused(sql("steward94"), APPROVE, (proposal.id,)) == ("GG403", "store.self_review")
    assert coordinator.review(proposal.id, "approve").status == "approved"


def test_a_decision_is_the_connected_logins_not_a_role_it_took(db, store, sql):
    proposal = submitted(store, tag="set-role")
    admin = db.connect(DB)
    try:
        with admin.cursor() as cur:        # a careless grant: tech93 may SET ROLE steward94
            cur.execute("GRANT steward94 TO tech93")
        conn = sql("tech93")
        with conn.cursor() as cur:
            cur.execute("SET ROLE steward94")
        assert refused(conn, APPROVE, (proposal.id,)) == ("GG403", "store.not_yourself")
    finally:
        with admin.cursor() as cur:
            cur.execute("REVOKE steward94 FROM tech93")
        admin.close()
    assert store("tech94").get_proposal(proposal.id).status == "submitted"


# ---------------------------------------------------------------------------- 4. ids
def test_an_id_is_its_authors_so_nobody_probes_anothers(store, sql):
    theirs = store("tech93").create_draft(F.proposal(departements=("93",), tag="probe"))
    conn = sql("tech94")
    insert = ("INSERT INTO geogov.proposals (id, dataset, target_kind, target_uri, target_layer) "
              "VALUES (%s, %s, %s, %s, %s)")
    target = F.target_values()
    # Another's existing id and a random one are refused alike: not "already exists".
    for probe in (theirs.id, str(uuid.uuid4())):
        assert refused(conn, insert, (probe, F.CYCLABLE) + target) == ("GG422", "store.bad_id")
    # ON CONFLICT DO NOTHING would tell "exists" (0 rows) from "free" (1 row): refused first.
    assert refused(conn, insert + " ON CONFLICT DO NOTHING", (theirs.id, F.CYCLABLE) + target) == \
        ("GG422", "store.bad_id")
    with conn.cursor() as cur:
        cur.execute(insert, (new_proposal_id("tech94"), F.CYCLABLE) + target)
    conn.rollback()


def test_a_withdrawn_draft_that_was_never_submitted_stays_its_partners(store, sql):
    author = store("tech_ept8")
    draft = author.create_draft(F.proposal(dataset=F.PESEES, departements=("93",), tag="never-sent"))
    author.withdraw(draft.id, draft.version)
    for login in ("steward_syctom", "dpo_syctom", "tech94"):
        conn = sql(login)
        assert scalar(conn, "SELECT count(*) FROM geogov.proposals WHERE id = %s", (draft.id,)) == 0, login
        assert scalar(conn, "SELECT count(*) FROM geogov.proposal_changes WHERE proposal_id = %s",
                      (draft.id,)) == 0, login


def test_one_person_holding_two_roles_gives_one_key(postgres_cluster):
    """A login both steward and DPO of the personal-data dataset approves once: the second
    key must be another person's."""
    convention = F.convention()
    syctom = convention.partners["syctom"]
    for contact in syctom.contacts:
        if contact.login == "steward_syctom":
            contact.roles = ["steward", "dpo"]
    F.proposal_database(postgres_cluster, "twokeys", synced=convention)
    opened = [PostgresStore(postgres_cluster.dsn("twokeys", login, F.PASSWORD))
              for login in ("tech_ept8", "steward_syctom", "dpo_syctom")]
    author, both, dpo = opened
    try:
        draft = author.create_draft(F.proposal(dataset=F.PESEES, departements=("93",), tag="two-keys"))
        proposal = author.submit(draft.id, draft.version)
        assert both.review(proposal.id, "approve", role="steward").status == "submitted"
        with pytest.raises(PermissionDenied) as caught:
            both.review(proposal.id, "approve", role="dpo")
        assert caught.value.code == "store.one_key_each"
        assert dpo.review(proposal.id, "approve", role="dpo").status == "approved"
    finally:
        for s in opened:
            s.close()


# ---------------------------------------------------------------------------- 6. audit time
def test_audit_times_never_go_back(store, sql):
    submitted(store, tag="clock")
    conn = sql("coord_region")
    with conn.cursor() as cur:
        cur.execute("SELECT at FROM geogov.audit ORDER BY id")
        times = [row[0] for row in cur.fetchall()]
    conn.rollback()
    assert times and times == sorted(times)


# ---------------------------------------------------------------------------- 7. stalled sessions
def test_change_rows_written_in_an_open_transaction_hold_the_submit(store, sql):
    author = store("tech94")
    draft = author.create_draft(F.proposal(tag="open-tx"))
    writer = sql("tech94")
    with writer.cursor() as cur:       # one more change row (beside the others), not yet committed
        columns = ("op, feature_key, old_attributes, new_attributes, changed_fields, geometry_changed, "
                   "base_fingerprint, srid, old_geom, new_geom")
        cur.execute(f"INSERT INTO geogov.proposal_changes (proposal_id, seq, {columns}) "
                    f"SELECT proposal_id, 50, {columns} FROM geogov.proposal_changes "
                    "WHERE proposal_id = %s AND op = 'insert' LIMIT 1", (draft.id,))
        assert cur.rowcount == 1
    outcome = {}

    def submit():
        try:
            outcome["proposal"] = store("tech94").submit(draft.id)
        except Exception as error:  # noqa: BLE001 (reported below)
            outcome["error"] = error

    thread = threading.Thread(target=submit)
    thread.start()
    thread.join(2.0)
    assert thread.is_alive(), "the submit did not wait for the open transaction writing its changes"
    writer.commit()
    thread.join(30)
    assert "error" not in outcome, outcome
    counts = scalar(sql("tech94"), "SELECT count(*) FROM geogov.proposal_changes WHERE proposal_id = %s",
                    (draft.id,))
    assert counts == len(F.proposal(tag="open-tx").changeset.changes) + 1
    # Once submitted, a transaction whose snapshot is older cannot change the rows any more.
    late = sql("tech94", isolation_level=psycopg2.extensions.ISOLATION_LEVEL_REPEATABLE_READ)
    code, _ = refused(late, "DELETE FROM geogov.proposal_changes WHERE proposal_id = %s", (draft.id,))
    assert code == "GG422"
    assert scalar(sql("tech94"), "SELECT count(*) FROM geogov.proposal_changes WHERE proposal_id = %s",
                  (draft.id,)) == counts


def test_a_snapshot_taken_before_the_submit_cannot_delete_the_changes_after_it(store, sql):
    author = store("tech94")
    draft = author.create_draft(F.proposal(tag="old-snapshot"))
    late = sql("tech94", isolation_level=psycopg2.extensions.ISOLATION_LEVEL_REPEATABLE_READ)
    with late.cursor() as cur:          # the snapshot: the proposal is a draft in it
        cur.execute("SELECT status FROM geogov.proposals WHERE id = %s", (draft.id,))
        assert cur.fetchone()[0] == "draft"
    author.submit(draft.id)
    store("steward94").review(draft.id, "approve")
    code, _ = refused(late, "DELETE FROM geogov.proposal_changes WHERE proposal_id = %s", (draft.id,))
    assert code == "40001"
    assert len(store("steward94").get_proposal(draft.id).changeset.changes) == \
        len(F.proposal(tag="old-snapshot").changeset.changes)


def test_sessions_left_idle_holding_geogov_locks_are_ended(store, sql):
    """A contributor edits a title in psql and never commits (the audit head stays locked);
    another locks the change table in SHARE mode (their DELETE right allows it) and goes for
    lunch. After 30 s idle, the next writer that waits for them ends both sessions and
    goes on; the client sees its draft saved."""
    own = store("tech93").create_draft(F.proposal(departements=("93",), tag="idle-holder"))
    holder = sql("tech93")
    with holder.cursor() as cur:
        cur.execute("UPDATE geogov.proposals SET title = 'en cours' WHERE id = %s", (own.id,))
    locker = sql("tech94")
    with locker.cursor() as cur:
        cur.execute("LOCK TABLE geogov.proposal_changes IN SHARE MODE")
    began = time.monotonic()
    time.sleep(31)                                  # both are now idle in transaction > 30 s
    victim = store("tech94")
    draft = victim.create_draft(F.proposal(tag="after-the-stall"))
    waited = time.monotonic() - began - 31
    assert victim.get_proposal(draft.id).status == "draft"
    for conn in (holder, locker):
        with pytest.raises(psycopg2.OperationalError):
            with conn.cursor() as cur:
                cur.execute("SELECT 1")
    print(f"stalled sessions ended after the writer waited {waited:.1f} s")
    assert store("tech93").get_proposal(own.id).title == own.title      # the uncommitted edit is gone


def test_a_lock_wait_that_times_out_is_store_busy(store, sql):
    """A session idle for less than 30 s is not ended: the writer waiting for it is told,
    after its 10 s lock_timeout, that the store is busy — and loses nothing."""
    own = store("tech93").create_draft(F.proposal(departements=("93",), tag="busy-holder"))
    holder = sql("tech93")
    with holder.cursor() as cur:
        cur.execute("SELECT 1 FROM geogov.proposals WHERE id = %s FOR UPDATE", (own.id,))
    author = store("tech93")
    began = time.monotonic()
    with pytest.raises(ConcurrentUpdate) as caught:
        author.submit(own.id)
    waited = time.monotonic() - began
    assert caught.value.code == "store.busy" and waited >= 9.5, waited
    holder.rollback()
    assert author.submit(own.id).status == "submitted"


def test_an_approved_proposal_goes_back_only_with_a_reason_and_by_an_applier(store, sql):
    proposal = submitted(store, tag="send-back")
    store("steward94").review(proposal.id, "approve")
    back = ("SELECT set_config('geogov.status_details', %s, true); "
            "UPDATE geogov.proposals SET status = 'changes_requested' WHERE id = %s")
    assert refused(sql("tech94"), back, ('{"reason": "x"}', proposal.id)) == ("GG403", "store.not_applier")
    assert refused(sql("steward94"), back, ('{"reason": " "}', proposal.id)) == \
        ("GG422", "store.comment_required")
    sent = store("steward94").send_back(proposal.id, "la cible refuse : longueur_m négative")
    assert sent.status == "changes_requested"
    last = store("coord_region").audit_trail(proposal.id)[-1]
    assert last.details["to"] == "changes_requested" and "négative" in str(last.details["details"])


# ---------------------------------------------------------------------------- 9. change digests (0009)
DIGEST = "SELECT geogov.changes_digest(%s)"
ROWS = "SELECT count(*) FROM geogov.proposal_changes WHERE proposal_id = %s"


def test_a_change_digest_is_its_writers_own_and_only_for_the_rows_it_wrote(store, sql):
    sent = F.proposal(tag="claims")
    draft = store("tech94").create_draft(sent)
    author = sql("tech94")
    assert scalar(author, DIGEST, (draft.id,)) == changes_digest(sent.changeset)
    assert scalar(sql("contrib02"), DIGEST, (draft.id,)) is None          # same partner: not its claim
    # Nobody reaches the table but through the functions; a claim outside the transaction
    # that wrote the rows records nothing.
    for statement in ("SELECT * FROM geogov.change_digests",
                      "UPDATE geogov.change_digests SET digest = 'forged'",
                      "INSERT INTO geogov.change_digests VALUES (gen_random_uuid(), 'tech94', '1', 'x')"):
        assert refused(author, statement)[0] == "42501", statement
    assert scalar(author, "SELECT geogov.claim_changes(%s, 'forged')", (draft.id,)) is False
    assert scalar(author, DIGEST, (draft.id,)) == changes_digest(sent.changeset)
    # A row written in plain SQL voids the claim: the next save writes every row again.
    with author.cursor() as cur:
        cur.execute("DELETE FROM geogov.proposal_changes WHERE proposal_id = %s AND op = 'delete'",
                    (draft.id,))
    author.commit()
    assert scalar(author, DIGEST, (draft.id,)) is None
    again = copy.copy(sent)
    again.id, again.title = draft.id, "titre revu"
    store("tech94").update_draft(again, draft.version)
    assert scalar(author, ROWS, (draft.id,)) == len(sent.changeset.changes)
    assert store("tech94").get_proposal(draft.id).changeset == sent.changeset


def test_a_stewards_false_digest_does_not_keep_its_rows_in_the_authors_next_save(store, sql):
    proposal = submitted(store, tag="false-claim")
    sent = F.proposal(tag="false-claim")
    steward = store("steward94")
    conflicted = steward.mark_conflict(proposal.id, steward.review(proposal.id, "approve").version)
    # The steward rewrites the conflicted proposal in plain SQL, down to one change, and
    # claims for it the digest of the author's whole change set.
    conn = sql("steward94")
    with conn.cursor() as cur:
        cur.execute("DELETE FROM geogov.proposal_changes WHERE proposal_id = %s AND seq > 0", (proposal.id,))
        cur.execute("SELECT geogov.claim_changes(%s, %s)", (proposal.id, changes_digest(sent.changeset)))
        assert cur.fetchone()[0] is True               # its own claim on the rows it wrote
        cur.execute("UPDATE geogov.proposals SET status = 'submitted' WHERE id = %s", (proposal.id,))
    conn.commit()
    assert conflicted.version < store("tech94").get_proposal(proposal.id, with_changes=False).version
    store("coord_region").review(proposal.id, "request_changes", "une seule modification : à revoir")
    # The author saves the change set it sent, under a new title: the rows are its again.
    again = copy.copy(sent)
    again.id, again.title = proposal.id, "titre revu"
    author = store("tech94")
    current = author.get_proposal(proposal.id, with_changes=False)
    assert author.update_draft(again, current.version).changeset == sent.changeset
    assert scalar(sql("tech94"), ROWS, (proposal.id,)) == len(sent.changeset.changes)
    assert author.get_proposal(proposal.id).changeset == sent.changeset
    assert scalar(sql("tech94"), DIGEST, (proposal.id,)) == changes_digest(sent.changeset)
