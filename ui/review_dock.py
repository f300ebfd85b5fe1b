"""The Review dock: the queue of proposals I may act on, and deciding or applying them.

Layout in review_dock.ui (no text there: every label is set through tr(), here and in
ui/review_queue.py). The queue (ui/review_queue.py: its filters, its list, the selection)
lists the proposals of the chosen scope, status and dataset.
Selecting one proposal shows its page (ui/proposal_view.py), its map diff
(ui/diff_view.py) and its attribute diff (ui/attribute_diff.py); deselecting it, or
closing the dock, removes their layers.

Decisions: Approve, Request changes, Reject (a comment is required for the last two),
"Approve all selected" (each in turn; refusals listed with the store's reason). A button
that cannot be used is disabled and says why (tooltip and the line below the buttons):
one's own proposal, no comment yet, not awaiting one's decision — what the buttons show
is ui/review_buttons.py's, on plugin/workflow/actions.py's verdicts. The version of the
proposal shown is sent with each decision, so a concurrent decision gets the store's
clear refusal instead of overriding it. "Apply to the authoritative data" (an approved
proposal, a steward or a coordinator) runs in a task with progress and cancel; a
conflict opens the 3-way conflict dialog, whose choices rebase the proposal. "Revert…" (an
applied proposal) proposes to undo it: a new proposal of the current user, checked against
the data as it is now and reviewed like any other (ui/revert_dialog.py).

Every store, network or database access runs in a QgsTask (plugin/bridge/review.py);
widgets are updated in the tasks' callbacks on the main thread.
"""

from __future__ import annotations

import copy
import os

from qgis.core import Qgis, QgsMapLayerType, QgsProject
from qgis.gui import QgsDockWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QPushButton, QWidget

from ..plugin.bridge import settings as gsettings
from ..plugin.bridge.i18n import tr
from ..plugin.bridge.messages import error_text
from ..plugin.bridge.messages.publishing import apply_result_text
from ..plugin.bridge.propose import layer_target
from ..plugin.bridge.propose_reload import same_target
from ..plugin.bridge.review import (
    add_comment,
    apply_approved,
    decide,
    decide_many,
    load_queue,
    open_detail,
    rebase_with_choices,
    retry_catalogue,
)
from ..plugin.bridge.tasks import run_task
from ..plugin.proposals.model import APPROVE, APPROVED, REJECT, REQUEST_CHANGES
from ..plugin.publishing import result as outcomes
from ..plugin.workflow import actions as A  # noqa: N812
from . import review_buttons as buttons
from .attribute_diff import AttributeDiffView
from .conflict_dialog import ConflictDialog
from .diff_view import DiffView
from .governance_state import robust_slot, store_changed
from .proposal_view import ProposalView, size_tooltip
from .propose_changes import proposal_status_label
from .revert_dialog import RevertFlow
from .review_queue import TO_APPLY, ReviewQueue, count_text, header_text
from .standard_buttons import ask

OBJECT_NAME = "GeoGovReviewDock"
FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "review_dock.ui"))
ERROR_STYLE, OK_STYLE, WARNING_STYLE = "color: #c62828;", "color: #1b5e20;", "color: #b26a00;"


class ReviewDock(QgsDockWidget):
    def __init__(self, iface, state=None, parent=None, load_settings=None):
        super().__init__(tr("Review proposals"), parent)
        self.setObjectName(OBJECT_NAME)
        self.iface = iface
        self.state = state
        self.load_settings = load_settings or gsettings.load
        self.task = None              # the one store operation running (list, decide, apply…)
        self.cancellable = False      # it shows a progress bar and a Cancel button
        self.detail_task = None
        self.queue = None
        self.detail = None            # review.Detail of the selected proposal
        self.conflict_dialog = None
        self.changelog_dialog = None
        self.last_outcome = None      # what the last decision / apply returned (tests, screenshots)
        self.outcome_text = None      # (text, style) of the last action, kept over the next refresh
        self.keep_in_sight = None     # the proposal to select again after the next refresh
        self.refresh_wanted = False   # a refresh asked while another operation ran
        body = QWidget()
        self.ui = FORM_CLASS()
        self.ui.setupUi(body)
        self.setWidget(body)
        ui = self.ui
        self.queue_view = ReviewQueue(ui)
        self.queue_view.fill_datasets(self.convention)
        self.proposal_view = ProposalView()
        self.diff_view = DiffView(iface, self.load_settings)
        self.attribute_view = AttributeDiffView(iface, self.load_settings, self.diff_view.layers)
        ui.tabs.addTab(self.proposal_view, tr("Proposal"))
        ui.tabs.addTab(self.diff_view, tr("Map"))
        ui.tabs.addTab(self.attribute_view, tr("Attributes"))
        ui.refresh_button.setText(tr("Refresh"))
        ui.changelog_button.setText(tr("Change log…"))
        ui.decision_box.setTitle(tr("Decision"))
        ui.decision_comment.setPlaceholderText(tr("Your comment (required to reject or to request changes)"))
        ui.approve_button.setText(tr("Approve"))
        ui.changes_button.setText(tr("Request changes"))
        ui.reject_button.setText(tr("Reject"))
        ui.apply_button.setText(tr("Apply to the authoritative data"))
        ui.conflicts_button.setText(tr("Resolve the conflicts…"))
        ui.catalogue_button.setText(tr("Update the catalogue record"))
        ui.cancel_button.setText(tr("Cancel"))
        # Not in review_dock.ui: the revert of an applied proposal, beside the apply.
        self.revert_button = QPushButton(tr("Revert…"))
        self.revert_button.setObjectName("revert_button")
        ui.apply_layout.insertWidget(ui.apply_layout.indexOf(ui.cancel_button), self.revert_button)
        self.revert = RevertFlow(iface, None, self.load_settings, self)
        ui.reason_label.setStyleSheet(WARNING_STYLE)
        ui.progress.setVisible(False)
        ui.splitter.setStretchFactor(0, 2)
        ui.splitter.setStretchFactor(1, 3)
        ui.body_layout.setStretchFactor(ui.splitter, 1)     # spare height to the queue and the page
        ui.refresh_button.clicked.connect(self.refresh)
        ui.changelog_button.clicked.connect(self.open_changelog)
        for combo in self.queue_view.filter_combos:
            combo.currentIndexChanged.connect(self.refresh)
        ui.queue.itemSelectionChanged.connect(self._selection_changed)
        ui.decision_comment.textChanged.connect(self._update_buttons)
        ui.approve_button.clicked.connect(lambda: self.decide(APPROVE))
        ui.changes_button.clicked.connect(lambda: self.decide(REQUEST_CHANGES))
        ui.reject_button.clicked.connect(lambda: self.decide(REJECT))
        ui.bulk_button.clicked.connect(self.approve_selected)
        ui.apply_button.clicked.connect(self.apply)
        ui.conflicts_button.clicked.connect(self.open_conflicts)
        ui.catalogue_button.clicked.connect(self.retry_catalogue)
        ui.cancel_button.clicked.connect(self.cancel)
        self.revert_button.clicked.connect(self.revert_applied)
        self.revert.finished.connect(self._reverted)
        self.proposal_view.comment_requested.connect(self.comment)
        self.diff_view.failed.connect(self._diff_failed)
        self.attribute_view.failed.connect(self._diff_failed)
        # The attribute diff is built when its tab is open (attribute_diff.set_active).
        ui.tabs.currentChanged.connect(self._tab_changed)
        self._tab_changed()
        self.closed.connect(self.clear_layers)
        self._update_buttons()

    # ------------------------------------------------------------------ plumbing
    @property
    def convention(self):
        return self.state.convention if self.state is not None else None

    @property
    def busy(self) -> bool:
        return self.task is not None or self.detail_task is not None or self.refresh_wanted

    def _settings(self):
        return copy.deepcopy(self.load_settings())

    def _status(self, text: str, style: str = ""):
        self.ui.status_label.setStyleSheet(style)
        self.ui.status_label.setText(text)

    def _run(self, text, function, *args, on_done, cancellable=False, **kwargs):
        self._status(text)
        self.task = run_task(text, function, self._settings(), *args, on_done=on_done, on_error=self._failed,
                             **kwargs)
        self.cancellable = cancellable
        self.ui.progress.setValue(0)
        self.ui.progress.setVisible(cancellable)
        if cancellable:
            self.task.progressChanged.connect(lambda value: self.ui.progress.setValue(int(value)))
        self._update_buttons()

    def _idle(self):
        self.task = None
        self.cancellable = False
        self.ui.progress.setVisible(False)
        self._update_buttons()
        if self.refresh_wanted:
            # A filter changed (or a refresh was asked) while the store was busy: the list
            # shown must be the one the filters now ask for.
            QTimer.singleShot(0, self._refresh_wanted_now)

    def _refresh_wanted_now(self):
        self.refresh_wanted = False
        self.refresh()

    # ------------------------------------------------------------------ queue
    @robust_slot(lambda self: self.iface)
    def refresh(self, *_):
        if self.task is not None:
            self.refresh_wanted = True      # done when the running operation ends (_idle)
            return
        scope, status, dataset = self.queue_view.filters()
        self._run(tr("Reading the proposals…"), load_queue, scope, status, dataset, self.convention,
                  on_done=self._listed)

    def refresh_if_visible(self, *_):
        if self.isVisible():
            self.refresh()

    @robust_slot(lambda self: self.iface)
    def _listed(self, queue):
        self._idle()
        self.queue = queue
        self.queue_view.fill_datasets(self.convention)
        self.ui.header.setText(header_text(queue, self.convention))
        self.queue_view.show(queue.summaries, self.convention, self.keep_in_sight)
        self.keep_in_sight = None
        counted = count_text(len(queue.summaries))
        if self.outcome_text:
            # What the last action did stays in view; the count follows.
            text, style = self.outcome_text
            self.outcome_text = None
            self._status(text + "\n" + counted, style)
        else:
            self._status(counted)
        self._selection_changed()

    def summaries(self) -> list:
        return self.queue_view.summaries()

    def selected_summaries(self) -> list:
        return self.queue_view.selected_summaries()

    def selected_ids(self) -> list:
        return self.queue_view.selected_ids()

    def select(self, proposal_ids) -> None:
        """Select the proposals of these ids in the queue (tests, notifications)."""
        self.queue_view.select(proposal_ids)
        self._selection_changed()

    # ------------------------------------------------------------------ detail
    @robust_slot(lambda self: self.iface)
    def _selection_changed(self, *_):
        selected = self.selected_summaries()
        if len(selected) != 1:
            self._show_detail(None)
            self._update_buttons()
            return
        summary = selected[0]
        if self.detail is not None and self.detail.proposal.id == summary.id and \
                self.detail.proposal.version == summary.version:
            self._update_buttons()
            return
        self._load_detail(summary.id)

    def _load_detail(self, proposal_id):
        # The map diff is built in the same task (review.open_detail), off the main thread.
        self.detail_task = run_task(tr("Reading the proposal…"), open_detail, self._settings(), proposal_id,
                                    self.convention, with_map=self.diff_view.show_check.isChecked(),
                                    on_done=self._detailed, on_error=self._detail_failed)
        self._update_buttons()

    @robust_slot(lambda self: self.iface)
    def _detailed(self, opened):
        self.detail_task = None
        detail = opened.detail
        selected = self.selected_ids()
        if selected != [detail.proposal.id]:
            self._selection_changed()        # the selection moved while reading
            return
        self._show_detail(detail, opened)
        self._update_buttons()

    @robust_slot(lambda self: self.iface)
    def _detail_failed(self, error):
        self.detail_task = None
        self._show_detail(None)
        self._failed_text(error_text(error))

    def _show_detail(self, detail, opened=None):
        same = (detail is not None and self.detail is not None
                and detail.proposal.id == self.detail.proposal.id
                and detail.proposal.version == self.detail.proposal.version)
        self.detail = detail
        if detail is None:
            self.proposal_view.clear()
            self.diff_view.clear()
            self.diff_view.proposal = None
            self.attribute_view.clear()
            return
        self.proposal_view.show_detail(detail, self.convention)
        if not same:
            self.diff_view.show_proposal(detail.proposal, opened)
            self.attribute_view.show_proposal(detail.proposal)

    @robust_slot(lambda self: self.iface)
    def _tab_changed(self, *_):
        self.attribute_view.set_active(self.ui.tabs.currentWidget() is self.attribute_view)

    def clear_layers(self, *_):
        """The dock closed (or the plugin unloads): no review layer stays behind."""
        self.diff_view.clear()
        self.attribute_view.clear()
        self.detail = None
        self.proposal_view.clear()
        self.ui.queue.clearSelection()

    # ------------------------------------------------------------------ decisions
    def actions(self, proposal=None):
        """What the selected proposal (or ``proposal``) offers the current identity
        (plugin/workflow/actions.py, on the rules the store enforces); None when none is shown."""
        detail = self.detail
        if detail is None:
            return None
        comment = self.ui.decision_comment.toPlainText()
        if proposal is None or proposal is detail.proposal:
            return A.actions_of_detail(detail, self.convention, comment=comment)
        # Another state of it (a decision's answer): what the page said belongs to the page's.
        return A.possible_actions(proposal, detail.identity, self.convention, comment=comment)

    def _running(self) -> bool:
        return self.task is not None

    def decision_state(self) -> dict:
        """{"approve": reason or "", "reject": …, "changes": …}: why each button is disabled."""
        return buttons.decision_reasons(self.actions(), self._running())

    def apply_reason(self) -> str:
        return buttons.apply_reason(self.actions(), self._running())

    def catalogue_retry_wanted(self) -> bool:
        return buttons.catalogue_retry_wanted(self.actions())

    def revert_reason(self) -> str:
        """Why "Revert…" cannot be used now ("" when it can)."""
        return buttons.revert_reason(self.actions(), self._running() or self.revert.busy)

    def _update_buttons(self, *_):
        ui = self.ui
        identity = self.queue.identity if self.queue is not None else None
        shown, reason = buttons.shown(
            self.actions(), running=self._running(), reverting=self.revert.busy, cancellable=self.cancellable,
            selected=self.selected_summaries(), identity=identity)
        for name, button in (("approve", ui.approve_button), ("changes", ui.changes_button),
                             ("reject", ui.reject_button), ("bulk", ui.bulk_button),
                             ("apply", ui.apply_button), ("catalogue", ui.catalogue_button),
                             ("conflicts", ui.conflicts_button), ("revert", self.revert_button),
                             ("cancel", ui.cancel_button), ("refresh", ui.refresh_button)):
            shown[name].show_on(button)
        ui.reason_label.setText(reason)
        ui.reason_label.setVisible(bool(reason))

    @robust_slot(lambda self: self.iface)
    def decide(self, decision):
        state = self.decision_state()
        if self.detail is None or state[buttons.DECISION_KEYS[decision]]:
            return
        proposal = self.detail.proposal
        comment = self.ui.decision_comment.toPlainText().strip()
        self._run(tr("Recording your decision…"), decide, proposal.id, decision, comment, proposal.version,
                  on_done=self._decided)

    @robust_slot(lambda self: self.iface)
    def _decided(self, proposal):
        applier = self.detail is not None and self.actions(proposal).possible(A.APPLY)
        self._idle()
        self.last_outcome = proposal
        self.ui.decision_comment.clear()
        text = tr("Decision recorded: the proposal “{title}” is now “{status}”.").format(
            title=proposal.title, status=proposal_status_label(proposal.status))
        if proposal.status == APPROVED and applier:
            # Its next step is the reviewer's own: it stays in sight, in the list of the
            # approved proposals to apply, selected, « Apply » ready.
            text += " " + tr("Next step: apply it to the authoritative data (button below).")
            self.queue_view.show_scope(TO_APPLY)
            self.keep_in_sight = proposal.id
        self._status(text, OK_STYLE)
        self._reload_after(proposal.id)

    @robust_slot(lambda self: self.iface)
    def approve_selected(self, *_):
        selected = self.selected_summaries()
        if len(selected) < 2 or self.task is not None:
            return
        items = [(s.id, s.version, s.title or s.id) for s in selected]
        comment = self.ui.decision_comment.toPlainText().strip()
        self._run(tr("Approving {n} proposal(s)…").format(n=len(items)), decide_many, items, APPROVE, comment,
                  on_done=self._bulk_done, cancellable=True)

    @robust_slot(lambda self: self.iface)
    def _bulk_done(self, outcome):
        self._idle()
        self.last_outcome = outcome
        text = bulk_text(outcome)
        self._status(text, WARNING_STYLE if outcome.failed else OK_STYLE)
        level = Qgis.MessageLevel.Warning if outcome.failed else Qgis.MessageLevel.Success
        self.iface.messageBar().pushMessage(tr("GeoGov"), text.split("\n")[0], level, 10)
        self._reload_after(None)

    @robust_slot(lambda self: self.iface)
    def comment(self, body):
        if self.detail is None or self.task is not None:
            return
        self._run(tr("Adding your comment…"), add_comment, self.detail.proposal.id, body,
                  on_done=self._commented)

    @robust_slot(lambda self: self.iface)
    def _commented(self, _comment):
        self._idle()
        self.proposal_view.comment_sent()
        self._status(tr("Comment added."), OK_STYLE)
        if self.detail is not None:
            self._load_detail(self.detail.proposal.id)

    def _reload_after(self, proposal_id):
        """After a change: the queue again, and the proposal's page if it stays selected;
        the other panels read the store again (an apply is the data's new revision)."""
        self.outcome_text = (self.ui.status_label.text(), self.ui.status_label.styleSheet())
        self.detail = None
        self.refresh()
        store_changed(self.state)

    # ------------------------------------------------------------------ apply
    def confirm(self, title: str, text: str) -> bool:
        return ask(self, title, text, default_yes=False)

    @robust_slot(lambda self: self.iface)
    def apply(self, *_):
        if self.apply_reason():
            return
        proposal = self.detail.proposal
        counts = proposal.changeset.counts() if proposal.changeset is not None else {}
        if not self.confirm(tr("Apply to the authoritative data"), tr(
                "Write the changes of “{title}” ({size}) to {layer}? They are checked against the data "
                "first; if anything is refused, everything is undone.").format(
                title=proposal.title, size=size_tooltip(counts), layer=proposal.target.layer)):
            return
        self._run(tr("Applying “{title}” to the authoritative data…").format(title=proposal.title),
                  apply_approved, proposal.id, proposal.version, self.convention, on_done=self._applied,
                  cancellable=True)

    @robust_slot(lambda self: self.iface)
    def retry_catalogue(self, *_):
        if not self.catalogue_retry_wanted() or self.task is not None:
            return
        proposal = self.detail.proposal
        self._run(tr("Updating the catalogue record of “{title}”…").format(title=proposal.title),
                  retry_catalogue, proposal.id, self.convention, on_done=self._applied)

    @robust_slot(lambda self: self.iface)
    def _applied(self, outcome):
        self._idle()
        self.last_outcome = outcome
        result = outcome.result
        text = apply_result_text(result)
        if outcome.record_error is not None:
            text += " " + tr("The proposal store did not record it: {error}").format(
                error=error_text(outcome.record_error))
        style = OK_STYLE if result.ok and outcome.record_error is None \
            and not result.catalogue_pending else (
            WARNING_STYLE if result.status == outcomes.CONFLICT or result.ok else ERROR_STYLE)
        self._status(text, style)
        if result.ok and result.catalogue_pending:
            level = Qgis.MessageLevel.Warning
        elif result.ok:
            level = Qgis.MessageLevel.Success
        elif result.status == outcomes.CONFLICT:
            level = Qgis.MessageLevel.Warning
        else:
            level = Qgis.MessageLevel.Critical
        self.iface.messageBar().pushMessage(tr("GeoGov"), text, level, 15)
        if outcome.proposal is not None:
            self.refresh_target_layers(outcome.proposal.target)
        if result.status == outcomes.CONFLICT and outcome.proposal is not None and outcome.conflicts:
            self.detail.proposal = outcome.proposal
            self.detail.conflicts = outcome.conflicts
            self.open_conflicts()
        self._reload_after(result.proposal_id)

    def refresh_target_layers(self, target) -> list:
        """Reload and repaint the project's layers of the target (not those being edited)."""
        reloaded = []
        for layer in QgsProject.instance().mapLayers().values():
            if layer.type() != QgsMapLayerType.VectorLayer or layer.isEditable():
                continue
            if same_target(layer_target(layer), target):
                layer.reload()
                layer.triggerRepaint()
                reloaded.append(layer.id())
        return reloaded

    # ------------------------------------------------------------------ revert
    @robust_slot(lambda self: self.iface)
    def revert_applied(self, *_):
        if self.revert_reason():
            return
        proposal = self.detail.proposal
        self.revert.convention = self.convention
        self._status(tr("Checking the revert of “{title}” against the authoritative data…").format(
            title=proposal.title))
        self.revert.start(proposal.id)
        self._update_buttons()

    @robust_slot(lambda self: self.iface)
    def _reverted(self, outcome):
        self.last_outcome = outcome
        if outcome is not None:
            self._status(self.revert.message, OK_STYLE)
            self._reload_after(outcome.proposal.id if outcome.proposal is not None else None)
        elif self.revert.error is not None:
            self._failed_text(error_text(self.revert.error))
        else:
            self._status(tr("Nothing was reverted."))
        self._update_buttons()

    @robust_slot(lambda self: self.iface)
    def cancel(self, *_):
        if self.task is not None:
            self.task.cancel()

    # ------------------------------------------------------------------ conflicts
    @robust_slot(lambda self: self.iface)
    def open_conflicts(self, *_):
        detail = self.detail
        if detail is None or not detail.conflicts or not self.actions().possible(A.REBASE):
            return
        proposal = detail.proposal
        dialog = ConflictDialog(detail.conflicts, proposal.changeset.schema if proposal.changeset else None,
                                proposal.title, self)
        dialog.accepted.connect(lambda: self._rebase(dialog, proposal, detail.conflicts))
        self.conflict_dialog = dialog
        dialog.open()

    def _rebase(self, dialog, proposal, conflicts):
        choices, comment = dialog.choices(), dialog.rebase_comment()
        self.conflict_dialog = None
        dialog.deleteLater()
        self._run(tr("Rebasing the proposal on the current data…"), rebase_with_choices, proposal.id,
                  proposal.version, conflicts, choices, comment, on_done=self._rebased)

    @robust_slot(lambda self: self.iface)
    def _rebased(self, proposal):
        self._idle()
        self.last_outcome = proposal
        self._status(tr("The proposal “{title}” was rebased on the current data: it is back in review and "
                        "needs approval again.").format(title=proposal.title), OK_STYLE)
        self._reload_after(proposal.id)

    # ------------------------------------------------------------------ other
    @robust_slot(lambda self: self.iface)
    def open_changelog(self, *_):
        from .changelog_dialog import ChangelogDialog

        dataset = self.ui.dataset_combo.currentData() or (self.detail.proposal.dataset if self.detail else "")
        self.changelog_dialog = ChangelogDialog(self.iface, self.convention, dataset or "", self,
                                                load_settings=self.load_settings)
        self.changelog_dialog.open()

    def _diff_failed(self, error):
        self._status(error_text(error), WARNING_STYLE)

    def _failed_text(self, text):
        self._status(text, ERROR_STYLE)
        self._update_buttons()

    @robust_slot(lambda self: self.iface)
    def _failed(self, error):
        self._idle()
        self._failed_text(error_text(error))
        if getattr(error, "code", "") == "store.concurrent" and self.detail is not None:
            self._reload_after(self.detail.proposal.id)

    def unload(self):
        if self.task is not None:
            self.task.cancel()
        self.revert.unload()
        self.clear_layers()
        for dialog in (self.conflict_dialog, self.changelog_dialog):
            if dialog is not None:
                dialog.reject()


def bulk_text(outcome) -> str:
    """"3 approved, 1 refused:" then one line per refusal with the store's reason."""
    head = tr("{done} approved, {failed} refused.").format(done=len(outcome.done), failed=len(outcome.failed))
    lines = [head]
    for _proposal_id, title, error in outcome.failed:
        lines.append(tr("“{title}”: {reason}").format(title=title, reason=error_text(error)))
    return "\n".join(lines)


def build_dock(plugin):
    """The dock, built the first time it is shown (ui/plugin.py, which also calls its
    unload()). The notifications that refresh it run from the start (ui/notifications.py)."""
    from .governance_state import state_of
    from .settings_signal import settings_changed

    dock = ReviewDock(plugin.iface, state_of(plugin), plugin.iface.mainWindow())
    plugin.connect(settings_changed, dock.refresh_if_visible)
    return dock


def dock_shown(plugin, dock):
    dock.refresh()
