"""JSON of the wrong type, read by the core's JSON readers: a ``json.type`` DocumentError
naming where (``path``) and what was expected, never a Python error and never a value read
in place of another (plugin/json_expect.py).

The documents are real ones mutated: the OGC API Records 1.0 example record (shared data)
and a demo record as the demo SDI serves it (tests/sdi/oarec.py: contacts with e-mails,
phones and addresses), and answers captured from this project's OGC API Features servers
(tests/unit/test_oapif_schema.py).
"""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from geogov.plugin.catalogue import documents, ogcapi_records
from geogov.plugin.catalogue.ogcapi_records_client import ItemsRequest, OgcApiRecordsClient
from geogov.plugin.catalogue.search_notes import RECORD_UNREADABLE, Note
from geogov.plugin.errors import DocumentError, GeoGovError
from geogov.plugin.json_expect import (
    EXPECT_BOX,
    EXPECT_ID,
    EXPECT_INTEGER,
    EXPECT_LIST,
    EXPECT_OBJECT,
    EXPECT_OBJECT_OR_NULL,
    EXPECT_OBJECTS,
    EXPECT_POSITION,
    EXPECT_STRING,
    EXPECT_STRING_OR_OBJECT,
    EXPECT_STRINGS,
    EXPECT_TYPE_NAME,
    EXPECTED_WORDS,
    FOUND_WORDS,
)
from geogov.plugin.proposals.model import FieldDef, Schema
from geogov.plugin.publishing.oapif_client import (
    OapifClient,
    OapifLayer,
    _fields_from_sample,
    _fields_of,
)
from geogov.plugin.transport import Response
from geogov.tests.sdi import oarec
from geogov.tests.sdi.datasets import DATASETS

RECORD = "ogc/ogcapi/ogcapi-records__record.json"


@pytest.fixture(scope="module")
def woudc(shared_data):
    return json.loads((shared_data / RECORD).read_text(encoding="utf-8"))


def demo():
    dataset = DATASETS[0]
    return oarec.record(dataset, dt.date(2026, 11, 22), "http://127.0.0.1:8601/ows",
                        (1.44, 48.11, 3.55, 49.24), "http://127.0.0.1:8602/csw?id=x")


def setter(*steps):
    """A mutation: the value at ``steps`` (keys and indexes) set to the last argument."""
    *keys, value = steps

    def apply(document):
        target = document
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value
    return apply


P = "properties"
# base document, mutation, expected path, expected word
CASES = [
    ("demo", setter(P, "contacts", 5), "properties.contacts", EXPECT_OBJECTS),
    ("demo", setter(P, "contacts", 0, "nobody"), "properties.contacts[0]", EXPECT_OBJECT),
    ("demo", setter(P, "contacts", 2, "roles", [1, 2]), "properties.contacts[2].roles[0]",
     EXPECT_STRING),
    ("demo", setter(P, "contacts", 2, "roles", 7), "properties.contacts[2].roles",
     EXPECT_STRINGS),
    ("demo", setter(P, "contacts", 1, "emails", "sig@example.org"),
     "properties.contacts[1].emails", EXPECT_LIST),
    ("demo", setter(P, "contacts", 1, "emails", [42]), "properties.contacts[1].emails[0]",
     EXPECT_STRING_OR_OBJECT),
    ("demo", setter(P, "contacts", 1, "emails", 0, "value", ["a@example.org"]),
     "properties.contacts[1].emails[0].value", EXPECT_STRING),
    ("demo", setter(P, "contacts", 0, "phones", {"value": "+33 1"}),
     "properties.contacts[0].phones", EXPECT_LIST),
    ("demo", setter(P, "contacts", 0, "addresses", "Paris"), "properties.contacts[0].addresses",
     EXPECT_OBJECTS),
    ("demo", setter(P, "contacts", 0, "addresses", 0, "deliveryPoint", 12),
     "properties.contacts[0].addresses[0].deliveryPoint", EXPECT_STRINGS),
    ("demo", setter(P, "contacts", 0, "addresses", 0, "city", ["Paris"]),
     "properties.contacts[0].addresses[0].city", EXPECT_STRING_OR_OBJECT),
    ("demo", setter(P, "contacts", 0, "links", {"href": "https://x.org"}),
     "properties.contacts[0].links", EXPECT_OBJECTS),
    ("demo", setter(P, "contacts", 0, "links", 0, "href", 5),
     "properties.contacts[0].links[0].href", EXPECT_STRING),
    ("demo", setter(P, "contacts", 0, "organization", True),
     "properties.contacts[0].organization", EXPECT_STRING_OR_OBJECT),
    ("woudc", setter("links", 5), "links", EXPECT_OBJECTS),
    ("woudc", setter("links", 1, "https://geo.woudc.org/ows"), "links[1]", EXPECT_OBJECT),
    ("woudc", setter("links", 1, "href", ["https://geo.woudc.org/ows"]), "links[1].href",
     EXPECT_STRING),
    ("woudc", setter("links", 1, "rel", 3), "links[1].rel", EXPECT_STRING),
    ("woudc", setter("links", 3, "type", {"media": "image/png"}), "links[3].type",
     EXPECT_STRING),
    ("woudc", setter("links", 3, "title", 12), "links[3].title", EXPECT_STRING_OR_OBJECT),
    ("woudc", setter(P, "keywords", 5), "properties.keywords", EXPECT_STRINGS),
    ("woudc", setter(P, "keywords", "ozone"), "properties.keywords", EXPECT_STRINGS),
    ("woudc", setter(P, "keywords", 1, 1924), "properties.keywords[1]",
     EXPECT_STRING_OR_OBJECT),
    ("woudc", setter(P, "themes", 5), "properties.themes", EXPECT_OBJECTS),
    ("woudc", setter(P, "themes", 1, "pollution"), "properties.themes[1]", EXPECT_OBJECT),
    ("woudc", setter(P, "themes", 0, "concepts", 9), "properties.themes[0].concepts",
     EXPECT_LIST),
    ("woudc", setter(P, "themes", 0, "concepts", 2, 9), "properties.themes[0].concepts[2]",
     EXPECT_STRING_OR_OBJECT),
    ("woudc", setter(P, "themes", 1, "concepts", 0, "id", 9),
     "properties.themes[1].concepts[0].id", EXPECT_STRING),
    ("woudc", setter(P, "language", 5), "properties.language", EXPECT_STRING_OR_OBJECT),
    ("woudc", setter(P, "language", "code", ["en"]), "properties.language.code",
     EXPECT_STRING),
    ("woudc", setter(P, "title", ["Total", "Ozone"]), "properties.title",
     EXPECT_STRING_OR_OBJECT),
    ("woudc", setter(P, "created", 2021), "properties.created", EXPECT_STRING),
    ("woudc", setter(P, "type", {"code": "dataset"}), "properties.type", EXPECT_STRING),
    ("woudc", setter(P, "license", 0), "properties.license", EXPECT_STRING_OR_OBJECT),
    ("woudc", setter(P, "externalIds", "urn:x"), "properties.externalIds", EXPECT_LIST),
    ("woudc", setter(P, "externalIds", 0, 12), "properties.externalIds[0]",
     EXPECT_STRING_OR_OBJECT),
    ("woudc", setter(P, "providers", 5), "properties.providers", EXPECT_LIST),
    ("woudc", setter(P, "providers", [["WOUDC"]]), "properties.providers[0]",
     EXPECT_STRING_OR_OBJECT),
    ("woudc", setter(P, "providers", [{"name": "WOUDC", "roles": 3}]),
     "properties.providers[0].roles", EXPECT_STRINGS),
    ("woudc", setter("id", {"urn": "x"}), "id", EXPECT_ID),
    ("woudc", setter(P, []), "properties", EXPECT_OBJECT),
    ("woudc", setter("geometry", "POLYGON((0 0, 1 0, 1 1, 0 0))"), "geometry",
     EXPECT_OBJECT_OR_NULL),
    ("woudc", setter("geometry", "coordinates", 5), "geometry.coordinates", EXPECT_LIST),
    ("woudc", setter("geometry", "coordinates", 0, 2, [180, "90"]),
     "geometry.coordinates[0][2]", EXPECT_POSITION),
    ("woudc", setter("geometry", "coordinates", 0, 2, [True, False]),
     "geometry.coordinates[0][2]", EXPECT_POSITION),
    ("woudc", setter("geometry", "coordinates", 0, 1, 90), "geometry.coordinates[0][1]",
     EXPECT_POSITION),
    ("woudc", setter("geometry", "coordinates", [[[[[0, 0]]]]]),
     "geometry.coordinates[0][0][0]", EXPECT_POSITION),
    ("woudc", setter("geometry", "geometries", 7), "geometry.geometries", EXPECT_OBJECTS),
]
# With no geometry, the bbox comes from properties.extent.
EXTENT_CASES = [
    (5, "properties.extent", EXPECT_OBJECT_OR_NULL),
    ({"spatial": [1, 2, 3, 4]}, "properties.extent.spatial", EXPECT_OBJECT_OR_NULL),
    ({"spatial": {"bbox": 5}}, "properties.extent.spatial.bbox", EXPECT_LIST),
    ({"spatial": {"bbox": [[2.0, 48.3, 2.6]]}}, "properties.extent.spatial.bbox[0]", EXPECT_BOX),
    ({"spatial": {"bbox": [[2.0, 48.3, "2.6", 48.8]]}}, "properties.extent.spatial.bbox[0]",
     EXPECT_BOX),
    ({"spatial": {"bbox": [[2.0, 48.3, 2.6, 48.8], "world"]}},
     "properties.extent.spatial.bbox[1]", EXPECT_BOX),
    ({"spatial": {"bbox": [2.0, 48.3, 2.6]}}, "properties.extent.spatial.bbox", EXPECT_BOX),
]


def refused(document, source="inline") -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        ogcapi_records.parse_record(document, source)
    return caught.value


@pytest.mark.parametrize("base, mutate, path, expected", CASES,
                         ids=[f"{c[2]}={c[3]}" for c in CASES])
def test_a_record_of_a_wrong_type_is_refused_naming_where(woudc, base, mutate, path, expected):
    document = copy.deepcopy(woudc) if base == "woudc" else demo()
    ogcapi_records.parse_record(copy.deepcopy(document))         # the original reads
    mutate(document)
    error = refused(document)
    assert (error.code, error.params["path"], error.params["expected"]) == (
        "json.type", path, expected)
    assert error.params["found"] in FOUND_WORDS
    assert error.source == "inline" and path in str(error)


@pytest.mark.parametrize("extent, path, expected", EXTENT_CASES,
                         ids=[c[1] + "=" + json.dumps(c[0]) for c in EXTENT_CASES])
def test_an_extent_of_a_wrong_shape_is_refused(woudc, extent, path, expected):
    document = copy.deepcopy(woudc)
    document["geometry"] = None
    document["properties"]["extent"] = extent
    error = refused(document)
    assert (error.code, error.params["path"], error.params["expected"]) == (
        "json.type", path, expected)


def test_every_expected_word_of_the_cases_is_a_known_word():
    used = {c[3] for c in CASES} | {c[2] for c in EXTENT_CASES}
    assert used <= set(EXPECTED_WORDS)


def read(document):
    return ogcapi_records.parse_record(document, "inline")


def test_forms_the_standard_or_the_drafts_allow_are_read(woudc):
    document = demo()
    contact = document["properties"]["contacts"][1]
    contact["roles"] = "custodian"                               # one role as a string
    contact["emails"] = ["sig@example.org"]                      # plain strings
    contact["addresses"][0]["deliveryPoint"] = "2 rue Simone Veil"
    document["properties"]["title"] = {"fr": "Aménagements", "en": "Cycle paths"}
    document["properties"]["language"] = "fr"
    document["id"] = 1234                                        # GeoJSON: a number
    document["links"].append({"rel": "describedby"})             # no href: nothing to open
    record = read(document)
    party = [p for p in record.parties if p.role_raw == "custodian"][0]
    assert (party.email, party.address.split(", ")[0]) == ("sig@example.org",
                                                           "2 rue Simone Veil")
    assert (record.title, record.language, record.identifier) == ("Aménagements", "fr", "1234")
    assert len(record.links) == len(read(demo()).links)

    document = copy.deepcopy(woudc)
    document["geometry"] = None
    document["properties"]["themes"][0]["concepts"] = ["dobson", None]   # pygeoapi pre-1.0
    document["properties"]["contacts"] = None
    document["properties"]["extent"] = {"spatial": {"bbox": [-10, 40, -5, 0, 50, 100]}}
    record = read(document)
    assert "dobson" in record.keywords and record.parties == []
    assert record.bbox == (-10.0, 40.0, 0.0, 50.0)       # a lone 3D box: z left out


def items_page(*features, **members):
    return {"type": "FeatureCollection", "features": list(features), **members}


def test_a_page_keeps_its_readable_records_and_says_which_one_it_left_out(woudc):
    bad = demo()
    bad["properties"]["contacts"][2]["roles"] = [3]
    page = ogcapi_records.parse_items(items_page(copy.deepcopy(woudc), bad, demo(),
                                                 numberMatched=3), "https://x.org/items")
    assert [r.identifier for r in page.records] == [woudc["id"], demo()["id"]]
    assert page.notes == [Note(RECORD_UNREADABLE, {
        "index": 2, "code": "json.type", "path": "features[1].properties.contacts[2].roles[0]",
        "expected": EXPECT_STRING, "found": "a number"})]


@pytest.mark.parametrize("members, path, expected", [
    ({"numberMatched": "308"}, "numberMatched", EXPECT_INTEGER),
    ({"numberReturned": 2.5}, "numberReturned", EXPECT_INTEGER),
    ({"links": {"next": "https://x.org/items?offset=10"}}, "links", EXPECT_OBJECTS),
    ({"links": [{"rel": "next", "href": 10}]}, "links[0].href", EXPECT_STRING),
])
def test_a_page_whose_own_members_are_wrong_fails(members, path, expected):
    with pytest.raises(DocumentError) as caught:
        ogcapi_records.parse_items(items_page(demo(), **members))
    assert (caught.value.code, caught.value.params["path"], caught.value.params["expected"]) \
        == ("json.type", path, expected)


def test_the_search_client_shows_the_other_records_and_counts_the_one_left_out():
    bad = demo()
    bad["links"] = "https://geo.example.org"
    body = json.dumps(items_page(demo(), bad, numberMatched=5, numberReturned=2)).encode()
    client = OgcApiRecordsClient("https://x.org/collections/metadata", transport=object())
    request = ItemsRequest(url="https://x.org/collections/metadata/items", params={}, start=0,
                           limit=2, notes=[])
    result = client.read(request, Response(request.url, 200, body))
    assert [r.identifier for r in result.records] == [demo()["id"]]
    # Both records took a place on the server's page: the next page starts after them.
    assert (result.returned, result.matched, result.next_start) == (1, 5, 2)
    [note] = result.notes
    assert (note.code, note.params["index"], note.params["path"]) == (
        RECORD_UNREADABLE, 2, "features[1].links")


def test_the_other_records_documents_name_where(shared_data):
    folder = shared_data / "ogc" / "ogcapi"

    def refused_document(name, mutate):
        document = json.loads((folder / name).read_text(encoding="utf-8"))
        documents.read_json(copy.deepcopy(document), name)          # the original reads
        mutate(document)
        with pytest.raises(DocumentError) as caught:
            documents.read_json(document, name)
        return caught.value.code, caught.value.params["path"], caught.value.params["expected"]

    conformance = "ogcapi-records__conformance.json"
    assert refused_document(conformance, setter("conformsTo", 1, 7)) == (
        "json.type", "conformsTo[1]", EXPECT_STRING)
    landing = "ogcapi-records__landingPage.json"
    assert refused_document(landing, setter("links", 2, ["conformance"])) == (
        "json.type", "links[2]", EXPECT_OBJECT)
    assert refused_document(landing, setter("links", 0, "title", 4)) == (
        "json.type", "links[0].title", EXPECT_STRING_OR_OBJECT)
    collection = "ogcclient__pygeoapi-dutch-metadata-collection.json"
    assert refused_document(collection, setter("extent", "spatial", "bbox", [[3.37, 50.75]])) \
        == ("json.type", "extent.spatial.bbox[0]", EXPECT_BOX)
    assert refused_document(collection, setter("keywords", {"nl": "metadata"})) == (
        "json.type", "keywords", EXPECT_STRINGS)
    catalog = "ogcapi-records__catalog.json"
    listing = json.loads((folder / catalog).read_text(encoding="utf-8"))
    with pytest.raises(DocumentError) as caught:
        documents.read_json({"collections": [listing, {**listing, "contacts": {}}]}, "list")
    assert (caught.value.params["path"], caught.value.params["expected"]) == (
        "collections[1].contacts", EXPECT_OBJECTS)
    with pytest.raises(DocumentError) as caught:
        ogcapi_records.queryable_names({"properties": ["id", "title"]})
    assert (caught.value.params["path"], caught.value.params["expected"]) == (
        "properties", EXPECT_OBJECT_OR_NULL)
    with pytest.raises(DocumentError) as caught:
        ogcapi_records.conformance_classes(["http://www.opengis.net/spec/x"])
    assert (caught.value.params["path"], caught.value.params["expected"]) == ("", EXPECT_OBJECT)


def test_every_good_ogcapi_document_still_reads_without_problems(shared_data):
    """The corpus's OGC API documents (the invalid excerpt aside) read as before: no error,
    no record left out (tests/unit/test_parsers_ogcapi.py checks what they read)."""
    read_ok = 0
    for path in sorted((shared_data / "ogc" / "ogcapi").glob("*.json")):
        if path.name == "ogcapi-records__records.json":      # an excerpt with "…": not JSON
            continue
        document = documents.read_file(path)
        assert document.result is None or document.result.notes == [], path.name
        read_ok += 1
    assert read_ok == 9
    for dataset in DATASETS:                     # what the demo SDI's pygeoapi serves
        record = ogcapi_records.parse_record(oarec.record(
            dataset, dt.date(2026, 11, 22), "http://127.0.0.1:8601/ows",
            (1.44, 48.11, 3.55, 49.24), "http://x/iso"), dataset.id)
        assert record.parties and record.links and record.bbox


# ----------------------------------------------------------------------- OGC API Features

class Server:
    """Answers by (method, path suffix); what is not listed answers 404."""

    def __init__(self, answers):
        self.answers = answers

    def request(self, method, url, **kwargs):
        for (verb, suffix), (status, body) in self.answers.items():
            if verb == method and url.endswith(suffix):
                content = body if isinstance(body, bytes) else json.dumps(body).encode()
                return Response(url, status, content)
        return Response(url, 404, b"")


LANDING = "https://api.example.org/ogc"
FEATURE = {"type": "Feature", "id": "1", "geometry": {"type": "Point", "coordinates": [2.4, 48.8]},
           "properties": {"identifiant": "EP-94-000001", "puissance_w": 60}}
LAYER = OapifLayer(url=f"{LANDING}/collections/eclairage", collection="eclairage",
                   schema=Schema(fields=[FieldDef("identifiant", "string"),
                                         FieldDef("puissance_w", "integer")],
                                 key="identifiant"),
                   storage_crs="http://www.opengis.net/def/crs/OGC/1.3/CRS84")


def features_refused(items):
    client = OapifClient(LANDING, "eclairage", transport=Server({("GET", "/items"): (200, items)}))
    with pytest.raises(DocumentError) as caught:
        client.features(LAYER, "identifiant", ["EP-94-000001"])
    return caught.value


@pytest.mark.parametrize("mutate, path, expected", [
    (setter("features", 5), "features", EXPECT_LIST),
    (setter("features", 0, "EP-94-000001"), "features[0]", EXPECT_OBJECT),
    (setter("features", 0, "properties", [60]), "features[0].properties", EXPECT_OBJECT_OR_NULL),
    (setter("features", 0, "geometry", "POINT(2.4 48.8)"), "features[0].geometry",
     EXPECT_OBJECT_OR_NULL),
    (setter("features", 0, "id", ["1"]), "features[0].id", EXPECT_ID),
])
def test_features_of_a_wrong_type_are_refused_naming_where(mutate, path, expected):
    items = {"type": "FeatureCollection", "features": [copy.deepcopy(FEATURE)]}
    client = OapifClient(LANDING, "eclairage", transport=Server({("GET", "/items"): (200, items)}))
    [found] = client.features(LAYER, "identifiant", ["EP-94-000001"])
    assert found.attributes == FEATURE["properties"]
    mutate(items)
    error = features_refused(items)
    assert (error.code, error.params["path"], error.params["expected"]) == (
        "json.type", path, expected)


def test_an_answer_that_is_not_an_object_or_a_geometry_that_is_none():
    error = features_refused([FEATURE])
    assert (error.code, error.params["path"], error.params["expected"]) == (
        "json.type", "", EXPECT_OBJECT)
    broken = {**FEATURE, "geometry": {"type": "Point", "coordinates": "2.4 48.8"}}
    error = features_refused({"type": "FeatureCollection", "features": [broken]})
    assert (error.code, error.params["path"]) == ("oapif.geometry", "features[0].geometry")


def test_a_collection_and_its_schema_of_wrong_types():
    collection = {"id": "eclairage", "storageCrs": {"crs": "EPSG:2154"}}
    client = OapifClient(LANDING, "eclairage",
                         transport=Server({("GET", "/eclairage"): (200, collection)}))
    with pytest.raises(DocumentError) as caught:
        client.describe()
    assert (caught.value.params["path"], caught.value.params["expected"]) == (
        "storageCrs", EXPECT_STRING)
    schema = {"type": "object", "properties": {"fid": {"type": "integer", "x-ogc-role": "id"},
                                               "puissance_w": {"type": 5}}}
    with pytest.raises(DocumentError) as caught:
        _fields_of(schema)
    assert (caught.value.params["path"], caught.value.params["expected"]) == (
        "properties.puissance_w.type", EXPECT_TYPE_NAME)
    schema["properties"]["puissance_w"] = ["integer"]
    with pytest.raises(DocumentError) as caught:
        _fields_of(schema)
    assert caught.value.params["path"] == "properties.puissance_w"
    schema["properties"]["puissance_w"] = {"type": ["integer", "null"], "format": 3}
    with pytest.raises(DocumentError) as caught:
        _fields_of(schema)
    assert caught.value.params["path"] == "properties.puissance_w.format"
    with pytest.raises(DocumentError) as caught:
        _fields_from_sample([FEATURE, None])
    assert caught.value.params["path"] == "features[1]"
    # A boolean schema (JSON Schema: true accepts anything) is no field, as before.
    schema["properties"]["puissance_w"] = True
    assert [f.name for f in _fields_of(schema)[0]] == ["fid"]


# ----------------------------------------------------------------------- connections file

def test_a_connections_file_of_wrong_types_names_the_entry():
    from geogov.plugin.catalogue.connections import FILE_FORMAT, import_connections

    def imported(entry):
        return import_connections(json.dumps({"format": FILE_FORMAT, "version": 1,
                                              "connections": [{"url": "https://x/csw"}, entry]})
                                  .encode(), "connections.json")

    for key, value in (("name", ["GEO IDF"]), ("url", {"href": "https://x/csw"}),
                       ("kind", 1), ("authcfg", 12), ("version", ["2.0.2"])):
        with pytest.raises(DocumentError) as caught:
            imported({"name": "GEO IDF", "url": "https://geo/csw", key: value})
        assert (caught.value.code, caught.value.params["path"]) == (
            "json.type", f"connections[1].{key}")
    # JSON's Infinity as a timeout: the default, as for any unusable timeout.
    data = (b'[{"name": "GEO IDF", "url": "https://geo/csw", "version": 2.0, '
            b'"timeout": Infinity}]')
    [connection] = import_connections(data, "settings")
    assert (connection.version, connection.timeout) == ("2.0.2", 30)


# ----------------------------------------------------------------------- every node, every kind

KINDS = (7, -1.5, True, None, "text", "", [], [3], ["a", "b"], [[1, 2]], {}, {"en": 4},
         {"value": "x", "href": 1})


def node_paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from node_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):          # a list's first items stand for all
            yield from node_paths(item, (*path, index))


def mutations(document):
    for path in node_paths(document):
        for kind in KINDS:
            mutated = copy.deepcopy(document)
            if not path:
                yield path, kind
                continue
            target = mutated
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = kind
            yield path, mutated


def only_document_errors(read, document) -> int:
    """Read every mutation of ``document``; any exception but the project's own fails."""
    count = 0
    for path, mutated in mutations(document):
        try:
            read(mutated)
        except GeoGovError as error:
            assert error.code and error.params is not None
        except Exception as error:
            raise AssertionError(f"{type(error).__name__} at {path}: {error}") from error
        count += 1
    return count


def test_no_mutation_of_a_real_record_ends_in_a_python_error(woudc, shared_data):
    assert only_document_errors(read, woudc) > 1000
    assert only_document_errors(read, demo()) > 1000
    folder = shared_data / "ogc" / "ogcapi"
    for name in ("ogcclient__pygeoapi-dutch-metadata-items.json",
                 "ogcclient__pygeoapi-dutch-metadata-collection.json",
                 "ogcapi-records__catalog.json", "ogcapi-records__landingPage.json",
                 "ogcapi-records__conformance.json", "ogcapi-records__sortables.json"):
        document = json.loads((folder / name).read_text(encoding="utf-8"))
        if "features" in document:
            document["features"] = document["features"][:2]
        assert only_document_errors(lambda d, name=name: documents.read_json(d, name),
                                    document) > 50


def test_no_mutation_of_a_feature_or_a_schema_ends_in_a_python_error():
    from geogov.tests.unit.test_oapif_schema import PYGEOAPI_SCHEMA, QGIS_SERVER_ITEMS

    def features(items):
        client = OapifClient(LANDING, "eclairage",
                             transport=Server({("GET", "/items"): (200, items)}))
        client.features(LAYER, "identifiant", ["EP-94-000001"])

    assert only_document_errors(features, {"type": "FeatureCollection",
                                           "features": QGIS_SERVER_ITEMS}) > 100
    assert only_document_errors(
        lambda d: _fields_of(d) if isinstance(d, dict) and isinstance(
            d.get("properties"), dict) else None, PYGEOAPI_SCHEMA) > 100
    assert only_document_errors(
        lambda d: _fields_from_sample(d.get("features")) if isinstance(d, dict) else None,
        {"features": QGIS_SERVER_ITEMS}) > 100
