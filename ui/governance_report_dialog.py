"""The governance report dialog: choose the outputs, build the report in a task, open it.

The report's data (catalogue harvest, proposal store) is gathered in a QgsTask; the PDF
is laid out on the main thread when the task is done (a print layout belongs there; it
takes a second or two), then the file is opened with the desktop's viewer.
"""

from __future__ import annotations

import datetime as dt
import os

from qgis.core import QgsFeedback
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
)

from ..plugin.bridge.governance import gather_report
from ..plugin.bridge.i18n import tr
from ..plugin.bridge.messages import error_text
from ..plugin.bridge.report_layout import export_report
from ..plugin.bridge.store_factory import store_configured
from ..plugin.bridge.tasks import run_task
from .desktop_open import open_in_desktop
from .governance_state import robust_slot, state_of
from .standard_buttons import name_buttons
from .window_memory import remember_geometry


class GovernanceReportDialog(QDialog):
    def __init__(self, iface, state, parent=None, open_result=None):
        super().__init__(parent)
        self.setObjectName("GeoGovGovernanceReportDialog")
        remember_geometry(self, "GeoGovGovernanceReportDialog")
        self.setWindowTitle(tr("Governance report"))
        self.iface = iface
        self.state = state
        self.open_result = open_result or (lambda path: open_in_desktop(self.iface, path))
        self.task = None
        self.feedback = None
        self.closed = False
        self.written = {}
        layout = QVBoxLayout(self)
        intro = QLabel(tr("A report for coordinators and elected officials, in plain words: "
                          "per partner, the shared datasets, which are late, the contract "
                          "deliveries and the proposed changes, with a map of the "
                          "territories."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        folder = os.path.expanduser("~")
        stamp = dt.date.today().isoformat()
        self.pdf_check = QCheckBox(tr("PDF (to print)"))
        self.pdf_check.setChecked(True)
        self.pdf_path = QgsFileWidget()
        self.pdf_path.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.pdf_path.setFilter(tr("PDF files (*.pdf)"))
        self.pdf_path.setFilePath(os.path.join(folder, f"rapport-gouvernance-{stamp}.pdf"))
        self.html_check = QCheckBox(tr("HTML page (to publish)"))
        self.html_path = QgsFileWidget()
        self.html_path.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.html_path.setFilter(tr("HTML pages (*.html *.htm)"))
        self.html_path.setFilePath(os.path.join(folder, f"rapport-gouvernance-{stamp}.html"))
        self.catalogue = QComboBox()
        self.catalogue.addItem(tr("No catalogue (the convention and the store only)"), "")
        for connection in state.settings.catalogues:
            self.catalogue.addItem(connection.name, connection.url)
        self.incremental_check = QCheckBox(tr("Read only the catalogue records changed since "
                                              "the last sweep"))
        self.incremental_check.setToolTip(tr(
            "The other records come from GeoGov's copy of the last sweep of this catalogue; "
            "deleted records are left out, and a full sweep is made every 7 days. The report "
            "says how the catalogue was read."))
        self.incremental_check.setChecked(True)
        self.store_check = QCheckBox(tr("Count the proposals of the proposal store"))
        settings = state.settings
        has_store = store_configured(settings)
        self.store_check.setChecked(has_store)
        self.store_check.setEnabled(has_store)
        self.open_check = QCheckBox(tr("Open the report when it is ready"))
        self.open_check.setChecked(True)
        form.addRow(self.pdf_check, self.pdf_path)
        form.addRow(self.html_check, self.html_path)
        form.addRow(tr("Catalogue"), self.catalogue)
        form.addRow("", self.incremental_check)
        form.addRow("", self.store_check)
        form.addRow("", self.open_check)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_buttons(self.buttons)
        self.run_button = self.buttons.addButton(tr("Create the report"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.clicked.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def outputs(self) -> tuple:
        pdf = self.pdf_path.filePath().strip() if self.pdf_check.isChecked() else ""
        html = self.html_path.filePath().strip() if self.html_check.isChecked() else ""
        return pdf, html

    @robust_slot(lambda self: self.iface)
    def run(self, *_):
        convention = self.state.convention
        pdf, html = self.outputs()
        if convention is None:
            self._say(tr("The partnership convention is not loaded: the report cannot be made."),
                      error=True)
            return
        if not pdf and not html:
            self._say(tr("Choose a PDF file, an HTML file, or both."), error=True)
            return
        url = self.catalogue.currentData() or ""
        connections = [c for c in self.state.settings.catalogues if c.url == url]
        settings = self.state.settings if self.store_check.isChecked() else None
        self.run_button.setEnabled(False)
        self.progress.setVisible(True)
        self._say(tr("Gathering the report's data…"))
        # Closing the dialog also aborts the catalogue request in flight (not only between
        # pages): the feedback reaches the network request inside the task's thread.
        self.feedback = QgsFeedback()
        self.task = run_task(tr("GeoGov: governance report"), gather_report, convention,
                             self.state.today(), url, connections, settings,
                             feedback=self.feedback,
                             incremental=self.incremental_check.isChecked(),
                             on_done=lambda report: self._gathered(report, pdf, html),
                             on_error=self._failed)

    @robust_slot(lambda self: self.iface)
    def _gathered(self, report, pdf, html):
        self.task = None
        if self.closed:
            return
        try:
            self._say(tr("Laying out the report…"))
            self.written = export_report(report, pdf, html)
        except Exception as error:  # noqa: BLE001 - shown in the dialog
            self._failed(error)
            return
        self.progress.setVisible(False)
        self.run_button.setEnabled(True)
        self._say(tr("Report written: {paths}").format(paths=", ".join(self.written.values())))
        if self.open_check.isChecked():
            first = self.written.get("pdf") or self.written.get("html")
            if first:
                self.open_result(first)

    @robust_slot(lambda self: self.iface)
    def _failed(self, error):
        self.task = None
        if self.closed:
            return
        self.progress.setVisible(False)
        self.run_button.setEnabled(True)
        self._say(error_text(error), error=True)

    def _say(self, text, error=False):
        self.status.setStyleSheet("color: #c62828;" if error else "")
        self.status.setText(text)

    def reject(self):
        self.closed = True
        if self.feedback is not None:
            self.feedback.cancel()
        if self.task is not None:
            try:
                self.task.cancel()
            except RuntimeError:
                pass
        super().reject()


class _ReportComponent:
    """One report dialog, not modal (the map stays usable while a sweep runs), kept until
    unload and brought to the front when asked again."""

    def __init__(self, plugin):
        self.plugin = plugin
        self.dialog = None

    def show(self, *_):
        from qgis.PyQt import sip

        if self.dialog is None or sip.isdeleted(self.dialog):
            self.dialog = GovernanceReportDialog(self.plugin.iface, state_of(self.plugin),
                                                 self.plugin.iface.mainWindow())
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def unload(self):
        from qgis.PyQt import sip

        if self.dialog is not None and not sip.isdeleted(self.dialog):
            self.dialog.reject()           # cancels a running sweep
            self.dialog.deleteLater()
        self.dialog = None


def show_governance_report(plugin):
    """The "Governance report…" action (ui/plugin.py)."""
    plugin.lazy_component("governance_report", lambda: _ReportComponent(plugin)).show()
