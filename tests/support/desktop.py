"""Run the real QGIS desktop under Xvfb with GeoGov enabled, drive it, collect evidence.

A journey is a Python file (or source string) defining ``journey(driver)``; it runs inside
QGIS once the main window is up. The harness returns what happened::

    from geogov.tests.support.desktop import run_qgis

    JOURNEY = '''
    from qgis.PyQt.QtWidgets import QAction, QToolBar

    def journey(driver):
        driver.wait_until(lambda: driver.plugin("geogov"), message="GeoGov not loaded")
        action = driver.find(QAction, "geogov_show_about")      # any Qt lookup works
        driver.screenshot("start")                               # build/screenshots/<name>-start.png
        driver.result("toolbar", driver.find(QToolBar, "GeoGovToolbar") is not None)
    '''
    run = run_qgis(JOURNEY, name="start", settings={"geogov/identity/login": "tech94"})
    assert run.ok, run.report()          # exit code 0, journey finished, no Python error
    run.results["toolbar"]; run.messages; run.python_errors; run.screenshots

The journey's namespace has nothing imported: import what it uses (``from qgis.PyQt...``).
``driver`` (tests/support/desktop_driver.py) offers: ``iface``, ``window``, ``find(cls,
name)``, ``plugin(name)``, ``wait(s)``, ``wait_until(predicate, timeout, message)``,
``screenshot(name, widget=None)``, ``screen_shot(name)`` (whole screen, dialogs too),
``result(key, value)``, ``log(text)``, ``fail(message)``. An exception ends the journey;
QGIS then quits with code 1 and the traceback is in ``run.errors``.

Each run gets a fresh profile (``make_profile``): GeoGov symlinked into
python/plugins and enabled, first-run noise off (version check, news feed, plugin
repository check), plus the QgsSettings given. Messages of the whole start are recorded
(the driver connects through ``PYQGIS_STARTUP``, before plugins load). A Python error
goes to the message log as usual but its modal stack-trace dialog is not opened (without
a window manager QGIS would open it for every error and hold the journey). With no
DISPLAY, an Xvfb is started on a free display (``-displayfd``) and kept for the process.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from . import deprecations
from .servers import ROOT, SAFE_PATH

SCREENSHOTS_DIR = ROOT / "build" / "screenshots"
RUNS_DIR = ROOT / "build" / "e2e"
DRIVER = Path(__file__).resolve().parent / "desktop_driver.py"
PLUGIN_NAME = "geogov"
# Tags under which QGIS's Python reports errors (qgis.utils.showException), also translated.
PYTHON_ERROR_TAGS = {"Python error", "Erreur Python"}
CRITICAL = 2

# What a fresh profile needs so that QGIS starts without asking or fetching anything.
QUIET_SETTINGS = {
    "qgis/checkVersion": False,
    "core/NewsFeed/httpsfeedqgisorg/disabled": True,
    "app/plugin_installer/checkOnStart": False,
}


# ---------------------------------------------------------------------------- profile
def make_profile(profiles_dir: Path, profile: str, settings: Optional[dict] = None,
                 plugin: bool = True, locale: Optional[str] = None) -> Path:
    """A fresh QGIS profile ``profiles_dir/profile`` (any old one is removed); returns its path.

    ``settings`` maps QgsSettings keys ("geogov/catalogues") to values; they are written
    with QSettings itself so lists, JSON and non-ASCII text are escaped the way QGIS reads
    them back.
    """
    from qgis.PyQt.QtCore import QSettings

    profile_dir = Path(profiles_dir) / "profiles" / profile   # QGIS adds "profiles/"
    if profile_dir.exists():
        shutil.rmtree(profile_dir)
    plugins_dir = profile_dir / "python" / "plugins"
    plugins_dir.mkdir(parents=True)
    values = dict(QUIET_SETTINGS)
    if plugin:
        (plugins_dir / PLUGIN_NAME).symlink_to(ROOT, target_is_directory=True)
        values[f"PythonPlugins/{PLUGIN_NAME}"] = True
    if locale:
        values["locale/overrideFlag"] = True
        values["locale/userLocale"] = locale
        values["locale/globalLocale"] = locale
    values.update(settings or {})
    ini = profile_dir / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    store = QSettings(str(ini), QSettings.Format.IniFormat)
    for key, value in values.items():
        store.setValue(key, value)
    store.sync()
    if store.status() != QSettings.Status.NoError:
        raise RuntimeError(f"could not write {ini}")
    return profile_dir


# ---------------------------------------------------------------------------- display
class VirtualDisplay:
    """An Xvfb on the first free display number (Xvfb picks it: ``-displayfd``)."""

    def __init__(self, size: str = "1600x1000x24"):
        self.size = size
        self.process: Optional[subprocess.Popen] = None
        self.display = ""

    def start(self, timeout: float = 20.0) -> str:
        read_fd, write_fd = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", self.size, "-nolisten", "tcp",
             # Only this machine's Unix socket exists (-nolisten tcp); clients need no cookie.
             "-ac", "+extension", "GLX"],
            pass_fds=(write_fd,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, env={"PATH": SAFE_PATH})
        os.close(write_fd)
        deadline = time.monotonic() + timeout
        number = b""
        with os.fdopen(read_fd, "rb") as pipe:
            while time.monotonic() < deadline and not number.endswith(b"\n"):
                chunk = pipe.read(1)
                if not chunk:
                    break
                number += chunk
        if not number.strip():
            self.stop()
            raise RuntimeError("Xvfb did not start (is the xvfb package installed?)")
        self.display = f":{int(number)}"
        return self.display

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None


_shared_display: Optional[VirtualDisplay] = None


def display() -> str:
    """$DISPLAY when set, else one Xvfb shared by every run of this process."""
    global _shared_display
    if os.environ.get("DISPLAY"):
        return os.environ["DISPLAY"]
    if _shared_display is None or _shared_display.process is None:
        _shared_display = VirtualDisplay()
        _shared_display.start()
        atexit.register(_shared_display.stop)
    return _shared_display.display


def stop_display() -> None:
    """Stop the shared Xvfb, if this process started one."""
    if _shared_display is not None:
        _shared_display.stop()


# ---------------------------------------------------------------------------- running QGIS
@dataclass
class DesktopRun:
    returncode: Optional[int]          # None when killed at the timeout
    timed_out: bool
    seconds: float
    finished: bool                     # the journey ran to its end (even if it failed)
    messages: list                     # {"t", "tag", "level", "message"} of the whole start
    screenshots: list                  # Path of each screenshot taken
    results: dict                      # driver.result(key, value)
    errors: list                       # tracebacks of the journey
    log_path: Path                     # QGIS's stdout and stderr
    run_dir: Path
    argv: list = field(default_factory=list)

    @property
    def python_errors(self) -> list:
        """Messages QGIS logged as Python errors, or Critical ones carrying a traceback."""
        return [m for m in self.messages if m["tag"] in PYTHON_ERROR_TAGS
                or (m["level"] == CRITICAL and "Traceback" in m["message"])]

    @property
    def ok(self) -> bool:
        return (self.returncode == 0 and self.finished and not self.errors
                and not self.python_errors)

    def messages_with_tag(self, tag: str) -> list:
        return [m for m in self.messages if m["tag"] == tag]

    def report(self) -> str:
        """A readable account for an assertion message."""
        lines = [f"QGIS exit code {self.returncode}, timed out {self.timed_out}, journey finished "
                 f"{self.finished}, {self.seconds:.1f} s, run folder {self.run_dir}"]
        lines += ["journey error:\n" + e for e in self.errors]
        lines += [f"python error [{m['tag']}]: {m['message']}" for m in self.python_errors]
        if not self.finished or self.returncode not in (0, 1):
            if self.log_path.exists():
                tail = self.log_path.read_text(errors="replace").splitlines()[-30:]
                lines += ["--- QGIS output (end) ---", *tail]
            stacks = self.run_dir / "stacks.txt"
            if self.timed_out and stacks.exists():
                lines += ["--- Python stacks when the harness gave up ---",
                          *stacks.read_text(errors="replace").splitlines()[-80:]]
        return "\n".join(lines)


# QGIS may run the PYQGIS_STARTUP file more than once: keep the first driver.
STARTUP_SCRIPT = """\
import importlib.util, sys
if "geogov_e2e_driver" not in sys.modules:
    _spec = importlib.util.spec_from_file_location("geogov_e2e_driver", {driver!r})
    _module = importlib.util.module_from_spec(_spec)
    sys.modules["geogov_e2e_driver"] = _module
    _spec.loader.exec_module(_module)
    _module.driver()
"""

CODE_SCRIPT = """\
import sys
sys.modules["geogov_e2e_driver"].driver().start({journey!r}, {delay_ms})
"""

DEFAULT_JOURNEY = """\
def journey(driver):
    driver.screenshot("start")
"""


def deprecation_env() -> dict:
    """What makes the driver turn GeoGov's DeprecationWarnings into errors (deprecations.py)."""
    return {"GEOGOV_E2E_DEPRECATION_ERRORS": deprecations.OWN_MODULES} if deprecations.enabled() else {}


def qgis_env(extra: Optional[dict] = None) -> dict:
    env = dict(os.environ)
    env["PATH"] = SAFE_PATH + ":" + env.get("PATH", "")
    # The desktop runs on the X display as a user's would: no offscreen platform, no test
    # profile folder overriding --profiles-path, no test PYTHONPATH.
    for name in ("QT_QPA_PLATFORM", "QGIS_CUSTOM_CONFIG_PATH", "PYTHONPATH", "PYTHONHOME",
                 "VIRTUAL_ENV", "PYQGIS_STARTUP"):
        env.pop(name, None)
    env.update(extra or {})
    return env


def run_qgis(journey: Union[str, Path, None] = None, *, name: str = "qgis", timeout: float = 180,
             settings: Optional[dict] = None, plugin: bool = True, locale: Optional[str] = None,
             project: Optional[Path] = None, screenshots_dir: Path = SCREENSHOTS_DIR,
             runs_dir: Path = RUNS_DIR, env: Optional[dict] = None, delay_ms: int = 500,
             profile_dir: Optional[Path] = None, display_name: Optional[str] = None,
             keep_run_dir: bool = False) -> DesktopRun:
    """Start QGIS with a fresh profile, run ``journey`` inside it, return a :class:`DesktopRun`.

    ``journey``: a path to a .py file, or source code, defining ``journey(driver)``; None
    takes one screenshot. ``name`` prefixes screenshots and names the run folder
    (``build/e2e/<name>-XXXX``: profile, messages, result, QGIS output; removed when the run
    is ``ok``, kept for inspection otherwise). ``profile_dir``: use
    that existing profile (``<profiles>/profiles/<name>``) instead of a fresh one, in which
    case ``settings``, ``plugin`` and ``locale`` are ignored. ``display_name``: an X display
    to use instead of :func:`display`'s.
    """
    # A folder of its own: other runs (of other engineers, in the same checkout) go on at once.
    Path(runs_dir).mkdir(parents=True, exist_ok=True)
    run_dir = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=runs_dir))
    if profile_dir is None:
        profile_dir = make_profile(run_dir / "profiles", "geogov-e2e", settings, plugin=plugin,
                                   locale=locale)
    profile_dir = Path(profile_dir)
    profiles, profile = profile_dir.parent.parent, profile_dir.name
    if journey is None:
        journey = DEFAULT_JOURNEY
    if isinstance(journey, Path):
        journey_path = journey.resolve()
    else:
        journey_path = run_dir / "journey.py"
        journey_path.write_text(journey, encoding="utf-8")
    startup = run_dir / "startup.py"
    startup.write_text(STARTUP_SCRIPT.format(driver=str(DRIVER)), encoding="utf-8")
    code = run_dir / "code.py"
    code.write_text(CODE_SCRIPT.format(journey=str(journey_path), delay_ms=int(delay_ms)), encoding="utf-8")
    argv = [shutil.which("qgis", path=SAFE_PATH) or "qgis", "--profiles-path", str(profiles),
            "--profile", profile, "--noversioncheck", "--nologo", "--code", str(code)]
    if project:
        argv += ["--project", str(project)]
    screenshots_dir = Path(screenshots_dir)
    child = qgis_env({"DISPLAY": display_name or display(), "PYQGIS_STARTUP": str(startup),
                      "GEOGOV_E2E_OUT": str(run_dir), "GEOGOV_E2E_SCREENSHOTS": str(screenshots_dir),
                      "GEOGOV_E2E_NAME": name, **deprecation_env(), **(env or {})})
    log_path = run_dir / "qgis.log"
    started = time.monotonic()
    timed_out = False
    with log_path.open("wb") as log:
        process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   env=child, cwd=str(run_dir), start_new_session=True)
        try:
            returncode = process.wait(timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            dump_stacks(process, run_dir)
            stop_process_group(process)
            returncode = None
    run = collect(run_dir, returncode, timed_out, time.monotonic() - started, log_path, argv)
    if run.ok and not keep_run_dir:
        shutil.rmtree(run_dir, ignore_errors=True)
    return run


def dump_stacks(process: subprocess.Popen, run_dir: Path) -> None:
    """Before stopping a QGIS that outlived its time: its Python threads' stacks (the driver's
    faulthandler, SIGUSR1) and, where gdb is at hand, its native ones, into the run folder."""
    try:
        os.kill(process.pid, signal.SIGUSR1)
    except ProcessLookupError:
        return
    time.sleep(1.0)
    gdb = shutil.which("gdb")
    if gdb:
        with (run_dir / "native-stacks.txt").open("wb") as out:
            try:
                subprocess.run([gdb, "-p", str(process.pid), "-batch", "-ex", "thread apply all bt 30"],
                               stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, timeout=60)
            except subprocess.TimeoutExpired:
                pass


def stop_process_group(process: subprocess.Popen, grace: float = 10.0) -> None:
    """Terminate QGIS and whatever it started (its own session), then kill what is left."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(grace)
    except ProcessLookupError:
        pass


def collect(run_dir: Path, returncode, timed_out: bool, seconds: float, log_path: Path,
            argv: list) -> DesktopRun:
    messages = []
    messages_file = run_dir / "messages.jsonl"
    if messages_file.exists():
        for line in messages_file.read_text(encoding="utf-8").splitlines():
            try:
                messages.append(json.loads(line))
            except ValueError:
                pass  # a line cut by a crash: what came before still counts
    try:
        result = json.loads((run_dir / "result.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        result = {}
    return DesktopRun(
        returncode=returncode, timed_out=timed_out, seconds=round(seconds, 2),
        finished=bool(result.get("finished")), messages=messages,
        screenshots=[Path(p) for p in result.get("screenshots", [])],
        results=result.get("results", {}), errors=result.get("errors", []),
        log_path=log_path, run_dir=run_dir, argv=argv)
