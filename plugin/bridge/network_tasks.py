"""A QgsTask whose cancel button also aborts the HTTP request in flight.

:func:`.tasks.run_task` cancels between steps (the core checks ``is_cancelled()`` before
each request), but a request already sent waits for its answer or its timeout. Here the
function gets ``transport=TaskTransport(authcfg)``; cancelling the task (our cancel
button, or QGIS's task manager, which calls the same virtual ``cancel()``) aborts the
request in flight.

The abort goes through QgisTransport, which relays a cancel into the thread of its own that
makes the request (network._Guard: QGIS 3.22 can hang otherwise).
"""

from __future__ import annotations

from qgis.core import QgsApplication, QgsFeedback

from . import tasks
from .network import QgisTransport


class TaskTransport:
    """The core's Transport on QgisTransport, abortable from the main thread by
    :meth:`cancel`. Used by one worker thread at a time (the task's)."""

    def __init__(self, authcfg: str = ""):
        self.authcfg = authcfg or ""
        self.feedback = QgsFeedback()

    def request(self, method, url, **kwargs):
        return QgisTransport(self.authcfg, self.feedback).request(method, url, **kwargs)

    def cancel(self) -> None:
        self.feedback.cancel()

    @property
    def cancelled(self) -> bool:
        return self.feedback.isCanceled()


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
