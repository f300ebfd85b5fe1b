"""The convention browser: partners → the datasets they produce, maintain, validate; datasets
→ their partners; and the convention's problems when it does not load.

A dock over the shared GovernanceState: it shows what the state holds and asks it to
reload; it reads no file itself. Problems are listed with the file, line, column, the
place in the document and a translated sentence, so the coordinator can fix the YAML.
"""

from __future__ import annotations

import os

from qgis.gui import QgsDockWidget, QgsFilterLineEdit
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.labels import governance as labels
from ..plugin.bridge.messages import error_text
from ..plugin.bridge.messages.governance import convention_problems, problem_text
from ..plugin.governance.report_html import territory_phrase
from .desktop_open import open_in_desktop
from .governance_state import robust_slot, state_of

OBJECT_NAME = "GeoGovConventionBrowser"


def _names(convention, ids) -> str:
    return ", ".join(convention.partners[i].name for i in ids if i in convention.partners) or "—"


def _steward_text(convention, assignment) -> str:
    partner = convention.partners.get(assignment.partner)
    name = partner.name if partner else assignment.partner
    if assignment.territory is None or assignment.territory.is_everywhere:
        return name
    return tr("{name} (in {territory})").format(name=name,
                                               territory=territory_phrase(assignment.territory, tr))


class ConventionBrowser(QgsDockWidget):
    def __init__(self, iface, state, parent=None):
        super().__init__(tr("Partnership convention"), parent)
        self.setObjectName(OBJECT_NAME)
        self.iface = iface
        self.state = state
        body = QWidget()
        layout = QVBoxLayout(body)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)   # texts are escaped by _html
        row = QHBoxLayout()
        self.filter = QgsFilterLineEdit()
        self.filter.setPlaceholderText(tr("Filter partners and datasets…"))
        self.filter.textChanged.connect(self.apply_filter)
        self.reload_button = QPushButton(tr("Reload"))
        self.reload_button.clicked.connect(self.reload)
        self.open_button = QPushButton(tr("Open the file"))
        self.open_button.clicked.connect(self.open_file)
        row.addWidget(self.filter, 1)
        row.addWidget(self.reload_button)
        row.addWidget(self.open_button)
        self.tabs = QTabWidget()
        self.partners = self._tree()
        self.datasets = self._tree()
        self.problems = QTableWidget(0, 6)
        self.problems.setHorizontalHeaderLabels([tr("Severity"), tr("File"), tr("Line"),
                                                 tr("Column"), tr("Place in the document"),
                                                 tr("Problem")])
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setWordWrap(True)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.partners, tr("Partners"))
        self.tabs.addTab(self.datasets, tr("Datasets"))
        self.tabs.addTab(self.problems, tr("Problems"))
        layout.addWidget(self.header)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)
        self.refresh()

    @staticmethod
    def _tree() -> QTreeWidget:
        tree = QTreeWidget()
        tree.setColumnCount(2)
        tree.setHeaderLabels([tr("Name"), tr("Detail")])
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        tree.header().setStretchLastSection(True)
        tree.setColumnWidth(0, 300)
        tree.setWordWrap(True)
        return tree

    # ------------------------------------------------------------------ slots
    @robust_slot(lambda self: self.iface)
    def reload(self, *_):
        self.state.reload()

    @robust_slot(lambda self: self.iface)
    def open_file(self, *_):
        source = self.state.source
        if not source:
            return
        open_in_desktop(self.iface, source)

    @robust_slot(lambda self: self.iface)
    def refresh(self, *_):
        state = self.state
        convention = state.convention
        self.open_button.setEnabled(bool(state.source) and
                                    ("://" in state.source or os.path.exists(state.source)))
        if convention is not None:
            signed = labels.date_label(convention.signed) if convention.signed else tr("not signed")
            coordinator = convention.partners.get(convention.coordinator)
            self.header.setText(tr("<b>{title}</b><br>Version {version}, signed on {signed}; "
                                   "coordinated by {coordinator}.").format(
                title=_html(convention.title), version=_html(convention.version),
                signed=_html(signed),
                coordinator=_html(coordinator.name if coordinator else convention.coordinator)))
        elif state.loading:
            self.header.setText(tr("Loading the partnership convention…"))
        elif state.error is not None:
            self.header.setText("<span style='color:#c62828'><b>" + _html(
                tr("The partnership convention could not be loaded.")) + "</b></span><br>"
                + _html(error_text(state.error)))
        else:
            self.header.setText(_html(error_text(_no_convention())))
        self._fill_partners(convention)
        self._fill_datasets(convention)
        for tree in (self.partners, self.datasets):
            for index in range(tree.topLevelItemCount()):
                _tooltips(tree.topLevelItem(index))
        problems = convention_problems(state.error) if state.error is not None else \
            (list(convention.warnings) if convention is not None else [])
        self._fill_problems(problems)
        if state.error is not None and problems:
            self.tabs.setCurrentWidget(self.problems)
        self.apply_filter(self.filter.text())

    # ------------------------------------------------------------------ trees
    def _fill_partners(self, convention):
        self.partners.clear()
        if convention is None:
            return
        titles = {d.id: d.title for d in convention.datasets.values()}
        for partner in convention.partners.values():
            kind = labels.partner_kind_label(partner.kind)
            item = QTreeWidgetItem([partner.name,
                                    f"{kind} — {territory_phrase(partner.territory, tr)}"])
            item.setData(0, Qt.ItemDataRole.UserRole, partner.id)
            roles = convention.datasets_of(partner.id)
            for key, heading in (("produced", tr("Produces")), ("maintained", tr("Maintains")),
                                 ("stewarded", tr("Validates the changes to"))):
                if roles[key]:
                    group = QTreeWidgetItem(item, [heading, str(len(roles[key]))])
                    for dataset_id in roles[key]:
                        QTreeWidgetItem(group, [titles.get(dataset_id, dataset_id), dataset_id])
            if partner.contacts:
                group = QTreeWidgetItem(item, [tr("Contacts"), str(len(partner.contacts))])
                for contact in partner.contacts:
                    roles_text = ", ".join(labels.organisation_role_label(r) for r in contact.roles)
                    QTreeWidgetItem(group, [contact.name, " · ".join(
                        t for t in (roles_text, contact.email, contact.phone) if t)])
            self.partners.addTopLevelItem(item)

    def _fill_datasets(self, convention):
        self.datasets.clear()
        if convention is None:
            return
        for dataset in convention.datasets.values():
            item = QTreeWidgetItem([dataset.title, dataset.id])
            item.setData(0, Qt.ItemDataRole.UserRole, dataset.id)
            rows = [
                (labels.responsibility_role_label("producer"),
                 _names(convention, dataset.producers)),
                (labels.responsibility_role_label("maintainer"),
                 _names(convention, [dataset.maintainer])),
                (labels.responsibility_role_label("steward"),
                 "; ".join(_steward_text(convention, a) for a in dataset.stewards) or "—"),
                (tr("Update"), labels.frequency_label(dataset.frequency)),
                (tr("Dissemination"), labels.dissemination_label(dataset.dissemination)),
                (tr("Licence"), dataset.licence or tr("not stated")),
                (tr("Personal data"), tr("yes") if dataset.personal_data else tr("no")),
                (tr("Changes approved by"),
                 ", ".join(labels.organisation_role_label(r) for r in dataset.approval)),
            ]
            for obligation in convention.obligations:
                if obligation.dataset == dataset.id:
                    rows.append((tr("Contract delivery"), tr("{debtor} to {creditor}, {rhythm}")
                                 .format(debtor=_names(convention, [obligation.debtor]),
                                         creditor=_names(convention, [obligation.creditor]),
                                         rhythm=labels.frequency_label(obligation.frequency))))
            for label, value in rows:
                QTreeWidgetItem(item, [label, value])
            self.datasets.addTopLevelItem(item)

    def _fill_problems(self, problems):
        self.problems.setRowCount(len(problems))
        errors = 0
        for row, problem in enumerate(problems):
            error = problem.severity != "warning"
            errors += error
            values = [tr("Error") if error else tr("Warning"),
                      os.path.basename(problem.source) if problem.source else "",
                      str(problem.line or ""), str(problem.column or ""), problem.path,
                      problem_text(problem)]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(problem.message if column == 5 else value)
                if error and column == 0:
                    cell.setForeground(QBrush(QColor("#c62828")))
                self.problems.setItem(row, column, cell)
        self.problems.resizeColumnsToContents()
        self.problems.resizeRowsToContents()
        self.tabs.setTabText(self.tabs.indexOf(self.problems),
                             tr("Problems ({n})").format(n=len(problems)) if problems
                             else tr("Problems"))

    @robust_slot(lambda self: self.iface)
    def apply_filter(self, text=""):
        words = (text or "").strip().lower()
        for tree in (self.partners, self.datasets):
            for index in range(tree.topLevelItemCount()):
                item = tree.topLevelItem(index)
                haystack = " ".join([item.text(0), item.text(1)] + _child_texts(item)).lower()
                item.setHidden(bool(words) and words not in haystack)

    def top_level_texts(self, tree) -> list:
        return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def _tooltips(item) -> None:
    """Full texts in tooltips: the dock is narrow, long names are elided."""
    for column in (0, 1):
        item.setToolTip(column, item.text(column))
    for index in range(item.childCount()):
        _tooltips(item.child(index))


def _child_texts(item) -> list:
    out = []
    for index in range(item.childCount()):
        child = item.child(index)
        out += [child.text(0), child.text(1)] + _child_texts(child)
    return out


def _html(text) -> str:
    from html import escape

    # quote=False: an apostrophe needs no escaping in rich text, and "&#x27;" showed as is
    # where the label's format detection took the text for plain text.
    return escape(str(text), quote=False)


def _no_convention():
    from ..plugin.errors import GeoGovError

    return GeoGovError("No partnership convention is configured", code="governance.no_convention")


def build_dock(plugin):
    """The browser, built the first time it is shown (ui/plugin.py)."""
    state = state_of(plugin)
    dock = ConventionBrowser(plugin.iface, state)
    plugin.connect(state.changed, dock.refresh)
    return dock
