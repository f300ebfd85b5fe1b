"""Run core work in a QgsTask: worker thread, progress bar, cancel button.

Core functions take ``progress(fraction)`` and ``is_cancelled()`` callables; this module
passes the task's own. The callbacks ``on_done(result)`` / ``on_error(exception)`` run on
the main thread (from QgsTask.finished), so widgets are only touched there — a worker
never reads or writes a widget.
"""

from __future__ import annotations

import inspect
import traceback

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsTask

from ..errors import Cancelled, GeoGovError

# QgsTaskManager does not keep the Python wrapper alive: without a reference here the
# task object would be garbage-collected while its thread still runs.
_RUNNING = set()


class CoreTask(QgsTask):
    def __init__(self, description, function, *args, on_done=None, on_error=None,
                 can_cancel=True, **kwargs):
        flags = QgsTask.CanCancel if can_cancel else QgsTask.Flags()
        super().__init__(description, flags)
        self.function = function
        self.args = args
        self.kwargs = dict(kwargs)
        self.on_done = on_done
        self.on_error = on_error
        self.result = None
        self.error = None
        self.error_traceback = ""
        try:
            parameters = inspect.signature(function).parameters
        except (TypeError, ValueError):
            parameters = {}
        if "progress" in parameters:
            self.kwargs.setdefault("progress", self._progress)
        if "is_cancelled" in parameters:
            self.kwargs.setdefault("is_cancelled", self.isCanceled)

    def _progress(self, fraction):
        self.setProgress(max(0.0, min(100.0, float(fraction) * 100.0)))

    def run(self):
        try:
            self.result = self.function(*self.args, **self.kwargs)
            return not self.isCanceled()
        except GeoGovError as exc:
            self.error = exc
        except Exception as exc:  # noqa: BLE001 - reported to the user and the log, not hidden
            self.error = exc
            self.error_traceback = traceback.format_exc()
        return False

    def finished(self, ok):
        _RUNNING.discard(self)
        if ok:
            if self.on_done is not None:
                self.on_done(self.result)
            return
        error = self.error
        if error is None:
            error = Cancelled("Cancelled")
        if self.error_traceback:
            QgsMessageLog.logMessage(self.error_traceback, "GeoGov", Qgis.Critical)
        if self.on_error is not None:
            self.on_error(error)


def run_task(description, function, *args, on_done=None, on_error=None, can_cancel=True,
             **kwargs) -> CoreTask:
    """Start ``function(*args, **kwargs)`` in QGIS's task manager and return the task."""
    task = CoreTask(description, function, *args, on_done=on_done, on_error=on_error,
                    can_cancel=can_cancel, **kwargs)
    _RUNNING.add(task)
    QgsApplication.taskManager().addTask(task)
    return task


def cancel_all():
    """Cancel GeoGov's running tasks (called from unload)."""
    for task in list(_RUNNING):
        task.cancel()
