"""The "My proposals" panel: my drafts and submitted proposals, and what reviewers said.

Lists the proposals I authored (and, with PostgreSQL, the drafts kept on this computer
that the database has not received yet), their status and pending approvals; for the
selected one, its changes, the reviews with their comments and the discussion. Actions:
withdraw (while not decided), submit again (a draft, or after changes were requested),
send the local drafts. Every store access runs in a task (plugin/bridge/propose_store.py).
"""

from __future__ import annotations

import copy
from html import escape

from qgis.core import QgsProject
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..plugin.bridge import settings as gsettings
from ..plugin.bridge.features import FEATURE_ID
from ..plugin.bridge.i18n import tr
from ..plugin.bridge.messages import error_text
from ..plugin.bridge.messages.proposals import problem_text
from ..plugin.bridge.propose_reload import KeyLookup, find_feature_ids, layer_for_proposal, replay_changes
from ..plugin.bridge.propose_store import (
    default_outbox_path,
    list_mine,
    proposal_details,
    resubmit,
    send_outbox,
    withdraw,
)
from ..plugin.bridge.tasks import run_task
from ..plugin.proposals.model import CHANGES_REQUESTED, SUBMITTED
from ..plugin.workflow import actions as A  # noqa: N812
from .action_reasons import reason_text
from .governance_state import robust_slot
from .proposal_view import dataset_title
from .propose_changes import counts_text, decision_label, proposal_status_label, review_role_label

OBJECT_NAME = "GeoGovMyProposalsDock"
LOCAL_STATES = {"local": lambda: tr("Saved on this computer only"),
                "submit_pending": lambda: tr("Saved on this computer, to be submitted")}


def _when(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else ""


class MyProposalsDock(QgsDockWidget):
    def __init__(self, iface, state=None, parent=None, outbox_path=None, load_settings=None):
        super().__init__(tr("My proposals"), parent)
        self.setObjectName(OBJECT_NAME)
        self.iface = iface
        self.state = state
        self.load_settings = load_settings or gsettings.load
        self.outbox_path = outbox_path or default_outbox_path()
        self.task = None
        self.mine = None
        self.selected = None        # the Proposal shown in the details
        body = QWidget()
        layout = QVBoxLayout(body)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([tr("Title"), tr("Dataset"), tr("Status"), tr("Updated"),
                                    tr("Awaiting")])
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        self.refresh_button = QPushButton(tr("Refresh"))
        self.withdraw_button = QPushButton(tr("Withdraw"))
        self.resubmit_button = QPushButton(tr("Submit again"))
        self.send_button = QPushButton(tr("Send the local drafts"))
        self.edit_button = QPushButton(tr("Edit in the layer"))
        self.edit_button.setToolTip(tr("Reload the proposal's changes into an edit session of its layer, "
                                       "change them, then use Propose my changes and Submit again."))
        for button in (self.refresh_button, self.edit_button, self.withdraw_button, self.resubmit_button,
                       self.send_button):
            buttons.addWidget(button)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.details, 3)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.refresh_button.clicked.connect(self.refresh)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.resubmit_button.clicked.connect(self.resubmit)
        self.send_button.clicked.connect(self.send)
        self.edit_button.clicked.connect(self.edit_again)
        self.table.currentItemChanged.connect(self._selected)
        self._update_buttons()

    @property
    def busy(self) -> bool:
        return self.task is not None

    def _dataset(self, dataset_id: str) -> str:
        """The dataset's title in the convention (what the other panels show), else its id."""
        return dataset_title(self.state.convention if self.state is not None else None, dataset_id)

    def _run(self, text, function, *args, on_done):
        self.task = None
        self.status.setStyleSheet("")
        self.status.setText(text)
        settings = copy.deepcopy(self.load_settings())
        convention = self.state.convention if self.state is not None else None
        if function is list_mine:
            args = (*args, convention)
        self.task = run_task(text, function, settings, self.outbox_path, *args,
                             on_done=on_done, on_error=self._failed)
        self._update_buttons()

    # ------------------------------------------------------------------ list
    @robust_slot(lambda self: self.iface)
    def refresh(self, *_):
        if self.busy:
            return
        self._run(tr("Reading my proposals…"), list_mine, on_done=self._listed)

    @robust_slot(lambda self: self.iface)
    def _listed(self, mine):
        self.task = None
        self.mine = mine
        current = self.selected.id if self.selected is not None else None
        self.table.clear()
        self.details.clear()
        self.selected = None
        identity = mine.identity
        header = tr("Proposals by {login}").format(login=identity.login or "?")
        if mine.store_kind == "gpkg":
            header += " — " + tr("GeoPackage store: no access control (identity from the settings)")
        if mine.offline:
            header += " — " + tr("the proposal database cannot be reached: only the drafts kept on this "
                                 "computer are listed")
        self.header.setText(header)
        for draft in mine.local:
            item = QTreeWidgetItem(self.table, [draft.title, self._dataset(draft.dataset),
                                                LOCAL_STATES[draft.state](),
                                                "", ""])
            item.setData(0, Qt.ItemDataRole.UserRole, ("local", draft.id))
            if draft.error:
                item.setToolTip(2, draft.error)
        local_ids = {d.id for d in mine.local}
        for summary in mine.summaries:
            if summary.id in local_ids:
                continue
            awaiting = ", ".join(review_role_label(r) for r, given in summary.approvals.items()
                                 if not given) if summary.status == SUBMITTED else ""
            item = QTreeWidgetItem(self.table, [summary.title, self._dataset(summary.dataset),
                                                proposal_status_label(summary.status),
                                                _when(summary.updated_at), awaiting])
            item.setData(0, Qt.ItemDataRole.UserRole, ("store", summary.id))
            if summary.status == CHANGES_REQUESTED:
                font = item.font(2)
                font.setBold(True)
                item.setFont(2, font)
        for column in range(self.table.columnCount()):
            self.table.resizeColumnToContents(column)
        self.status.setText(tr("{n} proposal(s).").format(n=self.table.topLevelItemCount()))
        if current:
            for index in range(self.table.topLevelItemCount()):
                item = self.table.topLevelItem(index)
                if item.data(0, Qt.ItemDataRole.UserRole)[1] == current:
                    self.table.setCurrentItem(item)
        self._update_buttons()

    def item_ids(self) -> list:
        return [self.table.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)[1]
                for i in range(self.table.topLevelItemCount())]

    def select(self, proposal_id):
        for index in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(index)
            if item.data(0, Qt.ItemDataRole.UserRole)[1] == proposal_id:
                self.table.setCurrentItem(item)
                return True
        return False

    # ------------------------------------------------------------------ details
    @robust_slot(lambda self: self.iface)
    def _selected(self, item, _previous=None):
        if item is None or self.busy:
            return
        _where, proposal_id = item.data(0, Qt.ItemDataRole.UserRole)
        self._run(tr("Reading the proposal…"), proposal_details, proposal_id, on_done=self._detailed)

    @robust_slot(lambda self: self.iface)
    def _detailed(self, proposal):
        self.task = None
        self.selected = proposal
        self.details.setHtml(details_html(proposal, self._dataset(proposal.dataset)))
        self.status.setText("")
        self._update_buttons()

    # ------------------------------------------------------------------ actions
    def _update_buttons(self):
        idle = not self.busy
        self.refresh_button.setEnabled(idle)
        actions = self.actions()
        for button, action in ((self.withdraw_button, A.WITHDRAW), (self.resubmit_button, A.RESUBMIT),
                               (self.edit_button, A.EDIT)):
            refusal = actions.refusal(action) if actions is not None else None
            button.setEnabled(idle and actions is not None and refusal is None)
            if action != A.EDIT:        # the edit button keeps the tooltip that says what it does
                button.setToolTip(reason_text(refusal))
        has_local = bool(self.mine is not None and self.mine.local)
        self.send_button.setVisible(has_local)
        self.send_button.setEnabled(idle and has_local)

    def actions(self):
        """What the selected proposal offers me (plugin/workflow/actions.py), None when none is shown."""
        if self.selected is None or self.mine is None:
            return None
        return A.possible_actions(self.selected, self.mine.identity,
                                  self.state.convention if self.state is not None else None)

    def _may(self, action) -> bool:
        actions = self.actions()
        return actions is not None and actions.possible(action) and not self.busy

    @robust_slot(lambda self: self.iface)
    def withdraw(self, *_):
        if not self._may(A.WITHDRAW):
            return
        self._run(tr("Withdrawing the proposal…"), withdraw, self.selected.id, self.selected.version,
                  on_done=self._acted)

    @robust_slot(lambda self: self.iface)
    def resubmit(self, *_):
        if not self._may(A.RESUBMIT):
            return
        self._run(tr("Submitting the proposal…"), resubmit, self.selected.id, self.selected.version,
                  on_done=self._acted)

    @robust_slot(lambda self: self.iface)
    def send(self, *_):
        if self.busy:
            return
        self._run(tr("Sending the drafts kept on this computer…"), send_outbox, on_done=self._acted)

    @robust_slot(lambda self: self.iface)
    def edit_again(self, *_):
        """Replay the selected proposal into an edit session of its layer (found in a task)."""
        proposal = self.selected
        if not self._may(A.EDIT):
            return
        layer = layer_for_proposal(QgsProject.instance(), proposal, self.iface.activeLayer())
        if layer is None:
            self._failed_text(tr("Add the layer of this proposal to the project first ({layer} at "
                                 "{uri}).").format(layer=proposal.target.layer, uri=proposal.target.uri))
            return
        if layer.isModified():
            self._failed_text(tr("The layer “{layer}” has other edits: propose or discard them "
                                 "first.").format(layer=layer.name()))
            return
        key = proposal.changeset.schema.key
        if key != FEATURE_ID and layer.fields().indexOf(key) < 0:
            self._failed_text(tr("The layer “{layer}” has no field “{key}”.").format(layer=layer.name(),
                                                                                       key=key))
            return
        lookup = KeyLookup(layer, key)
        layer_id = layer.id()
        self.status.setStyleSheet("")
        self.status.setText(tr("Finding the features of the proposal in the layer…"))
        self.task = run_task(tr("GeoGov: reload a proposal into its layer"), find_feature_ids, lookup,
                             proposal.changeset,
                             on_done=lambda ids: self._replay(layer_id, proposal, ids), on_error=self._failed)
        self._update_buttons()

    @robust_slot(lambda self: self.iface)
    def _replay(self, layer_id, proposal, feature_ids):
        self.task = None
        self._update_buttons()
        layer = QgsProject.instance().mapLayer(layer_id)
        if layer is None:
            self._failed_text(tr("The layer was removed from the project."))
            return
        report = replay_changes(layer, proposal, feature_ids)
        self.iface.setActiveLayer(layer)
        text = tr("{n} change(s) reloaded into “{layer}”: edit them, then use Propose my changes and "
                  "Submit.").format(n=report.replayed, layer=layer.name())
        if report.missing:
            missing = ", ".join(map(str, report.missing))
            text += " " + tr("No longer in the layer: {keys}.").format(keys=missing)
        self.status.setStyleSheet("color: #b26a00;" if report.missing else "")
        self.status.setText(text)

    def _failed_text(self, text):
        self.status.setStyleSheet("color: #c62828;")
        self.status.setText(text)

    @robust_slot(lambda self: self.iface)
    def _acted(self, _outcome):
        self.task = None
        self.refresh()

    @robust_slot(lambda self: self.iface)
    def _failed(self, error):
        self.task = None
        self.status.setStyleSheet("color: #c62828;")
        self.status.setText(error_text(error))
        self._update_buttons()


def details_html(proposal, dataset_title: str = "") -> str:
    dataset = dataset_title or proposal.dataset
    parts = [f"<h3>{escape(proposal.title or proposal.id)}</h3>",
             "<p>" + escape(tr("Status: {status}").format(status=proposal_status_label(proposal.status)))
             + "<br>" + escape(tr("Dataset: {dataset}").format(dataset=dataset)) + "</p>"]
    if proposal.changeset is not None:
        parts.append(f"<p>{escape(counts_text(proposal.changeset.counts()))}</p>")
    if proposal.comment:
        parts.append("<p><b>" + escape(tr("Why")) + "</b>: " + escape(proposal.comment) + "</p>")
    if proposal.validation:
        parts.append("<p><b>" + escape(tr("Problems to fix")) + "</b></p><ul>"
                     + "".join(f"<li>{escape(problem_text(p))}</li>" for p in proposal.validation) + "</ul>")
    if proposal.reviews:
        parts.append("<p><b>" + escape(tr("Reviews")) + "</b></p><ul>")
        for review in proposal.reviews:
            line = tr("{who} ({role}) {decision} on {when}").format(
                who=review.reviewer, role=review_role_label(review.role),
                decision=decision_label(review.decision), when=_when(review.at))
            if review.comment:
                line += " — " + review.comment
            parts.append(f"<li>{escape(line)}</li>")
        parts.append("</ul>")
    if proposal.comments:
        parts.append("<p><b>" + escape(tr("Discussion")) + "</b></p><ul>")
        for comment in proposal.comments:
            parts.append("<li>" + escape(tr("{who} on {when}: {body}").format(
                who=comment.author, when=_when(comment.at), body=comment.body)) + "</li>")
        parts.append("</ul>")
    return "".join(parts)


def build_dock(plugin):
    """The panel, built the first time it is shown (ui/plugin.py)."""
    from .governance_state import state_of
    from .settings_signal import settings_changed

    dock = MyProposalsDock(plugin.iface, state_of(plugin), plugin.iface.mainWindow())
    plugin.connect(settings_changed, lambda: dock.refresh() if dock.isVisible() else None)
    return dock


def dock_shown(plugin, dock):
    dock.refresh()
