"""The proposer's side of the proposal store, for QGIS: plugin/workflow/proposing.py with
the store the settings name (store_factory) and this profile's outbox.

Every function here opens the store, works and closes it: call them from a QgsTask
(tasks.run_task). Stores come from the settings (store_factory): the GeoPackage store
with the identity typed in the settings (no access control), or the PostgreSQL store
with the authcfg's login — and, for proposing, a local **outbox** GeoPackage on this
computer, so a draft is kept even when the database cannot be reached and is sent later
(:func:`send_outbox`).
"""

from __future__ import annotations

import os
from typing import Optional

from ..errors import StoreError
from ..proposals.model import Proposal
from ..proposals.rules import EDITABLE  # noqa: F401  (re-exported: the panels' import)
from ..workflow import proposing, session
from ..workflow.proposing import LocalDraft, MyProposals, Outcome, save_draft  # noqa: F401
from ..workflow.session import OFFLINE, Who, outbox_state  # noqa: F401
from .propose import Prepared, ProposeSource, prepare
from .store_factory import open_store

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


def opener(settings, outbox_path: Optional[str]):
    """The store opener of the workflow: the settings' store, to write, with the outbox."""
    return lambda: open_store(settings, create=True, outbox_path=outbox_path)


def identity_of(store, settings, convention) -> tuple:
    """(Identity, offline) of the user in ``store`` (workflow.session.identity_of)."""
    return session.identity_of(store, Who.of(settings), convention)


def settings_identity(settings, convention):
    """The identity the settings declare (used when no store can be opened)."""
    return session.settings_identity(Who.of(settings), convention)


def proposal_from(prepared: Prepared, title: str, comment: str, proposal_id: str = "") -> Proposal:
    identity = prepared.identity
    return Proposal(id=proposal_id or None, dataset=prepared.source.dataset_id, target=prepared.source.target,
                    author=identity.login, partner=identity.partner or "", title=title, comment=comment,
                    changeset=prepared.changeset, validation=list(prepared.problems),
                    communes=list(prepared.placement.communes), departements=list(prepared.departements),
                    unplaced=prepared.placement.unplaced, outside=len(prepared.placement.outside))


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
    return proposing.prepare_and_save(
        opener(settings, outbox_path), Who.of(settings), convention,
        lambda identity: prepare(source, convention, identity, **options),
        lambda prepared: proposal_from(prepared, title, comment), source.proposal_id)


def update_and_submit(settings, outbox_path: Optional[str], proposal: Proposal, submit: bool) -> Outcome:
    """Save the draft's title and comment (and change set); then submit it if asked.
    Offline (PostgreSQL), the submission is queued in the outbox."""
    return proposing.update_and_submit(opener(settings, outbox_path), proposal, submit)


def send_outbox(settings, outbox_path: Optional[str]) -> Outcome:
    """Upload the drafts kept locally (and submit the queued ones)."""
    return proposing.send_outbox(opener(settings, outbox_path))


def list_mine(settings, outbox_path: Optional[str], convention=None) -> MyProposals:
    return proposing.list_mine(opener(settings, outbox_path), Who.of(settings), convention)


def proposal_details(settings, outbox_path: Optional[str], proposal_id: str) -> Proposal:
    """One of my proposals with its change set, reviews and comments (the outbox's copy
    when the database cannot be reached)."""
    return proposing.proposal_details(opener(settings, outbox_path), proposal_id)


def withdraw(settings, outbox_path: Optional[str], proposal_id: str, version: Optional[int]) -> Outcome:
    return proposing.withdraw(opener(settings, outbox_path), proposal_id, version)


def resubmit(settings, outbox_path: Optional[str], proposal_id: str, version: Optional[int]) -> Outcome:
    """Submit a draft again, or a proposal whose changes were requested, as it is now."""
    return proposing.resubmit(opener(settings, outbox_path), proposal_id, version)
