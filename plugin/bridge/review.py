"""The reviewer's and the applier's side of the proposal store (the Review dock's work).

Every function opens the configured store, works and closes it: call them from a QgsTask
(tasks.run_task), never from the GUI thread. They take plain settings and ids, and return
plain data the dock shows in its ``on_done``:

- :func:`load_queue` — the proposals the current identity may act on (a scope, a status,
  a dataset); :func:`load_detail` — one proposal with its approvals, whether my decision
  is still needed, and (in conflict) the conflicts of its last apply attempt;
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

from dataclasses import dataclass, field
from typing import Optional

from ..errors import ApplyError, ConcurrentUpdate, PermissionDenied, StoreError
from ..proposals import rules
from ..proposals.model import APPROVED, CONFLICT, SUBMITTED, Proposal
from ..proposals.store import TO_REVIEW, Identity
from ..publishing import changelog as changelog_export
from ..publishing.apply import apply_proposal, record_result, retry_catalogue_update
from ..publishing.conflicts import conflicts_from_dicts, rebase
from ..publishing.record_update import catalogue_record
from ..publishing.result import ApplyResult
from .i18n import tr
from .propose_store import identity_of
from .store_factory import open_store, postgres_dsn


# ---------------------------------------------------------------------------- queue
@dataclass
class Queue:
    identity: Identity
    summaries: list = field(default_factory=list)     # ProposalSummary, newest first
    store_kind: str = ""
    scope: str = TO_REVIEW
    status: Optional[str] = None
    dataset: Optional[str] = None


def load_queue(settings, scope: str = TO_REVIEW, status: Optional[str] = None,
               dataset: Optional[str] = None, convention=None) -> Queue:
    store = open_store(settings, create=True)
    try:
        identity, _offline = identity_of(store, settings, convention)
        return Queue(identity, store.list_proposals(scope, status=status, dataset=dataset),
                     store.kind, scope, status, dataset)
    finally:
        store.close()


# ---------------------------------------------------------------------------- detail
@dataclass
class Detail:
    proposal: Proposal
    identity: Identity
    approvals: dict = field(default_factory=dict)     # {role: given} of the current round
    awaiting_me: bool = False                         # my decision is still needed
    conflicts: list = field(default_factory=list)     # Conflict, when the proposal is in conflict
    store_kind: str = ""


def load_detail(settings, proposal_id: str, convention=None) -> Detail:
    store = open_store(settings, create=True)
    try:
        identity, _offline = identity_of(store, settings, convention)
        proposal = store.get_proposal(proposal_id)
        detail = Detail(proposal, identity, store.approvals_needed(proposal_id), store_kind=store.kind)
        if proposal.status == SUBMITTED and proposal.author != identity.login:
            waiting = store.list_proposals(TO_REVIEW, status=SUBMITTED, dataset=proposal.dataset)
            detail.awaiting_me = any(s.id == proposal.id for s in waiting)
        if proposal.status == CONFLICT:
            detail.conflicts = recorded_conflicts(proposal)
        return detail
    finally:
        store.close()


# ---------------------------------------------------------------------------- decisions
def decide(settings, proposal_id: str, decision: str, comment: str = "",
           expected_version: Optional[int] = None) -> Proposal:
    store = open_store(settings, create=True)
    try:
        return store.review(proposal_id, decision, comment, expected_version=expected_version)
    finally:
        store.close()


@dataclass
class BulkOutcome:
    decision: str
    done: list = field(default_factory=list)      # (id, title, Proposal as stored)
    failed: list = field(default_factory=list)    # (id, title, error)


def decide_many(settings, items, decision: str, comment: str = "", progress=None,
                is_cancelled=None) -> BulkOutcome:
    """Decide each of ``items`` ((id, version, title) triples) in turn; one refusal does not
    stop the others. Cancelling stops before the next proposal."""
    outcome = BulkOutcome(decision)
    items = list(items)
    store = open_store(settings, create=True)
    try:
        for index, (proposal_id, version, title) in enumerate(items):
            if is_cancelled is not None and is_cancelled():
                break
            try:
                stored = store.review(proposal_id, decision, comment, expected_version=version)
                outcome.done.append((proposal_id, title, stored))
            except StoreError as error:
                outcome.failed.append((proposal_id, title, error))
            if progress is not None:
                progress((index + 1) / len(items))
        return outcome
    finally:
        store.close()


def add_comment(settings, proposal_id: str, body: str):
    store = open_store(settings, create=True)
    try:
        return store.add_comment(proposal_id, body)
    finally:
        store.close()


# ---------------------------------------------------------------------------- apply
@dataclass
class ApplyOutcome:
    result: ApplyResult
    proposal: Optional[Proposal] = None           # as stored after the result was recorded
    record_error: Optional[StoreError] = None     # the store refused to record the result
    conflicts: list = field(default_factory=list)


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


def steward_partners(convention, proposal) -> Optional[list]:
    """The steward partners the store routed the proposal to at submit; for a proposal the
    store holds none for, the convention's rule over its places (None: no convention)."""
    if proposal.stewards:
        return list(proposal.stewards)
    if convention is None or proposal.dataset not in convention.datasets:
        return None
    return [p.id for p in convention.stewards_for(proposal.dataset, proposal.communes,
                                                  bool(proposal.unplaced))]


def check_may_apply(proposal, identity: Identity, convention=None,
                    expected_version: Optional[int] = None) -> None:
    """Refuse before writing anything what the store would refuse to record afterwards, and
    any target the convention does not name for the dataset (governance/targets.py): the
    applier's credentials go to the convention's target or nowhere."""
    check_target(proposal, convention)
    if expected_version is not None and proposal.version != expected_version:
        raise ConcurrentUpdate("the proposal changed meanwhile", proposal=proposal.id,
                               version=proposal.version, seen=expected_version, by="")
    if proposal.status != APPROVED:
        raise StoreError(f"a {proposal.status} proposal cannot be applied", code="apply.not_approved",
                         status=proposal.status)
    stewards = steward_partners(convention, proposal)
    allowed = (rules.may_apply(identity.partner, identity.roles, stewards) if stewards is not None
               else bool({"steward", "coordinator"} & set(identity.roles)))
    if not allowed:
        raise PermissionDenied("only a steward of the dataset or a coordinator may do this",
                               code="store.not_applier")


def check_target(proposal, convention) -> None:
    from ..errors import ApplyError
    from ..governance.targets import target_allowed

    if convention is None:
        raise ApplyError("no partnership convention is loaded: where the dataset is published cannot "
                         "be checked", code="apply.no_convention")
    dataset = convention.datasets.get(proposal.dataset)
    declared = getattr(dataset, "target", None)
    if declared is None:
        raise ApplyError(f"the convention names no target for dataset {proposal.dataset}",
                         code="apply.no_target", dataset=proposal.dataset)
    target = proposal.target
    if not target_allowed(declared, target.kind, target.uri, target.layer):
        raise ApplyError(f"{target.kind} {target.layer} at {target.uri} is not where the convention "
                         f"publishes {proposal.dataset}", code="apply.wrong_target",
                         dataset=proposal.dataset, layer=target.layer, uri=target.uri)


def apply_approved(settings, proposal_id: str, expected_version: Optional[int] = None,
                   convention=None, progress=None, is_cancelled=None) -> ApplyOutcome:
    """Publish an approved proposal to its target, then record the result in the store."""
    store = open_store(settings, create=True)
    try:
        identity, _offline = identity_of(store, settings, convention)
        proposal = store.get_proposal(proposal_id)
        check_may_apply(proposal, identity, convention, expected_version)
        target = proposal.target            # the convention's, check_may_apply made sure
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
            result = apply_proposal(proposal, **kwargs)
        finally:
            if connection is not None:
                connection.close()
        outcome = ApplyOutcome(result, conflicts=list(result.conflicts))
        try:
            outcome.proposal = record_result(store, proposal, result, proposal.version)
        except StoreError as error:
            outcome.record_error = error
        return outcome
    finally:
        store.close()


def retry_catalogue(settings, proposal_id: str, convention=None, is_cancelled=None
                    ) -> ApplyOutcome:
    """Update the catalogue record of an applied proposal whose record was not updated
    (plugin/publishing/record_update.py), recorded as a new apply attempt."""
    store = open_store(settings, create=True)
    try:
        identity, _offline = identity_of(store, settings, convention)
        proposal = store.get_proposal(proposal_id)
        record = catalogue_record(convention, proposal.dataset)
        if record is None:
            raise ApplyError("The convention names no catalogue record for this dataset",
                             code="apply.no_catalogue_record", dataset=proposal.dataset)
        stewards = steward_partners(convention, proposal)
        if stewards is not None and not rules.may_apply(identity.partner, identity.roles, stewards):
            raise PermissionDenied("only a steward of the dataset or a coordinator may do this",
                                   code="store.not_applier")
        result = retry_catalogue_update(store, proposal, record,
                                        catalogue_transport(record, settings),
                                        is_cancelled=is_cancelled)
        return ApplyOutcome(result, proposal=store.get_proposal(proposal_id))
    finally:
        store.close()


# ---------------------------------------------------------------------------- conflicts
def recorded_conflicts(proposal) -> list:
    """The conflicts of the proposal's last apply attempt that found some."""
    if proposal.changeset is None:
        return []
    for attempt in reversed(proposal.apply_attempts or []):
        details = attempt.details or {}
        if attempt.result != "conflict" or not details.get("conflicts"):
            continue
        return conflicts_from_dicts(proposal.changeset, details["conflicts"])
    return []


def rebase_with_choices(settings, proposal_id: str, expected_version: Optional[int], conflicts,
                        choices, comment: str = "") -> Proposal:
    """The proposal rebased on the current data with the steward's choices; it goes back to
    review (approvals again)."""
    store = open_store(settings, create=True)
    try:
        proposal = store.get_proposal(proposal_id)
        rebased = rebase(proposal.changeset, conflicts, choices)
        return store.rebase(proposal_id, rebased, expected_version, comment)
    finally:
        store.close()


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
