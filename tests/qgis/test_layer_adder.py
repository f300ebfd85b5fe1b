"""The layer adder's choices: which configured service's authcfg a link gets, and which
CRS a layer is requested in (found by the desktop journey, tests/e2e/test_journey.py)."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer

from geogov.plugin.bridge.settings import ServiceConnection
from geogov.ui.layer_adder import authcfg_for, requested_crs

OWS = "http://127.0.0.1:8601/ows"


def test_the_service_of_the_links_kind_gives_its_authcfg():
    # One endpoint, two services: a WMS without credentials listed first, the WFS with its own.
    services = [ServiceConnection("WMS", OWS, "wms", authcfg=""),
                ServiceConnection("WFS", OWS + "?SERVICE=WFS", "wfs", authcfg="wfs1234")]
    assert authcfg_for(OWS + "?SERVICE=WFS&REQUEST=GetCapabilities", services=services,
                       kind="WFS") == "wfs1234"
    assert authcfg_for(OWS, services=services, kind="WMS") == ""
    # Kind unknown: the first service of the endpoint that has credentials.
    assert authcfg_for(OWS, services=services) == "wfs1234"
    assert authcfg_for("http://elsewhere/ows", services=services, kind="WFS") == ""


@pytest.fixture()
def project():
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()


def test_an_empty_projects_default_crs_is_not_imposed_on_the_first_layer(qgis_app, project):
    # A fresh QGIS project says WGS 84 until its first layer: requesting the partners'
    # Lambert-93 WFS in it would bring reprojected, rounded coordinates into proposals.
    assert requested_crs(project) == ""
    layer = QgsVectorLayer("LineString?crs=EPSG:3857", "drawn", "memory")
    project.addMapLayer(layer)
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    assert requested_crs(project) == "EPSG:3857"
