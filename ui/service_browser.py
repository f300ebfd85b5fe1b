"""A simple WMS/WFS browser: pick a configured service or type a URL, list its layers,
add one to the map.

The capabilities are read in a task (plugin/catalogue/service_client.py); the layer is
added by the same steps as from a catalogue record (ui/layer_adder.py).
"""

from __future__ import annotations

import html

from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..plugin.bridge import settings as gsettings
from ..plugin.bridge.i18n import tr
from ..plugin.bridge.labels.governance import iso_role_label
from ..plugin.bridge.messages import error_text
from ..plugin.bridge.network_tasks import run_network_task
from ..plugin.catalogue.service_client import fetch_capabilities
from ..plugin.errors import Cancelled
from .layer_adder import LayerAdder
from .window_memory import remember_geometry

MAX_CRS_SHOWN = 4
MAX_FORMATS_SHOWN = 3


def layer_rows(info) -> list:
    """Cells of the layers table (named layers only: the others cannot be requested)."""
    rows = []
    for layer in info.named_layers:
        crs = ", ".join(layer.crs[:MAX_CRS_SHOWN])
        if len(layer.crs) > MAX_CRS_SHOWN:
            crs += " " + tr("(+{more})").format(more=len(layer.crs) - MAX_CRS_SHOWN)
        formats = layer.formats or info.formats
        shown = ", ".join(formats[:MAX_FORMATS_SHOWN])
        if len(formats) > MAX_FORMATS_SHOWN:
            shown += " " + tr("(+{more})").format(more=len(formats) - MAX_FORMATS_SHOWN)
        rows.append([layer.title or layer.name, layer.name, crs, shown])
    return rows


def service_summary(info) -> str:
    """Rich text: title, version, Transaction offered or not, and the service contact
    with its free-text role (WFS/CSW ``ows:Role``) as written."""
    esc = html.escape
    lines = [f"<b>{esc(info.title or info.service)}</b> — {esc(info.service)} {esc(info.version)}"]
    if info.service == "WFS":
        lines.append(tr("Transaction (editing through WFS-T): {answer}").format(
            answer=tr("yes") if info.transaction else tr("no")))
    contact = info.contact
    if contact is not None:
        who = ", ".join(esc(v) for v in (contact.organisation, contact.individual,
                                          contact.position) if v)
        if contact.email:
            who += f' · <a href="mailto:{esc(contact.email, quote=True)}">{esc(contact.email)}</a>'
        if contact.role_raw:
            role = tr("role \"{raw}\" ({label})").format(
                raw=esc(contact.role_raw), label=esc(iso_role_label(contact.role)))
        else:
            role = tr("no role stated")
        lines.append(tr("Contact: {who} — {role}").format(who=who or "—", role=role))
    return "<br>".join(lines)


class ServiceBrowser(QDialog):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setObjectName("GeoGovServiceBrowser")
        remember_geometry(self, "GeoGovServiceBrowser")
        self.setWindowTitle(tr("GeoGov — WMS/WFS services"))
        self.resize(720, 480)
        self.iface = iface
        self.info = None
        self.url = ""
        self.authcfg = ""
        self.task = None
        self.closed = False
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.service_box = QComboBox()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText(tr("or type the address of a WMS or WFS"))
        self.kind_box = QComboBox()
        self.kind_box.addItem("WMS", "WMS")
        self.kind_box.addItem("WFS", "WFS")
        self.connect_button = QPushButton(tr("Connect"))
        row.addWidget(self.service_box)
        row.addWidget(self.url_edit, 1)
        row.addWidget(self.kind_box)
        row.addWidget(self.connect_button)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(12)
        self.cancel_button = QPushButton(tr("Cancel"))
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setOpenExternalLinks(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Title"), tr("Name"), tr("CRS"),
                                              tr("Formats")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.add_button = QPushButton(tr("Add to the map"))
        self.add_button.setEnabled(False)
        row.addWidget(self.status_label, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.adder = LayerAdder(self, started=self._started, failed=self._failed,
                                added=self._added)
        self.service_box.currentIndexChanged.connect(self._service_chosen)
        self.connect_button.clicked.connect(self.connect_service)
        self.url_edit.returnPressed.connect(self.connect_service)
        self.cancel_button.clicked.connect(self.cancel)
        self.add_button.clicked.connect(self.add_selected)
        self.table.itemSelectionChanged.connect(
            lambda: self.add_button.setEnabled(self.selected_layer() is not None))
        self.reload_services()

    def reload_services(self):
        self.services = list(gsettings.load().services)
        self.service_box.blockSignals(True)
        self.service_box.clear()
        self.service_box.addItem(tr("Configured services…"), None)
        for service in self.services:
            self.service_box.addItem(service.name, service)
        self.service_box.blockSignals(False)

    def _service_chosen(self, index):
        service = self.service_box.itemData(index)
        if service is not None:
            self.url_edit.setText(service.url)
            self.kind_box.setCurrentIndex(1 if service.kind.lower() == "wfs" else 0)
            self.connect_service()

    def connect_service(self, *_):
        url = self.url_edit.text().strip()
        if not url:
            return
        service = self.service_box.currentData()
        self.authcfg = service.authcfg if service is not None and service.url == url else ""
        timeout = service.timeout if service is not None else gsettings.load().timeout
        self.cancel()
        self.url = url
        kind = self.kind_box.currentData()
        task = run_network_task(tr("Reading the {service} capabilities").format(service=kind),
                                fetch_capabilities, url, kind, authcfg=self.authcfg,
                                timeout=timeout)
        task.on_done = lambda result, t=task: self._capabilities(t, result)
        task.on_error = lambda error, t=task: self._capabilities_failed(t, error)
        self.task = task
        self._started(task, tr("Reading the {service} capabilities…").format(service=kind))

    def cancel(self, *_):
        if self.task is not None:
            self.task.cancel()

    def _current(self, task) -> bool:
        self._busy(False)
        return not (self.closed or sip.isdeleted(self)) and task is self.task

    def _capabilities(self, task, result):
        if not self._current(task):
            return
        self.task = None
        self.info = result[0]
        self.summary.setText(service_summary(self.info))
        rows = layer_rows(self.info)
        self.table.setRowCount(len(rows))
        for i, cells in enumerate(rows):
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self._status(tr("{count} layers.").format(count=len(rows)))

    def _capabilities_failed(self, task, error):
        if not self._current(task):
            return
        self.task = None
        self._failed(error)

    def selected_layer(self):
        row = self.table.currentRow()
        if self.info is None or not self.table.selectedItems():
            return None
        named = self.info.named_layers
        return named[row] if 0 <= row < len(named) else None

    def add_selected(self, *_):
        layer = self.selected_layer()
        if layer is not None:
            self.adder.add_from_service(self.url, self.info, layer, self.authcfg)

    def _started(self, task, text):
        self._status(text)
        self._busy(True)
        task.taskCompleted.connect(lambda: self._busy(False))
        task.taskTerminated.connect(lambda: self._busy(False))

    def _busy(self, busy):
        if self.closed or sip.isdeleted(self):
            return
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    def _added(self, layer):
        if not (self.closed or sip.isdeleted(self)):
            self._status(tr("Layer \"{name}\" added to the map.").format(name=layer.name()))

    def _failed(self, error):
        if self.closed or sip.isdeleted(self):
            return
        if isinstance(error, Cancelled):
            self._status(tr("Cancelled by the user."))
        else:
            self._status(error_text(error), error=True)

    def _status(self, text, error=False):
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color:#c62828" if error else "")

    def done(self, result):
        self.cancel()
        super().done(result)


class _BrowserComponent:
    def __init__(self, plugin):
        from .settings_signal import settings_changed

        self.plugin = plugin
        self.dialog = None
        plugin.connect(settings_changed, self._settings_changed)

    def show(self, *_):
        if self.dialog is None or sip.isdeleted(self.dialog):
            self.dialog = ServiceBrowser(self.plugin.iface, self.plugin.iface.mainWindow())
        self.dialog.show()
        self.dialog.raise_()

    def _settings_changed(self):
        if self.dialog is not None and not sip.isdeleted(self.dialog):
            self.dialog.reload_services()

    def unload(self):
        if self.dialog is not None and not sip.isdeleted(self.dialog):
            self.dialog.closed = True
            self.dialog.cancel()
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None


def show_browser(plugin):
    """The "WMS/WFS services…" action (ui/plugin.py): one browser, kept until unload."""
    plugin.lazy_component("service_browser", lambda: _BrowserComponent(plugin)).show()
