"""The widgets of the "Propose my changes" dialog, laid out (no behaviour: ui/propose_dialog.py
wires them and shares the room between the panes as the changes and problems come).

Two columns, for a laptop's 1366×768 and 1920×1080 at 150 % (1280×720) alike: on the left,
scrolling if the screen is small, what to propose (ui/propose_source.py) and the proposal;
on the right, in a splitter, the changes above the validation problems; below, the title
and "why", then, always in sight, what happened, why Submit is disabled and the buttons.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QRect, QSize, Qt
from qgis.PyQt.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from ..plugin.bridge.i18n import tr
from .propose_source import ProposeSourceBox
from .standard_buttons import name_buttons

WARNING_STYLE = "color: #b26a00;"
ERROR_STYLE = "color: #c62828;"
HINT_STYLE = "color: #5f6368;"
# First size (default_size), less on a small screen; never below the minimum.
DEFAULT_SIZE = QSize(1240, 660)
MINIMUM_SIZE = QSize(860, 520)
QWIDGETSIZE_MAX = (1 << 24) - 1


class ProposeDialogLayout:
    """Mixin of :class:`~.propose_dialog.ProposeDialog`: creates its widgets as attributes."""

    def _build_layout(self):
        layout = QVBoxLayout(self)

        # Left, scrolling when the screen is small: what to propose, then the proposal (its own
        # scroll: "What to propose" and its "Compute the changes again" stay in sight).
        self.source_box = ProposeSourceBox()
        # The dialog's own names for the box's widgets (tests and slots use them).
        self.mode_buffer, self.mode_layers = self.source_box.mode_buffer, self.source_box.mode_layers
        self.layer_combo, self.copy_combo = self.source_box.layer_combo, self.source_box.copy_combo
        self.compute_button = self.source_box.compute_button

        self.about_box = QGroupBox(tr("The proposal"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.gpkg_warning = QLabel(tr(
            "GeoPackage store: there is no access control. Your identity is the one declared in the "
            "GeoGov settings, and anyone who can open the file can change it."))
        self.gpkg_warning.setWordWrap(True)
        self.gpkg_warning.setStyleSheet(WARNING_STYLE)
        self.gpkg_warning.setVisible(False)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(WARNING_STYLE)
        self.notes.setVisible(False)
        about_text = QWidget()
        about_layout = QVBoxLayout(about_text)
        about_layout.setContentsMargins(0, 0, 4, 0)
        about_layout.addWidget(self.summary)
        about_layout.addWidget(self.gpkg_warning)
        about_layout.addWidget(self.notes)
        about_layout.addStretch(1)
        self.summary_scroll = _scroll(about_text)
        self.summary_scroll.setMinimumHeight(80)
        QVBoxLayout(self.about_box).addWidget(self.summary_scroll)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 4, 0)
        side_layout.addWidget(self.source_box)
        side_layout.addWidget(self.about_box, 1)
        self.side_scroll = _scroll(side)
        # As wide as its widest line (the radio buttons), so nothing is cut on the right.
        self.side_scroll.setMinimumWidth(side.minimumSizeHint().width()
                                         + self.side_scroll.verticalScrollBar().sizeHint().width() + 4)

        # Right: the changes (a checkbox each) above the problems, each leading to its feature.
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.changes = QTreeWidget()
        self.changes.setHeaderLabels([tr("Feature / field"), tr("Before"), tr("After")])
        self.changes.setMinimumHeight(120)
        self.changes.setIndentation(14)       # two levels deep: the feature names keep the room
        self.changes_hint = QLabel(tr("Uncheck a change to leave it out of the proposal: it stays in your "
                                      "edits. Select one to see it on the map."))
        self.changes_hint.setWordWrap(True)
        self.changes_hint.setStyleSheet(HINT_STYLE)
        self.include_all_button = QPushButton(tr("Include all"))
        self.include_all_button.setToolTip(tr("Take every change left out back into the proposal."))
        self.zoom_change_button = QPushButton(tr("Zoom"))
        self.zoom_change_button.setToolTip(tr("Select the feature of this change on its layer and zoom to "
                                              "it (a double click does the same)."))
        changes_pane = QWidget()
        changes_layout = QVBoxLayout(changes_pane)
        changes_layout.setContentsMargins(0, 0, 0, 0)
        changes_layout.addLayout(_row(self.counts, self.include_all_button, self.zoom_change_button))
        changes_layout.addWidget(self.changes, 1)
        changes_layout.addWidget(self.changes_hint)

        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setMinimumHeight(70)
        self.problems.setToolTip(tr("Select a problem to see its feature on the map; double-click to zoom "
                                    "to it."))
        self.leave_out_button = QPushButton(tr("Leave out"))
        self.leave_out_button.setToolTip(tr("Leave the change with this problem out of the proposal: it "
                                            "stays in your edits, to be proposed once fixed."))
        self.zoom_problem_button = QPushButton(tr("Zoom"))
        self.zoom_problem_button.setToolTip(tr("Select the feature of this problem on its layer and zoom "
                                               "to it (a double click does the same)."))
        self.problems_pane = QWidget()
        problems_layout = QVBoxLayout(self.problems_pane)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addLayout(_row(self.problems_label, self.leave_out_button, self.zoom_problem_button))
        problems_layout.addWidget(self.problems, 1)
        self._problem_widgets = (self.problems, self.leave_out_button, self.zoom_problem_button)
        self.changes_hint.setFont(_smaller(self.changes_hint.font()))

        self.lists = QSplitter(Qt.Orientation.Vertical)
        self.lists.setChildrenCollapsible(False)
        self.lists.addWidget(changes_pane)
        self.lists.addWidget(self.problems_pane)
        self.lists.setStretchFactor(0, 3)
        self.lists.setStretchFactor(1, 2)
        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.body.setChildrenCollapsible(False)
        self.body.addWidget(self.side_scroll)
        self.body.addWidget(self.lists)
        layout.addWidget(self.body, 1)

        # Below, the width of the window: the proposal's title and why.
        details = QFormLayout()
        self.title = QLineEdit()
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(tr("Why these changes? What did you see on the ground, which "
                                           "source did you use?"))
        self.comment.setMinimumHeight(44)
        self.comment.setMaximumHeight(60)
        details.addRow(tr("Title"), self.title)
        details.addRow(tr("Why"), self.comment)
        layout.addLayout(details)

        # Below, always in sight: progress, what happened, why Submit is disabled, the buttons.
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

def _smaller(font):
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * 0.9)
    return font


def _row(label, *buttons) -> QHBoxLayout:
    """A heading (wrapping) with its buttons on its right."""
    row = QHBoxLayout()
    row.addWidget(label, 1)
    for button in buttons:
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
    return row


def _scroll(widget) -> QScrollArea:
    """``widget`` in a frameless scroll area that scrolls up and down only (its text wraps)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


def default_size(available: QRect) -> QSize:
    """The dialog's first size on a screen whose free area is ``available`` (later, QGIS puts it
    back as the user left it): room for every group on 1366×768 and at 150 % on 1920×1080
    (1280×720 logical), the window frame and the taskbar included."""
    width = max(MINIMUM_SIZE.width(), min(DEFAULT_SIZE.width(), available.width() - 40))
    height = max(MINIMUM_SIZE.height(), min(DEFAULT_SIZE.height(), available.height() - 70))
    return QSize(width, height)
