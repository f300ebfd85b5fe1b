"""Sentences for the errors of document parsing (plugin/catalogue parsers, plugin/xmlsafe).

Codes raised by ``catalogue.documents`` and the parsers it dispatches to; params are
those the parsers put on the error (see each module's docstring).
"""

from __future__ import annotations

from ..plugin.bridge.i18n import tr


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
    }
