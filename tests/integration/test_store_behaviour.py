"""The same workflow behaviour from both proposal stores (GeoPackage and PostgreSQL).

Every test runs twice: on a GeoPackage file (rules applied in code, advisory) and on a
real PostgreSQL database reached as real login roles (rules enforced by the database).
Rights proper — what plain SQL cannot do — are checked in test_postgres_store.py.
"""

from __future__ import annotations

import copy
import datetime as dt
import sqlite3
import threading

import pytest

from geogov.plugin.errors import ConcurrentUpdate, PermissionDenied, StoreError
from geogov.plugin.proposals.model import Problem
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.plugin.proposals.stores.postgres.store import PostgresStore
from geogov.tests.support import store_fixtures as F  # noqa: N812 (short: used on every line)


class Backend:
    def __init__(self, name, factory, change_rows=None):
        self.name = name
        self._factory = factory
        self._opened = []
        # change_rows(proposal_id): each change row's identity, which a rewrite changes
        # (GeoPackage: its id; PostgreSQL: its id and the transaction that wrote it, xmin).
        self.change_rows = change_rows

    def store(self, login):
        store = self._factory(login)
        self._opened.append(store)
        return store

    def close(self):
        for store in self._opened:
            store.close()


@pytest.fixture(scope="module")
def behaviour_db(postgres_cluster):
    F.proposal_database(postgres_cluster, "behaviour")
    return "behaviour"


@pytest.fixture(params=["gpkg", "postgres"])
def backend(request, tmp_path):
    if request.param == "gpkg":
        path = tmp_path / "proposals.gpkg"
        convention = F.convention()
        with GeoPackageStore(path, "coord_region") as admin:
            admin.sync_convention(convention)
        # As in QGIS (store_factory.py): the store derives where the changes lie at submit.
        backend = Backend("gpkg", lambda login: GeoPackageStore(path, login, reference=convention.reference),
                          lambda pid: _gpkg_rows(path, pid))
    else:
        cluster = request.getfixturevalue("postgres_cluster")
        db = request.getfixturevalue("behaviour_db")
        backend = Backend("postgres", lambda login: PostgresStore(cluster.dsn(db, login, F.PASSWORD)),
                          lambda pid: _postgres_rows(cluster, db, pid))
    yield backend
    backend.close()


def _gpkg_rows(path, proposal_id) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id FROM proposal_changes WHERE proposal_id = ? ORDER BY seq",
                            (proposal_id,)).fetchall()
    finally:
        conn.close()


def _postgres_rows(cluster, db, proposal_id) -> list:
    conn = cluster.connect(db, "tech94", F.PASSWORD)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT id, xmin::text FROM geogov.proposal_changes WHERE proposal_id = %s "
                        "ORDER BY seq", (proposal_id,))
            return cur.fetchall()
    finally:
        conn.close()


def submitted(backend, login="tech94", **kwargs):
    store = backend.store(login)
    draft = store.create_draft(F.proposal(**kwargs))
    return store, store.submit(draft.id, draft.version)


# ---------------------------------------------------------------------------- authoring
def test_a_draft_comes_back_exactly_as_stored(backend):
    store = backend.store("tech94")
    sent = F.proposal(tag="exact")
    draft = store.create_draft(sent)
    got = store.get_proposal(draft.id)
    assert got.changeset == F.changeset("exact")          # dates, floats, WKB bytes, order
    assert isinstance(got.changeset.changes[0].new["date_mise_en_service"], dt.date)
    assert got.validation == [Problem("proposal.note", key="f0", field="longueur_m", params={"n": 1})]
    assert got.target == sent.target
    assert (got.author, got.partner, got.status, got.version, got.round) == ("tech94", "cd94", "draft", 0, 0)
    assert got.departements == [] and got.stewards == []       # the store's to say, at submit
    assert got.created_at.tzinfo is not None and got.created_at.utcoffset() == dt.timedelta(0)
    assert store.identity().login == "tech94" and store.identity().partner == "cd94"


def test_a_title_or_comment_save_keeps_every_change_row(backend):
    store = backend.store("tech94")
    sent = F.proposal(tag="title-only")
    draft = store.create_draft(sent)
    assert draft == store.get_proposal(draft.id)            # what it returned is what is stored
    before = backend.change_rows(draft.id)
    assert len(before) == len(sent.changeset.changes)
    for edited in (copy.copy(sent), F.proposal(tag="title-only")):     # the same change set; an equal one
        edited.id, edited.title, edited.comment = draft.id, f"titre {draft.version}", "pourquoi"
        draft = store.update_draft(edited, expected_version=draft.version)
        assert backend.change_rows(draft.id) == before      # not one row rewritten
        assert draft == store.get_proposal(draft.id)
        assert (draft.title, draft.changeset) == (edited.title, sent.changeset)
    assert [e.action for e in store.audit_trail(draft.id)] == ["created", "edited", "edited"]
    # Another change set is written whole, and read back as sent.
    edited = F.proposal(tag="title-only-v2")
    edited.id = draft.id
    draft = store.update_draft(edited, expected_version=draft.version)
    assert {r[0] for r in backend.change_rows(draft.id)}.isdisjoint(r[0] for r in before)
    assert draft == store.get_proposal(draft.id) and draft.changeset == F.changeset("title-only-v2")
    submitted = store.submit(draft.id, draft.version)
    assert submitted.departements == ["94"] and submitted.stewards == ["cd94"]


def test_every_write_returns_what_a_fresh_read_gives_without_reading_the_changes(backend):
    tech, proposal = submitted(backend, tag="returned")
    steward, coordinator = backend.store("steward94"), backend.store("coord_region")
    assert proposal == tech.get_proposal(proposal.id, with_changes=False)
    assert not proposal.changes_loaded and proposal.changeset.changes == []
    assert proposal.changeset.schema == F.SCHEMA
    assert (proposal.status, proposal.round, proposal.version) == ("submitted", 1, 1)
    steps = [
        (steward, lambda s, p: s.review(p.id, "approve", expected_version=p.version), "approved"),
        (steward, lambda s, p: s.mark_conflict(p.id, p.version, {"features": ["f0"]}), "conflict"),
        (coordinator, lambda s, p: s.rebase(p.id, F.changeset("returned-rebased"), p.version, "repris"),
         "submitted"),
        (steward, lambda s, p: s.review(p.id, "request_changes", "à revoir", expected_version=p.version),
         "changes_requested"),
        (tech, lambda s, p: s.submit(p.id, p.version), "submitted"),
        (steward, lambda s, p: s.review(p.id, "approve", expected_version=p.version), "approved"),
        (steward, lambda s, p: s.send_back(p.id, "le serveur refuse", p.version), "changes_requested"),
        (tech, lambda s, p: s.submit(p.id, p.version), "submitted"),
        (steward, lambda s, p: s.review(p.id, "approve", expected_version=p.version), "approved"),
        (steward, lambda s, p: s.mark_applied(p.id, p.version, {"status": "applied"}), "applied"),
    ]
    for store, step, status in steps:
        proposal = step(store, proposal)
        assert proposal.status == status
        if proposal.changes_loaded:             # the rebase returns the change set it was given
            assert proposal == store.get_proposal(proposal.id)
            assert proposal.changeset == F.changeset("returned-rebased")
        else:
            assert proposal == store.get_proposal(proposal.id, with_changes=False), status
    withdrawn = backend.store("tech94")
    draft = withdrawn.create_draft(F.proposal(tag="returned-withdrawn"))
    assert withdrawn.withdraw(draft.id, draft.version) == withdrawn.get_proposal(draft.id, with_changes=False)


def test_the_whole_way_to_applied_with_its_audit_trail(backend):
    tech, proposal = submitted(backend, tag="full")
    assert (proposal.status, proposal.round, proposal.version) == ("submitted", 1, 1)
    steward = backend.store("steward94")
    assert proposal.id in [s.id for s in steward.list_proposals("to_review")]
    assert steward.approvals_needed(proposal.id) == {"steward": False}
    approved = steward.review(proposal.id, "approve", "ok", expected_version=proposal.version)
    assert approved.status == "approved"
    assert [(r.reviewer, r.role, r.decision) for r in approved.reviews] == [
        ("steward94", "steward", "approve")]
    attempt = steward.record_apply_attempt(proposal.id, "applied", {"inserted": ["new-full"]})
    assert (attempt.actor, attempt.result) == ("steward94", "applied")
    applied = steward.mark_applied(proposal.id, approved.version, {"verified": True})
    assert applied.status == "applied"
    assert [a.result for a in applied.apply_attempts] == ["applied"]
    entries = [e for e in tech.changelog(dataset=F.CYCLABLE) if e.proposal_id == proposal.id]
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.author, entry.partner, entry.comment, entry.applied_by) == (
        "tech94", "cd94", "why full", "steward94")
    assert [who for who, _, _ in entry.approved_by] == ["steward94"]
    assert entry.counts == {"insert": 1, "update": 2, "delete": 1}
    actions = [(e.action, e.actor) for e in tech.audit_trail(proposal.id)]
    assert actions == [("created", "tech94"), ("status", "tech94"), ("review", "steward94"),
                       ("status", "steward94"), ("apply_attempt", "steward94"), ("status", "steward94")]
    last = tech.audit_trail(proposal.id)[-1]
    assert last.details["to"] == "applied" and last.details["details"] == {"verified": True}
    assert backend.store("coord_region").verify_audit().ok


def test_statuses_cannot_be_skipped_or_reversed(backend):
    store = backend.store("tech94")
    draft = store.create_draft(F.proposal())
    steward = backend.store("steward94")
    with pytest.raises(StoreError) as refused:
        steward.review(draft.id, "approve")
    assert refused.value.code in ("store.not_under_review", "store.not_found")  # a draft is private on PG
    with pytest.raises(StoreError) as refused:
        store.mark_applied(draft.id)
    assert refused.value.code == "store.transition"
    assert (refused.value.params["old"], refused.value.params["new"]) == ("draft", "applied")
    proposal = store.submit(draft.id)
    with pytest.raises(StoreError) as refused:
        store.submit(proposal.id)
    assert refused.value.code == "store.transition"
    with pytest.raises(StoreError) as refused:
        steward.mark_applied(proposal.id)
    assert refused.value.code == "store.transition"
    approved = steward.review(proposal.id, "approve")
    with pytest.raises(StoreError) as refused:
        store.withdraw(approved.id)
    assert refused.value.code == "store.transition"
    with pytest.raises(StoreError) as refused:
        store.update_draft(store.get_proposal(approved.id))
    assert refused.value.code == "store.not_editable"


def test_the_author_cannot_review_their_own_proposal(backend):
    _, proposal = submitted(backend, login="steward94", tag="self")
    with pytest.raises(PermissionDenied) as refused:
        backend.store("steward94").review(proposal.id, "approve")
    assert refused.value.code == "store.self_review"


@pytest.mark.parametrize("login, dataset, codes", [
    # PostgreSQL: a plain contributor has no INSERT privilege on reviews at all.
    ("tech93", F.CYCLABLE, {"store.not_found", "store.permission"}),
    # The 94's own steward wins there: the default steward does not even see it.
    ("steward_region", F.CYCLABLE, {"store.not_found"}),
    ("steward_sipperec", F.CYCLABLE, {"store.not_found"}),
    # A steward who sees the proposal (same partner) but does not steward its dataset.
    ("steward94", F.PAV, {"store.not_reviewer"}),
])
def test_only_the_datasets_stewards_decide(backend, login, dataset, codes):
    _, proposal = submitted(backend, dataset=dataset, tag=login)
    with pytest.raises(StoreError) as refused:
        backend.store(login).review(proposal.id, "approve")
    assert refused.value.code in codes
    assert backend.store("tech94").get_proposal(proposal.id).status == "submitted"


def test_rejecting_or_requesting_changes_needs_a_comment(backend):
    _, proposal = submitted(backend)
    steward = backend.store("steward94")
    for decision, comment in (("reject", ""), ("request_changes", "   ")):
        with pytest.raises(StoreError) as refused:
            steward.review(proposal.id, decision, comment)
        assert refused.value.code == "store.comment_required"
    rejected = steward.review(proposal.id, "reject", "hors périmètre")
    assert rejected.status == "rejected" and rejected.reviews[-1].comment == "hors périmètre"


def test_requested_changes_start_a_new_round_without_the_old_approvals(backend):
    tech, proposal = submitted(backend, tag="r1")
    steward = backend.store("steward94")
    asked = steward.review(proposal.id, "request_changes", "longueur fausse")
    assert asked.status == "changes_requested"
    fixed = tech.get_proposal(proposal.id)
    fixed.changeset = F.changeset("r2")
    fixed.title = "fixed"
    fixed = tech.update_draft(fixed, expected_version=asked.version)
    assert fixed.changeset == F.changeset("r2") and fixed.title == "fixed"
    again = tech.submit(fixed.id, fixed.version)
    assert (again.status, again.round) == ("submitted", 2)
    assert steward.approvals_needed(again.id) == {"steward": False}
    assert steward.review(again.id, "approve").status == "approved"


def test_personal_data_needs_the_dpo_approval_too(backend):
    _, proposal = submitted(backend, login="tech_ept8", dataset=F.PESEES, departements=["93"], tag="dpo")
    steward, dpo = backend.store("steward_syctom"), backend.store("dpo_syctom")
    assert steward.approvals_needed(proposal.id) == {"steward": False, "dpo": False}
    partial = steward.review(proposal.id, "approve")
    assert partial.status == "submitted"
    assert steward.approvals_needed(partial) == {"steward": True, "dpo": False}     # a Proposal works too
    assert proposal.id not in [s.id for s in steward.list_proposals("to_review")]
    queue = {s.id: s for s in dpo.list_proposals("to_review")}
    assert queue[proposal.id].approvals == {"steward": True, "dpo": False}
    done = dpo.review(proposal.id, "approve", expected_version=partial.version)
    assert done.status == "approved"
    assert [(r.reviewer, r.role) for r in done.reviews] == [
        ("steward_syctom", "steward"), ("dpo_syctom", "dpo")]


def test_a_dpo_does_not_decide_where_no_dpo_approval_is_asked(backend):
    _, proposal = submitted(backend, dataset=F.PAV, departements=[], tag="pav")
    with pytest.raises(PermissionDenied) as refused:
        backend.store("dpo_syctom").review(proposal.id, "approve")
    assert refused.value.code == "store.not_reviewer"


def test_a_coordinator_stands_in_for_the_steward_not_for_the_dpo(backend):
    coordinator = backend.store("coord_region")
    _, cyclable = submitted(backend, tag="coord")
    assert coordinator.review(cyclable.id, "approve").status == "approved"
    _, pesee = submitted(backend, login="tech_ept8", dataset=F.PESEES, departements=["93"], tag="coord2")
    after = coordinator.review(pesee.id, "approve")
    assert after.status == "submitted" and after.reviews[-1].role == "coordinator"
    assert coordinator.approvals_needed(pesee.id) == {"steward": True, "dpo": False}


def test_only_the_author_withdraws(backend):
    tech, proposal = submitted(backend, tag="wd")
    with pytest.raises(PermissionDenied) as refused:
        backend.store("steward94").withdraw(proposal.id)
    assert refused.value.code == "store.not_author"
    assert tech.withdraw(proposal.id, proposal.version).status == "withdrawn"


def test_a_stale_version_is_refused(backend):
    tech, proposal = submitted(backend, tag="stale")
    tech.add_comment(proposal.id, "a comment does not change the version")
    steward = backend.store("steward94")
    steward.review(proposal.id, "request_changes", "encore", expected_version=proposal.version)
    with pytest.raises(ConcurrentUpdate) as refused:
        backend.store("coord_region").review(proposal.id, "approve", expected_version=proposal.version)
    assert "steward94" in str(refused.value) and refused.value.params["by"] == "steward94"
    with pytest.raises(ConcurrentUpdate):
        tech.submit(proposal.id, expected_version=proposal.version)


def test_a_conflict_is_rebased_and_needs_approval_again(backend):
    tech, proposal = submitted(backend, tag="base")
    steward = backend.store("steward94")
    approved = steward.review(proposal.id, "approve")
    conflict = steward.mark_conflict(proposal.id, approved.version, {"features": ["f0"]})
    assert conflict.status == "conflict"
    rebased = steward.rebase(proposal.id, F.changeset("rebased", n_updates=1), conflict.version,
                             comment="f0 repris de la version courante")
    assert (rebased.status, rebased.round) == ("submitted", 2)
    assert rebased.changeset == F.changeset("rebased", n_updates=1)
    assert steward.approvals_needed(proposal.id) == {"steward": False}
    assert rebased.comments[-1].body == "f0 repris de la version courante"
    assert [a.action for a in tech.audit_trail(proposal.id)].count("rebased") == 1
    with pytest.raises(PermissionDenied) as refused:       # the rebaser wrote this round
        steward.review(proposal.id, "approve")
    assert refused.value.code == "store.self_review"
    assert backend.store("coord_region").review(proposal.id, "approve").status == "approved"
    assert steward.mark_applied(proposal.id).status == "applied"


def test_a_stewards_rewrite_resubmitted_unchanged_is_still_not_theirs_to_decide(backend):
    tech, proposal = submitted(backend, tag="rewrite")
    steward, coordinator = backend.store("steward94"), backend.store("coord_region")
    approved = steward.review(proposal.id, "approve")
    conflict = steward.mark_conflict(proposal.id, approved.version, {"features": ["f0"]})
    steward.rebase(proposal.id, F.changeset("rewritten", n_updates=1), conflict.version)
    coordinator.review(proposal.id, "request_changes", "à revoir avec l'auteur")
    assert tech.submit(proposal.id).round == 3             # the author sends the rewrite back as is
    with pytest.raises(PermissionDenied) as refused:
        steward.review(proposal.id, "approve")
    assert refused.value.code == "store.self_review"
    assert coordinator.review(proposal.id, "approve").status == "approved"


def test_comments_form_a_thread(backend):
    tech, proposal = submitted(backend, tag="thread")
    steward = backend.store("steward94")
    tech.add_comment(proposal.id, "première")
    steward.add_comment(proposal.id, "deuxième")
    thread = tech.get_proposal(proposal.id).comments
    assert [(c.author, c.body) for c in thread] == [("tech94", "première"), ("steward94", "deuxième")]
    with pytest.raises(StoreError):
        tech.add_comment(proposal.id, "  ")


def test_lists_by_scope_status_and_dataset(backend):
    tech94, mine = submitted(backend, tag="list94")
    colleague = backend.store("steward94").create_draft(F.proposal(tag="colleague"))
    _, other = submitted(backend, login="tech93", departements=["93"], tag="list93")
    ids = {mine.id, colleague.id, other.id}

    def listed(login, scope, **kw):
        return {s.id for s in backend.store(login).list_proposals(scope, **kw)} & ids

    assert listed("tech94", "mine") == {mine.id}
    assert listed("tech94", "partner") == {mine.id, colleague.id}
    assert listed("tech94", "all") == {mine.id, colleague.id}          # cd93's is not cd94's business
    assert listed("steward94", "to_review") == {mine.id}
    assert listed("coord_region", "all") == ids
    assert listed("coord_region", "all", status="draft") == {colleague.id}
    assert listed("coord_region", "all", dataset=F.PAV) == set()
    summary = {s.id: s for s in tech94.list_proposals("mine")}[mine.id]
    assert summary.counts == {"insert": 1, "update": 2, "delete": 1}
    assert summary.approvals == {"steward": False}


def test_the_change_feed_follows_a_cursor_and_the_readers_rights(backend):
    tech94, tech93 = backend.store("tech94"), backend.store("tech93")
    _, start94 = tech94.changes_since(0, limit=100000)
    _, start93 = tech93.changes_since(0, limit=100000)
    _, proposal = submitted(backend, tag="feed")
    events, cursor = tech94.changes_since(start94)
    assert [(e.action, e.proposal_id) for e in events] == [("created", proposal.id), ("status", proposal.id)]
    assert cursor > start94 and events[-1].details["status"] == "submitted"
    assert tech94.changes_since(cursor)[0] == []
    seen_by_93 = tech93.changes_since(start93)[0]
    assert proposal.id not in {e.proposal_id for e in seen_by_93}


def test_proposers_stay_on_their_datasets_and_territory(backend):
    # A draft is private: where it lies is judged at submit, from the stored change rows.
    tech93 = backend.store("tech93")
    outside = tech93.create_draft(F.proposal(departements=["94"]))
    with pytest.raises(PermissionDenied) as refused:
        tech93.submit(outside.id)
    assert refused.value.code == "store.outside_territory"
    assert tech93.get_proposal(outside.id).status == "draft"
    with pytest.raises(PermissionDenied) as refused:
        backend.store("tech94").create_draft(F.proposal(dataset=F.PESEES))
    assert refused.value.code == "store.not_proposer"
    # An EPT known by its communes proposes in them (Montreuil), not elsewhere in the 93 or 94.
    ept = backend.store("tech_ept8")
    inside_draft = ept.create_draft(F.proposal(dataset=F.PESEES, departements=["93"]))
    assert ept.submit(inside_draft.id).status == "submitted"
    mixed = ept.create_draft(F.proposal(dataset=F.PESEES, departements=["93", "94"]))
    with pytest.raises(PermissionDenied) as refused:
        ept.submit(mixed.id)
    assert refused.value.code == "store.outside_territory"


def decide_at_once(proposal, stores: dict, decisions: dict) -> dict:
    """Each store takes its decision in its own thread, released together; login → status or error."""
    barrier, outcomes = threading.Barrier(len(stores)), {}

    def decide(login):
        barrier.wait()
        decision, comment = decisions[login]
        try:
            outcomes[login] = stores[login].review(proposal.id, decision, comment,
                                                   expected_version=proposal.version).status
        except StoreError as error:
            outcomes[login] = error

    threads = [threading.Thread(target=decide, args=(login,)) for login in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return outcomes


def test_two_stewards_deciding_at_once_one_wins(backend):
    decisions = {"steward_syctom": ("approve", ""), "steward_region": ("reject", "doublon")}
    for attempt in range(5):
        _, proposal = submitted(backend, dataset=F.PAV, departements=[], tag=f"race{attempt}")
        stores = {login: backend.store(login) for login in decisions}
        outcomes = decide_at_once(proposal, stores, decisions)
        winners = [login for login, o in outcomes.items() if isinstance(o, str)]
        losers = [o for o in outcomes.values() if not isinstance(o, str)]
        assert len(winners) == 1 and len(losers) == 1, outcomes
        assert isinstance(losers[0], ConcurrentUpdate) and "changed meanwhile" in str(losers[0])
        final = backend.store("coord_region").get_proposal(proposal.id)
        assert [r.reviewer for r in final.reviews] == winners
        assert final.status == {"steward_syctom": "approved", "steward_region": "rejected"}[winners[0]]


def test_twenty_contributors_submitting_at_once_lose_nothing(backend):
    barrier, results, errors = threading.Barrier(len(F.CONTRIBUTORS)), {}, []
    stores = {login: backend.store(login) for login in F.CONTRIBUTORS}
    partner_of = {c.login: p.id for p in F.convention().partners.values() for c in p.contacts}

    def contribute(login):
        store = stores[login]
        barrier.wait()
        try:
            departement = "94" if partner_of[login] == "cd94" else "93"
            draft = store.create_draft(F.proposal(departements=[departement], tag=login, title=f"by {login}"))
            results[login] = store.submit(draft.id, draft.version).id
        except StoreError as error:      # reported below, with every other thread's outcome
            errors.append((login, error))

    threads = [threading.Thread(target=contribute, args=(login,)) for login in F.CONTRIBUTORS]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == [] and len(results) == 20
    coordinator = backend.store("coord_region")
    for login, pid in results.items():
        got = coordinator.get_proposal(pid)
        assert (got.author, got.partner, got.title, got.status) == (login, partner_of[login], f"by {login}",
                                                                    "submitted")
        assert got.changeset == F.changeset(login, place="94" if partner_of[login] == "cd94" else "93")
    submissions = [e for e in coordinator.audit_trail() if e.action == "status" and e.proposal_id in
                   set(results.values())]
    assert len(submissions) == 20
    assert coordinator.verify_audit().ok
