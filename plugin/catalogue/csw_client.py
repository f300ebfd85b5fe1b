"""CSW 2.0.2 and 3.0 client: GetRecords by POST, GetRecordById, GetCapabilities.

Filters are OWSLib FES objects (``owslib.fes`` for CSW 2.0.2 / FES 1.1, ``owslib.fes2`` for
CSW 3.0 / FES 2.0) placed in a request built with lxml and sent through the core's
``transport``; responses are parsed by :mod:`.csw_documents` (no OWSLib parsing: its
``MD_Metadata`` reads neither maintenance nor every party, and is ~6x slower). OWSLib is
imported inside functions: importing it costs QGIS start-up time.

Protocol quirks handled here, each where it bites:

* CSW positions are 1-based; :class:`CswClient` speaks 0-based like the rest of the core.
* Bounding boxes go as ``urn:ogc:def:crs:EPSG::4326`` in latitude/longitude order, as
  MetaSearch does: pycsw reads an envelope without srsName as lat/lon too, and the
  ``http://www.opengis.net/def/crs/OGC/1.3/CRS84`` URI makes it fail.
* FES 2.0 forbids ``matchCase`` on PropertyIsLike (pycsw validates and refuses it), so it
  is only set for FES 1.1.
* pycsw 2.6.2 validates CSW 3.0 POST requests against schemas that import no GML, so
  every ``fes:BBOX`` is refused; when the endpoint also speaks 2.0.2 the request is sent
  again as 2.0.2 (see :data:`.search_notes.BBOX_SENT_AS_CSW202`).
* A server that refuses a SortBy gets the request again unsorted, with a note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lxml import etree

from ..errors import DocumentError, GeoGovError, ServiceException
from ..transport import RequestsTransport, check_status
from ..xmlsafe import exception_report, parse_xml
from . import capabilities_cache
from . import search_notes as notes_
from .model import Exchange, SearchResult
from .search_text import LIKE_PATTERN_CAP, ParsedQuery, like_patterns

CSW202 = "http://www.opengis.net/cat/csw/2.0.2"
CSW30 = "http://www.opengis.net/cat/csw/3.0"
OGC = "http://www.opengis.net/ogc"
FES20 = "http://www.opengis.net/fes/2.0"
GMD = "http://www.isotc211.org/2005/gmd"
GML311 = "http://www.opengis.net/gml"
GML32 = "http://www.opengis.net/gml/3.2"
ISO_SCHEMA = GMD
VERSIONS = ("2.0.2", "3.0.0")
CSW_NS = {"2.0.2": CSW202, "3.0.0": CSW30}
ANYTEXT = "csw:AnyText"
SUBJECT = "dc:subject"
TITLE = "dc:title"
REVISION_ISO = "apiso:RevisionDate"
REVISION_DC = "dct:modified"
BBOX_CRS = "urn:ogc:def:crs:EPSG::4326"
XML_HEADERS = {"Content-Type": "application/xml; charset=UTF-8",
               "Accept": "application/xml, text/xml;q=0.9, */*;q=0.1"}


def normalise_version(version: str) -> str:
    version = (version or "").strip()
    if version in ("3.0", "3.0.0"):
        return "3.0.0"
    if version in ("2.0.2", "2.0", ""):
        return "2.0.2"
    raise ValueError(f"unsupported CSW version {version!r}")


# ----------------------------------------------------------------------------- filters


def _fes(version: str):
    if version == "3.0.0":
        from owslib import fes2 as fes
    else:
        from owslib import fes
    return fes


def _like(fes, version: str, name: str, pattern: str):
    if version == "3.0.0":
        return fes.PropertyIsLike(name, f"%{pattern}%", wildCard="%", singleChar="_",
                                  escapeChar="\\")
    # matchCase="false": servers that honour it compare case-insensitively (pycsw ignores it
    # for AnyText and folds ASCII case only — hence the accent variants).
    return fes.PropertyIsLike(name, f"%{pattern}%", wildCard="%", singleChar="_",
                              escapeChar="\\", matchCase=False)


def _any_of(fes, operations):
    return operations[0] if len(operations) == 1 else fes.Or(operations)


def _all_of(fes, operations):
    return operations[0] if len(operations) == 1 else fes.And(operations)


@dataclass
class FilterPlan:
    """The FES filter of a query and what building it decided (for notes)."""

    expression: object = None        # an OWSLib OgcExpression, or None (no constraint)
    expansions: list = field(default_factory=list)
    bbox_sent: bool = False


def build_filter(parsed: ParsedQuery, version: str, *, send_bbox: bool = True,
                 cap: int = LIKE_PATTERN_CAP) -> FilterPlan:
    """The OWSLib FES expression for ``parsed`` (None when nothing constrains the search).

    Each text and organisation term becomes an OR of ``PropertyIsLike`` on csw:AnyText over
    its accent variants (see :func:`.search_text.like_patterns`); keyword terms go to
    dc:subject; all of them AND-ed with the box. Organisations go to AnyText rather than
    apiso:OrganisationName because pycsw fills that queryable from one party only; the
    record filter then checks the organisation of each party.
    """
    fes = _fes(version)
    plan = FilterPlan()
    operations = []
    for terms, name in ((parsed.text, ANYTEXT), (parsed.organisation, ANYTEXT),
                        (parsed.keyword, SUBJECT)):
        for term in terms:
            expansion = like_patterns(term, cap=cap)
            plan.expansions.append(expansion)
            operations.append(_any_of(fes, [_like(fes, version, name, p)
                                            for p in expansion.patterns]))
    if send_bbox and parsed.bbox is not None:
        boxes = [_bbox(fes, version, box) for box in parsed.boxes]
        operations.append(_any_of(fes, boxes))
        plan.bbox_sent = True
    if operations:
        plan.expression = _all_of(fes, operations)
    return plan


def _bbox(fes, version: str, box):
    west, south, east, north = box
    # EPSG:4326 axis order is latitude, longitude.
    return _Gml32BBox(fes.BBox([south, west, north, east], crs=BBOX_CRS)) \
        if version == "3.0.0" else fes.BBox([south, west, north, east], crs=BBOX_CRS)


class _Gml32BBox:
    """OWSLib's fes2.BBox writes its envelope in the GML 3.1.1 namespace; FES 2.0 filters
    carry GML 3.2 (ISO 19143 §7.8), which is what CSW 3.0 servers validate against."""

    def __init__(self, bbox):
        self.bbox = bbox

    def toXML(self):  # OWSLib's method name
        element = self.bbox.toXML()
        for node in element.iter(f"{{{GML311}}}*"):
            node.tag = f"{{{GML32}}}{etree.QName(node).localname}"
        return element


def sort_property(sort: str, iso_queryables: bool) -> Optional[str]:
    if sort == "title":
        return TITLE
    if sort == "revision":
        return REVISION_ISO if iso_queryables else REVISION_DC
    return None


# ----------------------------------------------------------------------------- requests


def get_records_request(version: str, *, start: int, limit: int, output_schema: str = ISO_SCHEMA,
                        expression=None, sort_by: Optional[str] = None,
                        descending: bool = False, element_set: str = "full") -> bytes:
    """A GetRecords POST body; ``start`` is 0-based (written 1-based, as CSW counts)."""
    version = normalise_version(version)
    fes = _fes(version)
    csw = CSW_NS[version]
    filter_ns = FES20 if version == "3.0.0" else OGC
    nsmap = {"csw": csw, "ogc" if version == "2.0.2" else "fes": filter_ns, "gmd": GMD}
    root = etree.Element(f"{{{csw}}}GetRecords", nsmap=nsmap)
    root.set("service", "CSW")
    root.set("version", version)
    if version == "2.0.2":
        root.set("resultType", "results")   # 3.0 has no such attribute on GetRecords
    root.set("startPosition", str(start + 1))
    root.set("maxRecords", str(limit))
    root.set("outputSchema", output_schema)
    root.set("outputFormat", "application/xml")
    type_names = "gmd:MD_Metadata" if output_schema == ISO_SCHEMA and version == "2.0.2" \
        else "csw:Record"
    query = etree.SubElement(root, f"{{{csw}}}Query", typeNames=type_names)
    etree.SubElement(query, f"{{{csw}}}ElementSetName").text = element_set
    if expression is not None:
        constraint = etree.SubElement(query, f"{{{csw}}}Constraint",
                                      version="2.0.0" if version == "3.0.0" else "1.1.0")
        wrapper = etree.SubElement(constraint, f"{{{filter_ns}}}Filter")
        wrapper.append(expression.toXML())
    if sort_by:
        order = "DESC" if descending else "ASC"
        query.append(fes.SortBy([fes.SortProperty(sort_by, order)]).toXML())
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def with_params(url: str, **params) -> str:
    """``url`` with ``params`` added to its query (keeping what it already has)."""
    parts = urlsplit(url)
    current = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
               if k.lower() not in {p.lower() for p in params}]
    query = urlencode(current + [(k, v) for k, v in params.items() if v is not None])
    return urlunsplit(parts._replace(query=query))


def base_url(url: str) -> str:
    """``url`` without the OGC KVP parameters a user may have pasted with it."""
    parts = urlsplit(url)
    keep = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if k.lower() not in {"service", "request", "version", "acceptversions",
                                 "outputschema", "elementsetname", "id", "typenames"}]
    return urlunsplit(parts._replace(query=urlencode(keep)))


# ----------------------------------------------------------------------------- exchange


def exchange_of(method: str, url: str, body: bytes, response) -> Exchange:
    return Exchange(method=method, url=url, body=body or b"", status=response.status,
                    response=response.content, content_type=response.content_type)


def read_xml_reply(response, exchange: Exchange):
    """The root element of an XML reply; the project's own error otherwise.

    An exception report is turned into :class:`ServiceException` whatever the HTTP status
    (CSW servers send them with 200, 400 or 500); any other HTTP error into
    :class:`NetworkError`; an HTML page or broken XML into :class:`DocumentError`. Every
    error carries the exchange (``error.exchange``) for the "raw response" view.
    """
    try:
        if response.status >= 400:
            root = _try_parse(response)
            if root is not None:
                report = exception_report(root)
                if report is not None:
                    report.source = response.url
                    raise report
            check_status(response)
        root = parse_xml(response.content, source=response.url)
        report = exception_report(root)
        if report is not None:
            report.source = response.url
            raise report
        return root
    except GeoGovError as error:
        error.exchange = exchange
        raise


def _try_parse(response):
    try:
        return parse_xml(response.content, source=response.url)
    except DocumentError:
        return None


# ----------------------------------------------------------------------------- client


@dataclass
class PageRequest:
    url: str
    body: bytes
    start: int
    limit: int
    notes: list
    version: str
    sort_by: Optional[str] = None
    bbox: bool = False


@dataclass
class CswServerInfo:
    """What the client needs to know about a CSW endpoint (from its capabilities)."""

    version: str = "2.0.2"
    versions: tuple = ("2.0.2",)
    output_schemas: tuple = ()
    iso_queryables: bool = True
    post_url: str = ""
    title: str = ""
    # Learnt from refusals, kept with the capabilities so later clients need not fail first:
    # a CSW 3.0 box that must go as 2.0.2 (pycsw 2.6.2), sort properties the server refused.
    bbox_needs_202: bool = False
    sorts_refused: set = field(default_factory=set)

    @property
    def output_schema(self) -> str:
        # An empty list means the capabilities did not say: ISO is what catalogues offer.
        if not self.output_schemas or ISO_SCHEMA in self.output_schemas:
            return ISO_SCHEMA
        return CSW_NS[self.version] if self.version in CSW_NS else CSW202


class CswClient:
    """GetRecords / GetRecordById against one CSW endpoint.

    ``info`` may be given (from a stored connection) to skip GetCapabilities; otherwise
    it is read once, on first use.
    """

    def __init__(self, url: str, version: str = "", *, transport=None, timeout: float = 30.0,
                 info: Optional[CswServerInfo] = None):
        self.url = base_url(url)
        self.version = normalise_version(version) if version else ""
        self.transport = transport or RequestsTransport()
        self.timeout = timeout
        self._info = info

    # -- capabilities
    def info(self, is_cancelled: Optional[Callable[[], bool]] = None) -> CswServerInfo:
        if self._info is None:
            key = ("csw", self.url, self.version)
            self._info = capabilities_cache.get(key)
            if self._info is None:
                self._info = self.read_capabilities(is_cancelled=is_cancelled)
                capabilities_cache.put(key, self._info)
        return self._info

    def read_capabilities(self, is_cancelled=None) -> CswServerInfo:
        from .csw_documents import parse_capabilities

        params = {"service": "CSW", "request": "GetCapabilities"}
        if self.version:
            params["acceptVersions"] = self.version
        url = with_params(self.url, **params)
        response = self.transport.request("GET", url, headers={"Accept": XML_HEADERS["Accept"]},
                                          timeout=self.timeout, is_cancelled=is_cancelled)
        exchange = exchange_of("GET", url, b"", response)
        root = read_xml_reply(response, exchange)
        caps = parse_capabilities(root, source=url)
        return server_info_from(caps, self.version, root)

    # -- search
    def prepare(self, parsed: ParsedQuery, start: int, limit: int, *,
                element_set: str = "full", is_cancelled=None) -> PageRequest:
        """The GetRecords request for one page, with what was learnt from earlier refusals."""
        info = self.info(is_cancelled)
        version = self.version or info.version
        notes = []
        if parsed.bbox is not None and version == "3.0.0" and info.bbox_needs_202:
            version = "2.0.2"
            notes_.add_note(notes, notes_.BBOX_SENT_AS_CSW202)
        sort_by = sort_property(parsed.sort, info.iso_queryables)
        if sort_by in info.sorts_refused:
            sort_by = None
            notes_.add_note(notes, notes_.SORT_UNSUPPORTED, sort=parsed.sort)
        plan = build_filter(parsed, version)
        _expansion_notes(plan.expansions, notes)
        schema = ISO_SCHEMA if info.output_schema == ISO_SCHEMA else CSW_NS[version]
        if schema != ISO_SCHEMA:
            notes_.add_note(notes, notes_.DUBLIN_CORE_ONLY, schema=schema)
        body = get_records_request(version, start=start, limit=limit, output_schema=schema,
                                   expression=plan.expression, sort_by=sort_by,
                                   descending=parsed.descending, element_set=element_set)
        return PageRequest(url=info.post_url or self.url, body=body, start=start, limit=limit,
                           notes=notes, version=version, sort_by=sort_by,
                           bbox=parsed.bbox is not None)

    def send(self, request: PageRequest, is_cancelled=None):
        """The HTTP exchange of a prepared page (safe to run in a helper thread)."""
        return self.transport.request("POST", request.url, data=request.body,
                                      headers=XML_HEADERS, timeout=self.timeout,
                                      is_cancelled=is_cancelled)

    def read(self, request: PageRequest, response) -> SearchResult:
        """The page of a response: records, counts, 0-based next start, notes, exchange."""
        from .csw_documents import parse_getrecords

        exchange = exchange_of("POST", request.url, request.body, response)
        root = read_xml_reply(response, exchange)
        try:
            page = parse_getrecords(root, source=request.url)
        except GeoGovError as error:
            error.exchange = exchange
            raise
        result = page_result(page, request.start, request.limit, exchange)
        result.notes = list(request.notes) + result.notes
        return result

    def get_records(self, parsed: ParsedQuery, start: int, limit: int, *,
                    is_cancelled=None, element_set: str = "full") -> SearchResult:
        """One server page for ``parsed`` from 0-based ``start``; notes say what was done.

        A refused request is retried once per cause, and the cause remembered: a CSW 3.0
        box goes as 2.0.2 when the endpoint offers it, a refused sort is dropped.
        """
        request = self.prepare(parsed, start, limit, element_set=element_set,
                               is_cancelled=is_cancelled)
        try:
            return self.read(request, self.send(request, is_cancelled))
        except ServiceException:
            info = self.info(is_cancelled)
            if request.bbox and request.version == "3.0.0" and "2.0.2" in info.versions \
                    and not info.bbox_needs_202:
                # pycsw 2.6.2: CSW 3.0 requests with a fes:BBOX fail schema validation.
                info.bbox_needs_202 = True
            elif request.sort_by and request.sort_by not in info.sorts_refused:
                info.sorts_refused.add(request.sort_by)
            else:
                raise
        return self.get_records(parsed, start, limit, is_cancelled=is_cancelled,
                                element_set=element_set)

    # -- one record
    def get_record(self, identifier: str, *, is_cancelled=None):
        """``(record, exchange)`` of GetRecordById; ``catalogue.record_not_found`` if absent."""
        from .csw_documents import parse_getrecordbyid, parse_record_element, record_kind

        info = self.info(is_cancelled)
        version = self.version or info.version
        url = with_params(self.url, service="CSW", version=version, request="GetRecordById",
                          id=identifier, outputSchema=info.output_schema
                          if info.output_schema == ISO_SCHEMA else CSW_NS[version],
                          elementSetName="full")
        response = self.transport.request("GET", url, headers={"Accept": XML_HEADERS["Accept"]},
                                          timeout=self.timeout, is_cancelled=is_cancelled)
        exchange = exchange_of("GET", url, b"", response)
        try:
            root = read_xml_reply(response, exchange)
        except ServiceException as error:
            # CSW 3.0 (OGC 12-176r7 §7.4.5.2) reports an unknown id as a NotFound exception;
            # 2.0.2 servers answer an empty GetRecordByIdResponse instead (handled below).
            if error.params.get("exception_code") != "NotFound":
                raise
            missing = DocumentError(f"No record {identifier!r} in the catalogue",
                                    code="catalogue.record_not_found", source=url,
                                    identifier=identifier)
            missing.exchange = exchange
            raise missing from None
        try:
            if record_kind(root):
                # CSW 3.0 (OGC 12-176r7 §7.4.5): GetRecordById answers with the record
                # itself, no csw:GetRecordByIdResponse around it.
                records = [parse_record_element(root, source=url)]
            else:
                records = parse_getrecordbyid(root, source=url)
        except GeoGovError as error:
            error.exchange = exchange
            raise
        if not records:
            error = DocumentError(f"No record {identifier!r} in the catalogue",
                                  code="catalogue.record_not_found", source=url,
                                  identifier=identifier)
            error.exchange = exchange
            raise error
        return records[0], exchange


def _expansion_notes(expansions, notes) -> None:
    expanded = [e for e in expansions if e.expanded]
    if expanded:
        notes_.add_note(notes, notes_.ACCENTS_EXPANDED, terms=[e.term.text for e in expanded],
                        patterns=sum(len(e.patterns) for e in expanded))
    wildcarded = [e.term.text for e in expansions if e.wildcarded]
    if wildcarded:
        notes_.add_note(notes, notes_.ACCENTS_WILDCARDED, terms=wildcarded)
    capped = [e for e in expansions if e.dropped]
    if capped:
        notes_.add_note(notes, notes_.ACCENTS_CAPPED, terms=[e.term.text for e in capped],
                        dropped=sum(e.dropped for e in capped))


def page_result(page, start: int, limit: int, exchange: Exchange) -> SearchResult:
    """A parsed GetRecords page as a SearchResult with honest 0-based paging.

    The next start follows what the server *returned* (a capped page must not make the
    client skip records): the parser's ``nextRecord`` when it gave one, else the records
    read (unreadable ones included: they took a position) while the matched count says
    more remain.
    """
    records = list(page.records)
    positions = len(records) + sum(1 for n in page.notes if isinstance(n, str)
                                   and n.startswith(("record.unreadable", "record.unsupported")))
    matched = page.matched
    next_start = page.next_start
    if next_start is not None and (next_start <= start or not positions):
        # A server repeating a position, or announcing more after an empty page (pycsw does
        # for resultType=hits), would make paging loop or wander: the page ends the search.
        next_start = None
    if next_start is None and positions and matched is not None and start + positions < matched:
        next_start = start + positions
    notes = []
    if next_start is not None and positions < limit:
        notes_.add_note(notes, notes_.PAGE_CAPPED_BY_SERVER, requested=limit, returned=positions)
    notes.extend(notes_.from_parser_notes(page.notes))
    return SearchResult(records=records, matched=matched, returned=len(records),
                        next_start=next_start, notes=notes, exchange=exchange)


def server_info_from(caps, wanted_version: str = "", root=None) -> CswServerInfo:
    """Adapt parsed capabilities (:func:`.csw_documents.parse_capabilities`) for the client."""
    offered = set()
    get_caps = caps.operation("GetCapabilities")
    if get_caps is not None:
        for name, values in get_caps.parameters.items():
            if name.lower() == "acceptversions":
                offered.update(values)
    if root is not None:
        # ows:ServiceIdentification/ServiceTypeVersion lists every version (CSW 3.0 servers
        # that also speak 2.0.2 say so there); the capabilities parser keeps only one.
        offered.update((node.text or "").strip()
                       for node in root.iter("{*}ServiceTypeVersion"))
    own = normalise_version_or_none(caps.version) or "2.0.2"
    versions = tuple(sorted({v for v in map(normalise_version_or_none, offered) if v} | {own}))
    version = wanted_version or own
    get_records = caps.operation("GetRecords")
    queryables = []
    for constraints in ((get_records.constraints if get_records else {}), caps.constraints):
        for name, values in constraints.items():
            if "queryables" in name.lower():
                queryables.extend(values)
    iso_queryables = any(q.lower().endswith("revisiondate") for q in queryables) \
        if queryables else ISO_SCHEMA in caps.output_schemas
    return CswServerInfo(version=version, versions=versions,
                         output_schemas=tuple(caps.output_schemas),
                         iso_queryables=iso_queryables,
                         post_url=(get_records.post_url if get_records else "") or "",
                         title=caps.title or "")


def normalise_version_or_none(version: str) -> Optional[str]:
    try:
        return normalise_version(version)
    except ValueError:
        return None


