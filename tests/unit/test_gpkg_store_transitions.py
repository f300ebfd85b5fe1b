"""What the GeoPackage store's writes read and return (issue 16): a transition neither reads
the change rows back nor decodes them; a title or comment save keeps the rows; what each
write returns is what a fresh read of the store gives.

The same behaviour of both stores is checked in tests/integration/test_store_behaviour.py;
here the SQL the store sends is watched (sqlite3's trace callback) and the file is read
with sqlite3 directly.
"""

from __future__ import annotations

import copy
import sqlite3

import pytest

from geogov.plugin.errors import ApplyError
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.plugin.proposals.stores.row_values import changes_digest
from geogov.plugin.publishing.apply import apply_proposal
from geogov.tests.support import store_fixtures as F  # noqa: N812 (short: used on every line)

CHANGE_ROWS = "SELECT id, seq FROM proposal_changes WHERE proposal_id = ? ORDER BY seq"


@pytest.fixture()
def path(tmp_path):
    path = tmp_path / "proposals.gpkg"
    with GeoPackageStore(path, "coord_region") as admin:
        admin.sync_convention(F.convention())
    return path


@pytest.fixture()
def opened(path):
    stores = []
    reference = F.convention().reference

    def open_store(login):
        # As in QGIS: the store derives where the changes lie at submit.
        stores.append(GeoPackageStore(path, login, reference=reference))
        return stores[-1]

    yield open_store
    for store in stores:
        store.close()


def rows_of(path, proposal_id) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(CHANGE_ROWS, (proposal_id,)).fetchall()
    finally:
        conn.close()


class Statements:
    """The SQL a store sends while watched."""

    def __init__(self, store):
        self.sent = []
        self._conn = store._conn

    def __enter__(self):
        self._conn.set_trace_callback(self.sent.append)
        return self

    def __exit__(self, *exc):
        self._conn.set_trace_callback(None)

    def reading_changes(self) -> list:
        """The statements that read the attributes of change rows (a full decode)."""
        return [s for s in self.sent if "proposal_changes" in s and "feature_key" in s
                and s.lstrip().upper().startswith("SELECT")]

    def writing_changes(self) -> list:
        return [s for s in self.sent if "proposal_changes" in s
                and s.lstrip().upper().startswith(("INSERT", "DELETE", "UPDATE PROPOSAL_CHANGES"))]


# ---------------------------------------------------------------------------- title and comment
def test_a_title_and_comment_save_keeps_every_change_row(path, opened):
    store = opened("tech94")
    sent = F.proposal(tag="title")
    draft = store.create_draft(sent)
    before = rows_of(path, draft.id)
    assert len(before) == len(sent.changeset.changes)
    for edited in (copy.copy(sent), F.proposal(tag="title")):      # the same change set; an equal one
        edited.id, edited.title, edited.comment = draft.id, f"titre revu {draft.version}", "pourquoi"
        with Statements(store) as watched:
            draft = store.update_draft(edited, expected_version=draft.version)
        assert watched.writing_changes() == [] and watched.reading_changes() == []
        assert rows_of(path, draft.id) == before          # the same rows: same ids, none rewritten
        assert draft == store.get_proposal(draft.id)      # what it returned is what is stored
        assert (draft.title, draft.comment, draft.changeset) == (edited.title, "pourquoi", sent.changeset)
    assert draft.version == 2
    assert [e.action for e in store.audit_trail(draft.id)] == ["created", "edited", "edited"]


def test_a_changed_change_set_is_written_whole(path, opened):
    store = opened("tech94")
    draft = store.create_draft(F.proposal(tag="v1"))
    before = rows_of(path, draft.id)
    edited = F.proposal(tag="v2")
    edited.id = draft.id
    stored = store.update_draft(edited, expected_version=draft.version)
    after = rows_of(path, draft.id)
    assert [seq for _id, seq in after] == [seq for _id, seq in before]
    assert {i for i, _seq in after}.isdisjoint(i for i, _seq in before)       # new rows
    assert store.get_proposal(draft.id).changeset == F.changeset("v2") == stored.changeset
    assert stored == store.get_proposal(draft.id)


def test_rows_changed_outside_the_store_are_written_again_at_the_next_save(path, opened):
    store = opened("tech94")
    sent = F.proposal(tag="edited-outside")
    draft = store.create_draft(sent)
    conn = sqlite3.connect(path)       # someone edits a change row with an SQLite tool
    conn.execute("UPDATE proposal_changes SET new_attributes = '{}' WHERE proposal_id = ? AND op = 'insert'",
                 (draft.id,))
    conn.commit()
    assert conn.execute("SELECT changes_digest FROM proposals WHERE id = ?", (draft.id,)).fetchone() == ("",)
    conn.close()
    assert store.get_proposal(draft.id).changeset != sent.changeset
    again = copy.copy(sent)
    again.id, again.title = draft.id, "titre revu"
    store.update_draft(again, expected_version=draft.version)
    assert store.get_proposal(draft.id).changeset == sent.changeset      # written again, whole


def test_the_digest_stored_is_the_change_sets(path, opened):
    sent = F.proposal(tag="digest")
    draft = opened("tech94").create_draft(sent)
    conn = sqlite3.connect(path)
    stored = conn.execute("SELECT changes_digest FROM proposals WHERE id = ?", (draft.id,)).fetchone()[0]
    conn.close()
    assert stored == changes_digest(sent.changeset) == changes_digest(copy.deepcopy(sent.changeset))
    other = copy.deepcopy(sent.changeset)
    other.changes[1].new["longueur_m"] = 101.0
    assert changes_digest(other) != stored
    other = copy.deepcopy(sent.changeset)
    other.schema.crs = "EPSG:3857"                       # stored in another SRID: other rows
    assert changes_digest(other) != stored


# ---------------------------------------------------------------------------- transitions
def test_transitions_read_no_change_back_and_return_what_a_fresh_read_gives(path, opened):
    author, steward, coordinator = opened("tech94"), opened("steward94"), opened("coord_region")
    draft = author.create_draft(F.proposal(tag="transitions"))
    with Statements(author) as watched:
        submitted = author.submit(draft.id, draft.version)
    # The places are derived from the geometries alone: no attribute is read to submit.
    assert watched.reading_changes() == [] and watched.writing_changes() == []
    assert submitted == author.get_proposal(draft.id, with_changes=False)
    assert not submitted.changes_loaded and submitted.changeset.changes == []
    assert submitted.changeset.schema == F.SCHEMA
    assert (submitted.status, submitted.round, submitted.departements, submitted.stewards) == \
        ("submitted", 1, ["94"], ["cd94"])
    steps = [
        (steward, lambda s, p: s.review(p.id, "approve", expected_version=p.version), "approved"),
        (steward, lambda s, p: s.mark_conflict(p.id, p.version, details={"conflicts": []}), "conflict"),
        (coordinator, lambda s, p: s.rebase(p.id, F.changeset("rebased"), p.version, "rebasé"), "submitted"),
        (steward, lambda s, p: s.review(p.id, "request_changes", "à revoir", expected_version=p.version),
         "changes_requested"),
        (author, lambda s, p: s.submit(p.id, p.version), "submitted"),
        (steward, lambda s, p: s.review(p.id, "approve", expected_version=p.version), "approved"),
        (steward, lambda s, p: s.send_back(p.id, "le serveur refuse", p.version), "changes_requested"),
        (author, lambda s, p: s.submit(p.id, p.version), "submitted"),
        (steward, lambda s, p: s.review(p.id, "approve", expected_version=p.version), "approved"),
        (steward, lambda s, p: s.mark_applied(p.id, p.version, details={"status": "applied"}), "applied"),
    ]
    proposal = submitted
    for store, step, status in steps:
        with Statements(store) as watched:
            proposal = step(store, proposal)
        assert watched.reading_changes() == [], status
        assert proposal.status == status
        if proposal.changes_loaded:           # the rebase: the change set it was given
            assert proposal == store.get_proposal(proposal.id)
            assert proposal.changeset == F.changeset("rebased")
        else:
            assert proposal == store.get_proposal(proposal.id, with_changes=False), status
    assert store.get_proposal(proposal.id).changeset == F.changeset("rebased")


def test_a_proposal_without_its_changes_is_never_applied(path, opened):
    author = opened("tech94")
    draft = author.create_draft(F.proposal(tag="header"))
    approved = opened("steward94").review(author.submit(draft.id, draft.version).id, "approve")
    assert not approved.changes_loaded
    with pytest.raises(ApplyError) as refused:
        apply_proposal(approved)
    assert refused.value.code == "apply.no_changeset"
