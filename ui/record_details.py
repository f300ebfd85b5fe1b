"""The detail pane of the Catalogue dock: one record, its responsible parties by role.

Parties are grouped by ISO role with the French label and the ISO code beside it
("Gestionnaire (custodian)"); a party met in several places of the record (cited party
and maintenance contact…) is listed once with every context. Roles that are not ISO
19139 codes are never dropped: they are shown as written with a warning mark.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.labels.catalogue import (
    constraint_label,
    context_label,
    date_kind_labels,
    frequency_label,
    last_revision_help,
    last_revision_label,
    link_kind_labels,
)
from ..plugin.bridge.labels.governance import date_label as date_words
from ..plugin.bridge.labels.governance import iso_role_label
from ..plugin.catalogue import model
from ..plugin.catalogue.roles import ISO19115_1_ROLES, ISO19139_ROLES

WARNING = "⚠"
ABSTRACT_SHOWN = 360     # characters of the abstract shown above the parties
# The roles a governance reader looks for first, then the rest of the code list.
ROLE_ORDER = ("custodian", "originator", "owner", "pointOfContact", "distributor",
              "resourceProvider", "publisher", "author", "principalInvestigator", "processor",
              "user") + ISO19115_1_ROLES
assert set(ROLE_ORDER) >= set(ISO19139_ROLES)


@dataclass
class PartyEntry:
    party: model.Party
    contexts: list = field(default_factory=list)   # context codes, record order


@dataclass
class RoleGroup:
    key: str               # the ISO code, or "raw:<value>" for a role that is none
    header: str            # "Gestionnaire (custodian)", "⚠ partner"…
    tooltip: str = ""
    flagged: bool = False
    entries: list = field(default_factory=list)


def _party_key(party):
    return (party.role, party.role_raw, party.organisation, party.individual, party.email,
            party.href)


def group_parties(parties) -> list:
    """:class:`RoleGroup` list: ISO roles first in :data:`ROLE_ORDER`, then raw ones."""
    groups, entries = {}, {}
    for party in parties:
        if party.role:
            key = party.role
        elif party.role_raw.strip():
            key = "raw:" + party.role_raw.strip()
        else:
            key = "raw:"
        group = groups.get(key)
        if group is None:
            group = groups[key] = _new_group(key, party)
        entry = entries.get((key, _party_key(party)))
        if entry is None:
            entry = entries[(key, _party_key(party))] = PartyEntry(party)
            group.entries.append(entry)
        if party.context not in entry.contexts:
            entry.contexts.append(party.context)

    def order(group):
        if group.key in ROLE_ORDER:
            return (0, ROLE_ORDER.index(group.key), "")
        return (1 if group.key != "raw:" else 2, 0, group.key.lower())

    return sorted(groups.values(), key=order)


def _new_group(key, party) -> RoleGroup:
    if not key.startswith("raw:"):
        header = tr("{label} ({code})").format(label=iso_role_label(key), code=key)
        if party.role_status == model.ROLE_ISO19115_1 or key in ISO19115_1_ROLES:
            return RoleGroup(key, f"{header} {WARNING}", tr(
                "ISO 19115-1 role, absent from the ISO 19139 code list: kept as is"), True)
        return RoleGroup(key, header)
    raw = key[4:]
    if not raw:
        return RoleGroup(key, f"{WARNING} {iso_role_label(None)}",
                         tr("The record gives no role for this party"), True)
    return RoleGroup(key, f"{WARNING} {raw}", tr("non-standard role, kept as is"), True)


def party_html(entry: PartyEntry) -> str:
    """The rich text of one party (organisation, person, position, e-mail, phone, URL,
    contexts); a party given only by reference shows its link."""
    party = entry.party
    esc = html.escape
    lines = []
    reference_only = party.href and not (party.organisation or party.individual or party.email)
    if reference_only:
        lines.append(tr("Given by reference only: {link}").format(
            link=f'<a href="{esc(party.href, quote=True)}">{esc(party.href)}</a>'))
    name = []
    if party.organisation:
        name.append(f"<b>{esc(party.organisation)}</b>")
    person = ", ".join(esc(v) for v in (party.individual, party.position) if v)
    if person:
        name.append(person)
    if name:
        lines.append(" — ".join(name))
    reach = []
    if party.email:
        reach.append(f'<a href="mailto:{esc(party.email, quote=True)}">{esc(party.email)}</a>')
    if party.phone:
        reach.append(tr("tel. {phone}").format(phone=esc(party.phone)))
    if party.url:
        reach.append(f'<a href="{esc(party.url, quote=True)}">{esc(party.url)}</a>')
    if reach:
        lines.append(" · ".join(reach))
    if party.role_status == model.ROLE_NONSTANDARD and party.role:
        # A word mapped to an ISO role (OGC API "producer"): the written word is shown.
        lines.append(f"{WARNING} " + tr("role written \"{raw}\" in the record").format(
            raw=esc(party.role_raw)))
    contexts = ", ".join(context_label(c) for c in entry.contexts)
    lines.append(f'<span style="color:#666666">{esc(contexts)}</span>')
    return "<br>".join(lines)


class RecordDetails(QScrollArea):
    """Shows one :class:`~geogov.plugin.catalogue.model.Record` (or nothing)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.record = None
        self.group_labels = []     # (group header QLabel, [party QLabel]) for tests
        self.show_record(None)

    def _label(self, text, rich=True, tooltip=""):
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.setOpenExternalLinks(True)
        if tooltip:
            label.setToolTip(tooltip)
        return label

    def show_record(self, record):
        self.record = record
        self.group_labels = []
        body = QWidget()
        layout = QVBoxLayout(body)
        if record is None:
            hint = self._label(tr("Select a record to see who produces and maintains it."),
                               rich=False)
            hint.setStyleSheet("color:#666666")
            layout.addWidget(hint)
            layout.addStretch()
            self.setWidget(body)
            return
        esc = html.escape
        title = self._label(f"<h3>{esc(record.title or record.identifier)}</h3>")
        layout.addWidget(title)
        if record.abstract:
            # A long abstract would push the parties out of sight: cut, whole in the tooltip.
            short = record.abstract if len(record.abstract) <= ABSTRACT_SHOWN else \
                record.abstract[:ABSTRACT_SHOWN].rsplit(" ", 1)[0] + " …"
            layout.addWidget(self._label(short, rich=False, tooltip=record.abstract))
        heading_text = tr("Responsible parties")
        heading = self._label(f"<h4>{esc(heading_text)}</h4>")
        layout.addWidget(heading)
        groups = group_parties(record.parties)
        if not groups:
            layout.addWidget(self._label(tr("The record names no responsible party."),
                                         rich=False))
        for group in groups:
            header = self._label(f"<b>{esc(group.header)}</b>", tooltip=group.tooltip)
            if group.flagged:
                header.setStyleSheet("color:#a15c00")
            layout.addWidget(header)
            parties = []
            for entry in group.entries:
                label = self._label(party_html(entry), tooltip=group.tooltip)
                label.setContentsMargins(16, 0, 0, 4)
                layout.addWidget(label)
                parties.append(label)
            self.group_labels.append((header, parties))
        heading_text = tr("About the record")
        heading = self._label(f"<h4>{esc(heading_text)}</h4>")
        layout.addWidget(heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for caption, value, *tooltip in self._fields(record):
            tip = tooltip[0] if tooltip else ""
            form.addRow(self._label(f"<b>{esc(caption)}</b>", tooltip=tip),
                        self._label(value, tooltip=tip))
        layout.addLayout(form)
        layout.addStretch()
        self.setWidget(body)

    @staticmethod
    def _fields(record) -> list:
        esc = html.escape
        rows = [(tr("Identifier"), esc(record.identifier))]
        kinds = date_kind_labels()
        # On a record's page, every date in words, as in the responsibility panel beside it
        # (the results table keeps the short form, for its column).
        dates = [f"{kinds[k]} {date_words(record.dates[k])}"
                 for k in ("creation", "publication", "revision") if record.dates.get(k)]
        if dates:
            rows.append((tr("Dates"), esc(", ".join(dates))))
        if record.last_revision is not None:
            # Which of the dates the Last revision column shows, and what that column means.
            rows.append((tr("Last revision"), esc(last_revision_label(record, date_words)),
                         last_revision_help()))
        if record.keywords:
            rows.append((tr("Keywords"), esc(", ".join(str(k) for k in record.keywords))))
        if record.licence:
            rows.append((tr("Licence"), esc(record.licence)))
        constraints = [c for c in record.constraints if c and c != record.licence]
        if constraints:
            rows.append((tr("Constraints"), "<br>".join(esc(constraint_label(c))
                                                       for c in constraints)))
        maintenance = record.maintenance
        if maintenance is not None:
            parts = []
            frequency = frequency_label(maintenance)
            if frequency:
                parts.append(tr("update frequency: {frequency}").format(frequency=frequency))
            if maintenance.next_update:
                parts.append(tr("next update: {date}").format(
                    date=date_words(maintenance.next_update)))
            if maintenance.note:
                parts.append(maintenance.note)
            if parts:
                rows.append((tr("Maintenance"), "<br>".join(esc(p) for p in parts)))
        if record.bbox:
            west, south, east, north = record.bbox
            rows.append((tr("Extent"), esc(tr(
                "west {west:.4f}, south {south:.4f}, east {east:.4f}, north {north:.4f}").format(
                    west=west, south=south, east=east, north=north))))
        if record.links:
            kinds = link_kind_labels()
            items = []
            for link in record.links:
                text = link.name or link.description or link.url
                items.append(f'{esc(kinds.get(link.kind, link.kind))}: '
                             f'<a href="{esc(link.url, quote=True)}">{esc(text)}</a>')
            rows.append((tr("Links"), "<br>".join(items)))
        return rows
