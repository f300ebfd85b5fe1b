"""``make run``: the demo SDI plus QGIS desktop with GeoGov configured for it.

Builds the demo if needed, starts its servers (or reuses those of ``make demo-up``),
writes a throw-away profile ``build/demo/profiles/profiles/geogov-demo`` (GeoGov
symlinked and enabled, first-run noise off, GeoGov's settings pointing at the demo),
launches QGIS and stops the servers it started when QGIS exits or on Ctrl-C.

Unattended use (CI, a screenshot for the README)::

    GEOGOV_RUN_SCREENSHOT=build/screenshots/make-run.png GEOGOV_RUN_SECONDS=15 xvfb-run -a make run

QGIS then runs on an Xvfb screen of its own (1600x1000; DISPLAY not needed), adds the demo
WMS to the map, searches the demo catalogue for "velo" in the catalogue panel, and after
GEOGOV_RUN_SECONDS (default 15) saves the whole screen with the GeoGov menu open, then quits.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from ..support import desktop
from ..support import servers as srv
from .build import ensure_built
from .stack import CONVENTION, appliers_from_env, ports_from_env, read_state, start_demo

PROFILE = "geogov-demo"
IDENTITY = {"login": "tech94", "partner": "cd94"}
# The demo speaks French like its users, whatever this machine's locale;
# GEOGOV_DEMO_LOCALE=en_US (or any QGIS locale) changes it, an empty value follows the system.
DEFAULT_LOCALE = "fr"


def demo_locale() -> str:
    return os.environ.get("GEOGOV_DEMO_LOCALE", DEFAULT_LOCALE).strip()

SCREENSHOT_JOURNEY = """\
import shutil
from qgis.PyQt.QtWidgets import QAction, QDockWidget


def journey(driver):
    driver.wait_until(lambda: driver.plugin("geogov"), message="GeoGov did not load")
    for dock in driver.window.findChildren(QDockWidget):
        if dock.objectName().startswith("GeoGov"):
            dock.setVisible(True)
    from qgis.core import QgsProject, QgsRasterLayer

    wms = QgsRasterLayer({wms_uri!r}, "GEO Île-de-France (démo) - WMS", "wms")
    driver.result("wms_valid", wms.isValid())
    if wms.isValid():
        QgsProject.instance().addMapLayer(wms)
        driver.iface.mapCanvas().setExtent(wms.extent())
    # The demo catalogue answers: search it the way a technician would ("velo", no accent).
    search = next(a for a in driver.window.findChildren(QAction) if a.objectName() == "geogov_catalogue")
    search.trigger()
    driver.wait_until(lambda: driver.window.findChild(QDockWidget, "GeoGovCatalogueDock") is not None,
                      10, "the catalogue search panel did not open")
    dock = driver.window.findChild(QDockWidget, "GeoGovCatalogueDock")
    driver.wait_until(lambda: dock.connection_box.count() > 0, 10, "no catalogue connection")
    dock.search_edit.setText("velo")
    dock.search_now()
    driver.wait_until(lambda: dock.search_task is None and dock.model.rowCount() > 0, 60,
                      "the demo catalogue gave no record")
    driver.result("catalogue_records", [dock.model.record_at(r).title for r in range(dock.model.rowCount())])
    driver.wait({seconds})
    menu = next((a.menu() for a in driver.iface.pluginMenu().actions()
                 if a.menu() is not None and "GeoGov" in a.text().replace("&", "")), None)
    if menu is not None:
        menu.popup(driver.window.mapToGlobal(driver.window.rect().center()))
        driver.wait(0.5)
    shutil.copyfile(driver.screen_shot("make-run"), {target!r})
    if menu is not None:
        menu.close()
    driver.result("geogov_menu", menu is not None)
"""


def geogov_settings(urls: dict, demo_dir: Path) -> dict:
    """The QgsSettings that connect GeoGov to the demo (plugin/bridge/settings.py's keys)."""
    catalogues = [
        {"name": "GEO Île-de-France (démo) - CSW 2.0.2", "url": urls["csw_url"], "kind": "csw",
         "version": "2.0.2", "authcfg": "", "timeout": 30},
        {"name": "GEO Île-de-France (démo) - CSW 3.0", "url": urls["csw_url"], "kind": "csw",
         "version": "3.0.0", "authcfg": "", "timeout": 30},
        {"name": "GEO Île-de-France (démo) - OGC API Records", "url": urls["oarec_collection_url"],
         "kind": "ogcapi-records", "version": "", "authcfg": "", "timeout": 30},
    ]
    services = [
        {"name": "GEO Île-de-France (démo) - WMS QGIS Server", "url": urls["wms_url"], "kind": "wms",
         "authcfg": ""},
        {"name": "GEO Île-de-France (démo) - WFS QGIS Server", "url": urls["wfs_url"], "kind": "wfs",
         "authcfg": ""},
        {"name": "GEO Île-de-France (démo) - WMS MapServer", "url": urls["mapserver_url"],
         "kind": "wms", "authcfg": ""},
        {"name": "GEO Île-de-France (démo) - WFS MapServer", "url": urls["mapserver_url"],
         "kind": "wfs", "authcfg": ""},
    ]
    settings = {
        "geogov/catalogues": json.dumps(catalogues, ensure_ascii=False),
        "geogov/services": json.dumps(services, ensure_ascii=False),
        # The demo's copy names the catalogue record of each dataset (stack.write_convention).
        "geogov/convention/source": str(urls.get("convention_path") or CONVENTION),
        "geogov/store/kind": "gpkg",
        "geogov/store/path": str(demo_dir / "proposals.gpkg"),
        "geogov/identity/login": IDENTITY["login"],
        "geogov/identity/partner": IDENTITY["partner"],
    }
    # The same servers in QGIS's own Browser connections and MetaSearch, for comparison.
    for key, url in (("qgis/connections-wms/GEO IDF demo (QGIS Server)", urls["wms_url"]),
                     ("qgis/connections-wms/GEO IDF demo (MapServer)", urls["mapserver_url"]),
                     ("qgis/connections-wfs/GEO IDF demo (QGIS Server)", urls["wfs_url"]),
                     ("qgis/connections-wfs/GEO IDF demo (MapServer)", urls["mapserver_url"]),
                     ("MetaSearch/GEO IDF demo (CSW)", urls["csw_url"])):
        settings[f"{key}/url"] = url
    settings["qgis/connections-wfs/GEO IDF demo (QGIS Server)/version"] = "1.1.0"
    settings["qgis/connections-wfs/GEO IDF demo (MapServer)/version"] = "2.0.0"
    return settings


def _running_state(demo_dir: Path):
    state = read_state(demo_dir)
    if state and state.get("servers") and all(srv.pid_alive(s["pid"]) for s in state["servers"]):
        return state
    return None


def _no_display_message() -> str:
    return ("make run opens QGIS desktop, which needs a display, and DISPLAY is not set.\n"
            "On a machine without a screen, run it on a virtual one:\n"
            "    xvfb-run -a make run\n"
            "and to save a screenshot and quit by itself:\n"
            "    GEOGOV_RUN_SCREENSHOT=build/screenshots/make-run.png GEOGOV_RUN_SECONDS=15 "
            "xvfb-run -a make run\n"
            "`make demo-up` starts the demo servers alone (no display needed).")


def run(demo_dir: Path) -> int:
    unattended_mode = bool(os.environ.get("GEOGOV_RUN_SCREENSHOT") or os.environ.get("GEOGOV_RUN_SECONDS"))
    if not os.environ.get("DISPLAY") and not unattended_mode:
        print(_no_display_message(), file=sys.stderr)
        return 2
    demo_dir = Path(demo_dir).resolve()
    manifest = ensure_built(demo_dir)
    print(f"Demo built: {manifest['feature_count']} features, {demo_dir}")
    state = _running_state(demo_dir)
    demo = None
    if state:
        print("Using the demo servers already up (`make demo-down` stops them).")
    else:
        demo = start_demo(demo_dir, ports_from_env(), appliers=appliers_from_env())
        state = demo.state()
        print(f"Demo servers up in {demo.timings['all_servers']} s; they stop when QGIS exits.")
    # SIGTERM (make interrupted, a CI timeout) must also reach the finally below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return launch_qgis(demo_dir, state)
    finally:
        if demo is not None:
            demo.stop()
            print("Demo servers stopped.")


def launch_qgis(demo_dir: Path, state: dict) -> int:
    profiles = demo_dir / "profiles"
    desktop.make_profile(profiles, PROFILE, geogov_settings(state, demo_dir), locale=demo_locale() or None)
    for line in (f"  {name:<22} {state[key]}" for name, key in (
            ("WMS/WFS QGIS Server", "wms_url"), ("CSW 2.0.2 / 3.0", "csw_url"),
            ("OGC API Records", "oarec_collection_url"), ("WMS/WFS 2.0 MapServer", "mapserver_url"))):
        print(line)
    screenshot = os.environ.get("GEOGOV_RUN_SCREENSHOT", "")
    seconds = os.environ.get("GEOGOV_RUN_SECONDS", "")
    if screenshot or seconds:
        return unattended(profiles, Path(screenshot).resolve() if screenshot else None,
                          float(seconds or 15), state["wms_url"])
    argv = [shutil.which("qgis", path=srv.SAFE_PATH) or "qgis", "--profiles-path", str(profiles),
            "--profile", PROFILE, "--noversioncheck"]
    print(f"Starting QGIS with the profile {profiles / 'profiles' / PROFILE} …")
    process = subprocess.Popen(argv, env=desktop.qgis_env(), stdin=subprocess.DEVNULL)
    try:
        return process.wait()
    except (KeyboardInterrupt, SystemExit) as stop:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
        return stop.code if isinstance(stop, SystemExit) else 130


def unattended(profiles: Path, screenshot, seconds: float, wms_url: str) -> int:
    """QGIS with the demo profile, a screenshot after ``seconds``, then quit."""
    target = screenshot or (desktop.SCREENSHOTS_DIR / "make-run.png")
    target.parent.mkdir(parents=True, exist_ok=True)
    layers = ["territoires_partenaires", "amenagements_cyclables", "points_apport_volontaire",
              "eclairage_public"]
    wms_uri = ("crs=EPSG:2154&format=image/png&" + "&".join(f"layers={n}&styles=" for n in layers)
               + f"&url={wms_url}")
    journey = SCREENSHOT_JOURNEY.format(seconds=seconds, target=str(target), wms_uri=wms_uri)
    # A screen of our own: xvfb-run's default one is 640x480 in 8 bits, too small to read.
    screen = desktop.VirtualDisplay()
    screen.start()
    try:
        result = desktop.run_qgis(journey, name="make-run", timeout=seconds + 120,
                                  profile_dir=profiles / "profiles" / PROFILE, display_name=screen.display)
    finally:
        screen.stop()
    print(result.report())
    if result.ok:
        print(f"Screenshot: {target}")
    return 0 if result.ok else 1
