"""The demo's OGC API Features with writes: pygeoapi (PostgreSQL provider, ``editable:
true``) serving a PostGIS copy of ``eclairage_public`` in a private PostgreSQL cluster.

The collection is ``eclairage_public`` (the convention's service match for the éclairage
dataset), so a layer added from it in QGIS is recognised as that dataset and a proposal
made on it is applied there, by OGC API Features Part 4 (plugin/publishing/oapif_apply.py).
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
from pathlib import Path

from ..support import oapif_server
from ..support import servers as srv
from ..support.apply_helpers import TABLE
from ..support.postgres import PG_BIN, PostgresCluster

DATABASE = "geogov_demo"
FOLDER = "features"


def start_features(demo_dir: Path, postgres_port: int, features_port: int, *,
                   detached: bool = False, log_dir: Path = srv.LOGS_DIR):
    """(cluster, pygeoapi Server, collection URL). ``detached``: the cluster outlives this
    process (make demo-up); stop it with :func:`stop_cluster`."""
    cluster = PostgresCluster(Path(demo_dir), port=postgres_port)
    cluster.start()
    if detached:
        atexit.unregister(cluster.stop)
    try:
        oapif_server.eclairage_table(cluster, DATABASE, Path(demo_dir) / "data" / f"{TABLE}.gpkg")
        config = oapif_server.write_config(Path(demo_dir) / FOLDER, features_port, cluster,
                                           DATABASE, TABLE, collection=TABLE)
        server = srv.start_pygeoapi(config, features_port, collection=TABLE, detached=detached,
                                    wait=False, log_dir=log_dir)
    except BaseException:
        cluster.stop()
        raise
    server.name = "pygeoapi-features"
    return cluster, server, f"{server.url}/collections/{TABLE}"


def stop_cluster(directory: str) -> None:
    """Stop a cluster started detached, from its folder (state.json keeps it)."""
    folder = Path(directory)
    data = folder / "data"
    if data.exists():
        subprocess.run(["runuser", "-u", "postgres", "--", str(PG_BIN / "pg_ctl"), "-D",
                        str(data), "-m", "fast", "-w", "stop"] if _as_root() else
                       [str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       check=False, capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)


def _as_root() -> bool:
    import os

    return hasattr(os, "geteuid") and os.geteuid() == 0
