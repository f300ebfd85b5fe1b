"""Who the user is, and the store a workflow step opens and closes.

An opener is a callable without arguments returning an open proposal store; each step of
the workflow opens it, works and closes it (:func:`opened`), so a step can run in a
worker thread (a QgsTask) with a store of its own.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Optional

from ..errors import StoreError
from ..proposals.stores.base import Identity, ProposalStore

OFFLINE = "store.offline"

Opener = Callable[[], ProposalStore]


@dataclass(frozen=True)
class Who:
    """What the settings say about the user: the store's kind, and — for a GeoPackage store,
    which has no login of its own — the login and partner typed in the settings."""

    store_kind: str = "gpkg"
    login: str = ""
    partner: str = ""

    @classmethod
    def of(cls, settings) -> Who:
        """From the plugin's settings (plugin/bridge/settings.Settings, or anything with
        the same attributes)."""
        return cls(getattr(settings, "store_kind", "gpkg") or "gpkg",
                   getattr(settings, "identity_login", "") or "",
                   getattr(settings, "identity_partner", "") or "")


@contextmanager
def opened(open_store: Opener):
    store = open_store()
    try:
        yield store
    finally:
        store.close()


def identity_of(store, who: Who, convention) -> tuple:
    """(Identity, offline). PostgreSQL: the database login and its partner, or — offline —
    the login of the DSN with its partner in the convention. GeoPackage: the settings'."""
    try:
        identity = store.identity()
    except StoreError as error:
        if error.code != OFFLINE:
            raise
        login = getattr(store, "login", "") or who.login
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


def settings_identity(who: Who, convention) -> Identity:
    """The identity the settings declare (used when no store can be opened)."""
    partner: Optional[str] = who.partner or None
    if not partner and convention is not None and who.login:
        found = convention.partner_of_login(who.login)
        partner = found.id if found else None
    return Identity(login=who.login, partner=partner)


def outbox_state(store, proposal_id: str) -> str:
    """The outbox state of a draft ("local", "submit_pending", "synced"), "" if none."""
    outbox = getattr(store, "outbox", None)
    if outbox is None or not proposal_id:
        return ""
    for entry in outbox.entries():
        if entry[0] == proposal_id:
            return entry[1]
    return ""
