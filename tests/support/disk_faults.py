"""A GeoPackage proposal store whose disk fails, made deterministic for tests (no root, no mount).

- **Disk full** — SQLite's own SQLITE_FULL: ``PRAGMA max_page_count`` on the store's
  connection pins the file at its size (:func:`pin_size`); an operation that needs a new
  page fails as it would on a full disk. It fails only operations that write enough (hence
  the 300 kB ``PAD`` in the operations below).
- **File size limit** — the operating system's refusal: a child process with
  ``RLIMIT_FSIZE`` of 1 kB (and SIGXFSZ ignored, so the write fails with EFBIG instead of
  killing it) cannot write the rollback journal that every write transaction starts with
  (:func:`run_limited`), whatever the operation. SQLite says SQLITE_IOERR_WRITE. POSIX only.
- **Read-only** — ``PRAGMA query_only`` (SQLite's SQLITE_READONLY) on the connection, and
  for the file itself :func:`read_only`: chmod for an ordinary user, ``chattr +i`` for root
  (chmod does not stop root); skipped where neither works.
- **Locked** — another connection holding ``BEGIN EXCLUSIVE`` (or ``BEGIN IMMEDIATE``).

:data:`OPERATIONS` are the store's writes, each run on a copy of :func:`build_template`'s
file, where each finds the proposal it needs in the state it needs.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.support import store_fixtures as F  # noqa: N812

ROOT = Path(__file__).resolve().parents[2]
PAD = "x" * 300_000          # enough text for any operation carrying it to need new pages
DEFAULT_MAX_PAGES = 4294967294


# ---------------------------------------------------------------------------- the file
def snapshot(path) -> list:
    """Every statement that rebuilds the file (schema and rows), after checking it is whole:
    PRAGMA integrity_check passes and no hot journal (a half-done transaction) is left."""
    path = os.fspath(path)
    assert not os.path.exists(path + "-journal"), "a rollback journal was left beside the store"
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return list(conn.iterdump())
    finally:
        conn.close()


def build_template(path) -> dict:
    """A store with the test convention and one proposal in each state an operation needs;
    the ids by name."""
    with GeoPackageStore(path, "coord_region") as admin:
        admin.sync_convention(F.convention())
    ids = {}
    with GeoPackageStore(path, "tech94") as tech, GeoPackageStore(path, "steward94") as steward:
        ids["draft"] = tech.create_draft(F.proposal(tag="draft")).id

        def submitted(tag):
            draft = tech.create_draft(F.proposal(tag=tag))
            return tech.submit(draft.id, draft.version)

        ids["submitted"] = submitted("submitted").id
        for name in ("approved_a", "approved_b", "approved_c", "conflict"):
            proposal = submitted(name)
            proposal = steward.review(proposal.id, "approve", "ok", expected_version=proposal.version)
            assert proposal.status == "approved"
            ids[name] = proposal.id
        steward.mark_conflict(ids["conflict"])
    return ids


def copy_store(template, path) -> Path:
    shutil.copyfile(template, path)
    return Path(path)


# ---------------------------------------------------------------------------- the writes
def _new_draft(store, ids):
    proposal = F.proposal(tag="new")
    proposal.comment = "why " + PAD
    return store.create_draft(proposal)


def _update_draft(store, ids):
    proposal = store.get_proposal(ids["draft"])
    proposal.comment = "better " + PAD
    return store.update_draft(proposal, expected_version=proposal.version)


# name -> (login, write, carries PAD)
OPERATIONS = {
    "create_draft": ("tech94", _new_draft, True),
    "update_draft": ("tech94", _update_draft, True),
    "submit": ("tech94", lambda s, ids: s.submit(ids["draft"]), False),
    "withdraw": ("tech94", lambda s, ids: s.withdraw(ids["submitted"]), False),
    "review": ("steward94", lambda s, ids: s.review(ids["submitted"], "approve", "ok " + PAD), True),
    "add_comment": ("tech94", lambda s, ids: s.add_comment(ids["submitted"], "note " + PAD), True),
    "record_apply_attempt": ("steward94", lambda s, ids: s.record_apply_attempt(
        ids["approved_a"], "failed", {"log": PAD}), True),
    "mark_applied": ("steward94", lambda s, ids: s.mark_applied(ids["approved_a"], details={"log": PAD}),
                     True),
    "mark_conflict": ("steward94", lambda s, ids: s.mark_conflict(ids["approved_b"], details={"log": PAD}),
                      True),
    "send_back": ("steward94", lambda s, ids: s.send_back(ids["approved_c"], "refused " + PAD), True),
    "rebase": ("tech94", lambda s, ids: s.rebase(ids["conflict"], F.changeset("conflict"),
                                                 comment="rebased " + PAD), True),
    "sync_convention": ("coord_region", lambda s, ids: s.sync_convention(F.convention()), False),
}
BIG = sorted(name for name, (_login, _write, big) in OPERATIONS.items() if big)


def run(name, path, ids, **store_options):
    """Open the store as the operation's login, write, close; returns the write's result."""
    login, write, _big = OPERATIONS[name]
    with GeoPackageStore(path, login, **store_options) as store:
        return write(store, ids)


# ---------------------------------------------------------------------------- the faults
def pin_size(store) -> None:
    """The store's file cannot grow any more (SQLITE_FULL), as on a full disk."""
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")


def unpin_size(store) -> None:
    store._conn.execute(f"PRAGMA max_page_count = {DEFAULT_MAX_PAGES}")


@contextlib.contextmanager
def locked(path, how: str = "EXCLUSIVE"):
    """Another writer holds the file (EXCLUSIVE: not even reads; IMMEDIATE: writes)."""
    blocker = sqlite3.connect(os.fspath(path), isolation_level=None)
    blocker.execute(f"BEGIN {how}")
    try:
        yield blocker
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def _chattr(flag: str, path) -> bool:
    tool = shutil.which("chattr")
    if tool is None:
        return False
    return subprocess.run([tool, flag, os.fspath(path)], capture_output=True).returncode == 0


@contextlib.contextmanager
def read_only(path):
    """``path`` (a file or a folder) cannot be written, even by root; restored afterwards."""
    path = os.fspath(path)
    if os.name == "nt":
        pytest.skip("read-only by chmod/chattr is tested on POSIX")
    if os.geteuid() != 0:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        os.chmod(path, mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        try:
            yield "chmod"
        finally:
            os.chmod(path, mode)
        return
    if not _chattr("+i", path):
        pytest.skip("running as root and chattr +i is not available here: cannot make a file read-only")
    try:
        yield "chattr +i"
    finally:
        _chattr("-i", path)


CHILD = r"""
import json, resource, signal, sys
from geogov.tests.support import disk_faults as D
from geogov.plugin.errors import GeoGovError

path, ids, limit = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
names = json.loads(sys.argv[4])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)       # EFBIG instead of being killed
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
out = {}
for name in names:
    try:
        D.run(name, path, ids)
        out[name] = ["written", "", ""]
    except GeoGovError as error:
        out[name] = [type(error).__name__, error.code, error.params.get("path", "")]
    except Exception as error:
        out[name] = ["traceback", type(error).__name__, str(error)]
print(json.dumps(out))
"""


def run_limited(path, ids, names, limit: int = 1024) -> dict:
    """Run the operations ``names`` in a child process that may not write a file beyond
    ``limit`` bytes; {name: [error class, code, path]} ("written" when nothing failed)."""
    pytest.importorskip("resource")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "build" / "py"), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, "-c", CHILD, os.fspath(path), json.dumps(ids), str(limit),
                           json.dumps(list(names))], capture_output=True, text=True, env=env,
                          timeout=120, cwd=os.path.dirname(os.fspath(path)))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])
