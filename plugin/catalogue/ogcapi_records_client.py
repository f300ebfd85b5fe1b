"""OGC API Records client: a records collection's items, one record, what it can sort on.

Requests use the standard query parameters (``q``, ``bbox``, ``limit``, ``offset``,
``sortby``); responses are parsed by :mod:`.ogcapi_records`.

What ``q`` can and cannot do decides how text is sent. The standard only says that
comma-separated terms are OR-ed; pygeoapi's TinyDB provider (measured on 0.21) runs each
term as a *regular expression* over the record's anytext, case-insensitively (Unicode
case, so "VÉLO" finds "vélo") but without folding accents ("velo" misses "vélo"), and a
term with spaces matches only those words *next to each other* ("cyclables aménagements"
finds nothing where "Aménagements cyclables" is written). A quote in ``q`` ends up in
Python code it evaluates and is refused (HTTP 400). So ``q`` carries exactly one word:
the longest typed word, as the comma-separated OR of its accent variants, letters and
digits only; every other word and phrase, and the word boundaries, are checked on the
returned records. Organisation and keyword filters are checked on the records too: a
queryable holding an array of contacts or keywords cannot be matched by the equality
that ``?name=value`` means.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlsplit, urlunsplit

from ..errors import DocumentError, GeoGovError, ServiceException
from ..json_expect import Expect
from ..transport import RequestsTransport, check_status
from ..xmlsafe import parse_json
from . import capabilities_cache
from . import search_notes as notes_
from .model import Exchange, SearchResult
from .search_notes import Note
from .search_text import Q_VARIANT_CAP, ParsedQuery, q_variants

JSON_ACCEPT = "application/geo+json, application/json;q=0.9, */*;q=0.1"
SORTING = "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/sorting"
# Properties that hold the resource's last revision in the records servers write.
REVISION_PROPERTIES = ("updated", "modified", "recordUpdated", "date")


def landing_url(collection_url: str) -> str:
    """The API's landing page: ``…/collections/<id>`` -> ``…``."""
    parts = urlsplit(collection_url)
    path = parts.path.rstrip("/")
    marker = path.rfind("/collections/")
    root = path[:marker] if marker >= 0 else path
    return urlunsplit(parts._replace(path=root or "/", query="", fragment=""))


def collection_url_of(url: str) -> str:
    """A records collection URL from what a user may paste (…/items, …/items/<id>, ?f=json)."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    marker = path.rfind("/items")
    if marker >= 0 and path.rfind("/collections/") >= 0 and marker > path.rfind("/collections/"):
        path = path[:marker]
    return urlunsplit(parts._replace(path=path, query="", fragment=""))


def request_json(transport, url: str, *, params=None, timeout=30.0, is_cancelled=None):
    """``(document, exchange)`` of a GET expecting JSON; the project's own errors otherwise."""
    response = transport.request("GET", url, params=params, headers={"Accept": JSON_ACCEPT},
                                 timeout=timeout, is_cancelled=is_cancelled)
    return read_json_reply(response, url)


def read_json_reply(response, url: str):
    exchange = Exchange(method="GET", url=response.url or url, status=response.status,
                        response=response.content, content_type=response.content_type)
    try:
        if response.status >= 400:
            _raise_problem(response)
        return parse_json(response.content, source=response.url or url), exchange
    except GeoGovError as error:
        error.exchange = exchange
        raise


def _raise_problem(response) -> None:
    """HTTP error: say the server's own words when it sent an OGC API exception body."""
    try:
        body = parse_json(response.content, source=response.url)
    except DocumentError:
        body = None
    if isinstance(body, dict) and (body.get("description") or body.get("detail")):
        text = str(body.get("description") or body.get("detail"))
        code = str(body.get("code") or body.get("type") or body.get("title") or "")
        if response.status not in (401, 403, 404) and response.status < 500:
            raise ServiceException(f"The server returned an exception {code}: {text}",
                                   source=response.url, exception_code=code, locator="",
                                   text=text, all=[(code, "", text)])
    check_status(response)


@dataclass
class ItemsRequest:
    url: str
    params: dict
    start: int
    limit: int
    notes: list


@dataclass
class RecordsCollectionInfo:
    title: str = ""
    conformance: tuple = ()
    sortables: tuple = ()          # from /sortables, else the queryables

    @property
    def can_sort(self) -> bool:
        return SORTING in self.conformance

    def sort_property(self, sort: str) -> Optional[str]:
        if not self.can_sort or not sort:
            return None
        if sort == "title":
            return "title" if "title" in self.sortables else None
        for name in REVISION_PROPERTIES:
            if name in self.sortables:
                return name
        return None


class OgcApiRecordsClient:
    """Searches one OGC API Records collection (``…/collections/<id>``)."""

    def __init__(self, url: str, *, transport=None, timeout: float = 30.0,
                 info: Optional[RecordsCollectionInfo] = None, q_cap: int = Q_VARIANT_CAP):
        self.url = collection_url_of(url)
        self.transport = transport or RequestsTransport()
        self.timeout = timeout
        self.q_cap = q_cap
        self._info = info

    def info(self, is_cancelled=None) -> RecordsCollectionInfo:
        if self._info is None:
            key = ("ogcapi-records", self.url)
            self._info = capabilities_cache.get(key)
            if self._info is None:
                self._info = self.read_info(is_cancelled)
                capabilities_cache.put(key, self._info)
        return self._info

    def read_info(self, is_cancelled=None) -> RecordsCollectionInfo:
        from .ogcapi_records import conformance_classes, queryable_names

        collection, exchange = request_json(self.transport, self.url, timeout=self.timeout,
                                            is_cancelled=is_cancelled)
        with attached(exchange):
            expect = Expect(exchange.url)
            title = expect.text(expect.object(collection, "").get("title"), "title", True)
        conformance, exchange = request_json(self.transport,
                                             landing_url(self.url) + "/conformance",
                                             timeout=self.timeout, is_cancelled=is_cancelled)
        with attached(exchange):
            classes = tuple(conformance_classes(conformance, exchange.url))
        sortables = ()
        if SORTING in classes:
            # OGC API Records names a /sortables resource; pygeoapi 0.21 has none and
            # validates sortby against the queryables instead.
            for leaf in ("sortables", "queryables"):
                try:
                    document, exchange = request_json(self.transport, f"{self.url}/{leaf}",
                                                      timeout=self.timeout,
                                                      is_cancelled=is_cancelled)
                except GeoGovError as error:
                    if getattr(error, "code", "") in ("http.not_found", "http.status"):
                        continue
                    raise
                with attached(exchange):
                    sortables = tuple(queryable_names(document, exchange.url))
                break
        return RecordsCollectionInfo(title=title, conformance=classes, sortables=sortables)

    # -- search
    def query_params(self, parsed: ParsedQuery, start: int, limit: int, notes: list) -> dict:
        params = {"limit": str(limit), "offset": str(start)}
        words = [w for term in parsed.text for w in term.words]
        if words:
            sent = max(words, key=len)
            expansion = q_variants(sent, cap=self.q_cap)
            params["q"] = ",".join(expansion.patterns)
            if len(expansion.patterns) > 1:
                notes_.add_note(notes, notes_.ACCENTS_EXPANDED, terms=[sent],
                                patterns=len(expansion.patterns))
            if expansion.dropped:
                notes_.add_note(notes, notes_.ACCENTS_CAPPED, terms=[sent],
                                dropped=expansion.dropped)
            others = [t.text for t in parsed.text if t.text != sent]
            if others:
                notes_.add_note(notes, notes_.TEXT_PARTLY_CLIENT_SIDE, sent=sent, terms=others)
        if parsed.bbox is not None:
            # OGC API bbox is CRS84 (longitude first) and may cross the antimeridian.
            params["bbox"] = ",".join(f"{v:.6f}".rstrip("0").rstrip(".") for v in parsed.bbox)
        return params

    def prepare(self, parsed: ParsedQuery, start: int, limit: int, *,
                is_cancelled=None) -> ItemsRequest:
        if parsed.modified_since is not None or parsed.identifiers_only:
            # No standard way to ask (``datetime`` is the resource's time): never ignored
            # silently; catalogue/sweep.py reads such a catalogue in full.
            raise ValueError("OGC API Records: no 'changed since' filter, no identifier list")
        notes = []
        params = self.query_params(parsed, start, limit, notes)
        if parsed.sort:
            name = self.info(is_cancelled).sort_property(parsed.sort)
            if name:
                params["sortby"] = ("-" if parsed.descending else "") + name
            else:
                notes_.add_note(notes, notes_.SORT_UNSUPPORTED, sort=parsed.sort)
        return ItemsRequest(url=f"{self.url}/items", params=params, start=start, limit=limit,
                            notes=notes)

    def send(self, request: ItemsRequest, is_cancelled=None):
        return self.transport.request("GET", request.url, params=request.params,
                                      headers={"Accept": JSON_ACCEPT}, timeout=self.timeout,
                                      is_cancelled=is_cancelled)

    def read(self, request: ItemsRequest, response) -> SearchResult:
        from .ogcapi_records import parse_items

        document, exchange = read_json_reply(response, request.url)
        try:
            page = parse_items(document, source=exchange.url)
        except GeoGovError as error:
            error.exchange = exchange
            raise
        start, limit = request.start, request.limit
        records = list(page.records)
        returned = len(records) + _unreadable_count(page.notes)
        matched = page.matched
        next_start = None
        if returned:
            candidate = start + returned
            more = candidate < matched if matched is not None else page.next_start is not None
            if more:
                next_start = candidate
        notes = list(request.notes)
        if next_start is not None and returned < limit:
            notes_.add_note(notes, notes_.PAGE_CAPPED_BY_SERVER, requested=limit,
                            returned=returned)
        notes.extend(notes_.from_parser_notes(page.notes))
        return SearchResult(records=records, matched=matched, returned=len(records),
                            next_start=next_start, notes=notes, exchange=exchange)

    def get_records(self, parsed: ParsedQuery, start: int, limit: int, *,
                    is_cancelled=None) -> SearchResult:
        request = self.prepare(parsed, start, limit, is_cancelled=is_cancelled)
        return self.read(request, self.send(request, is_cancelled))

    def get_record(self, identifier: str, *, is_cancelled=None):
        """``(record, exchange)``; ``catalogue.record_not_found`` when the server has none."""
        from urllib.parse import quote

        from .ogcapi_records import parse_record

        url = f"{self.url}/items/{quote(identifier, safe='')}"
        try:
            document, exchange = request_json(self.transport, url, timeout=self.timeout,
                                              is_cancelled=is_cancelled)
        except GeoGovError as error:
            if error.code == "http.not_found":
                missing = DocumentError(f"No record {identifier!r} in the catalogue",
                                        code="catalogue.record_not_found", source=url,
                                        identifier=identifier)
                missing.exchange = getattr(error, "exchange", None)
                raise missing from None
            raise
        try:
            return parse_record(document, source=url), exchange
        except GeoGovError as error:
            error.exchange = exchange
            raise


def _unreadable_count(notes) -> int:
    return sum(1 for n in notes if isinstance(n, Note) and n.code == notes_.RECORD_UNREADABLE
               or isinstance(n, str) and n.startswith("record.unreadable:"))


@contextmanager
def attached(exchange):
    """Errors raised reading a reply carry its exchange (the raw-response dialog shows it)."""
    try:
        yield
    except GeoGovError as error:
        error.exchange = exchange
        raise
