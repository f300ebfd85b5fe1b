"""OWS Common (1.0, 1.1, 2.0) pieces of CSW and WFS 1.1/2.0 documents.

ServiceIdentification, ServiceProvider (with its free-text ``ows:Role``), OperationsMetadata
(operations, their parameters and constraints: WFS 2.0 says whether it is transactional in
``ImplementsTransactionalWFS``) and ``ows:BoundingBox``. The three OWS versions differ only
in namespace and in where values sit (1.0: ``Parameter/Value``; 1.1/2.0:
``Parameter/AllowedValues/Value`` or ``DefaultValue``), so everything is read by local name.
"""

from __future__ import annotations

from .iso_common import XLINK_HREF, local, valid_bbox
from .model import SERVICE_CONTACT, Party
from .roles import normalise_role
from .service_model import Operation


def text_of(element) -> str:
    if element is None:
        return ""
    value = element.text
    return value.strip() if value else ""


def child(element, name: str):
    """The first child with local name ``name`` (any namespace), or None."""
    if element is None:
        return None
    for node in element:
        if local(node.tag) == name:
            return node
    return None


def children(element, name: str):
    if element is None:
        return []
    return [node for node in element if local(node.tag) == name]


def href_of(element) -> str:
    """The xlink:href of an element; a plain ``href`` attribute as a fallback (the WFS 2.0
    standard's own capabilities example writes ``<ows:Get href="…"/>``)."""
    if element is None:
        return ""
    return (element.get(XLINK_HREF) or element.get("href") or "").strip()


def child_text(element, name: str) -> str:
    return text_of(child(element, name))


def keywords_of(element) -> list:
    """Keywords of ows:Keywords/ows:Keyword (several Keywords blocks possible)."""
    values = []
    for block in children(element, "Keywords"):
        for keyword in children(block, "Keyword"):
            value = text_of(keyword)
            if value and value not in values:
                values.append(value)
    return values


def service_identification(element, info) -> None:
    if element is None:
        return
    info.title = child_text(element, "Title") or info.title
    info.abstract = child_text(element, "Abstract") or info.abstract
    info.keywords = keywords_of(element) or info.keywords
    info.fees = child_text(element, "Fees")
    info.access_constraints = "; ".join(
        text_of(node) for node in children(element, "AccessConstraints") if text_of(node))


def service_provider(element) -> tuple:
    """``(provider name, Party)`` of an ows:ServiceProvider (Party is None without a contact)."""
    if element is None:
        return "", None
    provider = child_text(element, "ProviderName")
    site = child(element, "ProviderSite")
    contact = child(element, "ServiceContact")
    if contact is None:
        return provider, None
    raw = None
    role_node = child(contact, "Role")
    if role_node is not None:
        raw = text_of(role_node)
    role, status = normalise_role(raw)
    party = Party(context=SERVICE_CONTACT, role=role, role_raw=raw or "", role_status=status,
                  organisation=provider, individual=child_text(contact, "IndividualName"),
                  position=child_text(contact, "PositionName"),
                  url=href_of(site))
    info = child(contact, "ContactInfo")
    phone = child(info, "Phone")
    party.phone = child_text(phone, "Voice")
    address = child(info, "Address")
    if address is not None:
        party.email = child_text(address, "ElectronicMailAddress")
        party.address = ", ".join(value for value in (
            ", ".join(text_of(n) for n in children(address, "DeliveryPoint") if text_of(n)),
            child_text(address, "PostalCode"), child_text(address, "City"),
            child_text(address, "AdministrativeArea"), child_text(address, "Country"))
            if value)
    online = child(info, "OnlineResource")
    if online is not None and not party.url:
        party.url = href_of(online)
    return provider, party


def _values(node) -> list:
    """Allowed values of an ows:Parameter or ows:Constraint, whatever the OWS version."""
    values = []
    for part in node:
        name = local(part.tag)
        if name == "Value" or name == "DefaultValue":
            value = text_of(part)
            if value and value not in values:
                values.append(value)
        elif name == "AllowedValues":
            for value_node in part:
                if local(value_node.tag) == "Value":
                    value = text_of(value_node)
                    if value and value not in values:
                        values.append(value)
    return values


def operations_metadata(element) -> tuple:
    """``(operations, constraints)`` of an ows:OperationsMetadata."""
    operations = []
    constraints = {}
    if element is None:
        return operations, constraints
    for node in element:
        name = local(node.tag)
        if name == "Operation":
            operation = Operation(name=node.get("name", ""))
            for part in node:
                part_name = local(part.tag)
                if part_name == "DCP":
                    for method in part.iter("{*}Get", "{*}Post"):
                        href = href_of(method)
                        if local(method.tag) == "Get" and not operation.get_url:
                            operation.get_url = href
                        elif local(method.tag) == "Post" and not operation.post_url:
                            operation.post_url = href
                elif part_name == "Parameter":
                    operation.parameters[part.get("name", "")] = _values(part)
                elif part_name == "Constraint":
                    operation.constraints[part.get("name", "")] = _values(part)
            operations.append(operation)
        elif name == "Constraint":
            constraints[node.get("name", "")] = _values(node)
        elif name == "Parameter":
            # Service-wide parameters (e.g. CSW's outputSchema for every operation).
            constraints.setdefault("parameter:" + node.get("name", ""), _values(node))
    return operations, constraints


def _axis_lat_first(crs: str) -> bool:
    # EPSG:4326 given as a URN or an http URI has latitude first (OGC 06-121r9 §10.2.5 and
    # the CRS definition); "EPSG:4326" and CRS84 are longitude first.
    low = crs.lower()
    return "4326" in low and ("urn:" in low or "/def/crs/" in low)


def bbox_of(element):
    """(west, south, east, north) of an ows:BoundingBox or ows:WGS84BoundingBox, or None.

    Quirks handled: GeoNetwork writes longitude first whatever its ``crs`` says, even
    ``urn:ogc:def:crs:EPSG::RGF93 / Lambert-93`` with degrees, and sometimes swaps the
    corners; a first coordinate beyond ±90 can only be a longitude, a second one beyond ±90
    means latitude came first. Projected coordinates (no way to reproject here) give None.
    """
    lower = child_text(element, "LowerCorner").split()
    upper = child_text(element, "UpperCorner").split()
    if len(lower) < 2 or len(upper) < 2:
        return None
    try:
        a1, b1, a2, b2 = float(lower[0]), float(lower[1]), float(upper[0]), float(upper[1])
    except ValueError:
        return None
    crs = element.get("crs", "") if local(element.tag) == "BoundingBox" else "CRS84"
    if _axis_lat_first(crs) and max(abs(a1), abs(a2)) <= 90:
        a1, b1, a2, b2 = b1, a1, b2, a2
    elif max(abs(b1), abs(b2)) > 90 >= max(abs(a1), abs(a2)):
        # A second coordinate beyond ±90 can only be a longitude: latitude first under a
        # plain "EPSG:4326" label (pycsw/CubeWerx Dublin Core: "-90 -180" … "90 180").
        a1, b1, a2, b2 = b1, a1, b2, a2
    return valid_bbox(min(a1, a2), min(b1, b2), max(a1, a2), max(b1, b2))
