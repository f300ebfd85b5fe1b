"""What a search could not do on the server, as codes + params for the UI to translate.

``SearchResult.notes`` holds :class:`Note` objects. The core never writes sentences; the
Catalogue dock looks ``note.code`` up in its message table and fills the template with
``note.params``. Every code the search emits is listed here with its params.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Each typed word was sent as the OR of its accent variants. params: terms (list of the
# folded terms), patterns (how many variants were sent in all).
ACCENTS_EXPANDED = "search.accents_expanded"
# A SQL-LIKE server got single-character wildcards for some accentable letters because
# all the variants would have made too long a query: nothing is missed, the server just
# returns more records for the word filter to drop. params: terms.
ACCENTS_WILDCARDED = "search.accents_wildcarded"
# Only the likeliest accent variants were sent (no wildcard available or it would match
# nearly everything): a record spelling the word another way is not found. params:
# terms, dropped (number of spellings not sent).
ACCENTS_CAPPED = "search.accents_capped"
# Records the server matched by substring but which do not have the words at a word start
# ("velo" inside "développement") were hidden. params: hidden, examined.
WORD_BOUNDARIES_FILTERED = "search.word_boundaries_filtered_client_side"
# OGC API Records: ``q`` carries one word (with its variants); the other words/phrases were
# checked on the returned records. params: sent (the word sent), terms (the others).
TEXT_PARTLY_CLIENT_SIDE = "search.text_partly_client_side"
# The organisation / keyword filter is checked on the returned records (a server has no
# queryable matching one party's organisation or one keyword, accent-insensitively);
# params: value, hidden (records of this page it hid).
ORGANISATION_CLIENT_SIDE = "search.organisation_filtered_client_side"
KEYWORD_CLIENT_SIDE = "search.keyword_filtered_client_side"
# The box covered the whole world: not sent, since servers then drop records without a
# bounding box. params: none.
BBOX_GLOBAL_DROPPED = "search.bbox_global_dropped"
# A box crossing the antimeridian was sent as two boxes. params: none.
BBOX_SPLIT = "search.bbox_split_at_antimeridian"
# The CSW 3.0 server refused a spatial filter (pycsw 2.6.2 validates CSW 3.0 requests
# against schemas without GML, so any fes:BBOX is refused): the request went as CSW 2.0.2,
# which the same endpoint offers. params: none.
BBOX_SENT_AS_CSW202 = "search.bbox_sent_as_csw202"
# No way to send the box: it was applied to the returned records. params: hidden.
BBOX_CLIENT_SIDE = "search.bbox_filtered_client_side"
# The server cannot sort on what was asked: results come in the server's order.
# params: sort ("title" / "revision").
SORT_UNSUPPORTED = "search.sort_unsupported"
# The server sorts by code points ("Éclairage" after "Zones"). params: sort.
SORT_BYTEWISE = "search.sort_bytewise"
# The server returned fewer records than asked although more match: it caps its pages
# (pycsw's ``maxrecords`` does so silently). Paging follows what it returned.
# params: requested, returned.
PAGE_CAPPED_BY_SERVER = "search.page_capped_by_server"
# More server pages were read to fill a page the word filter had thinned. params: pages.
MORE_PAGES_FETCHED = "search.more_pages_fetched"
# The page is shorter than asked although the server has more records: reading stopped
# at the bound on extra pages. The next page continues from next_start.
# params: shown, limit, pages.
PAGE_SHORT = "search.page_short"
# The server offers no ISO 19139 output: records come as Dublin Core (fewer parties, no
# maintenance information). params: schema (the one used).
DUBLIN_CORE_ONLY = "search.dublin_core_only"
# A record of the page could not be read and was left out. params: index, code (its error).
RECORD_UNREADABLE = "search.record_unreadable"
# A record of a kind no parser reads (neither ISO, DC, DCAT nor ISO 19110) was left out.
# params: element (its XML element name).
RECORD_UNSUPPORTED = "search.record_unsupported"
# The server's numberOfRecordsReturned disagrees with the records it sent. params: none.
RETURNED_MISMATCH = "search.returned_mismatch"

ALL_CODES = (
    ACCENTS_EXPANDED, ACCENTS_WILDCARDED, ACCENTS_CAPPED, WORD_BOUNDARIES_FILTERED,
    TEXT_PARTLY_CLIENT_SIDE, ORGANISATION_CLIENT_SIDE, KEYWORD_CLIENT_SIDE, BBOX_GLOBAL_DROPPED,
    BBOX_SPLIT, BBOX_SENT_AS_CSW202, BBOX_CLIENT_SIDE, SORT_UNSUPPORTED, SORT_BYTEWISE,
    PAGE_CAPPED_BY_SERVER, MORE_PAGES_FETCHED, PAGE_SHORT, DUBLIN_CORE_ONLY, RECORD_UNREADABLE,
    RECORD_UNSUPPORTED, RETURNED_MISMATCH,
)


@dataclass(frozen=True)
class Note:
    code: str
    params: dict = field(default_factory=dict, hash=False, compare=True)

    def __str__(self):  # for logs and headless use only; the UI translates the code
        if not self.params:
            return self.code
        return f"{self.code} {self.params}"


def add_note(notes: list, code: str, **params) -> None:
    """Append a note unless an equal one is already there (pages repeat the same notes)."""
    note = Note(code, params)
    if note not in notes:
        notes.append(note)


def from_parser_notes(notes) -> list:
    """The document parsers' string notes as Notes.

    The parsers (csw_documents, ogcapi_records) write ``record.unreadable:<position>:<code>``,
    ``record.unsupported:<element>`` and ``csw.returned_mismatch``.
    """
    out = []
    for note in notes:
        if isinstance(note, Note):
            out.append(note)
        elif note.startswith("record.unreadable:"):
            _, position, code = note.split(":", 2)
            out.append(Note(RECORD_UNREADABLE, {"index": int(position), "code": code}))
        elif note.startswith("record.unsupported:"):
            out.append(Note(RECORD_UNSUPPORTED, {"element": note.split(":", 1)[1]}))
        elif note == "csw.returned_mismatch":
            out.append(Note(RETURNED_MISMATCH, {}))
        else:
            out.append(Note(note, {}))
    return out
