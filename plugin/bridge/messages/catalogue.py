"""Sentences for catalogue search: errors of connections and searches, and search notes.

Error codes are those raised by plugin/catalogue/connections.py, csw_client.py,
ogcapi_records_client.py, service_client.py and plugin/bridge/layers_from_records.py.
Notes (``SearchResult.notes``, codes of plugin/catalogue/search_notes.py) say what the
server could not do; :func:`note_text` turns one into a sentence.
"""

from __future__ import annotations

from ...catalogue import search_notes as notes_
from ..i18n import tr
from ..labels.catalogue import sort_label
from .lookup import error_text, format_template


def messages() -> dict:
    return {
        "catalogue.html_page": tr("Only a web page answers at this address: it is neither "
                                  "a CSW nor an OGC API Records catalogue."),
        "catalogue.unknown_kind": tr("The address answered with a document that is neither "
                                     "CSW capabilities nor an OGC API landing page or "
                                     "collection."),
        "catalogue.no_records": tr("This OGC API offers no records collection."),
        "catalogue.record_not_found": tr("The catalogue has no record \"{identifier}\"."),
        "connections.file_invalid": tr("This file holds no usable catalogue connections "
                                       "({detail})."),
        "connections.kind_unknown": tr("Unknown catalogue kind \"{kind}\"."),
        "connections.url_invalid": tr("This is not an http(s) address: \"{url}\"."),
        "connections.version_unknown": tr("Unsupported CSW version \"{version}\"."),
        "service.wrong_kind": tr("This address does not answer as a {expected} service."),
        "layer.invalid": tr("QGIS cannot open the layer \"{name}\": {detail}"),
        "layer.no_collection": tr("The link names no OGC API Features collection."),
    }


def note_templates() -> dict:
    return {
        notes_.ACCENTS_EXPANDED: tr("Accents: the server was also asked for the accented "
                                    "spellings of {terms}."),
        notes_.ACCENTS_WILDCARDED: tr("Accents: for {terms}, the server got wildcards in place "
                                      "of the letters that can bear an accent; the extra "
                                      "records it returned were set aside here."),
        notes_.ACCENTS_CAPPED: tr("Accents: only the likeliest spellings of {terms} were sent "
                                  "({dropped} left out); a record spelling them otherwise "
                                  "may be missed."),
        notes_.WORD_BOUNDARIES_FILTERED: tr("Whole words: the server also matches inside "
                                            "words (\"velo\" in \"développement\"); {hidden} "
                                            "of {examined} records were hidden here for "
                                            "that."),
        notes_.TEXT_PARTLY_CLIENT_SIDE: tr("This catalogue searches one word at a time: "
                                           "{sent} was sent to the server, {terms} checked "
                                           "here."),
        notes_.ORGANISATION_CLIENT_SIDE: tr("Organisation {value}: filtered here, the server "
                                            "cannot ({hidden} hidden on this page)."),
        notes_.KEYWORD_CLIENT_SIDE: tr("Keyword {value}: filtered here, the server cannot "
                                       "({hidden} hidden on this page)."),
        notes_.BBOX_GLOBAL_DROPPED: tr("Map extent not used: it covers the whole world, and "
                                       "servers would then leave out the records that have "
                                       "no extent."),
        notes_.BBOX_SPLIT: tr("Map extent: it crosses the antimeridian and was sent as two "
                              "boxes."),
        notes_.BBOX_SENT_AS_CSW202: tr("Map extent: this server refuses spatial filters in "
                                       "CSW 3.0, so the search went in CSW 2.0.2."),
        notes_.BBOX_CLIENT_SIDE: tr("Map extent: the server cannot filter on it; applied "
                                    "here ({hidden} hidden)."),
        notes_.SORT_UNSUPPORTED: tr("Sort by {sort}: not supported by the server, results "
                                    "come in its own order."),
        notes_.SORT_BYTEWISE: tr("Sort by {sort}: the server puts accented capitals after Z "
                                 "(\"Éclairage\" after \"Zones\")."),
        notes_.PAGE_CAPPED_BY_SERVER: tr("The server returns at most {returned} records per "
                                         "page ({requested} asked)."),
        notes_.MORE_PAGES_FETCHED: tr("{pages} server pages were read to fill this page."),
        notes_.PAGE_SHORT: tr("{shown} records shown instead of {limit}: reading stopped "
                              "after {pages} server pages; \"Next\" goes on."),
        notes_.DUBLIN_CORE_ONLY: tr("This catalogue gives no ISO 19139 records, only {schema}: "
                                    "fewer parties, no maintenance information."),
        notes_.RECORD_UNREADABLE: tr("Record no. {index} of the page could not be read and "
                                     "was left out ({code})."),
        # The same, when the note carries the error's params (OGC API Records): {reason}
        # is the error's own sentence.
        f"{notes_.RECORD_UNREADABLE}.reason": tr("Record no. {index} of the page could not "
                                                 "be read and was left out. {reason}"),
        notes_.RECORD_UNSUPPORTED: tr("A record of an unsupported kind ({element}) was left "
                                      "out."),
        notes_.RETURNED_MISMATCH: tr("The server's count of returned records disagrees with "
                                     "the records it sent."),
    }


def _quoted(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_quoted(v) for v in value)
    return tr("\"{text}\"", "a quoted search term").format(text=value)


def note_text(note, templates: dict | None = None) -> str:
    """One note of a SearchResult as a sentence (an unknown code is shown as is)."""
    templates = templates if templates is not None else note_templates()
    template = templates.get(note.code)
    if template is None:
        return note.code
    params = dict(note.params)
    if note.code == notes_.RECORD_UNREADABLE and set(params) - {"index", "code"}:
        template = templates[f"{notes_.RECORD_UNREADABLE}.reason"]
        params["reason"] = _reason(params)
    for key in ("terms", "sent", "value"):
        if key in params:
            params[key] = _quoted(params[key])
    if "sort" in params:
        params["sort"] = sort_label(params["sort"])
    return format_template(template, params)


def _reason(params: dict) -> str:
    """The sentence of the error a RECORD_UNREADABLE note carries (code + its params)."""
    from ...errors import DocumentError

    details = {k: v for k, v in params.items() if k not in ("index", "code")}
    return error_text(DocumentError(params.get("code", ""), code=params.get("code") or None,
                                    **details))


def notes_text(notes) -> list:
    templates = note_templates()
    return [note_text(note, templates) for note in notes]
