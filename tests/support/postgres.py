"""A private PostgreSQL + PostGIS cluster for tests, `make demo-up` and the e2e tests
(the newest PostgreSQL installed, or $GEOGOV_PG_BIN).

    cluster = PostgresCluster(tmpdir)
    port = cluster.start()                    # initdb + pg_ctl, a few seconds
    cluster.create_database("geogov")          # with the postgis extension
    cluster.create_login("tech94", "secret")
    dsn = cluster.dsn("geogov", "tech94", "secret")
    ...
    cluster.stop()                            # pg_ctl stop, data directory removed

The server listens on 127.0.0.1 only, on a free port, with its Unix socket inside the
cluster directory, password (scram-sha-256) authentication for every TCP connection: the
tests connect as real login roles, never through a trust hole. We may run as root (CI,
containers): initdb refuses root, so the server then runs as the ``postgres`` OS user
(``runuser``), in a directory it owns. Only tests shell out like this; the plugin never does.
"""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import stat
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg2
from psycopg2 import sql

from .servers import free_port


def _newest_pg_bin() -> Path:
    """The newest PostgreSQL installed the Debian way (15 on Debian 12, 17 on 13, 18 on sid)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


PG_BIN = Path(os.environ["GEOGOV_PG_BIN"]) if os.environ.get("GEOGOV_PG_BIN") else _newest_pg_bin()
SUPERUSER = "postgres"
OS_USER = "postgres"


def _reachable_by_others(path: Path) -> bool:
    """Whether every ancestor of ``path`` can be traversed by another OS user."""
    for parent in [path, *path.parents]:
        if parent.exists() and not parent.stat().st_mode & stat.S_IXOTH:
            return False
    return True


class PostgresCluster:
    def __init__(self, tmpdir=None, port: int | None = None):
        self._base = Path(tmpdir) if tmpdir else None
        self.port = port
        self.directory: Path | None = None
        self.superuser_password = secrets.token_urlsafe(16)
        self._as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        self._started = False
        self.start_seconds: float | None = None

    # ------------------------------------------------------------------ life cycle
    def start(self) -> int:
        """initdb + start; returns the port. Raises RuntimeError with the server log on failure."""
        began = time.monotonic()
        self.directory = self._make_directory()
        data = self.directory / "data"
        pwfile = self.directory / "pwfile"
        pwfile.write_text(self.superuser_password + "\n")
        self._chown(pwfile)
        self._run([str(PG_BIN / "initdb"), "-D", str(data), "-U", SUPERUSER, "-E", "UTF8",
                   "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256",
                   f"--pwfile={pwfile}"])
        pwfile.unlink()
        self.port = self.port or free_port()
        # fsync off: a test cluster is thrown away, and it makes initdb/commits much faster.
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 "
                   f"-c unix_socket_directories={self.directory} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=120")
        log = self.directory / "server.log"
        self._run([str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
                   "-o", options, "start"], log=log)
        self._started = True
        atexit.register(self.stop)
        self.start_seconds = time.monotonic() - began
        return self.port

    def stop(self) -> None:
        if self.directory is None:
            return
        if self._started:
            self._run([str(PG_BIN / "pg_ctl"), "-D", str(self.directory / "data"), "-m", "fast",
                       "-w", "stop"], check=False)
            self._started = False
        shutil.rmtree(self.directory, ignore_errors=True)
        self.directory = None

    def is_running(self) -> bool:
        return self._started

    # ------------------------------------------------------------------ connections
    def dsn(self, dbname: str = "postgres", user: str = SUPERUSER, password: str | None = None) -> str:
        if user == SUPERUSER and password is None:
            password = self.superuser_password
        parts = {"host": "127.0.0.1", "port": str(self.port), "dbname": dbname, "user": user,
                 "password": password or "", "connect_timeout": "10"}
        return " ".join(f"{k}='{v}'" for k, v in parts.items())

    def connect(self, dbname: str = "postgres", user: str = SUPERUSER, password: str | None = None,
                autocommit: bool = True):
        conn = psycopg2.connect(self.dsn(dbname, user, password))
        conn.autocommit = autocommit
        return conn

    def create_database(self, name: str, postgis: bool = True) -> str:
        """CREATE DATABASE (+ the postgis extension); returns the superuser DSN for it."""
        conn = self.connect()
        try:
            with conn.cursor() as cur:
                cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        finally:
            conn.close()
        if postgis:
            conn = self.connect(name)
            try:
                with conn.cursor() as cur:
                    cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")
            finally:
                conn.close()
        return self.dsn(name)

    def create_login(self, name: str, password: str) -> None:
        conn = self.connect()
        try:
            with conn.cursor() as cur:
                cur.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD %s").format(sql.Identifier(name)),
                            (password,))
        finally:
            conn.close()

    # ------------------------------------------------------------------ helpers
    def _make_directory(self) -> Path:
        base = self._base
        if self._as_root and (base is None or not _reachable_by_others(base)):
            # pytest's tmp dirs are 0700 root: the postgres user could not reach them.
            base = Path(tempfile.gettempdir())
        if base is not None:
            base.mkdir(parents=True, exist_ok=True)
        directory = Path(tempfile.mkdtemp(prefix="geogov-pg-", dir=str(base) if base else None))
        self._chown(directory)
        return directory

    def _chown(self, path: Path) -> None:
        if self._as_root:
            shutil.chown(path, OS_USER, OS_USER)

    def _run(self, argv, log: Path | None = None, check: bool = True):
        if self._as_root:
            argv = ["runuser", "-u", OS_USER, "--", *argv]
        out = subprocess.run(argv, capture_output=True, text=True, cwd=str(self.directory))
        if check and out.returncode != 0:
            tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
            raise RuntimeError(f"{argv} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}\n{tail}")
        return out
