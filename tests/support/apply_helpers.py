"""Helpers of the apply integration tests (tests/integration/test_apply_*.py) and bench.

- reading a GeoPackage table *directly* with sqlite3 (not through GeoGov's WFS client nor
  its SQL target), so "the server's data equals the proposal's new state" is checked by
  an independent path;
- building change sets the way a proposal does (compute_changeset over plain features);
- :class:`CuttingProxy`, a real TCP proxy in front of a real server that, when armed,
  forwards a Transaction, waits for the server's complete reply, and closes the client's
  connection instead of relaying it: the client sees a connection cut after sending,
  the server has done the work;
- an approved proposal in a real GeoPackage proposal store.
"""

from __future__ import annotations

import copy
import socket
import sqlite3
import threading
from pathlib import Path

from osgeo import ogr

from geogov.plugin.proposals import wkb
from geogov.plugin.proposals.changeset import compute_changeset_from_features
from geogov.plugin.proposals.fingerprint import same_feature
from geogov.plugin.proposals.model import FieldDef, PlainFeature, Proposal, Schema, Target

TABLE = "eclairage_public"
FIELDS = [FieldDef("fid", "integer", False, auto=True), FieldDef("identifiant", "string", False),
          FieldDef("type_lampe"), FieldDef("puissance_w", "integer"), FieldDef("hauteur_m", "real"),
          FieldDef("date_pose", "date"), FieldDef("code_insee"), FieldDef("etat")]


def eclairage_schema(key: str = "identifiant") -> Schema:
    return Schema(fields=copy.deepcopy(FIELDS), key=key, geometry_type="Point", crs="EPSG:2154")


def wfs_target(server) -> Target:
    """The éclairage layer of a test QGIS Server (``wfst_server``) as an apply target."""
    return Target("wfs", server.url, TABLE, "1.1.0")


def point(x: float, y: float) -> bytes:
    geometry = ogr.Geometry(ogr.wkbPoint)
    geometry.AddPoint_2D(x, y)
    return bytes(geometry.ExportToIsoWkb())


def read_gpkg(path, table: str = TABLE, key: str = "identifiant") -> dict:
    """{key value: PlainFeature} of a GeoPackage table, read with sqlite3 only."""
    conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    try:
        names = [f.name for f in FIELDS]
        rows = conn.execute(f"SELECT {', '.join(names)}, geom FROM {table}").fetchall()
    finally:
        conn.close()
    out = {}
    for row in rows:
        attributes = dict(zip(names, row[:-1]))
        out[attributes[key]] = PlainFeature(attributes[key], attributes,
                                            wkb.to_iso_wkb(row[-1]) if row[-1] else None)
    return out


def changeset_of(base: dict, edited: dict, schema: Schema):
    return compute_changeset_from_features(list(base.values()), list(edited.values()), schema)


def same(a: PlainFeature, b: PlainFeature, schema: Schema) -> bool:
    """Same content, leaving out the fields a data source fills itself (fid)."""
    compare = copy.deepcopy(schema)
    compare.fields = [f for f in compare.fields if not f.auto]
    return same_feature(a.attributes, a.geometry, b.attributes, b.geometry, compare)


def differences(actual: dict, expected: dict, schema: Schema) -> list:
    """Keys whose features differ (missing, extra or changed) between two table states."""
    out = [k for k in expected if k not in actual]
    out += [k for k in actual if k not in expected]
    out += [k for k in expected if k in actual and not same(actual[k], expected[k], schema)]
    return sorted(out, key=str)


# ---------------------------------------------------------------------------- proxy
class CuttingProxy:
    """A TCP proxy on 127.0.0.1 in front of ``upstream`` (host, port).

    One request per client connection (``Connection: close`` is forced). While
    ``cut_after`` > 0, each write request counts down; the one that brings it to 0 is
    forwarded, its reply read completely from the server, and the client connection is
    then closed without a byte of that reply. A write is, by default, a request whose body
    holds a WFS ``Transaction``; ``is_write(method, body)`` says otherwise (OGC API
    Features: :func:`oapif_write`).
    """

    def __init__(self, upstream: tuple, is_write=None):
        self.upstream = upstream
        self.is_write = is_write or (lambda _method, body: b"Transaction" in body)
        self.cut_after = 0
        self.cuts = 0
        self.transactions = 0
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self._listener.settimeout(0.1)     # accept() wakes up to see close()
        self.port = self._listener.getsockname()[1]
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def url(self, path: str = "/ows") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self):
        self._stop = True
        self._thread.join(timeout=5)
        self._listener.close()

    def _serve(self):
        while not self._stop:
            try:
                client, _ = self._listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            client.settimeout(None)
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    @staticmethod
    def _read_message(sock) -> bytes:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                return data
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            body += chunk
        return head + b"\r\n\r\n" + body

    def _handle(self, client):
        try:
            request = self._read_message(client)
            if not request:
                return
            head, _, body = request.partition(b"\r\n\r\n")
            lines = [line for line in head.split(b"\r\n")
                     if not line.lower().startswith((b"connection:", b"keep-alive:"))]
            request = b"\r\n".join(lines + [b"Connection: close"]) + b"\r\n\r\n" + body
            cut = False
            method = head.split(b" ", 1)[0].upper()
            if self.is_write(method, body):
                self.transactions += 1
                if self.cut_after > 0:
                    self.cut_after -= 1
                    cut = self.cut_after == 0
            with socket.create_connection(self.upstream, timeout=600) as upstream:
                upstream.sendall(request)
                reply = b""
                while True:                    # the server closes: Connection: close
                    chunk = upstream.recv(65536)
                    if not chunk:
                        break
                    reply += chunk
            if cut:
                self.cuts += 1
                return                          # the reply is dropped: the client sees a cut
            client.sendall(reply)
        finally:
            client.close()


def oapif_write(method: bytes, _body: bytes) -> bool:
    """OGC API Features Part 4 writes: POST, PUT, PATCH, DELETE."""
    return method in (b"POST", b"PUT", b"PATCH", b"DELETE")


# ---------------------------------------------------------------------------- store
def approved_proposal(store_path, changeset, target: Target, title: str = "apply test"):
    """A proposal on eclairage-public made by tech94 and approved by steward_sipperec in a
    real GeoPackage proposal store; returns (steward's store, proposal with its changes)."""
    from geogov.plugin.proposals.stores.base import with_changeset
    from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
    from geogov.tests.support import store_fixtures

    if not Path(store_path).exists():
        with GeoPackageStore(store_path, "coord_region") as admin:
            admin.sync_convention(store_fixtures.convention())
    with GeoPackageStore(store_path, "tech94") as tech:
        draft = tech.create_draft(Proposal(id=None, dataset=store_fixtures.ECLAIRAGE, target=target,
                                           author="", partner="", title=title,
                                           comment="remplacement des lampes", changeset=changeset,
                                           departements=["94"]))
        tech.submit(draft.id, draft.version)
    steward = GeoPackageStore(store_path, "steward_sipperec")
    # The decision returns the proposal without its changes: the draft has them.
    return steward, with_changeset(steward.review(draft.id, "approve", "ok"), draft)


def edit_with_ogr(path, key, **values):
    """Someone else edits a feature of the authoritative GeoPackage's ``TABLE`` (with GDAL,
    as QGIS would): the fields ``values`` names, on the feature whose identifiant is ``key``."""
    source = ogr.Open(str(path), 1)
    layer = source.GetLayerByName(TABLE)
    layer.SetAttributeFilter(f"identifiant = '{key}'")
    feature = layer.GetNextFeature()
    for name, value in values.items():
        feature.SetField(name, value)
    assert layer.SetFeature(feature) == 0
    source = None
