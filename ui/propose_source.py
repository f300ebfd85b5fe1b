"""The "What to propose" box of the propose dialog: the layer's edit buffer, or the
differences between an edited copy and the authoritative layer (both chosen here)."""

from __future__ import annotations

from qgis.core import QgsMapLayerProxyModel, QgsProject
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtWidgets import QFormLayout, QGroupBox, QPushButton, QRadioButton

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.propose import COPY_OF_PROPERTY, MODE_EDIT_BUFFER, MODE_LAYERS


class ProposeSourceBox(QGroupBox):
    def __init__(self, parent=None):
        super().__init__(tr("What to propose"), parent)
        form = QFormLayout(self)
        # Short, for the dialog's left column (the lists get the room); the tooltips say it in full.
        self.mode_buffer = QRadioButton(tr("My edits in the layer"))
        self.mode_buffer.setToolTip(tr("The edits not saved yet of the shared layer, in QGIS's edit mode "
                                       "(its edit buffer)."))
        self.mode_layers = QRadioButton(tr("An edited copy of the layer"))
        self.mode_layers.setToolTip(tr("The differences between an edited copy and the "
                                       "authoritative layer"))
        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setFilters(QgsMapLayerProxyModel.Filter.VectorLayer)
        self.copy_combo = QgsMapLayerComboBox()
        self.copy_combo.setFilters(QgsMapLayerProxyModel.Filter.VectorLayer)
        self.compute_button = QPushButton(tr("Compute the changes again"))
        self.compute_button.setToolTip(tr("Read the edits again (after fixing a problem in the layer) "
                                          "and check them."))
        form.addRow(self.mode_buffer)
        form.addRow(self.mode_layers)
        form.addRow(tr("Shared layer"), self.layer_combo)
        form.addRow(tr("Edited copy"), self.copy_combo)
        form.addRow("", self.compute_button)
        self.mode_buffer.toggled.connect(self._mode_changed)

    def choose(self, layer):
        """A local copy (it names its shared layer) → compare the two; a layer with edits →
        its edit buffer; anything else → compare, the copy still to be chosen."""
        base_id = layer.customProperty(COPY_OF_PROPERTY, "") if layer is not None else ""
        base = QgsProject.instance().mapLayer(base_id) if base_id else None
        if base is not None:
            self.layer_combo.setLayer(base)
            self.copy_combo.setLayer(layer)
            self.mode_layers.setChecked(True)
        else:
            if layer is not None:
                self.layer_combo.setLayer(layer)
            if layer is not None and layer.isModified():
                self.mode_buffer.setChecked(True)
            else:
                self.mode_layers.setChecked(True)
        self._mode_changed()

    def _mode_changed(self, *_):
        self.copy_combo.setEnabled(self.mode_layers.isChecked())

    @property
    def mode(self) -> str:
        return MODE_EDIT_BUFFER if self.mode_buffer.isChecked() else MODE_LAYERS
