"""pytest fixtures for the demo SDI, shared by tests/integration and tests/e2e.

Import them into a conftest (``from geogov.tests.support.sdi_fixtures import *``):

``demo_build`` (session)  Path of a demo built once into a temporary folder (~2 s).
``demo_sdi`` (session)    :class:`geogov.tests.sdi.stack.DemoSDI`, every server up on free
                          ports: ``wms_url``, ``wfs_url`` (QGIS Server ``…/ows``),
                          ``csw_url`` (pycsw, CSW 2.0.2 and 3.0.0), ``oarec_url`` (pygeoapi
                          base), ``oarec_collection_url``, ``mapserver_url``, ``gpkg``
                          {typename: path}, ``records_dir``, ``convention_path``,
                          ``record_count``, ``mapserver_layers``, ``project_path``.
                          Read-only: tests that write use ``wfst_server``.
``wfst_server`` (function) :class:`WfstServer`: a QGIS Server of its own on a fresh copy of
                          the GeoPackages: ``url``, ``gpkg`` {typename: path}, ``data_dir``,
                          ``project``. What a test writes there disturbs no other test.

pycsw grows by ≈ 1.3 MB per GetRecords, so its server lives for one session only.
Timings (build, each server's start) go to build/logs/demo-timings.json.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..sdi.build import build
from ..sdi.project import set_service_urls
from ..sdi.stack import DemoSDI, start_demo
from . import servers as srv

__all__ = ["WfstServer", "demo_build", "demo_sdi", "wfst_server"]

TIMINGS = srv.LOGS_DIR / "demo-timings.json"
timings: dict = {}


def _record(key: str, value) -> None:
    timings[key] = value
    TIMINGS.parent.mkdir(parents=True, exist_ok=True)
    TIMINGS.write_text(json.dumps(timings, indent=1), encoding="utf-8")


@dataclass
class WfstServer:
    url: str                 # the OWS endpoint (WFS 1.0/1.1 + WFS-T, WMS)
    project: Path
    data_dir: Path
    gpkg: dict               # typename -> GeoPackage path of this copy
    server: srv.Server


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory) -> Path:
    demo_dir = tmp_path_factory.mktemp("demo-sdi")
    manifest = build(demo_dir)
    _record("build_seconds", manifest["build_seconds"])
    return demo_dir


@pytest.fixture(scope="session")
def demo_sdi(demo_build) -> DemoSDI:
    demo = start_demo(demo_build)
    _record("servers_start_seconds", demo.timings)
    try:
        yield demo
    finally:
        demo.stop()


@pytest.fixture()
def wfst_server(demo_build, tmp_path) -> WfstServer:
    started = time.monotonic()
    copy = srv.writable_copy(demo_build, tmp_path / "wfst")
    port = srv.free_port()
    set_service_urls(copy["project"], f"http://{srv.HOST}:{port}/ows")
    server = srv.start_qgis_server(copy["project"], port, name="qgis-wfst")
    timings.setdefault("wfst_server_seconds", []).append(round(time.monotonic() - started, 2))
    _record("wfst_server_seconds", timings["wfst_server_seconds"])
    try:
        yield WfstServer(server.url, copy["project"], copy["data_dir"], copy["gpkg"], server)
    finally:
        server.stop()
