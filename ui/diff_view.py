"""The map diff of the selected proposal: its layers, transparency, swipe, zoom, stepping.

The layers come from plugin/bridge/diff_layers.py (after / before, styled by the shipped
QML); they go into a "GeoGov review" group at the top of the layer tree and are removed
when another proposal is selected, when none is, or when the dock closes
(:class:`ReviewLayers` holds their ids, never the layer objects: QGIS may delete them).

- **Transparency**: one slider for both layers' opacity.
- **Swipe** (Kart's old / new): while on, the two diff layers are hidden in the layer
  tree and a :class:`SwipeItem` on the canvas paints the *before* layer left of a vertical
  split and the *after* layer right of it, each rendered by a QGIS map job of its own
  (in the background) from the canvas's map settings; a slider moves the split.
- **Changes**: previous / next, zoom to the current change (the canvas flashes it).
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsMapCanvasItem
from qgis.PyQt.QtCore import QRectF, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QPen
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ..plugin.bridge.canvas_extent import gdal_box
from ..plugin.bridge.diff_layers import build_map_diff
from ..plugin.bridge.i18n import tr
from ..plugin.bridge.messages.proposals import feature_label
from ..plugin.errors import GeoGovError

MIN_ZOOM_METRES = 400.0


def group_name() -> str:
    return tr("GeoGov review")


class ReviewLayers:
    """The plugin's temporary review layers, in one layer-tree group (ids only)."""

    def __init__(self, project=None, canvas=None):
        self.project = project or QgsProject.instance()
        self.canvas = canvas
        self.ids = []

    def group(self, create: bool = True):
        root = self.project.layerTreeRoot()
        group = root.findGroup(group_name())
        if group is None and create:
            group = root.insertGroup(0, group_name())
        return group

    def add(self, layer):
        self.project.addMapLayer(layer, False)
        self.group().addLayer(layer)
        self.ids.append(layer.id())
        return layer

    def layer(self, layer_id):
        return self.project.mapLayer(layer_id) if layer_id else None

    def set_visible(self, layer_id, visible: bool):
        group = self.group(create=False)
        node = group.findLayer(layer_id) if group is not None else None
        if node is not None:
            node.setItemVisibilityChecked(visible)

    def remove(self, ids=None):
        ids = list(self.ids if ids is None else ids)
        present = [i for i in ids if self.project.mapLayer(i) is not None]
        if present:
            self.project.removeMapLayers(present)
            # QGIS 3.22's canvas drops a removed layer from its list but keeps showing its
            # last drawing until something else redraws the map: an approved or closed
            # proposal's diff stayed on the map (seen in the desktop journey).
            if self.canvas is not None:
                self.canvas.refresh()
        self.ids = [i for i in self.ids if i not in ids]
        group = self.group(create=False)
        if group is not None and not self.ids and not group.children():
            group.parent().removeChildNode(group)


class SwipeItem(QgsMapCanvasItem):
    """Paints the *before* layers left of the split and the *after* layers right of it."""

    def __init__(self, canvas, before_ids, after_ids):
        super().__init__(canvas)
        self.canvas = canvas
        self.sides = {"before": list(before_ids), "after": list(after_ids)}
        self.position = 0.5
        self.images = {}
        self.jobs = {}
        self.setZValue(100)
        canvas.mapCanvasRefreshed.connect(self.render)
        self.render()

    def set_position(self, fraction: float):
        self.position = max(0.0, min(1.0, fraction))
        self.update()

    def render(self):
        project = QgsProject.instance()
        for side, ids in self.sides.items():
            layers = [project.mapLayer(i) for i in ids if project.mapLayer(i) is not None]
            settings = QgsMapSettings(self.canvas.mapSettings())
            settings.setLayers(layers)
            settings.setBackgroundColor(QColor(0, 0, 0, 0))
            job = QgsMapRendererParallelJob(settings)
            job.finished.connect(lambda side=side, job=job: self._rendered(side, job))
            self.jobs[side] = job
            job.start()

    def _rendered(self, side, job):
        if self.jobs.get(side) is not job:
            return                       # a newer render replaced it
        self.jobs.pop(side, None)
        self.images[side] = job.renderedImage()
        self.setRect(self.canvas.extent())
        self.update()

    @property
    def ready(self) -> bool:
        return not self.jobs and len(self.images) == 2

    def paint(self, painter, *args):
        rect = self.boundingRect()
        split = rect.width() * self.position
        for side, clip in (("before", QRectF(0, 0, split, rect.height())),
                           ("after", QRectF(split, 0, rect.width() - split, rect.height()))):
            image = self.images.get(side)
            if image is None or image.isNull():
                continue
            painter.save()
            painter.setClipRect(clip)
            painter.drawImage(rect, image)
            painter.restore()
        pen = QPen(QColor("#1f5f8b"))
        pen.setWidth(3)
        painter.setPen(pen)
        painter.drawLine(int(split), 0, int(split), int(rect.height()))

    def stop(self):
        try:
            self.canvas.mapCanvasRefreshed.disconnect(self.render)
        except (TypeError, RuntimeError):
            pass       # the canvas is gone (QGIS closing)
        for job in list(self.jobs.values()):
            job.cancelWithoutBlocking()
        self.jobs.clear()
        scene = self.scene()
        if scene is not None:
            scene.removeItem(self)


class DiffView(QWidget):
    """Controls of the map diff of one proposal (layers built here, on the main thread)."""

    failed = pyqtSignal(object)

    def __init__(self, iface, load_settings, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.load_settings = load_settings
        self.layers = ReviewLayers(canvas=iface.mapCanvas() if iface is not None else None)
        self.diff = None
        self.after_id = self.before_id = None
        self.index = -1
        self.swipe = None
        self.show_check = QCheckBox(tr("Show the changes on the map"))
        self.show_check.setChecked(True)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(100)
        self.swipe_check = QCheckBox(tr("Swipe between before and after"))
        self.swipe_slider = QSlider(Qt.Orientation.Horizontal)
        self.swipe_slider.setRange(0, 100)
        self.swipe_slider.setValue(50)
        self.previous_button = QPushButton(tr("◀ Previous change"))
        self.next_button = QPushButton(tr("Next change ▶"))
        self.zoom_button = QPushButton(tr("Zoom to the change"))
        self.all_button = QPushButton(tr("Zoom to all changes"))
        self.position = QLabel()
        self.position.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(QLabel(tr("Opacity")), 0, 0)
        grid.addWidget(self.opacity, 0, 1)
        grid.addWidget(self.swipe_check, 1, 0)
        grid.addWidget(self.swipe_slider, 1, 1)
        steps = QGridLayout()
        steps.addWidget(self.previous_button, 0, 0)
        steps.addWidget(self.next_button, 0, 1)
        steps.addWidget(self.zoom_button, 1, 0)
        steps.addWidget(self.all_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.show_check)
        layout.addWidget(self.legend)
        layout.addLayout(grid)
        layout.addLayout(steps)
        layout.addWidget(self.position)
        layout.addStretch(1)
        self.show_check.toggled.connect(self._show_toggled)
        self.opacity.valueChanged.connect(self._opacity_changed)
        self.swipe_check.toggled.connect(self.set_swipe)
        self.swipe_slider.valueChanged.connect(self._swipe_moved)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.zoom_button.clicked.connect(self.zoom_to_current)
        self.all_button.clicked.connect(self.zoom_to_all)
        self.proposal = None
        self._located_of, self._located_cache = None, []
        self._update()

    # ------------------------------------------------------------------ layers
    def show_proposal(self, proposal, opened=None):
        """Show the diff layers of ``proposal`` (replacing any shown): those the detail task
        built (``opened``: review.Opened), else built here."""
        self.clear()
        self.proposal = proposal
        if proposal is None or proposal.changeset is None or not self.show_check.isChecked():
            self._update()
            return
        self._build(opened)

    def _build(self, opened=None):
        proposal = self.proposal
        try:
            if opened is not None and opened.map_error is not None:
                raise opened.map_error
            diff = opened.map_diff if opened is not None and opened.map_diff is not None else \
                build_map_diff(proposal.changeset, proposal.title or proposal.id, self.load_settings())
        except GeoGovError as error:      # no geometry, a style that cannot load: said in the dock
            self.legend.setText("")
            self.failed.emit(error)
            self._update()
            return
        self.diff = diff
        self.before_id = self.layers.add(diff.before).id()
        self.after_id = self.layers.add(diff.after).id()
        self._opacity_changed(self.opacity.value())
        self.index = -1
        counts = diff.counts
        self.legend.setText(tr("On the map: {added} added (green), {deleted} deleted (red), {modified} "
                               "modified (orange; before: dashed).").format(
            added=counts.get("insert", 0), deleted=counts.get("delete", 0), modified=counts.get("update", 0)))
        if self.swipe_check.isChecked():
            self.set_swipe(True)
        self._update()

    def clear(self):
        """Remove the diff layers and the swipe (another proposal, none, dock closed)."""
        self._stop_swipe()
        self.layers.remove([i for i in (self.after_id, self.before_id) if i])
        self.diff = None
        self.after_id = self.before_id = None
        self.index = -1
        self.legend.setText("")
        self.position.setText("")
        self._update()

    def diff_layers(self) -> list:
        return [layer for layer in (self.layers.layer(self.after_id), self.layers.layer(self.before_id))
                if layer is not None]

    def _show_toggled(self, checked):
        if checked and self.proposal is not None and self.diff is None:
            self._build()
        elif not checked:
            proposal = self.proposal
            self.clear()
            self.proposal = proposal

    def _opacity_changed(self, value):
        for layer in self.diff_layers():
            layer.setOpacity(value / 100.0)
            layer.triggerRepaint()
        if self.swipe is not None:
            self.swipe.render()

    # ------------------------------------------------------------------ swipe
    def set_swipe(self, on: bool):
        if self.swipe_check.isChecked() != bool(on):
            self.swipe_check.setChecked(bool(on))       # comes back here through toggled
            return
        self._stop_swipe()
        if on and self.diff is not None:
            for layer_id in (self.after_id, self.before_id):
                self.layers.set_visible(layer_id, False)
            self.swipe = SwipeItem(self.iface.mapCanvas(), [self.before_id], [self.after_id])
            self.swipe.set_position(self.swipe_slider.value() / 100.0)
        self._update()

    def _stop_swipe(self):
        if self.swipe is not None:
            self.swipe.stop()
            self.swipe = None
            for layer_id in (self.after_id, self.before_id):
                self.layers.set_visible(layer_id, True)

    def _swipe_moved(self, value):
        if self.swipe is not None:
            self.swipe.set_position(value / 100.0)

    # ------------------------------------------------------------------ changes
    def _located(self) -> list:
        """The changes that have a place on the map (worked out once per diff: a large
        proposal has 100 000 of them, and every button update asks)."""
        if self.diff is None:
            return []
        if self._located_of is not self.diff:
            self._located_of, self._located_cache = self.diff, self.diff.extents.located()
        return self._located_cache

    def step(self, delta: int):
        located = self._located()
        if not located:
            return
        if self.index not in located:
            self.index = located[0] if delta > 0 else located[-1]
        else:
            at = located.index(self.index)
            self.index = located[(at + delta) % len(located)]
        self.zoom_to_current()

    def _canvas_rect(self, rect: QgsRectangle, margin: float = 0.25) -> QgsRectangle:
        canvas = self.iface.mapCanvas()
        layer = self.layers.layer(self.after_id)
        destination = canvas.mapSettings().destinationCrs()
        transform = QgsCoordinateTransform(layer.crs(), destination, QgsProject.instance())
        if transform.isValid():
            out = transform.transformBoundingBox(rect)
        else:
            box = gdal_box(rect, layer.crs(), destination)
            out = QgsRectangle(*box) if box is not None else QgsRectangle(rect)
        minimum = MIN_ZOOM_METRES if not canvas.mapSettings().destinationCrs().isGeographic() else 0.002
        if out.width() < minimum or out.height() < minimum:
            centre = out.center()
            half = max(minimum, out.width(), out.height()) / 2
            out = QgsRectangle(centre.x() - half, centre.y() - half, centre.x() + half, centre.y() + half)
        return out.buffered(max(out.width(), out.height()) * margin)

    def zoom_to_current(self):
        if self.diff is None:
            return
        if self.index < 0:
            self.step(1)
            return
        extent = self.diff.extents[self.index]
        canvas = self.iface.mapCanvas()
        canvas.setExtent(self._canvas_rect(extent))
        canvas.refresh()
        self._flash(self.index)
        self._update()

    def _flash(self, index: int):
        """Flash the change's geometries (before and after) on the canvas."""
        canvas = self.iface.mapCanvas()
        for layer in self.diff_layers():
            request = QgsFeatureRequest().setFilterExpression(f'"_seq" = {int(index)}')
            geometries = [QgsGeometry(f.geometry()) for f in layer.getFeatures(request) if f.hasGeometry()]
            if geometries:
                canvas.flashGeometries(geometries, layer.crs())

    def zoom_to_all(self):
        located = self._located()
        if not located:
            return
        rect = self.diff.extents.union()
        canvas = self.iface.mapCanvas()
        canvas.setExtent(self._canvas_rect(rect, 0.08))
        canvas.refresh()

    def _update(self):
        has = self.diff is not None
        located = self._located()
        for button in (self.previous_button, self.next_button, self.zoom_button, self.all_button):
            button.setEnabled(bool(located))
        self.opacity.setEnabled(has)
        self.swipe_check.setEnabled(has)
        self.swipe_slider.setEnabled(has and self.swipe is not None)
        if has and self.index >= 0:
            self.position.setText(tr("Change {n} of {total}: {feature}").format(
                n=self.index + 1, total=len(self.diff.ops),
                feature=feature_label(self.diff.keys[self.index], self.diff.ops[self.index])))
        elif has:
            self.position.setText(tr("{total} change(s): go through them with “Next change”.").format(
                total=len(self.diff.ops)))
