"""The proposer's side: save drafts, submit, the outbox, list and follow mine, withdraw.

Every function takes a store opener (session.py): it opens the store, works and closes
it. With PostgreSQL, the opener gives the store its local **outbox** GeoPackage: a draft
is kept on this computer even when the database cannot be reached, and sent later
(:func:`send_outbox`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from ..errors import StoreError
from ..proposals.model import Proposal
from ..proposals.rules import EDITABLE
from ..proposals.stores.base import MINE, Identity
from .session import OFFLINE, Opener, Who, identity_of, opened, outbox_state, settings_identity

KEPT_LOCALLY = ("local", "submit_pending")


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


def prepare_and_save(open_store: Opener, who: Who, convention, prepare: Callable, to_proposal: Callable,
                     existing_id: str = ""):
    """Compute, validate and save the draft at once (a crash or a lost connection then
    loses nothing). ``prepare(identity)`` computes and checks the changes as that identity
    and returns the prepared object (plugin/bridge/propose.Prepared: ``empty``,
    ``store_kind``, ``offline``, ``proposal``, ``saved_locally``, ``save_error``);
    ``to_proposal(prepared)`` the draft to save. A store that cannot be opened, or that
    refuses the draft (e.g. outside the partner's territory), leaves ``save_error`` set,
    not an exception: the dialog still shows the changes and the problems."""
    try:
        store = open_store()
    except StoreError as error:
        prepared = prepare(settings_identity(who, convention))
        prepared.store_kind, prepared.save_error = who.store_kind, error
        return prepared
    try:
        identity, offline = identity_of(store, who, convention)
        prepared = prepare(identity)
        prepared.store_kind, prepared.offline = store.kind, offline
        if prepared.empty:
            return prepared
        try:
            prepared.proposal = save_draft(store, to_proposal(prepared), existing_id)
            prepared.saved_locally = outbox_state(store, prepared.proposal.id) in KEPT_LOCALLY
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


def update_and_submit(open_store: Opener, proposal: Proposal, submit: bool) -> Outcome:
    """Save the draft's title and comment (and change set); then submit it if asked.
    Offline (PostgreSQL), the submission is queued in the outbox."""
    with opened(open_store) as store:
        stored = save_draft(store, proposal, proposal.id or "")
        if not submit:
            return Outcome(stored, saved_locally=outbox_state(store, stored.id) in KEPT_LOCALLY)
        try:
            submitted = store.submit(stored.id, stored.version)
        except StoreError as error:
            if error.code != OFFLINE or not outbox_state(store, stored.id):
                raise
            store.submit_later(stored.id)
            return Outcome(stored, saved_locally=True, queued=True)
        return Outcome(submitted)


def send_outbox(open_store: Opener) -> Outcome:
    """Upload the drafts kept locally (and submit the queued ones)."""
    with opened(open_store) as store:
        flush = getattr(store, "flush_outbox", None)
        return Outcome(None, results=flush() if flush is not None else {})


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


def local_drafts(store) -> list:
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


def list_mine(open_store: Opener, who: Who, convention=None) -> MyProposals:
    with opened(open_store) as store:
        identity, offline = identity_of(store, who, convention)
        mine = MyProposals(identity, offline=offline, store_kind=store.kind, local=local_drafts(store))
        if not offline:
            try:
                mine.summaries = store.list_proposals(MINE)
            except StoreError as error:
                if error.code != OFFLINE:
                    raise
                mine.offline = True
        return mine


def proposal_details(open_store: Opener, proposal_id: str) -> Proposal:
    """One of my proposals with its change set, reviews and comments (the outbox's copy
    when the database cannot be reached)."""
    with opened(open_store) as store:
        try:
            return store.get_proposal(proposal_id)
        except StoreError as error:
            # Offline, or not uploaded yet: the copy kept on this computer.
            if error.code in (OFFLINE, "store.not_found") and outbox_state(store, proposal_id):
                return store.outbox.load(proposal_id)
            raise


def withdraw(open_store: Opener, proposal_id: str, version: Optional[int]) -> Outcome:
    with opened(open_store) as store:
        return Outcome(store.withdraw(proposal_id, version))


def resubmit(open_store: Opener, proposal_id: str, version: Optional[int]) -> Outcome:
    """Submit a draft again, or a proposal whose changes were requested, as it is now."""
    with opened(open_store) as store:
        return Outcome(store.submit(proposal_id, version))
