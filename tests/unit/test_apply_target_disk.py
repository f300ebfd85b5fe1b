"""Applying to a GeoPackage target whose file cannot be written: nothing written, nothing sent back.

A full disk (``max_page_count`` pinned, SQLITE_FULL), a read-only connection
(``query_only``, SQLITE_READONLY) or another writer holding the file (SQLITE_BUSY): the
target's own state is not the proposal's fault. Before, the first was "refused" (the
approved proposal went back to its author, the reason "database or disk is full") or a
bare sqlite3 traceback from the per-feature diagnosis; now ApplyError
``apply.target_<condition>`` names the file, the table is as it was, and the same apply
goes through once the condition is gone.
"""

from __future__ import annotations

import contextlib
import copy
import sqlite3

import pytest

from geogov.plugin.bridge.messages import all_messages, error_text
from geogov.plugin.errors import ApplyError
from geogov.plugin.proposals.model import Target
from geogov.plugin.publishing import result as outcomes
from geogov.plugin.publishing.apply import apply_changeset
from geogov.tests.support import disk_faults as D  # noqa: N812
from geogov.tests.support.apply_helpers import TABLE, changeset_of, eclairage_schema, point, read_gpkg
from geogov.tests.unit.test_geopackage_any_gdal import gdal_geopackage

SCHEMA = eclairage_schema()


@pytest.fixture()
def target(tmp_path):
    path = gdal_geopackage(tmp_path / "eclairage.gpkg")
    base = read_gpkg(path)
    edited = copy.deepcopy(base)
    edited["EP-004"].attributes["etat"] = "en maintenance " + D.PAD          # needs new pages
    edited["EP-003"].geometry = point(640000.0, 6870000.0)
    del edited["EP-005"]
    return path, base, edited, changeset_of(base, edited, SCHEMA)


def connection(path, fault=None):
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=0.2)
    if fault == "full":
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
    elif fault == "read_only":
        conn.execute("PRAGMA query_only = ON")
    return conn


@pytest.mark.parametrize("fault, code", [("full", "apply.target_disk_full"),
                                         ("read_only", "apply.target_read_only"),
                                         ("locked", "apply.target_locked")])
def test_a_target_file_that_cannot_be_written_is_not_a_refusal(target, fault, code):
    path, base, edited, changeset = target
    before = D.snapshot(path)
    conn = connection(path, None if fault == "locked" else fault)
    try:
        with D.locked(path, "IMMEDIATE") if fault == "locked" else contextlib.nullcontext():
            with pytest.raises(ApplyError) as caught:
                apply_changeset(changeset, Target("gpkg", str(path), TABLE), connection=conn)
    finally:
        conn.close()
    error = caught.value
    assert error.code == code and error.params["path"] == str(path)
    text = error_text(error)
    assert code in all_messages() and str(path) in text and "still approved" in text, text
    assert D.snapshot(path) == before
    result = apply_changeset(changeset, Target("gpkg", str(path), TABLE))
    assert result.status == outcomes.APPLIED, result.message()
    assert read_gpkg(path)["EP-004"].attributes["etat"] == edited["EP-004"].attributes["etat"]
