"""The "Propose my changes" dialog.

Opened on a layer being edited (its edit buffer is the proposal) or on an authoritative
layer and an edited local copy (their difference is the proposal). As soon as the
changes are computed and validated — in a QgsTask — the draft is saved to the proposal
store, so a crash or a lost connection loses nothing; with PostgreSQL unreachable it is
kept in the local outbox and sent later ("Send now").

Two columns (laid out in ui/propose_dialog_layout.py), for a laptop's 1366×768 and
1920×1080 at 150 % (1280×720) alike: on the left, scrolling if the screen is small, what
to propose (and "Compute the changes again"), the proposal — the dataset and the target,
who will review (the steward(s) for the territory of the changes, plus the DPO when the
data is personal) — and its title and "why"; on the right, in a splitter, the changes
(added / modified with old → new / deleted) above the validation problems, each naming the
feature and the rule. Below, always in sight, what happened, why Submit is disabled while
problems remain, and "Save draft" / "Submit".

The dialog is not modal (ui/propose_action.py shows one per layer): the map can be panned
and zoomed while it is open, and a change or a problem selected in it selects its feature
on the layer and brings the map to it (ui/propose_map.py; a new feature's provisional id
too). Each change has a checkbox: a change unchecked is left out of the proposal — it is
neither validated nor saved, the others are checked again and the draft updated — and it
stays in the layer's edits. After saving, the dialog offers to roll back the layer's
edit buffer, but for the changes left out: the other changes now live in the proposal,
and nothing is ever committed to the authoritative data from here. The dialog closes if
its layer leaves the project. In GeoPackage mode it says plainly that there is no access
control.
"""

from __future__ import annotations

import copy

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QRect, Qt, QTimer
from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import (
    QDialog,
    QListWidgetItem,
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
from ..plugin.bridge.propose_layer import change_feature, roll_back_proposed
from ..plugin.bridge.propose_store import (
    EDITABLE,
    default_outbox_path,
    may_retry,
    prepare_and_save,
    proposal_from,
    send_outbox,
    update_and_submit,
)
from ..plugin.bridge.tasks import run_task
from ..plugin.proposals.leave_out import included, known, problem_ref
from ..plugin.proposals.model import SUBMITTED
from .governance_state import robust_slot, store_changed
from .propose_changes import (
    REF_ROLE,
    check_refs,
    excluded_refs,
    fill_changes,
    proposal_status_label,
    proposed_counts_text,
    summary_html,
)
from .propose_dialog_layout import (
    ERROR_STYLE,
    MINIMUM_SIZE,
    QWIDGETSIZE_MAX,
    WARNING_STYLE,
    ProposeDialogLayout,
    default_size,
)
from .propose_map import show_change
from .standard_buttons import ask
from .window_memory import remember_geometry

# The window's geometry as QGIS remembers it (window_memory). A new key for the two-column
# layout: the size saved for the single column (crushed at 720×640) is not put back.
GEOMETRY_KEY = "GeoGovProposeDialog2"
RECHECK_DELAY_MS = 350


class ProposeDialog(ProposeDialogLayout, QDialog):
    def __init__(self, iface, state, layer=None, parent=None, outbox_path=None, load_settings=None):
        super().__init__(parent)
        self.setObjectName("GeoGovProposeDialog")
        remember_geometry(self, GEOMETRY_KEY)
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
        self._excluded = frozenset()    # the changes left out (leave_out refs)
        self._recheck_pending = False   # a change was left out or taken back while busy
        self._shown_changes = None      # the change set the list shows (not refilled on a recheck)
        self._locked = None             # whether its checkboxes were shown locked
        self._filling = False
        self._edited_since = False      # the edited layer changed after the changes were computed
        self._rolling_back = False
        self._moved_out = False         # the proposed edits left the layer: new edits, new proposal
        self._followed = []             # (signal, slot) of the edited layer, see _follow
        self._task_kind = ""            # "compute" (computing, checking) or "store" (saving)
        # Replaced in tests: the question asked before rolling back the layer's edits.
        self.confirm = self._ask
        self.setWindowTitle(tr("Propose my changes"))
        self.setMinimumSize(MINIMUM_SIZE)
        # Before the layer combo boxes exist: told of a removal while they still show the layer.
        QgsProject.instance().layersWillBeRemoved.connect(self._layers_removed)
        self._source_ids = set()       # the layers of the computation under way or shown
        self._problems_sized = False      # the problems pane got its first share (_show_problems)
        self._body_split_by_user = False  # the user moved the columns' splitter (resizeEvent)
        self._build_layout()

        # A change left out or taken back is checked again a moment later (several clicks, one check).
        self._recheck_timer = QTimer(self)
        self._recheck_timer.setSingleShot(True)
        self._recheck_timer.setInterval(RECHECK_DELAY_MS)
        self._recheck_timer.timeout.connect(self._recheck)

        self.body.splitterMoved.connect(self._body_moved)
        self.compute_button.clicked.connect(self.start)
        self.save_button.clicked.connect(self.save_draft)
        self.submit_button.clicked.connect(self.submit)
        self.send_button.clicked.connect(self.send_now)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(self._update_buttons)
        self.comment.textChanged.connect(self._update_buttons)
        self.changes.itemChanged.connect(self._change_checked)
        self.changes.currentItemChanged.connect(self._change_selected)
        self.changes.itemDoubleClicked.connect(self._change_double_clicked)
        self.problems.currentRowChanged.connect(self._problem_selected)
        self.problems.itemDoubleClicked.connect(lambda *_: self.zoom_to_problem())
        self.zoom_change_button.clicked.connect(self.zoom_to_change)
        self.zoom_problem_button.clicked.connect(self.zoom_to_problem)
        self.leave_out_button.clicked.connect(self.leave_out_problem)
        self.include_all_button.clicked.connect(self.include_all)
        self.source_box.choose(layer)
        self._show_problems(False)
        self.resize(default_size(self._available()))
        self._update_buttons()

    # ------------------------------------------------------------------ set-up
    @property
    def mode(self) -> str:
        return self.source_box.mode

    @property
    def busy(self) -> bool:
        return self.task is not None

    @property
    def excluded(self) -> frozenset:
        """The changes left out of the proposal (leave_out refs)."""
        return self._excluded

    def _ask(self, title: str, text: str) -> bool:
        return ask(self, title, text)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if not self._body_split_by_user:
            # The left column about two fifths wide (no narrower than its lines): the lists get
            # the rest — until the user moves the splitter.
            width = self.body.width() - self.body.handleWidth()
            left = max(self.side_scroll.minimumWidth(), width * 2 // 5)
            self.body.setSizes([left, max(width - left, 1)])

    def _body_moved(self, *_):
        self._body_split_by_user = True

    def _available(self) -> QRect:
        screen = None
        parent = self.parentWidget()
        if parent is not None and hasattr(parent, "screen"):
            screen = parent.screen()
        screen = screen or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)

    def layers(self) -> list:
        """The layers this dialog proposes from (the shared layer, and the copy compared with it)."""
        out = [self.layer_combo.currentLayer()]
        if self.mode != MODE_EDIT_BUFFER:
            out.append(self.copy_combo.currentLayer())
        prepared = self.prepared
        if prepared is not None:
            project = QgsProject.instance()
            out += [project.mapLayer(prepared.source.layer_id),
                    project.mapLayer(prepared.source.edited_layer_id)]
        return [layer for layer in out if layer is not None]

    def proposes(self, layer) -> bool:
        """Whether this (open) dialog proposes the edits of ``layer``: one dialog per layer."""
        if layer is None or self.closed:
            return False
        try:
            return layer.id() in {other.id() for other in self.layers()}
        except RuntimeError:
            return False  # a layer was deleted

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
                edited = layer
            else:
                edited = self.copy_combo.currentLayer()
                if edited is None or edited.id() == layer.id():
                    self._say(tr("Choose the edited copy: another layer than the shared one."), error=True)
                    return
                source = collect_layers(layer, edited, convention)
        except Exception as error:  # noqa: BLE001 - GeoGovError or a QGIS failure, shown here
            self._say(error_text(error), error=True)
            return
        if self.proposal is not None and not source.proposal_id and not self._moved_out:
            source.proposal_id = self.proposal.id
        # Edits made from now on are not in this computation (see submit_blocker).
        self._follow(edited)
        self._source_ids = {layer.id(), edited.id()}
        self._edited_since = False
        settings = copy.deepcopy(self.load_settings())
        title = self.title.text().strip() or tr("Changes to {dataset}").format(dataset=source.dataset_title)
        self._computed_title = title
        self._busy(tr("Computing, checking and saving the changes…"))
        self.task = run_task(tr("GeoGov: propose changes to {layer}").format(layer=source.layer_name),
                             prepare_and_save, source, convention, settings, self.outbox_path, title,
                             self.comment.toPlainText(), excluded=self._excluded,
                             on_done=self._prepared, on_error=self._failed)
        self.task.progressChanged.connect(self._progress)

    @robust_slot(lambda self: self.iface)
    def _recheck(self, *_):
        """Check and save again what is included, after a change was left out or taken back
        (the changes are not computed again: propose.prepare's ``computed``)."""
        prepared = self.prepared
        if self.closed or prepared is None or self._excluded == prepared.excluded:
            return
        if self.busy:
            self._recheck_pending = True
            return
        self._recheck_pending = False
        source = copy.copy(prepared.source)
        if self.proposal is not None and not self._moved_out:
            source.proposal_id = self.proposal.id
        settings = copy.deepcopy(self.load_settings())
        title = self.title.text().strip() or self._computed_title or prepared.source.dataset_title
        self._busy(tr("Checking the included changes again…"))
        self.task = run_task(tr("GeoGov: check the changes to {layer}").format(layer=source.layer_name),
                             prepare_and_save, source, self.state.convention, settings, self.outbox_path,
                             title, self.comment.toPlainText(), excluded=self._excluded, computed=prepared,
                             on_done=self._prepared, on_error=self._failed)
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
        # A change no longer computed is no longer left out; one left out (or taken back) while
        # the task ran stays so, and is checked next (below).
        self._excluded = known(self._excluded, prepared.all_changes)
        if prepared.proposal is not None:
            self.proposal = prepared.proposal
            self._moved_out = False
            self._remember(prepared.proposal.id)
            if not self.title.text().strip():
                self.title.setText(prepared.proposal.title)
        elif self._unsaved() and not self.title.text().strip():
            self.title.setText(self._computed_title)     # the title "Save draft" will save
        self._show_prepared(prepared)
        if prepared.nothing_changed:
            self._say(tr("There is nothing to propose: the edited version is the same as the "
                         "authoritative one."))
        elif prepared.empty:
            self._say(tr("Every change is left out: check at least one to propose it."), warning=True)
        elif prepared.save_error is not None:
            self._say(tr("The draft could not be saved: {reason}").format(
                reason=error_text(prepared.save_error)) + self._retry_hint(prepared.save_error), error=True)
        elif prepared.saved_locally:
            self._say_local()
        else:
            self._say(tr("Draft saved in the proposal store ({id}).").format(id=prepared.proposal.id))
        self._update_buttons()
        if self._recheck_pending or self._excluded != prepared.excluded:
            self._recheck_timer.start()

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
        self._show_changes()
        self.problems.blockSignals(True)
        try:
            self.problems.clear()
            for problem in prepared.problems:
                item = QListWidgetItem(problem_text(problem))
                item.setToolTip(item.text())
                item.setData(Qt.ItemDataRole.UserRole, problem_ref(problem))
                self.problems.addItem(item)
        finally:
            self.problems.blockSignals(False)
        # No problem: the changes get the room of the empty list.
        self._show_problems(bool(prepared.problems))
        self.problems_label.setText(
            tr("{n} problem(s) to fix before submitting:").format(
                n=len(prepared.problems))
            if prepared.problems else tr("No problem found: the changes can be submitted."))
        unplaced = prepared.placement.unplaced
        self.notes.setText(tr("{n} change(s) lie in no municipality of the territory reference: the "
                              "default stewards review them.").format(n=unplaced) if unplaced else "")
        self.notes.setVisible(bool(unplaced))

    def _show_problems(self, shown: bool):
        for widget in self._problem_widgets:
            widget.setVisible(shown)
        # Without problems the pane is one line: the splitter gives the changes the rest.
        self.problems_pane.setMaximumHeight(QWIDGETSIZE_MAX if shown else
                                            self.problems_label.sizeHint().height() + 8)
        if shown and not self._problems_sized:
            # The first problems get the room of three of them, a third of the column at most;
            # then the user's splitter rules.
            self._problems_sized = True
            total = sum(self.lists.sizes()) or self.lists.height()
            rows = sum(max(self.problems.sizeHintForRow(i), 0) for i in range(min(self.problems.count(), 3)))
            wanted = self.problems_label.sizeHint().height() + rows + 2 * self.problems.frameWidth() + 16
            share = max(self.problems_pane.minimumSizeHint().height(), min(wanted, total // 3))
            self.lists.setSizes([total - share, share])
        self._update_problem_buttons()

    def _can_leave_out(self) -> bool:
        """Changes may be left out or taken back while the proposal is a draft still holding the
        layer's edits (not once submitted, nor once the proposed edits left the layer)."""
        return (self.prepared is not None and not self._moved_out
                and (self.proposal is None or self.proposal.status in EDITABLE))

    def _show_changes(self):
        """Fill the change list (a checkbox each); not again for a recheck of the same changes,
        so the list keeps its scroll, selection and expanded items."""
        prepared = self.prepared
        changes = prepared.all_changes if prepared is not None else None
        locked = not self._can_leave_out()
        if changes is not self._shown_changes or locked != self._locked:
            self._filling = True
            self.changes.blockSignals(True)
            try:
                fill_changes(self.changes, changes, self._excluded, locked=locked)
            finally:
                self.changes.blockSignals(False)
                self._filling = False
            self._shown_changes = changes
            self._locked = locked
            # The feature names ("Nouvelle entité CYC-94-00081") readable, not cut to "Nouve…".
            self.changes.resizeColumnToContents(0)
            width = self.changes.viewport().width()
            self.changes.setColumnWidth(0, min(self.changes.columnWidth(0) + 12, max(220, width * 31 // 50)))
            self.changes.setColumnWidth(1, max(80, width * 8 // 50))
        self._show_counts()

    def _show_counts(self):
        prepared = self.prepared
        if prepared is None:
            self.counts.setText("")
            return
        proposed = included(prepared.all_changes, self._excluded)
        self.counts.setText(proposed_counts_text(proposed.counts(), len(self._excluded)))
        self.include_all_button.setEnabled(bool(self._excluded) and self._can_leave_out())

    # ------------------------------------------------------------------ leave out, go to the map
    @robust_slot(lambda self: self.iface)
    def _change_checked(self, item, column):
        if self._filling or self.prepared is None:
            return
        self.set_left_out(excluded_refs(self.changes, self._excluded))

    def set_left_out(self, excluded) -> bool:
        """Leave out the changes named in ``excluded`` (leave_out refs) and take the others back
        in; checked again (and the draft saved) a moment later. False when not possible now."""
        excluded = known(excluded, self.prepared.all_changes) if self.prepared is not None else frozenset()
        if excluded == self._excluded:
            return True
        if not self._can_leave_out() or self._storing:
            # Back as it was: a submitted proposal, or edits that already left the layer.
            self._sync_checks()
            self._say(tr("Wait for the current operation to finish.") if self._storing else
                      tr("The proposal is saved with these changes: compute the changes again to "
                         "propose the edits left in the layer."), warning=True)
            return False
        self._excluded = excluded
        self._sync_checks()
        self._show_counts()
        self._update_buttons()
        self._recheck_timer.start()
        return True

    def _sync_checks(self):
        self._filling = True
        self.changes.blockSignals(True)
        try:
            check_refs(self.changes, self._excluded)
        finally:
            self.changes.blockSignals(False)
            self._filling = False
        self.changes.viewport().update()

    @robust_slot(lambda self: self.iface)
    def include_all(self, *_):
        self.set_left_out(frozenset())

    @robust_slot(lambda self: self.iface)
    def leave_out_problem(self, *_):
        """Leave out the change the selected problem is about."""
        which = self._current_problem()
        if which is not None:
            self.set_left_out(self._excluded | {which})

    def _current_problem(self):
        item = self.problems.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _current_change(self):
        item = self.changes.currentItem()
        while item is not None and item.data(0, REF_ROLE) is None:
            item = item.parent()           # a field row: its feature
        return item.data(0, REF_ROLE) if item is not None else None

    def _update_problem_buttons(self):
        which = self._current_problem()
        self.zoom_problem_button.setEnabled(which is not None)
        self.leave_out_button.setEnabled(which is not None and self._can_leave_out())
        self.zoom_change_button.setEnabled(self._current_change() is not None)

    @robust_slot(lambda self: self.iface)
    def _change_selected(self, *_):
        self._update_problem_buttons()
        if not self._filling:
            self.show_feature(self._current_change(), zoom=False)

    @robust_slot(lambda self: self.iface)
    def _change_double_clicked(self, item, column):
        self.show_feature(self._current_change(), zoom=True)

    @robust_slot(lambda self: self.iface)
    def _problem_selected(self, *_):
        self._update_problem_buttons()
        self.show_feature(self._current_problem(), zoom=False)

    @robust_slot(lambda self: self.iface)
    def zoom_to_change(self, *_):
        self.show_feature(self._current_change(), zoom=True)

    @robust_slot(lambda self: self.iface)
    def zoom_to_problem(self, *_):
        self.show_feature(self._current_problem(), zoom=True)

    def show_feature(self, which, zoom: bool = False) -> bool:
        """Select the feature of the change ``which`` on its layer and bring the map to it."""
        if which is None or self.prepared is None or self.iface is None:
            return False
        found = change_feature(self.prepared, which)
        if found is None:
            return False
        if found.fid is None and found.layer is not None and found.extent is None:
            return False
        shown = show_change(self.iface.mapCanvas(), found, zoom=zoom)
        if shown and found.fid is None:
            self._say(tr("This feature is no longer in the layer (deleted): the map shows where it was."))
        return shown

    # ------------------------------------------------------------------ the layer
    def _follow(self, layer):
        """Watch the edited layer: an edit after the computation, the end of its edit session."""
        self._unfollow()
        if layer is None:
            return
        for signal, slot in ((layer.layerModified, self._layer_modified),
                             (layer.editingStopped, self._editing_stopped)):
            signal.connect(slot)
            self._followed.append((signal, slot))

    def _unfollow(self):
        for signal, slot in self._followed:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass  # the layer is gone
        self._followed = []

    def _layer_modified(self, *_):
        if self._rolling_back or self.closed:
            return
        self._edited_since = True
        self._update_buttons()

    def _editing_stopped(self, *_):
        if self._rolling_back or self.closed:
            return
        # Saved or rolled back in QGIS: the list still shows (and the draft holds) the changes
        # computed before; new features' ids of that session mean nothing any more. An edit
        # buffer is gone with its session (nothing left to lose); a local copy saved its edits.
        if self.prepared is not None and self.prepared.source.mode == MODE_EDIT_BUFFER:
            self._edited_since = False
            layer = self._edited_layer()
            self._say(tr("The edit session of “{layer}” has ended: this window keeps the changes computed "
                         "before.").format(layer=layer.name() if layer is not None else ""), warning=True)
        self._update_buttons()

    def _layers_removed(self, layer_ids):
        """A layer of this dialog leaves the project: the dialog closes (its draft, if saved,
        stays in the proposal store) rather than go on with another layer."""
        if self.closed:
            return
        try:
            mine = {layer.id(): layer.name() for layer in self.layers()}
        except RuntimeError:
            mine = {}
        prepared = self.prepared
        ids = set(mine) | self._source_ids
        gone = [i for i in layer_ids if i in ids]
        if not gone:
            return
        name = mine.get(gone[0]) or (prepared.source.layer_name if prepared is not None else "")
        if self.iface is not None:
            try:
                self.iface.messageBar().pushMessage(
                    "GeoGov", tr("“{layer}” was removed from the project: its proposal window is closed. "
                                 "A draft already saved stays in the proposal store.").format(layer=name),
                    Qgis.MessageLevel.Info, 10)
            except RuntimeError:
                pass  # QGIS is closing
        self.reject()

    # ------------------------------------------------------------------ buttons
    def submit_blocker(self) -> str:
        """Why Submit is disabled ("" when it is not)."""
        prepared = self.prepared
        if self.busy:
            return tr("Wait for the current operation to finish.")
        if prepared is None:
            return tr("The changes have not been computed yet.")
        if prepared.nothing_changed:
            return tr("There is nothing to propose.")
        if self._excluded != prepared.excluded:
            return tr("Wait: the included changes are about to be checked again.")
        if prepared.empty:
            return tr("Every change is left out of the proposal.")
        if prepared.problems:
            return tr("Submit is disabled: fix the {n} problem(s) listed in the layer, then compute "
                      "the changes again.").format(n=len(prepared.problems))
        if self.proposal is None:
            return tr("Submit is disabled: the draft could not be saved.")
        if self.proposal.status == SUBMITTED:
            return tr("This proposal is submitted.")
        if self._edited_since:
            return tr("The layer was edited after the changes were computed: click “Compute the changes "
                      "again” to propose the edits as they are now.")
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
                    and self.prepared is not None and not self.prepared.empty
                    and self._excluded == self.prepared.excluded
                    and ((self.proposal is not None and self.proposal.status != SUBMITTED)
                         or self._unsaved()))
        self.save_button.setEnabled(can_save)
        self.compute_button.setEnabled(not self.busy)
        self._update_problem_buttons()

    @property
    def _storing(self) -> bool:
        return self.busy and self._task_kind == "store"

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
        if self.prepared.empty or self._excluded != self.prepared.excluded:
            return
        # No draft yet (the store could not take it): the one these edits made before, if any.
        proposal_id = self.proposal.id if self.proposal is not None else self.prepared.source.proposal_id
        proposal = proposal_from(self.prepared, self.title.text().strip(), self.comment.toPlainText().strip(),
                                 proposal_id or "")
        settings = copy.deepcopy(self.load_settings())
        self._busy(tr("Submitting the proposal…") if submit else tr("Saving the draft…"), kind="store")
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
        self._show_changes()            # locked once submitted, or once the edits left the layer
        self._update_buttons()

    def offer_rollback(self):
        """Ask, then roll back the layer's edit buffer: the changes now live in the proposal.
        The edits of the changes left out stay in the layer (propose_layer.roll_back_proposed)."""
        prepared = self.prepared
        if prepared is None or prepared.source.mode != MODE_EDIT_BUFFER:
            return False
        layer = QgsProject.instance().mapLayer(prepared.source.layer_id)
        if layer is None or not layer.isEditable():
            return False
        if self._edited_since:
            # Edited after the computation: the proposal does not hold those edits; keep them all.
            self._say(self.status.text() + " " + tr("The layer was edited meanwhile: its edits are kept."),
                      warning=True)
            return False
        text = tr("Your changes now live in the proposal “{title}”. Discard them from the layer “{layer}”? "
                  "Nothing is ever saved to the shared data from here: it changes only when a steward "
                  "applies the approved proposal.").format(title=self.proposal.title, layer=layer.name())
        if prepared.excluded:
            text += " " + tr("The {n} change(s) you left out stay in the layer's edits.").format(
                n=len(prepared.excluded))
        asked = self.confirm(tr("Discard the edits from the layer?"), text)
        if not asked:
            return False
        self._rolling_back = True
        try:
            kept = roll_back_proposed(layer, prepared)
        finally:
            self._rolling_back = False
        # New edits of this layer will be a new proposal, not a replacement of this one.
        layer.removeCustomProperty(PROPOSAL_PROPERTY)
        self._moved_out = True
        self._edited_since = False
        if kept:
            self._say(self.status.text() + " " + tr("The changes left out are still in the layer's edits."))
        if self.iface is not None:
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

    def _busy(self, text, kind="compute"):
        self._task_kind = kind
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
        self._recheck_timer.stop()
        self._unfollow()
        try:
            QgsProject.instance().layersWillBeRemoved.disconnect(self._layers_removed)
        except (TypeError, RuntimeError):
            pass  # already disconnected (closed twice)
        if self.task is not None:
            try:
                self.task.cancel()
            except RuntimeError:
                pass  # the task manager deleted it already
        super().reject()

