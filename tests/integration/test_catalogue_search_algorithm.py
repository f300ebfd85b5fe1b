"""geogov:catalogue_search through processing.run against the demo's pycsw and pygeoapi."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException, QgsWkbTypes

from geogov.tests.sdi.datasets import DATASETS, DATASETS_BY_ID


def run(processing, catalogue, **parameters):
    result = processing.run("geogov:catalogue_search",
                            {"CATALOGUE": catalogue, "OUTPUT": "TEMPORARY_OUTPUT", **parameters})
    layer = result["OUTPUT"]
    names = layer.fields().names()
    rows = {f["identifier"]: (dict(zip(names, f.attributes())), f.geometry())
            for f in layer.getFeatures()}
    return result, layer, rows


@pytest.fixture(params=["csw", "oarec"])
def catalogue_url(request, demo_sdi):
    return demo_sdi.csw_url if request.param == "csw" else demo_sdi.oarec_url


def test_every_record_as_a_box_with_its_responsibilities(processing, catalogue_url):
    result, layer, rows = run(processing, catalogue_url)
    assert result["RECORD_COUNT"] == result["MATCHED"] == len(DATASETS)
    assert layer.crs().authid() == "EPSG:4326"
    assert QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.PolygonGeometry
    eclairage = DATASETS_BY_ID["eclairage-public"]
    row, geometry = rows[eclairage.record_id]
    assert row["title"] == "Éclairage public"
    assert row["producer"] == "Lumière Île-de-France SAS (concessionnaire fictif)"
    assert row["custodian"] == "SIGEIF"
    assert row["last_revision"].isValid()
    assert row["wms"] and row["wms_layer"] == "eclairage_public"
    assert row["wfs"] and row["wfs_typename"] == "eclairage_public"
    assert not geometry.isNull() and geometry.area() > 0
    if "csw" in catalogue_url:   # OGC API Records carries no ISO maintenance element
        assert row["frequency"] == "quarterly"
    zfe = rows[DATASETS_BY_ID["zones-faibles-emissions"].record_id][0]
    assert zfe["wms"] == "" and zfe["wfs"] == ""


def test_query_organisation_and_limit(processing, catalogue_url):
    _, _, rows = run(processing, catalogue_url, QUERY="velo")
    assert list(rows) == [DATASETS_BY_ID["amenagements-cyclables"].record_id]
    _, _, rows = run(processing, catalogue_url, ORGANISATION="Syctom")
    assert set(rows) == {DATASETS_BY_ID[i].record_id
                         for i in ("points-apport-volontaire", "pesees-dechets-menages")}
    result, _, rows = run(processing, catalogue_url, LIMIT=3)
    assert result["RECORD_COUNT"] == len(rows) == 3


def test_bbox_is_reprojected_to_wgs84(processing, catalogue_url):
    # eastern Seine-et-Marne in Lambert-93: the regional layers, not Est Ensemble's weighings
    _, _, rows = run(processing, catalogue_url,
                     BBOX="700000,730000,6800000,6850000 [EPSG:2154]")
    assert DATASETS_BY_ID["amenagements-cyclables"].record_id in rows
    assert DATASETS_BY_ID["pesees-dechets-menages"].record_id not in rows
    assert DATASETS_BY_ID["zones-faibles-emissions"].record_id not in rows


def test_failures_give_the_translated_reason(processing, demo_sdi):
    with pytest.raises(QgsProcessingException) as caught:
        run(processing, f"{demo_sdi.oarec_url}/collections/nope")
    assert "404" in str(caught.value)
    with pytest.raises(QgsProcessingException) as caught:
        run(processing, "not a url")
    assert "http(s)" in str(caught.value)
