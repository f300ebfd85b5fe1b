"""The "Propose my changes" action: toolbar and menu, enabled when there is something to
propose — a vector layer being edited with changes, or a local copy made from a shared
layer (custom property ``geogov/copy_of``). It opens ui/propose_dialog.py on the current
layer and starts computing at once. The dialog is not modal — the map stays usable while
it is open — and there is one per layer: asked again for a layer whose dialog is open, the
action brings that dialog to the front and computes its changes again.

"Edit a local copy" (menu) writes the current shared layer into a GeoPackage of the
profile in a task (plugin/bridge/propose_copy.py), adds it to the project in edit mode
and links it to the shared layer, for technicians who prefer to work on their own file.

The actions exist from QGIS's start (ui/plugin.py); what follows the layer starts once QGIS
has started, and the dialog's module is imported when the action is first used.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsMapLayerType, QgsProject

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.propose import COPY_OF_PROPERTY, dataset_of_layer
from ..plugin.bridge.propose_copy import copies_folder, copy_path, copy_source, open_copy, write_copy
from ..plugin.bridge.tasks import run_task
from .governance_state import robust_slot, show_error


def can_propose(layer) -> bool:
    """The action is enabled for a vector layer being edited with changes, or for a local
    copy made from a shared layer (custom property COPY_OF_PROPERTY)."""
    if layer is None or layer.type() != QgsMapLayerType.VectorLayer:
        return False
    return bool(layer.isModified() or layer.customProperty(COPY_OF_PROPERTY, ""))


def can_copy(layer, convention) -> bool:
    """A shared layer of the convention (not itself a copy) can be copied to be edited."""
    if layer is None or layer.type() != QgsMapLayerType.VectorLayer:
        return False
    if layer.customProperty(COPY_OF_PROPERTY, ""):
        return False
    return dataset_of_layer(convention, layer) is not None


class _Component:
    """Keeps the actions' enabled state in step with the current layer and its edits."""

    SIGNALS = ("editingStarted", "editingStopped", "layerModified", "afterRollBack",
               "afterCommitChanges")

    def __init__(self, plugin, action, copy_action=None, state=None):
        self.plugin = plugin
        self.iface = plugin.iface
        self.action = action
        self.copy_action = copy_action
        self.state = state
        self.layer = None
        self.dialogs = []           # the open propose dialogs, one per layer
        self.task = None

    @property
    def dialog(self):
        """The propose dialog opened last (None when none is open)."""
        return self.dialogs[-1] if self.dialogs else None

    def dialog_for(self, layer):
        """The open propose dialog of ``layer``, if any."""
        for dialog in list(self.dialogs):
            try:
                if dialog.isVisible() and dialog.proposes(layer):
                    return dialog
            except RuntimeError:
                self.dialogs.remove(dialog)   # deleted with the main window
        return None

    def opened(self, dialog):
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda *_: self._closed(dialog))

    def _closed(self, dialog):
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        try:
            dialog.deleteLater()
        except RuntimeError:
            pass  # deleted with its parent

    def follow(self, layer=None):
        self._disconnect()
        # Only vector layers are proposed from; a raster or mesh layer also has
        # editingStarted (QgsMapLayer, 3.22) but none of the vector edit signals.
        is_vector = layer is not None and layer.type() == QgsMapLayerType.VectorLayer
        self.layer = layer if is_vector else None
        if self.layer is not None:
            for name in self.SIGNALS:
                getattr(self.layer, name).connect(self.update)
            self.layer.editingStarted.connect(self.warn_shared)
        self.update()

    @robust_slot(lambda self: self.iface)
    def warn_shared(self, *_):
        """QGIS 3.22 cannot forbid saving a layer's edits (no allowCommit in its Python
        API): say it when a shared layer of the convention goes into edit mode."""
        layer = self.layer
        convention = self.state.convention if self.state is not None else None
        if layer is None or layer.customProperty(COPY_OF_PROPERTY, "") or \
                dataset_of_layer(convention, layer) is None:
            return False
        # One short line (the bar shows no more than that), the reason behind "More".
        self.iface.messageBar().pushMessage(
            "GeoGov", tr("“{layer}” is shared data: do not save your edits, use Propose my changes.").format(
                layer=layer.name()),
            tr("The steward of the data reviews your proposal before it is applied to the shared data."),
            Qgis.MessageLevel.Warning, 15)
        return True

    def update(self, *_):
        try:
            self.action.setEnabled(can_propose(self.layer))
            if self.copy_action is not None:
                convention = self.state.convention if self.state is not None else None
                self.copy_action.setEnabled(self.task is None and can_copy(self.layer, convention))
        except RuntimeError:
            self.layer = None  # the layer was deleted by QGIS
            self.action.setEnabled(False)

    @robust_slot(lambda self: self.iface)
    def make_local_copy(self, *_):
        layer = self.layer
        if layer is None or self.task is not None:
            return
        source = copy_source(layer, QgsProject.instance().transformContext())
        path = copy_path(layer, copies_folder())
        self.task = run_task(tr("GeoGov: local copy of {layer}").format(layer=layer.name()), write_copy,
                             source, path, on_done=lambda written: self._copied(source, written),
                             on_error=self._copy_failed)
        self.update()

    @robust_slot(lambda self: self.iface)
    def _copied(self, source, path):
        self.task = None
        copy = open_copy(source, path)
        QgsProject.instance().addMapLayer(copy)
        copy.startEditing()
        self.iface.setActiveLayer(copy)
        self.iface.messageBar().pushMessage(
            "GeoGov", tr("Local copy {path} added in edit mode: edit it, then use Propose my changes. "
                         "The shared layer is not changed.").format(path=path), Qgis.MessageLevel.Info, 10)
        self.update()

    @robust_slot(lambda self: self.iface)
    def _copy_failed(self, error):
        self.task = None
        show_error(self.iface, error)
        self.update()

    def _disconnect(self):
        if self.layer is None:
            return
        for name in self.SIGNALS:
            try:
                getattr(self.layer, name).disconnect(self.update)
            except (TypeError, RuntimeError):
                pass  # never connected, or the layer is gone
        try:
            self.layer.editingStarted.disconnect(self.warn_shared)
        except (TypeError, RuntimeError):
            pass  # the layer is gone
        self.layer = None

    def unload(self):
        self._disconnect()
        for dialog in list(self.dialogs):
            try:
                dialog.reject()
                dialog.deleteLater()
            except RuntimeError:
                pass  # already deleted with the main window
        self.dialogs = []


def start(plugin):
    """Follow the current layer from QGIS's start (ui/plugin.py STARTED): the actions'
    enabled state, and the warning when a shared layer goes into edit mode."""
    from .governance_state import state_of

    state = state_of(plugin)
    component = _Component(plugin, plugin.action_named("geogov_propose_changes"),
                           plugin.action_named("geogov_edit_local_copy"), state)
    plugin.connect(plugin.iface.currentLayerChanged, component.follow)
    plugin.connect(state.changed, component.update)
    component.follow(plugin.iface.activeLayer())
    return component


def propose_my_changes(plugin):
    """The "Propose my changes…" action (ui/plugin.py): enabled once start() follows."""
    from .propose_dialog import ProposeDialog

    component = plugin.started.get("propose_action")
    if component is None:
        return None
    layer = plugin.iface.activeLayer()
    dialog = component.dialog_for(layer)
    if dialog is None:
        dialog = ProposeDialog(plugin.iface, component.state, layer, plugin.iface.mainWindow())
        component.opened(dialog)
        # Not modal: the technician pans and zooms the map to the features it names.
        dialog.show()
    else:
        dialog.raise_()
        dialog.activateWindow()
    dialog.start()
    return dialog


def edit_a_local_copy(plugin):
    component = plugin.started.get("propose_action")
    if component is not None:
        component.make_local_copy()
