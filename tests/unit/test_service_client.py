"""Service addresses from record links, and finding the layer a link names (no network).

Fetching real capabilities: tests/integration/test_catalogue_dock.py (QGIS Server, MapServer).
"""

import pytest

from geogov.plugin.catalogue.documents import read_file
from geogov.plugin.catalogue.service_client import (
    asked_version,
    capabilities_url,
    find_layer,
    service_endpoint,
)


@pytest.mark.parametrize("link, endpoint", [
    ("http://127.0.0.1:8601/ows", "http://127.0.0.1:8601/ows"),
    ("http://h/ows?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0", "http://h/ows"),
    ("http://h/cgi-bin/mapserv?map=/srv/idf.map&service=WFS&request=GetFeature&typeName=ms:x",
     "http://h/cgi-bin/mapserv?map=%2Fsrv%2Fidf.map"),
    ("http://wms.geo.admin.ch/?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities&lang=de",
     "http://wms.geo.admin.ch/?lang=de"),
    ("http://h/wms?LAYERS=a&STYLES=&FORMAT=image/png&BBOX=0,0,1,1&WIDTH=1&HEIGHT=1#x",
     "http://h/wms"),
])
def test_service_endpoint_keeps_vendor_parameters_only(link, endpoint):
    assert service_endpoint(link) == endpoint


def test_capabilities_url_and_asked_version():
    url = "http://h/ows?map=x.map&SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap"
    assert asked_version(url) == "1.1.1"
    assert capabilities_url(url, "wfs") == "http://h/ows?map=x.map&SERVICE=WFS&REQUEST=GetCapabilities"
    assert capabilities_url(url, "WMS", "1.3.0").endswith("&VERSION=1.3.0")
    assert asked_version("http://h/csw?acceptVersions=2.0.2,3.0.0") == "2.0.2"
    with pytest.raises(ValueError):
        capabilities_url(url, "WCS")


def test_find_layer_tolerates_a_missing_or_extra_namespace_prefix(shared_data):
    info = read_file(shared_data / "ogc" / "wfs" /
                     "ogcclient__capabilities-geo2france-2-0-0.xml").service
    assert find_layer(info, "cr_hdf:arel").name == "cr_hdf:arel"
    assert find_layer(info, "arel").name == "cr_hdf:arel"
    assert find_layer(info, "other:arel").name == "cr_hdf:arel"
    assert find_layer(info, "nothing") is None and find_layer(info, "") is None
