"""LISTEN/NOTIFY for the PostgreSQL proposal store.

Every audit row the database appends sends a NOTIFY on the ``geogov`` channel (see
sql/postgres/0004_triggers.sql, geogov.audit_append), delivered at commit.
"""

from __future__ import annotations

import json
import select

import psycopg2

from .errors import store_error

CHANNEL = "geogov"


class Notifications:
    """Wake-up calls from the database: ``wait(timeout)`` → [payload dict, …].

    Each payload is ``{"cursor": <audit id>}`` and nothing more: NOTIFY ignores row-level
    security, so every listener of the database hears every notification — naming the
    proposal, its dataset or its status would tell each login what happens on proposals it
    may not read (sql/postgres/0008_governance.sql). React by calling
    ``store.changes_since(cursor)``, which returns what this login may see. Any login may
    NOTIFY the channel too: a payload is only a hint, and what is not ``{"cursor": int}``
    is dropped.
    """

    def __init__(self, dsn: str, connect_args: dict):
        try:
            self._conn = psycopg2.connect(dsn, **connect_args)
            self._conn.autocommit = True
            with self._conn.cursor() as cur:
                cur.execute(f"LISTEN {CHANNEL}")     # a fixed identifier
        except psycopg2.Error as error:
            raise store_error(error) from error

    def fileno(self) -> int:
        return self._conn.fileno()

    def wait(self, timeout: float = 0.0) -> list:
        try:
            self._conn.poll()
            if not self._conn.notifies and timeout > 0:
                # select() on the libpq socket: works on Windows too (it is a socket).
                if select.select([self._conn], [], [], timeout)[0]:
                    self._conn.poll()
            out = []
            for notify in self._conn.notifies:
                # Any login may NOTIFY this channel: what is not our JSON object is ignored
                # (and what is, is only a hint to call changes_since()).
                try:
                    payload = json.loads(notify.payload)
                except ValueError:
                    continue
                if isinstance(payload, dict) and type(payload.get("cursor")) is int:
                    out.append({"cursor": payload["cursor"]})
            self._conn.notifies.clear()
            return out
        except psycopg2.Error as error:
            raise store_error(error) from error

    def close(self) -> None:
        self._conn.close()
