"""CSW 2.0.2 Transactions (CSW-T) on one ISO 19139 record: read it, replace it whole.

:func:`get_iso_record` reads a record by GetRecordById in the ISO 19139 output schema and
returns its ``gmd:MD_Metadata`` element; :func:`replace_record` sends a full-record
``csw:Update`` holding that element and returns ``totalUpdated``.

Why the full record and not ``csw:RecordProperty``: pycsw 2.6.2 applies a RecordProperty
Update to its database columns and, when the property's XPath ends on a ``gco:DateTime``,
not to the XML it serves. Measured on this project's pycsw (demo record
878ab4ef-…, 2026-12-10): ``apiso:Modified`` = 2026-12-20 (the record's ``gmd:dateStamp``,
a gco:DateTime) answered ``totalUpdated`` 1 and set the database's ``date_modified``, yet
GetRecordById kept serving ``2026-12-10T09:00:00``; ``apiso:RevisionDate`` (a gco:Date)
changed both. A catalogue whose own answer cannot be trusted gets the whole record, which
it stores and serves as sent, and is read back afterwards
(plugin/publishing/record_update.py).

Errors: an exception report raises :class:`~..errors.ServiceException` (e.g. pycsw with
transactions off), HTTP errors :class:`~..errors.NetworkError` (``http.unauthorized``
for a 401, ``http.forbidden``…), a reply that is not what CSW answers
:class:`~..errors.DocumentError` ``csw.unexpected_reply``.
"""

from __future__ import annotations

from typing import Callable, Optional

from lxml import etree

from ..errors import DocumentError
from ..transport import check_status
from ..xmlsafe import exception_report, parse_xml
from .gmd_tags import GMD
from .iso19139 import is_record

CSW = "http://www.opengis.net/cat/csw/2.0.2"
_RECORD_BY_ID = f"{{{CSW}}}GetRecordByIdResponse"
_TRANSACTION_RESPONSE = f"{{{CSW}}}TransactionResponse"


def _root(response, what: str):
    try:
        root = parse_xml(response.content, response.url)
    except DocumentError:
        check_status(response)
        raise
    report = exception_report(root)
    if report is not None:
        report.source = response.url
        report.params["request"] = what
        raise report
    check_status(response)
    return root


def get_iso_record(transport, url: str, identifier: str, *, timeout: float = 60.0,
                   is_cancelled: Optional[Callable[[], bool]] = None):
    """The ``gmd:MD_Metadata`` element (or a profile's) of record ``identifier``.

    DocumentError ``csw.record_not_found`` when the catalogue answers without it."""
    params = {"service": "CSW", "version": "2.0.2", "request": "GetRecordById",
              "id": identifier, "outputSchema": GMD, "elementSetName": "full"}
    response = transport.request("GET", url, params=params, timeout=timeout,
                                 is_cancelled=is_cancelled)
    root = _root(response, "GetRecordById")
    candidates = [root] if is_record(root) else [c for c in root if is_record(c)]
    if root.tag != _RECORD_BY_ID and not is_record(root):
        raise DocumentError("The catalogue did not answer a GetRecordById",
                            code="csw.unexpected_reply", source=response.url,
                            element=etree.QName(root).localname)
    if not candidates:
        raise DocumentError(f"The catalogue has no ISO 19139 record {identifier}",
                            code="csw.record_not_found", source=response.url,
                            record=identifier)
    return candidates[0]


def update_document(record) -> bytes:
    """A CSW 2.0.2 Transaction replacing the record ``record`` (an MD_Metadata element)."""
    root = etree.Element(f"{{{CSW}}}Transaction", nsmap={"csw": CSW})
    root.set("service", "CSW")
    root.set("version", "2.0.2")
    update = etree.SubElement(root, f"{{{CSW}}}Update")
    update.append(_detached(record))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _detached(record):
    """A copy of ``record`` carrying every namespace it uses (it may come out of a response
    whose root declared them)."""
    import copy

    return copy.deepcopy(record)


def replace_record(transport, url: str, record, *, timeout: float = 60.0,
                   is_cancelled: Optional[Callable[[], bool]] = None) -> int:
    """Send a full-record Update of ``record``; the catalogue's ``totalUpdated``.

    A :class:`~..errors.NetworkError` of the connection (not an HTTP status) leaves the
    outcome unknown: read the record back to find out."""
    response = transport.request("POST", url, data=update_document(record),
                                 headers={"Content-Type": "application/xml"},
                                 timeout=timeout, is_cancelled=is_cancelled)
    root = _root(response, "Transaction")
    if root.tag != _TRANSACTION_RESPONSE:
        raise DocumentError("The catalogue did not answer the Transaction",
                            code="csw.unexpected_reply", source=response.url,
                            element=etree.QName(root).localname)
    text = root.findtext(f"{{{CSW}}}TransactionSummary/{{{CSW}}}totalUpdated")
    try:
        return int((text or "0").strip())
    except ValueError:
        raise DocumentError(f"totalUpdated is not a number: {text!r}",
                            code="csw.unexpected_reply", source=response.url,
                            element="totalUpdated") from None
