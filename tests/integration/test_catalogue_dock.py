"""The Catalogue dock, the service browser and the options page against the demo SDI.

Search the demo pycsw (CSW 2.0.2 and 3.0) and pygeoapi (OGC API Records) through the
dock as a user would, then add the record's WFS, WMS and OGC API Features layers with
QGIS's providers: valid layers with features, filled QgsLayerMetadata and the record's
custom properties. Bad addresses give a translated message in the dock.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from qgis.core import (
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProject,
    QgsRasterLayer,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize

from geogov.plugin.bridge import layers_from_records as lfr
from geogov.plugin.bridge import settings as gsettings
from geogov.plugin.catalogue import model
from geogov.plugin.catalogue.model import OnlineResource, Record
from geogov.tests.support.french import french
from geogov.tests.support.qt_wait import wait_for
from geogov.ui.catalogue_dock import CatalogueDock
from geogov.ui.options_page import ConnectionDialog
from geogov.ui.service_browser import ServiceBrowser

CYCLING_ID = "6ec43d18-6632-5bd7-a5ac-427d141323f3"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture()
def project():
    QgsProject.instance().removeAllMapLayers()
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()


def _connections(demo):
    return [gsettings.CatalogueConnection("GEO IdF (CSW 2.0.2)", demo.csw_url, "csw", "2.0.2"),
            gsettings.CatalogueConnection("GEO IdF (CSW 3.0)", demo.csw_url, "csw", "3.0.0"),
            gsettings.CatalogueConnection("GEO IdF (OGC API Records)",
                                          demo.oarec_collection_url, "ogcapi-records")]


@pytest.fixture()
def dock(qgis_iface, demo_sdi, project):
    QgsSettings().remove("geogov")
    gsettings.save(gsettings.Settings(catalogues=_connections(demo_sdi)))
    widget = CatalogueDock(qgis_iface)
    widget.resize(620, 900)
    yield widget
    widget.unload()
    wait_for(lambda: not widget.tasks, timeout=30)
    widget.deleteLater()
    QgsSettings().remove("geogov")


def search(dock, text, connection=0):
    dock.connection_box.setCurrentIndex(connection)
    dock.search_edit.setText(text)
    task = dock.search_now() or dock.search_task
    assert task is not None
    wait_for(lambda: dock.search_task is None, timeout=60)
    return [dock.model.record_at(row).title for row in range(dock.model.rowCount())]


def added_layer(dock, kind, layer_class):
    before = set(QgsProject.instance().mapLayers())
    dock.add_buttons[kind].click()
    new = wait_for(lambda: set(QgsProject.instance().mapLayers()) - before
                   or (dock.status_label.styleSheet() and dock.status_label.text()),
                   timeout=60)
    assert isinstance(new, set), new          # an error text otherwise
    layer = QgsProject.instance().mapLayer(new.pop())
    assert isinstance(layer, layer_class) and layer.isValid()
    return layer


@pytest.mark.parametrize("connection", [0, 1, 2], ids=["csw202", "csw30", "ogcapi-records"])
def test_search_velo_and_add_its_wfs_layer(dock, demo_sdi, connection):
    titles = search(dock, "velo", connection)
    assert titles == ["Aménagements cyclables"]
    # CSW matched "développement" too (its substring search), hidden here: "1 of 2";
    # OGC API Records matched only the record.
    assert dock.page_label.text() in ("Record 1 of 2 (the server's count)", "One record matches.")
    record = dock.selected_record()
    assert record.identifier == CYCLING_ID
    headers = [header.text() for header, _ in dock.details.group_labels]
    assert headers[:2] == ["<b>Custodian (custodian)</b>", "<b>Originator (originator)</b>"]
    custodian = dock.details.group_labels[0][1][0].text().replace("&#x27;", "'")
    assert "L'Institut Paris Region" in custodian
    if connection < 2:
        # The OGC API Records parser does not read the demo's ``updateFrequency`` yet.
        assert dock.model.item(0, 3).text() == "Quarterly"
    assert dock.model.item(0, 5).text() == "WMS, WFS"

    layer = added_layer(dock, model.LINK_WFS, QgsVectorLayer)
    assert layer.providerType() == "WFS"
    assert layer.featureCount() > 100
    assert sum(1 for _ in layer.getFeatures()) == layer.featureCount()
    uri = layer.source()
    assert "typename='amenagements_cyclables'" in uri and "version='1.1.0'" in uri
    assert "srsname='EPSG:2154'" in uri and "password" not in uri
    metadata = layer.metadata()
    assert metadata.identifier() == CYCLING_ID and metadata.title() == "Aménagements cyclables"
    roles = {(c.organization, c.role) for c in metadata.contacts()}
    assert ("L'Institut Paris Region", "custodian") in roles
    assert ("Ville de Paris", "originator") in roles
    assert metadata.extent().spatialExtents()[0].extentCrs.authid() == "EPSG:4326"
    assert {link.type for link in metadata.links()} >= {"OGC:WMS", "OGC:WFS"}
    connection_used = _connections(demo_sdi)[connection]
    assert lfr.record_origin(layer) == {"url": connection_used.url, "identifier": CYCLING_ID,
                                        "catalogue": connection_used.name}
    assert layer.customProperty("geogov/record_id") == CYCLING_ID


def test_add_the_wms_layer_of_a_record(dock):
    assert search(dock, "velo") == ["Aménagements cyclables"]
    layer = added_layer(dock, model.LINK_WMS, QgsRasterLayer)
    assert layer.providerType() == "wms"
    assert "layers=amenagements_cyclables" in layer.source()
    assert "crs=EPSG:2154" in layer.source() and "format=image/png" in layer.source()
    assert layer.metadata().identifier() == CYCLING_ID
    assert layer.customProperty("geogov/catalogue") == "GEO IdF (CSW 2.0.2)"
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(120, 120))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    colours = {image.pixel(x, y) for x in range(0, 120, 4) for y in range(0, 120, 4)}
    assert len(colours) > 2, "the WMS drew nothing"


def test_layer_named_by_no_link_is_chosen_in_a_list(dock, demo_sdi):
    record = Record(identifier="sans-nom", title="Points d'apport (lien sans nom)",
                    links=[OnlineResource(demo_sdi.wfs_url, model.LINK_WFS, "OGC:WFS")])
    offered = []

    def choose(layers, title, parent):
        offered.extend(layer.name for layer in layers)
        return next(layer for layer in layers if layer.name == "points_apport_volontaire")

    dock.adder.choose_layer = choose
    dock.model.set_records([record])
    dock.table.selectRow(0)
    layer = added_layer(dock, model.LINK_WFS, QgsVectorLayer)
    assert "amenagements_cyclables" in offered and "points_apport_volontaire" in offered
    assert "typename='points_apport_volontaire'" in layer.source()
    assert layer.featureCount() > 0


def test_ogc_api_features_link(dock, demo_sdi):
    base = demo_sdi.wfs_url.rsplit("/", 1)[0]
    record = Record(identifier=CYCLING_ID, title="Aménagements cyclables",
                    links=[OnlineResource(f"{base}/wfs3/collections/amenagements_cyclables/items",
                                          model.LINK_OGCAPI_FEATURES, "OGC API - Features")])
    dock.model.set_records([record])
    dock.table.selectRow(0)
    assert dock.add_buttons[model.LINK_OGCAPI_FEATURES].isEnabled()
    layer = added_layer(dock, model.LINK_OGCAPI_FEATURES, QgsVectorLayer)
    assert layer.providerType() == "OAPIF"
    assert "typename='amenagements_cyclables'" in layer.source()
    assert layer.featureCount() > 0 or sum(1 for _ in layer.getFeatures()) > 0


# ----------------------------------------------------------------------------- bad cases


@pytest.fixture()
def web_folder(tmp_path):
    (tmp_path / "index.html").write_text("<!DOCTYPE html><html><head><title>Portail</title>"
                                         "</head><body>Bienvenue</body></html>",
                                         encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path, kind, expected", [
    ("/nothing/csw", "csw", "Nothing was found at this address (HTTP 404)."),
    ("/nothing/collections/x", "ogcapi-records", "Nothing was found at this address (HTTP 404)."),
    ("/index.html", "csw", "An HTML page was received instead of the expected XML document."),
])
def test_bad_addresses_give_a_message_in_the_dock(qgis_iface, project, web_folder, path, kind,
                                                  expected):
    QgsSettings().remove("geogov")
    gsettings.save(gsettings.Settings(catalogues=[gsettings.CatalogueConnection(
        "Mauvais", web_folder + path, kind, "2.0.2" if kind == "csw" else "")]))
    dock = CatalogueDock(qgis_iface)
    try:
        assert search(dock, "velo") == []
        assert dock.status_label.text().startswith(expected), dock.status_label.text()
        assert "Traceback" not in dock.status_label.text()
        assert dock.raw_button.isEnabled() or kind == "ogcapi-records"
    finally:
        dock.unload()
        wait_for(lambda: not dock.tasks, timeout=30)
        dock.deleteLater()
        QgsSettings().remove("geogov")


def test_bad_address_in_french(qgis_iface, project, web_folder, tmp_path):
    QgsSettings().remove("geogov")
    gsettings.save(gsettings.Settings(catalogues=[gsettings.CatalogueConnection(
        "Mauvais", web_folder + "/nothing/csw", "csw", "2.0.2")]))
    dock = CatalogueDock(qgis_iface)
    try:
        with french(tmp_path):
            search(dock, "velo")
            assert dock.status_label.text().startswith(
                "Rien n'a été trouvé à cette adresse (HTTP 404).")
    finally:
        dock.unload()
        wait_for(lambda: not dock.tasks, timeout=30)
        dock.deleteLater()
        QgsSettings().remove("geogov")


# ----------------------------------------------------------------------------- browser, options


def test_service_browser_lists_wfs_layers_and_adds_one(qgis_iface, demo_sdi, project):
    browser = ServiceBrowser(qgis_iface)
    try:
        browser.url_edit.setText(demo_sdi.wfs_url)
        browser.kind_box.setCurrentIndex(1)
        browser.connect_service()
        wait_for(lambda: browser.task is None and browser.info is not None, timeout=60)
        names = [browser.table.item(row, 1).text() for row in range(browser.table.rowCount())]
        assert "amenagements_cyclables" in names and "eclairage_public" in names
        assert "Transaction (editing through WFS-T): yes" in browser.summary.text()
        assert "EPSG:2154" in browser.table.item(names.index("eclairage_public"), 2).text()
        browser.table.selectRow(names.index("eclairage_public"))
        browser.add_button.click()
        layer = wait_for(lambda: [lyr for lyr in QgsProject.instance().mapLayers().values()
                                  if "eclairage_public" in lyr.source()], timeout=60)[0]
        assert layer.isValid() and layer.featureCount() > 0
        assert layer.metadata().title() == "Éclairage public"
        assert layer.customProperty("geogov/record_id") is None
    finally:
        browser.done(0)
        browser.deleteLater()


def test_service_browser_wms_of_mapserver(qgis_iface, demo_sdi, project):
    browser = ServiceBrowser(qgis_iface)
    try:
        browser.url_edit.setText(demo_sdi.mapserver_url)
        browser.kind_box.setCurrentIndex(0)
        browser.connect_service()
        wait_for(lambda: browser.task is None and browser.info is not None, timeout=60)
        names = [browser.table.item(row, 1).text() for row in range(browser.table.rowCount())]
        assert "territoires_partenaires" in names
        assert "WMS 1.3.0" in browser.summary.text()
    finally:
        browser.done(0)
        browser.deleteLater()


@pytest.mark.parametrize("which, label", [("csw", "CSW 3.0.0"), ("oarec", "OGC API Records")])
def test_options_detect_the_catalogue_kind(qgis_app, demo_sdi, which, label):
    url = demo_sdi.csw_url if which == "csw" else demo_sdi.oarec_url
    dialog = ConnectionDialog(gsettings.CatalogueConnection(name="", url=url), True)
    try:
        dialog.detect()
        wait_for(lambda: dialog.detect_task is None, timeout=60)
        assert dialog.kind.currentText() == label, dialog.detect_status.text()
        connection = dialog.connection()
        expected_url = demo_sdi.csw_url if which == "csw" else demo_sdi.oarec_collection_url
        assert connection.url == expected_url
        assert "Île-de-France" in connection.name or connection.name
        assert dialog.detect_status.text().startswith("Found: ")
    finally:
        dialog.done(0)
        dialog.deleteLater()


# ----------------------------------------------------------------------------- screenshot


def test_screenshot_of_the_dock_with_results(qgis_iface, demo_sdi, project, tmp_path):
    QgsSettings().remove("geogov")
    gsettings.save(gsettings.Settings(catalogues=_connections(demo_sdi)))
    with french(tmp_path):
        # Built under the translator, as in QGIS (the plugin installs it before its widgets).
        dock = CatalogueDock(qgis_iface)
        dock.resize(620, 900)
        dock.sort_box.setCurrentIndex(1)                  # by title
        titles = search(dock, "")
        assert len(titles) == 7 and titles[0] == "Aménagements cyclables"
        dock.table.selectRow(0)
        dock.show()
        wait_for(lambda: dock.isVisible(), timeout=5)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / "catalogue_dock.png"
        try:
            assert dock.grab().save(str(path))
            assert path.stat().st_size > 10_000
            bar = dock.details.verticalScrollBar()
            bar.setValue(bar.maximum())
            assert dock.details.grab().save(str(SCREENSHOTS / "catalogue_dock_details.png"))
            assert dock.search_button.text() == "Rechercher"
            assert dock.model.headerData(0, 1) == "Titre"
        finally:
            dock.unload()
            dock.deleteLater()
            QgsSettings().remove("geogov")
