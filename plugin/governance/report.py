"""The governance report as data: per partner, what it produces, maintains and validates.

:func:`build_report` gathers everything a coordinator or an elected official needs; the
HTML rendering is in report_html.py, the PDF (print layout + map of the territories) in
the bridge, both from the same :class:`GovernanceReport`.

Proposal counts come from the proposal store, as plain numbers the caller passes:
``{dataset_id: {"submitted": n, "approved": n, "rejected": n, "applied": n}}``. A
partner "receives" the proposals on the datasets whose changes it validates (steward).
For a dataset with per-territory stewards, the caller may also pass the counts of one
steward under the key ``"<dataset_id>@<partner_id>"``; without it, each steward of the
dataset is shown the dataset's whole counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from .frequency import LATE, UNKNOWN, UP_TO_DATE
from .obligations import obligation_statuses
from .report_html import render_html
from .resolution import resolve_catalogue

PROPOSAL_COUNTS = ("submitted", "approved", "rejected", "applied")


@dataclass
class DatasetLine:
    dataset_id: str
    title: str
    frequency: str
    status: str                          # up_to_date / late / unknown
    last_revision: Optional[dt.date] = None
    next_due: Optional[dt.date] = None
    days_late: int = 0
    months_late: int = 0
    proposals: dict = field(default_factory=dict)   # PROPOSAL_COUNTS -> int
    discrepancies: list = field(default_factory=list)   # codes
    observed: Optional[object] = None    # observed.Observed: how often it really changes


@dataclass
class DeliveryLine:
    obligation_id: str
    dataset_id: str
    dataset_title: str
    debtor_id: str
    debtor_name: str
    creditor_id: str
    creditor_name: str
    frequency: str
    status: str
    last_delivery: Optional[dt.date] = None
    next_due: Optional[dt.date] = None
    days_late: int = 0
    months_late: int = 0
    contract: str = ""


@dataclass
class PartnerSection:
    partner_id: str
    name: str
    kind: str
    # The territory, for the map of the bridge: codes and/or a geometry file.
    region: bool = False
    departements: list = field(default_factory=list)
    communes: list = field(default_factory=list)
    epci: list = field(default_factory=list)
    epci_names: dict = field(default_factory=dict)
    geometry_file: Optional[str] = None
    departements_reached: list = field(default_factory=list)   # where its territory's communes are
    produced: list = field(default_factory=list)     # DatasetLine
    maintained: list = field(default_factory=list)
    stewarded: list = field(default_factory=list)
    deliveries_owed: list = field(default_factory=list)      # DeliveryLine, as debtor
    deliveries_expected: list = field(default_factory=list)  # DeliveryLine, as creditor
    proposals: dict = field(default_factory=dict)    # totals over ``stewarded``

    @property
    def late(self) -> list:
        """Datasets it produces or maintains that are late (each once)."""
        out, seen = [], set()
        for line in self.produced + self.maintained:
            if line.status == LATE and line.dataset_id not in seen:
                seen.add(line.dataset_id)
                out.append(line)
        return out


@dataclass
class ReportSummary:
    partners: int = 0                  # partners of the convention
    partners_involved: int = 0         # partners with a section in the report
    datasets: int = 0
    up_to_date: int = 0
    late: int = 0
    unknown: int = 0
    overdue_deliveries: int = 0
    proposals: dict = field(default_factory=dict)
    not_in_convention: int = 0         # catalogue records the convention does not know
    not_in_catalogue: int = 0          # convention datasets without a record


@dataclass
class GovernanceReport:
    today: dt.date
    convention_title: str
    convention_version: str
    signed: Optional[dt.date]
    coordinator_id: str
    coordinator_name: str
    summary: ReportSummary
    datasets: list = field(default_factory=list)    # DatasetLine, convention order
    partners: list = field(default_factory=list)    # PartnerSection with something in it
    other_partners: list = field(default_factory=list)   # names of partners with nothing
    overdue: list = field(default_factory=list)     # DeliveryLine, most overdue first
    orphans: list = field(default_factory=list)     # catalogue-level Discrepancy
    # The convention's territory reference (the map draws its départements).
    reference: object = field(default=None, repr=False, compare=False)
    # How the catalogue was read (catalogue/sweep.py SweepInfo: full or incremental, since
    # when); None when no catalogue was read, or its records came from elsewhere.
    catalogue_sweep: Optional[object] = None


def _counts(raw: Optional[dict]) -> dict:
    raw = raw or {}
    return {key: int(raw.get(key, 0) or 0) for key in PROPOSAL_COUNTS}


def _add(total: dict, counts: dict) -> None:
    for key in PROPOSAL_COUNTS:
        total[key] = total.get(key, 0) + counts.get(key, 0)


def build_report(convention, today: dt.date, records=None, applied: Optional[dict] = None,
                 proposal_counts: Optional[dict] = None, history: Optional[dict] = None,
                 sweep=None) -> GovernanceReport:
    """The report on ``today``.

    ``records``: the catalogue's records, or None when no catalogue was read (then nothing
    is said about the catalogue, and freshness rests on ``applied`` alone); ``applied``:
    {dataset id: date of the last change the store applied}; ``proposal_counts``: see the
    module doc; ``history``: {dataset id: [day of each applied change]} (observed
    freshness, governance/observed.py); ``sweep``: the SweepInfo of the catalogue sweep
    that gave ``records`` (the report says whether it was incremental, and since when).
    """
    proposal_counts = proposal_counts or {}
    responsibilities, orphans = resolve_catalogue(convention, list(records or ()), today,
                                                  applied, history)
    if records is None:
        orphans = []
    lines = {}
    for dataset_id, result in responsibilities.items():
        lines[dataset_id] = DatasetLine(
            dataset_id=dataset_id, title=result.title, frequency=result.frequency,
            status=result.status, last_revision=result.last_revision,
            next_due=result.next_due, days_late=result.days_late,
            months_late=result.months_late, proposals=_counts(proposal_counts.get(dataset_id)),
            discrepancies=[x.code for x in result.discrepancies], observed=result.observed)
    deliveries = [_delivery(convention, s) for s in obligation_statuses(convention, today)]
    summary = ReportSummary(partners=len(convention.partners), datasets=len(lines))
    for line in lines.values():
        if line.status == UP_TO_DATE:
            summary.up_to_date += 1
        elif line.status == LATE:
            summary.late += 1
        else:
            summary.unknown += 1
        _add(summary.proposals, line.proposals)
    summary.proposals = _counts(summary.proposals)
    overdue = sorted((d for d in deliveries if d.status == LATE), key=lambda d: -d.days_late)
    summary.overdue_deliveries = len(overdue)
    summary.not_in_convention = sum(1 for o in orphans if o.code.endswith("not_in_convention"))
    summary.not_in_catalogue = sum(1 for o in orphans if o.code.endswith("not_in_catalogue"))
    coordinator = convention.partners.get(convention.coordinator)
    report = GovernanceReport(
        today=today, convention_title=convention.title, convention_version=convention.version,
        signed=convention.signed, coordinator_id=convention.coordinator,
        coordinator_name=coordinator.name if coordinator else convention.coordinator,
        summary=summary, datasets=list(lines.values()), overdue=overdue, orphans=orphans,
        reference=getattr(convention, "reference", None),
        catalogue_sweep=sweep if records is not None else None)
    for partner in convention.partners.values():
        section = _section(convention, partner, lines, deliveries, proposal_counts)
        if section.produced or section.maintained or section.stewarded \
                or section.deliveries_owed or section.deliveries_expected:
            report.partners.append(section)
        else:
            report.other_partners.append(partner.name)
    summary.partners_involved = len(report.partners)
    return report


def _delivery(convention, state) -> DeliveryLine:
    obligation = state.obligation
    partners = convention.partners
    dataset = convention.datasets.get(obligation.dataset)
    return DeliveryLine(
        obligation_id=obligation.id, dataset_id=obligation.dataset,
        dataset_title=dataset.title if dataset else obligation.dataset,
        debtor_id=obligation.debtor, debtor_name=partners[obligation.debtor].name,
        creditor_id=obligation.creditor, creditor_name=partners[obligation.creditor].name,
        frequency=obligation.frequency, status=state.status,
        last_delivery=obligation.last_delivery, next_due=state.next_due,
        days_late=state.days_late, months_late=state.months_late, contract=obligation.contract)


def _section(convention, partner, lines: dict, deliveries: list, proposal_counts: dict
             ) -> PartnerSection:
    territory = partner.territory
    section = PartnerSection(
        partner_id=partner.id, name=partner.name, kind=partner.kind, region=territory.region,
        departements=list(territory.departements), communes=list(territory.communes),
        epci=list(territory.epci), epci_names=dict(territory.epci_names),
        geometry_file=territory.geometry_file,
        departements_reached=(convention.reference.departements_of(territory.routing_communes)
                              if convention.reference is not None and not territory.is_everywhere else []))
    roles = convention.datasets_of(partner.id)
    section.produced = [lines[d] for d in roles["produced"] if d in lines]
    section.maintained = [lines[d] for d in roles["maintained"] if d in lines]
    section.stewarded = [lines[d] for d in roles["stewarded"] if d in lines]
    for line in section.stewarded:
        own = proposal_counts.get(f"{line.dataset_id}@{partner.id}")
        _add(section.proposals, _counts(own) if own is not None else line.proposals)
    section.proposals = _counts(section.proposals)
    section.deliveries_owed = [d for d in deliveries if d.debtor_id == partner.id]
    section.deliveries_expected = [d for d in deliveries if d.creditor_id == partner.id]
    return section


__all__ = ["build_report", "render_html", "GovernanceReport", "PartnerSection", "DatasetLine", "DeliveryLine",
           "ReportSummary", "PROPOSAL_COUNTS", "UP_TO_DATE", "LATE", "UNKNOWN"]
