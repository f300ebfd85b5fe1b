"""The proposer's side of the proposal store: save drafts, submit, list and follow mine.

Every function here opens the store, works and closes it: call them from a QgsTask
(tasks.run_task). Stores come from the settings (store_factory): the GeoPackage store
with the identity typed in the settings (no access control), or the PostgreSQL store
with the authcfg's login — and, for proposing, a local **outbox** GeoPackage on this
computer, so a draft is kept even when the database cannot be reached and is sent later
(:func:`send_outbox`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional

from ..errors import StoreError
from ..proposals.model import CHANGES_REQUESTED, DRAFT, Proposal
from ..proposals.store import MINE, Identity
from .propose import Prepared, ProposeSource, prepare
from .store_factory import open_store

OFFLINE = "store.offline"
EDITABLE = (DRAFT, CHANGES_REQUESTED)
# The store could not take the draft for a reason of its file (the disk full, read-only,
# locked by another writer): the draft stays in the dialog and the layer, to save again.
RETRY_LATER = ("store.disk_full", "store.read_only", "store.locked", "store.busy", "store.unopenable",
               "store.io_error")


def may_retry(error) -> bool:
    """Whether saving again may succeed once the user fixed the condition ``error`` names."""
    return isinstance(error, StoreError) and error.code in RETRY_LATER


def default_outbox_path() -> str:
    """The outbox of this QGIS profile (main thread)."""
    from qgis.core import QgsApplication

    return os.path.join(QgsApplication.qgisSettingsDirPath(), "geogov", "outbox.gpkg")


def identity_of(store, settings, convention) -> tuple:
    """(Identity, offline). PostgreSQL: the database login and its partner, or — offline —
    the login of the DSN with its partner in the convention. GeoPackage: the settings'."""
    try:
        identity = store.identity()
    except StoreError as error:
        if error.code != OFFLINE:
            raise
        login = getattr(store, "login", "") or settings.identity_login
        partner = convention.partner_of_login(login) if convention is not None else None
        return Identity(login=login, partner=partner.id if partner else None), True
    # The database's word is final; a GeoPackage store without the convention synced
    # knows nobody, so the convention names the settings' login's partner.
    if not identity.partner and convention is not None and store.kind != "postgres":
        partner = convention.partner_of_login(identity.login)
        if partner is not None:
            identity.partner = partner.id
            identity.roles = identity.roles or sorted(convention.roles_of_login(identity.login))
    return identity, False


def settings_identity(settings, convention) -> Identity:
    """The identity the settings declare (used when no store can be opened)."""
    login = settings.identity_login
    partner = settings.identity_partner or None
    if not partner and convention is not None and login:
        found = convention.partner_of_login(login)
        partner = found.id if found else None
    return Identity(login=login, partner=partner)


def outbox_state(store, proposal_id: str) -> str:
    """The outbox state of a draft ("local", "submit_pending", "synced"), "" if none."""
    outbox = getattr(store, "outbox", None)
    if outbox is None or not proposal_id:
        return ""
    for entry in outbox.entries():
        if entry[0] == proposal_id:
            return entry[1]
    return ""


def proposal_from(prepared: Prepared, title: str, comment: str, proposal_id: str = "") -> Proposal:
    identity = prepared.identity
    return Proposal(id=proposal_id or None, dataset=prepared.source.dataset_id, target=prepared.source.target,
                    author=identity.login, partner=identity.partner or "", title=title, comment=comment,
                    changeset=prepared.changeset, validation=list(prepared.problems),
                    communes=list(prepared.placement.communes), departements=list(prepared.departements),
                    unplaced=prepared.placement.unplaced, outside=len(prepared.placement.outside))


def save_draft(store, proposal: Proposal, existing_id: str = "") -> Proposal:
    """Create the draft, or update ``existing_id`` when it is still mine to edit."""
    if existing_id:
        try:
            current = store.get_proposal(existing_id, with_changes=False)
        except StoreError as error:
            if error.code == OFFLINE and outbox_state(store, existing_id):
                proposal.id = existing_id
                return store.update_draft(proposal)
            if error.code not in ("store.not_found", OFFLINE):
                raise
            current = None
        if current is not None and current.status in EDITABLE and current.author == proposal.author:
            proposal.id = existing_id
            return store.update_draft(proposal, expected_version=current.version)
    proposal.id = None
    return store.create_draft(proposal)


def prepare_and_save(source: ProposeSource, convention, settings, outbox_path: Optional[str],
                     title: str, comment: str = "", *, excluded=(), computed: Optional[Prepared] = None,
                     progress=None, is_cancelled=None) -> Prepared:
    """For the task of "Propose my changes": compute, validate, and save the draft at once
    (a crash or a lost connection then loses nothing). A store that refuses the draft
    (e.g. outside the partner's territory) leaves ``save_error`` set, not an exception:
    the dialog still shows the changes and the problems.

    ``excluded`` / ``computed`` (propose.prepare): the changes left out are neither checked
    nor saved; with ``computed``, the changes are not computed again (a change was left out
    or taken back in) and the draft is updated with the included ones."""
    options = {"excluded": excluded, "computed": computed, "progress": progress, "is_cancelled": is_cancelled}
    try:
        store = open_store(settings, create=True, outbox_path=outbox_path)
    except StoreError as error:
        prepared = prepare(source, convention, settings_identity(settings, convention), **options)
        prepared.store_kind, prepared.save_error = settings.store_kind, error
        return prepared
    try:
        identity, offline = identity_of(store, settings, convention)
        prepared = prepare(source, convention, identity, **options)
        prepared.store_kind, prepared.offline = store.kind, offline
        if prepared.empty:
            return prepared
        try:
            prepared.proposal = save_draft(store, proposal_from(prepared, title, comment), source.proposal_id)
            prepared.saved_locally = outbox_state(store, prepared.proposal.id) in ("local", "submit_pending")
        except StoreError as error:
            prepared.save_error = error
        return prepared
    finally:
        store.close()


@dataclass
class Outcome:
    """What a save / submit / withdraw did."""

    proposal: Optional[Proposal]
    saved_locally: bool = False     # kept in the outbox only (database unreachable)
    queued: bool = False            # submission queued: sent with the outbox
    results: dict = field(default_factory=dict)   # send_outbox: {id: outcome}


def update_and_submit(settings, outbox_path: Optional[str], proposal: Proposal, submit: bool) -> Outcome:
    """Save the draft's title and comment (and change set); then submit it if asked.
    Offline (PostgreSQL), the submission is queued in the outbox."""
    store = open_store(settings, create=True, outbox_path=outbox_path)
    try:
        stored = save_draft(store, proposal, proposal.id or "")
        if not submit:
            local = outbox_state(store, stored.id) in ("local", "submit_pending")
            return Outcome(stored, saved_locally=local)
        try:
            submitted = store.submit(stored.id, stored.version)
        except StoreError as error:
            if error.code != OFFLINE or not outbox_state(store, stored.id):
                raise
            store.submit_later(stored.id)
            return Outcome(stored, saved_locally=True, queued=True)
        return Outcome(submitted)
    finally:
        store.close()


def send_outbox(settings, outbox_path: Optional[str]) -> Outcome:
    """Upload the drafts kept locally (and submit the queued ones)."""
    store = open_store(settings, create=True, outbox_path=outbox_path)
    try:
        flush = getattr(store, "flush_outbox", None)
        return Outcome(None, results=flush() if flush is not None else {})
    finally:
        store.close()


# ---------------------------------------------------------------------------- mine
@dataclass
class LocalDraft:
    """A draft kept in the outbox and not (yet) in the database."""

    id: str
    title: str
    dataset: str
    state: str                      # local / submit_pending
    error: str = ""


@dataclass
class MyProposals:
    identity: Identity
    summaries: list = field(default_factory=list)     # ProposalSummary, newest first
    local: list = field(default_factory=list)         # LocalDraft
    offline: bool = False
    store_kind: str = ""


def _local_drafts(store) -> list:
    outbox = getattr(store, "outbox", None)
    if outbox is None:
        return []
    out = []
    for proposal_id, state, _version, error in outbox.entries():
        if state == "synced":
            continue
        draft = outbox.load(proposal_id)
        out.append(LocalDraft(proposal_id, draft.title, draft.dataset, state, error or ""))
    return out


def list_mine(settings, outbox_path: Optional[str], convention=None) -> MyProposals:
    store = open_store(settings, create=True, outbox_path=outbox_path)
    try:
        identity, offline = identity_of(store, settings, convention)
        mine = MyProposals(identity, offline=offline, store_kind=store.kind, local=_local_drafts(store))
        if not offline:
            try:
                mine.summaries = store.list_proposals(MINE)
            except StoreError as error:
                if error.code != OFFLINE:
                    raise
                mine.offline = True
        return mine
    finally:
        store.close()


def proposal_details(settings, outbox_path: Optional[str], proposal_id: str) -> Proposal:
    """One of my proposals with its change set, reviews and comments (the outbox's copy
    when the database cannot be reached)."""
    store = open_store(settings, create=True, outbox_path=outbox_path)
    try:
        try:
            return store.get_proposal(proposal_id)
        except StoreError as error:
            # Offline, or not uploaded yet: the copy kept on this computer.
            if error.code in (OFFLINE, "store.not_found") and outbox_state(store, proposal_id):
                return store.outbox.load(proposal_id)
            raise
    finally:
        store.close()


def withdraw(settings, outbox_path: Optional[str], proposal_id: str, version: Optional[int]) -> Outcome:
    store = open_store(settings, create=True, outbox_path=outbox_path)
    try:
        return Outcome(store.withdraw(proposal_id, version))
    finally:
        store.close()


def resubmit(settings, outbox_path: Optional[str], proposal_id: str, version: Optional[int]) -> Outcome:
    """Submit a draft again, or a proposal whose changes were requested, as it is now."""
    store = open_store(settings, create=True, outbox_path=outbox_path)
    try:
        return Outcome(store.submit(proposal_id, version))
    finally:
        store.close()

