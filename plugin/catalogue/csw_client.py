"""CSW 2.0.2 and 3.0 client: GetRecords by POST, GetRecordById, GetCapabilities.

Requests come from :mod:`.csw_requests` (OWSLib FES filters in lxml documents) and go
through the core's ``transport``; responses are parsed by :mod:`.csw_documents` (no OWSLib
parsing: its ``MD_Metadata`` reads neither maintenance nor every party, and is ~6x
slower).

Server behaviour handled here, each where it bites:

* pycsw 2.6.2 validates CSW 3.0 POST requests against schemas that import no GML, so
  every ``fes:BBOX`` is refused; when the endpoint also speaks 2.0.2 the request is sent
  again as 2.0.2 (see :data:`.search_notes.BBOX_SENT_AS_CSW202`).
* A server that refuses a SortBy gets the request again unsorted, with a note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from ..errors import DocumentError, GeoGovError, ServiceException
from ..transport import RequestsTransport, check_status
from ..xmlsafe import exception_report, parse_xml
from . import capabilities_cache
from . import search_notes as notes_
from .csw_requests import (
    CSW202,
    CSW_NS,
    IDENTIFIER,
    ISO_SCHEMA,
    MODIFIED_DC,
    MODIFIED_ISO,
    XML_HEADERS,
    base_url,
    build_filter,
    get_records_request,
    normalise_version,
    sort_property,
    with_params,
)
from .model import Exchange, SearchResult
from .search_text import ParsedQuery

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
    identifiers_only: bool = False


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
    # A server that refused csw:ElementName dc:identifier: identifiers come in brief records.
    element_names_refused: bool = False

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
        plan = build_filter(parsed, version,
                            modified=MODIFIED_ISO if info.iso_queryables else MODIFIED_DC)
        _expansion_notes(plan.expansions, notes)
        schema = ISO_SCHEMA if info.output_schema == ISO_SCHEMA else CSW_NS[version]
        names = ()
        if parsed.identifiers_only:
            # Dublin Core, which every CSW speaks: the identifier alone, else brief records.
            schema, element_set = CSW_NS[version], "brief"
            names = () if info.element_names_refused else (IDENTIFIER,)
        elif schema != ISO_SCHEMA:
            notes_.add_note(notes, notes_.DUBLIN_CORE_ONLY, schema=schema)
        body = get_records_request(version, start=start, limit=limit, output_schema=schema,
                                   expression=plan.expression, sort_by=sort_by,
                                   descending=parsed.descending, element_set=element_set,
                                   element_names=names)
        return PageRequest(url=info.post_url or self.url, body=body, start=start, limit=limit,
                           notes=notes, version=version, sort_by=sort_by,
                           bbox=parsed.bbox is not None,
                           identifiers_only=bool(names))

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
            elif request.identifiers_only and not info.element_names_refused:
                info.element_names_refused = True
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
    # One note per term: a wildcarded term is said as such, not also as "expanded".
    expanded = [e for e in expansions if e.expanded and not e.wildcarded]
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


