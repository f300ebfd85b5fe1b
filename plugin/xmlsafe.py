"""Safe parsing of documents that come from the network or from users.

Every XML document is parsed with entity resolution, DTD loading and network
access switched off, and a document whose DTD declares entities at all is
refused: that covers XXE (external entities, which would read local files or
call URLs) and "billion laughs" (nested internal entities). lxml parsers are
not thread-safe, so each thread gets its own parser (parsing runs in QgsTask
worker threads).
"""

from __future__ import annotations

import json
import threading

from lxml import etree

from .errors import DocumentError, ServiceException

_local = threading.local()

NS_OWS = {
    "http://www.opengis.net/ows",
    "http://www.opengis.net/ows/1.1",
    "http://www.opengis.net/ows/2.0",
}
NS_OGC = "http://www.opengis.net/ogc"


def _parser() -> etree.XMLParser:
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_blank_text=False,
        )
        _local.parser = parser
    return parser


def looks_like_html(data: bytes) -> bool:
    head = data[:512].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    return head.startswith((b"<!doctype html", b"<html"))


def parse_xml(data: bytes | str, source: str | None = None) -> etree._Element:
    """Parse ``data`` and return the root element, or raise :class:`DocumentError`.

    Codes: ``xml.empty``, ``xml.html`` (an HTML page where XML was expected),
    ``xml.entities`` (a DTD declaring entities: refused, never expanded),
    ``xml.malformed`` (with ``line`` and ``column`` params).
    """
    if isinstance(data, str):
        # lxml refuses str input with an encoding declaration: go through UTF-8 bytes and
        # drop the declaration, which no longer tells the truth.
        data = data.encode("utf-8")
        if data.startswith(b"<?xml"):
            end = data.find(b"?>")
            if end > 0:
                data = data[end + 2:]
    if not data or not data.strip():
        raise DocumentError("The document is empty", code="xml.empty", source=source)
    if looks_like_html(data):
        raise DocumentError("An HTML page was received where an XML document was expected",
                            code="xml.html", source=source)
    try:
        tree = etree.fromstring(data, _parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        line, column = (exc.position if exc.position else (0, 0))
        if "Entity" in str(exc) or "entity" in str(exc):
            # An undefined/unexpanded entity reference is how lxml reports some hostile DTDs.
            _refuse_if_entities(data, source)
        raise DocumentError(f"The XML is not well-formed: {exc.msg} (line {line}, column {column})",
                            code="xml.malformed", source=source, line=line, column=column,
                            detail=str(exc.msg)) from None
    except ValueError as exc:  # e.g. an encoding lxml does not know
        raise DocumentError(f"The XML cannot be decoded: {exc}", code="xml.malformed",
                            source=source, line=0, column=0, detail=str(exc)) from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise DocumentError("The document declares XML entities (XXE or entity-expansion risk); "
                            "it was not read", code="xml.entities", source=source)
    if tree.docinfo.system_url or tree.docinfo.public_id:
        # An external DTD is never loaded; entity references it would define stay unexpanded.
        for _ in tree.getroot().iter(etree.Entity):
            raise DocumentError("The document uses entities of an external DTD; it was not read",
                                code="xml.entities", source=source)
    return tree.getroot()


def _refuse_if_entities(data: bytes, source: str | None) -> None:
    head = data[:65536]
    if b"<!ENTITY" in head or b"<!entity" in head:
        raise DocumentError("The document declares XML entities (XXE or entity-expansion risk); "
                            "it was not read", code="xml.entities", source=source)


def parse_json(data: bytes | str, source: str | None = None):
    """Parse JSON or raise :class:`DocumentError` (``json.malformed``/``json.html``)."""
    if isinstance(data, bytes):
        if looks_like_html(data):
            raise DocumentError("An HTML page was received where a JSON document was expected",
                                code="json.html", source=source)
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DocumentError(f"The JSON is not UTF-8: {exc}", code="json.malformed",
                                source=source, line=0, column=0, detail=str(exc)) from None
    if not data.strip():
        raise DocumentError("The document is empty", code="json.empty", source=source)
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"The JSON is not valid: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                            code="json.malformed", source=source, line=exc.lineno,
                            column=exc.colno, detail=exc.msg) from None
    except RecursionError:
        raise DocumentError("The JSON is nested too deeply", code="json.malformed",
                            source=source, line=0, column=0, detail="nesting") from None


def local_name(element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def namespace(element) -> str:
    tag = element.tag
    if isinstance(tag, str) and tag.startswith("{"):
        return tag[1:tag.index("}")]
    return ""


def exception_report(root) -> ServiceException | None:
    """The OGC exception carried by ``root``, or None when ``root`` is not an exception report.

    Handles OWS 1.0/1.1/2.0 ``ExceptionReport`` (CSW, WFS 1.1/2.0, WMTS) and the
    ``ServiceExceptionReport`` of WMS 1.1.1/1.3.0 and WFS 1.0 (with or without the ogc
    namespace).
    """
    name = local_name(root)
    if name == "ExceptionReport" and namespace(root) in NS_OWS:
        items = []
        for exc in root:
            if local_name(exc) != "Exception":
                continue
            texts = [(t.text or "").strip() for t in exc if local_name(t) == "ExceptionText"]
            items.append((exc.get("exceptionCode") or "", exc.get("locator") or "",
                          " ".join(t for t in texts if t)))
    elif name == "ServiceExceptionReport" and namespace(root) in ("", NS_OGC):
        items = [(exc.get("code") or "", exc.get("locator") or "", (exc.text or "").strip())
                 for exc in root if local_name(exc) == "ServiceException"]
    else:
        return None
    code, locator, text = items[0] if items else ("", "", "")
    message = "The server returned an exception"
    if code:
        message += f" {code}"
    if locator:
        message += f" (locator {locator})"
    if text:
        message += f": {text}"
    return ServiceException(message, exception_code=code, locator=locator, text=text,
                            all=items)


def raise_for_exception(root, source: str | None = None) -> None:
    exc = exception_report(root)
    if exc is not None:
        exc.source = source
        raise exc
