"""GeoGov's page in QGIS's Options dialog (Settings ▸ Options ▸ GeoGov).

Shows the typed settings of plugin/bridge/settings.py: catalogue and service connections,
the proposal store, the identity used in GeoPackage mode, the convention, timeouts and
the colours of the diff. Credentials are never typed here: connections choose a QGIS
authentication configuration (stored encrypted by QGIS), only its id is kept. QGIS makes
the page through ui/options_factory.py, which imports this module only then.
"""

from __future__ import annotations

from qgis.gui import (
    QgsAuthConfigSelect,
    QgsColorButton,
    QgsFileWidget,
    QgsOptionsPageWidget,
)
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..plugin.bridge import settings as gsettings
from ..plugin.bridge.i18n import tr
from ..plugin.bridge.messages import error_text
from ..plugin.bridge.network_tasks import run_network_task
from ..plugin.catalogue import connections as catalogue_connections
from ..plugin.errors import Cancelled, GeoGovError
from ..plugin.safe_files import write_file
from .window_memory import remember_geometry

CATALOGUE_KINDS = (("csw", "2.0.2"), ("csw", "3.0.0"), ("ogcapi-records", ""))


def catalogue_kind_label(kind: str, version: str) -> str:
    if kind == "ogcapi-records":
        return tr("OGC API Records")
    return tr("CSW {version}").format(version=version or "2.0.2")


class ConnectionDialog(QDialog):
    """Edit one catalogue or service connection (name, URL, kind, authcfg, timeout)."""

    def __init__(self, connection, catalogue=True, parent=None):
        super().__init__(parent)
        remember_geometry(self, "GeoGovConnectionDialog")
        self.catalogue = catalogue
        self.setWindowTitle(tr("Catalogue connection") if catalogue else tr("Service connection"))
        form = QFormLayout(self)
        self.name = QLineEdit(connection.name)
        self.url = QLineEdit(connection.url)
        self.kind = QComboBox()
        if catalogue:
            for kind, version in CATALOGUE_KINDS:
                self.kind.addItem(catalogue_kind_label(kind, version), (kind, version))
            index = next((i for i, (k, v) in enumerate(CATALOGUE_KINDS)
                          if k == connection.kind and (v == connection.version or k != "csw")), 0)
        else:
            self.kind.addItem(tr("WMS"), ("wms", ""))
            self.kind.addItem(tr("WFS"), ("wfs", ""))
            index = 1 if connection.kind == "wfs" else 0
        self.kind.setCurrentIndex(index)
        self.auth = QgsAuthConfigSelect(self)
        self.auth.setConfigId(connection.authcfg)
        self.timeout = QSpinBox()
        self.timeout.setRange(1, 600)
        self.timeout.setSuffix(tr(" s"))
        self.timeout.setValue(connection.timeout)
        self.detect_task = None
        self.detect_status = QLabel()
        self.detect_status.setWordWrap(True)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("URL"), self.url)
        if catalogue:
            kind_row = QHBoxLayout()
            kind_row.addWidget(self.kind, 1)
            self.detect_button = QPushButton(tr("Detect"))
            self.detect_button.setToolTip(tr("Ask the address which kind of catalogue it is"))
            self.detect_button.clicked.connect(self.detect)
            kind_row.addWidget(self.detect_button)
            form.addRow(tr("Kind"), kind_row)
            form.addRow(self.detect_status)
        else:
            form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("Authentication"), self.auth)
        form.addRow(tr("Timeout"), self.timeout)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    # -- kind detection (in a task: the dialog stays responsive, Cancel stops it) --------
    def detect(self, *_):
        url = self.url.text().strip()
        if not url:
            return
        if self.detect_task is not None:
            self.detect_task.cancel()
        task = run_network_task(tr("Detecting the catalogue kind"),
                                catalogue_connections.detect_catalogue, url,
                                authcfg=self.auth.configId(), timeout=self.timeout.value())
        task.on_done = lambda found, t=task: self._detected(t, found)
        task.on_error = lambda error, t=task: self._detect_failed(t, error)
        self.detect_task = task
        self.detect_button.setEnabled(False)
        self.detect_status.setStyleSheet("")
        self.detect_status.setText(tr("Asking {url}…").format(url=url))

    def _detect_current(self, task) -> bool:
        if sip.isdeleted(self) or task is not self.detect_task:
            return False
        self.detect_task = None
        self.detect_button.setEnabled(True)
        return True

    def _detected(self, task, found):
        if not self._detect_current(task):
            return
        version = found.version if found.kind == "csw" else ""
        if found.kind == "csw" and version not in ("2.0.2", "3.0.0"):
            version = "2.0.2" if "2.0.2" in found.versions else "3.0.0"
        for index, (kind, known) in enumerate(CATALOGUE_KINDS):
            if kind == found.kind and (kind != "csw" or known == version):
                self.kind.setCurrentIndex(index)
        self.url.setText(found.url)
        if not self.name.text().strip() and found.title:
            self.name.setText(found.title)
        self.detect_status.setText(tr("Found: {kind} — {title}").format(
            kind=catalogue_kind_label(found.kind, version), title=found.title or found.url))

    def _detect_failed(self, task, error):
        if not self._detect_current(task):
            return
        if isinstance(error, Cancelled):
            self.detect_status.setText(tr("Cancelled by the user."))
            return
        self.detect_status.setStyleSheet("color:#c62828")
        self.detect_status.setText(error_text(error))

    def done(self, result):
        if self.detect_task is not None:
            task, self.detect_task = self.detect_task, None
            task.cancel()
        super().done(result)

    def connection(self):
        kind, version = self.kind.currentData()
        values = dict(name=self.name.text().strip() or self.url.text().strip(),
                      url=self.url.text().strip(), kind=kind, authcfg=self.auth.configId(),
                      timeout=self.timeout.value())
        if self.catalogue:
            return gsettings.CatalogueConnection(version=version, **values)
        return gsettings.ServiceConnection(**values)


class ConnectionTable(QGroupBox):
    def __init__(self, title, connections, catalogue, parent=None):
        super().__init__(title, parent)
        self.catalogue = catalogue
        self.connections = list(connections)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Name"), tr("Kind"), tr("URL")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.edit)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        for text, slot in ((tr("Add…"), self.add), (tr("Edit…"), self.edit),
                           (tr("Remove"), self.remove)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch()
        if catalogue:
            for text, slot in ((tr("Import…"), self.import_file), (tr("Export…"), self.export_file)):
                button = QPushButton(text)
                button.clicked.connect(slot)
                row.addWidget(button)
        layout.addLayout(row)
        self.refresh()

    def refresh(self):
        self.table.setRowCount(len(self.connections))
        for i, c in enumerate(self.connections):
            kind = (catalogue_kind_label(c.kind, c.version) if self.catalogue else c.kind.upper())
            for j, text in enumerate((c.name, kind, c.url)):
                self.table.setItem(i, j, QTableWidgetItem(text))

    def _new(self):
        if self.catalogue:
            return gsettings.CatalogueConnection(name="", url="", version="2.0.2")
        return gsettings.ServiceConnection(name="", url="")

    def add(self):
        dialog = ConnectionDialog(self._new(), self.catalogue, self)
        if dialog.exec() and dialog.connection().url:
            self.connections.append(dialog.connection())
            self.refresh()

    def edit(self, *_):
        row = self.table.currentRow()
        if row < 0:
            return
        dialog = ConnectionDialog(self.connections[row], self.catalogue, self)
        if dialog.exec() and dialog.connection().url:
            self.connections[row] = dialog.connection()
            self.refresh()

    def remove(self):
        row = self.table.currentRow()
        if row >= 0:
            del self.connections[row]
            self.refresh()

    # -- catalogue connections as a file (GeoGov JSON; MetaSearch XML on import) ----------
    def import_file(self, *_):
        path, _filter = QFileDialog.getOpenFileName(
            self, tr("Import catalogue connections"), "",
            tr("Connections (*.json *.xml);;All files (*)"))
        if not path:
            return
        try:
            replaced = self.import_from(path)
        except (OSError, GeoGovError) as error:
            QMessageBox.warning(self, tr("Import catalogue connections"), error_text(error))
            return
        if replaced:
            QMessageBox.information(self, tr("Import catalogue connections"), tr(
                "These connections were replaced by the imported ones: {names}").format(
                    names=", ".join(replaced)))

    def import_from(self, path) -> list:
        """Merge the connections of the file at ``path`` (same name: replaced); the names
        replaced. Raises OSError or a GeoGovError with a code."""
        with open(path, "rb") as handle:
            data = handle.read()
        incoming = catalogue_connections.import_connections(data, source=str(path))
        merged, replaced, _skipped = catalogue_connections.merge_connections(
            self.connections, incoming)
        self.connections = merged
        self.refresh()
        return replaced

    def export_file(self, *_):
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Export catalogue connections"), "geogov-catalogues.json",
            tr("GeoGov connections (*.json)"))
        if not path:
            return
        try:
            self.export_to(path)
        except GeoGovError as error:
            QMessageBox.warning(self, tr("Export catalogue connections"), error_text(error))

    def export_to(self, path) -> None:
        """Write the connections to ``path``; authentication ids are left out (they name
        entries of this profile's authentication database only). Through a temporary file:
        a FileWriteError leaves an earlier export whole."""
        write_file(path, catalogue_connections.export_connections(self.connections))


class GeoGovOptionsPage(QgsOptionsPageWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("GeoGovOptionsPage")
        values = gsettings.load()
        layout = QVBoxLayout(self)

        self.catalogues = ConnectionTable(tr("Catalogues"), values.catalogues, True, self)
        self.services = ConnectionTable(tr("OGC services"), values.services, False, self)
        layout.addWidget(self.catalogues)
        layout.addWidget(self.services)

        governance = QGroupBox(tr("Partnership convention"))
        form = QFormLayout(governance)
        self.convention = QgsFileWidget()
        self.convention.setFilter(tr("Convention (*.yaml *.yml)"))
        self.convention.setFilePath(values.convention_source)
        form.addRow(tr("Convention file or URL"), self.convention)
        layout.addWidget(governance)

        store = QGroupBox(tr("Proposal store"))
        form = QFormLayout(store)
        self.store_kind = QComboBox()
        self.store_kind.addItem(tr("GeoPackage (one file, no set-up)"), "gpkg")
        self.store_kind.addItem(tr("PostgreSQL/PostGIS (shared, rights enforced by the database)"),
                                "postgres")
        self.store_kind.setCurrentIndex(1 if values.store_kind == "postgres" else 0)
        self.store_path = QgsFileWidget()
        self.store_path.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.store_path.setFilter(tr("GeoPackage (*.gpkg)"))
        self.store_path.setFilePath(values.store_path)
        self.store_dsn = QLineEdit(values.store_dsn)
        self.store_dsn.setPlaceholderText("host=… port=5432 dbname=geogov")
        self.store_auth = QgsAuthConfigSelect(self, "postgres")
        self.store_auth.setConfigId(values.store_authcfg)
        self.login = QLineEdit(values.identity_login)
        self.partner = QLineEdit(values.identity_partner)
        self.gpkg_notice = QLabel(tr(
            "In GeoPackage mode there is no access control: anyone who can open the file can "
            "act under any name. The identity below is only declared, not checked. Use the "
            "PostgreSQL store for a shared deployment in which the database enforces rights."))
        self.gpkg_notice.setWordWrap(True)
        form.addRow(tr("Store"), self.store_kind)
        form.addRow(tr("GeoPackage file"), self.store_path)
        form.addRow(tr("PostgreSQL connection"), self.store_dsn)
        form.addRow(tr("PostgreSQL authentication"), self.store_auth)
        form.addRow(self.gpkg_notice)
        form.addRow(tr("My login (GeoPackage mode)"), self.login)
        form.addRow(tr("My partner (GeoPackage mode)"), self.partner)
        self.store_kind.currentIndexChanged.connect(self._store_kind_changed)
        layout.addWidget(store)

        misc = QGroupBox(tr("Network and display"))
        form = QFormLayout(misc)
        self.timeout = QSpinBox()
        self.timeout.setRange(1, 600)
        self.timeout.setSuffix(tr(" s"))
        self.timeout.setValue(values.timeout)
        self.max_download = QSpinBox()
        self.max_download.setRange(1, 100000)
        self.max_download.setSuffix(tr(" MB"))
        self.max_download.setValue(values.max_download_mb)
        self.max_download.setToolTip(tr(
            "A server's answer larger than this (after decompression) is refused and not "
            "read to the end, so that a wrong or hostile server cannot fill the memory."))
        self.poll = QSpinBox()
        self.poll.setRange(10, 3600)
        self.poll.setSuffix(tr(" s"))
        self.poll.setValue(values.poll_seconds)
        self.colours = {}
        form.addRow(tr("Default network timeout"), self.timeout)
        form.addRow(tr("Largest answer read from a server"), self.max_download)
        form.addRow(tr("Check for new proposals every (GeoPackage mode)"), self.poll)
        for attribute, label in (("colour_added", tr("Added features")),
                                 ("colour_deleted", tr("Deleted features")),
                                 ("colour_modified", tr("Modified features"))):
            button = QgsColorButton()
            button.setColor(QColor(getattr(values, attribute)))
            self.colours[attribute] = button
            form.addRow(label, button)
        layout.addWidget(misc)
        layout.addStretch()
        self._store_kind_changed()

    def _store_kind_changed(self, *_):
        gpkg = self.store_kind.currentData() == "gpkg"
        for widget in (self.store_path, self.gpkg_notice, self.login, self.partner):
            widget.setEnabled(gpkg)
        for widget in (self.store_dsn, self.store_auth):
            widget.setEnabled(not gpkg)

    def values(self) -> gsettings.Settings:
        values = gsettings.load()
        values.catalogues = list(self.catalogues.connections)
        values.services = list(self.services.connections)
        values.convention_source = self.convention.filePath()
        values.store_kind = self.store_kind.currentData()
        values.store_path = self.store_path.filePath()
        values.store_dsn = self.store_dsn.text().strip()
        values.store_authcfg = self.store_auth.configId()
        values.identity_login = self.login.text().strip()
        values.identity_partner = self.partner.text().strip()
        values.timeout = self.timeout.value()
        values.max_download_mb = self.max_download.value()
        values.poll_seconds = self.poll.value()
        for attribute, button in self.colours.items():
            setattr(values, attribute, button.color().name())
        return values

    def apply(self):
        gsettings.save(self.values())
        from .settings_signal import settings_changed

        settings_changed.emit()
