"""QGIS desktop starts with GeoGov loaded and no Python error; the harness sees errors;
the profile `make run` writes configures GeoGov as the plugin reads its settings."""

import shutil
import struct

import pytest

from geogov.tests.support import deprecations

START_JOURNEY = '''
import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QAction, QToolBar


def journey(driver):
    driver.wait_until(lambda: driver.plugin("geogov"), message="GeoGov is not among QGIS's plugins")
    toolbar = driver.find(QToolBar, "GeoGovToolbar")
    driver.result("toolbar", toolbar is not None)
    driver.result("actions", sorted(a.objectName() for a in driver.window.findChildren(QAction)
                                    if a.objectName().startswith("geogov")))
    driver.result("plugin_menus", [a.text() for a in driver.iface.pluginMenu().actions()])
    driver.result("active", list(qgis.utils.active_plugins))
    driver.result("provider", QgsApplication.processingRegistry().providerById("geogov") is not None)
    driver.screenshot("desktop-start")
'''

BROKEN_SLOT_JOURNEY = '''
from qgis.PyQt.QtCore import QTimer


def journey(driver):
    def broken():
        raise RuntimeError("deliberate error in a Qt slot")

    QTimer.singleShot(0, broken)
    driver.wait(1.0)
'''


DEPRECATION_PROBE = '''
SOURCE = ("from qgis.core import QgsField\\n"
          "from qgis.PyQt.QtCore import QVariant\\n"
          "QgsField('f', QVariant.String)\\n")


def journey(driver):
    outcome = {}
    for module in ("geogov.plugin.bridge.probe", "geogov.ui.probe", "geogov.tests.probe"):
        try:
            exec(compile(SOURCE, module, "exec"), {"__name__": module})
            outcome[module] = "no error"
        except DeprecationWarning as error:
            outcome[module] = f"DeprecationWarning: {error}"
    driver.result("outcome", outcome)
'''


def _qgis_deprecates_qvariant_fields() -> bool:
    from qgis.core import Qgis

    return Qgis.QGIS_VERSION_INT >= 33800


def png_size(path):
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_qgis_starts_with_geogov_loaded_and_no_python_error(qgis_desktop):
    run = qgis_desktop(START_JOURNEY, name="desktop-start", timeout=180)
    assert run.ok, run.report()
    assert "geogov" in run.results["active"]
    assert run.results["toolbar"] is True
    assert run.results["actions"], "GeoGov added no action"
    assert any("GeoGov" in text.replace("&", "") for text in run.results["plugin_menus"])
    assert run.results["provider"] is True
    loaded = [m["message"] for m in run.messages_with_tag("Plugins")]
    assert any("(package: geogov)" in m for m in loaded), loaded
    assert run.python_errors == []
    [screenshot] = run.screenshots
    assert screenshot.parent.name == "screenshots" and screenshot.parent.parent.name == "build"
    width, height = png_size(screenshot)
    assert width >= 800 and height >= 600


def test_a_python_error_inside_qgis_reaches_the_report(qgis_desktop):
    run = qgis_desktop(BROKEN_SLOT_JOURNEY, name="desktop-python-error", timeout=180)
    assert run.finished and run.returncode == 0, run.report()
    assert any("deliberate error in a Qt slot" in m["message"] for m in run.python_errors), run.messages
    assert not run.ok
    shutil.rmtree(run.run_dir)   # kept by the harness because the run was not ok


SETTINGS_JOURNEY = '''
from dataclasses import asdict

from geogov.plugin.bridge.settings import load


def journey(driver):
    driver.wait_until(lambda: driver.plugin("geogov"), message="GeoGov did not load")
    driver.result("settings", asdict(load()))
'''


def test_the_make_run_profile_configures_geogov_for_the_demo(qgis_desktop, tmp_path):
    from geogov.tests.sdi.run import IDENTITY, geogov_settings

    urls = {"wms_url": "http://127.0.0.1:18601/ows", "wfs_url": "http://127.0.0.1:18601/ows",
            "csw_url": "http://127.0.0.1:18602/csw",
            "oarec_collection_url": "http://127.0.0.1:18603/collections/geo-idf",
            "mapserver_url": "http://127.0.0.1:18604/mapserver"}
    run = qgis_desktop(SETTINGS_JOURNEY, name="make-run-settings",
                       settings=geogov_settings(urls, tmp_path), timeout=180)
    assert run.ok, run.report()
    settings = run.results["settings"]
    assert [(c["kind"], c["version"], c["url"]) for c in settings["catalogues"]] == [
        ("csw", "2.0.2", urls["csw_url"]), ("csw", "3.0.0", urls["csw_url"]),
        ("ogcapi-records", "", urls["oarec_collection_url"])]
    assert all(c["name"].startswith("GEO Île-de-France (démo)") for c in settings["catalogues"])
    assert {(s["kind"], s["url"]) for s in settings["services"]} == {
        ("wms", urls["wms_url"]), ("wfs", urls["wfs_url"]),
        ("wms", urls["mapserver_url"]), ("wfs", urls["mapserver_url"])}
    assert settings["convention_source"].endswith("resources/demo/convention-idf.yaml")
    assert (settings["store_kind"], settings["store_path"]) == ("gpkg", str(tmp_path / "proposals.gpkg"))
    assert settings["identity_login"] == IDENTITY["login"] == "tech94"
    assert settings["identity_partner"] == IDENTITY["partner"] == "cd94"


@pytest.mark.skipif(not deprecations.enabled(),
                    reason="GeoGov's DeprecationWarnings are errors only with GEOGOV_DEPRECATIONS=error "
                           "(the QGIS 3.44 run of make test)")
def test_in_the_desktop_a_deprecated_call_from_geogov_code_is_an_error(qgis_desktop):
    assert _qgis_deprecates_qvariant_fields()
    run = qgis_desktop(DEPRECATION_PROBE, name="desktop-deprecations", timeout=180)
    assert run.ok, run.report()
    outcome = run.results["outcome"]
    assert outcome["geogov.plugin.bridge.probe"].startswith("DeprecationWarning: QgsField"), outcome
    assert outcome["geogov.ui.probe"].startswith("DeprecationWarning"), outcome
    assert outcome["geogov.tests.probe"] == "no error", outcome
