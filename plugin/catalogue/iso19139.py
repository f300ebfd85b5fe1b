"""ISO 19139 records (gmd:MD_Metadata, ISO 19115-2 gmi:MI_Metadata, national profiles) -> Record.

Parsing is separate from transport, as OWSLib's ``MD_Metadata(element)``: :func:`parse_record`
takes an lxml element (a whole document's root, or a record inside a CSW response) and
returns a :class:`~.model.Record` with every responsible party of every context, the
maintenance information (which OWSLib does not read) and classified online resources.

Each element is visited once and its children dispatched on their Clark tag: no XPath per
record, which keeps a record at ≈ 0.3 ms (tests/bench/bench_parsing.py).

Profiles are recognised by what they extend, never by a list of their names (see
:func:`is_record`): a profile keeps ISO's properties (``gmd:contact``, ``gmd:citation``…)
and puts its own classes inside them, so properties are dispatched on their ISO tag and
their content read whatever class it is; a party is looked for in every ISO party property
(``PARTY_PROPERTIES``), including one given only by ``xlink:href`` in a feature-catalogue or
thesaurus citation.

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
from .gmd_tags import (  # noqa: F401 - GMD… and NAMESPACES re-exported
    ABSTRACT,
    ACCESS,
    ADDRESS,
    ADDRESS_PARTS,
    CHARSET,
    CITATION,
    CITED,
    CLASSIFICATION,
    CODE,
    CONNECT_POINT,
    CONSTRAINTS,
    CONTACT,
    CONTACT_INFO,
    CONTAINS_OPS,
    DATE,
    DATE_TYPE,
    DATESTAMP,
    DESCRIPTION,
    DIST_INFO,
    DISTRIBUTOR_CONTACT,
    EAST,
    EMAIL,
    EXTENT,
    FILE_ID,
    FREQUENCY,
    FUNCTION,
    GCO,
    GEO_BBOX,
    GMD,
    GMI,
    GMI2,
    GMI_NAMESPACES,
    GMX,
    GTS,
    HIERARCHY,
    IDENT_HANDLED,
    IDENT_INFO,
    IDENTIFIER,
    INDIVIDUAL,
    KEYWORD,
    KEYWORDS,
    LANGUAGE,
    LINKAGE,
    MAINT_NOTE,
    MD_MAINT,
    MD_METADATA,
    METADATA_ONLY,
    MI_METADATA,
    MI_METADATA2,
    MI_TAGS,
    NAME,
    NAMESPACES,
    NEXT_UPDATE,
    NO_PARTY,
    NORTH,
    ONLINE,
    ONLINE_RES,
    OPERATES_ON,
    ORGANISATION,
    OTHER,
    PARTY_PROPERTIES,
    PHONE,
    POC,
    POSITION,
    PROTOCOL,
    RES_MAINT,
    RESPONSIBLE_PARTY,
    ROLE,
    ROOT_TAGS,
    SOUTH,
    SRV,
    SRV_EXTENT,
    SRV_KEYWORDS,
    SRV_RESTRICTIONS,
    THESAURUS,
    TITLE,
    TOPIC,
    USE,
    USE_LIMITATION,
    USER_FREQUENCY,
    VOICE,
    WEST,
)
from .iso19139_parties import add_party
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
    Record,
)

_XLINK = common.XLINK_HREF


_METADATA_CLASSES = ("MD_Metadata", "MI_Metadata")
# gco:isoType namespaces that name an ISO 19139 / 19115-2 class (GCO: the prefix was not
# declared but the attribute is ISO 19139's, see iso_common.declared_class).
_ISO19139_CLASS_NAMESPACES = (GMD, common.GCO) + GMI_NAMESPACES
_SWEPT = (RESPONSIBLE_PARTY,) + PARTY_PROPERTIES


def is_record(element) -> bool:
    """True for an ISO 19139 record: gmd:MD_Metadata, gmi:MI_Metadata (either ISO 19115-2
    namespace), or a profile's extension of them.

    A profile's root (``che:CHE_MD_Metadata``, ``mcp:MD_Metadata``…) is a member of
    MD_Metadata's substitution group in its own namespace. It is known by what it extends:
    the class it declares (``gco:isoType="gmd:MD_Metadata"``, or an ``xsi:type`` naming
    ``gmd:MD_Metadata_Type``), else, declaring nothing, by the content every extension of
    MD_Metadata_Type keeps: a property only MD_Metadata has (``gmd:fileIdentifier``,
    ``gmd:dateStamp``, ``gmd:identificationInfo``…). An element that declares another
    class (a profile's ``CHE_MD_FeatureCatalogueDescription``) is not a record.
    """
    tag = element.tag
    if tag in ROOT_TAGS:
        return True
    if not isinstance(tag, str):
        return False
    declared = common.declared_class(element)
    if declared is not None:
        namespace, name = declared
        return name in _METADATA_CLASSES and namespace in _ISO19139_CLASS_NAMESPACES
    if tag.startswith(("{" + GMD + "}", "{" + SRV + "}")):
        return False  # an ISO element is what its name says (gmd:MD_FeatureCatalogueDescription…)
    for child in element:
        if child.tag in METADATA_ONLY:
            return True
    return False


def _standard(element) -> str:
    if element.tag in MI_TAGS:
        return "iso19115-2"
    if element.tag != MD_METADATA:
        declared = common.declared_class(element)
        if declared is not None and declared[1] == "MI_Metadata":
            return "iso19115-2"
    return "iso19139"


def parse_record(element, source: str = "") -> Record:
    """The :class:`Record` of an ISO 19139 metadata element.

    Raises :class:`DocumentError` ``iso.not_metadata`` when ``element`` is not an ISO 19139
    record, ``iso.missing_element`` when a mandatory element is missing or empty.
    """
    if not is_record(element):
        raise DocumentError(f"Not an ISO 19139 record: <{common.local(element.tag)}>",
                            code="iso.not_metadata", source=source,
                            element=common.local(element.tag))
    record = Record(identifier="", source=source, standard=_standard(element))
    seen = set()  # CI_ResponsibleParty nodes already read in a known context
    others = []   # subtrees that may hold parties in other contexts (swept at the end)
    identifications = []
    distributions = []
    has_charset = False
    for child in element:
        tag = child.tag
        if tag == CONTACT:
            add_party(record, child, METADATA_CONTACT, source, seen)
        elif tag == IDENT_INFO:
            identification = common.first_child(child)
            if identification is not None:
                identifications.append(identification)
        elif tag == DIST_INFO:
            distributions.append(child)
        elif tag == FILE_ID:
            record.identifier = common.text(child)
        elif tag == DATESTAMP:
            record.metadata_date = parse_date(common.text(child))
        elif tag == LANGUAGE:
            record.language = common.text(child) or common.code_value(child)
        elif tag == HIERARCHY:
            record.hierarchy = common.code_value(child) or record.hierarchy
        elif tag == CHARSET:
            has_charset = True
        elif tag == MD_MAINT:
            _maintenance(common.first_child(child), record, source, seen, keep_values=False)
        elif tag not in NO_PARTY:
            others.append(child)
    if not identifications:
        raise common.missing("gmd:identificationInfo", source, record.identifier)
    for position, identification in enumerate(identifications):
        # ncISO and some service records carry several identifications (data + services):
        # the first describes the resource, the others add parties and access points.
        _identification(identification, record, source, seen, others, primary=position == 0)
    for distribution in distributions:
        for contact in distribution.iter(DISTRIBUTOR_CONTACT):
            # distributor/MD_Distributor and distributionFormat/MD_Format/formatDistributor
            add_party(record, contact, DISTRIBUTOR, source, seen)
        for online in distribution.iter(ONLINE):
            _add_link(record, common.first_child(online))
    for subtree in others:
        # Every other party of the record: aggregated resources, thesauri, lineage, sensors,
        # feature-catalogue citations, reference-system authorities. Only unvisited subtrees
        # are walked (a whole-record sweep costs ~15 % of the parse time), for ISO's party
        # properties (whatever class a profile puts in them, or only an xlink:href) and for
        # gmd:CI_ResponsibleParty wherever else a profile put one.
        for node in subtree.iter(*_SWEPT):
            if node.tag == RESPONSIBLE_PARTY:
                if node not in seen:
                    prop = node.getparent()
                    add_party(record, prop, _swept_context(prop), source, seen)
                continue
            party = common.first_child(node)
            if party is None or party not in seen:
                add_party(record, node, _swept_context(node), source, seen)
    if not record.identifier:
        record.problems.append("iso.fileidentifier_missing")
        if record.resource_identifiers:
            record.identifier = record.resource_identifiers[0]
    if not has_charset and identifications[0].find(CHARSET) is None:
        # Neither the metadata's nor the resource's character set: ISO 19115:2003 only
        # requires them when the encoding is not UTF-8, so this is noted, not refused.
        record.problems.append("iso.characterset_missing")
    return record


def _swept_context(prop) -> str:
    return DISTRIBUTOR if prop.tag == DISTRIBUTOR_CONTACT else ASSOCIATED_PARTY


def _identification(ident, record: Record, source: str, seen: set, others: list,
                    primary: bool) -> None:
    # SV_ServiceIdentification or a profile's extension of it (che:CHE_SV_ServiceIdentification
    # declares gco:isoType="srv:SV_ServiceIdentification").
    if primary and "ServiceIdentification" in common.iso_class(ident):
        record.hierarchy = "service"
    citation = None
    boxes = []
    constraints = record.constraints
    licence_candidates = []
    for child in ident:
        tag = child.tag
        if tag == CITATION:
            citation = common.first_child(child)
        elif tag == POC:
            add_party(record, child, RESOURCE_CONTACT, source, seen)
        elif tag == RES_MAINT:
            _maintenance(common.first_child(child), record, source, seen,
                         keep_values=primary and record.maintenance is None)
        elif tag == CONTAINS_OPS:
            for point in child.iter(CONNECT_POINT):
                _add_link(record, common.first_child(point))
        elif tag == OPERATES_ON:
            ref = child.get("uuidref") or child.get(_XLINK) or ""
            if ref and ref not in record.operates_on:
                record.operates_on.append(ref)
        elif tag == KEYWORDS or tag == SRV_KEYWORDS:
            keywords = common.first_child(child)
            if keywords is None:
                continue
            others.extend(keywords.iterchildren(THESAURUS))
            if primary:
                for keyword in keywords.iterchildren(KEYWORD):
                    value = common.text(keyword)
                    if value and value not in record.keywords:
                        record.keywords.append(value)
        elif tag not in IDENT_HANDLED:
            others.append(child)
        elif not primary:
            continue
        elif tag == ABSTRACT:
            record.abstract = common.text(child)
        elif tag == TOPIC:
            value = common.text(child)
            if value:
                record.topic_categories.append(value)
        elif tag == CONSTRAINTS or tag == SRV_RESTRICTIONS:
            _constraints(common.first_child(child), constraints, licence_candidates)
        elif tag == EXTENT or tag == SRV_EXTENT:
            for box in child.iter(GEO_BBOX):
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
        if tag == CITED:
            add_party(record, child, CITED_PARTY, source, seen)
        elif not primary:
            continue
        elif tag == TITLE:
            record.title = common.text(child)
        elif tag == DATE:
            ci_date = common.first_child(child)
            if ci_date is None:
                continue
            value = kind = None
            for part in ci_date:
                if part.tag == DATE:
                    value = parse_date(common.text(part))
                elif part.tag == DATE_TYPE:
                    kind = common.code_key(common.code_value(part), "CI_DateTypeCode")
            if value is not None and kind:
                previous = record.dates.get(kind)
                if previous is None or value > previous:
                    record.dates[kind] = value
        elif tag == IDENTIFIER:
            if common.is_empty_property(child):
                empty_identifiers += 1
                continue
            identifier = common.first_child(child)
            if identifier is not None:
                code = identifier.find(CODE)
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


def _maintenance(info, record: Record, source: str, seen: set, keep_values: bool) -> None:
    if info is None:
        return
    maintenance = Maintenance() if keep_values else None
    notes = []
    for child in info:
        tag = child.tag
        if tag == CONTACT:
            add_party(record, child, MAINTENANCE_CONTACT, source, seen)
        elif maintenance is None:
            continue
        elif tag == FREQUENCY:
            maintenance.frequency_raw = common.code_value(child)
            maintenance.frequency = common.normalise_frequency(maintenance.frequency_raw)
        elif tag == NEXT_UPDATE:
            maintenance.next_update = parse_date(common.text(child))
        elif tag == USER_FREQUENCY:
            maintenance.user_defined = common.text(child)
        elif tag == MAINT_NOTE:
            value = common.text(child)
            if value:
                notes.append(value)
    if maintenance is not None:
        maintenance.note = "\n".join(notes)
        record.maintenance = maintenance


def _constraints(node, constraints: list, licence_candidates: list) -> None:
    if node is None:
        return
    legal = common.iso_class(node) == "MD_LegalConstraints"
    for child in node:
        tag = child.tag
        if tag == USE_LIMITATION or tag == OTHER:
            value, href = common.text_and_href(child)
            value = value or href
            if value:
                constraints.append(value)
                if legal or tag == USE_LIMITATION:
                    licence_candidates.append(value)
        elif tag == ACCESS or tag == USE or tag == CLASSIFICATION:
            code = common.code_value(child)
            if code:
                constraints.append(f"{common.local(tag)}: {code}")


def _bbox(box):
    values = {}
    for child in box:
        if child.tag in (WEST, EAST, SOUTH, NORTH):
            values[child.tag] = common.text(child)
    return common.valid_bbox(values.get(WEST), values.get(SOUTH), values.get(EAST),
                             values.get(NORTH))


def _add_link(record: Record, resource) -> None:
    if resource is None:
        return
    url = protocol = name = description = function = ""
    for child in resource:
        tag = child.tag
        if tag == LINKAGE:
            url = common.text(child)
        elif tag == PROTOCOL:
            protocol = common.text(child)
        elif tag == NAME:
            name = common.text(child)
        elif tag == DESCRIPTION:
            description = common.text(child)
        elif tag == FUNCTION:
            function = common.code_value(child)
    if not url:
        return
    record.links.append(OnlineResource(
        url=url, kind=classify_link(url, protocol, function), protocol=protocol, name=name,
        description=description, function=function))
