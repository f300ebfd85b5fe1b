"""Reverting an applied proposal: the confirmation that says what it will do, and the flow.

:class:`RevertFlow` (used by the history view and the Review dock): a task checks the
revert against the authoritative data as it is now (plugin/bridge/history.py
``plan_revert``), then :class:`RevertDialog` says what it will do — a NEW proposal by the
current user, reviewed like any other, its changes listed; the features changed since the
apply, left out so that nobody's later edit is overwritten; those already back as they were;
the validation problems — and on confirmation a second task saves it as a draft (or submits
it). Nothing is ever written to the authoritative data here.
"""

from __future__ import annotations

import copy

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTreeWidget,
    QVBoxLayout,
)

from ..plugin.bridge import settings as gsettings
from ..plugin.bridge.changelog_page import local_time
from ..plugin.bridge.history import plan_revert, save_revert
from ..plugin.bridge.i18n import tr
from ..plugin.bridge.messages.proposals import feature_label, problem_text
from ..plugin.bridge.propose_store import default_outbox_path
from ..plugin.bridge.tasks import run_task
from ..plugin.errors import Cancelled
from ..plugin.proposals import wkb
from ..plugin.proposals.fingerprint import same_value
from ..plugin.proposals.model import SUBMITTED
from ..plugin.publishing.conflicts import DELETED, EXISTS, GEOMETRY
from .governance_state import robust_slot, show_error
from .propose_changes import counts_text, fill_changes, value_text
from .window_memory import remember_geometry

WARNING_STYLE = "color: #b26a00;"
SHOWN = 50          # conflicts listed by name in the proposal's comment


def applied_at(proposal):
    """When the proposal was applied (its last successful apply attempt), else updated."""
    for attempt in reversed(proposal.apply_attempts or []):
        if attempt.result == "applied" and attempt.at is not None:
            return attempt.at
    return proposal.updated_at


def conflict_text(conflict, schema=None) -> str:
    """One left-out feature: what changed since the apply ("etat: “en panne” after the
    proposal, “déposé” now") — only the fields changed since, by ``schema``'s types."""
    label = feature_label(conflict.key, conflict.op)
    if conflict.kind == DELETED:
        return tr("{feature}: deleted since the proposal was applied").format(feature=label)
    if conflict.kind == EXISTS:
        return tr("{feature}: a feature with this key exists again").format(feature=label)
    parts = []
    for name, (base, current, _proposed) in conflict.fields.items():
        if name == GEOMETRY:
            moved = schema is None or not wkb.same_geometry(
                base, current, decimals=wkb.crs_decimals(schema.crs),
                dimensions=wkb.layer_dimensions(schema.geometry_type))
            if moved:
                parts.append(tr("the geometry was changed"))
            continue
        definition = schema.field(name) if schema is not None else None
        if same_value(base, current, definition.type if definition is not None else "string"):
            continue                  # changed by the revert only, not since the apply
        parts.append(tr("{field}: “{then}” after the proposal, “{now}” now").format(
            field=name, then=value_text(base), now=value_text(current)))
    return tr("{feature}: {changes}").format(feature=label, changes="; ".join(parts)
                                             or tr("changed since the proposal was applied"))


def revert_comment(plan, why: str) -> str:
    """The revert's comment: what it reverts, what it leaves out, then the user's reason."""
    proposal = plan.proposal
    moment = applied_at(proposal)
    lines = [tr("Reverts the proposal “{title}” ({id}), applied on {when}.").format(
        title=proposal.title or proposal.id, id=proposal.id,
        when=local_time(moment) if moment is not None else "?")]
    conflicts = plan.check.conflicts
    if conflicts:
        keys = ", ".join(str(c.key) for c in conflicts[:SHOWN])
        if len(conflicts) > SHOWN:
            keys += " " + tr("and {n} more").format(n=len(conflicts) - SHOWN)
        lines.append(tr("Left out, changed since it was applied: {features}.").format(features=keys))
    if why.strip():
        lines.append("")
        lines.append(why.strip())
    return "\n".join(lines)


class RevertDialog(QDialog):
    """What reverting will do; OK creates the revert proposal."""

    def __init__(self, plan, parent=None):
        super().__init__(parent)
        remember_geometry(self, "GeoGovRevertDialog")
        self.plan = plan
        proposal = plan.proposal
        title = proposal.title or proposal.id
        self.setWindowTitle(tr("Revert “{title}”").format(title=title))
        moment = applied_at(proposal)
        intro = QLabel(tr(
            "This does not change the authoritative data now. It creates a NEW proposal by you ({login}) "
            "that undoes “{title}”, applied on {when}: features it added are deleted, features it deleted "
            "are added back, modified features get their values and geometry back. Like any proposal, it "
            "is reviewed before it is applied.").format(login=plan.identity.login or "?", title=title,
                                                     when=local_time(moment) if moment is not None else "?"))
        intro.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.changes = QTreeWidget()
        self.changes.setHeaderLabels([tr("Feature or field"), tr("Before"), tr("After")])
        fill_changes(self.changes, plan.changeset)
        self.changes.resizeColumnToContents(0)
        self.left_out_label = QLabel()
        self.left_out_label.setWordWrap(True)
        self.left_out_label.setStyleSheet(WARNING_STYLE)
        self.left_out = QListWidget()
        self.left_out.setMaximumHeight(120)
        self.left_out.setWordWrap(True)
        for conflict in plan.check.conflicts:
            self.left_out.addItem(conflict_text(conflict, plan.changeset.schema))
        self.unchanged_label = QLabel()
        self.unchanged_label.setWordWrap(True)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(WARNING_STYLE)
        self.problems = QListWidget()
        self.problems.setMaximumHeight(100)
        self.problems.setWordWrap(True)
        for problem in plan.problems:
            self.problems.addItem(problem_text(problem))
        self.title_edit = QLineEdit(tr("Revert: {title}").format(title=title))
        self.why_edit = QPlainTextEdit()
        self.why_edit.setPlaceholderText(tr("Why revert it? The reviewers read it with the proposal."))
        self.why_edit.setMaximumHeight(70)
        self.submit_check = QCheckBox(tr("Submit it for review now (otherwise it is saved as a draft in "
                                         "My proposals)"))
        form = QFormLayout()
        form.addRow(tr("Title"), self.title_edit)
        form.addRow(tr("Why"), self.why_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes, 1)
        layout.addWidget(self.left_out_label)
        layout.addWidget(self.left_out)
        layout.addWidget(self.unchanged_label)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems)
        layout.addLayout(form)
        layout.addWidget(self.submit_check)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.submit_check.toggled.connect(self._update)
        self.title_edit.textChanged.connect(self._update)
        self._describe()
        self._update()
        self.resize(760, 620)

    def _describe(self):
        plan = self.plan
        if plan.empty:
            self.summary.setText(tr("Nothing is left to revert: no proposal is created."))
        else:
            self.summary.setText(tr("The revert proposal will make these changes — {counts}:").format(
                counts=counts_text(plan.changeset.counts())))
        self.changes.setVisible(not plan.empty)
        conflicts = plan.check.conflicts
        self.left_out_label.setText(tr(
            "{n} feature(s) were changed after the proposal was applied: they are left out of the revert, "
            "so that those later edits are not overwritten. Revert them by hand if need be:").format(
            n=len(conflicts)))
        self.left_out_label.setVisible(bool(conflicts))
        self.left_out.setVisible(bool(conflicts))
        unchanged = plan.check.unchanged
        self.unchanged_label.setText(tr("{n} feature(s) are already as they were before the proposal: "
                                        "nothing to do for them.").format(n=len(unchanged)))
        self.unchanged_label.setVisible(bool(unchanged))
        self.problems_label.setText(tr("{n} problem(s) to fix before the revert can be submitted (it can "
                                       "be saved as a draft):").format(n=len(plan.problems)))
        self.problems_label.setVisible(bool(plan.problems))
        self.problems.setVisible(bool(plan.problems))
        self.submit_check.setEnabled(not plan.problems and not plan.empty)
        for widget in (self.title_edit, self.why_edit):
            widget.setEnabled(not plan.empty)

    def _update(self, *_):
        if self.plan.empty:
            self.ok_button.setEnabled(False)
            self.ok_button.setText(tr("Create the revert proposal"))
            return
        self.ok_button.setText(tr("Create and submit the revert proposal") if self.submit_check.isChecked()
                               else tr("Save the revert as a draft"))
        self.ok_button.setEnabled(bool(self.title_edit.text().strip()))

    def values(self) -> tuple:
        """(title, comment, submit) as chosen."""
        return (self.title_edit.text().strip(), revert_comment(self.plan, self.why_edit.toPlainText()),
                self.submit_check.isChecked() and self.submit_check.isEnabled())


class RevertFlow(QObject):
    """Check, confirm, save: ``finished`` emits the store's Outcome (None: nothing was saved)."""

    finished = pyqtSignal(object)

    def __init__(self, iface, convention=None, load_settings=None, parent=None, outbox_path=None):
        super().__init__(parent)
        self.iface = iface
        self.convention = convention
        self.load_settings = load_settings or gsettings.load
        self.parent_widget = parent
        self.outbox_path = outbox_path or default_outbox_path()
        self.task = None
        self.plan = None
        self.dialog = None
        self.outcome = None
        self.error = None
        self.message = ""             # what the last save did, as said to the user

    @property
    def busy(self) -> bool:
        return self.task is not None or self.dialog is not None

    def _settings(self):
        return copy.deepcopy(self.load_settings())

    def start(self, proposal_id: str):
        """Check the revert of ``proposal_id`` against the data, then ask."""
        if self.busy:
            return
        self.outcome = self.error = None
        self.task = run_task(tr("GeoGov: check the revert against the authoritative data"), plan_revert,
                             self._settings(), proposal_id, self.convention, on_done=self._planned,
                             on_error=self._failed)

    @robust_slot(lambda self: self.iface)
    def _planned(self, plan):
        self.task = None
        self.plan = plan
        dialog = RevertDialog(plan, self.parent_widget)
        self.dialog = dialog
        dialog.accepted.connect(self._confirmed)
        dialog.rejected.connect(self._declined)
        dialog.open()

    @robust_slot(lambda self: self.iface)
    def _declined(self):
        self.dialog.deleteLater()
        self.dialog = None
        self.finished.emit(None)

    @robust_slot(lambda self: self.iface)
    def _confirmed(self):
        title, comment, submit = self.dialog.values()
        self.dialog.deleteLater()
        self.dialog = None
        self.task = run_task(tr("GeoGov: save the revert proposal"), save_revert, self._settings(),
                             self.outbox_path, self.plan, title, comment, submit, on_done=self._saved,
                             on_error=self._failed)

    @robust_slot(lambda self: self.iface)
    def _saved(self, outcome):
        self.task = None
        self.outcome = outcome
        proposal = outcome.proposal
        if outcome.queued:
            text = tr("The revert “{title}” is kept on this computer: it is submitted once the proposal "
                      "database can be reached.").format(title=proposal.title)
        elif proposal.status == SUBMITTED:
            text = tr("The revert “{title}” is submitted: its reviewers are notified.").format(
                title=proposal.title)
        else:
            text = tr("The revert “{title}” is saved as a draft: submit it from My proposals.").format(
                title=proposal.title)
        self.message = text
        self.iface.messageBar().pushMessage(tr("GeoGov"), text, Qgis.MessageLevel.Success, 10)
        self.finished.emit(outcome)

    @robust_slot(lambda self: self.iface)
    def _failed(self, error):
        self.task = None
        self.error = error
        if not isinstance(error, Cancelled):
            show_error(self.iface, error)
        self.finished.emit(None)

    def unload(self):
        if self.task is not None:
            self.task.cancel()
        if self.dialog is not None:
            self.dialog.reject()
