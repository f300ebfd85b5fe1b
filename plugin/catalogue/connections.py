"""Catalogue connections: the model, kind detection from a URL, import/export as a file.

A connection names a catalogue endpoint: a CSW (2.0.2 or 3.0) or an OGC API Records
collection. Credentials are never part of it: ``authcfg`` names a QGIS authentication
configuration, which the bridge's network transport applies. The bridge stores these in
QgsSettings (plugin/bridge/settings.py keeps the same fields).

Files: GeoGov's own JSON (``{"format": "geogov-catalogue-connections", "version": 1,
"connections": [...]}``), and MetaSearch's XML export (``<qgsCSWConnections>`` with
``<csw name=… url=…/>``, QGIS's CSW connection exchange format) on import.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Optional
from urllib.parse import urlsplit

from ..errors import Cancelled, DocumentError, GeoGovError
from ..xmlsafe import exception_report, local_name, looks_like_html, namespace, parse_json, parse_xml
from .csw_requests import CSW30, CSW202, base_url, normalise_version, with_params
from .model import Exchange
from .ogcapi_records_client import JSON_ACCEPT, collection_url_of

CSW = "csw"
OGCAPI_RECORDS = "ogcapi-records"
KINDS = (CSW, OGCAPI_RECORDS)
FILE_FORMAT = "geogov-catalogue-connections"
FILE_VERSION = 1


@dataclass
class CatalogueConnection:
    name: str
    url: str
    kind: str = CSW              # "csw" or "ogcapi-records"
    version: str = ""            # "2.0.2" / "3.0.0" for CSW; "" = detect / server's choice
    authcfg: str = ""            # QGIS authentication configuration id (never a password)
    timeout: int = 30

    def to_dict(self, include_authcfg: bool = True) -> dict:
        data = asdict(self)
        if not include_authcfg:
            data.pop("authcfg")
        return data

    @classmethod
    def from_mapping(cls, data, source: Optional[str] = None) -> CatalogueConnection:
        """Build from a dict (settings JSON, an imported file) or any object with the fields."""
        if not isinstance(data, dict):
            data = {f.name: getattr(data, f.name) for f in fields(cls) if hasattr(data, f.name)}
        url = str(data.get("url") or "").strip()
        check_url(url, source)
        kind = str(data.get("kind") or CSW)
        if kind not in KINDS:
            raise DocumentError(f"Unknown catalogue kind {kind!r}",
                                code="connections.kind_unknown", source=source, kind=kind)
        version = str(data.get("version") or "")
        if kind == CSW and version:
            try:
                version = normalise_version(version)
            except ValueError:
                raise DocumentError(f"Unsupported CSW version {version!r}",
                                    code="connections.version_unknown", source=source,
                                    version=version) from None
        try:
            timeout = int(data.get("timeout") or 30)
        except (TypeError, ValueError):
            timeout = 30
        return cls(name=str(data.get("name") or url).strip(), url=url, kind=kind,
                   version=version if kind == CSW else "",
                   authcfg=str(data.get("authcfg") or ""), timeout=max(1, timeout))


def check_url(url: str, source: Optional[str] = None) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise DocumentError(f"Not an http(s) URL: {url!r}", code="connections.url_invalid",
                            source=source or url, url=url)


# ----------------------------------------------------------------------------- detection


@dataclass
class DetectedCatalogue:
    """What answered at a URL."""

    kind: str
    url: str                       # the endpoint to store: CSW base URL / records collection
    version: str = ""              # CSW: the version the server prefers
    versions: tuple = ()           # CSW: every version offered
    title: str = ""
    collections: list = field(default_factory=list)   # OGC API: [(id, title, url)] of records
    exchange: Optional[Exchange] = None

    def connection(self, name: str = "", authcfg: str = "", timeout: int = 30):
        return CatalogueConnection(name=name or self.title or self.url, url=self.url,
                                   kind=self.kind, version=self.version, authcfg=authcfg,
                                   timeout=timeout)


def detect_catalogue(url: str, *, transport=None, timeout: float = 30.0,
                     is_cancelled=None) -> DetectedCatalogue:
    """Find out whether ``url`` is a CSW or an OGC API Records landing page/collection.

    The URL is read as given first (JSON preferred, so an OGC API server answers with its
    JSON rather than its HTML page); CSW capabilities, an OGC API landing page, a
    collection or an items page are recognised. A bare CSW endpoint usually answers an
    exception report ("missing service parameter"): GetCapabilities is then asked.

    Errors: the transport's ``http.*`` codes, ``ows.exception`` (an exception report
    from GetCapabilities too), ``catalogue.html_page`` (only a web page at this address),
    ``catalogue.unknown_kind`` (a document that is neither), ``catalogue.no_records``
    (an OGC API without a records collection).
    """
    from ..transport import RequestsTransport, check_status

    check_url(url)
    transport = transport or RequestsTransport()
    query = urlsplit(url).query.lower()
    if "service=csw" in query or "request=getcapabilities" in query:
        return _csw_capabilities(url, transport, timeout, is_cancelled)
    response = transport.request("GET", url, headers={"Accept": JSON_ACCEPT + ", application/xml;q=0.8"},
                                 timeout=timeout, is_cancelled=is_cancelled)
    exchange = _exchange("GET", response)
    content = response.content or b""
    head = content.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head in (b"{", b"["):
        try:
            document = parse_json(content, source=response.url)
        except GeoGovError as error:
            error.exchange = exchange
            raise
        if response.status >= 400:
            check_status(response)
        return _ogcapi(document, url, transport, timeout, is_cancelled, exchange)
    if head == b"<" and not looks_like_html(content):
        root = None
        try:
            root = parse_xml(content, source=response.url)
        except GeoGovError as error:
            error.exchange = exchange
            raise
        detected = _csw_from_root(root, url, exchange)
        if detected is not None:
            return detected
        # An exception report or another XML document: ask a CSW for its capabilities.
        return _csw_capabilities(url, transport, timeout, is_cancelled, first=exchange,
                                 first_error=_first_error(response, root))
    if response.status >= 400:
        try:
            check_status(response)
        except GeoGovError as error:
            error.exchange = exchange
            raise
    if looks_like_html(content):
        # OGC API servers show HTML to browsers; some only give JSON when asked with f=json.
        try:
            return _ogcapi_json(with_params(url, f="json"), url, transport, timeout,
                                is_cancelled)
        except Cancelled:
            raise       # the user's cancel is not "only a web page"
        except GeoGovError:
            pass
        try:
            return _csw_capabilities(url, transport, timeout, is_cancelled)
        except Cancelled:
            raise
        except GeoGovError:
            pass
        error = DocumentError("Only a web page answers at this address: neither a CSW nor "
                              "an OGC API Records catalogue", code="catalogue.html_page",
                              source=url, url=url)
        error.exchange = exchange
        raise error
    error = DocumentError("The address answered with a document that is neither CSW "
                          "capabilities nor an OGC API landing page or collection",
                          code="catalogue.unknown_kind", source=url, url=url,
                          content_type=response.content_type)
    error.exchange = exchange
    raise error


def _exchange(method, response, body=b"") -> Exchange:
    return Exchange(method=method, url=response.url, body=body, status=response.status,
                    response=response.content, content_type=response.content_type)


def _first_error(response, root):
    report = exception_report(root)
    if report is not None:
        report.source = response.url
    return report


def _csw_from_root(root, url, exchange) -> Optional[DetectedCatalogue]:
    if local_name(root) != "Capabilities" or namespace(root) not in (CSW202, CSW30):
        return None
    from .csw_client import server_info_from
    from .csw_documents import parse_capabilities

    info = server_info_from(parse_capabilities(root, source=url), "", root)
    return DetectedCatalogue(kind=CSW, url=base_url(url), version=info.version,
                             versions=info.versions, title=info.title, exchange=exchange)


def _csw_capabilities(url, transport, timeout, is_cancelled, first=None, first_error=None):
    from ..transport import check_status

    if "request=getcapabilities" in urlsplit(url).query.lower():
        caps_url = url   # pasted as is: keep its version negotiation and vendor parameters
    else:
        caps_url = with_params(base_url(url), service="CSW", request="GetCapabilities")
    response = transport.request("GET", caps_url, headers={"Accept": "application/xml"},
                                 timeout=timeout, is_cancelled=is_cancelled)
    exchange = _exchange("GET", response)
    try:
        if looks_like_html(response.content or b""):
            raise DocumentError("Only a web page answers at this address: neither a CSW nor "
                                "an OGC API Records catalogue", code="catalogue.html_page",
                                source=caps_url, url=url)
        try:
            root = parse_xml(response.content, source=response.url)
        except DocumentError:
            if response.status >= 400:
                check_status(response)
            raise
        detected = _csw_from_root(root, url, exchange)
        if detected is not None:
            return detected
        report = exception_report(root)
        if report is not None:
            report.source = caps_url
            raise report
        if response.status >= 400:
            check_status(response)
        raise DocumentError("The address answered with a document that is neither CSW "
                            "capabilities nor an OGC API landing page or collection",
                            code="catalogue.unknown_kind", source=url, url=url,
                            content_type=response.content_type)
    except GeoGovError as error:
        error.exchange = exchange
        raise


def _ogcapi_json(json_url, url, transport, timeout, is_cancelled):
    from .ogcapi_records_client import request_json

    document, exchange = request_json(transport, json_url, timeout=timeout,
                                      is_cancelled=is_cancelled)
    return _ogcapi(document, url, transport, timeout, is_cancelled, exchange)


def _ogcapi(document, url, transport, timeout, is_cancelled, exchange) -> DetectedCatalogue:
    from ..json_expect import Expect, child
    from .ogcapi_records import is_collection, is_items
    from .ogcapi_records_client import attached

    expect = Expect(url)
    if is_items(document) or is_collection(document):
        collection = collection_url_of(url)
        with attached(exchange):
            title = expect.text(document.get("title"), "title", True) \
                if is_collection(document) else ""
        if is_items(document):
            try:
                info, _ = _get_json(collection, transport, timeout, is_cancelled)
                title = Expect(collection).text(info.get("title"), "title", True) \
                    if isinstance(info, dict) else ""
            except Cancelled:
                raise
            except GeoGovError:
                title = ""
        return DetectedCatalogue(kind=OGCAPI_RECORDS, url=collection, title=title,
                                 collections=[(collection.rsplit("/", 1)[-1], title,
                                               collection)], exchange=exchange)
    links = document.get("links") if isinstance(document, dict) else None
    if not isinstance(links, list):
        error = DocumentError("The JSON at this address is not an OGC API landing page, "
                              "collection or items page", code="catalogue.unknown_kind",
                              source=url, url=url, content_type="application/json")
        error.exchange = exchange
        raise error
    with attached(exchange):
        title = expect.text(document.get("title"), "title", True)
    base = urlsplit(url)._replace(query="", fragment="").geturl().rstrip("/")
    collections_doc, listed = _get_json(base + "/collections", transport, timeout, is_cancelled)
    found = []
    with attached(listed):
        listing = Expect(listed.url)
        items = listing.items(collections_doc.get("collections"), "collections") \
            if isinstance(collections_doc, dict) else []
        for path, item in items:
            if isinstance(item, dict) and is_collection(item):
                ident = listing.identifier(item.get("id"), child(path, "id"))
                if ident:
                    name = listing.text(item.get("title"), child(path, "title"), True)
                    found.append((ident, name or ident, f"{base}/collections/{ident}"))
    if not found:
        error = DocumentError("This OGC API has no records collection", code="catalogue.no_records",
                              source=url, url=url)
        error.exchange = exchange
        raise error
    return DetectedCatalogue(kind=OGCAPI_RECORDS, url=found[0][2], title=title or found[0][1],
                             collections=found, exchange=exchange)


def _get_json(url, transport, timeout, is_cancelled):
    from .ogcapi_records_client import request_json

    return request_json(transport, url, timeout=timeout, is_cancelled=is_cancelled)


# ----------------------------------------------------------------------------- files


def export_connections(connections, *, include_authcfg: bool = False) -> bytes:
    """The JSON file of ``connections`` (CatalogueConnection or alike).

    ``authcfg`` ids are left out by default: they name entries of this QGIS profile's
    authentication database and mean nothing on a colleague's machine.
    """
    items = [CatalogueConnection.from_mapping(c).to_dict(include_authcfg) for c in connections]
    document = {"format": FILE_FORMAT, "version": FILE_VERSION, "connections": items}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def import_connections(data: bytes, source: Optional[str] = None) -> list:
    """Connections read from a GeoGov JSON file or a MetaSearch/QGIS CSW XML export.

    Errors: ``connections.file_invalid`` (neither format, or an entry without a usable
    URL), ``json.type`` (an entry's name, url, kind or authcfg that is not a string, a
    version neither a string nor a number), plus the XML/JSON parsing codes of :mod:`..xmlsafe`.
    """
    stripped = (data or b"").lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] in (b"{", b"["):
        return _import_json(parse_json(data, source=source), source)
    root = parse_xml(data, source=source)
    if root.tag != "qgsCSWConnections":
        raise DocumentError(f"Not a connections file: <{local_name(root)}>",
                            code="connections.file_invalid", source=source,
                            detail=local_name(root))
    out = []
    for element in root:
        if element.tag != "csw":
            continue
        # MetaSearch (QGIS >= 3.34) may say which protocol: "OGC API - Records" or a CSW.
        kind_text = (element.get("catalog-type") or element.get("type") or "").lower()
        kind = OGCAPI_RECORDS if "records" in kind_text else CSW
        out.append(_entry({"name": element.get("name"), "url": element.get("url"),
                           "kind": kind}, source))
    return out


def _import_json(document, source) -> list:
    if isinstance(document, dict) and document.get("format") == FILE_FORMAT:
        items, path = document.get("connections"), "connections"
    elif isinstance(document, list):
        items, path = document, ""      # the list the bridge keeps in QgsSettings
    else:
        items = None
    if not isinstance(items, list):
        raise DocumentError("Not a GeoGov connections file", code="connections.file_invalid",
                            source=source, detail="format")
    return [_entry(item, source, f"{path}[{i}]") for i, item in enumerate(items)]


_ENTRY_TEXTS = ("name", "url", "kind", "authcfg")


def _entry(item, source, path: str = "") -> CatalogueConnection:
    import math

    from ..json_expect import Expect, child, is_number

    if not isinstance(item, dict):
        raise DocumentError("A connection entry is not an object",
                            code="connections.file_invalid", source=source, detail="entry")
    expect = Expect(source)
    for key in _ENTRY_TEXTS:            # json.type (with its path) rather than str([…])
        expect.text(item.get(key), child(path, key))
    expect.identifier(item.get("version"), child(path, "version"))      # "2.0.2", or 3.0
    timeout = item.get("timeout")
    if is_number(timeout) and not math.isfinite(timeout):   # JSON's Infinity: int() fails
        item = {**item, "timeout": None}       # the default, as for an unreadable value
    try:
        return CatalogueConnection.from_mapping(item, source)
    except DocumentError as error:
        raise DocumentError(f"Unusable connection entry: {error.message}",
                            code="connections.file_invalid", source=source,
                            detail=error.code, name=str(item.get("name") or "")) from None


def merge_connections(existing, incoming, *, replace: bool = True) -> tuple:
    """``(merged, replaced_names, skipped_names)``: ``incoming`` added to ``existing`` by name."""
    merged = {c.name: c for c in existing}
    replaced, skipped = [], []
    for connection in incoming:
        if connection.name in merged:
            if not replace:
                skipped.append(connection.name)
                continue
            replaced.append(connection.name)
        merged[connection.name] = connection
    return list(merged.values()), replaced, skipped
