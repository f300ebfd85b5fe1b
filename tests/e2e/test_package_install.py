"""The zip of `make package`, unzipped into a fresh QGIS profile (as the Plugin Manager's
"Install from ZIP" does), loads and works in the real QGIS desktop — from its own folder,
not from the checkout: nothing the plugin needs may be missing from the zip.

The journey runs in French (the compiled .qm comes from the zip), opens every dock and
the Options page, and uses the files that are not Python: the review dock's .ui, the
GeoPackage store's SQL migrations, the demo convention and the COG reference tables it
expands territories with (through the geogov:convention_check algorithm), the diff
styles and the icons.
"""

import subprocess
import zipfile
from pathlib import Path

from geogov.tests.support import desktop

ROOT = Path(__file__).resolve().parents[2]
VERSION = next(line.split("=", 1)[1].strip() for line in
               (ROOT / "metadata.txt").read_text(encoding="utf-8").splitlines()
               if line.startswith("version="))
DOCK_ACTIONS = ("geogov_responsibility_dock", "geogov_convention_browser", "geogov_catalogue",
                "geogov_review", "geogov_my_proposals")

JOURNEY = '''
import os
import sys

import processing
import qgis.utils
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtWidgets import QAction, QDockWidget

DOCK_ACTIONS = {dock_actions!r}
STORE = {store!r}


def journey(driver):
    plugin = driver.wait_until(lambda: driver.plugin("geogov"), message="GeoGov is not loaded")
    driver.wait_until(lambda: plugin.start_finished, message="GeoGov's start did not end")
    driver.result("active", list(qgis.utils.active_plugins))
    provider = QgsApplication.processingRegistry().providerById("geogov")
    driver.result("algorithms", sorted(a.id() for a in provider.algorithms()) if provider else [])
    driver.result("translator", plugin.translator is not None)

    docks = {{}}
    for name in DOCK_ACTIONS:
        action = driver.find(QAction, name)
        action.trigger()
        dock = driver.wait_until(lambda: [d for d in driver.window.findChildren(QDockWidget)
                                          if d in plugin.docks and d.isVisible()
                                          and d.toggleViewAction().isChecked()
                                          and d not in docks.values()],
                                 message="no dock opened for " + name)[0]
        docks[name] = dock.objectName()
        driver.result("text:" + name, action.text())
    driver.result("docks", docks)
    driver.screenshot("docks")
    page = plugin.options_factory.createWidget(driver.window)
    driver.result("options_page", page.objectName())
    page.deleteLater()
    driver.find(QAction, "geogov_service_browser").trigger()

    from geogov.plugin.bridge.diff_layers import style_path
    from geogov.plugin.bridge.resources import icon_path, resource_path
    from geogov.plugin.bridge.store_factory import open_geopackage_store

    driver.result("styles", all(os.path.isfile(style_path(n)) for n in
                                ("diff_point.qml", "diff_line.qml", "diff_polygon.qml",
                                 "attribute_diff.qml")))
    driver.result("icon", os.path.isfile(icon_path("geogov.svg")))
    store = open_geopackage_store(STORE, "tech94")
    try:
        # The tables come from the SQL migrations under plugin/proposals/stores/sql/gpkg.
        driver.result("store_proposals", len(store.list_proposals()))
    finally:
        store.close()
    convention = resource_path("demo", "convention-idf.yaml")
    result = processing.run("geogov:convention_check", {{"CONVENTION": convention,
                                                        "OUTPUT": "memory:"}})
    driver.result("datasets", result["DATASETS"])
    QgsProject.instance().clear()
    driver.result("files", {{name: getattr(module, "__file__", None) or ""
                            for name, module in sys.modules.items()
                            if name == "geogov" or name.startswith("geogov.")}})
'''


def build_zip(out: Path) -> Path:
    subprocess.run(["lrelease", "-silent", "i18n/geogov_fr.ts", "-qm", "i18n/geogov_fr.qm"],
                   cwd=ROOT, check=True, env=desktop.qgis_env())
    subprocess.run(["/usr/bin/python3", ".ci/package.py", "--version", VERSION, "--out", str(out)],
                   cwd=ROOT, check=True, capture_output=True, env=desktop.qgis_env())
    return out


def test_the_packaged_zip_installs_into_a_fresh_profile_and_loads(virtual_display, tmp_path):
    archive = build_zip(tmp_path / f"geogov-{VERSION}.zip")
    profile = desktop.make_profile(tmp_path / "profiles", "installed-from-zip", plugin=False,
                                   locale="fr", settings={"PythonPlugins/geogov": True})
    plugins = profile / "python" / "plugins"
    with zipfile.ZipFile(archive) as zipped:
        assert {name.split("/")[0] for name in zipped.namelist()} == {"geogov"}
        zipped.extractall(plugins)
    installed = (plugins / "geogov").resolve()
    assert installed.is_dir() and not (plugins / "geogov").is_symlink()
    assert not (installed / "tests").exists() and (installed / "i18n" / "geogov_fr.qm").is_file()

    journey = JOURNEY.format(dock_actions=DOCK_ACTIONS, store=str(tmp_path / "proposals.gpkg"))
    run = desktop.run_qgis(journey, name="package-install", profile_dir=profile, timeout=240)
    assert run.ok, run.report()
    assert run.python_errors == []
    assert "geogov" in run.results["active"]

    # Every GeoGov module QGIS imported is a file of the unzipped folder.
    files = run.results["files"]
    assert "geogov.ui.plugin" in files and "geogov.ui.review_dock" in files
    outside = {name: path for name, path in files.items()
               if not Path(path).resolve().is_relative_to(installed)}
    assert outside == {}, "modules loaded from elsewhere than the installed folder"
    assert not any(name.startswith("geogov.tests") for name in files)

    assert len(run.results["algorithms"]) >= 12
    assert "geogov:convention_check" in run.results["algorithms"]
    assert run.results["translator"] is True
    assert run.results["text:geogov_responsibility_dock"] == "Qui est responsable ?"
    assert sorted(run.results["docks"]) == sorted(DOCK_ACTIONS)
    assert all(name.startswith("GeoGov") for name in run.results["docks"].values())
    assert run.results["options_page"] == "GeoGovOptionsPage"
    assert run.results["styles"] is True and run.results["icon"] is True
    assert run.results["store_proposals"] == 0
    assert run.results["datasets"] >= 6
    assert (tmp_path / "proposals.gpkg").is_file()
