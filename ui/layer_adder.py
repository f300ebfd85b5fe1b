"""Add a record's WMS / WFS / OGC API Features layer, or a service's layer, to the map.

Two tasks, never the GUI thread: the service's capabilities are read (to find the layer
the link names, its CRS list, the version the server speaks), then the layer is built
with QGIS's provider, which itself reads the service. The user picks the layer in a
small list only when the link names none the capabilities know.

Credentials: the data source gets an authcfg id only. A link's service uses the authcfg
of the configured service with the same endpoint, else the catalogue connection's when
the service is on the catalogue's own host (sending a catalogue's credentials to another
host would leak them).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout

from ..plugin.bridge import layers_from_records as lfr
from ..plugin.bridge import settings as gsettings
from ..plugin.bridge.i18n import tr
from ..plugin.bridge.network_tasks import run_network_task
from ..plugin.catalogue import model
from ..plugin.catalogue.service_client import fetch_capabilities, find_layer, service_endpoint
from .standard_buttons import name_buttons
from .window_memory import remember_geometry

SERVICE_OF_KIND = {model.LINK_WMS: "WMS", model.LINK_WFS: "WFS"}


class LayerPickerDialog(QDialog):
    """Choose one named layer of a service."""

    def __init__(self, layers, service_title, parent=None):
        super().__init__(parent)
        remember_geometry(self, "GeoGovLayerPickerDialog")
        self.setWindowTitle(tr("Choose a layer"))
        self.layers = list(layers)
        layout = QVBoxLayout(self)
        label = QLabel(tr("The link names no layer of \"{service}\": choose one.").format(
            service=service_title))
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget()
        for layer in self.layers:
            self.list.addItem(tr("{title} ({name})").format(title=layer.title or layer.name,
                                                            name=layer.name))
        if self.layers:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(self.accept)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self):
        row = self.list.currentRow()
        return self.layers[row] if 0 <= row < len(self.layers) else None


def pick_layer(layers, service_title, parent=None):
    dialog = LayerPickerDialog(layers, service_title, parent)
    return dialog.chosen() if dialog.exec() else None


def authcfg_for(url: str, connection=None, services=None, kind: str = "") -> str:
    """The authcfg for a link to ``url`` of service ``kind`` ("wms", "wfs"; "" any)."""
    endpoint = service_endpoint(url).rstrip("/")
    same = [service for service in (services if services is not None else gsettings.load().services)
            if service_endpoint(service.url).rstrip("/") == endpoint]
    if same:
        # One endpoint often serves WMS and WFS, configured as two services: the one of
        # the link's kind gives the credentials, else the first that has some.
        return min(same, key=lambda s: (s.kind.lower() != kind.lower(), not s.authcfg)).authcfg
    if connection is not None and getattr(connection, "authcfg", ""):
        if urlsplit(connection.url).netloc.lower() == urlsplit(url).netloc.lower():
            return connection.authcfg
    return ""


def requested_crs(project=None) -> str:
    """The project CRS to request a layer in, or "" when the project has no layer yet.

    An empty project's CRS is only QGIS's default for new projects (WGS 84 in a fresh
    profile), which the first layer added replaces: a WFS layer requested in it would be
    reprojected by the server into degrees (proposals and applies would then carry
    reprojected, rounded coordinates of Lambert-93 data). With no layer yet, the layer comes
    in its own CRS (choose_crs: Lambert-93 first) and the project follows it.
    """
    project = project or QgsProject.instance()
    if not project.mapLayers():
        return ""
    return project.crs().authid()


def _create(plan, transport=None):
    # The provider does its own requests; the transport argument only receives the
    # feedback-bound transport run_network_task passes (unused here).
    return lfr.create_layer(plan)


class LayerAdder:
    """Runs the add-a-layer steps and reports through callbacks (main thread):
    ``started(task, text)`` for each task, ``failed(error)``, ``added(layer)``."""

    def __init__(self, parent_widget, *, started, failed, added, timeout=30):
        self.parent = parent_widget
        self.started = started
        self.failed = failed
        self.added = added
        self.timeout = timeout
        self.choose_layer = pick_layer   # replaced by tests (a modal dialog otherwise)

    # ------------------------------------------------------------------ from a record
    def add_from_record(self, record, kind: str, connection=None) -> bool:
        links = record.links_of(kind)
        if not links:
            return False
        link = links[0]
        authcfg = authcfg_for(link.url, connection, kind=SERVICE_OF_KIND.get(kind, ""))

        def describe(layer):
            lfr.describe_from_record(layer, record, connection)

        if kind == model.LINK_OGCAPI_FEATURES:
            try:
                plan = lfr.oapif_plan(link.url, link.name, authcfg=authcfg, title=record.title)
            except lfr.LayerError as error:
                self.failed(error)
                return False
            self._build(plan, describe)
            return True
        service = SERVICE_OF_KIND[kind]

        def got(result):
            info, _exchange = result
            layer = find_layer(info, link.name)
            if layer is None:
                layer = self.choose_layer(info.named_layers, info.title or link.url, self.parent)
                if layer is None:
                    return
            self._build(self.plan(service, link.url, info, layer, authcfg, record.title),
                        describe)

        task = run_network_task(tr("Reading the {service} capabilities").format(service=service),
                                fetch_capabilities, link.url, service, authcfg=authcfg,
                                timeout=self.timeout, on_done=self._guard(got),
                                on_error=self.failed)
        self.started(task, tr("Reading the {service} capabilities…").format(service=service))
        return True

    # ------------------------------------------------------------------ from a service
    def add_from_service(self, url, info, layer, authcfg="") -> None:
        def describe(qgs_layer):
            lfr.describe_from_service(qgs_layer, layer, info)

        self._build(self.plan(info.service, url, info, layer, authcfg), describe)

    @staticmethod
    def plan(service, url, info, layer, authcfg, title=""):
        make = lfr.wms_plan if service == "WMS" else lfr.wfs_plan
        return make(url, info, layer, project_crs=requested_crs(), authcfg=authcfg, title=title)

    # ------------------------------------------------------------------ common
    def _build(self, plan, describe):
        def built(layer):
            describe(layer)
            QgsProject.instance().addMapLayer(layer)
            self.added(layer)

        task = run_network_task(tr("Adding the layer {name}").format(name=plan.name), _create,
                                plan, on_done=self._guard(built), on_error=self.failed)
        self.started(task, tr("Adding the layer {name}…").format(name=plan.title or plan.name))

    def _guard(self, callback):
        """A task callback whose failure is shown to the user, not raised into Qt."""
        def guarded(result):
            try:
                callback(result)
            except Exception as error:  # noqa: BLE001 - shown to the user, logged by failed()
                self.failed(error)
        return guarded
