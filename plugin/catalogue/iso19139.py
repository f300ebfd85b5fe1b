"""ISO 19139 records (gmd:MD_Metadata, ISO 19115-2 gmi:MI_Metadata, profile subtypes) -> Record.

Parsing is separate from transport, as OWSLib's ``MD_Metadata(element)``: :func:`parse_record`
takes an lxml element (a whole document's root, or a record inside a CSW response) and
returns a :class:`~.model.Record` with every responsible party of every context, the
maintenance information (which OWSLib does not read) and classified online resources.

Each element is visited once and its children dispatched on their Clark tag: no XPath per
record, which keeps a record at ≈ 0.2 ms (tests/bench/bench_parsing.py).

Tolerated (kept, with a code in ``Record.problems``): no fileIdentifier (the first resource
identifier stands in), no characterSet (ISO 19115:2003 only requires it when the encoding
is not UTF-8 and the XML declaration already says so), nil or empty party names.
Refused with :class:`~..errors.DocumentError` ``iso.missing_element``: no
identificationInfo, no citation, and an object property left empty (no value, no
xlink:href, no gco:nilReason — e.g. ``<gmd:identifier/>``), which breaks the property
types of ISO/TS 19139 §8.
"""

from __future__ import annotations

from ..errors import DocumentError
from . import iso_common as common
from .dates import parse_date
from .links import classify_link
from .model import (
    ASSOCIATED_PARTY,
    CITED_PARTY,
    DISTRIBUTOR,
    MAINTENANCE_CONTACT,
    METADATA_CONTACT,
    RESOURCE_CONTACT,
    Maintenance,
    OnlineResource,
    Party,
    Record,
)
from .roles import normalise_role, role_from_href

GMD = "http://www.isotc211.org/2005/gmd"
GCO = "http://www.isotc211.org/2005/gco"
GMI = "http://www.isotc211.org/2005/gmi"
SRV = "http://www.isotc211.org/2005/srv"
GMX = "http://www.isotc211.org/2005/gmx"
GTS = "http://www.isotc211.org/2005/gts"

NAMESPACES = {"gmd": GMD, "gco": GCO, "gmi": GMI, "srv": SRV, "gmx": GMX, "gts": GTS}


def _t(ns, name):
    return f"{{{ns}}}{name}"


MD_METADATA = _t(GMD, "MD_Metadata")
MI_METADATA = _t(GMI, "MI_Metadata")
ROOT_TAGS = (MD_METADATA, MI_METADATA)

# MD_Metadata children
_FILE_ID = _t(GMD, "fileIdentifier")
_LANGUAGE = _t(GMD, "language")
_CHARSET = _t(GMD, "characterSet")
_HIERARCHY = _t(GMD, "hierarchyLevel")
_CONTACT = _t(GMD, "contact")
_DATESTAMP = _t(GMD, "dateStamp")
_IDENT_INFO = _t(GMD, "identificationInfo")
_DIST_INFO = _t(GMD, "distributionInfo")
_MD_MAINT = _t(GMD, "metadataMaintenance")
# identification children
_CITATION = _t(GMD, "citation")
_ABSTRACT = _t(GMD, "abstract")
_POC = _t(GMD, "pointOfContact")
_RES_MAINT = _t(GMD, "resourceMaintenance")
_KEYWORDS = _t(GMD, "descriptiveKeywords")
_CONSTRAINTS = _t(GMD, "resourceConstraints")
_TOPIC = _t(GMD, "topicCategory")
_EXTENT = _t(GMD, "extent")
_SRV_EXTENT = _t(SRV, "extent")
_OPERATES_ON = _t(SRV, "operatesOn")
_CONTAINS_OPS = _t(SRV, "containsOperations")
_CONNECT_POINT = _t(SRV, "connectPoint")
# citation children
_TITLE = _t(GMD, "title")
_DATE = _t(GMD, "date")
_DATE_TYPE = _t(GMD, "dateType")
_IDENTIFIER = _t(GMD, "identifier")
_CODE = _t(GMD, "code")
_CITED = _t(GMD, "citedResponsibleParty")
# party children
_INDIVIDUAL = _t(GMD, "individualName")
_ORGANISATION = _t(GMD, "organisationName")
_POSITION = _t(GMD, "positionName")
_CONTACT_INFO = _t(GMD, "contactInfo")
_ROLE = _t(GMD, "role")
_PHONE = _t(GMD, "phone")
_VOICE = _t(GMD, "voice")
_ADDRESS = _t(GMD, "address")
_ONLINE_RES = _t(GMD, "onlineResource")
_EMAIL = _t(GMD, "electronicMailAddress")
_ADDRESS_PARTS = tuple(_t(GMD, n) for n in ("deliveryPoint", "postalCode", "city",
                                             "administrativeArea", "country"))
# maintenance
_FREQUENCY = _t(GMD, "maintenanceAndUpdateFrequency")
_NEXT_UPDATE = _t(GMD, "dateOfNextUpdate")
_USER_FREQUENCY = _t(GMD, "userDefinedMaintenanceFrequency")
_MAINT_NOTE = _t(GMD, "maintenanceNote")
# keywords / constraints / extent
_KEYWORD = _t(GMD, "keyword")
_USE_LIMITATION = _t(GMD, "useLimitation")
_ACCESS = _t(GMD, "accessConstraints")
_USE = _t(GMD, "useConstraints")
_OTHER = _t(GMD, "otherConstraints")
_CLASSIFICATION = _t(GMD, "classification")
_GEO_BBOX = _t(GMD, "EX_GeographicBoundingBox")
_WEST, _EAST = _t(GMD, "westBoundLongitude"), _t(GMD, "eastBoundLongitude")
_SOUTH, _NORTH = _t(GMD, "southBoundLatitude"), _t(GMD, "northBoundLatitude")
# distribution
_DISTRIBUTOR_CONTACT = _t(GMD, "distributorContact")
_ONLINE = _t(GMD, "onLine")
_LINKAGE = _t(GMD, "linkage")
_PROTOCOL = _t(GMD, "protocol")
_NAME = _t(GMD, "name")
_DESCRIPTION = _t(GMD, "description")
_FUNCTION = _t(GMD, "function")

_RESPONSIBLE_PARTY = _t(GMD, "CI_ResponsibleParty")
_THESAURUS = _t(GMD, "thesaurusName")
# Children that never hold a party (so are not swept for "associated" parties) or that are
# read in their own context.
_NO_PARTY = frozenset(_t(GMD, n) for n in (
    "parentIdentifier", "hierarchyLevelName", "metadataStandardName", "metadataStandardVersion",
    "dataSetURI", "locale", "spatialRepresentationInfo"))
_IDENT_HANDLED = frozenset((_CITATION, _ABSTRACT, _TOPIC, _CONSTRAINTS, _EXTENT, _SRV_EXTENT)
                           + tuple(_t(GMD, n) for n in (
                               "purpose", "status", "credit", "graphicOverview", "language",
                               "characterSet", "spatialRepresentationType",
                               "spatialResolution", "supplementalInformation"))
                           + tuple(_t(SRV, n) for n in (
                               "serviceType", "serviceTypeVersion", "couplingType",
                               "coupledResource")))

_XLINK = common.XLINK_HREF


def is_record(element) -> bool:
    """True for gmd:MD_Metadata, gmi:MI_Metadata and profile subtypes declaring gco:isoType."""
    tag = element.tag
    if tag in ROOT_TAGS:
        return True
    iso_type = element.get(common.GCO_ISOTYPE)
    return bool(iso_type) and iso_type.rsplit(":", 1)[-1] in ("MD_Metadata", "MI_Metadata")


def parse_record(element, source: str = "") -> Record:
    """The :class:`Record` of an ISO 19139 metadata element.

    Raises :class:`DocumentError` ``iso.not_metadata`` when ``element`` is not an ISO 19139
    record, ``iso.missing_element`` when a mandatory element is missing or empty.
    """
    if not is_record(element):
        raise DocumentError(f"Not an ISO 19139 record: <{common.local(element.tag)}>",
                            code="iso.not_metadata", source=source,
                            element=common.local(element.tag))
    record = Record(identifier="", source=source,
                    standard="iso19115-2" if element.tag == MI_METADATA else "iso19139")
    seen = set()  # CI_ResponsibleParty nodes already read in a known context
    others = []   # subtrees that may hold parties in other contexts (swept at the end)
    identifications = []
    distributions = []
    has_charset = False
    for child in element:
        tag = child.tag
        if tag == _CONTACT:
            add_party(record, child, METADATA_CONTACT, source, seen)
        elif tag == _IDENT_INFO:
            identification = common.first_child(child)
            if identification is not None:
                identifications.append(identification)
        elif tag == _DIST_INFO:
            distributions.append(child)
        elif tag == _FILE_ID:
            record.identifier = common.text(child)
        elif tag == _DATESTAMP:
            record.metadata_date = parse_date(common.text(child))
        elif tag == _LANGUAGE:
            record.language = common.text(child) or common.code_value(child)
        elif tag == _HIERARCHY:
            record.hierarchy = common.code_value(child) or record.hierarchy
        elif tag == _CHARSET:
            has_charset = True
        elif tag == _MD_MAINT:
            _maintenance(common.first_child(child), record, source, seen, keep_values=False)
        elif tag not in _NO_PARTY:
            others.append(child)
    if not identifications:
        raise common.missing("gmd:identificationInfo", source, record.identifier)
    for position, identification in enumerate(identifications):
        # ncISO and some service records carry several identifications (data + services):
        # the first describes the resource, the others add parties and access points.
        _identification(identification, record, source, seen, others, primary=position == 0)
    for distribution in distributions:
        for contact in distribution.iter(_DISTRIBUTOR_CONTACT):
            # distributor/MD_Distributor and distributionFormat/MD_Format/formatDistributor
            add_party(record, contact, DISTRIBUTOR, source, seen)
        for online in distribution.iter(_ONLINE):
            _add_link(record, common.first_child(online))
    for subtree in others:
        # Every other party of the record: aggregated resources, thesauri, lineage, sensors,
        # reference-system authorities. Only unvisited subtrees are walked: a whole-record
        # sweep costs ~15 % of the parse time.
        for node in subtree.iter(_RESPONSIBLE_PARTY):
            if node not in seen:
                prop = node.getparent()
                context = DISTRIBUTOR if prop.tag == _DISTRIBUTOR_CONTACT else ASSOCIATED_PARTY
                add_party(record, prop, context, source, seen)
    if not record.identifier:
        record.problems.append("iso.fileidentifier_missing")
        if record.resource_identifiers:
            record.identifier = record.resource_identifiers[0]
    if not has_charset and identifications[0].find(_CHARSET) is None:
        # Neither the metadata's nor the resource's character set: ISO 19115:2003 only
        # requires them when the encoding is not UTF-8, so this is noted, not refused.
        record.problems.append("iso.characterset_missing")
    return record


def _identification(ident, record: Record, source: str, seen: set, others: list,
                    primary: bool) -> None:
    if primary and "ServiceIdentification" in common.local(ident.tag):
        record.hierarchy = "service"
    citation = None
    boxes = []
    constraints = record.constraints
    licence_candidates = []
    for child in ident:
        tag = child.tag
        if tag == _CITATION:
            citation = common.first_child(child)
        elif tag == _POC:
            add_party(record, child, RESOURCE_CONTACT, source, seen)
        elif tag == _RES_MAINT:
            _maintenance(common.first_child(child), record, source, seen,
                         keep_values=primary and record.maintenance is None)
        elif tag == _CONTAINS_OPS:
            for point in child.iter(_CONNECT_POINT):
                _add_link(record, common.first_child(point))
        elif tag == _OPERATES_ON:
            ref = child.get("uuidref") or child.get(_XLINK) or ""
            if ref and ref not in record.operates_on:
                record.operates_on.append(ref)
        elif tag == _KEYWORDS:
            keywords = common.first_child(child)
            if keywords is None:
                continue
            others.extend(keywords.iterchildren(_THESAURUS))
            if primary:
                for keyword in keywords.iterchildren(_KEYWORD):
                    value = common.text(keyword)
                    if value and value not in record.keywords:
                        record.keywords.append(value)
        elif tag not in _IDENT_HANDLED:
            others.append(child)
        elif not primary:
            continue
        elif tag == _ABSTRACT:
            record.abstract = common.text(child)
        elif tag == _TOPIC:
            value = common.text(child)
            if value:
                record.topic_categories.append(value)
        elif tag == _CONSTRAINTS:
            _constraints(common.first_child(child), constraints, licence_candidates)
        elif tag == _EXTENT or tag == _SRV_EXTENT:
            for box in child.iter(_GEO_BBOX):
                boxes.append(_bbox(box))
    if citation is None:
        if primary:
            raise common.missing("gmd:citation", source, record.identifier)
        return
    _citation(citation, record, source, seen, primary)
    if primary:
        record.bbox = common.bbox_union(boxes)
        record.licence = common.pick_licence(licence_candidates)


def _citation(citation, record: Record, source: str, seen: set, primary: bool) -> None:
    empty_identifiers = found_identifiers = 0
    for child in citation:
        tag = child.tag
        if tag == _CITED:
            add_party(record, child, CITED_PARTY, source, seen)
        elif not primary:
            continue
        elif tag == _TITLE:
            record.title = common.text(child)
        elif tag == _DATE:
            ci_date = common.first_child(child)
            if ci_date is None:
                continue
            value = kind = None
            for part in ci_date:
                if part.tag == _DATE:
                    value = parse_date(common.text(part))
                elif part.tag == _DATE_TYPE:
                    kind = common.code_value(part)
            if value is not None and kind:
                previous = record.dates.get(kind)
                if previous is None or value > previous:
                    record.dates[kind] = value
        elif tag == _IDENTIFIER:
            if common.is_empty_property(child):
                empty_identifiers += 1
                continue
            identifier = common.first_child(child)
            if identifier is not None:
                code = identifier.find(_CODE)
                value, href = common.text_and_href(code)
                value = value or href
                if value:
                    found_identifiers += 1
                    if value not in record.resource_identifiers:
                        record.resource_identifiers.append(value)
    if empty_identifiers:
        if not found_identifiers:
            # The record set out to give its resource identifier (what catalogues and the
            # governance layer match records on) and gave an empty property instead.
            raise common.missing("gmd:identifier/gmd:MD_Identifier", source, record.identifier)
        record.problems.append("iso.empty_identifier")  # e.g. geocat.ch: a stray <identifier/>


def add_party(record: Record, prop, context: str, source: str = "", seen: set | None = None
              ) -> None:
    """Append to ``record.parties`` the party of a gmd property (gmd:contact, gfc:producer…)
    holding a CI_ResponsibleParty or an xlink:href."""
    href = prop.get(_XLINK) or ""
    node = common.first_child(prop)
    if node is None:
        if href:
            # A party given only by reference (e.g. a GeoNetwork subtemplate or a registry
            # URI): kept, shown as a link; its role may be written in the href.
            raw = role_from_href(href) or None
            role, status = normalise_role(raw)
            record.parties.append(Party(context=context, role=role, role_raw=raw or "",
                                        role_status=status, href=href))
        elif common.is_empty_property(prop):
            record.problems.append("iso.empty_party")
        return  # a nil party (gco:nilReason): nothing to show
    if seen is not None:
        seen.add(node)
    party = Party(context=context, role=None, href=href)
    raw = None
    for child in node:
        tag = child.tag
        if tag == _ORGANISATION:
            party.organisation, party.organisation_uri = common.text_and_href(child)
        elif tag == _INDIVIDUAL:
            party.individual = common.text(child)
        elif tag == _POSITION:
            party.position = common.text(child)
        elif tag == _ROLE:
            code = common.first_child(child)
            if code is not None:
                raw = code.get("codeListValue")
                if raw is None:
                    raw = code.text or ""
                raw = raw.strip()
        elif tag == _CONTACT_INFO:
            _contact_info(common.first_child(child), party)
    if raw is None and href:
        raw = role_from_href(href) or None
    party.role_raw = raw or ""
    party.role, party.role_status = normalise_role(raw)
    record.parties.append(party)


def _contact_info(contact, party: Party) -> None:
    if contact is None:
        return
    for child in contact:
        tag = child.tag
        if tag == _PHONE:
            telephone = common.first_child(child)
            if telephone is not None:
                for voice in telephone.iterchildren(_VOICE):
                    party.phone = common.text(voice)
                    if party.phone:
                        break
        elif tag == _ADDRESS:
            address = common.first_child(child)
            if address is None:
                continue
            parts = {}
            for part in address:
                if part.tag == _EMAIL:
                    if not party.email:
                        party.email = common.text(part)
                elif part.tag in _ADDRESS_PARTS:
                    value = common.text(part)
                    if value:
                        parts.setdefault(part.tag, []).append(value)
            party.address = common.join_address(
                ", ".join(parts.get(tag, ())) for tag in _ADDRESS_PARTS)
        elif tag == _ONLINE_RES:
            resource = common.first_child(child)
            if resource is not None:
                party.url = common.text(resource.find(_LINKAGE))


def _maintenance(info, record: Record, source: str, seen: set, keep_values: bool) -> None:
    if info is None:
        return
    maintenance = Maintenance() if keep_values else None
    notes = []
    for child in info:
        tag = child.tag
        if tag == _CONTACT:
            add_party(record, child, MAINTENANCE_CONTACT, source, seen)
        elif maintenance is None:
            continue
        elif tag == _FREQUENCY:
            maintenance.frequency_raw = common.code_value(child)
            maintenance.frequency = common.normalise_frequency(maintenance.frequency_raw)
        elif tag == _NEXT_UPDATE:
            maintenance.next_update = parse_date(common.text(child))
        elif tag == _USER_FREQUENCY:
            maintenance.user_defined = common.text(child)
        elif tag == _MAINT_NOTE:
            value = common.text(child)
            if value:
                notes.append(value)
    if maintenance is not None:
        maintenance.note = "\n".join(notes)
        record.maintenance = maintenance


def _constraints(node, constraints: list, licence_candidates: list) -> None:
    if node is None:
        return
    legal = node.tag.endswith("LegalConstraints")
    for child in node:
        tag = child.tag
        if tag == _USE_LIMITATION or tag == _OTHER:
            value, href = common.text_and_href(child)
            value = value or href
            if value:
                constraints.append(value)
                if legal or tag == _USE_LIMITATION:
                    licence_candidates.append(value)
        elif tag == _ACCESS or tag == _USE or tag == _CLASSIFICATION:
            code = common.code_value(child)
            if code:
                constraints.append(f"{common.local(tag)}: {code}")


def _bbox(box):
    values = {}
    for child in box:
        if child.tag in (_WEST, _EAST, _SOUTH, _NORTH):
            values[child.tag] = common.text(child)
    return common.valid_bbox(values.get(_WEST), values.get(_SOUTH), values.get(_EAST),
                             values.get(_NORTH))


def _add_link(record: Record, resource) -> None:
    if resource is None:
        return
    url = protocol = name = description = function = ""
    for child in resource:
        tag = child.tag
        if tag == _LINKAGE:
            url = common.text(child)
        elif tag == _PROTOCOL:
            protocol = common.text(child)
        elif tag == _NAME:
            name = common.text(child)
        elif tag == _DESCRIPTION:
            description = common.text(child)
        elif tag == _FUNCTION:
            function = common.code_value(child)
    if not url:
        return
    record.links.append(OnlineResource(
        url=url, kind=classify_link(url, protocol, function), protocol=protocol, name=name,
        description=description, function=function))
