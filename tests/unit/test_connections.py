"""Catalogue connections: model, JSON export/import, MetaSearch's XML export (no network).

Kind detection talks to servers: tests/integration/test_catalogue_search_connections.py.
"""

import json
from pathlib import Path

import pytest

from geogov.plugin.catalogue.connections import (
    CSW,
    FILE_FORMAT,
    OGCAPI_RECORDS,
    CatalogueConnection,
    export_connections,
    import_connections,
    merge_connections,
)
from geogov.plugin.errors import DocumentError

METASEARCH_DEFAULTS = Path("/usr/share/qgis/python/plugins/MetaSearch/resources/"
                           "connections-default.xml")

DEMO = [
    CatalogueConnection("GEO IDF (CSW)", "http://127.0.0.1:8602/csw", CSW, "3.0.0", "ab12cd3", 20),
    CatalogueConnection("GEO IDF (OGC API)", "http://127.0.0.1:8603/collections/geo-idf",
                        OGCAPI_RECORDS),
]


def test_export_then_import_gives_the_same_connections_without_authcfg():
    data = export_connections(DEMO)
    document = json.loads(data)
    assert document["format"] == FILE_FORMAT and document["version"] == 1
    assert all("authcfg" not in item for item in document["connections"])
    back = import_connections(data, source="file.json")
    assert [(c.name, c.url, c.kind, c.version, c.timeout) for c in back] == [
        (c.name, c.url, c.kind, c.version, c.timeout) for c in DEMO]
    assert all(c.authcfg == "" for c in back)


def test_export_with_authcfg_keeps_the_id_never_a_password():
    back = import_connections(export_connections(DEMO, include_authcfg=True))
    assert back[0].authcfg == "ab12cd3"
    assert "password" not in export_connections(DEMO, include_authcfg=True).decode()


def test_import_the_list_kept_in_qgssettings():
    raw = json.dumps([{"name": "a", "url": "https://a.example/csw", "kind": "csw",
                       "version": "2.0.2", "authcfg": "", "timeout": 30}]).encode()
    assert import_connections(raw)[0].version == "2.0.2"


def test_import_metasearch_xml_export():
    data = ('<?xml version="1.0" encoding="UTF-8"?>\n<qgsCSWConnections version="1.0">'
            '<csw name="GéoBretagne" url="https://geobretagne.fr/geonetwork/srv/fre/csw"/>'
            '<csw name="Records" url="https://r.example/collections/main" '
            'catalog-type="OGC API - Records"/></qgsCSWConnections>').encode()
    connections = import_connections(data, source="metasearch.xml")
    assert [(c.name, c.kind) for c in connections] == [("GéoBretagne", CSW),
                                                        ("Records", OGCAPI_RECORDS)]
    assert connections[0].version == ""     # detected on first use


def test_import_the_metasearch_defaults_shipped_with_qgis():
    if not METASEARCH_DEFAULTS.is_file():
        pytest.skip(f"MetaSearch is not installed here ({METASEARCH_DEFAULTS})")
    connections = import_connections(METASEARCH_DEFAULTS.read_bytes(), str(METASEARCH_DEFAULTS))
    assert len(connections) >= 10
    assert all(c.kind == CSW and c.url.startswith("http") for c in connections)


@pytest.mark.parametrize("data, code", [
    (b'{"format": "something-else", "connections": []}', "connections.file_invalid"),
    (b'{"format": "geogov-catalogue-connections", "connections": [{"name": "x"}]}',
     "connections.file_invalid"),
    (b'{"format": "geogov-catalogue-connections", "connections": '
     b'[{"name": "x", "url": "file:///etc/passwd"}]}', "connections.file_invalid"),
    (b'{"format": "geogov-catalogue-connections", "connections": '
     b'[{"name": "x", "url": "https://a/csw", "kind": "wms"}]}', "connections.file_invalid"),
    (b"<qgsWMSConnections/>", "connections.file_invalid"),
    (b"<html><body>no</body></html>", "xml.html"),
    (b'{"format": ', "json.malformed"),
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     b'<qgsCSWConnections><csw name="&x;" url="https://a/csw"/></qgsCSWConnections>',
     "xml.entities"),
    (b"", "xml.empty"),
])
def test_unusable_files_raise_the_projects_error(data, code):
    with pytest.raises(DocumentError) as caught:
        import_connections(data, source="bad-file")
    assert caught.value.code == code
    assert caught.value.source == "bad-file"


def test_model_checks_url_kind_and_version():
    with pytest.raises(DocumentError) as caught:
        CatalogueConnection.from_mapping({"url": "ftp://x/csw"})
    assert caught.value.code == "connections.url_invalid"
    with pytest.raises(DocumentError) as caught:
        CatalogueConnection.from_mapping({"url": "https://x/csw", "version": "1.0"})
    assert caught.value.code == "connections.version_unknown"
    connection = CatalogueConnection.from_mapping({"url": " https://x/csw ", "version": "3.0",
                                                   "timeout": "abc"})
    assert (connection.name, connection.version, connection.timeout) == (
        "https://x/csw", "3.0.0", 30)
    # any object with the fields (e.g. the bridge's settings dataclass) is accepted
    assert CatalogueConnection.from_mapping(DEMO[1]) == DEMO[1]


def test_merge_by_name():
    incoming = [CatalogueConnection("GEO IDF (CSW)", "https://new/csw"),
                CatalogueConnection("Other", "https://other/csw")]
    merged, replaced, skipped = merge_connections(DEMO, incoming)
    assert [c.url for c in merged] == ["https://new/csw", DEMO[1].url, "https://other/csw"]
    assert replaced == ["GEO IDF (CSW)"] and skipped == []
    merged, replaced, skipped = merge_connections(DEMO, incoming, replace=False)
    assert merged[0] == DEMO[0] and skipped == ["GEO IDF (CSW)"]
