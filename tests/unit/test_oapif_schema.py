"""The OGC API Features client's reading of what servers answer (plugin/publishing/
oapif_client.py), on answers captured from this project's servers: pygeoapi 0.21's
/schema for the PostGIS éclairage table, and QGIS Server 3.22's items (its /queryables
lists no property, so the schema comes from a sample)."""

import json

from geogov.plugin.publishing.oapif_client import (
    _cql_literal,
    _fields_from_sample,
    _fields_of,
    _message,
    crs_code,
    json_value,
)
from geogov.plugin.transport import Response

PYGEOAPI_SCHEMA = json.loads(
    '{"type":"object","title":"\\u00c9clairage public","properties":{"geometry":{"format":'
    '"geometry-any","x-ogc-role":"primary-geometry"},"fid":{"type":"integer","x-ogc-role":"id"},'
    '"identifiant":{"type":"string"},"type_lampe":{"type":"string"},"puissance_w":{"type":'
    '"integer"},"hauteur_m":{"type":"number"},"date_pose":{"type":"string","format":"date"},'
    '"code_insee":{"type":"string"},"etat":{"type":"string"}},"$schema":'
    '"http://json-schema.org/draft/2019-09/schema"}')

QGIS_SERVER_ITEMS = [json.loads(
    '{"geometry":{"coordinates":[2.378548,48.766022],"type":"Point"},"id":"1","properties":'
    '{"code_insee":"94046","date_pose":"2005-04-07","etat":"en service","fid":1,"hauteur_m":4.0,'
    '"identifiant":"EP-94-000001","puissance_w":60,"type_lampe":"LED"},"type":"Feature"}'),
    json.loads('{"geometry":null,"id":"2","properties":{"fid":2,"identifiant":"EP-92-000002",'
               '"puissance_w":60}}')]


def test_pygeoapi_schema_gives_types_and_the_id():
    fields, geometry_type, id_field = _fields_of(PYGEOAPI_SCHEMA)
    types = {f.name: f.type for f in fields}
    assert types == {"fid": "integer", "identifiant": "string", "type_lampe": "string",
                     "puissance_w": "integer", "hauteur_m": "real", "date_pose": "date",
                     "code_insee": "string", "etat": "string"}
    assert id_field == "fid" and next(f for f in fields if f.name == "fid").auto
    assert geometry_type == ""          # geometry-any: the sample decides


def test_qgis_server_sample_finds_the_id_it_mirrors():
    fields, _geometry, id_field = _fields_from_sample(QGIS_SERVER_ITEMS)
    assert id_field == "fid"
    assert {f.name: f.type for f in fields}["hauteur_m"] == "real"
    # One sample proves nothing: no id guessed from a single feature.
    assert _fields_from_sample(QGIS_SERVER_ITEMS[:1])[2] == ""


def test_crs_uris():
    assert crs_code("http://www.opengis.net/def/crs/EPSG/0/2154") == "EPSG:2154"
    assert crs_code("http://www.opengis.net/def/crs/EPSG/9.6.2/2154") == "EPSG:2154"
    assert crs_code("http://www.opengis.net/def/crs/OGC/1.3/CRS84") == "EPSG:4326"


def test_values_and_literals():
    import datetime as dt

    assert json_value(dt.date(2026, 5, 4), "date") == "2026-05-04"
    assert json_value("7", "integer") == 7
    assert _cql_literal("l'école", "string") == "'l''école'"
    assert _cql_literal(12, "integer") == "12"


def test_server_words_of_an_error():
    html = Response("u", 500, b"<!doctype html><title>500 Internal Server Error</title><p>x</p>")
    assert _message(html) == "HTTP 500: 500 Internal Server Error"
    pygeoapi = Response("u", 500, b'{"code":"NoApplicableCode","description":"generic error"}')
    assert _message(pygeoapi) == "HTTP 500: generic error"
