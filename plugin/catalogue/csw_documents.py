"""CSW response documents (2.0.2 and 3.0): GetRecords, GetRecordById, GetCapabilities.

Transport-free: each function takes the parsed root element (``xmlsafe.parse_xml``) and
returns plain data. Exception reports are raised as :class:`ServiceException` by
:func:`xmlsafe.raise_for_exception` before anything else.

Server quirks met in real responses and handled here:

* a page mixes record kinds (GeoNetwork: gmd:MD_Metadata beside gfc:FC_FeatureCatalogue;
  ``outputSchema=dcat`` gives rdf:RDF children): each child goes to its own parser, an
  unknown kind is noted (``record.unsupported:<name>``), an unreadable record is noted
  (``record.unreadable:<position>:<code>``) and skipped instead of failing the page;
* ``numberOfRecordsReturned`` that does not match the children (GeoNetwork answers a
  ``resultType=hits`` request with returned=10 and no record): noted
  ``csw.returned_mismatch``, ``returned`` is the number of records actually read;
* ``nextRecord`` is 1-based and 0 at the end (CSW 2.0.2 §10.8.4.4); some servers send a
  value past ``numberOfRecordsMatched``: treated as the end.
"""

from __future__ import annotations

from ..errors import DocumentError
from ..xmlsafe import raise_for_exception
from . import dcat, dublincore, iso19110, iso19115_3, iso19139
from .iso_common import local
from .model import Record, SearchResult
from .ows_common import (
    child,
    operations_metadata,
    service_identification,
    service_provider,
)
from .service_model import ServiceInfo

CSW202 = "http://www.opengis.net/cat/csw/2.0.2"
CSW30 = "http://www.opengis.net/cat/csw/3.0"
CSW_NAMESPACES = (CSW202, CSW30)


def _csw_tag(element, name: str) -> bool:
    tag = element.tag
    return isinstance(tag, str) and tag in (f"{{{CSW202}}}{name}", f"{{{CSW30}}}{name}")


def is_getrecords(root) -> bool:
    return _csw_tag(root, "GetRecordsResponse")


def is_getrecordbyid(root) -> bool:
    return _csw_tag(root, "GetRecordByIdResponse")


def is_capabilities(root) -> bool:
    return _csw_tag(root, "Capabilities")


def record_kind(element) -> str:
    """The parser a record element needs ("" when none applies)."""
    if iso19139.is_record(element):
        return "iso19139"
    if iso19115_3.is_record(element):
        return "iso19115-3"
    if dublincore.is_record(element):
        return "dublincore"
    if iso19110.is_catalogue(element):
        return "iso19110"
    if dcat.is_record(element):
        return "dcat"
    return ""


_PARSERS = {
    "iso19139": iso19139.parse_record,
    "iso19115-3": iso19115_3.parse_record,
    "dublincore": dublincore.parse_record,
    "iso19110": iso19110.parse_catalogue,
    "dcat": dcat.parse_record,
}


def parse_record_element(element, source: str = "") -> Record:
    """Parse any record element a catalogue returns (ISO 19139/19115-2/19115-3, DC, DCAT,
    ISO 19110); :class:`DocumentError` ``record.unsupported`` for anything else."""
    kind = record_kind(element)
    if not kind:
        raise DocumentError(f"Unsupported record kind <{local(element.tag)}>",
                            code="record.unsupported", source=source,
                            element=local(element.tag))
    return _PARSERS[kind](element, source)


def _records_of(container, source: str, result: SearchResult) -> None:
    for position, element in enumerate(container, 1):
        if not isinstance(element.tag, str):
            continue
        kind = record_kind(element)
        if not kind:
            result.notes.append(f"record.unsupported:{local(element.tag)}")
            continue
        try:
            result.records.append(_PARSERS[kind](element, source))
        except DocumentError as exc:
            result.notes.append(f"record.unreadable:{position}:{exc.code}")


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def parse_getrecords(root, source: str = "") -> SearchResult:
    """A page of a CSW GetRecords response (2.0.2 or 3.0), ``next_start`` 0-based."""
    raise_for_exception(root, source)
    if not is_getrecords(root):
        raise DocumentError(f"Not a CSW GetRecords response: <{local(root.tag)}>",
                            code="csw.unexpected_document", source=source,
                            element=local(root.tag))
    results = child(root, "SearchResults")
    if results is None:
        raise DocumentError("The GetRecords response has no SearchResults",
                            code="csw.missing_element", source=source,
                            element="csw:SearchResults")
    result = SearchResult()
    _records_of(results, source, result)
    result.matched = _int(results.get("numberOfRecordsMatched"))
    announced = _int(results.get("numberOfRecordsReturned"))
    read = len(result.records) + sum(1 for note in result.notes if note.startswith("record."))
    if announced is not None and announced != read:
        result.notes.append("csw.returned_mismatch")
    result.returned = len(result.records)
    next_record = _int(results.get("nextRecord"))
    if next_record and next_record > 0 and (result.matched is None
                                            or next_record <= result.matched):
        result.next_start = next_record - 1
    return result


def parse_getrecordbyid(root, source: str = "") -> list:
    """The records of a GetRecordById response (possibly none: the id is unknown)."""
    raise_for_exception(root, source)
    if not is_getrecordbyid(root):
        raise DocumentError(f"Not a CSW GetRecordById response: <{local(root.tag)}>",
                            code="csw.unexpected_document", source=source,
                            element=local(root.tag))
    result = SearchResult()
    _records_of(root, source, result)
    for note in result.notes:
        if note.startswith("record.unreadable"):
            # One record was asked for: failing to read it is the caller's error to show.
            position = int(note.split(":")[1])
            element = [e for e in root if isinstance(e.tag, str)][position - 1]
            parse_record_element(element, source)
    return result.records


def parse_capabilities(root, source: str = "") -> ServiceInfo:
    """CSW 2.0.2 / 3.0 GetCapabilities -> ServiceInfo (operations, outputSchemas, contact)."""
    raise_for_exception(root, source)
    if not is_capabilities(root):
        raise DocumentError(f"Not CSW capabilities: <{local(root.tag)}>",
                            code="csw.unexpected_document", source=source,
                            element=local(root.tag))
    info = ServiceInfo(service="CSW", version=root.get("version", ""), source=source)
    service_identification(child(root, "ServiceIdentification"), info)
    info.provider, info.contact = service_provider(child(root, "ServiceProvider"))
    info.operations, info.constraints = operations_metadata(child(root, "OperationsMetadata"))
    get_records = info.operation("GetRecords")
    if get_records is not None:
        info.output_schemas = list(get_records.parameters.get("outputSchema", ()))
        info.type_names = list(get_records.parameters.get("typeNames", ())
                               or get_records.parameters.get("TypeNames", ()))
    if not info.output_schemas:
        info.output_schemas = list(info.constraints.get("parameter:outputSchema", ()))
    return info
