"""Options page additions of the catalogue: import/export of connections as files, and
the dock's map-extent filter (the canvas extent in EPSG:4326)."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle, QgsSettings

from geogov.plugin.bridge import settings as gsettings
from geogov.plugin.bridge.messages import error_text
from geogov.plugin.errors import GeoGovError
from geogov.ui.catalogue_dock import CatalogueDock
from geogov.ui.options_page import GeoGovOptionsPage

METASEARCH_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<qgsCSWConnections version="1.0">
  <csw name="GEO IdF" url="http://127.0.0.1:9/csw"/>
  <csw name="data.gouv" url="https://www.data.gouv.fr/api/1/csw"/>
</qgsCSWConnections>
"""


@pytest.fixture()
def page(qgis_app):
    QgsSettings().remove("geogov")
    gsettings.save(gsettings.Settings(catalogues=[
        gsettings.CatalogueConnection("GEO IdF", "http://old.example.org/csw", "csw", "2.0.2",
                                      authcfg="abc1234"),
        gsettings.CatalogueConnection("Records", "http://127.0.0.1:9/collections/r",
                                      "ogcapi-records", authcfg="zzz9999")]))
    widget = GeoGovOptionsPage()
    yield widget
    widget.deleteLater()
    QgsSettings().remove("geogov")


def test_export_leaves_authentication_ids_out(page, tmp_path):
    path = tmp_path / "catalogues.json"
    page.catalogues.export_to(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "geogov-catalogue-connections"
    assert [c["name"] for c in document["connections"]] == ["GEO IdF", "Records"]
    assert all("authcfg" not in c for c in document["connections"])
    assert b"abc1234" not in path.read_bytes()


def test_import_metasearch_file_merges_by_name(page, tmp_path):
    path = tmp_path / "metasearch.xml"
    path.write_bytes(METASEARCH_XML)
    replaced = page.catalogues.import_from(path)
    assert replaced == ["GEO IdF"]
    table = page.catalogues.table
    assert [table.item(row, 0).text() for row in range(table.rowCount())] == [
        "GEO IdF", "Records", "data.gouv"]
    assert page.catalogues.connections[0].url == "http://127.0.0.1:9/csw"
    page.apply()
    assert [c.name for c in gsettings.load().catalogues] == ["GEO IdF", "Records", "data.gouv"]


def test_exported_file_imports_back(page, tmp_path):
    path = tmp_path / "catalogues.json"
    page.catalogues.export_to(path)
    page.catalogues.connections = []
    page.catalogues.import_from(path)
    assert [(c.name, c.kind) for c in page.catalogues.connections] == [
        ("GEO IdF", "csw"), ("Records", "ogcapi-records")]


def test_a_file_that_is_no_connections_file_is_refused_with_a_sentence(page, tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    with pytest.raises(GeoGovError) as caught:
        page.catalogues.import_from(path)
    assert error_text(caught.value).startswith(
        "This file holds no usable catalogue connections")
    assert len(page.catalogues.connections) == 2


def test_detect_button_only_for_catalogues(qgis_app):
    from geogov.ui.options_page import ConnectionDialog

    catalogue = ConnectionDialog(gsettings.CatalogueConnection("", ""), True)
    service = ConnectionDialog(gsettings.ServiceConnection("", ""), False)
    assert hasattr(catalogue, "detect_button") and not hasattr(service, "detect_button")
    catalogue.detect()          # no URL: nothing starts
    assert catalogue.detect_task is None
    catalogue.deleteLater()
    service.deleteLater()


def test_map_extent_filter_uses_the_canvas_in_degrees(qgis_iface, qgis_app):
    QgsSettings().remove("geogov")
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    canvas.setExtent(QgsRectangle(640000, 6850000, 665000, 6875000))
    dock = CatalogueDock(qgis_iface)
    try:
        assert dock.current_query().bbox is None
        dock.extent_check.setChecked(True)
        west, south, east, north = dock.current_query().bbox
        # The canvas widens the extent to its own aspect ratio: Paris is inside, in degrees.
        assert west < 2.35 < east and south < 48.86 < north
        assert east - west < 3 and north - south < 3
        dock.sort_box.setCurrentIndex(2)
        query = dock.current_query(40)
        assert (query.sort, query.descending, query.start, query.limit) == ("revision", True, 40, 20)
    finally:
        dock.unload()
        dock.deleteLater()
