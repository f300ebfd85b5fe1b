"""One GeoPackage proposal store shared by five processes writing at once (four technicians
submitting, a steward approving), as five QGIS on a shared folder would: no error reaches a
user ("database is locked" above all), no proposal lost or doubled, the file whole after."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.support import store_fixtures as F  # noqa: N812

WRITER = Path(__file__).resolve().parents[1] / "support" / "gpkg_writer.py"
SECONDS = 8.0


def test_five_writers_at_once_lose_nothing_and_meet_no_lock(tmp_path):
    path = tmp_path / "proposals.gpkg"
    with GeoPackageStore(path, "coord_region") as admin:
        admin.sync_convention(F.convention())
    start_at = time.time() + 2.0
    writers = [("tech94", "technician"), ("contrib02", "technician"), ("contrib04", "technician"),
               ("contrib06", "technician"), ("steward94", "steward")]
    processes = [subprocess.Popen([sys.executable, str(WRITER), str(path), login, role,
                                   str(SECONDS), str(start_at)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for login, role in writers]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=SECONDS + 90)
        assert process.returncode == 0, err[-2000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    errors = [code for r in results for code in r["errors"]]
    assert errors == [], errors
    written = [pid for r in results for pid in r["written"]]
    decided = [pid for r in results for pid in r["decided"]]
    assert len(written) >= 20 and len(set(written)) == len(written)
    with GeoPackageStore(path, "coord_region") as reader:
        stored = {p.id: p.status for p in reader.list_proposals("all")}
    assert set(written) <= set(stored)                 # every submitted proposal is there
    assert len(stored) == len(written)                 # and nothing else
    assert all(stored[pid] == "approved" for pid in decided)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    latencies = sorted(t for r in results for t in r["latencies"])
    p95 = latencies[int(len(latencies) * 0.95)]
    print(f"\n5 writers for {SECONDS:g} s: {len(written)} submitted, {len(decided)} approved, "
          f"p95 {p95 * 1000:.0f} ms, worst {latencies[-1] * 1000:.0f} ms, 0 errors")
