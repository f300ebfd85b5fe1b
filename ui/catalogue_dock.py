"""The Catalogue dock: search the partners' catalogues, see who is responsible, add layers.

Every request runs in a QgsTask (plugin/bridge/network_tasks.py): the GUI thread builds
the query from the widgets, starts the task and returns; results, errors and the
"Cancelled" state come back in the task's callbacks on the main thread. A new search
cancels the running one (its late answer is ignored). Typing searches after a short
pause (debounce); Enter searches at once.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog
from qgis.gui import QgsDockWidget
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QTimer

from ..plugin.bridge import settings as gsettings
from ..plugin.bridge.canvas_extent import canvas_extent_wgs84
from ..plugin.bridge.i18n import tr
from ..plugin.bridge.messages import error_text
from ..plugin.bridge.messages.catalogue import notes_text
from ..plugin.bridge.network_tasks import run_network_task
from ..plugin.catalogue import model
from ..plugin.catalogue.model import SearchQuery
from ..plugin.catalogue.search import search
from ..plugin.errors import Cancelled
from .catalogue_dock_layout import CatalogueDockLayout
from .layer_adder import LayerAdder
from .raw_response_dialog import RawResponseDialog

DEBOUNCE_MS = 400
PAGE_SIZE = 20


class CatalogueDock(QgsDockWidget, CatalogueDockLayout):
    def __init__(self, iface, parent=None):
        super().__init__(tr("GeoGov catalogue"), parent)
        self.setObjectName("GeoGovCatalogueDock")
        self.iface = iface
        self.connections = []
        self.search_task = None
        self.tasks = []              # every running task of the dock (the cancel button)
        self.result = None
        self.exchange = None         # of the last search, or of its error
        self.starts = [0]            # server start of each page seen (previous/next)
        self.shown_before = [0]      # records shown on the pages before each page
        self.query = None
        self.closed = False
        self.adder = LayerAdder(self, started=self._task_started, failed=self._layer_failed,
                                added=self._layer_added)
        self._build()
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self._debounced)
        self.reload_connections()

    # ------------------------------------------------------------------ layout
    def _build(self):
        self._build_layout()
        for kind, button in self.add_buttons.items():
            button.clicked.connect(lambda _checked=False, k=kind: self.add_layer(k))
        self.search_button.clicked.connect(self.search_now)
        self.search_edit.returnPressed.connect(self.search_now)
        self.search_edit.textEdited.connect(self._schedule)
        self.search_edit.cleared.connect(self._schedule)
        for edit in (self.organisation_edit, self.keyword_edit):
            edit.textEdited.connect(self._schedule)
            edit.returnPressed.connect(self.search_now)
        self.extent_check.toggled.connect(self._schedule)
        self.sort_box.currentIndexChanged.connect(self._schedule)
        self.connection_box.currentIndexChanged.connect(self._connection_changed)
        self.cancel_button.clicked.connect(self.cancel)
        self.previous_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.raw_button.clicked.connect(self.show_raw_response)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self._show_result(None)

    # ------------------------------------------------------------------ connections
    def reload_connections(self):
        current = self.connection_box.currentText()
        self.connections = list(gsettings.load().catalogues)
        self.connection_box.blockSignals(True)
        self.connection_box.clear()
        for connection in self.connections:
            self.connection_box.addItem(connection.name)
        index = self.connection_box.findText(current)
        self.connection_box.setCurrentIndex(index if index >= 0 else 0)
        self.connection_box.blockSignals(False)
        if not self.connections:
            self._status(tr("No catalogue is configured: add one in Settings ▸ Options ▸ "
                            "GeoGov."))

    def connection(self):
        index = self.connection_box.currentIndex()
        return self.connections[index] if 0 <= index < len(self.connections) else None

    def _connection_changed(self, *_):
        self.cancel_search()
        self.result = None
        self._show_result(None)
        self._status("")
        if self.search_edit.text().strip() or self.query is not None:
            self.search_now()

    # ------------------------------------------------------------------ searching
    def _schedule(self, *_):
        self.debounce.start()

    def _debounced(self):
        if self.search_edit.text().strip() or self.organisation_edit.text().strip() \
                or self.keyword_edit.text().strip():
            self.search_now()

    def current_query(self, start=0) -> SearchQuery:
        """The query the widgets describe (read on the main thread, never in the task)."""
        sort, descending = self.sort_box.currentData() or ("", False)
        bbox = None
        if self.extent_check.isChecked() and self.iface is not None:
            bbox = canvas_extent_wgs84(self.iface.mapCanvas())
        return SearchQuery(text=self.search_edit.text().strip(),
                           organisation=self.organisation_edit.text().strip(),
                           keyword=self.keyword_edit.text().strip(), bbox=bbox, start=start,
                           limit=PAGE_SIZE, sort=sort, descending=descending)

    def search_now(self, *_):
        self.debounce.stop()
        self.starts, self.shown_before = [0], [0]
        self._run_search(self.current_query(0))

    def next_page(self, *_):
        if self.result is None or self.result.next_start is None or self.query is None:
            return
        self.starts.append(self.result.next_start)
        self.shown_before.append(self.shown_before[-1] + self.result.returned)
        self._run_search(_with_start(self.query, self.result.next_start))

    def previous_page(self, *_):
        if len(self.starts) < 2 or self.query is None:
            return
        self.starts.pop()
        self.shown_before.pop()
        self._run_search(_with_start(self.query, self.starts[-1]))

    def _run_search(self, query):
        connection = self.connection()
        if connection is None:
            self._status(tr("No catalogue is configured: add one in Settings ▸ Options ▸ "
                            "GeoGov."), error=True)
            return None
        self.cancel_search()
        self.query = query
        task = run_network_task(tr("Searching {name}").format(name=connection.name), search,
                                connection, query, authcfg=connection.authcfg)
        task.on_done = lambda result, t=task: self._search_done(t, result)
        task.on_error = lambda error, t=task: self._search_failed(t, error)
        self.search_task = task
        self._task_started(task, tr("Searching {name}…").format(name=connection.name))
        return task

    def cancel_search(self):
        if self.search_task is not None:
            task, self.search_task = self.search_task, None
            task.cancel()

    def cancel(self, *_):
        """The Cancel button: every task of the dock."""
        for task in list(self.tasks):
            task.cancel()

    def _search_done(self, task, result):
        if not self._alive(task):
            return
        try:
            self.search_task = None
            self.result = result
            self.exchange = result.exchange
            self._show_result(result)
        except Exception as error:  # noqa: BLE001 - a slot must not raise into Qt
            self._report(error)

    def _search_failed(self, task, error):
        if not self._alive(task):
            return
        self.search_task = None
        self.exchange = getattr(error, "exchange", None) or self.exchange
        self.raw_button.setEnabled(self.exchange is not None)
        if isinstance(error, Cancelled):
            self._status(tr("Cancelled by the user."))
            return
        self._status(error_text(error), error=True)

    def _alive(self, task) -> bool:
        """False when the dock is gone or ``task`` is no longer the current search."""
        self._task_finished(task)
        return not (self.closed or sip.isdeleted(self)) and task is self.search_task

    # ------------------------------------------------------------------ showing
    def _show_result(self, result):
        records = result.records if result is not None else []
        self.model.set_records(records)
        self.table.resizeColumnsToContents()
        for column, width in ((0, 240), (1, 170), (2, 170)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), width))
        self.details.show_record(None)
        self._update_buttons(None)
        if result is None:
            self.page_label.setText("")
            self.notes_label.setVisible(False)
            self.previous_button.setEnabled(False)
            self.next_button.setEnabled(False)
            self.raw_button.setEnabled(self.exchange is not None)
            return
        first = self.shown_before[-1] + 1
        last = self.shown_before[-1] + result.returned
        if result.returned == 0:
            text = tr("No record matches.")
        elif result.matched == 1 and result.returned == 1:
            text = tr("One record matches.")
        elif result.matched is not None and first == last:
            text = tr("Record {first} of {matched} (the server's count)").format(
                first=first, matched=result.matched)
        elif result.matched is not None:
            text = tr("Records {first} to {last} of {matched} (the server's count)").format(
                matched=result.matched, first=first, last=last)
        elif first == last:
            text = tr("Record {first}").format(first=first)
        else:
            text = tr("Records {first} to {last}").format(first=first, last=last)
        self.page_label.setText(text)
        self._status("")
        sentences = notes_text(result.notes)
        self.notes_label.setText("\n".join("• " + s for s in sentences))
        self.notes_label.setVisible(bool(sentences))
        self.previous_button.setEnabled(len(self.starts) > 1)
        self.next_button.setEnabled(result.next_start is not None)
        self.raw_button.setEnabled(self.exchange is not None)
        if records:
            self.table.selectRow(0)

    def _row_changed(self, current, _previous):
        record = self.model.record_at(current.row())
        self.details.show_record(record)
        self._update_buttons(record)

    def _update_buttons(self, record):
        for kind, button in self.add_buttons.items():
            button.setEnabled(record is not None and bool(record.links_of(kind)))
            button.setVisible(kind != model.LINK_OGCAPI_FEATURES or button.isEnabled())

    def selected_record(self):
        index = self.table.selectionModel().currentIndex()
        return self.model.record_at(index.row()) if index.isValid() else None

    def _status(self, text, error=False):
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color:#c62828" if error else "")
        self.status_label.setVisible(bool(text))

    def show_raw_response(self, *_):
        if self.exchange is not None:
            RawResponseDialog(self.exchange, self).exec()

    # ------------------------------------------------------------------ adding layers
    def add_layer(self, kind):
        record = self.selected_record()
        if record is not None:
            self.adder.add_from_record(record, kind, self.connection())

    def _layer_added(self, layer):
        if self.closed or sip.isdeleted(self):
            return
        self._status(tr("Layer \"{name}\" added to the map.").format(name=layer.name()))
        if self.iface is not None:
            self.iface.messageBar().pushSuccess(tr("GeoGov"), tr(
                "Layer \"{name}\" added to the map.").format(name=layer.name()))

    def _layer_failed(self, error):
        if self.closed or sip.isdeleted(self):
            return
        if isinstance(error, Cancelled):
            self._status(tr("Cancelled by the user."))
            return
        if getattr(error, "exchange", None) is not None:
            # What the service answered (an HTML page, an exception report…) can be seen.
            self.exchange = error.exchange
            self.raw_button.setEnabled(True)
        self._report(error)

    def _report(self, error):
        if not getattr(error, "code", None):
            QgsMessageLog.logMessage(repr(error), "GeoGov", Qgis.MessageLevel.Critical)
        text = error_text(error)
        self._status(text, error=True)
        if self.iface is not None:
            self.iface.messageBar().pushCritical(tr("GeoGov"), text)

    # ------------------------------------------------------------------ task state
    def _task_started(self, task, text):
        self.tasks.append(task)
        self._status(text)
        self.progress.setRange(0, 0)        # busy until the task reports progress
        task.progressChanged.connect(self._progress_changed)
        self.progress_row.setVisible(True)
        def finished(*_args, t=task):
            self._task_finished(t)

        task.taskCompleted.connect(finished)
        task.taskTerminated.connect(finished)

    def _progress_changed(self, value):
        if not self.closed and not sip.isdeleted(self) and value > 0:
            self.progress.setRange(0, 100)
            self.progress.setValue(int(value))

    def _task_finished(self, task):
        if task in self.tasks:
            self.tasks.remove(task)
        if not (self.closed or sip.isdeleted(self)):
            self.progress_row.setVisible(bool(self.tasks))

    def unload(self):
        self.closed = True
        self.debounce.stop()
        self.cancel()


def _with_start(query, start):
    from dataclasses import replace

    return replace(query, start=start)


def build_dock(plugin):
    """The dock, built the first time it is shown (ui/plugin.py, which also calls its
    unload())."""
    from .settings_signal import settings_changed

    dock = CatalogueDock(plugin.iface, plugin.iface.mainWindow())
    plugin.connect(settings_changed, dock.reload_connections)
    return dock
