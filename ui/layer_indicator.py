"""Layer-tree indicators: an icon beside every layer the convention governs.

The icon says the most urgent of: late (the data or a contract's delivery), a discrepancy
with the catalogue, proposals awaiting review, else up to date (or unknown); its tooltip
who validates the changes, the freshness, the deliveries, the discrepancies and the
proposals awaiting review. A layer from a partner service,
shared database or catalogue that no dataset of the convention matches gets an orange
"not covered" icon; local layers get none. Clicking an icon opens the responsibility
panel on that layer.

Indicators follow the project (layers added, removed, moved between groups) and the
shared GovernanceState (convention reloaded, store read, record fetched); all are removed
on unload.
"""

from __future__ import annotations

from html import escape

from qgis.core import QgsLayerTreeLayer, QgsProject
from qgis.gui import QgsLayerTreeView, QgsLayerTreeViewIndicator
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, QTimer
from qgis.PyQt.QtGui import QIcon

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.labels import governance as labels
from ..plugin.bridge.resources import icon_path
from .governance_state import robust_slot, state_of

ICONS = {"up_to_date": "governance_up_to_date.svg", "late": "governance_late.svg",
         "discrepancy": "governance_discrepancy.svg", "pending": "governance_pending.svg",
         "unknown": "governance_unknown.svg", "ungoverned": "governance_ungoverned.svg"}


def badge_kind(result, pending: int) -> str:
    """The one badge a governed layer shows, the most urgent first: late (the data, or a
    delivery a contract commits to), then a disagreement with its catalogue record, then
    proposals awaiting review; up to date (or unknown) only when none of these."""
    if result.status == "late" or any(o.status == "late" for o in result.obligations):
        return "late"
    if result.discrepancies:
        return "discrepancy"
    if pending:
        return "pending"
    return result.status if result.status in ("up_to_date", "unknown") else "unknown"


def indicator_content(info) -> tuple:
    """(kind, tooltip HTML) for a LayerGovernance; kind None: no indicator."""
    if info.governed:
        result = info.responsibility
        stewards = ", ".join(p.name for p in result.stewards) or tr("nobody named")
        lines = [f"<b>{escape(result.title)}</b>",
                 escape(tr("Changes validated by: {names}").format(names=stewards))]
        freshness = labels.status_label(result.status)
        if result.status == "late":
            freshness = labels.lateness_label(result.days_late, result.months_late)
        lines.append(escape(tr("Freshness: {status}").format(status=freshness)))
        if result.next_due and result.status != "late":
            lines.append(escape(tr("Next update expected by {date}").format(
                date=labels.date_label(result.next_due))))
        if info.store_available:
            lines.append(escape(tr("Proposals awaiting review: {n}").format(n=info.pending)))
        late_deliveries = [o for o in result.obligations if o.status == "late"]
        if late_deliveries:
            lines.append(escape(tr("Late deliveries committed by contract: {n}").format(
                n=len(late_deliveries))))
        if result.discrepancies:
            lines.append(escape(tr("Discrepancies with the catalogue: {n}").format(
                n=len(result.discrepancies))))
        pending = info.pending if info.store_available else 0
        return badge_kind(result, pending), "<br>".join(lines)
    if info.convention_loaded and info.shared:
        return "ungoverned", escape(tr("Shared layer not covered by the convention"))
    return None, ""


class LayerIndicators(QObject):
    """Keeps one indicator per governed or shared layer node of ``view``."""

    def __init__(self, view: QgsLayerTreeView, state, iface=None, on_click=None,
                 project=None, parent=None):
        super().__init__(parent)
        self.view = view
        self.state = state
        self.iface = iface
        self.on_click = on_click
        self.project = project or QgsProject.instance()
        self.indicators = {}     # layer id -> (node, indicator, kind)
        self.icons = {kind: QIcon(icon_path(name)) for kind, name in ICONS.items()}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._connections = [
            (self._timer.timeout, self.refresh),
            (self.project.layersAdded, self.schedule),
            (self.project.layersWillBeRemoved, self._layers_removed),
            (self.project.layerTreeRoot().addedChildren, self.schedule),
            (self.project.layerTreeRoot().willRemoveChildren, self._nodes_removed),
            (self.state.changed, self.schedule),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)
        self.schedule()

    def unload(self):
        self._timer.stop()
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self._connections = []
        for layer_id in list(self.indicators):
            self._remove(layer_id)
        self.deleteLater()

    def schedule(self, *_):
        """Refresh once control returns to the event loop (many signals, one refresh)."""
        self._timer.start()

    # ------------------------------------------------------------------ indicators
    @robust_slot(lambda self: self.iface)
    def refresh(self, *_):
        seen = set()
        for node in self.project.layerTreeRoot().findLayers():
            layer = node.layer()
            if layer is None:
                continue
            kind, tooltip = (None, "")
            if self.state.convention is not None:
                kind, tooltip = indicator_content(self.state.for_layer(layer))
            if kind is None:
                continue
            seen.add(layer.id())
            self._set(layer.id(), node, kind, tooltip)
        for layer_id in list(self.indicators):
            if layer_id not in seen:
                self._remove(layer_id)

    def _set(self, layer_id, node, kind, tooltip):
        current = self.indicators.get(layer_id)
        if current is not None and (current[0] is not node or sip.isdeleted(current[0])):
            self._remove(layer_id)
            current = None
        if current is None:
            indicator = QgsLayerTreeViewIndicator(self)
            indicator.clicked.connect(lambda _index, lid=layer_id: self._clicked(lid))
            self.view.addIndicator(node, indicator)
            current = (node, indicator, None)
        node, indicator, old_kind = current
        if old_kind != kind:
            indicator.setIcon(self.icons[kind])
        indicator.setToolTip(tooltip)
        self.indicators[layer_id] = (node, indicator, kind)

    def _remove(self, layer_id):
        node, indicator, _kind = self.indicators.pop(layer_id)
        if not sip.isdeleted(node) and not sip.isdeleted(self.view):
            self.view.removeIndicator(node, indicator)
        indicator.deleteLater()

    @robust_slot(lambda self: self.iface)
    def _layers_removed(self, layer_ids):
        for layer_id in layer_ids:
            if layer_id in self.indicators:
                self._remove(layer_id)

    @robust_slot(lambda self: self.iface)
    def _nodes_removed(self, parent, first, last):
        # A node about to go (removed, or moved to another group): its indicator first.
        for index in range(first, last + 1):
            child = parent.children()[index] if index < len(parent.children()) else None
            nodes = [child] if isinstance(child, QgsLayerTreeLayer) else \
                (child.findLayers() if child is not None and hasattr(child, "findLayers") else [])
            for node in nodes:
                if node.layerId() in self.indicators and \
                        self.indicators[node.layerId()][0] is node:
                    self._remove(node.layerId())
        self.schedule()

    def _clicked(self, layer_id):
        layer = self.project.mapLayer(layer_id)
        if layer is not None and self.on_click is not None:
            self.on_click(layer)

    def indicator_of(self, layer_id):
        """(kind, tooltip) of the indicator shown for a layer, None when there is none."""
        entry = self.indicators.get(layer_id)
        if entry is None:
            return None
        return entry[2], entry[1].toolTip()


def start(plugin):
    """Decorate the layer tree from QGIS's start (ui/plugin.py STARTED)."""
    view = plugin.iface.layerTreeView()
    if not isinstance(view, QgsLayerTreeView):
        return None   # no layer tree (a test interface): nothing to decorate

    def show_responsibility(layer):
        from .responsibility_dock import show_for_layer

        show_for_layer(plugin, layer)

    return LayerIndicators(view, state_of(plugin), plugin.iface, on_click=show_responsibility,
                           parent=plugin.iface.mainWindow())
