"""Start and stop the real servers the demo and the integration tests use.

Every server binds 127.0.0.1 on a port chosen at run time (:func:`free_port`) unless a
port is given, logs to ``build/logs/<name>-<port>.log``, and is ready only when its
GetCapabilities (or landing document) answered 200 with the expected root element;
if it dies or the deadline passes, :class:`ServerStartError` carries the end of its log.

    server = start_qgis_server(project_path)       # Server(name, url, port, log_path, pid)
    server = start_pycsw(config_path, records_dir=folder)
    server = start_pygeoapi(config_path)
    server = start_mapserver(mapserver_conf)
    server.stop()                                  # terminate, then kill after a grace period

``detached=True`` starts the process in its own session so it outlives the caller
(``make demo-up``); :func:`stop_pid` stops it later from the pid kept in state.json.
:func:`copy_geopackage` copies a GeoPackage in WAL mode safely (SQLite backup API), and
:func:`writable_copy` copies the demo's GeoPackages and project for a WFS-T test.
"""

from __future__ import annotations

import ctypes
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[2]
LOGS_DIR = ROOT / "build" / "logs"
VENVS = ROOT / ".venvs"
SDI_DIR = ROOT / "tests" / "sdi"
HOST = "127.0.0.1"
START_TIMEOUT = 60.0
STOP_GRACE = 10.0
# QGIS binaries started with pyenv's folders first in PATH load pyenv's standard library
# and crash ("Couldn't load SIP module"): /usr/bin always comes first for children.
SAFE_PATH = "/usr/bin:/bin:/usr/sbin:/sbin"


class ServerStartError(RuntimeError):
    """A server that exited or did not answer in time; the message ends with its log."""


@dataclass
class Server:
    name: str
    url: str
    port: int
    log_path: Path
    pid: int
    process: Optional[subprocess.Popen] = field(default=None, repr=False)
    argv: list = field(default_factory=list, repr=False)
    launched_at: float = 0.0         # time.monotonic() at launch
    started_in: float = 0.0          # seconds from launch to the first good answer

    def alive(self) -> bool:
        if self.process is not None:
            return self.process.poll() is None
        return pid_alive(self.pid)

    def log_tail(self, lines: int = 40) -> str:
        return log_tail(self.log_path, lines)

    def stop(self, grace: float = STOP_GRACE) -> None:
        if self.process is None:
            stop_pid(self.pid, grace)
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(grace)


def _ephemeral_range() -> tuple:
    """The ports the kernel hands to outgoing connections (Linux's default otherwise)."""
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 32768, 60999


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now, chosen at random *outside* the kernel's ephemeral
    range: a port from bind(0) comes from that range, where any outgoing connection (QGIS,
    a test's client) may take it before the server binds it ("Address already in use",
    seen once in a CI run). Random, so concurrent runs differ."""
    low, high = _ephemeral_range()
    span = (10000, low - 1) if low - 10000 >= 2000 else (high + 1, 65535)
    for _ in range(200):
        port = random.randint(*span)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind((HOST, port))
            except OSError:
                continue
            return port
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((HOST, port)) == 0


def log_tail(path: Path, lines: int = 40) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return f"(no log at {path})"
    return "\n".join(text.splitlines()[-lines:])


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still answers kill(0): look at its state.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
        return state != "Z"
    except OSError:
        return True


def stop_pid(pid: int, grace: float = STOP_GRACE) -> None:
    """SIGTERM ``pid``, SIGKILL after ``grace`` seconds; a pid already gone is fine."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def child_env(extra: Optional[dict] = None) -> dict:
    env = dict(os.environ)
    env["PATH"] = SAFE_PATH + ":" + env.get("PATH", "")
    # A venv's Python must not see another venv's packages through these.
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
        env.pop(name, None)
    env.update(extra or {})
    return env


# Test servers end with the test process, even when it dies without tearing its fixtures
# down (a crash, a kill on timeout): Linux's parent-death signal, set in the child between
# fork and exec. prctl is resolved here, once: the child only makes the C call (running
# more Python after a fork of a threaded process, imports above all, can deadlock).
_PRCTL = ctypes.CDLL("libc.so.6", use_errno=True).prctl
_PR_SET_PDEATHSIG = 1


def _die_with_parent():
    _PRCTL(_PR_SET_PDEATHSIG, signal.SIGTERM)


def launch(name: str, argv: list, port: int, url: str, *, env: Optional[dict] = None,
           cwd: Optional[Path] = None, log_dir: Path = LOGS_DIR, detached: bool = False) -> Server:
    """Start ``argv`` (no shell) with stdout+stderr into the server's log; do not wait."""
    log_dir = Path(log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"{name}-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen([str(a) for a in argv], stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, env=child_env(env),
                                   cwd=str(cwd) if cwd else None, start_new_session=detached,
                                   preexec_fn=None if detached else _die_with_parent)
    return Server(name, url, port, log_path, process.pid, process, [str(a) for a in argv],
                  launched_at=time.monotonic())


def wait_ready(server: Server, probe_url: str, marker: bytes, timeout: float = START_TIMEOUT) -> Server:
    """Poll ``probe_url`` until it answers 200 with ``marker`` in the body, or raise."""
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    while time.monotonic() < deadline:
        if not server.alive():
            code = server.process.returncode if server.process else "?"
            raise ServerStartError(f"{server.name} exited (code {code}) before answering "
                                   f"{probe_url}\n--- {server.log_path} ---\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(probe_url, timeout=5) as response:
                body = response.read()
                if response.status == 200 and marker in body:
                    server.started_in = round(time.monotonic() - server.launched_at, 3)
                    return server
                last = f"HTTP {response.status}, {len(body)} bytes without {marker!r}: {body[:300]!r}"
        except urllib.error.HTTPError as exc:
            last = f"HTTP {exc.code}: {exc.read()[:300]!r}"
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as exc:
            last = str(exc)
        time.sleep(0.1)
    server.stop()
    raise ServerStartError(f"{server.name} did not answer {probe_url} within {timeout:.0f} s "
                           f"(last: {last})\n--- {server.log_path} ---\n{server.log_tail()}")


def _port(port: Optional[int]) -> int:
    return port if port else free_port()


# ---------------------------------------------------------------------------- the servers
def qgis_server_argv(project: Path, port: int) -> list:
    return [shutil.which("qgis_mapserver", path=SAFE_PATH) or "qgis_mapserver",
            "-l", "1", "-p", str(Path(project).resolve()), f"{HOST}:{port}"]


def wfst_guard_env(appliers: dict) -> dict:
    """The environment that makes QGIS Server load the demo's WFS-T guard
    (sdi/server_plugins/geogov_wfst_guard): only ``appliers`` ({login: password}) write."""
    import hashlib

    pairs = ",".join(f"{login}:{hashlib.sha256(password.encode('utf-8')).hexdigest()}"
                     for login, password in sorted(appliers.items()))
    return {"QGIS_PLUGINPATH": str(SDI_DIR / "server_plugins"), "GEOGOV_WFST_APPLIERS": pairs}


def start_qgis_server(project: Path, port: Optional[int] = None, *, log_dir: Path = LOGS_DIR,
                      detached: bool = False, wait: bool = True, name: str = "qgis-server",
                      appliers: Optional[dict] = None) -> Server:
    """``qgis_mapserver -p project`` on 127.0.0.1; ``url`` is its OWS endpoint ``…/ows``.
    With ``appliers`` ({login: password}), WFS-T writes are theirs only (HTTP Basic)."""
    port = _port(port)
    config_dir = Path(log_dir) / f"{name}-{port}-profile"
    config_dir.mkdir(parents=True, exist_ok=True)
    env = {"QT_QPA_PLATFORM": "offscreen", "QGIS_CUSTOM_CONFIG_PATH": str(config_dir),
           "QGIS_SERVER_LOG_STDERR": "1", "QGIS_SERVER_LOG_LEVEL": "1",
           # The project is rewritten (advertised URLs) just before a start: read it fresh.
           "QGIS_SERVER_PROJECT_CACHE_STRATEGY": "filesystem"}
    if appliers:
        env.update(wfst_guard_env(appliers))
    server = launch(name, qgis_server_argv(project, port), port, f"http://{HOST}:{port}/ows",
                    env=env, log_dir=log_dir, detached=detached)
    if wait:
        wait_ready_qgis(server)
    return server


def wait_ready_qgis(server: Server, timeout: float = START_TIMEOUT) -> Server:
    return wait_ready(server, f"{server.url}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities",
                      b"WMS_Capabilities", timeout)


def start_pycsw(config: Path, port: Optional[int] = None, *, records_dir: Optional[Path] = None,
                writers: Optional[Path] = None, log_dir: Path = LOGS_DIR, detached: bool = False,
                wait: bool = True) -> Server:
    """pycsw 2.6.2 from .venvs/pycsw; with ``records_dir`` its repository is loaded afresh;
    with ``writers`` (serve_pycsw.py) transactions need those logins' HTTP credentials."""
    port = _port(port)
    argv = [VENVS / "pycsw" / "bin" / "python", SDI_DIR / "serve_pycsw.py", Path(config).resolve(),
            str(port)]
    if records_dir:
        argv += ["--load", Path(records_dir).resolve()]
    if writers:
        argv += ["--writers", Path(writers).resolve()]
    server = launch("pycsw", argv, port, f"http://{HOST}:{port}/csw", log_dir=log_dir,
                    detached=detached, cwd=Path(config).resolve().parent)
    if wait:
        wait_ready_pycsw(server)
    return server


def wait_ready_pycsw(server: Server, timeout: float = START_TIMEOUT) -> Server:
    return wait_ready(server, f"{server.url}?service=CSW&version=2.0.2&request=GetCapabilities",
                      b"Capabilities", timeout)


def start_pygeoapi(config: Path, port: Optional[int] = None, *, collection: str = "",
                   log_dir: Path = LOGS_DIR, detached: bool = False, wait: bool = True) -> Server:
    """pygeoapi from .venvs/pygeoapi (Flask, no reloader); ``url`` is its base URL."""
    port = _port(port)
    argv = [VENVS / "pygeoapi" / "bin" / "python", SDI_DIR / "serve_pygeoapi.py",
            Path(config).resolve(), str(port)]
    server = launch("pygeoapi", argv, port, f"http://{HOST}:{port}", log_dir=log_dir,
                    detached=detached)
    if wait:
        wait_ready_pygeoapi(server, collection)
    return server


def wait_ready_pygeoapi(server: Server, collection: str = "", timeout: float = START_TIMEOUT) -> Server:
    path = f"/collections/{collection}" if collection else "/collections"
    return wait_ready(server, f"{server.url}{path}?f=json", b'"links"', timeout)


def start_mapserver(config: Path, port: Optional[int] = None, *, log_dir: Path = LOGS_DIR,
                    detached: bool = False, wait: bool = True) -> Server:
    """The mapserv CGI behind serve_mapserver.py; ``config`` is the MapServer 8 config file."""
    port = _port(port)
    argv = ["/usr/bin/python3", SDI_DIR / "serve_mapserver.py", Path(config).resolve(), str(port)]
    server = launch("mapserver", argv, port, f"http://{HOST}:{port}/mapserver", log_dir=log_dir,
                    detached=detached)
    if wait:
        wait_ready_mapserver(server)
    return server


def wait_ready_mapserver(server: Server, timeout: float = START_TIMEOUT) -> Server:
    return wait_ready(server, f"{server.url}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities",
                      b"WMS_Capabilities", timeout)


def stop_all(servers) -> None:
    """Stop every server, the last started first; one failing stop does not keep others up."""
    errors = []
    for server in reversed(list(servers)):
        try:
            server.stop()
        except Exception as exc:  # noqa: BLE001 - keep stopping the others, report at the end
            errors.append(f"{server.name}: {exc}")
    if errors:
        raise RuntimeError("some servers did not stop cleanly: " + "; ".join(errors))


# ---------------------------------------------------------------------------- data copies
def copy_geopackage(source: Path, target: Path) -> Path:
    """Copy a GeoPackage that may be open in WAL mode (a plain file copy can miss pages)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        if stale.exists():
            stale.unlink()
    src = sqlite3.connect(f"file:{Path(source).resolve()}?mode=ro", uri=True)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def writable_copy(demo_dir: Path, target_dir: Path, project_name: str = "sdi.qgs") -> dict:
    """Copy the demo's GeoPackages and QGIS project to ``target_dir``; the project keeps
    working there because it names its layers relative to itself. Returns
    ``{"project": path, "data_dir": path, "gpkg": {typename: path}}``."""
    demo_dir, target_dir = Path(demo_dir), Path(target_dir)
    gpkg = {}
    for source in sorted((demo_dir / "data").glob("*.gpkg")):
        gpkg[source.stem] = copy_geopackage(source, target_dir / "data" / source.name)
    project = target_dir / project_name
    shutil.copyfile(demo_dir / project_name, project)
    return {"project": project, "data_dir": target_dir / "data", "gpkg": gpkg}


def start_hostile(port: Optional[int] = None, *, cert: Optional[Path] = None,
                  key: Optional[Path] = None, log_dir: Path = LOGS_DIR,
                  timeout: float = START_TIMEOUT) -> Server:
    """tests/support/hostile_server.py: one misbehaving route per path; TLS with ``cert``."""
    port = _port(port)
    argv = ["/usr/bin/python3", ROOT / "tests" / "support" / "hostile_server.py", str(port)]
    if cert is not None:
        argv += [Path(cert), Path(key)]
    scheme = "https" if cert is not None else "http"
    server = launch("hostile", argv, port, f"{scheme}://{HOST}:{port}", log_dir=log_dir)
    deadline = time.monotonic() + timeout
    while not port_in_use(port):
        if not server.alive() or time.monotonic() > deadline:
            server.stop()
            raise ServerStartError(f"the hostile server did not start\n{server.log_tail()}")
        time.sleep(0.05)
    server.started_in = round(time.monotonic() - server.launched_at, 3)
    return server


def self_signed_certificate(folder: Path) -> tuple:
    """A throw-away self-signed certificate for 127.0.0.1 (openssl, test machines only)."""
    folder = Path(folder)
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    return cert, key
