"""The reviewer's and the applier's side of the proposal store (the Review dock's work).

Every function opens the configured store, works and closes it: call them from a QgsTask
(tasks.run_task), never from the GUI thread. They take plain settings and ids, and return
plain data the dock shows in its ``on_done``:

- :func:`load_queue` — the proposals the current identity may act on (a scope, a status,
  a dataset); :func:`load_detail` — one proposal with its approvals, whether my decision
  is still needed, and (in conflict) the conflicts of its last apply attempt;
  :func:`open_detail` — the same with the proposal's map diff layers, built in the task;
- :func:`decide` / :func:`decide_many` — approve, reject, request changes, with the
  version the user saw (a concurrent decision ends in the store's ConcurrentUpdate);
  bulk decisions go one by one and report each refusal with the store's reason;
- :func:`apply_approved` — plugin/publishing's apply with the right transport: QGIS's
  network stack with the authcfg of the layer or of the matching service connection for
  a WFS target, a psycopg2 connection with the authcfg's credentials for PostGIS; then
  the result goes to the store (record_result: audit, applied / conflict);
- :func:`rebase_with_choices` — the conflict dialog's choices → a rebased proposal;
- :func:`export_changelog_file` — the dataset's "journal des modifications".
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Optional

from ..errors import ApplyError, GeoGovError
from ..proposals.model import Proposal
from ..publishing import changelog as changelog_export
from ..publishing.apply import apply_proposal, retry_catalogue_update
from ..publishing.record_update import catalogue_record
from ..workflow import reviewing
from ..workflow.reviewing import (  # noqa: F401  (re-exported: the panels' and algorithms' imports)
    ApplyOutcome,
    BulkOutcome,
    Detail,
    Queue,
    check_may_apply,
    check_target,
    recorded_conflicts,
    steward_partners,
)
from ..workflow.session import Who
from .i18n import tr
from .store_factory import open_store, postgres_dsn


def opener(settings):
    """The store opener of the workflow: the settings' store, to write."""
    return lambda: open_store(settings, create=True)


# ---------------------------------------------------------------------------- queue
def load_queue(settings, scope: str = reviewing.TO_REVIEW, status: Optional[str] = None,
               dataset: Optional[str] = None, convention=None) -> Queue:
    return reviewing.load_queue(opener(settings), Who.of(settings), scope, status, dataset, convention)


def load_detail(settings, proposal_id: str, convention=None) -> Detail:
    return reviewing.load_detail(opener(settings), Who.of(settings), proposal_id, convention)


@dataclass
class Opened:
    """What the Review dock's detail task hands over: the proposal's page and its map diff."""

    detail: Detail
    map_diff: object = None             # diff_layers.MapDiff, its layers owned by the main thread
    map_error: Optional[GeoGovError] = None


def open_detail(settings, proposal_id: str, convention=None, with_map: bool = True,
                timings: Optional[dict] = None) -> Opened:
    """load_detail, then (``with_map``) the proposal's map diff layers, built here — in the
    detail task's thread rather than the main one (100 000 changes: seconds of QGIS
    frozen). The memory layers are made and filled before any project or canvas knows
    them, then handed to the main thread (moveToThread, as QGIS's Processing does with
    the layers its algorithms make in a task); the main thread only adds them to the
    project. A change set the map cannot show (no geometry, a style that cannot load)
    comes back as ``map_error``, beside the page. ``timings``: a dict to receive the
    seconds of each part ("read", "map diff"), for the benchmarks."""
    started = time.perf_counter()
    opened = Opened(load_detail(settings, proposal_id, convention))
    if timings is not None:
        timings["read"] = time.perf_counter() - started
    proposal = opened.detail.proposal
    if with_map and proposal.changeset is not None:
        from qgis.PyQt.QtCore import QCoreApplication

        from .diff_layers import build_map_diff

        try:
            diff = build_map_diff(proposal.changeset, proposal.title or proposal.id, settings)
        except GeoGovError as error:
            opened.map_error = error
        else:
            main = QCoreApplication.instance().thread()
            for layer in diff.layers:
                layer.moveToThread(main)
            opened.map_diff = diff
        if timings is not None:
            timings["map diff"] = time.perf_counter() - started - timings["read"]
    return opened


# ---------------------------------------------------------------------------- decisions
def decide(settings, proposal_id: str, decision: str, comment: str = "",
           expected_version: Optional[int] = None) -> Proposal:
    return reviewing.decide(opener(settings), proposal_id, decision, comment, expected_version)


def decide_many(settings, items, decision: str, comment: str = "", progress=None,
                is_cancelled=None) -> BulkOutcome:
    """Decide each of ``items`` ((id, version, title) triples) in turn; one refusal does not
    stop the others. Cancelling stops before the next proposal."""
    return reviewing.decide_many(opener(settings), items, decision, comment, progress, is_cancelled)


def add_comment(settings, proposal_id: str, body: str):
    return reviewing.add_comment(opener(settings), proposal_id, body)


# ---------------------------------------------------------------------------- apply
def _url_key(url: str) -> str:
    return (url or "").split("?", 1)[0].rstrip("/").lower()


def target_authcfg(target, settings) -> str:
    """The authcfg of the target (its layer's), else of the service connection at its URL."""
    if target.authcfg:
        return target.authcfg
    for connection in getattr(settings, "services", []) or []:
        if _url_key(connection.url) == _url_key(target.uri) and connection.authcfg:
            return connection.authcfg
    return ""


def wfs_transport(target, settings, feedback=None):
    """The transport of a WFS-T or OGC API Features target, with its authcfg."""
    from .network import QgisTransport

    return QgisTransport(target_authcfg(target, settings), feedback)


def catalogue_authcfg(record, settings) -> str:
    """Who writes to the dataset's record: the GeoGov catalogue connection at that address
    (its authcfg, else the convention's). A catalogue the user has no connection to gets
    no credentials: a convention must not be able to send an authcfg of this computer
    (a database's, say) to an address of its choosing."""
    for connection in getattr(settings, "catalogues", []) or []:
        if _url_key(connection.url) == _url_key(record.catalogue):
            return connection.authcfg or record.authcfg
    return ""


def catalogue_transport(record, settings, feedback=None):
    from .network import QgisTransport

    return QgisTransport(catalogue_authcfg(record, settings), feedback)


def sql_connection(target, settings):
    """An open connection for a PostGIS target (credentials from the authcfg); None for
    a GeoPackage (the apply opens the file itself)."""
    if target.kind != "postgis":
        return None
    import psycopg2

    try:
        return psycopg2.connect(postgres_dsn(target.uri, target_authcfg(target, settings)),
                                connect_timeout=max(1, int(getattr(settings, "timeout", 30))))
    except psycopg2.OperationalError as exc:
        raise ApplyError(f"Cannot connect to the database: {' '.join(str(exc).split())}",
                         code="apply.connect", source=target.uri) from None


def publisher(settings, convention, progress=None, is_cancelled=None):
    """``publish(proposal)`` for workflow.reviewing.apply_approved: plugin/publishing's apply
    with the transports of the proposal's target (checked by then: the convention's) and
    of the dataset's catalogue record."""
    def publish(proposal):
        target = proposal.target
        record = catalogue_record(convention, proposal.dataset)
        connection = sql_connection(target, settings)
        try:
            kwargs = {"progress": progress, "is_cancelled": is_cancelled}
            if target.kind in ("wfs", "oapif"):
                kwargs["transport"] = wfs_transport(target, settings)
            elif connection is not None:
                kwargs["connection"] = connection
            if record is not None:
                kwargs["record"] = record
                kwargs["catalogue_transport"] = catalogue_transport(record, settings)
            return apply_proposal(proposal, **kwargs)
        finally:
            if connection is not None:
                connection.close()
    return publish


def apply_approved(settings, proposal_id: str, expected_version: Optional[int] = None,
                   convention=None, progress=None, is_cancelled=None) -> ApplyOutcome:
    """Publish an approved proposal to its target, then record the result in the store."""
    return reviewing.apply_approved(opener(settings), Who.of(settings), proposal_id,
                                    publisher(settings, convention, progress, is_cancelled),
                                    expected_version, convention)


def retry_catalogue(settings, proposal_id: str, convention=None, is_cancelled=None
                    ) -> ApplyOutcome:
    """Update the catalogue record of an applied proposal whose record was not updated
    (plugin/publishing/record_update.py), recorded as a new apply attempt."""
    def retry(store, proposal, record):
        return retry_catalogue_update(store, proposal, record, catalogue_transport(record, settings),
                                      is_cancelled=is_cancelled)
    return reviewing.retry_catalogue(opener(settings), Who.of(settings), proposal_id, retry, convention)


def rebase_with_choices(settings, proposal_id: str, expected_version: Optional[int], conflicts,
                        choices, comment: str = "") -> Proposal:
    """The proposal rebased on the current data with the steward's choices; it goes back to
    review (approvals again)."""
    return reviewing.rebase_with_choices(opener(settings), proposal_id, expected_version, conflicts, choices,
                                         comment)


# ---------------------------------------------------------------------------- changelog
@dataclass
class ChangelogExport:
    path: str
    format: str
    proposals: int


def export_changelog_file(settings, dataset: Optional[str], path: str, fmt: str = "",
                          dataset_title: str = "", convention=None) -> ChangelogExport:
    from .changelog_page import page_options

    store = open_store(settings, create=True)
    try:
        entries = store.changelog(dataset, with_changes=True)
    finally:
        store.close()
    written = changelog_export.export_changelog(entries, path, fmt, dataset_title=dataset_title, tr=tr,
                                                **page_options(convention))
    return ChangelogExport(path, written, len(entries))
