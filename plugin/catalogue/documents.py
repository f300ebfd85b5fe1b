"""Any document Discover meets -> what it holds: records, a page of results, or a service.

:func:`read_document` sniffs bytes (XML or JSON, whatever the file name or content type
claims), parses them safely (``xmlsafe``), raises an OGC exception report as
:class:`ServiceException`, and dispatches on the root element or JSON shape:

========================  ==============================================================
kind                      holds
========================  ==============================================================
iso19139                  ``records`` (one; ``standard`` iso19139 or iso19115-2; a national
                          profile's root too, see ``iso19139.is_record``)
iso19115-3, iso19110      ``records`` (one; ISO 19115-3 profiles too)
dublincore, dcat          ``records`` (one bare csw:Record / rdf:RDF)
csw.getrecords            ``result`` (a SearchResult page) and ``records``
csw.getrecordbyid         ``records`` (possibly none)
csw.capabilities          ``service`` (ServiceInfo, service "CSW")
wms.capabilities          ``service`` (layers flattened)
wfs.capabilities          ``service`` (feature types, transaction)
ogcapi.record             ``records`` (one)
ogcapi.items              ``result`` and ``records``
ogcapi.collection         ``records`` (the catalogue as a record)
ogcapi.collections        ``records`` (one per collection)
ogcapi.landing            ``info["links"]``
ogcapi.conformance        ``info["conformance"]``
ogcapi.queryables         ``info["properties"]`` (queryables and sortables)
========================  ==============================================================

Anything else raises :class:`DocumentError` ``document.unknown``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..errors import DocumentError
from ..json_expect import Expect
from ..xmlsafe import parse_json, parse_xml, raise_for_exception
from . import (
    csw_documents,
    dcat,
    dublincore,
    iso19110,
    iso19115_3,
    iso19139,
    ogcapi_records,
    wfs,
    wms,
)
from .iso_common import local
from .model import SearchResult
from .service_model import ServiceInfo

RECORD_KINDS = ("iso19139", "iso19115-3", "iso19110", "dublincore", "dcat", "csw.getrecords",
                "csw.getrecordbyid", "ogcapi.record", "ogcapi.items", "ogcapi.collection",
                "ogcapi.collections")
SERVICE_KINDS = ("csw.capabilities", "wms.capabilities", "wfs.capabilities")


@dataclass
class Document:
    kind: str
    source: str = ""
    version: str = ""
    records: list = field(default_factory=list)       # Record
    result: Optional[SearchResult] = None             # a page of search results
    service: Optional[ServiceInfo] = None             # capabilities
    info: dict = field(default_factory=dict)          # OGC API landing/conformance/queryables


def sniff(data: bytes) -> str:
    """``"xml"``, ``"json"`` or ``""`` from the first meaningful bytes."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return "xml"  # UTF-16/32 byte-order mark: only XML is written that way here
    head = data[:256].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "xml"
    if head.startswith((b"{", b"[")):
        return "json"
    return ""


def read_document(data: bytes, source: str = "") -> Document:
    """Parse ``data`` (bytes of a file or HTTP body) and return what it holds.

    Raises :class:`DocumentError` (broken, hostile or unknown document) or
    :class:`ServiceException` (an OGC exception report), each naming ``source``.
    """
    kind = sniff(data)
    if kind == "xml":
        return read_xml(parse_xml(data, source), source)
    if kind == "json":
        return read_json(parse_json(data, source), source)
    if not data.strip():
        raise DocumentError("The document is empty", code="document.empty", source=source)
    raise DocumentError("The document is neither XML nor JSON", code="document.unknown",
                        source=source, root="")


def read_file(path) -> Document:
    """:func:`read_document` on a file's bytes (the path is the error source)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"Cannot read the file: {exc.strerror}", code="document.unreadable",
                            source=str(path), detail=str(exc.strerror)) from None
    return read_document(data, str(path))


def read_xml(root, source: str = "") -> Document:
    raise_for_exception(root, source)
    if iso19139.is_record(root):
        return Document("iso19139", source, records=[iso19139.parse_record(root, source)])
    if iso19115_3.is_record(root):
        return Document("iso19115-3", source, records=[iso19115_3.parse_record(root, source)])
    if iso19110.is_catalogue(root):
        return Document("iso19110", source, records=[iso19110.parse_catalogue(root, source)])
    if dublincore.is_record(root):
        return Document("dublincore", source, records=[dublincore.parse_record(root, source)])
    if dcat.is_record(root):
        return Document("dcat", source, records=[dcat.parse_record(root, source)])
    if csw_documents.is_getrecords(root):
        result = csw_documents.parse_getrecords(root, source)
        return Document("csw.getrecords", source, version=root.get("version", ""),
                        records=list(result.records), result=result)
    if csw_documents.is_getrecordbyid(root):
        return Document("csw.getrecordbyid", source,
                        records=csw_documents.parse_getrecordbyid(root, source))
    if csw_documents.is_capabilities(root):
        service = csw_documents.parse_capabilities(root, source)
        return Document("csw.capabilities", source, version=service.version, service=service)
    if wms.is_capabilities(root):
        service = wms.parse_capabilities(root, source)
        return Document("wms.capabilities", source, version=service.version, service=service)
    if wfs.is_capabilities(root):
        service = wfs.parse_capabilities(root, source)
        return Document("wfs.capabilities", source, version=service.version, service=service)
    name = local(root.tag)
    raise DocumentError(f"Unknown document <{name}>: not a metadata record, a catalogue "
                        "response or OGC service capabilities", code="document.unknown",
                        source=source, root=name)


def read_json(document, source: str = "") -> Document:
    expect = Expect(source)
    if isinstance(document, dict):
        kind = document.get("type")
        if kind == "Feature":
            return Document("ogcapi.record", source,
                            records=[ogcapi_records.parse_record(document, source)])
        if kind == "FeatureCollection":
            result = ogcapi_records.parse_items(document, source)
            return Document("ogcapi.items", source, records=list(result.records),
                            result=result)
        if isinstance(document.get("collections"), list):
            return Document("ogcapi.collections", source, records=[
                ogcapi_records.parse_collection(c, source, at=path)
                for path, c in expect.items(document["collections"], "collections")])
        if isinstance(document.get("conformsTo"), list) and "id" not in document:
            return Document("ogcapi.conformance", source, info={
                "conformance": ogcapi_records.conformance_classes(document, source)})
        if isinstance(document.get("properties"), dict) and (
                "$schema" in document or document.get("type") == "object"):
            return Document("ogcapi.queryables", source, info={
                "title": expect.text(document.get("title"), "title", True),
                "properties": ogcapi_records.queryable_names(document, source)})
        if ogcapi_records.is_collection(document) or (
                "id" in document and isinstance(document.get("extent"), dict)):
            return Document("ogcapi.collection", source,
                            records=[ogcapi_records.parse_collection(document, source)])
        if isinstance(document.get("links"), list):
            return Document("ogcapi.landing", source, info={
                "title": expect.text(document.get("title"), "title", True),
                "links": ogcapi_records.landing_links(document, source)})
    raise DocumentError("Unknown JSON document: not an OGC API Records response",
                        code="document.unknown", source=source, root="json")


def read_metadata(data: bytes, source: str = "") -> list:
    """The records of a metadata document (record, CSW response, OGC API item/items).

    Raises :class:`DocumentError` ``document.not_metadata`` for capabilities, landing pages
    and other documents that hold no record.
    """
    document = read_document(data, source)
    if document.kind not in RECORD_KINDS:
        raise DocumentError(f"The document ({document.kind}) holds no metadata record",
                            code="document.not_metadata", source=source, kind=document.kind)
    return document.records


def read_service(data: bytes, source: str = "") -> ServiceInfo:
    """The service described by WMS, WFS or CSW capabilities.

    Raises :class:`DocumentError` ``document.not_capabilities`` for any other document.
    """
    document = read_document(data, source)
    if document.service is None:
        raise DocumentError(f"The document ({document.kind}) is not service capabilities",
                            code="document.not_capabilities", source=source,
                            kind=document.kind)
    return document.service
