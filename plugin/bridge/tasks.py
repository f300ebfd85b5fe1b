"""Run core work in a QgsTask: worker thread, progress bar, cancel button.

Core functions take ``progress(fraction)`` and ``is_cancelled()`` callables; this module
passes the task's own. The callbacks ``on_done(result)`` / ``on_error(exception)`` run on
the main thread (from QgsTask.finished), so widgets are only touched there — a worker
never reads or writes a widget.
"""

from __future__ import annotations

import functools
import inspect
import traceback

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import QTimer

from ..errors import Cancelled, GeoGovError

# QgsTaskManager does not keep the Python wrapper alive: without a reference here the
# task object would be garbage-collected while its thread still runs.
_RUNNING = set()

# QGIS 3.22's task manager keeps a pointer to each task's QRunnable after the thread pool
# has deleted it (auto-delete) and, when it cleans the finished task up (right after
# calling finished()), cancels "that" runnable in the pool: a task added meanwhile whose
# runnable was allocated at the freed address is silently dropped from the queue (it
# stays Queued for ever; seen about one time in two when a task was started from another
# task's callback). So a new task is only handed to QGIS once every GeoGov task whose
# run() has returned has been cleaned up: the zero-delay timer set in finished() fires
# after the task manager's slot, clean-up included, has returned.
_FINISHING = set()     # keys of tasks whose run() returned and QGIS has not cleaned up yet
_PENDING = []          # tasks waiting for _FINISHING to empty
_FLUSH_AFTER_MS = 2000  # should the clean-up timer never fire, add them anyway after this


class CoreTask(QgsTask):
    def __init__(self, description, function, *args, on_done=None, on_error=None,
                 can_cancel=True, **kwargs):
        flags = QgsTask.Flag.CanCancel if can_cancel else QgsTask.Flags()
        super().__init__(description, flags)
        self.function = function
        self.args = args
        self.kwargs = dict(kwargs)
        self.on_done = on_done
        self.on_error = on_error
        self.result = None
        self.error = None
        self.error_traceback = ""
        self._key = id(self)
        try:
            parameters = inspect.signature(function).parameters
        except (TypeError, ValueError):
            parameters = {}
        if "progress" in parameters:
            self.kwargs.setdefault("progress", self._progress)
        if "is_cancelled" in parameters:
            self.kwargs.setdefault("is_cancelled", self.isCanceled)

    def cancel(self):
        if self in _PENDING:   # never handed to QGIS: end it here, as QGIS would
            _PENDING.remove(self)
            _RUNNING.discard(self)
            if self.on_error is not None:
                self.on_error(Cancelled("Cancelled"))
            return
        super().cancel()

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
        finally:
            _FINISHING.add(self._key)   # from here QGIS holds a dangling runnable pointer
        return False

    def finished(self, ok):
        _RUNNING.discard(self)
        QTimer.singleShot(0, functools.partial(_task_cleaned_up, self._key))
        if ok:
            if self.on_done is not None:
                self.on_done(self.result)
            return
        error = self.error
        if error is None:
            error = Cancelled("Cancelled")
        if self.error_traceback:
            QgsMessageLog.logMessage(self.error_traceback, "GeoGov", Qgis.MessageLevel.Critical)
        if self.on_error is not None:
            self.on_error(error)


def run_task(description, function, *args, on_done=None, on_error=None, can_cancel=True,
             **kwargs) -> CoreTask:
    """Start ``function(*args, **kwargs)`` in QGIS's task manager and return the task."""
    task = CoreTask(description, function, *args, on_done=on_done, on_error=on_error,
                    can_cancel=can_cancel, **kwargs)
    _RUNNING.add(task)
    if _FINISHING:
        _PENDING.append(task)
        QTimer.singleShot(_FLUSH_AFTER_MS, _flush_pending)
    else:
        QgsApplication.taskManager().addTask(task)
    return task


def _task_cleaned_up(key):
    _FINISHING.discard(key)
    if not _FINISHING:
        _flush_pending()


def _flush_pending():
    while _PENDING:
        task = _PENDING.pop(0)
        if task in _RUNNING:   # not cancelled while it waited
            QgsApplication.taskManager().addTask(task)


def cancel_all():
    """Cancel GeoGov's running tasks (called from unload)."""
    for task in list(_RUNNING):
        task.cancel()
