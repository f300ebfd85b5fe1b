"""ISO 19115-3 records (mdb:MD_Metadata, ISO 19115-1:2014 content) -> the same Record shape.

ISO 19115-3 splits 19139's ``gmd`` into some thirty versioned namespaces (``mdb/2.0``,
``cit/2.0``, ``srv/2.0`` or ``2.1``, ``mri/1.0``…) and catalogues mix versions, so this
parser dispatches on local names. A responsible party is a ``cit:CI_Responsibility``
holding one role and one or more ``cit:party`` (``CI_Organisation``, which may nest
``CI_Individual``, or a bare ``CI_Individual``); each responsibility becomes one
:class:`Party`, organisation and individual merged, as in 19139's CI_ResponsibleParty.

National profiles extend 19115-3 as they extend 19139 (the Swiss ``che:CHE_MD_Metadata``
in ``http://geocat.ch/che``, with ``che:CHE_MD_DataIdentification`` and
``che:CHE_CI_Organisation`` inside ISO's properties): classes are asked what ISO class
they are (:func:`~.iso_common.iso_class`), never matched against a list of profile names.
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

MDB_PREFIX = "http://standards.iso.org/iso/19115/-3/mdb/"
local = common.local
# Properties only MD_Metadata has (in an mdb namespace): see is_record.
_METADATA_ONLY = frozenset(("metadataIdentifier", "contact", "dateInfo", "metadataStandard",
                            "identificationInfo", "metadataScope", "parentMetadata"))
# Every property ISO 19115-3 types CI_Responsibility_PropertyType (mdb, mri, cit, mmi, mrd,
# mrl, mco, mac): where a party may sit, possibly given only by xlink:href.
_PARTY_PROPERTIES = ("contact", "pointOfContact", "citedResponsibleParty", "distributorContact",
                     "userContactInfo", "processor", "responsibleParty", "sponsor",
                     "requestor", "recipient")
_SWEPT = ("{*}CI_Responsibility",) + tuple("{*}" + name for name in _PARTY_PROPERTIES)


def is_record(element) -> bool:
    """True for ``mdb:MD_Metadata`` (any mdb version) or a profile's extension of it.

    A profile root (``che:CHE_MD_Metadata``) is known by what it extends: the class it
    declares (``gco:isoType="mdb:MD_Metadata"``, or an ``xsi:type`` naming
    ``mdb:MD_Metadata_Type``), else, declaring nothing, by a property only MD_Metadata has
    (``mdb:metadataIdentifier``, ``mdb:dateInfo``, ``mdb:identificationInfo``…).
    """
    tag = element.tag
    if not isinstance(tag, str):
        return False
    if tag.startswith("{" + MDB_PREFIX):
        return tag.endswith("}MD_Metadata")
    declared = common.declared_class(element)
    if declared is not None:
        namespace, name = declared
        return name == "MD_Metadata" and (namespace.startswith(MDB_PREFIX)
                                          or namespace == common.GCO3)
    for child in element:
        child_tag = child.tag
        if isinstance(child_tag, str) and child_tag.startswith("{" + MDB_PREFIX) and \
                local(child_tag) in _METADATA_ONLY:
            return True
    return False


def parse_record(element, source: str = "") -> Record:
    """The :class:`Record` of an ``mdb:MD_Metadata`` element.

    Raises :class:`DocumentError` ``iso.not_metadata`` or ``iso.missing_element``.
    """
    if not is_record(element):
        raise DocumentError(f"Not an ISO 19115-3 record: <{local(element.tag)}>",
                            code="iso.not_metadata", source=source, element=local(element.tag))
    record = Record(identifier="", source=source, standard="iso19115-3")
    seen = set()
    identifications = []
    for child in element:
        name = local(child.tag)
        if name == "metadataIdentifier":
            record.identifier = _identifier_code(common.first_child(child))
        elif name == "contact":
            _add_party(record, child, METADATA_CONTACT, seen)
        elif name == "identificationInfo":
            node = common.first_child(child)
            if node is not None:
                identifications.append(node)
        elif name == "defaultLocale":
            locale = common.first_child(child)
            if locale is not None:
                for part in locale:
                    if local(part.tag) == "language":
                        record.language = common.code_value(part) or common.text(part)
        elif name == "metadataScope":
            scope = common.first_child(child)
            if scope is not None:
                for part in scope:
                    if local(part.tag) == "resourceScope":
                        record.hierarchy = common.code_value(part) or record.hierarchy
                        break
        elif name == "dateInfo":
            value, kind = _ci_date(common.first_child(child))
            if value is not None and (kind in ("revision", "lastUpdate")
                                      or record.metadata_date is None):
                record.metadata_date = value
        elif name == "distributionInfo":
            _distribution(child, record, seen)
        elif name == "metadataMaintenance":
            _maintenance(common.first_child(child), record, seen, keep_values=False)
    if not identifications:
        raise common.missing("mdb:identificationInfo", source, record.identifier)
    for position, identification in enumerate(identifications):
        _identification(identification, record, source, seen, primary=position == 0)
    for node in element.iter(*_SWEPT):
        # Parties of other citations (thesauri, feature catalogues, lineage, constraints…):
        # in ISO's party properties, whatever class a profile puts in them or only an
        # xlink:href, and a CI_Responsibility wherever else a profile put one.
        if node in seen:
            continue
        if local(node.tag) == "CI_Responsibility":
            _add_party(record, node.getparent(), _swept_context(node.getparent()), seen)
            continue
        party = common.first_child(node)
        if party is None or (party not in seen and "Responsib" in common.iso_class(party)):
            _add_party(record, node, _swept_context(node), seen)
    if not record.identifier:
        record.problems.append("iso.fileidentifier_missing")
        if record.resource_identifiers:
            record.identifier = record.resource_identifiers[0]
    return record


def _swept_context(prop) -> str:
    return DISTRIBUTOR if local(prop.tag) == "distributorContact" else ASSOCIATED_PARTY


def _identifier_code(identifier) -> str:
    if identifier is None:
        return ""
    for part in identifier:
        if local(part.tag) == "code":
            value, href = common.text_and_href(part)
            return value or href
    return ""


def _ci_date(ci_date):
    if ci_date is None:
        return None, ""
    value, kind = None, ""
    for part in ci_date:
        name = local(part.tag)
        if name == "date":
            value = parse_date(common.text(part))
        elif name == "dateType":
            kind = common.code_key(common.code_value(part), "CI_DateTypeCode")
    return value, kind


def _identification(ident, record: Record, source: str, seen: set, primary: bool) -> None:
    if primary and "ServiceIdentification" in common.iso_class(ident):
        record.hierarchy = "service"
    citation = None
    boxes = []
    licence_candidates = []
    for child in ident:
        name = local(child.tag)
        if name == "citation":
            citation = common.first_child(child)
        elif name == "pointOfContact":
            _add_party(record, child, RESOURCE_CONTACT, seen)
        elif name == "resourceMaintenance":
            _maintenance(common.first_child(child), record, seen,
                         keep_values=primary and record.maintenance is None)
        elif name == "operatesOn":
            ref = child.get("uuidref") or child.get(common.XLINK_HREF) or ""
            if ref and ref not in record.operates_on:
                record.operates_on.append(ref)
        elif name == "containsOperations":
            for point in child.iter("{*}connectPoint"):
                _add_link(record, common.first_child(point))
        elif not primary:
            continue
        elif name == "abstract":
            record.abstract = common.text(child)
        elif name == "topicCategory":
            value = common.text(child)
            if value:
                record.topic_categories.append(value)
        elif name == "descriptiveKeywords":
            for keyword in child.iter("{*}keyword"):
                value = common.text(keyword)
                if value and value not in record.keywords:
                    record.keywords.append(value)
        elif name == "resourceConstraints":
            _constraints(common.first_child(child), record, licence_candidates)
        elif name == "extent":
            for box in child.iter("{*}EX_GeographicBoundingBox"):
                values = {local(part.tag): common.text(part) for part in box}
                boxes.append(common.valid_bbox(
                    values.get("westBoundLongitude"), values.get("southBoundLatitude"),
                    values.get("eastBoundLongitude"), values.get("northBoundLatitude")))
    if citation is None:
        if primary:
            raise common.missing("mri:citation", source, record.identifier)
        return
    for child in citation:
        name = local(child.tag)
        if name == "citedResponsibleParty":
            _add_party(record, child, CITED_PARTY, seen)
        elif not primary:
            continue
        elif name == "title":
            record.title = common.text(child)
        elif name == "date":
            value, kind = _ci_date(common.first_child(child))
            if value is not None and kind:
                previous = record.dates.get(kind)
                if previous is None or value > previous:
                    record.dates[kind] = value
        elif name == "identifier":
            code = _identifier_code(common.first_child(child))
            if code and code not in record.resource_identifiers:
                record.resource_identifiers.append(code)
    if primary:
        record.bbox = common.bbox_union(boxes)
        record.licence = common.pick_licence(licence_candidates)


def _add_party(record: Record, prop, context: str, seen: set) -> None:
    seen.add(prop)  # the closing sweep meets the property again (an xlink-only party too)
    href = prop.get(common.XLINK_HREF) or ""
    responsibility = common.first_child(prop)
    if responsibility is None:
        if href:
            raw = role_from_href(href) or None
            role, status = normalise_role(raw)
            record.parties.append(Party(context=context, role=role, role_raw=raw or "",
                                        role_status=status, href=href))
        elif common.is_empty_property(prop):
            record.problems.append("iso.empty_party")
        return
    seen.add(responsibility)
    party = Party(context=context, role=None, href=href)
    raw = None
    for child in responsibility:
        name = local(child.tag)
        if name == "role":
            code = common.first_child(child)
            if code is not None:
                raw = common.code_element_value(code)
        elif name == "party":
            node = common.first_child(child)
            if node is None:
                party.href = party.href or child.get(common.XLINK_HREF) or ""
            else:
                _party_node(node, party)
    party.role_raw = raw or ""
    party.role, party.role_status = normalise_role(raw)
    record.parties.append(party)


def _party_node(node, party: Party) -> None:
    # CI_Organisation or a profile's extension of it (che:CHE_CI_Organisation).
    is_organisation = common.iso_class(node) == "CI_Organisation"
    for child in node:
        name = local(child.tag)
        if name == "name":
            value, href = common.text_and_href(child)
            if is_organisation and not party.organisation:
                party.organisation, party.organisation_uri = value, href
            elif not is_organisation and not party.individual:
                party.individual = value
        elif name == "positionName" and not party.position:
            party.position = common.text(child)
        elif name == "contactInfo":
            _contact_info(common.first_child(child), party)
        elif name == "individual":
            individual = common.first_child(child)
            if individual is not None:
                _party_node(individual, party)


def _contact_info(contact, party: Party) -> None:
    if contact is None:
        return
    for child in contact:
        name = local(child.tag)
        if name == "phone" and not party.phone:
            telephone = common.first_child(child)
            if telephone is not None:
                for part in telephone:
                    if local(part.tag) == "number":
                        party.phone = common.text(part)
                        break
        elif name == "address":
            address = common.first_child(child)
            if address is None:
                continue
            parts = {}
            for part in address:
                part_name = local(part.tag)
                if part_name == "electronicMailAddress":
                    party.email = party.email or common.text(part)
                else:
                    value = common.text(part)
                    if value:
                        parts.setdefault(part_name, []).append(value)
            if not party.address:
                party.address = common.join_address(
                    ", ".join(parts.get(key, ())) for key in
                    ("deliveryPoint", "postalCode", "city", "administrativeArea", "country"))
        elif name == "onlineResource" and not party.url:
            resource = common.first_child(child)
            if resource is not None:
                for part in resource:
                    if local(part.tag) == "linkage":
                        party.url = common.text(part)


def _maintenance(info, record: Record, seen: set, keep_values: bool) -> None:
    if info is None:
        return
    maintenance = Maintenance() if keep_values else None
    notes = []
    for child in info:
        name = local(child.tag)
        if name == "contact":
            _add_party(record, child, MAINTENANCE_CONTACT, seen)
        elif maintenance is None:
            continue
        elif name == "maintenanceAndUpdateFrequency":
            maintenance.frequency_raw = common.code_value(child)
            maintenance.frequency = common.normalise_frequency(maintenance.frequency_raw)
        elif name == "maintenanceDate":
            # 19115-1 replaced dateOfNextUpdate by a CI_Date typed "nextUpdate".
            value, kind = _ci_date(common.first_child(child))
            if kind == "nextUpdate":
                maintenance.next_update = value
        elif name == "dateOfNextUpdate":
            maintenance.next_update = parse_date(common.text(child))
        elif name == "userDefinedMaintenanceFrequency":
            maintenance.user_defined = common.text(child)
        elif name == "maintenanceNote":
            value = common.text(child)
            if value:
                notes.append(value)
    if maintenance is not None:
        maintenance.note = "\n".join(notes)
        record.maintenance = maintenance


def _constraints(node, record: Record, licence_candidates: list) -> None:
    if node is None:
        return
    legal = common.iso_class(node) == "MD_LegalConstraints"
    for child in node:
        name = local(child.tag)
        if name in ("useLimitation", "otherConstraints"):
            value, href = common.text_and_href(child)
            value = value or href
            if value:
                record.constraints.append(value)
                if legal or name == "useLimitation":
                    licence_candidates.append(value)
        elif name == "reference":
            # 19115-1 lets a licence be cited (CI_Citation title + online resource).
            citation = common.first_child(child)
            if citation is not None:
                for part in citation:
                    if local(part.tag) == "title":
                        value = common.text(part)
                        if value:
                            record.constraints.append(value)
                            licence_candidates.append(value)
        elif name in ("accessConstraints", "useConstraints", "classification"):
            code = common.code_value(child)
            if code:
                record.constraints.append(f"{name}: {code}")


def _distribution(prop, record: Record, seen: set) -> None:
    for contact in prop.iter("{*}distributorContact"):
        _add_party(record, contact, DISTRIBUTOR, seen)
    for online in prop.iter("{*}onLine"):
        _add_link(record, common.first_child(online))


def _add_link(record: Record, resource) -> None:
    if resource is None:
        return
    values = {}
    for child in resource:
        name = local(child.tag)
        if name == "function":
            values[name] = common.code_value(child)
        else:
            values[name] = common.text(child)
    url = values.get("linkage", "")
    if not url:
        return
    protocol = values.get("protocol", "")
    function = values.get("function", "")
    record.links.append(OnlineResource(
        url=url, kind=classify_link(url, protocol, function), protocol=protocol,
        name=values.get("name", ""), description=values.get("description", ""),
        function=function))
