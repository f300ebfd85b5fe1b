"""The OGC API Features side of an apply: what the collection is, what it holds, one write.

:meth:`OapifClient.describe` reads the collection (its ``storageCrs``, Part 2; default
CRS84), its schema (``/schema``, Part 5, else ``/queryables``, Part 3, else a sample of
items) and whether items may be created/replaced/deleted (``OPTIONS`` ``Allow``, Part 4)
into an :class:`OapifLayer`; :meth:`features` reads features by a property's values;
:meth:`create` / :meth:`replace` / :meth:`delete` write one item each (Part 4 has no batch).

Geometries are read (``crs=``) and written (``Content-Crs``) in the storage CRS, so what is
written is what is stored, with no reprojection on either side. ETag/If-Match: an item
answered with an ``ETag`` is written with ``If-Match`` (a 412 is a conflict).

Measured on pygeoapi 0.21.0's PostgreSQL provider (PostGIS 3.3, this project's
tests/support/oapif_server.py), each handled here or in oapif_apply.py:

- no ETag on items; OPTIONS answers ``Allow: HEAD, GET, PUT, DELETE`` on an item and
  ``…, POST`` on /items;
- PUT merges: properties left out of the body keep their value (so GeoGov always sends
  every writable property); PUT on an id that does not exist *creates* the item (204);
  PUT takes the id from the body, not the URL (a body id 999998 sent to /items/1 wrote
  item 999998): the body always carries the URL's id;
- DELETE of an id that does not exist answers 200;
- a CHECK or UNIQUE violation, a null geometry or an unknown property answers 500 (an HTML
  page, or ``{"code": "NoApplicableCode"}``) after rolling the item back;
- ``filter=<field> IN (…)`` works without ``filter-lang`` (``cql2-text`` is refused with
  400); property query parameters (``?identifiant=…``) work too. A server that ignores a
  filter would answer other features: every answer is checked against the values asked
  for, and such a server is asked one value at a time by query parameter.

And on QGIS Server 3.22's OGC API Features (``/wfs3``), which accepts POST, PUT, PATCH and
DELETE on a layer published for WFS-T:

- no ``storageCrs`` and ``crs=`` ignored: items are always CRS84 with 6 decimals, and a
  write with ``Content-Crs`` EPSG:2154 coordinates fails ("Geometry could not be
  transformed", 500): the collection is CRS84 (EPSG:4326 for the proposal);
- ``filter=`` is ignored (the first 10 features come back): caught by the check above;
  ``?identifiant=…`` works; ``/queryables`` has no properties (the schema comes from a
  sample, its ``fid`` recognised as the id it mirrors); OPTIONS answers 500;
- DELETE of a missing id answers 500 ("Invalid feature").

Every JSON answer is read through :class:`..json_expect.Expect`: a value of a wrong type
(features that are not a list, properties that are not an object, a JSON Schema ``type``
that is a number…) raises ``json.type`` naming its path, and an answer nesting more than
:data:`..xmlsafe.MAX_DEPTH` levels ``document.too_deep``, rather than a Python error.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Callable, Optional
from urllib.parse import quote, urlsplit

from ..errors import DocumentError, GeoGovError, NetworkError
from ..json_expect import EXPECT_ID, EXPECT_TYPE_NAME, Expect, child, is_number
from ..proposals.fingerprint import WrongValueType, coerce_value
from ..proposals.model import (
    BOOLEAN,
    DATE,
    DATETIME,
    INTEGER,
    REAL,
    STRING,
    FieldDef,
    PlainFeature,
    Schema,
)
from ..transport import Response
from ..xmlsafe import parse_json

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
GEOJSON = "application/geo+json"
FILTER_BATCH = 100
_EPSG_URI = re.compile(r"/def/crs/EPSG/[^/]+/(\d+)$", re.IGNORECASE)
_JSON_TYPES = {"integer": INTEGER, "number": REAL, "boolean": BOOLEAN, "string": STRING}
_GEOMETRY_FORMATS = {"geometry-point": "Point", "geometry-multipoint": "MultiPoint",
                     "geometry-linestring": "LineString",
                     "geometry-multilinestring": "MultiLineString",
                     "geometry-polygon": "Polygon", "geometry-multipolygon": "MultiPolygon"}


class OapifRefusal(GeoGovError):
    """The server answered a write with an error status: it says it did not write."""

    code = "oapif.refused"


class OapifConflict(GeoGovError):
    """412 Precondition Failed: the item changed since it was read (its ETag)."""

    code = "oapif.precondition_failed"


def crs_code(uri: str) -> str:
    """"EPSG:2154" for an OGC CRS URI, the text otherwise. CRS84 is "EPSG:4326": QGIS opens
    an OGC API Features layer in EPSG:4326 with longitude as x, which is CRS84's order,
    so a proposal made on such a layer has the collection's coordinates."""
    uri = (uri or "").strip()
    match = _EPSG_URI.search(uri)
    if match:
        return f"EPSG:{match.group(1)}"
    if uri.upper().endswith("CRS84"):
        return "EPSG:4326"
    return uri


@dataclass
class RemoteItem:
    id: object                          # the item id (the URL's last segment)
    attributes: dict
    geometry: Optional[bytes]
    etag: str = ""


@dataclass
class OapifLayer:
    url: str                            # the collection's URL
    collection: str
    schema: Schema                      # key: the id property when the schema names one
    storage_crs: str                    # URI
    id_field: str = ""                  # the property mirroring the item id (x-ogc-role id)
    operations: list = field(default_factory=list)   # insert / update / delete allowed
    etags: bool = False                 # items come with an ETag


def _message(response: Response) -> str:
    """The server's own words about an error answer, on one line."""
    text = response.content[:4000].decode("utf-8", "replace")
    try:
        data = json.loads(text)
        if isinstance(data, dict):
            text = str(data.get("description") or data.get("detail") or data.get("title")
                       or data.get("code") or text)
    except ValueError:
        title = re.search(r"<title>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
        if title:
            text = title.group(1)
    return f"HTTP {response.status}: " + " ".join(text.split())[:500]


def geometry_to_geojson(blob: Optional[bytes]):
    if blob is None:
        return None
    from osgeo import ogr

    geometry = ogr.CreateGeometryFromWkb(bytes(blob))
    if geometry is None:
        raise DocumentError("A geometry of the proposal cannot be read", code="apply.geometry")
    return json.loads(geometry.ExportToJson())


def geometry_from_geojson(data, path: str = "geometry", source: Optional[str] = None) -> Optional[bytes]:
    """ISO WKB of a GeoJSON geometry (None for null); ``path`` says where it is."""
    data = Expect(source).object_or_none(data, path)
    if not data:
        return None
    from osgeo import ogr

    try:
        geometry = ogr.CreateGeometryFromJson(json.dumps(data))
    except RuntimeError:         # GDAL with exceptions enabled
        geometry = None
    if geometry is None:
        raise DocumentError("The server sent a geometry that cannot be read",
                            code="oapif.geometry", source=source, path=path)
    return bytes(geometry.ExportToIsoWkb())


def json_value(value, field_type: str):
    """A proposal's value as the JSON the server gets."""
    try:
        value = coerce_value(value, field_type)
    except WrongValueType:
        return value
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).hex()
    return str(value)


class OapifClient:
    """Reads and writes one collection through a core ``transport``."""

    def __init__(self, landing: str, collection: str, *, transport, timeout: float = 300.0):
        self.landing = landing.rstrip("/")
        parts = urlsplit(self.landing)
        if parts.path.rstrip("/").endswith(f"/collections/{collection}"):
            self.url = self.landing
        else:
            self.url = f"{self.landing}/collections/{quote(collection, safe='')}"
        self.collection = collection
        self.transport = transport
        self.timeout = timeout
        self.requests = 0
        self.filter_mode = "filter"      # filter (CQL IN), query (?field=value), off

    # ------------------------------------------------------------------ plumbing
    def _send(self, method, url, *, params=None, data=None, headers=None, is_cancelled=None):
        self.requests += 1
        return self.transport.request(method, url, params=params, data=data, headers=headers,
                                      timeout=self.timeout, is_cancelled=is_cancelled)

    def _json(self, response: Response, what: str):
        if response.status >= 400:
            from ..transport import check_status

            check_status(response)
        document = _parsed(response)
        if document is None:
            raise DocumentError(f"The server's answer to {what} is not JSON",
                                code="oapif.not_json", source=response.url,
                                request=what)
        return document

    def item_url(self, item_id) -> str:
        return f"{self.url}/items/{quote(str(item_id), safe='')}"

    # ------------------------------------------------------------------ describe
    def describe(self, is_cancelled=None) -> OapifLayer:
        response = self._send("GET", self.url, params={"f": "json"}, is_cancelled=is_cancelled)
        expect = Expect(response.url)
        info = expect.object(self._json(response, "the collection"), "")
        storage = expect.text(info.get("storageCrs"), "storageCrs") or CRS84
        fields, geometry_type, id_field = self._schema(is_cancelled)
        schema = Schema(fields=fields, key=id_field, geometry_type=geometry_type,
                        crs=crs_code(storage), geometry_nullable=True)
        layer = OapifLayer(url=self.url, collection=self.collection, schema=schema,
                           storage_crs=storage, id_field=id_field)
        layer.operations = self._operations(is_cancelled)
        sample = self._items({"limit": "1"}, layer, is_cancelled)
        # ETags come with single items (a collection page has none).
        one = self.item(layer, sample[0].id, is_cancelled) if sample else None
        layer.etags = bool(one is not None and one.etag)
        if sample and (not geometry_type or geometry_type.lower() in ("geometry", "unknown")):
            schema.geometry_type = _geometry_type_of(sample[0].geometry)
        return layer

    def _schema(self, is_cancelled):
        """(fields, geometry type, id field) from /schema, else /queryables, else a sample."""
        for path in ("schema", "queryables"):
            response = self._send("GET", f"{self.url}/{path}", params={"f": "json"},
                                  is_cancelled=is_cancelled)
            if response.status == 200:
                # Not JSON, or no properties object: the next source says (a probe, as the
                # status is); a schema that is one has its types checked.
                data = _parsed(response)
                if isinstance(data, dict) and isinstance(data.get("properties"), dict):
                    return _fields_of(data, Expect(response.url))
        response = self._send("GET", f"{self.url}/items", params={"f": "json", "limit": "10"},
                              is_cancelled=is_cancelled)
        expect = Expect(response.url)
        data = expect.object(self._json(response, "items"), "")
        return _fields_from_sample(data.get("features"), expect)

    def _operations(self, is_cancelled) -> list:
        try:
            return self._allowed(is_cancelled)
        except NetworkError as exc:
            if exc.code != "http.failed":
                raise
            return []                   # a transport without OPTIONS: the writes will tell

    def _allowed(self, is_cancelled) -> list:
        ops = []
        response = self._send("OPTIONS", f"{self.url}/items", is_cancelled=is_cancelled)
        allow = {m.strip().upper() for m in response.headers.get("allow", "").split(",")}
        if response.status >= 400 or not allow - {""}:
            return []                   # not said: the writes will tell
        if "POST" in allow:
            ops.append("insert")
        sample = self._send("GET", f"{self.url}/items", params={"f": "json", "limit": "1"},
                            is_cancelled=is_cancelled)
        data = _parsed(sample) if sample.status < 400 else None
        first = None
        if data is not None:
            expect = Expect(sample.url)
            features = expect.objects(expect.object(data, "").get("features"), "features")
            first = _item_id(expect, features[0][1], "features[0]") if features else None
        if first is None:
            return ops + ["update", "delete"]
        item = self._send("OPTIONS", self.item_url(first), is_cancelled=is_cancelled)
        allow = {m.strip().upper() for m in item.headers.get("allow", "").split(",")}
        if item.status >= 400 or not allow - {""}:
            return ops + ["update", "delete"]
        if "PUT" in allow:
            ops.append("update")
        if "DELETE" in allow:
            ops.append("delete")
        return ops

    # ------------------------------------------------------------------ reading
    def _items(self, params, layer: OapifLayer, is_cancelled=None, selecting=False) -> list:
        """A page of items; ``selecting``: a 400 means the server does not take that
        selection (_FilterRefused), else it is an HTTP error like any other."""
        query = {"f": "json", "crs": layer.storage_crs}
        query.update(params)
        response = self._send("GET", f"{self.url}/items", params=query, headers={
            "Accept": GEOJSON}, is_cancelled=is_cancelled)
        if response.status == 400 and selecting:
            raise _FilterRefused(_message(response))
        expect = Expect(response.url)
        data = expect.object(self._json(response, "items"), "")
        return [self._item(expect, feature, layer, "", path)
                for path, feature in expect.items(data.get("features"), "features")]

    def _item(self, expect: Expect, feature, layer: OapifLayer, etag: str,
              path: str = "") -> RemoteItem:
        """A GeoJSON feature (at ``path`` in its answer) as a RemoteItem."""
        feature = expect.object(feature, path)
        item_id = _item_id(expect, feature, path)
        props = expect.object_or_none(feature.get("properties"), child(path, "properties")) or {}
        attributes = {}
        for f in layer.schema.fields:
            if f.name == layer.id_field:
                attributes[f.name] = item_id if "id" in feature else props.get(f.name)
            elif f.name in props:
                attributes[f.name] = props[f.name]
        return RemoteItem(item_id, attributes,
                          geometry_from_geojson(feature.get("geometry"), child(path, "geometry"),
                                                expect.source), etag)

    def item(self, layer: OapifLayer, item_id, is_cancelled=None) -> Optional[RemoteItem]:
        """One item by id (None when the server has none), with its ETag if offered."""
        response = self._send("GET", self.item_url(item_id), params={
            "f": "json", "crs": layer.storage_crs}, headers={"Accept": GEOJSON},
            is_cancelled=is_cancelled)
        if response.status == 404:
            return None
        data = self._json(response, "an item")
        return self._item(Expect(response.url), data, layer, response.headers.get("etag", ""))

    def features(self, layer: OapifLayer, field_name: str, values, *,
                 progress: Optional[Callable[[float], None]] = None,
                 is_cancelled=None) -> list:
        """Every item whose ``field_name`` is one of ``values`` (absent values: absent).

        By item id when the field is the id; else ``filter=<field> IN (…)`` in batches,
        falling back to ``?<field>=<value>`` one by one on a server that refuses the
        filter or ignores it (answers features with other values)."""
        values = list(dict.fromkeys(v for v in values if v is not None))
        definition = layer.schema.field(field_name)
        if definition is None:
            raise GeoGovError(f"{layer.collection} has no property {field_name}",
                              code="oapif.unknown_field", field=field_name)
        out = []
        if field_name == layer.id_field:
            for number, value in enumerate(values):
                found = self.item(layer, value, is_cancelled)
                if found is not None:
                    out.append(found)
                if progress is not None:
                    progress((number + 1) / len(values))
            return out
        wanted = {_canonical(v, definition.type) for v in values}
        start = 0
        while start < len(values):
            size = FILTER_BATCH if self.filter_mode == "filter" else 1
            chunk = values[start:start + size]
            try:
                found = self._by_values(layer, field_name, definition.type, chunk, is_cancelled)
            except _FilterRefused:
                if self.filter_mode == "query":
                    raise GeoGovError(f"{layer.collection} cannot be queried by {field_name}",
                                      code="oapif.no_key_query", field=field_name) from None
                self.filter_mode = "query"
                continue
            asked = {_canonical(v, definition.type) for v in chunk}
            if any(_canonical(f.attributes.get(field_name), definition.type) not in asked
                   for f in found):
                # The server ignored the selection and answered other features.
                if self.filter_mode == "query":
                    raise GeoGovError(f"{layer.collection} ignores queries by {field_name}",
                                      code="oapif.no_key_query", field=field_name)
                self.filter_mode = "query"
                continue
            out.extend(f for f in found
                       if _canonical(f.attributes.get(field_name), definition.type) in wanted)
            start += len(chunk)
            if progress is not None:
                progress(min(1.0, start / len(values)))
        if layer.etags:
            # The ETag of each item (what If-Match needs) comes only with the item itself.
            fresh = [self.item(layer, f.id, is_cancelled) for f in out]
            out = [f for f in fresh if f is not None]
        return out

    def _by_values(self, layer, field_name, field_type, chunk, is_cancelled) -> list:
        limit = str(2 * len(chunk) + 10)
        if self.filter_mode == "filter":
            literals = ",".join(_cql_literal(v, field_type) for v in chunk)
            params = {"filter": f'"{field_name}" IN ({literals})', "limit": limit}
        else:
            params = {field_name: str(json_value(chunk[0], field_type)), "limit": limit}
        return self._items(params, layer, is_cancelled, selecting=True)

    # ------------------------------------------------------------------ writing
    def body(self, layer: OapifLayer, attributes: dict, geometry, item_id=None) -> bytes:
        props = {}
        for f in layer.schema.fields:
            if f.name == layer.id_field or f.auto:
                continue
            if f.name in attributes:
                props[f.name] = json_value(attributes[f.name], f.type)
        feature = {"type": "Feature", "geometry": geometry_to_geojson(geometry),
                   "properties": props}
        if item_id is not None:
            feature["id"] = item_id
        # ASCII (JSON \u escapes): qgis_mapserver 3.22 never answers a POST whose UTF-8 body
        # holds a non-ASCII character (measured: "Iodure métallique" as UTF-8, no answer
        # within 10 s; the same escaped, 201 at once).
        return json.dumps(feature, ensure_ascii=True).encode("ascii")

    def _write_headers(self, layer: OapifLayer, etag: str = "") -> dict:
        headers = {"Content-Type": GEOJSON, "Content-Crs": f"<{layer.storage_crs}>"}
        if etag:
            headers["If-Match"] = etag
        return headers

    def _check_write(self, response: Response, what: str) -> None:
        if response.status == 412:
            raise OapifConflict(f"The item changed since it was read ({what})",
                                source=response.url, request=what)
        if response.status >= 400:
            raise OapifRefusal(_message(response), source=response.url, request=what,
                               status=response.status)

    def create(self, layer: OapifLayer, attributes: dict, geometry, item_id=None,
               is_cancelled=None):
        """POST one item; the id the server gave it (from ``Location``), else None.
        NetworkError: the outcome is unknown."""
        response = self._send("POST", f"{self.url}/items",
                              data=self.body(layer, attributes, geometry, item_id),
                              headers=self._write_headers(layer), is_cancelled=is_cancelled)
        self._check_write(response, "create")
        location = response.headers.get("location", "")
        return location.rstrip("/").rsplit("/", 1)[-1] if location else None

    def replace(self, layer: OapifLayer, item_id, attributes: dict, geometry, etag: str = "",
                is_cancelled=None) -> None:
        response = self._send("PUT", self.item_url(item_id),
                              data=self.body(layer, attributes, geometry, item_id),
                              headers=self._write_headers(layer, etag), is_cancelled=is_cancelled)
        self._check_write(response, "replace")

    def delete(self, layer: OapifLayer, item_id, etag: str = "", is_cancelled=None) -> None:
        headers = {"If-Match": etag} if etag else {}
        response = self._send("DELETE", self.item_url(item_id), headers=headers,
                              is_cancelled=is_cancelled)
        self._check_write(response, "delete")


class _FilterRefused(Exception):
    """400 to a selection: the server does not take that filter."""


def _canonical(value, field_type):
    try:
        value = coerce_value(value, field_type)
    except WrongValueType:
        pass
    return repr(value) if isinstance(value, (dict, list)) else value


def _cql_literal(value, field_type: str) -> str:
    value = json_value(value, field_type)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _parsed(response: Response):
    """The JSON of an answer; None when it is not JSON. A document nesting too deeply is
    refused (``document.too_deep``), not taken for "not JSON"."""
    try:
        return parse_json(response.content or b"", source=response.url)
    except DocumentError as error:
        if error.code == "document.too_deep":
            raise
        return None


def _item_id(expect: Expect, feature: dict, path: str):
    """A feature's ``id`` as sent (GeoJSON: a string or a number), None when it has none."""
    value = feature.get("id")
    if value is None or isinstance(value, str) or is_number(value):
        return value
    raise expect.wrong(value, child(path, "id"), EXPECT_ID)


def _fields_of(data: dict, expect: Optional[Expect] = None) -> tuple:
    """Fields from a JSON Schema (``/schema``, ``/queryables``): its ``properties``."""
    expect = expect or Expect()
    fields, geometry_type, id_field = [], "", ""
    for name, spec in data["properties"].items():
        path = child("properties", name)
        if isinstance(spec, bool):
            continue                      # a boolean schema (true: anything) says no type
        spec = expect.object(spec, path)
        role = expect.text(spec.get("x-ogc-role"), child(path, "x-ogc-role"))
        fmt = expect.text(spec.get("format"), child(path, "format"))
        if role == "primary-geometry" or fmt.startswith("geometry") or name == "geometry":
            geometry_type = _GEOMETRY_FORMATS.get(fmt, "")
            continue
        kind = spec.get("type", "string")
        if isinstance(kind, list):
            kinds = expect.texts(kind, child(path, "type"))
            kind = next((k for k in kinds if k != "null"), "string")
        elif not isinstance(kind, str):
            raise expect.wrong(kind, child(path, "type"), EXPECT_TYPE_NAME)
        field_type = _JSON_TYPES.get(kind, STRING)
        if field_type == STRING and fmt == "date":
            field_type = DATE
        elif field_type == STRING and fmt == "date-time":
            field_type = DATETIME
        definition = FieldDef(name, field_type, nullable=True)
        if role == "id":
            id_field = name
            definition.auto = True
            definition.nullable = False
        fields.append(definition)
    return fields, geometry_type, id_field


def _fields_from_sample(features, expect: Optional[Expect] = None) -> tuple:
    """Fields typed from sample values (``features``: an items answer's); an integer
    property equal to the item id in every sample is the id (QGIS Server 3.22 publishes a
    GeoPackage's fid so, and its /queryables lists no property)."""
    expect = expect or Expect()
    features = expect.objects(features, "features")
    types, mirrors = {}, None
    for path, feature in features:
        item_id = _item_id(expect, feature, path)
        props = expect.object_or_none(feature.get("properties"), child(path, "properties")) or {}
        same = {n for n, v in props.items() if isinstance(v, int) and not isinstance(v, bool)
                and str(v) == str(item_id)}
        mirrors = same if mirrors is None else mirrors & same
        for name, value in props.items():
            if value is None or name in types:
                continue
            types[name] = (BOOLEAN if isinstance(value, bool) else INTEGER
                           if isinstance(value, int) else REAL if isinstance(value, float)
                           else STRING)
    fields = [FieldDef(n, t) for n, t in types.items()]
    id_field = sorted(mirrors)[0] if mirrors and len(features) > 1 else ""
    for f in fields:
        if f.name == id_field:
            f.auto, f.nullable = True, False
    return fields, "", id_field


def _geometry_type_of(blob) -> str:
    if blob is None:
        return ""
    from ..proposals import wkb

    parsed = wkb.parse(blob)
    return wkb.type_name(parsed) if parsed is not None else ""


def as_plain(item: Optional[RemoteItem], key: str) -> Optional[PlainFeature]:
    if item is None:
        return None
    return PlainFeature(key=item.attributes.get(key), attributes=item.attributes,
                        geometry=item.geometry)
