"""The history of a feature, or of a layer: every applied proposal that changed it.

Opened from a feature (the identify results, the attribute table: ui/history_actions.py's
map layer action) or from a layer (its context menu in the layer tree, or the GeoGov menu).
The list: when it was applied (in this computer's time zone), the proposal, who proposed it
(for which organisation), who approved it, what it changed; the page of the selected one:
why (the proposal's comment), who approved and applied it, old → new for each field, the
geometry changed. "Revert this proposal…" proposes to undo the selected one
(ui/revert_dialog.py): a new proposal, reviewed like any other.

The store is read in a task (plugin/bridge/history.py); only the feature's values and the
layer's dataset are taken on the main thread.
"""

from __future__ import annotations

import copy
from html import escape

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ..plugin.bridge import settings as gsettings
from ..plugin.bridge.changelog_page import page_options
from ..plugin.bridge.features import python_value
from ..plugin.bridge.history import load_feature_history, load_layer_history
from ..plugin.bridge.i18n import tr
from ..plugin.bridge.messages import error_text
from ..plugin.bridge.messages.proposals import feature_label
from ..plugin.bridge.propose import dataset_of_layer
from ..plugin.bridge.tasks import run_task
from ..plugin.proposals.model import DELETE, INSERT, UPDATE
from ..plugin.publishing.history import history_rows
from .governance_state import robust_slot, store_changed
from .proposal_view import size_text
from .propose_changes import review_role_label, value_text
from .revert_dialog import RevertFlow
from .window_memory import remember_geometry

WHEN, TITLE, PROPOSED_BY, APPROVED_BY, CHANGES = range(5)
ERROR_STYLE, OK_STYLE = "color: #c62828;", "color: #1b5e20;"


def feature_values(layer, feature) -> dict:
    """{field name: plain value} of a QgsFeature of ``layer`` (main thread)."""
    fields = layer.fields()
    return {fields.at(i).name(): python_value(feature.attribute(i)) for i in range(fields.count())}


def approvals_text(row) -> str:
    return ", ".join(tr("{name} ({role})").format(name=name, role=review_role_label(role))
                     for name, role in row.approved_by) or "—"


def row_html(row) -> str:
    """The page of one applied proposal in the history."""
    # Every sentence through tr() outside any f-string: pylupdate collects only those.
    why, changes = tr("Why"), tr("Changes")
    parts = [f"<h3 style='margin-bottom:2px'>{escape(row.title)}</h3>",
             "<p>" + "<br>".join(escape(line) for line in (
                 tr("Applied on {when}").format(when=row.when),
                 tr("Proposed by {author} ({partner})").format(author=row.proposed_by, partner=row.partner),
                 tr("Approved by {names}").format(names=approvals_text(row)),
                 tr("Applied by {name}").format(name=row.applied_by),
                 tr("Proposal {id}").format(id=row.proposal_id))) + "</p>",
             f"<h4 style='margin-bottom:2px'>{escape(why)}</h4>",
             "<p>" + (escape(row.why).replace("\n", "<br>") if row.why
                      else "<i>" + escape(tr("No explanation given.")) + "</i>") + "</p>",
             f"<h4 style='margin-bottom:2px'>{escape(changes)}</h4>"]
    if not row.changes:
        parts.append("<p><i>" + escape(tr("No change recorded.")) + "</i></p>")
    cell = "style='border:1px solid #d5dde5;padding:2px 6px'"
    for change in row.changes:
        label = feature_label(change.feature, change.op)
        parts.append(f"<p style='margin-bottom:0'><b>{escape(label)}</b></p>")
        lines = [(name, old, new) for name, old, new in change.fields]
        if change.geometry_changed:
            lines.append((tr("geometry"), "", tr("changed") if change.op == UPDATE else ""))
        if not lines:
            continue
        head = (tr("Field"), tr("Before"), tr("After"))
        table = ["<table style='border-collapse:collapse'><tr>"
                 + "".join(f"<th {cell}>{escape(h)}</th>" for h in head) + "</tr>"]
        for name, old, new in lines:
            table.append(f"<tr><td {cell}>{escape(name)}</td><td {cell}>{escape(old)}</td>"
                         f"<td {cell}>{escape(new)}</td></tr>")
        table.append("</table>")
        parts.append("".join(table))
    return "".join(parts)


def changes_text(row, feature: bool) -> str:
    """The Changes column: for a feature its operation, for a layer the size "+1 ~2 −0"."""
    if feature and len(row.changes) == 1:
        return {INSERT: tr("added"), UPDATE: tr("modified"), DELETE: tr("deleted")}.get(
            row.changes[0].op, row.changes[0].op)
    counts = {INSERT: 0, UPDATE: 0, DELETE: 0}
    for change in row.changes:
        counts[change.op] = counts.get(change.op, 0) + 1
    return size_text(counts)


class HistoryDialog(QDialog):
    """A feature's history (``feature`` given) or a layer's."""

    def __init__(self, iface, state, layer, feature=None, parent=None, load_settings=None):
        super().__init__(parent)
        remember_geometry(self, "GeoGovHistoryDialog")
        self.iface = iface
        self.state = state
        self.load_settings = load_settings or gsettings.load
        self.convention = state.convention if state is not None else None
        self.dataset = dataset_of_layer(self.convention, layer)
        self.layer_name = layer.name()
        self.feature_id = feature.id() if feature is not None else None
        self.attributes = feature_values(layer, feature) if feature is not None else None
        self.task = None
        self.history = None
        self.rows = []
        self.revert = RevertFlow(iface, self.convention, self.load_settings, self)
        self.revert.finished.connect(self._reverted)
        dataset_title = ((self.dataset.title or self.dataset.id) if self.dataset is not None
                         else self.layer_name)
        if self.is_feature:
            key_field = self.dataset.key_field if self.dataset is not None else ""
            self.key = self.attributes.get(key_field) if key_field in self.attributes else self.feature_id
            self.setWindowTitle(tr("History of feature {key} — {dataset}").format(key=self.key,
                                                                                 dataset=dataset_title))
            intro = tr("The applied proposals that changed this feature, newest first: when, who proposed "
                       "and approved them, why, and what they changed.")
        else:
            self.key = None
            self.setWindowTitle(tr("History of the layer {layer} — {dataset}").format(layer=self.layer_name,
                                                                                     dataset=dataset_title))
            intro = tr("The applied proposals of this dataset, newest first: when, who proposed and "
                       "approved them, why, and what they changed.")
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.entries = QTreeWidget()
        self.entries.setRootIsDecorated(False)
        self.entries.setHeaderLabels([tr("Applied on"), tr("Proposal"), tr("Proposed by"), tr("Approved by"),
                                      tr("Changes")])
        self.page = QTextBrowser()
        self.page.setOpenExternalLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.entries)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([160, 380])
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        self.revert_button = self.buttons.addButton(tr("Revert this proposal…"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.revert_button.clicked.connect(self.revert_selected)
        self.entries.itemSelectionChanged.connect(self._selected)
        self.finished.connect(self._closed)
        self._update()
        self.resize(820, 600)

    @property
    def is_feature(self) -> bool:
        return self.attributes is not None

    @property
    def busy(self) -> bool:
        return self.task is not None or self.revert.busy

    # ------------------------------------------------------------------ reading
    def start(self):
        """Read the history (a task)."""
        if self.task is not None:
            return
        if self.dataset is None:
            self._status(tr("This layer is no dataset of the partnership convention: GeoGov keeps no history "
                            "of it."), ERROR_STYLE)
            return
        settings = copy.deepcopy(self.load_settings())
        self._status(tr("Reading the history…"))
        if self.is_feature:
            self.task = run_task(tr("GeoGov: read the history of a feature"), load_feature_history, settings,
                                 self.dataset.id, self.attributes, self.feature_id, self.dataset.key_field,
                                 self.convention, on_done=self._loaded, on_error=self._failed)
        else:
            self.task = run_task(tr("GeoGov: read the history of a layer"), load_layer_history, settings,
                                 self.dataset.id, self.convention, on_done=self._loaded,
                                 on_error=self._failed)
        self._update()

    @robust_slot(lambda self: self.iface)
    def _loaded(self, history):
        self.task = None
        self.history = history
        self.rows = history_rows(history.entries, value=value_text, **page_options(self.convention))
        self.entries.clear()
        for row in self.rows:
            item = QTreeWidgetItem(self.entries, [row.when, row.title, f"{row.proposed_by} ({row.partner})",
                                                  approvals_text(row), changes_text(row, self.is_feature)])
            item.setData(WHEN, Qt.ItemDataRole.UserRole, row.proposal_id)
            item.setToolTip(TITLE, row.why or row.title)
        for column in range(self.entries.columnCount()):
            self.entries.resizeColumnToContents(column)
        count = len(self.rows)
        if count:
            self._status(tr("{n} applied proposal(s).").format(n=count))
            self.entries.setCurrentItem(self.entries.topLevelItem(0))
        elif self.is_feature:
            self._status(tr("No applied proposal has changed this feature."))
        else:
            self._status(tr("No proposal has been applied to this dataset yet."))
        self._update()

    @robust_slot(lambda self: self.iface)
    def _failed(self, error):
        self.task = None
        self._status(error_text(error), ERROR_STYLE)
        self._update()

    def _status(self, text, style=""):
        self.status.setStyleSheet(style)
        self.status.setText(text)

    # ------------------------------------------------------------------ selection
    def selected_row(self):
        items = self.entries.selectedItems()
        if not items:
            return None
        wanted = items[0].data(WHEN, Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.proposal_id == wanted), None)

    def select(self, proposal_id: str) -> None:
        for index in range(self.entries.topLevelItemCount()):
            item = self.entries.topLevelItem(index)
            if item.data(WHEN, Qt.ItemDataRole.UserRole) == proposal_id:
                self.entries.setCurrentItem(item)

    def _selected(self, *_):
        row = self.selected_row()
        self.page.setHtml(row_html(row) if row is not None else "")
        self._update()

    def _update(self, *_):
        row = self.selected_row()
        if row is None:
            reason = tr("Select an applied proposal in the list.")
        elif self.busy:
            reason = tr("Wait for the current operation to finish.")
        else:
            reason = ""
        self.revert_button.setEnabled(not reason)
        self.revert_button.setToolTip(reason or tr(
            "Propose to undo this proposal: a new proposal of yours, checked against the data as it is "
            "now and reviewed like any other."))

    # ------------------------------------------------------------------ revert
    @robust_slot(lambda self: self.iface)
    def revert_selected(self, *_):
        row = self.selected_row()
        if row is None or self.busy:
            return
        self._status(tr("Checking the revert of “{title}” against the authoritative data…").format(
            title=row.title))
        self.revert.start(row.proposal_id)
        self._update()

    @robust_slot(lambda self: self.iface)
    def _reverted(self, outcome):
        if outcome is not None:
            self._status(self.revert.message, OK_STYLE)
            store_changed(self.state)
        elif self.revert.error is not None:
            self._status(error_text(self.revert.error), ERROR_STYLE)
        else:
            self._status(tr("Nothing was reverted."))
        self._update()

    def _closed(self, *_):
        if self.task is not None:
            self.task.cancel()
        self.revert.unload()


def open_history(iface, state, layer, feature=None, parent=None, load_settings=None):
    """Open (non-modal) and start the history of ``feature`` of ``layer``, or of ``layer``."""
    dialog = HistoryDialog(iface, state, layer, feature, parent or iface.mainWindow(),
                           load_settings=load_settings)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.start()
    return dialog
