"""Start the demo's servers together: QGIS Server, pycsw, pygeoapi (OGC API Records), MapServer,
and pygeoapi's OGC API Features with writes on a private PostgreSQL (features.py).

:func:`start_demo` is what ``make demo-up``/``make run`` and the ``demo_sdi`` test fixture
share: pick ports, write the records and configurations for them, launch all servers at
once, then wait for each (they start in parallel). It returns a :class:`DemoSDI`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Optional

from ..support import servers as srv
from . import DEFAULT_PORTS, OAREC_COLLECTION
from .build import read_manifest
from .catalogues import write_catalogues
from .datasets import RECORD_COUNT
from .features import start_features, stop_cluster
from .mapfile import MAPSERVER_TYPENAMES, write_config
from .project import PROJECT_NAME, set_service_urls

STATE_FILE = "state.json"
CONVENTION = srv.ROOT / "resources" / "demo" / "convention-idf.yaml"


@dataclass
class DemoSDI:
    """The running demo. URLs are ready to use; ``servers`` are the processes."""

    demo_dir: Path
    wms_url: str                       # QGIS Server OWS endpoint (WMS 1.1.1/1.3.0)
    wfs_url: str                       # the same endpoint (WFS 1.0/1.1 + WFS-T)
    csw_url: str                       # pycsw: CSW 2.0.2 and 3.0.0 at one endpoint
    oarec_url: str                     # pygeoapi base URL
    oarec_collection_url: str          # …/collections/geo-idf (the records collection)
    mapserver_url: str                 # MapServer: WMS 1.3.0 and WFS 2.0.0
    features_url: str                  # pygeoapi base URL of the OGC API Features (writes)
    features_collection_url: str       # …/collections/eclairage_public (PostGIS)
    project_path: Path
    gpkg: dict                         # typename -> GeoPackage path (the served, shared ones)
    records_dir: Path                  # ISO 19139 files, one per record
    convention_path: Path
    record_count: int = RECORD_COUNT
    mapserver_layers: list = field(default_factory=lambda: list(MAPSERVER_TYPENAMES))
    servers: list = field(default_factory=list)
    timings: dict = field(default_factory=dict)   # seconds: each server's start, the whole start
    postgres_dir: str = ""                        # the features' PostgreSQL cluster folder
    cluster: object = field(default=None, repr=False)

    def stop(self) -> None:
        try:
            srv.stop_all(self.servers)
        finally:
            if self.cluster is not None:
                self.cluster.stop()
            elif self.postgres_dir:
                stop_cluster(self.postgres_dir)

    def state(self) -> dict:
        """What ``state.json`` keeps: URLs and paths, and pid/argv/log of each server."""
        data = {f.name: getattr(self, f.name) for f in fields(self)
                if f.name not in ("servers", "gpkg", "cluster")}
        data = {k: str(v) if isinstance(v, Path) else v for k, v in data.items()}
        data["gpkg"] = {k: str(v) for k, v in self.gpkg.items()}
        data["servers"] = [{"name": s.name, "pid": s.pid, "port": s.port, "url": s.url,
                            "log": str(s.log_path), "argv": s.argv} for s in self.servers]
        return data


def ports_from_env(defaults: dict = DEFAULT_PORTS) -> dict:
    return {name: int(os.environ.get(f"GEOGOV_DEMO_PORT_{name.upper()}", port))
            for name, port in defaults.items()}


def appliers_from_env(environ=os.environ) -> Optional[dict]:
    """GEOGOV_DEMO_WFST_APPLIERS=login:password,… → {login: password}: the demo's QGIS
    Server then lets only them write by WFS-T (sdi/server_plugins/geogov_wfst_guard)."""
    pairs = {}
    for item in environ.get("GEOGOV_DEMO_WFST_APPLIERS", "").split(","):
        login, _, password = item.strip().partition(":")
        if login and password:
            pairs[login] = password
    return pairs or None


def start_demo(demo_dir: Path, ports: Optional[dict] = None, *, detached: bool = False,
               log_dir: Path = srv.LOGS_DIR, today: Optional[dt.date] = None,
               appliers: Optional[dict] = None) -> DemoSDI:
    """Start every server of the built demo in ``demo_dir``; ``ports`` None = free ports;
    ``appliers`` ({login: password}): the only HTTP Basic credentials WFS-T writes accept."""
    demo_dir = Path(demo_dir).resolve()
    ports = {name: (ports or {}).get(name) or srv.free_port() for name in DEFAULT_PORTS}
    busy = [f"{name} ({port})" for name, port in ports.items() if srv.port_in_use(port)]
    if busy:
        raise srv.ServerStartError("ports already in use: " + ", ".join(busy) +
                                   " (set GEOGOV_DEMO_PORT_<NAME> or run `make demo-down`)")
    ows = f"http://{srv.HOST}:{ports['qgis']}/ows"
    urls = {"ows": ows, "csw": f"http://{srv.HOST}:{ports['pycsw']}/csw",
            "oarec": f"http://{srv.HOST}:{ports['pygeoapi']}"}
    started = time.monotonic()
    paths = write_catalogues(demo_dir, urls, today)
    project = demo_dir / PROJECT_NAME
    set_service_urls(project, ows)
    mapserver_conf = write_config(demo_dir)
    common = {"log_dir": log_dir, "detached": detached, "wait": False}
    running = []
    cluster = None
    try:
        cluster, features, features_collection = start_features(
            demo_dir, ports["postgres"], ports["features"], detached=detached, log_dir=log_dir)
        running.append(features)
        running.append(srv.start_qgis_server(project, ports["qgis"], appliers=appliers, **common))
        running.append(srv.start_pycsw(paths["pycsw_config"], ports["pycsw"],
                                       records_dir=paths["records"],
                                       writers=paths["pycsw_writers"], **common))
        running.append(srv.start_pygeoapi(paths["pygeoapi_config"], ports["pygeoapi"], **common))
        running.append(srv.start_mapserver(mapserver_conf, ports["mapserver"], **common))
        features, qgis, pycsw, pygeoapi, mapserver = running
        srv.wait_ready_qgis(qgis)
        srv.wait_ready_pycsw(pycsw)
        srv.wait_ready_pygeoapi(pygeoapi, OAREC_COLLECTION)
        srv.wait_ready_mapserver(mapserver)
        srv.wait_ready_pygeoapi(features, features_collection.rsplit("/", 1)[-1])
    except BaseException:
        srv.stop_all(running)
        if cluster is not None:
            cluster.stop()
        raise
    manifest = read_manifest(demo_dir)
    demo = DemoSDI(
        demo_dir=demo_dir, wms_url=ows, wfs_url=ows, csw_url=pycsw.url, oarec_url=pygeoapi.url,
        oarec_collection_url=f"{pygeoapi.url}/collections/{OAREC_COLLECTION}",
        mapserver_url=mapserver.url, project_path=project,
        features_url=features.url, features_collection_url=features_collection,
        gpkg={layer["typename"]: demo_dir / layer["gpkg"] for layer in manifest["layers"]},
        records_dir=paths["records"],
        convention_path=write_convention(demo_dir, pycsw.url), servers=running,
        postgres_dir=str(cluster.directory), cluster=None if detached else cluster,
    )
    demo.timings = {s.name: s.started_in for s in running}
    demo.timings["all_servers"] = round(time.monotonic() - started, 2)
    return demo


def write_convention(demo_dir: Path, csw_url: str) -> Path:
    """The demo convention with, for every dataset, the record its apply updates in the
    demo's pycsw (``metadata:``, the record being the dataset's match.records id): the
    catalogue's URL carries the port chosen at start."""
    lines = []
    for line in CONVENTION.read_text(encoding="utf-8").splitlines():
        lines.append(line)
        if line.startswith("    key_field:"):
            lines.append(f'    metadata: {{catalogue: "{csw_url}"}}')
    path = Path(demo_dir) / CONVENTION.name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_state(demo: DemoSDI) -> Path:
    path = demo.demo_dir / STATE_FILE
    path.write_text(json.dumps(demo.state(), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def read_state(demo_dir: Path) -> Optional[dict]:
    try:
        return json.loads((Path(demo_dir) / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_our_process(pid: int, argv: list) -> bool:
    """Whether ``pid`` still runs the command we started (pids get reused)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return [c.decode(errors="replace") for c in cmdline if c][-2:] == [str(a) for a in argv][-2:]


def stop_state(demo_dir: Path) -> list:
    """Stop the servers ``state.json`` names; return what was stopped."""
    state = read_state(demo_dir)
    stopped = []
    if not state:
        return stopped
    for server in reversed(state.get("servers", [])):
        if is_our_process(server["pid"], server["argv"]):
            srv.stop_pid(server["pid"])
            stopped.append(f"{server['name']} (pid {server['pid']}, port {server['port']})")
    if state.get("postgres_dir") and Path(state["postgres_dir"]).exists():
        stop_cluster(state["postgres_dir"])
        stopped.append(f"postgresql ({state['postgres_dir']})")
    (Path(demo_dir) / STATE_FILE).unlink()
    return stopped
