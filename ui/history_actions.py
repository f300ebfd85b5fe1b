"""Where the history is offered: on a feature and on a layer the convention governs.

- On a feature: a map layer action "GeoGov: history of this feature…" in QGIS's map layer
  action registry (QgsGui.mapLayerActionRegistry), so it appears in the identify results'
  context menu, the attribute table's actions and the feature form — only for a layer the
  convention governs (its ``canRunUsingLayer`` asks the convention, as the layer-tree
  indicators do: bridge/propose.py dataset_of_layer).
- On a layer: "GeoGov: change history…" in the layer tree's context menu, added for each
  governed layer of the project (iface.addCustomActionForLayer) and kept in step as layers
  come and go and the convention is reloaded; and the GeoGov menu's "History of the
  current layer…" (ui/plugin.py: :func:`show_layer_history`).

Started once QGIS has started (ui/plugin.py STARTED); the dialog's module is imported when
a history is first opened. Everything is removed by ``unload``.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsMapLayerType, QgsProject
from qgis.gui import QgsGui, QgsMapLayerAction
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.propose import dataset_of_layer
from ..plugin.bridge.resources import icon_path
from .governance_state import robust_slot

ICON = "history.svg"
FEATURE_ACTION = "geogov_feature_history"
LAYER_ACTION = "geogov_layer_history_tree"


def _single_feature():
    """The "one feature" target of a map layer action: Qgis.MapLayerActionTarget from QGIS
    3.30, QgsMapLayerAction.Target before."""
    targets = getattr(Qgis, "MapLayerActionTarget", None)
    return targets.SingleFeature if targets is not None else QgsMapLayerAction.Target.SingleFeature


def governed(convention, layer) -> bool:
    """A vector layer that is a dataset of the convention."""
    try:
        return (layer is not None and layer.type() == QgsMapLayerType.VectorLayer
                and dataset_of_layer(convention, layer) is not None)
    except RuntimeError:
        return False        # the layer was deleted by QGIS


class FeatureHistoryAction(QgsMapLayerAction):
    """The map layer action, offered on the governed layers only."""

    def __init__(self, state, parent=None):
        super().__init__(tr("GeoGov: history of this feature…"), parent, QgsMapLayerType.VectorLayer,
                         _single_feature(), QIcon(icon_path(ICON)))
        self.setObjectName(FEATURE_ACTION)
        self.state = state

    def canRunUsingLayer(self, layer, context=None):
        # Both overloads (QGIS 3.32 added one with a QgsMapLayerActionContext) end here.
        try:
            return governed(self.state.convention, layer)
        except Exception:  # noqa: BLE001 - called by QGIS while it builds a menu: never raise there
            return False


class HistoryActions:
    def __init__(self, plugin, state, load_settings=None):
        self.plugin = plugin
        self.iface = plugin.iface
        self.state = state
        self.load_settings = load_settings
        self.project = QgsProject.instance()
        self.dialogs = []
        window = self.iface.mainWindow()
        self.feature_action = FeatureHistoryAction(state, window)
        signal = getattr(self.feature_action, "triggeredForFeatureV2", None)
        if signal is not None:        # QGIS 3.32+: the signal with a context (the old one is deprecated)
            signal.connect(lambda layer, feature, _context: self.show_feature(layer, feature))
        else:
            self.feature_action.triggeredForFeature.connect(self.show_feature)
        QgsGui.mapLayerActionRegistry().addMapLayerAction(self.feature_action)
        self.layer_action = QAction(QIcon(icon_path(ICON)), tr("GeoGov: change history…"), window)
        self.layer_action.setObjectName(LAYER_ACTION)
        self.layer_action.setToolTip(tr("Every applied proposal of this dataset: when, who, why, what"))
        self.layer_action.triggered.connect(self.show_current_layer)
        self.in_tree = set()            # ids of the layers the layer-tree action is added for
        self.iface.addCustomActionForLayerType(self.layer_action, "", QgsMapLayerType.VectorLayer, False)
        self._connections = [(self.project.layersAdded, self.follow_layers),
                             (self.project.layersRemoved, self.follow_layers),
                             (self.state.changed, self.follow_layers)]
        for signal, slot in self._connections:
            signal.connect(slot)
        self.follow_layers()

    # ------------------------------------------------------------------ the layer tree
    @robust_slot(lambda self: self.iface)
    def follow_layers(self, *_):
        """The layer-tree action on every governed layer of the project, and only there."""
        convention = self.state.convention
        layers = {layer.id(): layer for layer in self.project.mapLayers().values()
                  if governed(convention, layer)}
        wanted = set(layers)
        if self.in_tree - wanted:
            # QGIS cannot take the action off one layer: off all, then on the governed ones.
            self.iface.removeCustomActionForLayerType(self.layer_action)
            self.iface.addCustomActionForLayerType(self.layer_action, "", QgsMapLayerType.VectorLayer, False)
            self.in_tree = set()
        for layer_id in sorted(wanted - self.in_tree):
            self.iface.addCustomActionForLayer(self.layer_action, layers[layer_id])
        self.in_tree = wanted

    # ------------------------------------------------------------------ opening
    def _open(self, layer, feature=None):
        from .history_dialog import open_history

        self.dialogs = [d for d in self.dialogs if _alive(d)]
        dialog = open_history(self.iface, self.state, layer, feature, load_settings=self.load_settings)
        self.dialogs.append(dialog)
        return dialog

    @robust_slot(lambda self: self.iface)
    def show_feature(self, layer, feature):
        if governed(self.state.convention, layer):
            return self._open(layer, feature)
        return None

    @robust_slot(lambda self: self.iface)
    def show_current_layer(self, *_):
        return show_layer(self, self.iface.activeLayer())

    def unload(self):
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self._connections = []
        QgsGui.mapLayerActionRegistry().removeMapLayerAction(self.feature_action)
        self.iface.removeCustomActionForLayerType(self.layer_action)
        for dialog in self.dialogs:
            if _alive(dialog):
                dialog.close()
        self.dialogs = []
        self.feature_action.deleteLater()
        self.layer_action.deleteLater()


def _alive(widget) -> bool:
    from qgis.PyQt import sip

    return widget is not None and not sip.isdeleted(widget)


def show_layer(component, layer):
    """The history of ``layer``, or say why there is none."""
    if not governed(component.state.convention, layer):
        component.iface.messageBar().pushMessage(
            tr("GeoGov"), tr("The current layer is no dataset of the partnership convention: it has no "
                             "GeoGov history."), Qgis.MessageLevel.Info, 8)
        return None
    return component._open(layer)


def start(plugin):
    """Offer the history on features and layers (ui/plugin.py STARTED)."""
    from .governance_state import state_of

    return HistoryActions(plugin, state_of(plugin))


def show_layer_history(plugin):
    """The GeoGov menu's "History of the current layer…"."""
    component = plugin.started.get("history_actions")
    if component is not None:
        component.show_current_layer()
