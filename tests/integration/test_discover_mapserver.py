"""Discover on two server implementations: the demo's QGIS Server and MapServer 8.

The same checks run against both (parametrised): the plugin's own capabilities parsers,
fed by its own transport (QGIS's network stack), read each server's WMS 1.3.0 and WFS
capabilities — layers and titles, CRS lists, formats, whether Transaction is offered,
the service contact — and the service browser adds a WFS layer (valid, every feature, in
Lambert-93, with the version the server speaks) and a WMS layer that draws.

The servers differ where it matters: QGIS Server 3.22 speaks WFS 1.1.0 with WFS-T and bare
typenames; MapServer speaks WFS 2.0.0, read-only, with ``ms:``-prefixed typenames and an
empty ``ows:Role``. Nothing here is mocked: both answer on 127.0.0.1 (demo_sdi).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from qgis.core import (
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize

from geogov.plugin.bridge.network import QgisTransport
from geogov.plugin.catalogue.service_client import fetch_capabilities, find_layer
from geogov.tests.sdi.build import read_manifest
from geogov.tests.sdi.mapfile import MAPSERVER_TYPENAMES
from geogov.tests.support.qt_wait import wait_for
from geogov.ui.service_browser import ServiceBrowser

TITLES = {"territoires_partenaires": "Territoires des partenaires",
          "amenagements_cyclables": "Aménagements cyclables",
          "points_apport_volontaire": "Points d'apport volontaire",
          "eclairage_public": "Éclairage public",
          "capteurs_air_ecoles": "Capteurs de qualité de l'air dans les écoles",
          "pesees_dechets_menages": "Pesées des déchets ménagers"}


@dataclass
class Implementation:
    key: str
    wfs_version: str
    transaction: bool
    prefix: str                     # of WFS typenames
    typenames: tuple


IMPLEMENTATIONS = {
    "qgis-server": Implementation("qgis-server", "1.1.0", True, "", tuple(TITLES)),
    "mapserver": Implementation("mapserver", "2.0.0", False, "ms:", tuple(MAPSERVER_TYPENAMES)),
}


@pytest.fixture(params=sorted(IMPLEMENTATIONS))
def server(request, demo_sdi):
    implementation = IMPLEMENTATIONS[request.param]
    url = demo_sdi.mapserver_url if implementation.key == "mapserver" else demo_sdi.wfs_url
    return implementation, url


@pytest.fixture()
def project(qgis_app):
    QgsProject.instance().removeAllMapLayers()
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()


def capabilities(url, service):
    info, exchange = fetch_capabilities(url, service, transport=QgisTransport(), timeout=30)
    assert exchange.status == 200
    return info


def assert_region_contact(info):
    contact = info.contact
    assert contact is not None and contact.context == "service_contact"
    assert (contact.organisation, contact.individual) == ("Région Île-de-France", "Claire Martin")
    assert contact.position == "Coordinatrice de la convention géodonnées"


# ---------------------------------------------------------------------------- capabilities
def test_wms_130_capabilities(server, qgis_app):
    implementation, url = server
    info = capabilities(url, "WMS")
    assert (info.service, info.version) == ("WMS", "1.3.0")
    assert info.title.startswith("GEO Île-de-France (démonstration)")
    assert info.transaction is False
    assert "image/png" in info.formats and "image/jpeg" in info.formats
    assert info.provider == "Région Île-de-France"
    assert_region_contact(info)
    assert info.contact.email == "region.idf.donnees@example.org"
    named = {layer.name: layer for layer in info.named_layers}
    # One group layer (the project / the map) holds the data layers.
    assert set(implementation.typenames) <= set(named)
    assert len(named) == len(implementation.typenames) + 1
    for typename in implementation.typenames:
        layer = named[typename]
        assert layer.title == TITLES[typename]
        assert {"EPSG:2154", "EPSG:4326", "EPSG:3857"} <= set(layer.crs), layer.crs
        west, south, east, north = layer.bbox_wgs84
        assert 1.4 < west < east < 3.6 and 48.1 < south < north < 49.3     # Île-de-France
        assert layer.depth == 1 and layer.parent


def test_wfs_capabilities(server, qgis_app):
    implementation, url = server
    info = capabilities(url, "WFS")
    # The server's own choice when no version is asked: QGIS Server 3.22 has no WFS 2.0.
    assert (info.service, info.version) == ("WFS", implementation.wfs_version)
    assert info.transaction is implementation.transaction
    assert (info.operation("Transaction") is not None) is implementation.transaction
    assert info.operation("GetFeature").get_url.startswith(url)
    assert any("gml" in f for f in info.formats), info.formats
    assert_region_contact(info)
    names = [layer.name for layer in info.named_layers]
    assert sorted(names) == sorted(implementation.prefix + t for t in implementation.typenames)
    for typename in implementation.typenames:
        layer = find_layer(info, typename)          # records name it without the prefix
        assert layer is not None and layer.name == implementation.prefix + typename
        assert layer.title == TITLES[typename]
        assert layer.crs[0] == "EPSG:2154", layer.crs           # the default CRS first
        assert {"EPSG:4326", "EPSG:3857"} <= set(layer.crs)
    if implementation.key == "mapserver":
        # WFS 2.0: OWS 1.1 sections, ImplementsTransactionalWFS FALSE, no Transaction.
        assert [v.upper() for v in info.constraints.get("ImplementsTransactionalWFS", [])] == ["FALSE"]
        assert "application/gml+xml; version=3.2" in info.formats
        # An empty ows:Role is kept as written (nothing), never guessed.
        assert (info.contact.role, info.contact.role_raw) == (None, "")


# ---------------------------------------------------------------------------- adding layers
def browse(qgis_iface, url, kind):
    browser = ServiceBrowser(qgis_iface)
    browser.url_edit.setText(url)
    browser.kind_box.setCurrentIndex(browser.kind_box.findData(kind))
    browser.connect_service()
    wait_for(lambda: browser.task is None and (browser.info is not None
                                               or browser.status_label.styleSheet()), timeout=60)
    assert browser.info is not None, browser.status_label.text()
    return browser


def add_from_browser(browser, typename):
    names = [browser.table.item(row, 1).text() for row in range(browser.table.rowCount())]
    row = next(i for i, name in enumerate(names) if name.split(":")[-1] == typename)
    browser.table.selectRow(row)
    assert browser.add_button.isEnabled()
    before = set(QgsProject.instance().mapLayers())
    browser.add_button.click()
    new = wait_for(lambda: set(QgsProject.instance().mapLayers()) - before
                   or "c62828" in browser.status_label.styleSheet(), timeout=60)
    assert isinstance(new, set), browser.status_label.text()
    return QgsProject.instance().mapLayer(new.pop())


def test_the_service_browser_adds_a_wfs_layer_with_every_feature(server, qgis_iface, demo_sdi, project):
    implementation, url = server
    counts = {layer["typename"]: layer["count"] for layer in read_manifest(demo_sdi.demo_dir)["layers"]}
    browser = browse(qgis_iface, url, "WFS")
    try:
        assert f"WFS {implementation.wfs_version}" in browser.summary.text()
        answer = "yes" if implementation.transaction else "no"
        assert f"Transaction (editing through WFS-T): {answer}" in browser.summary.text()
        layer = add_from_browser(browser, "amenagements_cyclables")
    finally:
        browser.done(0)
        browser.deleteLater()
    assert isinstance(layer, QgsVectorLayer) and layer.isValid()
    assert layer.providerType() == "WFS" and layer.crs().authid() == "EPSG:2154"
    source = layer.source()
    assert f"typename='{implementation.prefix}amenagements_cyclables'" in source
    assert f"version='{implementation.wfs_version}'" in source and "srsname='EPSG:2154'" in source
    features = list(layer.getFeatures())
    assert len(features) == counts["amenagements_cyclables"]
    assert {f["departement"] for f in features} >= {"75", "94"}
    assert all(f.hasGeometry() for f in features)
    extent = layer.extent()
    assert 580000 < extent.xMinimum() < extent.xMaximum() < 740000      # Lambert-93 metres
    assert layer.metadata().title() == "Aménagements cyclables"


def test_the_service_browser_adds_a_wms_layer_that_draws(server, qgis_iface, project):
    _implementation, url = server
    browser = browse(qgis_iface, url, "WMS")
    try:
        assert "WMS 1.3.0" in browser.summary.text()
        layer = add_from_browser(browser, "territoires_partenaires")
    finally:
        browser.done(0)
        browser.deleteLater()
    assert isinstance(layer, QgsRasterLayer) and layer.isValid()
    assert layer.providerType() == "wms" and "layers=territoires_partenaires" in layer.source()
    assert "crs=EPSG:2154" in layer.source()
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(160, 160))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    colours = {image.pixel(x, y) for x in range(0, 160, 4) for y in range(0, 160, 4)}
    assert len(colours) > 2, "the WMS drew nothing"
