"""PostgreSQL errors → the core's StoreError / PermissionDenied / ConcurrentUpdate.

The database's own refusals (sql/postgres/) use custom SQLSTATEs and carry the stable
code in DETAIL: GG403 → PermissionDenied, GG404 → not found, GG409 → ConcurrentUpdate,
GG422 → an invalid request. The rest are PostgreSQL's: 42501 (no privilege, or a
row-level security WITH CHECK), 40001/40P01 (serialization failure, deadlock: someone
else was first), 55P03 (a lock not granted within the session's lock_timeout: another
session holds it → store.busy), 23xxx/22xxx (values the schema refuses).
"""

from __future__ import annotations

import json
import re

import psycopg2

from ....errors import ConcurrentUpdate, PermissionDenied, StoreError

CONCURRENT_SQLSTATES = ("40001", "40P01")
LOCK_NOT_AVAILABLE = "55P03"


_AUTH_FAILURE = re.compile(r"authenti|no password supplied|mot de passe|password|pg_hba\.conf|"
                           r"role \"[^\"]*\" does not exist|le r[ôo]le", re.IGNORECASE)


def _code(detail, default: str) -> str:
    return detail if detail and detail.startswith("store.") and " " not in detail else default


def _params(hint) -> dict:
    """The values our refusals put in HINT as a JSON object (the UI's sentence uses them)."""
    if not hint or not hint.startswith("{"):
        return {}
    try:
        params = json.loads(hint)
    except ValueError:
        return {}
    return {str(k): v for k, v in params.items()} if isinstance(params, dict) else {}


def store_error(error: psycopg2.Error) -> StoreError:
    """The StoreError for a psycopg2 error (the original is kept as ``__cause__`` by the caller)."""
    pgcode = getattr(error, "pgcode", None)
    diag = getattr(error, "diag", None)
    message = (diag.message_primary if diag is not None else None) or str(error).strip()
    detail = diag.message_detail if diag is not None else None
    params = _params(diag.message_hint if diag is not None else None)
    if pgcode is None and isinstance(error, (psycopg2.OperationalError, psycopg2.InterfaceError)):
        # libpq reports a refused login as a plain OperationalError, like an unreachable
        # server: told apart by its text (English or French server messages), or a wrong
        # password would look like "offline, draft kept for later" forever.
        if _AUTH_FAILURE.search(message):
            return PermissionDenied(f"the proposal database refused the login: {message}",
                                    code="store.auth")
        return StoreError(f"the proposal database cannot be reached: {message}", code="store.offline")
    if pgcode == "GG403":
        return PermissionDenied(message, code=_code(detail, "store.permission"), **params)
    if pgcode == "GG404":
        return StoreError(message, code="store.not_found", **params)
    if pgcode == "GG409":
        return ConcurrentUpdate(message, code=_code(detail, "store.concurrent"), **params)
    if pgcode == "GG422":
        return StoreError(message, code=_code(detail, "store"), **params)
    if pgcode == LOCK_NOT_AVAILABLE:
        return ConcurrentUpdate(f"the proposal store is busy, another session holds what this one needs: "
                                f"{message}", code="store.busy")
    if pgcode in CONCURRENT_SQLSTATES:
        return ConcurrentUpdate(f"someone else changed the same proposal at the same moment: {message}")
    if pgcode == "42501":
        # Privilege missing, or a row-level security WITH CHECK failed: either way the
        # database refused this login.
        return PermissionDenied(f"the database refused this login: {message}", code="store.permission")
    if pgcode == "23505":
        return StoreError(f"already exists: {message}", code="store.duplicate")
    if pgcode and pgcode[:2] in ("22", "23"):
        return StoreError(f"a value the database refused: {message}", code="store.bad_value")
    if pgcode and pgcode[:2] in ("08", "57"):
        return StoreError(f"the proposal database connection failed: {message}", code="store.offline")
    return StoreError(f"database error {pgcode}: {message}", code="store.database", sqlstate=pgcode)
