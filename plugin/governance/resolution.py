"""Who is responsible for a catalogue record or a project layer, and is it up to date?

Plain data in, plain data out (no QGIS): the bridge describes a QGIS layer as a
:class:`LayerDescription`; the catalogue gives :class:`~..catalogue.model.Record` objects.

Finding the dataset, in this order (the first that matches wins):

1. record identifier: the record's ``identifier`` (or a resource identifier, or the
   layer's ``record_id``) is one of the dataset's ``match.records``;
2. service layer: a service URL and typename, from the layer or from the record's WMS/WFS
   links, match one of ``match.services``. URLs are compared after :func:`normalise_url`;
   the convention's URL is an fnmatch pattern ("http://127.0.0.1:*", "*" = any server).
   Typenames compare without case, and without a namespace prefix ("ms:roads" = "roads")
   unless the convention writes one;
3. data source: the layer's data-source string matches one of ``match.sources`` (fnmatch,
   no case, backslashes read as slashes so a pattern works for Windows paths too).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..catalogue import model as catalogue
from . import convention as model
from .discrepancies import catalogue_discrepancies, no_steward, record_behind, record_discrepancies
from .frequency import freshness
from .obligations import obligation_statuses

# Parameters that say which operation is asked, not which service: dropped from URLs before
# comparing. TYPENAME(S)/LAYERS are compared on their own (the typename).
IGNORED_PARAMS = {"service", "version", "request", "acceptversions", "typename", "typenames",
                  "layers"}
_DEFAULT_PORTS = {"http": "80", "https": "443"}

MATCHED_BY_RECORD, MATCHED_BY_SERVICE, MATCHED_BY_SOURCE = "record", "service", "source"
REVISION_FROM_METADATA, REVISION_FROM_STORE = "metadata", "store"


@dataclass
class LayerDescription:
    """A project layer as plain data (filled by the bridge from a QgsMapLayer)."""

    provider: str = ""            # QGIS provider key: WFS, wms, oapif, postgres, ogr, …
    service_url: str = ""         # for service layers
    typename: str = ""            # typename / layer name / table
    source: str = ""              # the full data-source string
    record_url: str = ""          # catalogue the layer was added from, when known
    record_id: str = ""           # identifier of the record it was added from
    # Where the layer lies: the communes of the territory reference its extent touches
    # (None: unknown — every steward of the dataset is named, each for its territory).
    communes: Optional[list] = None
    extent: Optional[tuple] = None      # (west, south, east, north) EPSG:4326, for the bridge


@dataclass
class Found:
    dataset: model.Dataset
    matched_by: str               # MATCHED_BY_RECORD / SERVICE / SOURCE
    detail: str = ""              # the identifier, typename or pattern that matched


@dataclass
class ContactRef:
    """A person to contact, with why: their partner and their role for this dataset."""

    partner_id: str
    partner_name: str
    role: str                     # steward, dpo, maintainer, producer
    contact: model.Contact


@dataclass
class Responsibility:
    dataset_id: str
    title: str
    matched_by: str
    producers: list = field(default_factory=list)      # Partner
    maintainer: Optional[model.Partner] = None
    stewards: list = field(default_factory=list)       # Partner, for the place given
    # [(Partner, Territory or None)]: where each of them validates (None: elsewhere).
    steward_areas: list = field(default_factory=list)
    dpo: list = field(default_factory=list)            # Contact (personal data only)
    contacts: list = field(default_factory=list)       # ContactRef, stewards first
    licence: str = ""
    dissemination: str = model.OPEN
    personal_data: bool = False
    approval: list = field(default_factory=list)
    frequency: str = "unknown"
    last_revision: Optional[dt.date] = None
    revision_source: str = ""                           # metadata / store / ""
    next_due: Optional[dt.date] = None
    status: str = "unknown"                             # up_to_date / late / unknown
    days_late: int = 0
    months_late: int = 0
    discrepancies: list = field(default_factory=list)  # Discrepancy
    obligations: list = field(default_factory=list)    # ObligationStatus
    observed: Optional[object] = None                  # observed.Observed (store history)
    record_id: str = ""
    communes: Optional[list] = None


# ---------------------------------------------------------------------- matching
def normalise_url(url: str) -> str:
    """A comparable form of a service URL.

    Scheme and host in lower case, default port dropped, no trailing "/" or "?", no
    fragment, query parameters with lower-case names sorted, operation parameters
    (:data:`IGNORED_PARAMS`) dropped. Works on fnmatch patterns too ("…:*").
    """
    url = (url or "").strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    netloc = parts.netloc.lower()
    default = _DEFAULT_PORTS.get(scheme)
    if default and netloc.endswith(f":{default}"):
        netloc = netloc[: -len(default) - 1]
    path = parts.path.rstrip("/") if parts.path not in ("", "/") else ""
    query = [(k.lower(), v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in IGNORED_PARAMS]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query), safe="*/:"), ""))


def url_matches(pattern: str, url: str) -> bool:
    if pattern.strip() == "*":
        return bool(url)
    return fnmatch.fnmatchcase(normalise_url(url), normalise_url(pattern))


def typename_matches(expected: str, actual: str) -> bool:
    expected, actual = expected.strip().lower(), (actual or "").strip().lower()
    if ":" not in expected:
        actual = actual.rsplit(":", 1)[-1]
    return bool(actual) and expected == actual


def source_matches(pattern: str, source: str) -> bool:
    def plain(text):
        return (text or "").replace("\\", "/").lower()

    return bool(source) and fnmatch.fnmatchcase(plain(source), plain(pattern))


def _service_pairs(record=None, layer=None) -> list:
    pairs = []
    if layer is not None and layer.service_url and layer.typename:
        pairs.append((layer.service_url, layer.typename))
    if record is not None:
        for link in record.links_of(catalogue.LINK_WMS, catalogue.LINK_WFS,
                                    catalogue.LINK_OGCAPI_FEATURES, catalogue.LINK_WMTS):
            if link.url and link.name:
                pairs.append((link.url, link.name))
    return pairs


def _identifiers(record=None, layer: Optional[LayerDescription] = None) -> list:
    identifiers = []
    if record is not None:
        identifiers.append(record.identifier)
        identifiers.extend(record.resource_identifiers)
    if layer is not None and layer.record_id:
        identifiers.append(layer.record_id)
    return identifiers


def _by_record(dataset, identifiers) -> Optional[Found]:
    for identifier in identifiers:
        if identifier and identifier in dataset.match.record_ids:
            return Found(dataset, MATCHED_BY_RECORD, identifier)
    return None


def _by_service(dataset, pairs) -> Optional[Found]:
    for service in dataset.match.services:
        for url, typename in pairs:
            if typename_matches(service.typename, typename) and url_matches(service.url, url):
                return Found(dataset, MATCHED_BY_SERVICE, typename)
    return None


def find_dataset(convention, record=None, layer: Optional[LayerDescription] = None,
                 index: Optional[DatasetIndex] = None) -> Optional[Found]:
    """The dataset a record and/or layer stands for, None when the convention has none.

    ``index``: a :class:`DatasetIndex` of ``convention``, for many records in a row (a
    catalogue: each record then looks its identifiers and typenames up instead of trying
    every dataset); the answer is the same."""
    if index is not None:
        return index.find(record, layer)
    identifiers = _identifiers(record, layer)
    for dataset in convention.datasets.values():
        found = _by_record(dataset, identifiers)
        if found is not None:
            return found
    pairs = _service_pairs(record, layer)
    for dataset in convention.datasets.values():
        found = _by_service(dataset, pairs)
        if found is not None:
            return found
    if layer is not None and layer.source:
        return _by_source(convention, layer.source)
    return None


def _by_source(convention, source: str) -> Optional[Found]:
    for dataset in convention.datasets.values():
        for pattern in dataset.match.sources:
            if source_matches(pattern, source):
                return Found(dataset, MATCHED_BY_SOURCE, pattern)
    return None


class DatasetIndex:
    """:func:`find_dataset` for a whole catalogue, with the same answers.

    The datasets that could match are looked up by record identifier and by typename (as
    :func:`typename_matches` compares them: no case, a convention's typename without a
    prefix against the record's without its prefix); only those are then tried, in the
    convention's order, as :func:`find_dataset` tries every one. Build it for one run over
    the records: it does not follow later changes of the convention."""

    def __init__(self, convention):
        self.convention = convention
        self.datasets = list(convention.datasets.values())
        self.by_record = {}            # identifier -> position of the first dataset naming it
        self.plain = {}                # typename without prefix -> positions
        self.qualified = {}            # "prefix:typename" -> positions
        for position, dataset in enumerate(self.datasets):
            for identifier in dataset.match.record_ids:
                if identifier:
                    self.by_record.setdefault(identifier, position)
            for service in dataset.match.services:
                expected = service.typename.strip().lower()
                if expected:
                    table = self.qualified if ":" in expected else self.plain
                    table.setdefault(expected, set()).add(position)

    def find(self, record=None, layer: Optional[LayerDescription] = None) -> Optional[Found]:
        identifiers = _identifiers(record, layer)
        positions = [self.by_record[i] for i in identifiers if i in self.by_record]
        if positions:
            return _by_record(self.datasets[min(positions)], identifiers)
        pairs = _service_pairs(record, layer)
        candidates = set()
        for _url, typename in pairs:
            actual = (typename or "").strip().lower()
            candidates |= self.qualified.get(actual, set())
            local = actual.rsplit(":", 1)[-1]
            if local:
                candidates |= self.plain.get(local, set())
        for position in sorted(candidates):
            found = _by_service(self.datasets[position], pairs)
            if found is not None:
                return found
        if layer is not None and layer.source:
            return _by_source(self.convention, layer.source)
        return None


# ---------------------------------------------------------------------- responsibility
def resolve(convention, *, today: dt.date, record=None,
            layer: Optional[LayerDescription] = None, applied_at: Optional[dt.date] = None
            ) -> Optional[Responsibility]:
    """The responsibility for a record and/or layer; None when no dataset matches.

    ``today`` decides late or not (never the clock: the caller passes it). The last
    revision is the latest of the record's dates (revision, publication, creation) and
    ``applied_at``, the last change the proposal store applied to the dataset.
    """
    found = find_dataset(convention, record=record, layer=layer)
    if found is None:
        return None
    return responsibility_for(convention, found.dataset, today=today, record=record,
                              communes=layer.communes if layer is not None else None,
                              applied_at=applied_at, matched_by=found.matched_by)


def responsibility_for(convention, dataset, *, today: dt.date, record=None,
                       communes: Optional[list] = None, applied_at: Optional[dt.date] = None,
                       matched_by: str = "", history=None) -> Responsibility:
    """The responsibility for a dataset already identified (``record`` may be None).

    ``communes``: where the layer lies (None: the dataset as a whole). The stewards are
    the one rule's (governance/stewardship.py): for a layer spanning several territories
    each territory's steward is named, with where it validates."""
    partners = convention.partners
    stewards = convention.stewards_for(dataset.id, communes, unplaced=communes is not None and not communes)
    chosen = {p.id for p in stewards}
    result = Responsibility(
        dataset_id=dataset.id, title=dataset.title, matched_by=matched_by,
        producers=[partners[p] for p in dataset.producers if p in partners],
        maintainer=partners.get(dataset.maintainer), stewards=stewards,
        steward_areas=[(p, t) for p, t in convention.steward_areas(dataset.id) if p.id in chosen],
        dpo=convention.dpo_for(dataset.id, communes, unplaced=communes is not None and not communes),
        licence=dataset.licence, dissemination=dataset.dissemination,
        personal_data=dataset.personal_data, approval=list(dataset.approval),
        frequency=dataset.frequency, record_id=record.identifier if record is not None else "",
        communes=communes)
    result.contacts = _contacts(result)
    result.last_revision, result.revision_source = last_revision(record, applied_at)
    state = freshness(result.last_revision, dataset.frequency, today)
    result.status, result.next_due = state.status, state.due
    result.days_late, result.months_late = state.days_late, state.months_late
    if record is not None:
        result.discrepancies = record_discrepancies(convention, dataset, record, stewards)
    elif not stewards:
        result.discrepancies = [no_steward(dataset)]
    days = list(history or ()) + ([applied_at] if applied_at is not None else [])
    if days:
        from .observed import observe

        result.observed = observe(days, dataset.frequency,
                                  record.last_revision if record is not None else None)
        if result.observed.record_behind:
            result.discrepancies.append(record_behind(dataset, result.observed.record_date,
                                                      result.observed.last_applied))
    result.obligations = obligation_statuses(convention, today, dataset_id=dataset.id)
    return result


def last_revision(record=None, applied_at: Optional[dt.date] = None) -> tuple:
    """(date, source): the later of the metadata's dates and the store's last applied change."""
    if isinstance(applied_at, dt.datetime):
        applied_at = applied_at.date()
    from_metadata = record.last_revision if record is not None else None
    if isinstance(from_metadata, dt.datetime):
        from_metadata = from_metadata.date()
    if applied_at is not None and (from_metadata is None or applied_at > from_metadata):
        return applied_at, REVISION_FROM_STORE
    if from_metadata is not None:
        return from_metadata, REVISION_FROM_METADATA
    return None, ""


def _contacts(result: Responsibility) -> list:
    out, seen = [], set()

    def add(partner, role, contacts):
        for contact in contacts:
            key = (partner.id, contact.name, role)
            if key not in seen:
                seen.add(key)
                out.append(ContactRef(partner.id, partner.name, role, contact))

    for partner in result.stewards:
        add(partner, model.STEWARD, partner.contacts_with_role(model.STEWARD))
        if result.personal_data:
            add(partner, model.DPO, partner.contacts_with_role(model.DPO))
    if result.maintainer is not None:
        add(result.maintainer, "maintainer",
            result.maintainer.contacts_with_role(model.REFERENT_DONNEES))
    for partner in result.producers:
        add(partner, "producer", partner.contacts_with_role(model.REFERENT_DONNEES))
    return out


def resolve_catalogue(convention, records, today: dt.date, applied: Optional[dict] = None,
                      history: Optional[dict] = None) -> tuple:
    """({dataset id: Responsibility}, [catalogue-level Discrepancy]) for a whole catalogue.

    ``applied`` maps a dataset id to the date the store last applied a change to it.
    Datasets without a record still get a Responsibility (from the store's date alone).
    """
    applied, history = applied or {}, history or {}
    index = DatasetIndex(convention)
    matches = {}            # id(record) -> Found or None: each record is matched once

    def matched(_convention, record=None):
        key = id(record)
        if key not in matches:
            matches[key] = index.find(record)
        return matches[key]

    found = {}
    for record in records:
        match = matched(convention, record)
        if match is not None and match.dataset.id not in found:
            found[match.dataset.id] = responsibility_for(
                convention, match.dataset, today=today, record=record,
                applied_at=applied.get(match.dataset.id), matched_by=match.matched_by,
                history=history.get(match.dataset.id))
    ordered = {}
    for dataset in convention.datasets.values():
        ordered[dataset.id] = found.get(dataset.id) or responsibility_for(
            convention, dataset, today=today, applied_at=applied.get(dataset.id),
            history=history.get(dataset.id))
    return ordered, catalogue_discrepancies(convention, records, matched)


def responsibility_rows(convention, today: dt.date, records=None, applied: Optional[dict] = None,
                        describe=None, history: Optional[dict] = None) -> list:
    """One flat dict per dataset (for a table: the ``convention_check`` Processing output).

    Values are plain text/numbers/dates; several partners are joined with ", ", and
    discrepancy codes with " ". ``records`` None: the catalogue was not read, so no
    catalogue orphan is listed. ``describe(result, discrepancies)`` (optional) gives more
    columns for a dataset's row — ``describe(None, [orphan])`` for a catalogue record the
    convention does not cover — such as sentences in the user's language.
    """
    results, orphans = resolve_catalogue(convention, list(records or ()), today, applied, history)
    of_dataset = {}         # dataset id -> its catalogue-level discrepancies, in order
    for orphan in orphans:
        of_dataset.setdefault(orphan.params.get("dataset"), []).append(orphan)
    rows = []
    for result in results.values():
        discrepancies = list(result.discrepancies)
        if records is not None:
            discrepancies += of_dataset.get(result.dataset_id, [])
        row = {
            "dataset": result.dataset_id, "title": result.title,
            "producers": ", ".join(p.name for p in result.producers),
            "maintainer": result.maintainer.name if result.maintainer else "",
            "stewards": ", ".join(p.name for p in result.stewards),
            "steward_emails": ", ".join(r.contact.email for r in result.contacts
                                        if r.role == model.STEWARD and r.contact.email),
            "dissemination": result.dissemination, "personal_data": result.personal_data,
            "licence": result.licence, "frequency": result.frequency,
            "last_revision": result.last_revision, "revision_source": result.revision_source,
            "next_due": result.next_due, "status": result.status,
            "days_late": result.days_late,
            "discrepancies": " ".join(x.code for x in discrepancies),
            "overdue_obligations": sum(1 for o in result.obligations if o.status == "late"),
        }
        observed = result.observed
        row.update({
            "applied_changes": observed.count if observed else 0,
            "last_applied": observed.last_applied if observed else None,
            "observed_interval_days": observed.interval_days if observed else None,
            "observed_frequency": (observed.frequency or "") if observed else "",
            "observed_pace": observed.pace if observed else "unknown",
            "record_behind": bool(observed and observed.record_behind),
        })
        if describe is not None:
            row.update(describe(result, discrepancies))
        rows.append(row)
    if records is not None:
        for orphan in orphans:
            if orphan.code.endswith("not_in_convention"):
                row = {"dataset": "", "title": orphan.params.get("title", ""),
                       "status": "unknown", "discrepancies": orphan.code}
                if describe is not None:
                    row.update(describe(None, [orphan]))
                rows.append(row)
    return rows
