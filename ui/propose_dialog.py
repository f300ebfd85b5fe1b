"""The "Propose my changes" dialog.

Opened on a layer being edited (its edit buffer is the proposal) or on an authoritative
layer and an edited local copy (their difference is the proposal). As soon as the
changes are computed and validated — in a QgsTask — the draft is saved to the proposal
store, so a crash or a lost connection loses nothing; with PostgreSQL unreachable it is
kept in the local outbox and sent later ("Send now").

The dialog shows the dataset and the target, who will review (the steward(s) for the
territory of the changes, plus the DPO when the data is personal), the changes
(added / modified with old → new / deleted), each validation problem naming the feature
and the rule, a title and a "why", and "Save draft" / "Submit" — Submit stays disabled,
with the reason, while problems remain. After saving, it offers to roll back the layer's
edit buffer: the changes now live in the proposal, and nothing is ever committed to the
authoritative data from here. In GeoPackage mode it says plainly that there is no access
control.
"""

from __future__ import annotations

import copy

from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QVBoxLayout,
)

from ..plugin.bridge import settings as gsettings
from ..plugin.bridge.i18n import tr
from ..plugin.bridge.messages import error_text
from ..plugin.bridge.messages.proposals import problem_text
from ..plugin.bridge.propose import (
    MODE_EDIT_BUFFER,
    PROPOSAL_PROPERTY,
    collect_edit_buffer,
    collect_layers,
)
from ..plugin.bridge.propose_store import (
    default_outbox_path,
    may_retry,
    prepare_and_save,
    proposal_from,
    send_outbox,
    update_and_submit,
)
from ..plugin.bridge.tasks import run_task
from ..plugin.proposals.model import SUBMITTED
from .governance_state import robust_slot, store_changed
from .propose_changes import counts_text, fill_changes, proposal_status_label, summary_html
from .propose_source import ProposeSourceBox
from .standard_buttons import ask, name_buttons
from .window_memory import remember_geometry

WARNING_STYLE = "color: #b26a00;"
ERROR_STYLE = "color: #c62828;"


class ProposeDialog(QDialog):
    def __init__(self, iface, state, layer=None, parent=None, outbox_path=None, load_settings=None):
        super().__init__(parent)
        remember_geometry(self, "GeoGovProposeDialog")
        self.iface = iface
        self.state = state
        self.load_settings = load_settings or gsettings.load
        self.outbox_path = outbox_path or default_outbox_path()
        self.prepared = None
        self.proposal = None          # the Proposal as last saved
        self.task = None
        self.closed = False
        self._waiting = False       # for the convention to load (see start)
        self._computed_title = ""   # the title of the last computation (saved with the draft)
        # Replaced in tests: the question asked before rolling back the layer's edits.
        self.confirm = self._ask
        self.setWindowTitle(tr("Propose my changes"))
        self.setMinimumSize(720, 640)
        layout = QVBoxLayout(self)

        self.source_box = ProposeSourceBox()
        # The dialog's own names for the box's widgets (tests and slots use them).
        self.mode_buffer, self.mode_layers = self.source_box.mode_buffer, self.source_box.mode_layers
        self.layer_combo, self.copy_combo = self.source_box.layer_combo, self.source_box.copy_combo
        self.compute_button = self.source_box.compute_button
        layout.addWidget(self.source_box)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.gpkg_warning = QLabel(tr(
            "GeoPackage store: there is no access control. Your identity is the one declared in the "
            "GeoGov settings, and anyone who can open the file can change it."))
        self.gpkg_warning.setWordWrap(True)
        self.gpkg_warning.setStyleSheet(WARNING_STYLE)
        self.gpkg_warning.setVisible(False)
        layout.addWidget(self.summary)
        layout.addWidget(self.gpkg_warning)

        self.counts = QLabel()
        self.changes = QTreeWidget()
        self.changes.setHeaderLabels([tr("Feature / field"), tr("Before"), tr("After")])
        self.changes.setMinimumHeight(150)
        layout.addWidget(self.counts)
        layout.addWidget(self.changes, 3)
        self.problems_label = QLabel()
        self.problems = QListWidget()
        self.problems.setVisible(False)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(WARNING_STYLE)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.notes)

        details = QFormLayout()
        self.title = QLineEdit()
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(tr("Why these changes? What did you see on the ground, which "
                                           "source did you use?"))
        self.comment.setMaximumHeight(90)
        details.addRow(tr("Title"), self.title)
        details.addRow(tr("Why"), self.comment)
        layout.addLayout(details)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.send_button = QPushButton(tr("Send now"))
        self.send_button.setVisible(False)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.send_button)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.progress)
        layout.addLayout(status_row)
        layout.addWidget(self.reason)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_buttons(self.buttons)
        self.save_button = self.buttons.addButton(tr("Save draft"), QDialogButtonBox.ButtonRole.ActionRole)
        self.submit_button = self.buttons.addButton(tr("Submit"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(self.buttons)

        self.compute_button.clicked.connect(self.start)
        self.save_button.clicked.connect(self.save_draft)
        self.submit_button.clicked.connect(self.submit)
        self.send_button.clicked.connect(self.send_now)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(self._update_buttons)
        self.comment.textChanged.connect(self._update_buttons)
        self.source_box.choose(layer)
        self._update_buttons()

    # ------------------------------------------------------------------ set-up
    @property
    def mode(self) -> str:
        return self.source_box.mode

    @property
    def busy(self) -> bool:
        return self.task is not None

    def _ask(self, title: str, text: str) -> bool:
        return ask(self, title, text)

    # ------------------------------------------------------------------ compute + save
    @robust_slot(lambda self: self.iface)
    def start(self, *_):
        """Collect the layer(s) here, then compute, validate and save the draft in a task."""
        if self.busy:
            return
        layer = self.layer_combo.currentLayer()
        if layer is None:
            self._say(tr("Choose the shared layer."), error=True)
            return
        convention = self.state.convention
        if convention is None and getattr(self.state, "loading", False):
            # GeoGov was just started: compute as soon as the convention has loaded.
            self._say(tr("The partnership convention is still loading…"))
            if not self._waiting:
                self._waiting = True
                self.state.changed.connect(self._convention_loaded)
            return
        try:
            if self.mode == MODE_EDIT_BUFFER:
                source = collect_edit_buffer(layer, convention)
            else:
                edited = self.copy_combo.currentLayer()
                if edited is None or edited.id() == layer.id():
                    self._say(tr("Choose the edited copy: another layer than the shared one."), error=True)
                    return
                source = collect_layers(layer, edited, convention)
        except Exception as error:  # noqa: BLE001 - GeoGovError or a QGIS failure, shown here
            self._say(error_text(error), error=True)
            return
        if self.proposal is not None and not source.proposal_id:
            source.proposal_id = self.proposal.id
        settings = copy.deepcopy(self.load_settings())
        title = self.title.text().strip() or tr("Changes to {dataset}").format(dataset=source.dataset_title)
        self._computed_title = title
        self._busy(tr("Computing, checking and saving the changes…"))
        self.task = run_task(tr("GeoGov: propose changes to {layer}").format(layer=source.layer_name),
                             prepare_and_save, source, convention, settings, self.outbox_path, title,
                             self.comment.toPlainText(), on_done=self._prepared, on_error=self._failed)
        self.task.progressChanged.connect(self._progress)

    @robust_slot(lambda self: self.iface)
    def _convention_loaded(self):
        if getattr(self.state, "loading", False):
            return
        self._stop_waiting()
        if not self.closed:
            self.start()

    def _stop_waiting(self):
        if self._waiting:
            self._waiting = False
            try:
                self.state.changed.disconnect(self._convention_loaded)
            except (TypeError, RuntimeError):
                pass  # the state was closed with the plugin

    def _progress(self, value):
        if not self.closed:
            self.progress.setValue(int(value))

    @robust_slot(lambda self: self.iface)
    def _prepared(self, prepared):
        self.task = None
        if self.closed:
            return
        self._idle()
        self.prepared = prepared
        if prepared.proposal is not None:
            self.proposal = prepared.proposal
            self._remember(prepared.proposal.id)
            if not self.title.text().strip():
                self.title.setText(prepared.proposal.title)
        elif self._unsaved() and not self.title.text().strip():
            self.title.setText(self._computed_title)     # the title "Save draft" will save
        self._show_prepared(prepared)
        if prepared.empty:
            self._say(tr("There is nothing to propose: the edited version is the same as the "
                         "authoritative one."))
        elif prepared.save_error is not None:
            self._say(tr("The draft could not be saved: {reason}").format(
                reason=error_text(prepared.save_error)) + self._retry_hint(prepared.save_error), error=True)
        elif prepared.saved_locally:
            self._say_local()
        else:
            self._say(tr("Draft saved in the proposal store ({id}).").format(id=prepared.proposal.id))
        self._update_buttons()

    @staticmethod
    def _retry_hint(error) -> str:
        """For a store that could not be written (full, read-only, locked): where the draft is."""
        if not may_retry(error):
            return ""
        return " " + tr("Your changes are kept in the layer and in this window: click “Save draft” to "
                        "save them again.")

    def _unsaved(self) -> bool:
        """The changes were computed, but the store could not take the draft: saving again may."""
        prepared = self.prepared
        return (self.proposal is None and prepared is not None and not prepared.empty
                and may_retry(prepared.save_error))

    def _remember(self, proposal_id):
        """Proposing these edits again updates this draft (not while it is somebody's review)."""
        layer = self._edited_layer()
        if layer is not None:
            layer.setCustomProperty(PROPOSAL_PROPERTY, proposal_id)

    def _edited_layer(self):
        prepared = self.prepared
        if prepared is None:
            return None
        layer_id = prepared.source.edited_layer_id or prepared.source.layer_id
        return QgsProject.instance().mapLayer(layer_id)

    def _show_prepared(self, prepared):
        self.summary.setText(summary_html(prepared, self.state.convention))
        self.gpkg_warning.setVisible(prepared.store_kind == "gpkg")
        self.counts.setText(counts_text(prepared.changeset.counts()))
        fill_changes(self.changes, prepared.changeset)
        # The feature names ("Nouvelle entité CYC-94-00081") readable, not cut to "Nouve…".
        self.changes.resizeColumnToContents(0)
        self.changes.setColumnWidth(0, min(self.changes.columnWidth(0) + 12, 320))
        self.problems.clear()
        for problem in prepared.problems:
            self.problems.addItem(problem_text(problem))
        # No problem: the changes get the room of the empty list.
        self.problems.setVisible(bool(prepared.problems))
        self.problems_label.setText(
            tr("{n} problem(s) to fix before submitting:").format(n=len(prepared.problems))
            if prepared.problems else tr("No problem found: the changes can be submitted."))
        unplaced = prepared.placement.unplaced
        self.notes.setText(tr("{n} change(s) lie in no municipality of the territory reference: the "
                              "default stewards review them.").format(n=unplaced) if unplaced else "")

    # ------------------------------------------------------------------ buttons
    def submit_blocker(self) -> str:
        """Why Submit is disabled ("" when it is not)."""
        prepared = self.prepared
        if self.busy:
            return tr("Wait for the current operation to finish.")
        if prepared is None:
            return tr("The changes have not been computed yet.")
        if prepared.empty:
            return tr("There is nothing to propose.")
        if prepared.problems:
            return tr("Submit is disabled: fix the {n} problem(s) listed in the layer, then compute "
                      "the changes again.").format(n=len(prepared.problems))
        if self.proposal is None:
            return tr("Submit is disabled: the draft could not be saved.")
        if self.proposal.status == SUBMITTED:
            return tr("This proposal is submitted.")
        if not self.title.text().strip():
            return tr("Give the proposal a title.")
        if not self.comment.toPlainText().strip():
            return tr("Say why: reviewers need the reason for these changes.")
        return ""

    def _update_buttons(self, *_):
        blocker = self.submit_blocker()
        self.submit_button.setEnabled(not blocker)
        # Once submitted, "this proposal is submitted" is news, not a problem: no red line.
        submitted = self.proposal is not None and self.proposal.status == SUBMITTED
        self.reason.setText(blocker if self.prepared is not None and not submitted else "")
        can_save = (not self.busy and bool(self.title.text().strip())
                    and ((self.proposal is not None and self.proposal.status != SUBMITTED)
                         or self._unsaved()))
        self.save_button.setEnabled(can_save)
        self.compute_button.setEnabled(not self.busy)

    @robust_slot(lambda self: self.iface)
    def save_draft(self, *_):
        self._store(submit=False)

    @robust_slot(lambda self: self.iface)
    def submit(self, *_):
        if self.submit_blocker():
            self._update_buttons()
            return
        self._store(submit=True)

    def _store(self, submit: bool):
        if self.busy or self.prepared is None or (self.proposal is None and not self._unsaved()):
            return
        # No draft yet (the store could not take it): the one these edits made before, if any.
        proposal_id = self.proposal.id if self.proposal is not None else self.prepared.source.proposal_id
        proposal = proposal_from(self.prepared, self.title.text().strip(), self.comment.toPlainText().strip(),
                                 proposal_id or "")
        settings = copy.deepcopy(self.load_settings())
        self._busy(tr("Submitting the proposal…") if submit else tr("Saving the draft…"))
        self.task = run_task(tr("GeoGov: save the proposal"), update_and_submit, settings, self.outbox_path,
                             proposal, submit, on_done=lambda outcome: self._stored(outcome, submit),
                             on_error=self._save_failed)

    @robust_slot(lambda self: self.iface)
    def _stored(self, outcome, submitted):
        self.task = None
        store_changed(self.state)
        if self.closed:
            return
        self._idle()
        self.proposal = outcome.proposal
        if self.prepared is not None and self.prepared.save_error is not None:
            self.prepared.save_error = None         # saved at last: proposing again updates it
            self._remember(outcome.proposal.id)
        if outcome.queued:
            self._say(tr("The proposal is saved on this computer and will be submitted when the "
                         "database is reachable."), warning=True)
            self.send_button.setVisible(True)
        elif outcome.saved_locally:
            self._say_local()
        elif submitted:
            self._say(tr("Proposal submitted: {status}. The reviewers will see it in their queue.").format(
                status=proposal_status_label(outcome.proposal.status)))
        else:
            self._say(tr("Draft saved ({id}).").format(id=outcome.proposal.id))
        self._update_buttons()
        self.offer_rollback()

    def offer_rollback(self):
        """Ask, then roll back the layer's edit buffer: the changes now live in the proposal."""
        prepared = self.prepared
        if prepared is None or prepared.source.mode != MODE_EDIT_BUFFER:
            return False
        layer = QgsProject.instance().mapLayer(prepared.source.layer_id)
        if layer is None or not layer.isEditable():
            return False
        asked = self.confirm(
            tr("Discard the edits from the layer?"),
            tr("Your changes now live in the proposal “{title}”. Discard them from the layer “{layer}”? "
               "Nothing is ever saved to the shared data from here: it changes only when a steward "
               "applies the approved proposal.").format(title=self.proposal.title, layer=layer.name()))
        if not asked:
            return False
        layer.rollBack()
        # New edits of this layer will be a new proposal, not a replacement of this one.
        layer.removeCustomProperty(PROPOSAL_PROPERTY)
        self.iface.mapCanvas().refresh()
        return True

    @robust_slot(lambda self: self.iface)
    def send_now(self, *_):
        if self.busy:
            return
        settings = copy.deepcopy(self.load_settings())
        self._busy(tr("Sending the drafts kept on this computer…"))
        self.task = run_task(tr("GeoGov: send the local drafts"), send_outbox, settings, self.outbox_path,
                             on_done=self._sent, on_error=self._failed)

    @robust_slot(lambda self: self.iface)
    def _sent(self, outcome):
        self.task = None
        if self.closed:
            return
        self._idle()
        mine = outcome.results.get(self.proposal.id) if self.proposal is not None else None
        if mine in ("uploaded", "submitted"):
            self.send_button.setVisible(False)
            self._say(tr("Sent to the proposal database.") if mine == "uploaded"
                      else tr("Sent and submitted."))
        elif mine is None and not outcome.results:
            self.send_button.setVisible(False)
            self._say(tr("Nothing left to send."))
        else:
            self._say(tr("Still not sent: {reason}").format(reason=mine), warning=True)
        self._update_buttons()

    # ------------------------------------------------------------------ status
    def _say_local(self):
        self._say(tr("Draft saved locally: it will be sent when the database is reachable."), warning=True)
        self.send_button.setVisible(True)

    def _busy(self, text):
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._say(text)
        self.save_button.setEnabled(False)
        self.submit_button.setEnabled(False)
        self.compute_button.setEnabled(False)

    def _idle(self):
        self.progress.setVisible(False)

    @robust_slot(lambda self: self.iface)
    def _failed(self, error):
        self.task = None
        if self.closed:
            return
        self._idle()
        self._say(error_text(error), error=True)
        self._update_buttons()

    @robust_slot(lambda self: self.iface)
    def _save_failed(self, error):
        """Saving or submitting failed: the draft is still in the dialog (and the layer's edits
        were not rolled back), so the user can save again once the store can take it."""
        self._failed(error)
        if not self.closed:
            self._say(error_text(error) + self._retry_hint(error), error=True)

    def _say(self, text, error=False, warning=False):
        self.status.setStyleSheet(ERROR_STYLE if error else WARNING_STYLE if warning else "")
        self.status.setText(text)

    def reject(self):
        self.closed = True
        self._stop_waiting()
        if self.task is not None:
            try:
                self.task.cancel()
            except RuntimeError:
                pass  # the task manager deleted it already
        super().reject()

