"""Governance against the running demo SDI: WFS layers of the demo QGIS Server in the
responsibility panel, their records fetched from pycsw and pygeoapi through QGIS's
network stack, and the Processing algorithms harvesting the real catalogues."""

from __future__ import annotations

import re

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from geogov.plugin.bridge import settings as gsettings
from geogov.plugin.bridge.layer_description import RECORD_ID_PROPERTY, RECORD_URL_PROPERTY
from geogov.tests.qgis.governance_fixtures import SYCTOM, loaded_state, wait_until
from geogov.ui.responsibility_dock import ResponsibilityDock, record_link

pytestmark = pytest.mark.integration

PAV_RECORD = "b268e272-1ba0-5d78-97e1-f0cacb51330b"
ECLAIRAGE_RECORD = "878ab4ef-f744-5d75-a196-990f5b36389b"


@pytest.fixture()
def project(qgis_app):
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()


def wfs_layer(demo, typename, version="1.1.0"):
    layer = QgsVectorLayer(f"url='{demo.wfs_url}' typename='{typename}' version='{version}'",
                           typename, "WFS")
    assert layer.isValid(), typename
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_a_wfs_layer_is_governed_and_its_record_fetched_from_the_csw(qgis_iface, demo_sdi,
                                                                     project):
    csw = gsettings.CatalogueConnection("Démo", demo_sdi.csw_url, "csw", "2.0.2")
    state = loaded_state(source=demo_sdi.convention_path, catalogues=[csw])
    dock = ResponsibilityDock(qgis_iface, state)
    state.changed.connect(dock.refresh)
    try:
        layer = wfs_layer(demo_sdi, "points_apport_volontaire")
        dock.follow(layer)
        assert dock.info.responsibility.matched_by == "service"
        assert dock.steward_names() == [SYCTOM]
        wait_until(lambda: not state.busy and dock.info.record is not None, 30,
                   "the record to come from pycsw")
        result = dock.info.responsibility
        assert result.record_id == PAV_RECORD and result.revision_source == "metadata"
        assert result.status == "late"
        assert [d.code for d in result.discrepancies] == ["discrepancy.frequency_differs"]
        assert record_link(dock.info).startswith(demo_sdi.csw_url.split("?")[0])
    finally:
        state.changed.disconnect(dock.refresh)
        state.close()
        dock.deleteLater()


def test_a_layer_added_from_a_record_reads_it_from_its_own_catalogue(demo_sdi, project):
    # No catalogue configured: the layer's own record URL (OGC API Records) is used.
    state = loaded_state(source=demo_sdi.convention_path)
    try:
        layer = wfs_layer(demo_sdi, "eclairage_public")
        layer.setCustomProperty(RECORD_URL_PROPERTY, demo_sdi.oarec_collection_url)
        layer.setCustomProperty(RECORD_ID_PROPERTY, ECLAIRAGE_RECORD)
        info = state.for_layer(layer)
        assert info.responsibility.matched_by == "record"
        wait_until(lambda: not state.busy, 30, "the record to come from pygeoapi")
        info = state.for_layer(layer)
        assert info.record is not None and info.record_error is None
        assert "discrepancy.custodian_differs" in [d.code for d in info.responsibility.discrepancies]
    finally:
        state.close()


def test_convention_check_harvests_the_csw(processing, demo_sdi):
    result = processing.run("geogov:convention_check", {
        "CONVENTION": str(demo_sdi.convention_path), "CATALOGUE": demo_sdi.csw_url,
        "OUTPUT": "TEMPORARY_OUTPUT"})
    names = result["OUTPUT"].fields().names()
    table = [dict(zip(names, f.attributes())) for f in result["OUTPUT"].getFeatures()]
    by_id = {row["dataset"]: row for row in table if row["dataset"]}
    assert by_id["points-apport-volontaire"]["status"] == "late"
    assert "discrepancy.frequency_differs" in by_id["points-apport-volontaire"]["discrepancies"]
    assert "discrepancy.custodian_differs" in by_id["eclairage-public"]["discrepancies"]
    assert "discrepancy.no_point_of_contact" in by_id["capteurs-air-ecoles"]["discrepancies"]
    assert "discrepancy.not_in_catalogue" in by_id["plan-velo-metropolitain"]["discrepancies"]
    orphans = [row for row in table if not row["dataset"]]
    assert [row["title"] for row in orphans] == ["Zones à faibles émissions"]
    assert result["LATE"] == 1


def test_governance_report_from_the_ogc_api_records_catalogue(processing, demo_sdi, tmp_path):
    html = tmp_path / "rapport.html"
    result = processing.run("geogov:governance_report", {
        "CONVENTION": str(demo_sdi.convention_path), "CATALOGUE": demo_sdi.oarec_collection_url,
        "OUTPUT_PDF": str(tmp_path / "rapport.pdf"), "OUTPUT_HTML": str(html)})
    assert result["LATE"] == 1 and (tmp_path / "rapport.pdf").stat().st_size > 20_000
    page = html.read_text(encoding="utf-8")
    assert re.search(r"(not covered by the convention|absentes de la convention) ?: 1", page)
    assert re.search(r"(not published in the catalogue|absentes du catalogue) ?: 1", page)


def test_the_second_sweep_of_the_csw_is_incremental(processing, demo_sdi, tmp_path):
    """A full sweep, then an incremental one (catalogue/sweep.py) through QGIS's network
    stack: the same report, saying how the catalogue was read, its copy in the profile."""
    from geogov.plugin.bridge.governance import catalogue_connection, sweep_cache_path

    cache = sweep_cache_path(catalogue_connection(demo_sdi.csw_url))
    pages = []
    for incremental in (False, True):
        html = tmp_path / f"rapport-{incremental}.html"
        result = processing.run("geogov:governance_report", {
            "CONVENTION": str(demo_sdi.convention_path), "CATALOGUE": demo_sdi.csw_url,
            "INCREMENTAL": incremental, "OUTPUT_HTML": str(html)})
        assert result["LATE"] == 1
        pages.append(html.read_text(encoding="utf-8"))
    assert cache.is_file() and cache.parent.name == "catalogue-sweeps"
    full, incremental = pages
    assert re.search(r"(Catalogue read in full|Catalogue lu en entier) ?: 7 ", full)
    # The demo's records are stamped on the day it was built: all 7 are read again.
    assert re.search(r"(Catalogue read incrementally|Catalogue lu en incrémental) ?: \w+ 7 ",
                     incremental)

    def without_sweep(page):
        return re.sub(r"<li>Catalogue [^<]*</li>", "", page)

    assert without_sweep(full) == without_sweep(incremental)
