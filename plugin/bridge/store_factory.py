"""Open the configured proposal store, and read what governance needs from it.

GeoPackage mode: the file named in the settings, with the identity typed in the settings
(the store enforces no rights). PostgreSQL mode: the DSN of the settings (no password in
it) completed with the user name and password of the QGIS authentication configuration
(``store_authcfg``), read from QGIS's encrypted auth database at the moment of
connecting: the plugin never stores a password.

Call these from a QgsTask: opening a store touches a file or a database. A store object
is used by the thread that opened it, then closed.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Optional

from ..errors import StoreError
from ..proposals import model as proposals
from ..proposals.stores.base import ALL

# The convention this QGIS loaded (set by the governance bridge). GeoPackage mode has no
# administrator to sync the convention into the file, so every store opened brings the
# file up to it — a no-op when the file already holds it (see GeoPackageStore).
_CONVENTION = None


def set_convention(convention) -> None:
    global _CONVENTION
    _CONVENTION = convention


def current_convention():
    return _CONVENTION


# A reader of the store for reports and panels, when the settings name nobody (GeoPackage
# mode needs a login; reading lists every proposal whatever the login).
READER_LOGIN = "geogov-reader"


def authcfg_credentials(authcfg: str) -> tuple:
    """(user, password) of a QGIS authentication configuration ("", "") when none."""
    if not authcfg:
        return "", ""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    config = QgsAuthMethodConfig()
    manager = QgsApplication.authManager()
    # loadAuthenticationConfig() answers True for an id that does not exist: ask first.
    if authcfg not in manager.configIds() or \
            not manager.loadAuthenticationConfig(authcfg, config, True):
        raise StoreError(f"QGIS authentication configuration {authcfg!r} cannot be read",
                         code="store.authcfg", authcfg=authcfg)
    return config.config("username", ""), config.config("password", "")


def postgres_dsn(dsn: str, authcfg: str = "") -> str:
    """``dsn`` with the authcfg's user and password added (libpq quoting via psycopg2)."""
    user, password = authcfg_credentials(authcfg)
    extra = {k: v for k, v in (("user", user), ("password", password)) if v}
    if not extra:
        return dsn
    from psycopg2.extensions import make_dsn

    return make_dsn(dsn, **extra)


def looks_like_dsn(text: str) -> bool:
    text = (text or "").strip()
    return text.startswith(("postgresql://", "postgres://", "service=")) or "dbname=" in text


# ---------------------------------------------------------------------------- opening
NOT_CONFIGURED = "store.not_configured"


def store_configured(settings) -> bool:
    """Whether the settings name a proposal store (a PostgreSQL DSN or a GeoPackage file)."""
    if settings.store_kind == "postgres":
        return bool((settings.store_dsn or "").strip())
    return bool((settings.store_path or "").strip())


def open_store(settings, *, location: str = "", authcfg: str = "", login: str = "",
               create: bool = False, optional: bool = False, outbox_path: Optional[str] = None,
               application_name: str = "GeoGov"):
    """The proposal store, opened: the one every part of GeoGov uses.

    Which store: ``location`` (a Processing parameter: a GeoPackage path or a PostgreSQL
    DSN) when given, else the one the settings name. Credentials for PostgreSQL: the QGIS
    authentication configuration ``authcfg``, else the settings' ``store_authcfg``. Who, in
    GeoPackage mode: ``login``, else the settings' login (with the settings' partner, which
    goes with that login only), else a reader that sees every proposal.

    ``create``: to write (proposing, reviewing): a GeoPackage file that does not exist yet
    is created when its folder exists (StoreError ``store.file.no_folder`` otherwise), and a
    login is needed (``store.no_login``); a PostgreSQL store gets the local outbox
    ``outbox_path``. Otherwise a GeoPackage file that does not exist is no store (reading
    must not create an empty store file on a shared drive by accident): StoreError
    ``store.file``.

    No store named: StoreError ``store.not_configured``, the one error (and sentence) for
    it. ``optional``: None instead, and instead of ``store.file`` for a file that does not
    exist when not creating (the panels and the report then go without the store).
    """
    location = (location or "").strip()
    if location:
        postgres = looks_like_dsn(location)
    else:
        postgres = settings.store_kind == "postgres"
        location = ((settings.store_dsn if postgres else settings.store_path) or "").strip()
    if not location:
        if optional:
            return None
        raise StoreError("no proposal store is configured", code=NOT_CONFIGURED)
    if postgres:
        from ..proposals.stores.postgres.store import PostgresStore

        if outbox_path:
            from ..proposals.stores.geopackage.reads import store_os_error

            try:
                os.makedirs(os.path.dirname(outbox_path), exist_ok=True)
            except OSError as error:
                raise store_os_error(error, outbox_path) from None
        return PostgresStore(postgres_dsn(location, authcfg or settings.store_authcfg),
                             outbox_path=outbox_path, application_name=application_name)
    own_login = settings.identity_login or ""
    login = login or own_login
    partner = (settings.identity_partner or None) if login == own_login else None
    if not os.path.exists(location):
        if not create:
            if optional:
                return None
            raise StoreError(f"No proposal store at {location}", code="store.file", source=location)
        if not login:
            raise StoreError("no login in the settings", code="store.no_login")
        folder = os.path.dirname(os.path.abspath(location))
        if not os.path.isdir(folder):
            raise StoreError(f"the folder {folder} does not exist", code="store.file.no_folder",
                             source=location, folder=folder)
    elif create and not login:
        raise StoreError("no login in the settings", code="store.no_login")
    return open_geopackage_store(location, login, partner)


def open_geopackage_store(path: str, login: str = "", partner: Optional[str] = None):
    """The GeoPackage store file ``path`` (created when absent) as ``login`` (else a reader),
    brought up to the convention this QGIS loaded. For :func:`open_store`, which decides
    whether a file may be created."""
    if os.path.isdir(path):
        # SQLite would only say "unable to open database file".
        raise StoreError(f"{path} is a folder, not a GeoPackage file", code="store.file.is_folder",
                         source=path)
    from ..proposals.stores.geopackage.store import GeoPackageStore

    store = GeoPackageStore(path, login or READER_LOGIN, partner,
                            reference=getattr(_CONVENTION, "reference", None))
    if _CONVENTION is not None:
        try:
            store.sync_convention(_CONVENTION, only_if_changed=True)
        except StoreError as error:
            if error.code != "store.read_only":
                store.close()
                raise
            # A file this login may only read can still be read (the panels, the report);
            # each write to it says "read-only" in its turn.
    return store


def coordinator_login(convention) -> str:
    """The login of the convention's coordinator (first contact with the coordinator role)."""
    partner = convention.partners.get(convention.coordinator) if convention else None
    for contact in partner.contacts if partner else []:
        if "coordinator" in contact.roles and contact.login:
            return contact.login
    return ""


# ---------------------------------------------------------------------------- facts
@dataclass
class StoreFacts:
    """What the panels and the report read from the store, per dataset id."""

    applied: dict = field(default_factory=dict)    # dataset -> date of the last applied change
    history: dict = field(default_factory=dict)    # dataset -> [day of each applied change]
    pending: dict = field(default_factory=dict)    # dataset -> proposals awaiting a decision
    counts: dict = field(default_factory=dict)     # report.proposal_counts shape
    available: bool = False                        # False: no store configured / read


RECEIVED = {proposals.SUBMITTED, proposals.CHANGES_REQUESTED, proposals.APPROVED,
            proposals.REJECTED, proposals.APPLIED, proposals.CONFLICT}
APPROVED_ONCE = {proposals.APPROVED, proposals.APPLIED, proposals.CONFLICT}
PENDING = {proposals.SUBMITTED}


def _day(value) -> Optional[dt.date]:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _add(counts: dict, key: str, status: str) -> None:
    entry = counts.setdefault(key, {"submitted": 0, "approved": 0, "rejected": 0, "applied": 0})
    entry["submitted"] += 1
    if status in APPROVED_ONCE:
        entry["approved"] += 1
    if status == proposals.REJECTED:
        entry["rejected"] += 1
    if status == proposals.APPLIED:
        entry["applied"] += 1


def proposal_counts(summaries, convention=None) -> dict:
    """``{dataset: counts, "dataset@partner": counts}`` (see governance/report.py).

    A proposal counts as received once submitted (a withdrawn one only if it had been
    submitted). Each proposal is also counted for the steward partner(s) the store routed
    it to, so a per-territory steward sees its own.
    """
    counts = {}
    for summary in summaries:
        status = summary.status
        if status == proposals.WITHDRAWN and summary.submitted_at is None:
            continue
        if status not in RECEIVED and status != proposals.WITHDRAWN:
            continue
        _add(counts, summary.dataset, status)
        partners = list(summary.stewards)
        if not partners and convention is not None and summary.dataset in convention.datasets:
            partners = [p.id for p in convention.stewards_for(summary.dataset, summary.communes, True)]
        for partner_id in partners:
            _add(counts, f"{summary.dataset}@{partner_id}", status)
    return counts


def read_store_facts(store, convention=None, is_cancelled=None) -> StoreFacts:
    """Applied dates, pending counts and proposal counts, in two reads of the store."""
    facts = StoreFacts(available=True)
    summaries = store.list_proposals(ALL)
    if is_cancelled is not None and is_cancelled():
        return facts
    for summary in summaries:
        if summary.status in PENDING:
            facts.pending[summary.dataset] = facts.pending.get(summary.dataset, 0) + 1
    facts.counts = proposal_counts(summaries, convention)
    for entry in store.changelog():
        day = _day(entry.applied_at)
        if day is not None:
            facts.history.setdefault(entry.dataset, []).append(day)
        if day is not None and (entry.dataset not in facts.applied
                                or day > facts.applied[entry.dataset]):
            facts.applied[entry.dataset] = day
    return facts


def store_facts_from_settings(settings, convention=None, is_cancelled=None) -> StoreFacts:
    """For a QgsTask: open the configured store, read its facts, close it."""
    store = open_store(settings, optional=True)
    if store is None:
        return StoreFacts()
    try:
        return read_store_facts(store, convention, is_cancelled)
    finally:
        store.close()
