"""The GUI thread never waits on the network: searches run in tasks, cancel aborts them.

A real socket accepts the connection and never answers. Starting a search must return at
once, the event loop must keep turning while the request hangs, and Cancel must abort the
request in flight (the server sees the connection closed long before any timeout) and
say so in the dock.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest
from qgis.core import QgsSettings, QgsTask

from geogov.plugin.bridge import settings as gsettings
from geogov.tests.support.french import french
from geogov.tests.support.qt_wait import spin, wait_for
from geogov.ui.catalogue_dock import DEBOUNCE_MS, CatalogueDock


class SilentServer:
    """Accepts connections, reads the requests, never answers."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.requests = []        # first bytes of each request
        self.closed = []          # monotonic time each client closed its connection
        self.stopping = False
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        self.sock.settimeout(0.2)
        while not self.stopping:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._hold, args=(conn,), daemon=True).start()

    def _hold(self, conn):
        conn.settimeout(0.2)
        first = True
        with conn:
            while not self.stopping:
                try:
                    data = conn.recv(65536)
                except socket.timeout:
                    continue
                except OSError:
                    break
                if not data:
                    break
                if first:
                    self.requests.append(data[:200])
                    first = False
            self.closed.append(time.monotonic())

    def stop(self):
        self.stopping = True
        self.sock.close()


@pytest.fixture()
def silent():
    server = SilentServer()
    yield server
    server.stop()


@pytest.fixture()
def dock(qgis_iface, silent):
    QgsSettings().remove("geogov")
    gsettings.save(gsettings.Settings(catalogues=[gsettings.CatalogueConnection(
        "Silencieux", f"http://127.0.0.1:{silent.port}/csw", "csw", "2.0.2", timeout=60)]))
    widget = CatalogueDock(qgis_iface)
    yield widget
    widget.unload()
    wait_for(lambda: not widget.tasks, timeout=20)
    widget.deleteLater()
    QgsSettings().remove("geogov")


def _event_loop_gaps(seconds):
    """The longest pause between two turns of the event loop over ``seconds``."""
    gaps, last = [], time.monotonic()
    end = last + seconds
    while time.monotonic() < end:
        spin(0.01)
        now = time.monotonic()
        gaps.append(now - last)
        last = now
    return max(gaps)


def test_search_returns_at_once_and_cancel_aborts_the_request(dock, silent):
    dock.search_edit.setText("velo")
    started = time.monotonic()
    dock.search_now()
    assert time.monotonic() - started < 0.5
    task = dock.search_task
    assert task is not None and dock.progress_row.isVisibleTo(dock)
    wait_for(lambda: silent.requests, timeout=10)          # the request reached the server
    assert task.status() in (QgsTask.TaskStatus.Queued, QgsTask.TaskStatus.Running)
    assert b"/csw" in silent.requests[0]
    # The event loop keeps turning while the request hangs (the bound is loose for busy
    # test machines: a GUI thread waiting on this request would stall for 60 s).
    assert _event_loop_gaps(1.0) < 1.0
    assert task.status() == QgsTask.TaskStatus.Running
    cancelled_at = time.monotonic()
    dock.cancel_button.click()
    wait_for(lambda: dock.status_label.text() == "Cancelled by the user.", timeout=10)
    # The request in flight was aborted, not left to its 60 s timeout.
    wait_for(lambda: silent.closed, timeout=10)
    assert silent.closed[0] - cancelled_at < 5
    assert not dock.progress_row.isVisibleTo(dock)
    assert dock.model.rowCount() == 0


def test_cancelled_is_said_in_french(dock, silent, tmp_path):
    with french(tmp_path):
        dock.search_edit.setText("velo")
        dock.search_now()
        wait_for(lambda: silent.requests, timeout=10)
        dock.cancel()
        wait_for(lambda: dock.status_label.text().startswith("Annulé"), timeout=10)


def test_a_new_search_cancels_the_running_one(dock, silent):
    dock.search_edit.setText("velo")
    first = dock.search_now() or dock.search_task
    wait_for(lambda: len(silent.requests) == 1, timeout=10)
    dock.search_edit.setText("eclairage")
    dock.search_now()
    second = dock.search_task
    assert second is not first
    wait_for(lambda: silent.closed, timeout=10)           # the first request was aborted
    wait_for(lambda: len(silent.requests) == 2, timeout=10)
    assert b"clairage" in silent.requests[1] or second.status() == QgsTask.TaskStatus.Running
    # The first task's cancellation is not reported over the running search.
    spin(0.3)
    assert dock.status_label.text() != "Cancelled by the user."
    assert dock.search_task is second


def test_typing_searches_after_a_pause_and_enter_at_once(dock, silent):
    dock.search_edit.setText("vel")
    dock.search_edit.textEdited.emit("vel")
    dock.search_edit.setText("velo")
    dock.search_edit.textEdited.emit("velo")
    typed = time.monotonic()
    assert dock.search_task is None and dock.debounce.isActive()
    wait_for(lambda: dock.search_task is not None, timeout=10)
    # Not before the pause (later is possible on a busy machine, never earlier).
    assert time.monotonic() - typed >= DEBOUNCE_MS / 1000 * 0.9
    assert dock.query.text == "velo"
    dock.search_edit.setText("velo paris")
    dock.search_edit.textEdited.emit("velo paris")
    previous = dock.search_task
    dock.search_edit.returnPressed.emit()
    assert dock.search_task is not previous and not dock.debounce.isActive()
    assert dock.query.text == "velo paris"


def test_timeout_gives_a_translated_message_not_a_traceback(qgis_iface, silent):
    QgsSettings().remove("geogov")
    gsettings.save(gsettings.Settings(catalogues=[gsettings.CatalogueConnection(
        "Lent", f"http://127.0.0.1:{silent.port}/csw", "csw", "2.0.2", timeout=1)]))
    dock = CatalogueDock(qgis_iface)
    try:
        dock.search_edit.setText("velo")
        dock.search_now()
        wait_for(lambda: dock.search_task is None and dock.status_label.text(), timeout=20)
        assert dock.status_label.text().startswith("The server did not answer within 1")
    finally:
        dock.unload()
        dock.deleteLater()
        QgsSettings().remove("geogov")


def _ask(url, transport=None):
    return transport.request("GET", url, timeout=60)


def test_cancel_at_any_moment_ends_the_task(qgis_app, silent):
    """Cancels land before, while and after each request is sent: every task must end
    within seconds (a cancel at the wrong instant once left QGIS's request waiting for
    ever, and with it one of QGIS's two task threads)."""
    from geogov.plugin.bridge.network_tasks import run_network_task

    url = f"http://127.0.0.1:{silent.port}/csw"
    ended = []
    count = 40
    for attempt in range(count):
        task = run_network_task("test", _ask, url, on_done=lambda r: ended.append("done"),
                                on_error=lambda e: ended.append(type(e).__name__))
        spin(0.0005 * (attempt % 20))
        task.cancel()
    wait_for(lambda: len(ended) == count, timeout=30)
    assert set(ended) == {"Cancelled"}
