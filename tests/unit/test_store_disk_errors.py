"""The GeoPackage proposal store when its disk fails: full, read-only, locked, unreachable.

Each write of the store (tests/support/disk_faults.py OPERATIONS: drafts, submit, decisions,
apply bookkeeping, comments, the convention's sync, the outbox) meets each condition and
must: raise a StoreError with the condition's code and the file's path (never a bare
sqlite3 error: "ends in a traceback" was the bug — SQLite rolls back by itself on
SQLITE_FULL, and the store's own ROLLBACK then failed), leave the file exactly as it was
(integrity_check passes, same rows, no hot journal), and work again once the condition is
gone. How each condition is made without root is said in disk_faults.py.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from lxml import etree

from geogov.plugin.bridge import store_factory
from geogov.plugin.bridge.messages import all_messages, error_text
from geogov.plugin.errors import ConcurrentUpdate, StoreFileError
from geogov.plugin.proposals.stores.geopackage.reads import sqlite_condition, store_error
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.plugin.proposals.stores.postgres.outbox import Outbox
from geogov.plugin.proposals.stores.row_values import new_proposal_id
from geogov.tests.support import disk_faults as D  # noqa: N812
from geogov.tests.support import store_fixtures as F  # noqa: N812

ROOT = Path(__file__).resolve().parents[2]
FILE_CODES = ("store.disk_full", "store.read_only", "store.locked", "store.unopenable", "store.io_error",
              "store.corrupt", "store.not_a_database")
PLACEHOLDER = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)\}")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "proposals.gpkg"
    return path, D.build_template(path)


@pytest.fixture()
def store_file(template, tmp_path):
    """(path, ids) of a fresh copy of the template store, in a folder of its own."""
    folder = tmp_path / "share"
    folder.mkdir()
    return D.copy_store(template[0], folder / "proposals.gpkg"), template[1]


def write(name, store, ids):
    return D.OPERATIONS[name][1](store, ids)


def login(name):
    return D.OPERATIONS[name][0]


def assert_said(error, code, path):
    """The code, the file named, and a sentence that says what to do and that nothing was lost."""
    assert error.code == code, (error.code, str(error))
    assert error.params["path"] == str(path)
    text = error_text(error)
    assert str(path) in text and "{" not in text, text
    if code not in ("store.corrupt", "store.not_a_database"):
        assert "Nothing was lost" in text and "try again" in text.lower(), text


# ---------------------------------------------------------------------------- disk full
@pytest.mark.parametrize("name", D.BIG)
def test_a_full_disk_refuses_the_write_and_leaves_the_store_as_it_was(store_file, name):
    path, ids = store_file
    before = D.snapshot(path)
    store = GeoPackageStore(path, login(name))
    try:
        D.pin_size(store)
        with pytest.raises(StoreFileError) as caught:
            write(name, store, ids)
        assert_said(caught.value, "store.disk_full", path)
        assert not store._conn.in_transaction
        assert D.snapshot(path) == before
        D.unpin_size(store)                   # space freed: the same write goes through
        write(name, store, ids)
    finally:
        store.close()
    after = D.snapshot(path)
    assert after != before


def test_a_new_store_on_a_full_disk_leaves_no_file_and_is_created_later(tmp_path, monkeypatch):
    path = tmp_path / "new.gpkg"
    connect = GeoPackageStore._connect

    def full(store):
        connect(store)
        store._conn.execute("PRAGMA max_page_count = 1")

    monkeypatch.setattr(GeoPackageStore, "_connect", full)
    with pytest.raises(StoreFileError) as caught:
        GeoPackageStore(path, "tech94")
    assert_said(caught.value, "store.disk_full", path)
    assert not path.exists() and not Path(f"{path}-journal").exists()
    monkeypatch.setattr(GeoPackageStore, "_connect", connect)
    with GeoPackageStore(path, "tech94", partner="cd94") as store:
        store.create_draft(F.proposal(tag="later"))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_full_disk_at_every_write_in_a_child_with_a_file_size_limit(store_file):
    """The operating system's own refusal (EFBIG under RLIMIT_FSIZE), for every write —
    the small ones too: the rollback journal each write starts cannot be written."""
    path, ids = store_file
    before = D.snapshot(path)
    outcomes = D.run_limited(path, ids, list(D.OPERATIONS))
    assert outcomes == {name: ["StoreFileError", "store.io_error", str(path)] for name in D.OPERATIONS}
    assert D.snapshot(path) == before
    text = error_text(StoreFileError("x", code="store.io_error", path=str(path), detail="disk I/O error"))
    assert "disk I/O error" in text and "Nothing was lost" in text
    for name in D.OPERATIONS:               # no limit any more: each write goes through
        copy = D.copy_store(path, path.with_name(f"{name}.gpkg"))
        D.run(name, copy, ids)
        assert D.snapshot(copy) != before


# ---------------------------------------------------------------------------- read-only
@pytest.mark.parametrize("name", sorted(D.OPERATIONS))
def test_a_read_only_connection_refuses_every_write_and_changes_nothing(store_file, name):
    path, ids = store_file
    before = D.snapshot(path)
    with GeoPackageStore(path, login(name)) as store:
        store._conn.execute("PRAGMA query_only = ON")        # SQLite's SQLITE_READONLY
        with pytest.raises(StoreFileError) as caught:
            write(name, store, ids)
        assert_said(caught.value, "store.read_only", path)
        assert D.snapshot(path) == before
        store._conn.execute("PRAGMA query_only = OFF")
        write(name, store, ids)
    assert D.snapshot(path) != before


def test_a_read_only_file_is_said_read_only_and_can_still_be_read(store_file):
    path, ids = store_file
    before = D.snapshot(path)
    with D.read_only(path):
        with GeoPackageStore(path, "tech94") as store:
            assert store.get_proposal(ids["draft"]).status == "draft"
            with pytest.raises(StoreFileError) as caught:
                D.OPERATIONS["create_draft"][1](store, ids)
        assert_said(caught.value, "store.read_only", path)
        # The panels open it with the convention synced: a changed convention cannot be
        # written, the file is still read.
        convention = F.convention()
        convention.title = "Changed"
        store_factory.set_convention(convention)
        try:
            store = store_factory.open_geopackage_store(str(path), "tech94")
            try:
                assert store.get_proposal(ids["submitted"]).status == "submitted"
            finally:
                store.close()
        finally:
            store_factory.set_convention(None)
        assert D.snapshot(path) == before
    D.run("create_draft", path, ids)


def test_a_read_only_folder_cannot_take_the_journal_and_is_said_so(store_file):
    path, ids = store_file
    before = D.snapshot(path)
    with D.read_only(path.parent):
        with GeoPackageStore(path, "tech94") as store:
            with pytest.raises(StoreFileError) as caught:
                D.OPERATIONS["update_draft"][1](store, ids)
        assert_said(caught.value, "store.unopenable", path)
        assert caught.value.params["folder"] == str(path.parent)
        new = path.parent / "other.gpkg"
        with pytest.raises(StoreFileError) as creating:
            GeoPackageStore(new, "tech94")
        assert creating.value.code == "store.unopenable" and not new.exists()
        assert D.snapshot(path) == before
    D.run("update_draft", path, ids)


# ---------------------------------------------------------------------------- locked
@pytest.mark.parametrize("name", sorted(D.OPERATIONS))
def test_a_file_another_writer_holds_is_said_locked_and_written_once_free(store_file, name):
    path, ids = store_file
    before = D.snapshot(path)
    with GeoPackageStore(path, login(name), busy_timeout=0.2) as store:
        with D.locked(path, "EXCLUSIVE"):
            with pytest.raises(ConcurrentUpdate) as caught:
                write(name, store, ids)
            assert_said(caught.value, "store.locked", path)
        assert D.snapshot(path) == before
        write(name, store, ids)
    assert D.snapshot(path) != before


def test_a_store_opened_while_locked_says_locked_and_is_not_removed(store_file, tmp_path):
    path, ids = store_file
    before = D.snapshot(path)
    with D.locked(path, "EXCLUSIVE"):
        with pytest.raises(ConcurrentUpdate) as caught:
            GeoPackageStore(path, "tech94", busy_timeout=0.2)
        assert_said(caught.value, "store.locked", path)
    assert D.snapshot(path) == before
    # A reserved lock (someone writing, not yet committing): reads go on, writes wait.
    with GeoPackageStore(path, "tech94", busy_timeout=0.2) as store, D.locked(path, "IMMEDIATE"):
        assert store.get_proposal(ids["draft"]).status == "draft"
        with pytest.raises(ConcurrentUpdate) as caught:
            store.submit(ids["draft"])
        assert caught.value.code == "store.locked"


# ---------------------------------------------------------------------------- the outbox
def test_the_outbox_keeps_a_draft_and_its_entry_in_one_transaction(tmp_path, monkeypatch):
    """A draft kept locally without its outbox entry would never be listed nor sent."""
    outbox = Outbox(tmp_path / "outbox.gpkg", "tech94")
    try:
        before = D.snapshot(outbox.path)
        proposal = F.proposal(tag="local")
        proposal.id = new_proposal_id("tech94")
        mark = Outbox.mark

        def mark_then_fail(self, *args, **kwargs):
            mark(self, *args, **kwargs)
            raise sqlite3.OperationalError("database or disk is full")   # as Python 3.9 words it

        monkeypatch.setattr(Outbox, "mark", mark_then_fail)
        with pytest.raises(StoreFileError) as caught:
            outbox.keep(proposal)
        assert caught.value.code == "store.disk_full"
        assert D.snapshot(outbox.path) == before and not outbox.has(proposal.id)
        monkeypatch.setattr(Outbox, "mark", mark)
        D.pin_size(outbox)                                  # and a real full disk
        proposal.comment = D.PAD
        with pytest.raises(StoreFileError):
            outbox.keep(proposal)
        assert D.snapshot(outbox.path) == before
        D.unpin_size(outbox)
        outbox.keep(proposal)
        assert outbox.entries() == [(proposal.id, "local", None, None)]
    finally:
        outbox.close()


# ---------------------------------------------------------------------------- classification
@pytest.mark.parametrize("text, code", [
    ("database or disk is full", "store.disk_full"),
    ("attempt to write a readonly database", "store.read_only"),
    ("database is locked", "store.locked"),
    ("database table is locked", "store.locked"),
    ("unable to open database file", "store.unopenable"),
    ("disk I/O error", "store.io_error"),
    ("database disk image is malformed", "store.corrupt"),
    ("file is not a database", "store.not_a_database"),
])
def test_sqlites_words_alone_give_the_code(text, code):
    """QGIS 3.22's Python 3.9 has no sqlite_errorname: SQLite's fixed English text is enough."""
    error = (sqlite3.DatabaseError if "not a database" in text or "malformed" in text
             else sqlite3.OperationalError)(text)
    assert getattr(error, "sqlite_errorname", None) is None
    found = store_error(error, "/share/proposals.gpkg")
    assert (found.code, found.params["path"]) == (code, "/share/proposals.gpkg")
    assert sqlite_condition(sqlite3.IntegrityError("UNIQUE constraint failed: proposals.id")) == ""


def test_junk_named_like_a_store_is_said_not_a_store(tmp_path):
    path = tmp_path / "notes.gpkg"
    path.write_bytes(b"these are not the proposals you are looking for\n" * 200)
    content = path.read_bytes()
    with pytest.raises(StoreFileError) as caught:
        GeoPackageStore(path, "tech94")
    assert_said(caught.value, "store.not_a_database", path)
    assert path.read_bytes() == content


def test_every_code_has_its_sentence_in_english_and_french():
    table = all_messages()
    french = {}
    for message in etree.parse(str(ROOT / "i18n" / "geogov_fr.ts")).iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and (translation.text or "").strip():
            french[message.findtext("source")] = translation.text
    for code in FILE_CODES:
        english = table[code]
        assert "{path}" in english
        assert english in french, f"{code}: no French for {english!r}"
        assert set(PLACEHOLDER.findall(english)) == set(PLACEHOLDER.findall(french[english]))

