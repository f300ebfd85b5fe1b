"""The driver that runs *inside* QGIS desktop for tests/support/desktop.py.

Loaded twice by QGIS: through ``PYQGIS_STARTUP`` (before any plugin loads, so every
message-log entry of the start, plugin errors included, is recorded) and by the
``--code`` script, which runs the journey once the event loop turns. Talks to the
harness through files in ``$GEOGOV_E2E_OUT``: ``messages.jsonl`` (one line per message,
flushed at once, so a crash loses nothing) and ``result.json`` (written before quitting).
The journey's API is :class:`Driver`; see desktop.py's docstring for an example.
"""

import faulthandler
import json
import os
import signal
import sys
import time
import traceback
import warnings
from pathlib import Path

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QTimer
from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import QApplication

OUT = Path(os.environ["GEOGOV_E2E_OUT"])
SCREENSHOTS = Path(os.environ["GEOGOV_E2E_SCREENSHOTS"])
NAME = os.environ.get("GEOGOV_E2E_NAME", "qgis")


class JourneyFailed(AssertionError):
    """Raised by :meth:`Driver.fail` and :meth:`Driver.wait_until`; ends the journey."""


class Driver:
    """What a journey gets: the QGIS iface, waiting, screenshots, results, quitting."""

    def __init__(self):
        OUT.mkdir(parents=True, exist_ok=True)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self._messages = (OUT / "messages.jsonl").open("a", encoding="utf-8")
        # When the harness gives up on this QGIS, it asks for every Python thread's stack
        # first (SIGUSR1): a hang then says where it hangs (stacks.txt in the run folder).
        self._stacks = (OUT / "stacks.txt").open("a", encoding="utf-8")
        if hasattr(signal, "SIGUSR1"):
            faulthandler.register(signal.SIGUSR1, file=self._stacks, all_threads=True)
        self.screenshots = []
        self.results = {}
        self.errors = []
        self.started = time.time()
        QgsApplication.messageLog().messageReceived.connect(self._record)
        self.suppress_error_dialogs()
        own_modules = os.environ.get("GEOGOV_E2E_DEPRECATION_ERRORS")
        if own_modules:
            # Before GeoGov loads: its deprecated calls then raise, a Python error the
            # harness sees (tests/support/deprecations.py).
            warnings.filterwarnings("error", category=DeprecationWarning, module=own_modules)
            self._record(f"DeprecationWarning from {own_modules} is an error", "e2e", 0)

    def suppress_error_dialogs(self) -> None:
        """Python errors stay in the message log; their blocking stack-trace dialog does not open.

        Under Xvfb there is no window manager, so QGIS finds no active window and shows
        every Python error in a modal dialog (qgis.utils.showException) that would hold
        the journey until the timeout. The error is logged before the dialog opens.
        """
        import qgis.utils

        def record_instead(type_, value, tb, msg, *args, **kwargs):
            self._record(f"stack-trace dialog not shown for: {value!r}", "e2e", 1)

        qgis.utils.open_stack_dialog = record_instead

    # -- message log -------------------------------------------------------------------
    def _record(self, message, tag, level):
        entry = {"t": round(time.time() - self.started, 3), "tag": tag, "level": int(level),
                 "message": message}
        self._messages.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._messages.flush()

    def log(self, text: str) -> None:
        """A line in the message log under the tag ``e2e`` (shows in the harness's messages)."""
        from qgis.core import Qgis, QgsMessageLog

        QgsMessageLog.logMessage(str(text), "e2e", Qgis.Info)

    # -- the QGIS side -------------------------------------------------------------------
    @property
    def iface(self):
        from qgis.utils import iface

        return iface

    @property
    def window(self):
        return self.iface.mainWindow()

    def find(self, cls, name: str):
        """The child of the main window of type ``cls`` named ``name`` (None if absent)."""
        return self.window.findChild(cls, name)

    def plugin(self, name: str = "geogov"):
        import qgis.utils

        return qgis.utils.plugins.get(name)

    # -- time ----------------------------------------------------------------------------
    def wait(self, seconds: float) -> None:
        """Let QGIS run (events, tasks, network) for ``seconds``."""
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def wait_until(self, predicate, timeout: float = 20.0, message: str = "", step: float = 0.1):
        """Run the event loop until ``predicate()`` is truthy; its value, or JourneyFailed."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise JourneyFailed(message or f"condition not met within {timeout} s")
            self.wait(step)

    # -- evidence ------------------------------------------------------------------------
    def screenshot(self, name: str, widget=None) -> str:
        """Save ``widget`` (default: the main window) as build/screenshots/<run>-<name>.png."""
        QApplication.processEvents()
        pixmap = (widget or self.window).grab()
        return self._save(pixmap, name)

    def screen_shot(self, name: str) -> str:
        """The whole virtual screen, dialogs and menus included."""
        QApplication.processEvents()
        pixmap = QGuiApplication.primaryScreen().grabWindow(0)
        return self._save(pixmap, name)

    def _save(self, pixmap, name: str) -> str:
        path = SCREENSHOTS / f"{NAME}-{name}.png"
        if not pixmap.save(str(path)):
            raise JourneyFailed(f"could not save the screenshot {path}")
        self.screenshots.append(str(path))
        return str(path)

    def result(self, key: str, value) -> None:
        """Hand a JSON-serialisable value back to the test (``DesktopRun.results[key]``)."""
        json.dumps(value)
        self.results[key] = value

    def fail(self, message: str):
        raise JourneyFailed(message)

    # -- running -----------------------------------------------------------------------------
    def start(self, journey_path: str, delay_ms: int = 500) -> None:
        """Run the journey file's ``journey(driver)`` once QGIS's event loop runs."""
        QTimer.singleShot(delay_ms, lambda: self._run(journey_path))

    def _run(self, journey_path: str) -> None:
        code = 0
        self.suppress_error_dialogs()
        try:
            # Xvfb has no window manager to maximise with: fill the screen by hand.
            self.window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
            self.wait(0.3)
            namespace = {"__name__": "geogov_e2e_journey", "__file__": journey_path}
            with open(journey_path, encoding="utf-8") as handle:
                exec(compile(handle.read(), journey_path, "exec"), namespace)
            namespace["journey"](self)
        except BaseException:  # noqa: BLE001 - everything goes to the report, then QGIS quits
            self.errors.append(traceback.format_exc())
            code = 1
        self.finish(code)

    def finish(self, code: int = 0) -> None:
        """Write result.json and quit QGIS with ``code`` (no "save the project?" prompt)."""
        report = {"finished": True, "code": code, "screenshots": self.screenshots,
                  "results": self.results, "errors": self.errors,
                  "seconds": round(time.time() - self.started, 2)}
        (OUT / "result.json").write_text(json.dumps(report, ensure_ascii=False, indent=1),
                                         encoding="utf-8")
        self._messages.flush()
        QgsProject.instance().setDirty(False)
        QTimer.singleShot(0, lambda: self._quit(code))

    def _quit(self, code: int) -> None:
        # Close the project through QGIS's window first, as Project ▸ New does: leaving the
        # event loop with layers still loaded crashes QGIS 3.40 in ~QgisApp (its project's
        # layers are removed after the layer tree view is gone: SIGSEGV in
        # QgisApp::updateNewLayerInsertionPoint), which a user quitting never meets.
        if self.iface is not None:
            self.iface.newProject(False)
        QCoreApplication.exit(code)


def driver() -> Driver:
    """The one Driver of this QGIS process (made by the PYQGIS_STARTUP pass)."""
    module = sys.modules[__name__]
    if getattr(module, "_DRIVER", None) is None:
        module._DRIVER = Driver()
    return module._DRIVER
