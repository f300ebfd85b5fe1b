"""After an apply, the dataset's catalogue record follows the data.

The convention names, per dataset, the record that describes it (``metadata:`` —
governance/convention.py CatalogueRecord). Once the data is applied (or a retry found it
already there), :func:`update_record` reads the record afresh (GetRecordById, ISO 19139),
sets the citation's revision date and the dateStamp to the apply's day and moment — and
the next update date when the record's own maintenance has a regular frequency —, sends
the whole record back (CSW-T full-record Update: see catalogue/csw_transaction.py for why
not RecordProperty), then reads it back with a *new* GetRecordById and checks the dates
with the plugin's own ISO parser, never trusting the Transaction's reply.

A catalogue that refuses (transactions off, 401/403, an exception report, an Update that
touched no record) never undoes the data: the outcome says so (``refused``) and the step
can be run again alone (apply.retry_catalogue_update). The CSW protocol has no lock: between the
read and the Update someone else's edit of the record could be replaced; the read happens
immediately before the Update to keep that window as short as a request.

Outcome (plain dict, stored with the apply attempt): ``status`` (below), ``catalogue``,
``record``, ``revision``/``date_stamp``/``next_update`` written (ISO text), ``served``
(what the fresh read showed), ``error`` ({code, message, params}) when not updated.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Optional

from ..catalogue.csw_transaction import get_iso_record, replace_record
from ..catalogue.iso19139 import parse_record
from ..catalogue.iso19139_stamp import has_maintenance, stamp_record
from ..errors import Cancelled, GeoGovError, NetworkError
from ..governance.frequency import next_due
from ..proposals.stores.base import catalogue_outcome

UPDATED = "updated"              # written, read back and verified
REFUSED = "refused"              # the catalogue refused; the record is as it was
NOT_VERIFIED = "not_verified"    # accepted, but the record served afterwards lacks the dates
UNKNOWN = "unknown"              # the connection failed: whether it changed is not known
STATUSES = (UPDATED, REFUSED, NOT_VERIFIED, UNKNOWN)

# HTTP statuses and codes that mean "the catalogue said no" (nothing changed there).
_REFUSAL_CODES = ("http.unauthorized", "http.forbidden", "http.not_found", "http.status",
                  "http.server_error")


def _error(exc: GeoGovError) -> dict:
    return {"code": exc.code, "message": exc.message, "params": {
        k: v if isinstance(v, (str, int, float, bool)) or v is None else str(v)
        for k, v in exc.params.items()}}


def next_update_for(record, day: dt.date) -> Optional[dt.date]:
    """The next update date to write: ``day`` + the record's maintenance period, when its
    maintenance has a regular frequency (governance/frequency.py); else None."""
    maintenance = getattr(record, "maintenance", None)
    if maintenance is None:
        return None
    return next_due(day, maintenance.frequency)


def _served(record) -> dict:
    maintenance = record.maintenance
    return {"revision": _iso(record.dates.get("revision")),
            "date_stamp": _iso(record.metadata_date),
            "next_update": _iso(maintenance.next_update if maintenance else None),
            "last_revision": _iso(record.last_revision)}


def _iso(value) -> Optional[str]:
    return value.isoformat() if value is not None else None


def update_record(link, transport, *, moment: dt.datetime, timeout: float = 60.0,
                  is_cancelled: Optional[Callable[[], bool]] = None) -> dict:
    """Stamp the record ``link`` names (CatalogueRecord) with ``moment`` (an aware
    datetime: the apply's end, in the applier's time zone) and verify it. Never raises a
    GeoGovError: every failure is an outcome (see the module docstring)."""
    day = moment.date()
    outcome = {"catalogue": link.catalogue, "record": link.record, "revision": day.isoformat(),
               "date_stamp": moment.isoformat(timespec="seconds"), "next_update": None}
    try:
        element = get_iso_record(transport, link.catalogue, link.record, timeout=timeout,
                                 is_cancelled=is_cancelled)
        before = parse_record(element, link.catalogue)
    except Cancelled:
        raise
    except NetworkError as exc:
        outcome.update(status=REFUSED if exc.code in _REFUSAL_CODES else UNKNOWN,
                       error=_error(exc), stage="read")
        if outcome["status"] == UNKNOWN:
            # Nothing was sent yet: the record is as it was.
            outcome["status"] = REFUSED
        return outcome
    except GeoGovError as exc:
        outcome.update(status=REFUSED, error=_error(exc), stage="read")
        return outcome
    if link.record != before.identifier and link.record not in before.resource_identifiers:
        # The Update replaces the record the XML names: never another one than asked for.
        outcome.update(status=REFUSED, stage="read", error={
            "code": "csw.record_mismatch", "message": f"The catalogue answered record "
            f"{before.identifier} for {link.record}", "params": {
                "record": link.record, "found": before.identifier}})
        return outcome
    following = next_update_for(before, day) if has_maintenance(element) else None
    outcome["next_update"] = _iso(following)
    outcome["before"] = _served(before)
    try:
        stamp_record(element, day, moment, following)
    except GeoGovError as exc:
        outcome.update(status=REFUSED, error=_error(exc), stage="stamp")
        return outcome
    sent_error = None
    try:
        updated = replace_record(transport, link.catalogue, element, timeout=timeout,
                                 is_cancelled=is_cancelled)
    except Cancelled:
        raise
    except NetworkError as exc:
        if exc.code in _REFUSAL_CODES:
            outcome.update(status=REFUSED, error=_error(exc), stage="update")
            return outcome
        sent_error = exc                    # sent, then cut: the read-back decides
    except GeoGovError as exc:
        outcome.update(status=REFUSED, error=_error(exc), stage="update")
        return outcome
    else:
        outcome["total_updated"] = updated
        if updated < 1:
            outcome.update(status=REFUSED, stage="update", error={
                "code": "csw.nothing_updated",
                "message": f"The catalogue updated {updated} records", "params": {
                    "count": updated}})
            return outcome
    return _verify(link, transport, outcome, day, following, timeout, sent_error)


def _verify(link, transport, outcome, day, following, timeout, sent_error) -> dict:
    """A fresh GetRecordById, parsed by the plugin's own parser: are the dates there?"""
    try:
        served = parse_record(get_iso_record(transport, link.catalogue, link.record,
                                             timeout=timeout), link.catalogue)
    except GeoGovError as exc:
        outcome.update(status=UNKNOWN, error=_error(sent_error or exc), stage="verify")
        return outcome
    outcome["served"] = _served(served)
    maintenance_next = served.maintenance.next_update if served.maintenance else None
    missing = []
    if served.dates.get("revision") != day:
        missing.append("revision")
    if served.metadata_date != day:
        missing.append("date_stamp")
    if following is not None and maintenance_next != following:
        missing.append("next_update")
    if not missing:
        outcome["status"] = UPDATED
        return outcome
    if sent_error is not None:
        outcome.update(status=REFUSED, error=_error(sent_error), stage="update")
        return outcome
    outcome.update(status=NOT_VERIFIED, stage="verify", error={
        "code": "csw.not_verified",
        "message": "The record served after the Update lacks: " + ", ".join(missing),
        "params": {"fields": ", ".join(missing)}})
    return outcome


def catalogue_record(convention, dataset_id: str):
    """The CatalogueRecord the convention names for the dataset (``metadata:``), else None."""
    dataset = convention.datasets.get(dataset_id) if convention is not None else None
    return getattr(dataset, "metadata", None) if dataset is not None else None


def needs_retry(attempts) -> bool:
    """Whether the proposal's data is applied but its record was not updated."""
    outcome = catalogue_outcome(attempts)
    return outcome is not None and outcome.get("status") != UPDATED
