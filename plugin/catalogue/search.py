"""One search interface over CSW 2.0.2/3.0 and OGC API Records (MetaSearch-style).

    catalogue = open_catalogue(connection, transport=...)
    result = catalogue.search(SearchQuery(text='velo "plan vélo"', limit=20))
    record, exchange = catalogue.get_record(result.records[0].identifier)
    for page in catalogue.harvest(page_size=100, progress=..., is_cancelled=...): ...

Adapters (:mod:`.csw_client`, :mod:`.ogcapi_records_client`) turn a parsed query into one
server page; this module adds what no server does for a French user: the word-start,
accent- and case-insensitive check of every returned record (see :mod:`.search_text`),
with paging kept honest:

* ``matched`` is the server's count (of its wider substring match), never invented;
* ``next_start`` is the server position after the last record *shown*, so nothing is
  skipped or shown twice whatever the word filter hid;
* a page thinned by the filter is topped up from the following server pages, up to
  ``max_pages`` requests, and the notes say how many records were hidden.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterator, Optional

from ..errors import Cancelled
from . import search_notes as notes_
from .model import SearchQuery, SearchResult
from .search_text import fold, parse_query

# Server requests one search() may make to fill a page the word filter thinned.
MAX_PAGES_PER_SEARCH = 5
# Harvest requests queued ahead of the page being parsed (see Catalogue.harvest).
PREFETCH_DEPTH = 2
# While records are checked client-side, server pages are at least this long: one larger
# page costs less than several round trips when most of a page may be hidden.
FILTERED_PAGE_SIZE = 25


def _check(is_cancelled) -> None:
    if is_cancelled is not None and is_cancelled():
        raise Cancelled("Cancelled")


class Catalogue:
    """A catalogue endpoint with one interface whatever its protocol.

    ``backend`` is a :class:`~.csw_client.CswClient` or an
    :class:`~.ogcapi_records_client.OgcApiRecordsClient`; use :func:`open_catalogue`.
    """

    def __init__(self, backend, kind: str):
        self.backend = backend
        self.kind = kind

    # ------------------------------------------------------------------ search
    def search(self, query: SearchQuery, *, is_cancelled: Optional[Callable[[], bool]] = None,
               max_pages: int = MAX_PAGES_PER_SEARCH) -> SearchResult:
        """One page of results for ``query`` (``query.start`` is 0-based, ``limit`` the size)."""
        parsed = parse_query(query)
        limit = max(1, int(query.limit))
        notes = []
        if parsed.bbox_dropped:
            notes_.add_note(notes, notes_.BBOX_GLOBAL_DROPPED)
        check = parsed.record_filter()
        start = max(0, int(query.start))
        shown, hidden = [], []          # (server position, record) / (position, reason)
        pages, page, first = 0, None, None
        page_size = max(limit, FILTERED_PAGE_SIZE) if check.active else limit
        while True:
            _check(is_cancelled)
            page = self.backend.get_records(parsed, start, page_size, is_cancelled=is_cancelled)
            pages += 1
            first = first or page
            for note in page.notes:
                if note not in notes:
                    notes.append(note)
            for offset, record in enumerate(page.records):
                reason = check.rejection(record) if check.active else None
                if reason is None:
                    shown.append((start + offset, record))
                else:
                    hidden.append((start + offset, reason))
            if page.next_start is None or len(shown) >= limit or pages >= max_pages:
                break
            start = page.next_start
        next_start = page.next_start
        if len(shown) > limit:
            next_start = shown[limit][0]
            shown = shown[:limit]
        end = next_start if next_start is not None else float("inf")
        reasons = [reason for position, reason in hidden if position < end]
        _filter_notes(notes, parsed, reasons, examined=len(shown) + len(reasons))
        if pages > 1:
            notes_.add_note(notes, notes_.MORE_PAGES_FETCHED, pages=pages)
        if next_start is not None and len(shown) < limit and check.active:
            notes_.add_note(notes, notes_.PAGE_SHORT, shown=len(shown), limit=limit,
                            pages=pages)
        records = [record for _, record in shown]
        if parsed.sort == "title" and _sorted_by_code_points(records, parsed.descending):
            notes_.add_note(notes, notes_.SORT_BYTEWISE, sort="title")
        return SearchResult(records=records, matched=page.matched, returned=len(records),
                            next_start=next_start, notes=notes, exchange=first.exchange)

    def get_record(self, identifier: str, *, is_cancelled=None):
        """``(record, exchange)`` of one record by identifier (GetRecordById / items/{id})."""
        _check(is_cancelled)
        return self.backend.get_record(identifier, is_cancelled=is_cancelled)

    # ------------------------------------------------------------------ harvest
    def harvest(self, query: Optional[SearchQuery] = None, *, page_size: int = 100,
                progress: Optional[Callable[[float], None]] = None,
                is_cancelled: Optional[Callable[[], bool]] = None,
                prefetch: bool = True) -> Iterator[SearchResult]:
        """Every page of ``query`` (all records when None), one SearchResult per server page.

        Records the word filter rejects are left out of each page (its notes say how many).
        ``progress(fraction)`` follows the server's matched count; ``is_cancelled()`` is
        checked before each request and raises :class:`~..errors.Cancelled`.

        With ``prefetch`` the next pages are requested from a helper thread while the
        current one is parsed (the server works while we parse: a harvest takes about the
        longer of the two instead of their sum). Their starts are guessed from the previous
        page's length, and the guesses dropped when a page turns out shorter. Only the
        helper thread uses the transport once prefetching starts; pass False for a
        transport bound to one thread.
        """
        query = query or SearchQuery()
        yield from self._harvest(parse_query(query), max(0, int(query.start)), page_size,
                                 progress, is_cancelled, prefetch)

    def identifiers(self, *, page_size: int = 1000,
                    is_cancelled: Optional[Callable[[], bool]] = None,
                    prefetch: bool = True) -> list:
        """Every record's identifier, in the catalogue's order (CSW: Dublin Core records
        holding ``dc:identifier`` alone, a tenth of the brief records' bytes): what a sweep
        compares its cache with (see :mod:`.sweep`)."""
        if self.kind not in ("csw", ""):
            raise ValueError("identifiers(): CSW catalogues only")
        parsed = replace(parse_query(SearchQuery()), identifiers_only=True)
        out = []
        for page in self._harvest(parsed, 0, page_size, None, is_cancelled, prefetch):
            out.extend(record.identifier for record in page.records)
        return out

    def _harvest(self, parsed, start, page_size, progress, is_cancelled, prefetch):
        check = parsed.record_filter()
        _check(is_cancelled)
        # The first page goes the plain way: it lets the adapter learn what the server
        # refuses (sort, CSW 3.0 boxes) before requests are prepared ahead.
        page = self.backend.get_records(parsed, start, page_size, is_cancelled=is_cancelled)
        if not prefetch:
            while True:
                yield self._harvested(page, parsed, check, progress)
                if page.next_start is None:
                    return
                _check(is_cancelled)
                page = self.backend.get_records(parsed, page.next_start, page_size,
                                                is_cancelled=is_cancelled)
        from collections import deque
        from concurrent.futures import ThreadPoolExecutor, wait

        backend = self.backend
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="geogov-harvest")
        queue = deque()          # (request, future of its response), in page order

        def ask(position):
            _check(is_cancelled)
            request = backend.prepare(parsed, position, page_size, is_cancelled=is_cancelled)
            queue.append((request, pool.submit(backend.send, request, is_cancelled)))

        def top_up(current, size, matched):
            # Keep PREFETCH_DEPTH requests queued: the worker sends the next one as soon as
            # it has read a response, so the server never waits for our parsing.
            while len(queue) < PREFETCH_DEPTH:
                guess = (queue[-1][0].start if queue else current) + size
                if matched is not None and guess >= matched:
                    return
                ask(guess)

        def drop_queue():
            # Wrong guesses (a shorter page) or requests past the end: waited for, dropped.
            wait([future for _, future in queue])
            queue.clear()

        try:
            if page.next_start is None:
                yield self._harvested(page, parsed, check, progress)
                return
            size = page.next_start - start
            matched = page.matched
            ask(page.next_start)
            top_up(page.next_start, size, matched)
            yield self._harvested(page, parsed, check, progress)
            while queue:
                request, future = queue.popleft()
                response = future.result()
                top_up(request.start, size, matched)
                page = backend.read(request, response)
                if page.next_start is None:
                    drop_queue()
                    yield self._harvested(page, parsed, check, progress)
                    return
                if not queue or queue[0][0].start != page.next_start:
                    drop_queue()
                    ask(page.next_start)
                size = page.next_start - request.start
                matched = page.matched if page.matched is not None else matched
                top_up(request.start, size, matched)
                yield self._harvested(page, parsed, check, progress)
        finally:
            for _, future in queue:
                future.cancel()
            pool.shutdown(wait=True)

    @staticmethod
    def _harvested(page, parsed, check, progress):
        if check.active:
            kept, reasons = [], []
            for record in page.records:
                reason = check.rejection(record)
                if reason is None:
                    kept.append(record)
                else:
                    reasons.append(reason)
            _filter_notes(page.notes, parsed, reasons, examined=len(page.records))
            page.records = kept
            page.returned = len(kept)
        if progress is not None:
            if page.next_start is None:
                progress(1.0)
            elif page.matched:
                progress(min(1.0, page.next_start / page.matched))
        return page


def _filter_notes(notes, parsed, reasons, examined) -> None:
    """Say what the record check hid, per filter (the text note only when it hid some)."""
    text = reasons.count("text")
    if text:
        notes_.add_note(notes, notes_.WORD_BOUNDARIES_FILTERED, hidden=text, examined=examined)
    if parsed.organisation:
        notes_.add_note(notes, notes_.ORGANISATION_CLIENT_SIDE,
                        value=" ".join(t.text for t in parsed.organisation),
                        hidden=reasons.count("organisation"))
    if parsed.keyword:
        notes_.add_note(notes, notes_.KEYWORD_CLIENT_SIDE,
                        value=" ".join(t.text for t in parsed.keyword),
                        hidden=reasons.count("keyword"))
    if reasons.count("bbox"):
        notes_.add_note(notes, notes_.BBOX_CLIENT_SIDE, hidden=reasons.count("bbox"))


def _sorted_by_code_points(records, descending: bool) -> bool:
    """True when the server visibly sorted titles by code points, not alphabetically.

    Only decidable on a page where the two orders differ ("Zones…" before "Éclairage…").
    """
    titles = [r.title or "" for r in records]
    if len(titles) < 2:
        return False
    raw = sorted(titles, reverse=descending)
    folded = sorted(titles, key=fold, reverse=descending)
    return titles == raw and raw != folded


def open_catalogue(connection, *, transport=None, timeout: Optional[float] = None) -> Catalogue:
    """A :class:`Catalogue` for a connection (CatalogueConnection, or any object/dict with
    ``url``, ``kind``, ``version``, ``timeout``)."""
    from .connections import OGCAPI_RECORDS, CatalogueConnection
    from .csw_client import CswClient
    from .ogcapi_records_client import OgcApiRecordsClient

    connection = CatalogueConnection.from_mapping(connection)
    timeout = float(timeout if timeout is not None else connection.timeout)
    if connection.kind == OGCAPI_RECORDS:
        return Catalogue(OgcApiRecordsClient(connection.url, transport=transport,
                                             timeout=timeout), connection.kind)
    return Catalogue(CswClient(connection.url, connection.version, transport=transport,
                               timeout=timeout), connection.kind)


def search(connection, query: SearchQuery, *, transport=None, is_cancelled=None) -> SearchResult:
    """One-shot search (for a QgsTask): open the connection, return one page."""
    return open_catalogue(connection, transport=transport).search(query,
                                                                  is_cancelled=is_cancelled)
