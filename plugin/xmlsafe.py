"""Safe parsing of documents that come from the network or from users.

Every XML document is parsed with entity resolution, DTD loading and network
access switched off, so no entity is ever expanded or fetched. On top of that a
document is refused (``xml.entities``) when its DTD declares an external entity
(XXE: a SYSTEM/PUBLIC entity would read local files or call URLs), an entity
whose value refers to other entities ("billion laughs"), or when its content
uses any entity other than the five predefined ones (it would silently lose
text). What stays accepted is the WMS 1.0/1.1 convention of an internal DTD
subset declaring plain parameter entities such as ``%KnownFormats`` and vendor
elements: nothing in the content refers to them. lxml parsers are not
thread-safe, so each thread gets its own parser (parsing runs in QgsTask worker
threads).
"""

from __future__ import annotations

import json
import re
import threading
from itertools import accumulate

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
            # Whitespace between elements and comments carry nothing for OGC documents;
            # dropping them makes parsing ~25 % faster and trees smaller (measured on the
            # ISO 19139 corpus, tests/bench/bench_parsing.py). Keep the raw bytes to show them.
            remove_blank_text=True,
            remove_comments=True,
            collect_ids=False,
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
    ``xml.malformed`` (with ``line`` and ``column`` params), ``xml.encoding`` (a byte-order
    mark that contradicts the XML declaration).
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
    _check_bom(data, source)
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
    docinfo = tree.docinfo
    dtd = docinfo.internalDTD
    if dtd is not None:
        for entity in dtd.iterentities():
            if entity.system_url is not None:
                raise DocumentError(
                    f"The document declares an external entity '{entity.name}' "
                    f"({entity.system_url}): XXE risk, it was not read",
                    code="xml.entities", source=source, entity=entity.name,
                    target=entity.system_url)
            value = entity.content or ""
            if "&" in value or "%" in value:
                raise DocumentError(
                    f"The document declares a nested entity '{entity.name}' "
                    "(entity-expansion risk); it was not read",
                    code="xml.entities", source=source, entity=entity.name, target="")
            if entity.name in _general_entity_names(data):
                # lxml does not say whether a declaration is a parameter entity (harmless
                # inside the DTD) or a general one, which content or attributes could use.
                raise DocumentError(
                    f"The document declares the entity '{entity.name}'; documents with "
                    "entities are not read", code="xml.entities", source=source,
                    entity=entity.name, target="")
    if dtd is not None or docinfo.system_url or docinfo.public_id:
        # Entities are never expanded: a reference left in the content (to the internal subset
        # or to an external DTD that is never loaded) would silently drop text.
        for node in tree.getroot().iter(etree.Entity):
            raise DocumentError(
                f"The document uses the entity '{node.text}', which is not read (XXE or "
                "entity-expansion risk)", code="xml.entities", source=source,
                entity=node.text, target="")
    return tree.getroot()


_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32LE"), (b"\x00\x00\xfe\xff", "UTF-32BE"),
         (b"\xff\xfe", "UTF-16LE"), (b"\xfe\xff", "UTF-16BE"))
_DECLARED_ENCODING = re.compile(r"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _check_bom(data: bytes, source: str | None) -> None:
    """Refuse a UTF-16/32 byte-order mark that contradicts the document.

    XML 1.0 §4.3.3 makes such a document a fatal error, and libxml2 then only says "Start tag
    expected" on line 1. Seen in the wild: a MapServer capabilities document saved with a
    UTF-16LE mark in front of single-byte text declaring ISO-8859-1.
    """
    for bom, name in _BOMS:
        if not data.startswith(bom):
            continue
        rest = data[len(bom):len(bom) + 400]
        match = _DECLARED_ENCODING.match(rest.decode("latin-1"))
        if match is None:
            match = _DECLARED_ENCODING.match(rest.decode(name.lower(), errors="replace"))
        declared = match.group(1) if match else ""
        family = name[:6].replace("-", "")          # UTF16 / UTF32
        if declared and not declared.upper().replace("-", "").startswith(family):
            raise DocumentError(
                f"The document starts with a {name} byte-order mark but declares the "
                f"encoding {declared}", code="xml.encoding", source=source, bom=name,
                declared=declared)
        return


_GENERAL_ENTITY = re.compile(r"<!ENTITY\s+([^%\s][^\s]*)")


def _general_entity_names(data: bytes) -> set:
    """Names of general (non-parameter) entities declared in the document's DTD subset."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            head = data[len(bom):262144].decode(name.lower(), errors="replace")
            break
    else:
        head = data[:131072].decode("latin-1")
    end = head.find("]>")
    return set(_GENERAL_ENTITY.findall(head if end < 0 else head[:end]))


def _refuse_if_entities(data: bytes, source: str | None) -> None:
    head = data[:65536]
    if b"<!ENTITY" in head or b"<!entity" in head:
        raise DocumentError("The document declares XML entities (XXE or entity-expansion risk); "
                            "it was not read", code="xml.entities", source=source)


# Nesting depth accepted in a JSON or YAML document. The documents GeoGov reads nest a
# dozen levels at most (a GeoJSON MultiPolygon in a FeatureCollection: 8); a hostile one
# nesting thousands would exhaust the recursion of the parsers (json.loads, PyYAML's
# composer) and of every reader walking the result.
MAX_DEPTH = 64

# A JSON string as greedy runs that never need to backtrack, its closing quote optional:
# an unterminated string runs to the end, so scanning never starts again inside it
# (linear time on any input).
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_depth(text: str) -> int:
    """How deep arrays and objects nest in JSON ``text`` (brackets in strings do not count).

    A scan of the text, without recursion: it tells before parsing (15 ms per MB measured
    on the corpus's GeoJSON communes, about half of json.loads' own time). Text with at
    most :data:`MAX_DEPTH` opening brackets is not scanned (its
    depth cannot be more): the number returned is then that count, an upper bound.
    """
    opening = text.count("[") + text.count("{")
    if opening <= MAX_DEPTH:
        return opening
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def check_json_depth(text: str, source: str | None = None) -> None:
    """Raise :class:`DocumentError` ``document.too_deep`` (params ``depth``, ``limit``) when
    JSON ``text`` nests deeper than :data:`MAX_DEPTH`."""
    depth = json_depth(text)
    if depth > MAX_DEPTH:
        raise too_deep(depth, source)


def too_deep(depth, source: str | None = None, message: str = "") -> DocumentError:
    return DocumentError(message or f"The document nests {depth} levels deep; at most "
                         f"{MAX_DEPTH} are read", code="document.too_deep", source=source,
                         depth=depth, limit=MAX_DEPTH)


def parse_json(data: bytes | str, source: str | None = None):
    """Parse JSON or raise :class:`DocumentError`: ``json.malformed``, ``json.html``,
    ``json.empty``, ``document.too_deep`` (more than :data:`MAX_DEPTH` levels, refused
    before parsing)."""
    if isinstance(data, (bytes, bytearray)):
        if looks_like_html(data):
            raise DocumentError("An HTML page was received where a JSON document was expected",
                                code="json.html", source=source)
        try:
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DocumentError(f"The JSON is not UTF-8: {exc}", code="json.malformed",
                                source=source, line=0, column=0, detail=str(exc)) from None
    if not data.strip():
        raise DocumentError("The document is empty", code="json.empty", source=source)
    check_json_depth(data, source)
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"The JSON is not valid: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                            code="json.malformed", source=source, line=exc.lineno,
                            column=exc.colno, detail=exc.msg) from None
    except RecursionError:
        # Within MAX_DEPTH, only when called with the stack already nearly full.
        depth = json_depth(data)
        raise too_deep(depth, source, f"The document nests {depth} levels deep: too deep to "
                       "be read here") from None


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
