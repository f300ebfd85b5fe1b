"""A QgsTask whose cancel button also aborts the HTTP request in flight.

:func:`.tasks.run_task` cancels between steps (the core checks ``is_cancelled()`` before
each request), but a request already sent waits for its answer or its timeout. Here the
function gets ``transport=QgisTransport(authcfg, feedback)``; cancelling the task (our
cancel button, or QGIS's task manager, which calls the same virtual ``cancel()``) also
cancels the QgsFeedback, and QgsBlockingNetworkRequest aborts the reply at once.
"""

from __future__ import annotations

from qgis.core import QgsApplication, QgsFeedback

from . import tasks
from .network import QgisTransport


class NetworkTask(tasks.CoreTask):
    def __init__(self, description, function, *args, feedback, **kwargs):
        super().__init__(description, function, *args, **kwargs)
        self.feedback = feedback

    def cancel(self):
        self.feedback.cancel()
        super().cancel()


def run_network_task(description, function, *args, authcfg: str = "", on_done=None,
                     on_error=None, **kwargs) -> NetworkTask:
    """Start ``function(*args, transport=…, **kwargs)`` in QGIS's task manager.

    ``authcfg`` is the QGIS authentication configuration the transport applies (never a
    password). ``on_done(result)`` / ``on_error(exception)`` run on the main thread.
    """
    feedback = QgsFeedback()
    kwargs.setdefault("transport", QgisTransport(authcfg, feedback))
    task = NetworkTask(description, function, *args, feedback=feedback, on_done=on_done,
                       on_error=on_error, **kwargs)
    # Kept alive by the same registry as run_task's (cancel_all() in unload reaches it).
    tasks._RUNNING.add(task)
    QgsApplication.taskManager().addTask(task)
    return task
