"""The apply engine's entry points: publish an approved proposal to its target.

    result = apply_proposal(proposal, transport=transport)          # WFS-T / OAPIF target
    result = apply_proposal(proposal, connection=psycopg2_conn)     # PostGIS target
    record_result(store, proposal, result)                           # audit + status

Whatever the target, an apply validates the change set against the target's real schema,
refuses to write over anyone's newer edit (a conflict: nothing written), writes, checks
the written data is the proposal's new state, and undoes everything of the proposal if any
part was refused (WFS: by compensating actions from the base state; SQL: one transaction
rolled back). A retry after an unknown outcome applies nothing twice: each change is
classified against the data as it is (already there / still to do / conflict).

The returned :class:`~.result.ApplyResult` lists every step; the caller writes it to the
audit trail (:func:`record_result`). Errors met before anything was sent (unreachable
service, a service exception, a missing table) are raised as the core's exceptions;
after the first write they are folded into the result (status ``unknown``).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from typing import Callable, Optional

from ..errors import ApplyError, Cancelled, NetworkError
from ..proposals.model import APPLIED as PROPOSAL_APPLIED
from ..proposals.model import ChangeSet, Proposal, Target
from ..proposals.stores.base import with_changeset
from . import result as outcomes
from .gpkg_table import GeoPackageTable
from .oapif_apply import OapifApply
from .oapif_client import OapifClient
from .postgis_table import PostgisTable
from .result import INVALID, REFUSED, ApplyResult, utc_now
from .sql_apply import SqlApply
from .wfs_apply import WfsApply, WfsOptions
from .wfs_client import WfsClient

_PASSWORD = (re.compile(r"(password\s*=\s*)('[^']*'|\S+)", re.IGNORECASE),
             re.compile(r"(://[^:/@]+:)([^@]*)(@)"))


def safe_uri(uri: str) -> str:
    """``uri`` without any password (it goes to the audit trail)."""
    uri = _PASSWORD[0].sub(r"\1***", uri or "")
    return _PASSWORD[1].sub(r"\1***\3", uri)


def _never() -> bool:
    return False


def _ignore(_fraction: float) -> None:
    return None


def apply_changeset(changeset: ChangeSet, target: Target, *, transport=None, connection=None,
                    proposal_id: Optional[str] = None, options: Optional[WfsOptions] = None,
                    resume: bool = False, progress: Optional[Callable[[float], None]] = None,
                    is_cancelled: Optional[Callable[[], bool]] = None) -> ApplyResult:
    """Apply ``changeset`` to ``target`` (kind ``wfs``, ``oapif``, ``postgis`` or ``gpkg``).

    ``transport``: a core Transport for WFS and OGC API Features targets (the bridge passes its QGIS transport
    with the connection's authcfg; default: requests). ``connection``: an open psycopg2 /
    sqlite3 connection for SQL targets (default: opened from ``target.uri`` and closed).
    ``resume``: a previous attempt's outcome was unknown — also look for inserts with
    server-assigned keys it may have written (found by content).
    """
    progress = progress or _ignore
    is_cancelled = is_cancelled or _never
    result = ApplyResult(target={"kind": target.kind, "uri": safe_uri(target.uri),
                                 "layer": target.layer, "version": target.version},
                         proposal_id=proposal_id, started_at=utc_now().isoformat())
    if is_cancelled():
        raise Cancelled("Cancelled before the apply started")
    try:
        if target.kind == "wfs":
            if transport is None:
                from ..transport import RequestsTransport

                transport = RequestsTransport()
            opts = options or WfsOptions()
            opts.resume = opts.resume or resume
            client = WfsClient(target.uri, target.layer, transport=transport,
                               version=target.version or "1.1.0", timeout=opts.timeout)
            try:
                return WfsApply(changeset, client, result, opts, progress, is_cancelled).run()
            except NetworkError as exc:
                if not any(s.name == "transaction" for s in result.steps):
                    raise
                # Written, then the connection failed (verification, undo): unknown.
                result.status = outcomes.UNKNOWN
                result.error = {"code": exc.code, "message": exc.message, "params": exc.params}
                return result
        if target.kind == "oapif":
            if transport is None:
                from ..transport import RequestsTransport

                transport = RequestsTransport()
            timeout = (options or WfsOptions()).timeout
            client = OapifClient(target.uri, target.layer, transport=transport, timeout=timeout)
            try:
                return OapifApply(changeset, client, result, progress, is_cancelled).run()
            except NetworkError as exc:
                if not any(s.name == "write" for s in result.steps):
                    raise
                # Written, then the connection failed (verification, undo): unknown.
                result.status = outcomes.UNKNOWN
                result.error = {"code": exc.code, "message": exc.message, "params": exc.params}
                return result
        if target.kind in ("postgis", "gpkg"):
            own = connection is None
            if own:
                connection = _connect(target)
            try:
                table = (PostgisTable(connection, target.layer) if target.kind == "postgis"
                         else GeoPackageTable(connection, target.layer))
                return SqlApply(changeset, table, result, progress, is_cancelled).run()
            finally:
                if own:
                    connection.close()
        raise ApplyError(f"Unknown target kind {target.kind!r}", code="apply.target_kind",
                         kind=target.kind)
    finally:
        result.finished_at = utc_now().isoformat()


def _connect(target: Target):
    if target.kind == "gpkg":
        # isolation_level None: the apply issues BEGIN IMMEDIATE / COMMIT itself.
        return sqlite3.connect(target.uri, isolation_level=None, timeout=30)
    import psycopg2

    try:
        return psycopg2.connect(target.uri)
    except psycopg2.OperationalError as exc:
        raise ApplyError(f"Cannot connect to the database: {' '.join(str(exc).split())}",
                         code="apply.connect", source=safe_uri(target.uri)) from None


def apply_proposal(proposal: Proposal, *, record=None, catalogue_transport=None,
                   moment: Optional[dt.datetime] = None, **kwargs) -> ApplyResult:
    """apply_changeset for a proposal; an earlier attempt with an unknown outcome (in
    ``proposal.apply_attempts``) turns on ``resume``. ``record`` (the dataset's
    CatalogueRecord, from the convention) adds the catalogue update step once the data is
    applied, through ``catalogue_transport``."""
    if proposal.changeset is None or not proposal.changes_loaded:
        # Not loaded: a transition's answer (proposals/stores/base.py) carries no changes to apply.
        raise ApplyError("The proposal has no change set", code="apply.no_changeset")
    resume = kwargs.pop("resume", False) or any(
        getattr(a, "result", "") == "unknown" for a in proposal.apply_attempts)
    result = apply_changeset(proposal.changeset, proposal.target, proposal_id=proposal.id,
                             resume=resume, **kwargs)
    if record is not None and result.ok:
        update_catalogue(result, record, catalogue_transport, moment=moment,
                         is_cancelled=kwargs.get("is_cancelled"))
    return result


def update_catalogue(result: ApplyResult, record, transport, *,
                     moment: Optional[dt.datetime] = None, timeout: float = 60.0,
                     is_cancelled: Optional[Callable[[], bool]] = None) -> dict:
    """The catalogue update step (plugin/publishing/record_update.py) of an apply whose
    data is in place: one more step of ``result``, its outcome in ``result.catalogue``.
    A refusal leaves ``result.status`` as it is — the data stays applied."""
    from .record_update import update_record

    if transport is None:
        from ..transport import RequestsTransport

        transport = RequestsTransport()
    moment = moment or utc_now().astimezone()
    step = result.step("catalogue_update", catalogue=record.catalogue, record=record.record)
    try:
        outcome = update_record(record, transport, moment=moment, timeout=timeout,
                                is_cancelled=is_cancelled)
    except Cancelled:
        outcome = {"catalogue": record.catalogue, "record": record.record, "status": "refused",
                   "error": {"code": "cancelled", "message": "Cancelled", "params": {}}}
    result.done(step, status=outcome["status"])
    result.catalogue = outcome
    result.finished_at = utc_now().isoformat()
    return outcome


def retry_catalogue_update(store, proposal: Proposal, record, transport, *,
                           moment: Optional[dt.datetime] = None,
                           is_cancelled: Optional[Callable[[], bool]] = None) -> ApplyResult:
    """Run the catalogue update of an applied proposal again (its data stays as it is)
    and record it as an apply attempt (result ``applied``: the data is). Returns the
    attempt's ApplyResult (status ``already_applied``)."""
    if proposal.status != PROPOSAL_APPLIED:
        raise ApplyError(f"a {proposal.status} proposal has no applied data to describe",
                         code="apply.catalogue_not_applied", status=proposal.status)
    result = ApplyResult(status=outcomes.ALREADY_APPLIED, proposal_id=proposal.id,
                         target={"kind": proposal.target.kind,
                                 "uri": safe_uri(proposal.target.uri),
                                 "layer": proposal.target.layer,
                                 "version": proposal.target.version},
                         started_at=utc_now().isoformat())
    update_catalogue(result, record, transport, moment=moment, is_cancelled=is_cancelled)
    details = result.to_dict()
    details["retry"] = "catalogue"
    store.record_apply_attempt(proposal.id, result.store_result, details)
    return result


def record_result(store, proposal: Proposal, result: ApplyResult,
                  expected_version: Optional[int] = None) -> Proposal:
    """Write the attempt to the store's audit trail, then move the proposal to
    ``applied`` or ``conflict`` when the result says so — or back to its author when the
    target refuses what was approved (its schema, or its answers: nothing stayed written),
    so an approved proposal is never left with no way forward. Returns the proposal as
    stored, with the change set it was applied from (``proposal``'s: an approved proposal's
    changes cannot change, and the store's transitions return none)."""
    store.record_apply_attempt(proposal.id, result.store_result, result.to_dict())
    details = {"status": result.status, "message": result.message()}
    if result.catalogue:
        details["catalogue"] = result.catalogue.get("status")
    if result.proposal_status == "applied":
        stored = store.mark_applied(proposal.id, expected_version, details=details)
    elif result.proposal_status == "conflict":
        details["conflicts"] = [c.to_dict() for c in result.conflicts]
        stored = store.mark_conflict(proposal.id, expected_version, details=details)
    elif result.status in (INVALID, REFUSED):
        stored = store.send_back(proposal.id, result.message() or result.status, expected_version)
    else:
        stored = store.get_proposal(proposal.id, with_changes=False)
    return with_changeset(stored, proposal)
