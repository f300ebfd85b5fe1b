"""A QgsTask whose cancel button also aborts the HTTP request in flight.

:func:`.tasks.run_task` cancels between steps (the core checks ``is_cancelled()`` before
each request), but a request already sent waits for its answer or its timeout. Here the
function gets ``transport=TaskTransport(authcfg)``; cancelling the task (our cancel
button, or QGIS's task manager, which calls the same virtual ``cancel()``) aborts the
request in flight.

Why the cancellation is posted into the worker thread rather than done by cancelling a
QgsFeedback from the main thread: QGIS 3.22's QgsBlockingNetworkRequest connects the
feedback's ``canceled`` signal twice, first to its own ``abort()`` (which deletes the
reply), then, a few milliseconds later once the reply exists, to the reply's ``abort()``
(which ends its event loop). A cancel emitted between the two runs only the first: the
reply is deleted, nothing ends the loop, and the worker thread hangs for good (seen in
tests: two hung searches filled QGIS's two-thread pool and every later task waited).
Emitted from inside the worker's own event loop, the signal reaches both slots directly.
"""

from __future__ import annotations

import threading

from qgis.core import QgsApplication, QgsFeedback
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..errors import Cancelled
from . import tasks
from .network import QgisTransport


class _Canceller(QObject):
    """Lives in the worker thread during one request; ``requested`` (emitted from the main
    thread) is queued to that thread and runs while QGIS's request waits in its loop."""

    requested = pyqtSignal()

    def __init__(self):
        super().__init__()
        self.feedback = QgsFeedback()
        self.requested.connect(self._cancel)

    def _cancel(self):
        self.feedback.cancel()


class TaskTransport:
    """The core's Transport on QgisTransport, abortable from the main thread by
    :meth:`cancel`. Used by one worker thread at a time (the task's)."""

    def __init__(self, authcfg: str = ""):
        self.authcfg = authcfg or ""
        self._lock = threading.Lock()
        self._cancelled = False
        self._canceller = None

    def request(self, method, url, **kwargs):
        canceller = _Canceller()           # made here: it belongs to the worker thread
        with self._lock:
            if self._cancelled:
                sip.delete(canceller)
                raise Cancelled("Cancelled", source=url)
            self._canceller = canceller
        try:
            return QgisTransport(self.authcfg, canceller.feedback).request(method, url,
                                                                           **kwargs)
        finally:
            with self._lock:
                self._canceller = None
            # Deleted in its own thread; a cancel posted too late is discarded with it.
            sip.delete(canceller)

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._canceller is not None:
                self._canceller.requested.emit()

    @property
    def cancelled(self) -> bool:
        return self._cancelled


class NetworkTask(tasks.CoreTask):
    def __init__(self, description, function, *args, transport, **kwargs):
        super().__init__(description, function, *args, transport=transport, **kwargs)
        self.transport = transport

    def cancel(self):
        self.transport.cancel()
        super().cancel()


def run_network_task(description, function, *args, authcfg: str = "", on_done=None,
                     on_error=None, **kwargs) -> NetworkTask:
    """Start ``function(*args, transport=…, **kwargs)`` in QGIS's task manager.

    ``authcfg`` is the QGIS authentication configuration the transport applies (never a
    password). ``on_done(result)`` / ``on_error(exception)`` run on the main thread.
    """
    task = NetworkTask(description, function, *args, transport=TaskTransport(authcfg),
                       on_done=on_done, on_error=on_error, **kwargs)
    # Kept alive by the same registry as run_task's (cancel_all() in unload reaches it).
    tasks._RUNNING.add(task)
    QgsApplication.taskManager().addTask(task)
    return task
