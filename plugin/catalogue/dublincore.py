"""Dublin Core records of CSW (csw:Record, csw:SummaryRecord, csw:BriefRecord; CSW 2.0.2
and 3.0 namespaces) -> Record.

Dublin Core carries less than ISO: a title, an abstract, subjects, dates, rights, links
and up to three kinds of agent. ``dc:creator``, ``dc:publisher`` and ``dc:contributor``
become parties in the ``dc_party`` context, their element name being the raw role
(creator -> originator as in the CSW ISO AP crosswalk, flagged non-standard;
contributor -> the ISO 19115-1 code, flagged).
"""

from __future__ import annotations

import re

from ..errors import DocumentError
from .dates import parse_date
from .iso_common import bbox_union, local, normalise_frequency, pick_licence, valid_bbox
from .links import classify_link
from .model import DC_PARTY, Maintenance, OnlineResource, Party, Record
from .ows_common import bbox_of
from .roles import normalise_role

CSW = "http://www.opengis.net/cat/csw/2.0.2"
CSW30 = "http://www.opengis.net/cat/csw/3.0"
DC = "http://purl.org/dc/elements/1.1/"
DCT = "http://purl.org/dc/terms/"
RECORD_TAGS = frozenset(f"{{{ns}}}{name}" for ns in (CSW, CSW30)
                        for name in ("Record", "SummaryRecord", "BriefRecord"))

_RDF_RESOURCE = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}resource"
_AGENTS = ("creator", "publisher", "contributor")
# DCMI Frequency vocabulary and EU frequency authority table -> MD_MaintenanceFrequencyCode
_DC_FREQUENCIES = {
    "continuous": "continual", "annual": "annually", "semiannual": "biannually",
    "biennial": "biennially", "irregular": "irregular", "daily": "daily", "weekly": "weekly",
    "monthly": "monthly", "quarterly": "quarterly", "asneeded": "asNeeded",
    "as_needed": "asNeeded", "never": "notPlanned", "unknown": "unknown",
}
# GeoNetwork's dc:coverage: "North 45.917, South 45.55, East 4.681, West 5.067. GRAND LYON"
_COVERAGE = re.compile(r"(North|South|East|West)\s+(-?\d+(?:\.\d+)?)", re.I)


def is_record(element) -> bool:
    return element.tag in RECORD_TAGS


def parse_record(element, source: str = "") -> Record:
    """The :class:`Record` of a CSW Dublin Core record element."""
    if not is_record(element):
        raise DocumentError(f"Not a CSW Dublin Core record: <{local(element.tag)}>",
                            code="dc.not_record", source=source, element=local(element.tag))
    record = Record(identifier="", source=source, standard="dublincore", hierarchy="")
    boxes = []
    coverage = []
    rights = []
    licence = ""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        name = local(tag)
        namespace = tag[1:tag.index("}")] if tag.startswith("{") else ""
        value = (child.text or "").strip()
        if name in ("BoundingBox", "WGS84BoundingBox"):
            boxes.append(bbox_of(child))
            continue
        if namespace not in (DC, DCT):
            continue
        if name == "identifier":
            if not record.identifier:
                record.identifier = value
            elif value and value not in record.resource_identifiers:
                record.resource_identifiers.append(value)
        elif name == "title":
            record.title = value
        elif name in ("abstract", "description"):
            if value and not record.abstract:
                record.abstract = value
        elif name == "subject":
            if value and value not in record.keywords:
                record.keywords.append(value)
        elif name == "type":
            if value and not record.hierarchy:
                # DCMI types are capitalised URIs (…/dcmitype/Dataset); ISO scope codes,
                # which GeoNetwork writes here, are camelCase words: keep those as they are.
                record.hierarchy = (value.rstrip("/").rsplit("/", 1)[-1].lower()
                                    if "/" in value else value)
        elif name == "language":
            record.language = record.language or value
        elif name == "modified":
            _set_date(record, "revision", value)
        elif name == "date":
            record.metadata_date = record.metadata_date or parse_date(value)
            if "revision" not in record.dates:
                _set_date(record, "revision", value)
        elif name == "created":
            _set_date(record, "creation", value)
        elif name == "issued":
            _set_date(record, "publication", value)
        elif name in ("rights", "accessRights"):
            if value:
                rights.append(value)
                record.constraints.append(value)
        elif name == "license":
            licence = licence or value or child.get(_RDF_RESOURCE, "")
        elif name in _AGENTS:
            if value:
                role, status = normalise_role(name, synonyms=True)
                record.parties.append(Party(context=DC_PARTY, role=role, role_raw=name,
                                            role_status=status, organisation=value))
        elif name in ("references", "URI") or (name == "relation" and "://" in value):
            if value:
                protocol = child.get("scheme") or child.get("protocol") or ""
                record.links.append(OnlineResource(
                    url=value, kind=classify_link(value, protocol), protocol=protocol,
                    name=child.get("name", ""), description=child.get("description", "")))
        elif name == "relation":
            if value:
                record.operates_on.append(value)
        elif name == "coverage":
            coverage.append(value)
        elif name == "accrualPeriodicity":
            raw = value or child.get(_RDF_RESOURCE, "")
            key = raw.rstrip("/").rsplit("/", 1)[-1]
            record.maintenance = Maintenance(
                frequency=normalise_frequency(key) or _DC_FREQUENCIES.get(key.lower()),
                frequency_raw=raw)
    record.bbox = bbox_union(boxes)
    if record.bbox is None:
        for text in coverage:
            record.bbox = _coverage_bbox(text)
            if record.bbox is not None:
                break
    record.licence = licence or pick_licence(rights)
    record.hierarchy = record.hierarchy or "dataset"
    if not record.identifier:
        record.problems.append("dc.identifier_missing")
    return record


def _set_date(record: Record, kind: str, value: str) -> None:
    parsed = parse_date(value)
    if parsed is not None:
        record.dates[kind] = parsed


def _coverage_bbox(text: str):
    sides = {side.lower(): value for side, value in _COVERAGE.findall(text)}
    if len(sides) < 4:
        return None
    west, east = float(sides["west"]), float(sides["east"])
    # GeoNetwork writes east and west swapped in some versions: order them.
    return valid_bbox(min(west, east), sides["south"], max(west, east), sides["north"])
