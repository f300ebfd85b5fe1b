"""Where the catalogue's ISO metadata and the convention disagree.

Each :class:`Discrepancy` is a stable code + params (the UI words it in French) and an
English message. Parties are compared with :func:`organisations.match_partner`, so
"SYCTOM" in a record and "Syctom, l'agence métropolitaine…" in the convention agree.

What counts as the producer and the custodian of a resource: parties with the ISO role
``originator`` / ``custodian`` in the resource's own contexts (identification
pointOfContact, citation, maintenance contact, OGC API Records contacts, Dublin Core
parties). The metadata contact (who wrote the record) and distributors are left out:
French records often name the metadata author "custodian" of the *record*.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalogue import model as catalogue
from .organisations import match_partner

CUSTODIAN_DIFFERS = "discrepancy.custodian_differs"
PRODUCER_DIFFERS = "discrepancy.producer_differs"
FREQUENCY_DIFFERS = "discrepancy.frequency_differs"
NO_POINT_OF_CONTACT = "discrepancy.no_point_of_contact"
NO_STEWARD = "discrepancy.no_steward"
NOT_IN_CONVENTION = "discrepancy.not_in_convention"
NOT_IN_CATALOGUE = "discrepancy.not_in_catalogue"
RECORD_BEHIND = "discrepancy.record_behind_data"

RESOURCE_CONTEXTS = (catalogue.RESOURCE_CONTACT, catalogue.CITED_PARTY,
                     catalogue.MAINTENANCE_CONTACT, catalogue.OGCAPI_CONTACT,
                     catalogue.DC_PARTY)


@dataclass
class Discrepancy:
    code: str
    message: str
    params: dict = field(default_factory=dict)


def _organisations(record, role: str) -> list:
    names = []
    for party in record.parties:
        if party.context in RESOURCE_CONTEXTS and party.role == role:
            name = party.organisation or party.individual
            if name and name not in names:
                names.append(name)
    return names


def _foreign(convention, names: list, expected_ids: list) -> list:
    """[(name, partner id or "")] of the names that are none of ``expected_ids``."""
    out = []
    for name in names:
        partner = match_partner(convention, name)
        if partner is None or partner.id not in expected_ids:
            out.append((name, partner.id if partner else ""))
    return out


def has_point_of_contact(record) -> bool:
    for party in record.parties:
        if party.context == catalogue.RESOURCE_CONTACT:
            return True
        if party.context == catalogue.OGCAPI_CONTACT and party.role == "pointOfContact":
            return True
    return False


def record_behind(dataset, record_date, last_applied) -> Discrepancy:
    """The record's date is older than the last change applied to the data."""
    return Discrepancy(RECORD_BEHIND, f"The catalogue record of {dataset.id} was last revised "
                       f"on {record_date}, before the last change applied on {last_applied}",
                       {"dataset": dataset.id, "record_date": record_date.isoformat(),
                        "applied": last_applied.isoformat()})


def record_discrepancies(convention, dataset, record, stewards) -> list:
    """Discrepancies between ``record`` (a catalogue Record) and ``dataset``.

    ``stewards`` is the list of steward partners already resolved for the place concerned.
    """
    out = []
    custodians = _organisations(record, "custodian")
    wrong = _foreign(convention, custodians, [dataset.maintainer])
    if wrong:
        expected = convention.partners.get(dataset.maintainer)
        out.append(Discrepancy(
            CUSTODIAN_DIFFERS,
            f"The metadata names {', '.join(n for n, _ in wrong)} as custodian; the convention "
            f"says {expected.name if expected else dataset.maintainer}",
            {"expected": dataset.maintainer,
             "expected_name": expected.name if expected else dataset.maintainer,
             "found": [n for n, _ in wrong], "found_partners": [p for _, p in wrong]}))
    originators = _organisations(record, "originator")
    wrong = _foreign(convention, originators, dataset.producers)
    if wrong:
        names = [convention.partners[p].name for p in dataset.producers if p in convention.partners]
        out.append(Discrepancy(
            PRODUCER_DIFFERS,
            f"The metadata names {', '.join(n for n, _ in wrong)} as producer; the convention "
            f"says {', '.join(names)}",
            {"expected": list(dataset.producers), "expected_names": names,
             "found": [n for n, _ in wrong], "found_partners": [p for _, p in wrong]}))
    found_frequency = record.maintenance.frequency if record.maintenance else None
    if found_frequency and found_frequency != dataset.frequency:
        out.append(Discrepancy(
            FREQUENCY_DIFFERS,
            f"The metadata says the data is updated '{found_frequency}'; the convention "
            f"commits to '{dataset.frequency}'",
            {"expected": dataset.frequency, "found": found_frequency}))
    if record.standard != "dublincore" and not has_point_of_contact(record):
        out.append(Discrepancy(NO_POINT_OF_CONTACT, "The metadata names no point of contact "
                               "for the resource", {"record": record.identifier}))
    if not stewards:
        out.append(no_steward(dataset))
    return out


def no_steward(dataset) -> Discrepancy:
    return Discrepancy(NO_STEWARD, f"The convention names no steward for '{dataset.title}' "
                       "here: nobody can approve changes", {"dataset": dataset.id})


def catalogue_discrepancies(convention, records, find_dataset) -> list:
    """Records the convention does not know, and datasets no record stands for.

    ``records`` is the whole catalogue (every Record harvested); service records and
    records of non-data hierarchies are not expected in a data convention and are skipped.
    ``find_dataset(record)`` is resolution's matcher (passed in to avoid an import cycle).
    """
    out, seen = [], set()
    for record in records:
        if record.hierarchy not in ("dataset", "series", ""):
            continue
        found = find_dataset(convention, record=record)
        if found is None:
            out.append(Discrepancy(
                NOT_IN_CONVENTION, f"The catalogue record '{record.title}' matches no dataset of "
                "the convention", {"record": record.identifier, "title": record.title,
                                   "producers": _organisations(record, "originator")}))
        else:
            seen.add(found.dataset.id)
    for dataset in convention.datasets.values():
        if dataset.id not in seen:
            out.append(Discrepancy(
                NOT_IN_CATALOGUE, f"The dataset '{dataset.title}' of the convention has no record "
                "in the catalogue", {"dataset": dataset.id, "title": dataset.title,
                                     "records": list(dataset.match.record_ids)}))
    return out
