"""The widgets of the Catalogue dock, laid out (no behaviour: ui/catalogue_dock.py wires
them). Built in code rather than a .ui file because three of them are QGIS widgets
(QgsFilterLineEdit, QgsCollapsibleGroupBox) and the results table needs its model."""

from __future__ import annotations

from qgis.gui import QgsCollapsibleGroupBox, QgsFilterLineEdit
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..plugin.bridge.i18n import tr
from ..plugin.catalogue import model
from .catalogue_results import ResultsModel
from .record_details import RecordDetails


class CatalogueDockLayout:
    """Mixin of :class:`~.catalogue_dock.CatalogueDock`: creates its widgets as attributes."""

    def _build_layout(self):
        body = QWidget()
        layout = QVBoxLayout(body)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Catalogue")))
        self.connection_box = QComboBox()
        self.connection_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        row.addWidget(self.connection_box, 1)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.search_edit = QgsFilterLineEdit()
        self.search_edit.setShowSearchIcon(True)
        self.search_edit.setPlaceholderText(tr("Words to find, or \"a phrase\""))
        self.search_button = QPushButton(tr("Search"))
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.search_button)
        layout.addLayout(row)

        self.filters = QgsCollapsibleGroupBox(tr("Filters and sort"))
        self.filters.setCollapsed(True)
        form = QFormLayout(self.filters)
        self.organisation_edit = QLineEdit()
        self.organisation_edit.setPlaceholderText(tr("Producer or maintainer"))
        self.keyword_edit = QLineEdit()
        self.extent_check = QCheckBox(tr("Limit to the map extent"))
        self.sort_box = QComboBox()
        for text, value in ((tr("Server order"), ("", False)), (tr("Title"), ("title", False)),
                            (tr("Latest revision first"), ("revision", True))):
            self.sort_box.addItem(text, value)
        form.addRow(tr("Organisation"), self.organisation_edit)
        form.addRow(tr("Keyword"), self.keyword_edit)
        form.addRow(self.extent_check)
        form.addRow(tr("Sort by"), self.sort_box)
        layout.addWidget(self.filters)

        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.cancel_button = QPushButton(tr("Cancel"))
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.progress_row = QWidget()
        self.progress_row.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self.progress_row.setVisible(False)
        layout.addWidget(self.progress_row)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet("color:#5a5a5a")
        self.notes_label.setVisible(False)
        layout.addWidget(self.notes_label)

        self.model = ResultsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.details = RecordDetails()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 420])
        self.table.setMinimumHeight(140)
        layout.addWidget(splitter, 1)

        row = QHBoxLayout()
        self.previous_button = QPushButton(tr("◀ Previous"))
        self.next_button = QPushButton(tr("Next ▶"))
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.previous_button)
        row.addWidget(self.page_label, 1)
        row.addWidget(self.next_button)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.add_buttons = {}
        for kind, text in ((model.LINK_WMS, tr("Add WMS")), (model.LINK_WFS, tr("Add WFS")),
                           (model.LINK_OGCAPI_FEATURES, tr("Add OGC API Features"))):
            button = QPushButton(text)
            self.add_buttons[kind] = button
            row.addWidget(button)
        row.addStretch()
        self.raw_button = QPushButton(tr("Raw response…"))
        row.addWidget(self.raw_button)
        layout.addLayout(row)
        self.setWidget(body)
