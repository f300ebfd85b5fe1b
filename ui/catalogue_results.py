"""The results table of the Catalogue dock: one row per record.

Columns: Title · Producer · Maintainer · Update frequency · Last revision · Services.
Producer and maintainer are the organisations of the record's ISO ``originator`` and
``custodian`` parties (what the partnership convention calls producer and maintainer).
Last revision is ``Record.last_revision``; its cell's tooltip names which date it is and
the column header's says what it means.
"""

from __future__ import annotations

from qgis.PyQt.QtGui import QStandardItem, QStandardItemModel

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.labels.catalogue import (
    date_label,
    frequency_label,
    last_revision_help,
    last_revision_label,
    services_label,
)

SHOWN_NAMES = 1     # organisations written out in a cell; the others are counted
LAST_REVISION_COLUMN = 4


def column_titles() -> list:
    return [tr("Title"), tr("Producer"), tr("Maintainer"), tr("Update frequency"),
            tr("Last revision"), tr("Services")]


def organisations(record, role: str) -> list:
    names = []
    for party in record.parties_with_role(role):
        name = party.organisation or party.individual
        if name and name not in names:
            names.append(name)
    return names


def names_cell(names) -> str:
    """"A (+7)": a narrow cell stays readable when eight départements produce a layer
    (the tooltip lists them all)."""
    if len(names) <= SHOWN_NAMES:
        return ", ".join(names)
    return tr("{names} (+{more})").format(names=", ".join(names[:SHOWN_NAMES]),
                                          more=len(names) - SHOWN_NAMES)


def result_row(record) -> list:
    """The cells of one record, as ``(text, tooltip)`` pairs in column order."""
    producers = organisations(record, "originator")
    maintainers = organisations(record, "custodian")
    frequency = frequency_label(record.maintenance)
    revision = record.last_revision
    return [
        (record.title or record.identifier,
         "\n\n".join(v for v in (record.title, record.abstract[:400]) if v)),
        (names_cell(producers), "\n".join(producers)),
        (names_cell(maintainers), "\n".join(maintainers)),
        (frequency, record.maintenance.frequency_raw if record.maintenance else ""),
        (date_label(revision), last_revision_label(record)),
        (services_label(record), ""),
    ]


class ResultsModel(QStandardItemModel):
    def __init__(self, parent=None):
        super().__init__(0, len(column_titles()), parent)
        self.setHorizontalHeaderLabels(column_titles())
        self.horizontalHeaderItem(LAST_REVISION_COLUMN).setToolTip(last_revision_help())
        self.records = []

    def set_records(self, records) -> None:
        self.removeRows(0, self.rowCount())
        self.records = list(records)
        for record in self.records:
            items = []
            for text, tooltip in result_row(record):
                item = QStandardItem(text)
                item.setEditable(False)
                if tooltip:
                    item.setToolTip(tooltip)
                items.append(item)
            self.appendRow(items)

    def record_at(self, row: int):
        if 0 <= row < len(self.records):
            return self.records[row]
        return None
