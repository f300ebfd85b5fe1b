"""The Review dock's queue: its filters, the list of proposals they select, the selection.

The widgets are review_dock.ui's (``scope_combo``, ``status_combo``, ``dataset_combo`` and
the ``queue`` tree); this fills and reads them. When the store is read, and what a
selection opens, are the dock's (ui/review_dock.py). The scopes: to review by me, to apply
(the dock's own: the approved proposals of every scope), my organisation's, mine, all. A
line: title, dataset, author, organisation, size (+n ~m −d), age ("il y a 3 jours"), the
approvals still needed ("référent validation ✓, DPO en attente") and the status.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTreeWidgetItem

from ..plugin.bridge.i18n import tr
from ..plugin.proposals.model import APPROVED, STATUSES, SUBMITTED
from ..plugin.proposals.stores.base import ALL, MINE, MY_PARTNER, TO_REVIEW
from .proposal_view import age_text, approvals_text, dataset_title, partner_name, size_text, size_tooltip
from .propose_changes import proposal_status_label

TO_APPLY = "to_apply"                    # the dock's own scope: approved, all I may see
TITLE, DATASET, AUTHOR, PARTNER, SIZE, AGE, APPROVALS, STATUS = range(8)


def scope_labels() -> list:
    return [(TO_REVIEW, tr("To review by me")), (TO_APPLY, tr("Approved, to apply")),
            (MY_PARTNER, tr("My organisation's")), (MINE, tr("Mine")), (ALL, tr("All I may see"))]


def header_text(queue, convention) -> str:
    """Who reviews, above the list (and that a GeoPackage store checks no identity)."""
    identity = queue.identity
    header = tr("Reviewing as {login} ({partner}).").format(
        login=identity.login or "?", partner=partner_name(convention, identity.partner))
    if queue.store_kind == "gpkg":
        header += " " + tr("GeoPackage store: no access control (identity from the settings).")
    return header


def count_text(count: int) -> str:
    return tr("{n} proposal(s) in the list.").format(n=count) if count else tr("No proposal here.")


class ReviewQueue:
    """The filters and the list of the dock's form ``ui``."""

    def __init__(self, ui):
        self.ui = ui
        for scope, label in scope_labels():
            ui.scope_combo.addItem(label, scope)
        ui.status_combo.addItem(tr("Any status"), None)
        for status in STATUSES:
            ui.status_combo.addItem(proposal_status_label(status), status)
        ui.dataset_combo.addItem(tr("All datasets"), None)
        ui.queue.setHeaderLabels([tr("Title"), tr("Dataset"), tr("Author"), tr("Organisation"), tr("Size"),
                                  tr("Age"), tr("Approvals"), tr("Status")])

    @property
    def filter_combos(self) -> tuple:
        return self.ui.scope_combo, self.ui.status_combo, self.ui.dataset_combo

    def fill_datasets(self, convention) -> None:
        """The convention's datasets not offered yet, by title."""
        combo = self.ui.dataset_combo
        known = {combo.itemData(i) for i in range(combo.count())}
        if convention is not None:
            for dataset_id, dataset in sorted(convention.datasets.items(), key=lambda kv: kv[1].title):
                if dataset_id not in known:
                    combo.addItem(dataset.title, dataset_id)

    def filters(self) -> tuple:
        """(scope, status, dataset) for the store's list."""
        scope = self.ui.scope_combo.currentData()
        status = self.ui.status_combo.currentData()
        if scope == TO_APPLY:
            scope, status = ALL, status or APPROVED
        return scope, status, self.ui.dataset_combo.currentData()

    def show_scope(self, scope) -> None:
        """The filter set to ``scope``, any status, without a signal (the caller refreshes)."""
        combos = (self.ui.scope_combo, self.ui.status_combo)
        index = self.ui.scope_combo.findData(scope)
        if index < 0:
            return
        for combo in combos:
            combo.blockSignals(True)
        try:
            self.ui.scope_combo.setCurrentIndex(index)
            self.ui.status_combo.setCurrentIndex(0)        # "Any status"
        finally:
            for combo in combos:
                combo.blockSignals(False)

    def show(self, summaries, convention, keep_in_sight=None) -> None:
        """The list of ``summaries``, without a selection signal: the lines selected before
        stay selected, and ``keep_in_sight`` (an id) is selected and scrolled to."""
        selected = set(self.selected_ids())
        tree = self.ui.queue
        tree.blockSignals(True)
        try:
            tree.clear()
            for summary in summaries:
                awaiting = approvals_text(summary.approvals) if summary.status == SUBMITTED else ""
                item = QTreeWidgetItem(tree, [
                    summary.title or summary.id, dataset_title(convention, summary.dataset),
                    summary.author,
                    partner_name(convention, summary.partner), size_text(summary.counts),
                    age_text(summary.submitted_at or summary.created_at), awaiting,
                    proposal_status_label(summary.status)])
                item.setData(TITLE, Qt.ItemDataRole.UserRole, summary)
                item.setToolTip(SIZE, size_tooltip(summary.counts))
                item.setToolTip(TITLE, summary.title or summary.id)
                if summary.id in selected or summary.id == keep_in_sight:
                    item.setSelected(True)
                    if summary.id == keep_in_sight:
                        tree.scrollToItem(item)
            for column in range(tree.columnCount()):
                tree.resizeColumnToContents(column)
            tree.setColumnWidth(TITLE, min(tree.columnWidth(TITLE), 260))
        finally:
            tree.blockSignals(False)

    def summaries(self) -> list:
        tree = self.ui.queue
        return [tree.topLevelItem(i).data(TITLE, Qt.ItemDataRole.UserRole)
                for i in range(tree.topLevelItemCount())]

    def selected_summaries(self) -> list:
        return [item.data(TITLE, Qt.ItemDataRole.UserRole) for item in self.ui.queue.selectedItems()]

    def selected_ids(self) -> list:
        return [s.id for s in self.selected_summaries()]

    def select(self, proposal_ids) -> None:
        """Select the proposals of these ids, without a selection signal."""
        wanted = set([proposal_ids] if isinstance(proposal_ids, str) else proposal_ids)
        tree = self.ui.queue
        tree.blockSignals(True)
        try:
            tree.clearSelection()
            for index in range(tree.topLevelItemCount()):
                item = tree.topLevelItem(index)
                if item.data(TITLE, Qt.ItemDataRole.UserRole).id in wanted:
                    item.setSelected(True)
        finally:
            tree.blockSignals(False)
