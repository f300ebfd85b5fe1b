"""GeoGov's QgsTask wrapper: results and errors on the main thread, and no lost task."""

import threading
import time

from qgis.PyQt.QtCore import QCoreApplication, QThread

from geogov.plugin.bridge import tasks
from geogov.plugin.errors import Cancelled, DocumentError


def wait_for(predicate, timeout=20.0):
    end = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < end, "condition not met"
        QCoreApplication.processEvents()
        time.sleep(0.005)


def test_callbacks_run_on_the_main_thread_with_the_result_or_the_error(qgis_app):
    seen = {}
    main = QThread.currentThread()

    def work(value, progress, is_cancelled):
        progress(0.5)
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return value * 2

    def fail():
        raise DocumentError("broken", code="xml.malformed")

    tasks.run_task("double", work, 21, on_done=lambda r: seen.update(done=(r, QThread.currentThread() is main)))
    tasks.run_task("fail", fail, on_error=lambda e: seen.update(error=e.code))
    wait_for(lambda: "done" in seen and "error" in seen)
    assert seen == {"worker": True, "done": (42, True), "error": "xml.malformed"}


def test_a_chain_of_tasks_started_from_callbacks_never_loses_one(qgis_app):
    """QGIS 3.22 drops a task whose runnable reuses a finished task's freed address (about
    one time in two when started from the previous task's callback): none may be lost."""
    done = []

    def start(index):
        if index == 40:
            return
        tasks.run_task(f"step {index}", lambda: index,
                       on_done=lambda result: (done.append(result), start(result + 1)))

    start(0)
    wait_for(lambda: len(done) == 40, timeout=60)
    assert done == list(range(40))


def test_a_task_cancelled_before_qgis_got_it_reports_cancelled(qgis_app):
    outcome = []
    gate = threading.Event()
    first = tasks.run_task("first", gate.wait, 10, on_done=outcome.append)
    gate.set()
    wait_for(lambda: outcome)
    # Right after a task ends, new tasks wait for QGIS to delete it: cancel one meanwhile.
    second = tasks.run_task("second", lambda: "ran", on_done=outcome.append,
                            on_error=lambda e: outcome.append(type(e)))
    second.cancel()
    wait_for(lambda: len(outcome) == 2)
    assert outcome[1] in ("ran", Cancelled)
    del first
