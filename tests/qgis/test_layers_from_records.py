"""Layers from records: data source URIs, CRS choice, QgsLayerMetadata, record properties.

Offline: sources and metadata are built on records read from the corpus or built here,
and applied to a memory layer. Layers served by the demo: tests/integration.
"""

from __future__ import annotations

import datetime as dt

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from geogov.plugin.bridge import layers_from_records as lfr
from geogov.plugin.bridge.canvas_extent import WORLD, extent_wgs84
from geogov.plugin.catalogue import model
from geogov.plugin.catalogue.connections import CatalogueConnection
from geogov.plugin.catalogue.documents import read_file
from geogov.plugin.catalogue.model import Maintenance, OnlineResource, Party, Record
from geogov.plugin.catalogue.service_model import ServiceInfo, ServiceLayer

CONNECTION = CatalogueConnection("GEO IdF", "http://127.0.0.1:9/csw", "csw", "2.0.2",
                                 authcfg="abc1234")


def record() -> Record:
    return Record(
        identifier="6ec43d18-6632-5bd7-a5ac-427d141323f3", title="Aménagements cyclables",
        abstract="Pistes cyclables.", keywords=["vélo"], topic_categories=["transportation"],
        bbox=(1.44, 48.12, 3.56, 49.24), language="fre",
        dates={"creation": dt.date(2019, 1, 10), "revision": dt.date(2026, 3, 31)},
        licence="Licence Ouverte 2.0", constraints=["Pas de restriction"],
        links=[OnlineResource("http://127.0.0.1:9/ows", model.LINK_WFS, "OGC:WFS",
                              "amenagements_cyclables", "WFS de la couche")],
        parties=[
            Party(model.CITED_PARTY, "custodian", "custodian", model.ROLE_ISO19139,
                  organisation="L'Institut Paris Region", individual="Hugo Lefèvre",
                  email="hugo@example.org", phone="+33 1", address="Paris, FR"),
            Party(model.MAINTENANCE_CONTACT, "custodian", "custodian", model.ROLE_ISO19139,
                  organisation="L'Institut Paris Region", individual="Hugo Lefèvre",
                  email="hugo@example.org"),
            Party(model.CITED_PARTY, "originator", "originator", model.ROLE_ISO19139,
                  organisation="Ville de Paris"),
            Party(model.RESOURCE_CONTACT, None, "partner", model.ROLE_NONSTANDARD,
                  organisation="Partenaire"),
        ],
        maintenance=Maintenance(frequency="quarterly", next_update=dt.date(2026, 6, 30)))


# ----------------------------------------------------------------------------- sources


def test_wms_source_carries_the_authcfg_and_no_password():
    info = ServiceInfo("WMS", "1.3.0", formats=["image/jpeg", "image/png"])
    layer = ServiceLayer(name="amenagements_cyclables", title="Aménagements cyclables",
                         crs=["CRS:84", "EPSG:4326", "EPSG:3857", "EPSG:2154"])
    plan = lfr.wms_plan("http://h/ows?SERVICE=WMS&REQUEST=GetCapabilities", info, layer,
                        authcfg="abc1234")
    source = plan.source()
    assert plan.crs == "EPSG:2154" and plan.image_format == "image/png"
    for part in ("authcfg=abc1234", "crs=EPSG:2154", "format=image/png",
                 "layers=amenagements_cyclables", "styles=&", "url=http://h/ows"):
        assert part in source, part
    assert "password" not in source and "GetCapabilities" not in source


def test_wfs_source_uses_the_version_the_server_speaks():
    info = ServiceInfo("WFS", "1.1.0")
    layer = ServiceLayer(name="ms:points", crs=["EPSG:4326", "EPSG:3857"])
    plan = lfr.wfs_plan("http://h/mapserver?map=/m.map&SERVICE=WFS", info, layer,
                        authcfg="abc1234")
    source = plan.source()
    for part in ("typename='ms:points'", "version='1.1.0'", "srsname='EPSG:3857'",
                 "pagingEnabled='true'", "authcfg=abc1234",
                 "url='http://h/mapserver?map=%2Fm.map'"):
        assert part in source, part


def test_project_crs_wins_when_offered():
    assert lfr.choose_crs(["EPSG:4326", "EPSG:2154", "EPSG:27561"], "EPSG:27561") == \
        "EPSG:27561"
    assert lfr.choose_crs(["EPSG:4326", "EPSG:3857"], "EPSG:2154") == "EPSG:3857"
    assert lfr.choose_crs(["EPSG:32631", "EPSG:4326"]) == "EPSG:4326"
    assert lfr.choose_crs(["EPSG:32631"]) == "EPSG:32631"
    assert lfr.choose_crs([]) == "EPSG:4326"


@pytest.mark.parametrize("url, name, base, collection", [
    ("http://h/wfs3/collections/amenagements_cyclables/items?f=json", "",
     "http://h/wfs3", "amenagements_cyclables"),
    ("https://h/ogcapi/collections/a%20b", "", "https://h/ogcapi", "a b"),
    ("https://h/ogcapi/", "velo", "https://h/ogcapi", "velo"),
])
def test_oapif_plan_from_a_link(url, name, base, collection):
    plan = lfr.oapif_plan(url, name, authcfg="abc1234")
    assert (plan.provider, plan.url, plan.name) == ("OAPIF", base, collection)
    assert "authcfg=abc1234" in plan.source()


def test_oapif_link_without_a_collection_is_refused():
    with pytest.raises(lfr.LayerError) as caught:
        lfr.oapif_plan("https://h/ogcapi/")
    assert caught.value.code == "layer.no_collection"


def test_invalid_layer_raises_with_the_providers_reason(qgis_app):
    plan = lfr.LayerPlan("WFS", "http://127.0.0.1:9/ows", "nothing", version="1.1.0")
    with pytest.raises(lfr.LayerError) as caught:
        lfr.create_layer(plan)
    assert caught.value.code == "layer.invalid" and caught.value.params["name"] == "nothing"


# ----------------------------------------------------------------------------- metadata


def test_layer_metadata_from_a_record(qgis_app):
    metadata = lfr.layer_metadata(record())
    assert metadata.identifier() == "6ec43d18-6632-5bd7-a5ac-427d141323f3"
    assert metadata.title() == "Aménagements cyclables"
    assert metadata.abstract() == "Pistes cyclables."
    assert metadata.keywords()["gmd:keywords"] == ["vélo"]
    assert metadata.categories() == ["transportation"]
    assert metadata.licenses() == ["Licence Ouverte 2.0"]
    assert metadata.rights() == ["Pas de restriction"]
    contacts = [(c.name, c.organization, c.role, c.email) for c in metadata.contacts()]
    # The custodian met in two contexts is one contact; the raw role is kept.
    assert contacts == [
        ("Hugo Lefèvre", "L'Institut Paris Region", "custodian", "hugo@example.org"),
        ("Ville de Paris", "Ville de Paris", "originator", ""),
        ("Partenaire", "Partenaire", "partner", "")]
    assert metadata.contacts()[0].voice == "+33 1"
    assert metadata.contacts()[0].addresses[0].address == "Paris, FR"
    spatial = metadata.extent().spatialExtents()[0]
    assert spatial.extentCrs.authid() == "EPSG:4326"
    assert (spatial.bounds.xMinimum(), spatial.bounds.yMaximum()) == (1.44, 49.24)
    link = metadata.links()[0]
    assert (link.name, link.type, link.url) == ("amenagements_cyclables", "OGC:WFS",
                                                "http://127.0.0.1:9/ows")
    history = metadata.history()
    assert any("2026-03-31" in item for item in history)
    assert any("2026-06-30" in item for item in history)


def test_corpus_record_metadata_keeps_every_role(qgis_app, shared_data):
    corpus_record = read_file(shared_data / "ogc" / "iso19139" /
                              "owslib__9250AA67-F3AC-6C12-0CB9-0662231AA181_iso.xml").records[0]
    metadata = lfr.layer_metadata(corpus_record)
    assert "primary" in {c.role for c in metadata.contacts()}
    assert metadata.identifier() == corpus_record.identifier


def test_layer_remembers_its_record(qgis_app):
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "velo", "memory")
    lfr.describe_from_record(layer, record(), CONNECTION)
    assert layer.customProperty("geogov/record_url") == "http://127.0.0.1:9/csw"
    assert layer.customProperty("geogov/record_id") == "6ec43d18-6632-5bd7-a5ac-427d141323f3"
    assert layer.customProperty("geogov/catalogue") == "GEO IdF"
    assert lfr.record_origin(layer)["identifier"] == "6ec43d18-6632-5bd7-a5ac-427d141323f3"
    assert layer.metadata().crs().authid() == "EPSG:2154"
    assert layer.metadata().contacts()[0].role == "custodian"
    assert lfr.record_origin(QgsVectorLayer("Point", "x", "memory")) == \
        {"url": "", "identifier": "", "catalogue": ""}


def test_record_properties_survive_a_project_round_trip(qgis_app, tmp_path):
    project = QgsProject()
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "velo", "memory")
    lfr.describe_from_record(layer, record(), CONNECTION)
    project.addMapLayer(layer)
    path = str(tmp_path / "p.qgs")
    assert project.write(path)
    again = QgsProject()
    assert again.read(path)
    reread = list(again.mapLayers().values())[0]
    assert lfr.record_origin(reread) == {"url": "http://127.0.0.1:9/csw",
                                         "identifier": "6ec43d18-6632-5bd7-a5ac-427d141323f3",
                                         "catalogue": "GEO IdF"}
    assert reread.metadata().contacts()[0].organization == "L'Institut Paris Region"


# ----------------------------------------------------------------------------- extent


def test_canvas_extent_in_lambert93_becomes_degrees(qgis_app):
    paris = QgsRectangle(640000, 6850000, 665000, 6875000)
    west, south, east, north = extent_wgs84(paris, QgsCoordinateReferenceSystem("EPSG:2154"))
    assert 2.1 < west < east < 2.6 and 48.7 < south < north < 49.0


def test_extent_beyond_the_world_is_the_world(qgis_app):
    mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    huge = QgsRectangle(-4e7, -4e7, 4e7, 4e7)
    assert extent_wgs84(huge, mercator) == WORLD
    # The whole Web Mercator world (±85.06°) is the world too.
    assert extent_wgs84(QgsRectangle(-20037508.34, -20048966.1, 20037508.34, 20048966.1),
                        mercator) == WORLD
    # A band around the equator is not.
    band = extent_wgs84(QgsRectangle(-20037508.34, -5e6, 20037508.34, 5e6), mercator)
    assert band != WORLD and band[1] > -50
    assert extent_wgs84(QgsRectangle(), QgsCoordinateReferenceSystem("EPSG:3857")) == WORLD
