"""The PostgreSQL store's local outbox: drafts kept in a GeoPackage on the user's disk.

Every draft the PostgreSQL store creates is written here first, so a crash, a lost
connection or a server refusal loses nothing; a draft made while the server cannot be
reached stays here ("local") until :meth:`PostgresStore.flush_outbox` uploads it, and is
submitted then if the user asked :meth:`PostgresStore.submit_later` ("submit_pending").

It is a GeoPackage proposal store of its own (the drafts can be opened as layers) with
one more table, ``outbox``, saying where each draft stands. The partner written locally
is a placeholder when unknown: the server stamps the real one on upload.
"""

from __future__ import annotations

import copy
from typing import Optional

from ...model import Proposal
from ..geopackage import rows
from ..geopackage.store import GeoPackageStore
from ..row_values import utc_now

UNKNOWN_PARTNER = "(assigned by the server)"
STATES = ("local", "submit_pending", "synced")


class Outbox(GeoPackageStore):
    def __init__(self, path, login: str):
        super().__init__(path, login)

    def has(self, proposal_id: str) -> bool:
        with self._read() as conn:
            return rows.proposal_row(conn, proposal_id) is not None

    def keep(self, proposal: Proposal, state: Optional[str] = None, error: Optional[str] = None) -> None:
        """Save (or overwrite) the local copy of a draft — a new one as "local" — and set its
        ``state`` when given: all in one transaction, so a failure (the disk full) leaves
        neither a draft without its outbox entry nor an entry without its draft."""
        local = copy.copy(proposal)
        local.partner = proposal.partner or UNKNOWN_PARTNER
        with self._write() as conn:
            if rows.proposal_row(conn, proposal.id) is not None:
                current = self.get_proposal(proposal.id, with_changes=False)
                self.update_draft(local, expected_version=current.version)
            else:
                self.create_draft(local)
                state = state or "local"
            if state is not None:
                self.mark(proposal.id, state, error=error)

    def load(self, proposal_id: str) -> Proposal:
        return self.get_proposal(proposal_id)

    def mark(self, proposal_id: str, state: str, server_version: Optional[int] = None,
             error: Optional[str] = None) -> None:
        if state not in STATES:
            raise ValueError(state)
        with self._write() as conn:
            conn.execute("INSERT INTO outbox (proposal_id, state, server_version, last_error, updated_at) "
                         "VALUES (?, ?, ?, ?, ?) ON CONFLICT (proposal_id) DO UPDATE SET "
                         "state = excluded.state, "
                         "server_version = coalesce(excluded.server_version, outbox.server_version), "
                         "last_error = excluded.last_error, updated_at = excluded.updated_at",
                         (proposal_id, state, server_version, error, rows.format_time(utc_now())))

    def pending(self) -> list:
        """[(proposal_id, state)] of the drafts not yet synced, oldest first."""
        with self._read() as conn:
            return [tuple(r) for r in conn.execute(
                "SELECT proposal_id, state FROM outbox WHERE state <> 'synced' ORDER BY updated_at")]

    def entries(self) -> list:
        """[(proposal_id, state, server_version, last_error)] of every draft kept here."""
        with self._read() as conn:
            return [tuple(r) for r in conn.execute(
                "SELECT proposal_id, state, server_version, last_error FROM outbox ORDER BY updated_at")]
