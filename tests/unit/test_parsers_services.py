"""WMS and WFS capabilities: layers, CRS, inheritance, formats, Transaction, contacts."""

from __future__ import annotations

import pytest

from geogov.plugin.catalogue import documents, wms
from geogov.plugin.errors import DocumentError
from geogov.plugin.xmlsafe import parse_xml


def service(shared_data, name):
    return documents.read_file(shared_data / "ogc" / name).service


def test_wms_130_geo2france_layers_and_contact(shared_data):
    info = service(shared_data, "wms/gnui__insee-wms-getcapabilities.xml")
    assert (info.service, info.version, info.title) == ("WMS", "1.3.0",
                                                        "Service WMS de Geo2France")
    assert "image/png" in info.formats
    assert info.contact.organisation == "Geo2France"
    assert info.contact.role_status == "missing"  # WMS ContactInformation has no role
    layer = [x for x in info.layers if x.name == "filosofi2015_200m_hdf"][0]
    assert layer.crs[0] == "EPSG:2154" and len(layer.crs) == 32  # inherited from the root
    assert layer.parent and layer.depth == 1
    assert not info.layers[0].named and info.layers[0].depth == 0


def test_wms_111_inherited_bbox_crs_and_iso_8859_15(shared_data):
    info = service(shared_data, "wms/ogcclient__capabilities-brgm-1-1-1-iso-8859-15.xml")
    assert "€" in info.title  # the declared ISO-8859-15 decoded from bytes
    latin1 = service(shared_data, "wms/owslib__wms_mesonet-caps.xml")
    assert latin1.contact.organisation == "Iowa State University"
    assert latin1.layers[0].crs[:2] == ["EPSG:4326", "EPSG:900913"]


def test_wms_100_formats_as_elements(shared_data):
    info = service(shared_data, "wms/geotools__wms_1.0.0Capabilities.xml")
    assert info.version == "1.0.0"
    assert info.formats == ["GIF", "JPEG", "PNG", "BMP"]
    bathymetry = info.named_layers[0]
    assert (bathymetry.name, bathymetry.crs) == ("Bathymetry", ["EPSG:4326", "EPSG:4327"])
    assert bathymetry.bbox_wgs84 == (-180.0, -90.0, 180.0, 90.0)


def test_wms_metadata_urls(shared_data):
    info = service(shared_data, "wms/owslib__wms_dov_getcapabilities_130.xml")
    urls = info.named_layers[0].metadata_urls
    assert len(urls) == 2 and all(u.url.startswith("http") for u in urls)


def test_wfs_transaction_by_version(shared_data):
    assert service(shared_data, "wfs/ogcclient__capabilities-pigma-1-0-0.xml").transaction
    assert service(shared_data, "wfs/geotools__wfs_GeoServer_2.0_1.1.0_GetCapabilities.xml"
                   ).transaction
    assert service(shared_data, "wfs/ogcclient__capabilities-pigma-2-0-0.xml").transaction
    # ImplementsTransactionalWFS=TRUE but no Transaction operation: not transactional.
    dov = service(shared_data, "wfs/owslib__wfs_dov_getcapabilities_200.xml")
    assert dov.constraints["ImplementsTransactionalWFS"] == ["TRUE"]
    assert not dov.transaction
    assert not service(shared_data, "wfs/gnui__insee-wfs-getcapabilities.xml").transaction


def test_wfs_feature_types_crs_formats_bbox(shared_data):
    info = service(shared_data, "wfs/ogcclient__capabilities-pigma-2-0-0.xml")
    layer = info.layers[0]
    assert layer.name == "asp:asp_rpg2010"
    assert layer.crs[:2] == ["EPSG:2154", "EPSG:32615"]
    assert "application/gml+xml; version=3.2" in info.formats
    assert layer.bbox_wgs84[0] == pytest.approx(-1.954, abs=1e-3)
    dov110 = service(shared_data, "wfs/owslib__wfs_dov_getcapabilities_110.xml")
    assert dov110.layers[0].crs == ["EPSG:31370"]  # urn:x-ogc:def:crs:EPSG:31370
    assert len(dov110.layers[0].metadata_urls) == 2


def test_wfs_free_text_ows_role(shared_data):
    norway = service(shared_data, "wfs/geotools__wfs_KartverketNo_2.0.0_GetCapabilities.xml")
    assert (norway.contact.role, norway.contact.role_raw, norway.contact.role_status) == (
        "pointOfContact", "PointOfContact", "iso19139")
    mapserver = service(shared_data, "wfs/geotools__wfs_MapServer_5.6.5_1.1.0_GetCapabilities.xml")
    assert (mapserver.contact.role, mapserver.contact.role_status) == (None, "empty")
    hsrs = service(shared_data, "wfs/owslib__wfs_HSRS_GetCapabilities_1_1_0.xml")  # windows-1250
    assert len(hsrs.layers) == 8


def test_wms_style_without_title_is_refused(shared_data):
    path = shared_data / "ogc/wms/owslib__wms_geoserver-cap_no_title.xml"
    with pytest.raises(DocumentError) as caught:
        documents.read_file(path)
    assert caught.value.code == "wms.missing_element"
    assert caught.value.params == {"element": "Style/Title", "layer": "opengeo:poi"}
    # GeoServer's empty <Style><Name/><Title/> is schema-valid: tolerated.
    assert service(shared_data, "wms/geotools__wms_brunar130.xml").layers


def test_wms_wrong_xlink_namespace_is_refused(shared_data):
    with pytest.raises(DocumentError) as caught:
        documents.read_file(shared_data / "ogc/wms/geotools__wms_1.1.0CapabilitiesInvalid.xml")
    assert caught.value.code == "wms.xlink_namespace"


def test_wms_nested_inheritance_adds_crs_and_styles():
    root = parse_xml(
        '<WMS_Capabilities xmlns="http://www.opengis.net/wms" version="1.3.0"><Service>'
        '<Name>WMS</Name><Title>IDF</Title></Service><Capability><Request><GetMap>'
        '<Format>image/png</Format></GetMap></Request>'
        '<Layer><Title>Racine</Title><CRS>EPSG:2154</CRS><Style><Name>a</Name><Title>A</Title>'
        '</Style><EX_GeographicBoundingBox><westBoundLongitude>1.4</westBoundLongitude>'
        '<eastBoundLongitude>3.6</eastBoundLongitude><southBoundLatitude>48.1'
        '</southBoundLatitude><northBoundLatitude>49.3</northBoundLatitude>'
        '</EX_GeographicBoundingBox>'
        '<Layer queryable="1"><Name>communes</Name><Title>Communes</Title><CRS>EPSG:3857</CRS>'
        '<Style><Name>b</Name><Title>B</Title></Style></Layer></Layer></Capability>'
        '</WMS_Capabilities>')
    info = wms.parse_capabilities(root, "inline")
    communes = info.named_layers[0]
    assert communes.crs == ["EPSG:2154", "EPSG:3857"]
    assert communes.styles == ["a", "b"]
    assert communes.bbox_wgs84 == (1.4, 48.1, 3.6, 49.3)
    assert (communes.parent, communes.depth, communes.queryable) == ("Racine", 1, True)
    assert communes.formats == ["image/png"]
