"""The attribute diff of the selected proposal in a real QGIS attribute table.

The layer ("diff as a layer", plugin/bridge/diff_layers.py) has one row per change with
``_op``, ``_key``, ``_geometry_changed`` and every field beside its ``_old_`` value; its
conditional styles colour inserts green, deletes red and changed cells. It is shown in
the dock through QGIS's own QgsAttributeTableModel / QgsAttributeTableView (so what the
reviewer sees is exactly what QGIS's attribute table shows), and is in the "GeoGov
review" group of the layer tree, so "Open in QGIS's attribute table" (or the layer's own
menu) opens the full table with its filters, sorting and search.
"""

from __future__ import annotations

from qgis.core import QgsVectorLayerCache
from qgis.gui import QgsAttributeTableFilterModel, QgsAttributeTableModel, QgsAttributeTableView
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..plugin.bridge.diff_layers import OLD_PREFIX, build_attribute_diff
from ..plugin.bridge.i18n import tr
from ..plugin.errors import GeoGovError

# Features the table keeps at hand; the others are read again from the memory layer when
# scrolled to (a cache of every row of a 100 000-change proposal held a copy of each).
CACHE_SIZE = 10000


class AttributeDiffView(QWidget):
    failed = pyqtSignal(object)

    def __init__(self, iface, load_settings, layers, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.load_settings = load_settings
        self.layers = layers                 # diff_view.ReviewLayers, shared with the map diff
        self.layer_id = None
        self.proposal = None
        self.active = False
        self.cache = self.model = self.filter_model = None
        self.changed = set()
        self.key_field = ""
        self.legend = QLabel(tr("One row per change. Green: added; red: deleted; highlighted: the value "
                                "changed (beside it, struck through, the value before)."))
        self.legend.setWordWrap(True)
        self.changed_only = QCheckBox(tr("Only the key and the modified columns"))
        self.changed_only.setChecked(True)
        self.open_button = QPushButton(tr("Open in QGIS's attribute table"))
        self.view = QgsAttributeTableView()
        row = QHBoxLayout()
        row.addWidget(self.changed_only)
        row.addStretch(1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.legend)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.open_button.clicked.connect(self.open_attribute_table)
        self.changed_only.toggled.connect(self._columns)
        self._update()

    def layer(self):
        return self.layers.layer(self.layer_id)

    def show_proposal(self, proposal):
        """The attribute diff of ``proposal``: built now if the tab is open, else when it
        opens (:meth:`set_active`)."""
        self.clear()
        self.proposal = proposal
        if self.active:
            self._build()

    def set_active(self, active: bool):
        """The Attributes tab opened (True) or left. The table of a large proposal costs
        as much as its map diff (100 000 changes: a layer of 100 000 rows and its model),
        so it is built on the first opening of the tab for the proposal shown, not when
        the proposal is selected; leaving the tab keeps it."""
        self.active = bool(active)
        if self.active and self.layer_id is None:
            self._build()

    def _build(self):
        proposal = self.proposal
        if proposal is None or proposal.changeset is None:
            return
        try:
            layer = build_attribute_diff(proposal.changeset, proposal.title or proposal.id,
                                         self.load_settings())
        except GeoGovError as error:
            self.failed.emit(error)
            return
        self.layer_id = self.layers.add(layer).id()
        self.changed = _changed_fields(proposal.changeset)
        self.key_field = proposal.changeset.schema.key
        self.changed_only.setEnabled(bool(self.changed))
        self.cache = QgsVectorLayerCache(layer, CACHE_SIZE)
        self.model = QgsAttributeTableModel(self.cache, self)
        self.model.loadLayer()
        self.filter_model = QgsAttributeTableFilterModel(self.iface.mapCanvas(), self.model, self)
        self.view.setModel(self.filter_model)
        self._columns()
        self.view.resizeColumnsToContents()
        self._update()

    def _columns(self, *_):
        """With "only the modified columns": the key, the operation and the fields updates
        change (beside their old values); every column otherwise."""
        layer = self.layer()
        if layer is None or self.filter_model is None:
            return
        only = self.changed_only.isChecked() and bool(self.changed)
        key = self.key_field
        for index, field in enumerate(layer.fields()):
            name = field.name()
            base = name[len(OLD_PREFIX):] if name.startswith(OLD_PREFIX) else name
            keep = base in self.changed or (name == key) or (name.startswith("_") and not
                                                              name.startswith(OLD_PREFIX))
            column = self.filter_model.mapFromSource(self.model.index(0, index)).column() \
                if self.model.rowCount() else index
            self.view.setColumnHidden(column, only and not keep)

    def clear(self):
        """Its layer and table removed; the proposal forgotten too (:meth:`show_proposal`
        sets it again)."""
        self.proposal = None
        self.view.setModel(None)
        self.filter_model = self.model = self.cache = None
        if self.layer_id:
            self.layers.remove([self.layer_id])
        self.layer_id = None
        self.changed = set()
        self._update()

    def open_attribute_table(self):
        layer = self.layer()
        if layer is not None:
            self.iface.showAttributeTable(layer)

    def _update(self):
        self.open_button.setEnabled(self.layer_id is not None)
        self.changed_only.setEnabled(self.layer_id is not None and bool(self.changed))


def _changed_fields(changeset) -> set:
    """The fields some update changes (the columns a reviewer of updates needs)."""
    out = set()
    for change in changeset.changes:
        if change.op == "update":
            out.update(change.changed_fields)
    return out
