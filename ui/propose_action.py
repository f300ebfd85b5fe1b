"""The "Propose my changes" action: toolbar and menu, enabled when there is something to
propose — a vector layer being edited with changes, or a local copy made from a shared
layer (custom property ``geogov/copy_of``). It opens ui/propose_dialog.py on the current
layer and starts computing at once.
"""

from __future__ import annotations

from qgis.core import QgsMapLayerType

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.propose import COPY_OF_PROPERTY
from .propose_dialog import ProposeDialog


def can_propose(layer) -> bool:
    """The action is enabled for a vector layer being edited with changes, or for a local
    copy made from a shared layer (custom property COPY_OF_PROPERTY)."""
    if layer is None or layer.type() != QgsMapLayerType.VectorLayer:
        return False
    return bool(layer.isModified() or layer.customProperty(COPY_OF_PROPERTY, ""))


class _Component:
    """Keeps the action's enabled state in step with the current layer's edits."""

    SIGNALS = ("editingStarted", "editingStopped", "layerModified", "afterRollBack",
               "afterCommitChanges")

    def __init__(self, plugin, action):
        self.plugin = plugin
        self.action = action
        self.layer = None
        self.dialog = None

    def follow(self, layer=None):
        self._disconnect()
        self.layer = layer if layer is not None and hasattr(layer, "editingStarted") else None
        if self.layer is not None:
            for name in self.SIGNALS:
                getattr(self.layer, name).connect(self.update)
        self.update()

    def update(self, *_):
        try:
            self.action.setEnabled(can_propose(self.layer))
        except RuntimeError:
            self.layer = None  # the layer was deleted by QGIS
            self.action.setEnabled(False)

    def _disconnect(self):
        if self.layer is None:
            return
        for name in self.SIGNALS:
            try:
                getattr(self.layer, name).disconnect(self.update)
            except (TypeError, RuntimeError):
                pass  # never connected, or the layer is gone
        self.layer = None

    def unload(self):
        self._disconnect()
        if self.dialog is not None:
            try:
                self.dialog.reject()
                self.dialog.deleteLater()
            except RuntimeError:
                pass  # already deleted with the main window
            self.dialog = None


def install(plugin):
    from .governance_state import state_of

    state = state_of(plugin)
    component = None

    def propose_my_changes():
        if component.dialog is not None:
            try:
                component.dialog.deleteLater()
            except RuntimeError:
                pass  # deleted with its parent
        dialog = ProposeDialog(plugin.iface, state, plugin.iface.activeLayer(), plugin.iface.mainWindow())
        component.dialog = dialog
        dialog.open()
        dialog.start()

    action = plugin.add_action("propose.svg", tr("Propose my changes…"), propose_my_changes,
                               name="geogov_propose_changes")
    component = _Component(plugin, action)
    plugin.connect(plugin.iface.currentLayerChanged, component.follow)
    component.follow(plugin.iface.activeLayer())
    return component
