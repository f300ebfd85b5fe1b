"""Sentences for the errors of document parsing (plugin/catalogue parsers, plugin/xmlsafe).

Codes raised by ``catalogue.documents`` and the parsers it dispatches to; params are
those the parsers put on the error (see each module's docstring). ``json.type`` (a value
of the wrong type, plugin/json_expect.py) is raised by every JSON reader of the core, the
OGC API Features client's included; :func:`adjust` translates its words.
"""

from __future__ import annotations

from ... import json_expect as expect_
from ..i18n import tr


def messages() -> dict:
    return {
        "xml.encoding": tr("The document starts with a {bom} byte-order mark but declares "
                           "the encoding {declared}: it cannot be decoded reliably."),
        "document.empty": tr("The document is empty."),
        "document.unknown": tr("This document is not a metadata record, a catalogue "
                               "response or OGC service capabilities (root: {root})."),
        "document.unreadable": tr("The file cannot be read: {detail}"),
        "document.not_metadata": tr("This document holds no metadata record (it is {kind})."),
        "document.not_capabilities": tr("This document is not the capabilities of a "
                                        "service (it is {kind})."),
        "iso.not_metadata": tr("This element is not an ISO metadata record ({element})."),
        "iso.missing_element": tr("The metadata record lacks a mandatory element: "
                                  "{element}."),
        "wms.missing_element": tr("The WMS capabilities lack a mandatory element: {element} "
                                  "(layer {layer})."),
        "wms.xlink_namespace": tr("The WMS capabilities bind their links to a wrong XLink "
                                  "namespace ({attribute}): the service addresses cannot "
                                  "be read."),
        "wms.unexpected_document": tr("This is not WMS capabilities ({element})."),
        "wfs.missing_element": tr("The WFS capabilities lack a mandatory element: "
                                  "{element}."),
        "wfs.unexpected_document": tr("This is not WFS capabilities ({element})."),
        "csw.unexpected_document": tr("This is not the expected catalogue (CSW) response "
                                      "({element})."),
        "csw.missing_element": tr("The catalogue response lacks a mandatory element: "
                                  "{element}."),
        "dc.not_record": tr("This element is not a Dublin Core record ({element})."),
        "dcat.not_record": tr("This RDF document holds no DCAT dataset."),
        "record.unsupported": tr("This kind of record is not supported ({element})."),
        "ogcapi.not_record": tr("The OGC API Records {what} is not a JSON object as "
                                "expected."),
        "ogcapi.not_items": tr("The OGC API Records response has no list of records."),
        "json.type": tr("In the JSON document, “{path}” should be {expected}, not {found}."),
        "json.type.root": tr("The JSON document should be {expected}, not {found}."),
        "document.too_deep": tr("The document nests more than {limit} levels deep. It was "
                                "refused without being read: such documents can be used to "
                                "crash the programs that read them."),
    }


def json_words() -> dict:
    """The core's words for JSON types (plugin/json_expect.py), translated."""
    return {
        expect_.EXPECT_OBJECT: tr("an object"),
        expect_.EXPECT_LIST: tr("a list"),
        expect_.EXPECT_LIST: tr("a list"),
        expect_.EXPECT_STRING: tr("a text string"),
        expect_.EXPECT_NUMBER: tr("a number"),
        expect_.EXPECT_INTEGER: tr("a whole number"),
        expect_.EXPECT_STRINGS: tr("a list of text strings"),
        expect_.EXPECT_OBJECTS: tr("a list of objects"),
        expect_.EXPECT_STRING_OR_OBJECT: tr("a text string or an object"),
        expect_.EXPECT_OBJECT_OR_NULL: tr("an object or null"),
        expect_.EXPECT_ID: tr("a text string or a number"),
        expect_.EXPECT_POSITION: tr("a position (two numbers or more)"),
        expect_.EXPECT_BOX: tr("a box (4 or 6 numbers)"),
        expect_.EXPECT_TYPE_NAME: tr("a text string or a list of text strings"),
        expect_.FOUND_BOOLEAN: tr("true or false"),
        expect_.FOUND_NULL: tr("null"),
    }


def adjust(code: str, params: dict):
    """(template key, params) for lookup.error_text: ``json.type``'s words in the
    user's language, and its own sentence for the document's root (empty path)."""
    if code != "json.type":
        return code, params
    words = json_words()
    params = dict(params)
    for key in ("expected", "found"):
        params[key] = words.get(params.get(key), params.get(key, ""))
    return ("json.type" if params.get("path") else "json.type.root"), params
