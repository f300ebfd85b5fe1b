"""What both journeys share (imported inside QGIS as ``geogov.tests.e2e.journeys.common``).

The test passes the journey's parameters as JSON in ``$GEOGOV_JOURNEY`` (URLs, logins,
the shared store and project paths, the credentials the administrator set up).
"""

import json
import os

from qgis.core import QgsApplication, QgsAuthMethodConfig
from qgis.PyQt.QtWidgets import QApplication, QTextBrowser

PARAMS = json.loads(os.environ.get("GEOGOV_JOURNEY", "{}"))


def set_up_credentials(driver) -> None:
    """The administrator's part, before the person starts: the WFS service's account goes
    into QGIS's encrypted authentication database (behind a master password), and
    GeoGov's settings name only its authcfg id. Nothing here is GeoGov: it is what
    Settings ▸ Options ▸ Authentication does."""
    manager = QgsApplication.authManager()
    if manager.isDisabled():
        driver.fail("QGIS's authentication system is disabled: " + manager.disabledMessage())
    if not manager.setMasterPassword(PARAMS["master_password"], True):
        driver.fail("the master password could not be set")
    config = QgsAuthMethodConfig("Basic")
    config.setId(PARAMS["authcfg"])
    config.setName("GEO Île-de-France (démo) – WFS")
    config.setUri(PARAMS["wfs_url"])
    config.setConfig("username", PARAMS["login"])
    config.setConfig("password", PARAMS["password"])
    if not manager.storeAuthenticationConfig(config):
        driver.fail("the WFS credentials could not be stored in QGIS's auth database")
    driver.result("authcfg_stored", PARAMS["authcfg"] in manager.configIds())


def widen_dock(driver, dock, width: int = 640) -> None:
    """Drag the dock area wider, as a person would to read a dock's columns."""
    from qgis.PyQt.QtCore import Qt

    driver.window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
    QApplication.processEvents()


def text_of(browser: QTextBrowser) -> str:
    return browser.toPlainText()


def wait_for_canvas(driver, timeout: float = 30.0) -> None:
    """Until the map canvas has drawn (layers fetched, labels placed)."""
    canvas = driver.iface.mapCanvas()
    driver.wait(0.3)
    driver.wait_until(lambda: not canvas.isDrawing(), timeout, "the map did not finish drawing")
    driver.wait(0.2)


def leave_no_edits() -> None:
    """A journey that failed half-way may leave a layer in edit mode: QGIS would ask, on
    quitting, whether to save it (a dialog no one answers). Its edits are dropped."""
    from qgis.core import QgsProject

    for layer in QgsProject.instance().mapLayers().values():
        if getattr(layer, "isEditable", None) and layer.isEditable():
            layer.rollBack()
