"""Export a dataset's change log — the public "journal des modifications".

Applied proposals with who proposed, who approved, who applied, when and why, one line
per changed feature, as CSV, GeoJSON (WGS 84) and a standalone HTML page
(plugin/publishing/changelog.py). The store is read and the files written in a task.
"""

from __future__ import annotations

import copy
import os
from html import escape

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ..plugin.bridge import settings as gsettings
from ..plugin.bridge.i18n import tr
from ..plugin.bridge.messages import error_text
from ..plugin.bridge.review import export_changelog_file
from ..plugin.bridge.tasks import run_task
from .desktop_open import open_in_desktop
from .governance_state import robust_slot
from .window_memory import remember_geometry

FORMATS = (("csv", "CSV"), ("geojson", "GeoJSON"), ("html", "HTML"))
EXTENSIONS = {"csv": "csv", "geojson": "geojson", "html": "html"}


class ChangelogDialog(QDialog):
    def __init__(self, iface, convention=None, dataset: str = "", parent=None, load_settings=None):
        super().__init__(parent)
        remember_geometry(self, "GeoGovChangelogDialog")
        self.iface = iface
        self.convention = convention
        self.load_settings = load_settings or gsettings.load
        self.tasks = []
        self.written = []
        self.errors = []
        self.setWindowTitle(tr("Export the change log"))
        self.dataset_combo = QComboBox()
        self.dataset_combo.addItem(tr("All datasets"), "")
        if convention is not None:
            for dataset_id, item in sorted(convention.datasets.items(), key=lambda kv: kv[1].title):
                self.dataset_combo.addItem(item.title, dataset_id)
        if dataset:
            found = self.dataset_combo.findData(dataset)
            if found < 0:
                self.dataset_combo.addItem(dataset, dataset)
                found = self.dataset_combo.count() - 1
            self.dataset_combo.setCurrentIndex(found)
        self.format_checks = {}
        formats = QHBoxLayout()
        for code, label in FORMATS:
            check = QCheckBox(label)
            check.setChecked(True)
            self.format_checks[code] = check
            formats.addWidget(check)
        formats.addStretch(1)
        self.folder = QgsFileWidget()
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder.setDialogTitle(tr("Folder of the exported files"))
        self.name_edit = QLineEdit()
        form = QFormLayout()
        form.addRow(tr("Dataset"), self.dataset_combo)
        form.addRow(tr("Formats"), formats)
        form.addRow(tr("Folder"), self.folder)
        form.addRow(tr("File name"), self.name_edit)
        intro = QLabel(tr("The change log lists the applied proposals: who proposed them and why, who "
                          "approved and applied them, and each changed feature."))
        intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setOpenExternalLinks(False)
        self.status.linkActivated.connect(lambda link: open_in_desktop(self.iface, QUrl(link)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        self.export_button = self.buttons.addButton(tr("Export"), QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export)
        self.dataset_combo.currentIndexChanged.connect(self._default_name)
        for check in self.format_checks.values():
            check.toggled.connect(self._update)
        self.folder.fileChanged.connect(self._update)
        self.name_edit.textChanged.connect(self._update)
        self._default_name()
        self.resize(560, 280)

    @property
    def busy(self) -> bool:
        return bool(self.tasks)

    def _default_name(self, *_):
        # A file name in the user's language: "journal-des-modifications-tous-les-jeux".
        dataset = self.dataset_combo.currentData() or tr("all-datasets")
        self.name_edit.setText(tr("change-log") + "-" + dataset)
        self._update()

    def formats(self) -> list:
        return [code for code, _ in FORMATS if self.format_checks[code].isChecked()]

    def _update(self, *_):
        reason = ""
        if not self.formats():
            reason = tr("Choose at least one format.")
        elif not self.folder.filePath() or not os.path.isdir(self.folder.filePath()):
            reason = tr("Choose an existing folder.")
        elif not self.name_edit.text().strip():
            reason = tr("Type a file name.")
        self.export_button.setEnabled(not reason and not self.busy)
        self.export_button.setToolTip(reason)
        if reason and not self.busy and not self.written:
            self.status.setText(reason)

    @robust_slot(lambda self: self.iface)
    def export(self, *_):
        if self.busy:
            return
        settings = copy.deepcopy(self.load_settings())
        dataset = self.dataset_combo.currentData() or None
        title = self.dataset_combo.currentText() if dataset else ""
        base = os.path.join(self.folder.filePath(), self.name_edit.text().strip())
        self.written, self.errors = [], []
        self.status.setStyleSheet("")
        self.status.setText(tr("Exporting the change log…"))
        for fmt in self.formats():
            path = f"{base}.{EXTENSIONS[fmt]}"
            task = run_task(tr("GeoGov: export the change log"), export_changelog_file, settings, dataset,
                            path, fmt, title, self.convention, on_done=self._done, on_error=self._failed)
            self.tasks.append(task)
        self._update()

    @robust_slot(lambda self: self.iface)
    def _done(self, exported):
        self.tasks = [t for t in self.tasks if t.result is not exported]
        self.written.append(exported)
        self._report()

    @robust_slot(lambda self: self.iface)
    def _failed(self, error):
        self.tasks = [t for t in self.tasks if t.error is not error]
        self.errors.append(error)
        self._report()

    def _report(self):
        if self.busy:
            return
        lines = []
        for exported in sorted(self.written, key=lambda e: e.path):
            url = QUrl.fromLocalFile(exported.path).toString()
            link = f"<a href='{escape(url)}'>{escape(os.path.basename(exported.path))}</a>"
            lines.append(tr("{n} applied proposal(s) written to {link}").format(n=exported.proposals,
                                                                                 link=link))
        for error in self.errors:
            lines.append(escape(error_text(error)))
        self.status.setStyleSheet("color: #c62828;" if self.errors else "")
        self.status.setText("<br>".join(lines))
        self._update()
