"""OGC API Records JSON -> Record / SearchResult (1.0 record-core and pygeoapi pre-1.0 drafts).

Input is already-parsed JSON (``xmlsafe.parse_json``). Differences handled:

* 1.0 ``properties.contacts[]`` with free-text ``roles[]`` (the standard recommends ISO
  CI_RoleCode values): one party per role, normalised, raw kept; a contact without roles
  is kept with the ``missing`` status. ``name`` is a person *or* an organisation: it is
  the organisation unless ``organization`` is also given.
* pygeoapi's pre-1.0 ``properties.providers``: plain strings "team, e-mail, organisation"
  (harvested from GeoNetwork contacts) or STAC-like objects ``{name, roles, url}``.
* ``language`` as ``{"code": …}`` (1.0) or a string (drafts); ``updated``/``created``;
  links whose ``type`` is an ISO protocol (``OGC:WMS``) and whose ``title`` is the layer
  name (pygeoapi's GeoNetwork harvest), or a media type (1.0).
* bbox from the geometry, or ``properties.extent.spatial.bbox`` / the collection's
  ``extent``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from ..errors import DocumentError
from .dates import parse_date
from .iso_common import bbox_union, pick_licence, valid_bbox
from .links import classify_link
from .model import (
    LINK_DOWNLOAD,
    LINK_OTHER,
    OGCAPI_CONTACT,
    OnlineResource,
    Party,
    Record,
    SearchResult,
)
from .roles import normalise_role

STANDARD = "ogcapi-records"
# Relations describing the response itself or navigation, not the described resource.
_NAVIGATION = {"self", "alternate", "root", "parent", "collection", "next", "prev",
               "previous", "first", "last", "conformance", "service-desc", "service-doc",
               "data", "queryables", "sortables", "items"}
_PICTURES = {"preview", "icon", "thumbnail", "overview"}
_EMAIL = re.compile(r"[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+")


def _require_mapping(document, source: str, what: str) -> dict:
    if not isinstance(document, dict):
        raise DocumentError(f"Not an OGC API Records {what}: a JSON object was expected",
                            code="ogcapi.not_record", source=source, what=what)
    return document


def is_record(document) -> bool:
    return (isinstance(document, dict) and document.get("type") == "Feature"
            and isinstance(document.get("properties"), dict))


def is_items(document) -> bool:
    return isinstance(document, dict) and document.get("type") == "FeatureCollection" and \
        isinstance(document.get("features"), list)


def is_collection(document) -> bool:
    return isinstance(document, dict) and "id" in document and (
        document.get("itemType") == "record" or document.get("type") in ("Collection",
                                                                          "Catalog"))


def parse_record(feature, source: str = "") -> Record:
    """The :class:`Record` of one OGC API Records item (a GeoJSON Feature)."""
    feature = _require_mapping(feature, source, "record")
    properties = feature.get("properties")
    if not isinstance(properties, dict):
        raise DocumentError("The record has no properties object", code="ogcapi.not_record",
                            source=source, what="record")
    record = Record(identifier=str(feature.get("id") or ""), source=source, standard=STANDARD,
                    title=_string(properties.get("title")),
                    abstract=_string(properties.get("description")),
                    hierarchy=_string(properties.get("type")) or "dataset")
    _keywords(properties, record)
    record.language = _language(properties.get("language"))
    created = parse_date(_string(properties.get("created")))
    updated = parse_date(_string(properties.get("updated")))
    if created:
        record.dates["creation"] = created
    if updated:
        record.dates["revision"] = updated
        record.metadata_date = updated
    for external in properties.get("externalIds") or ():
        value = external.get("value") if isinstance(external, dict) else external
        if value and str(value) not in record.resource_identifiers:
            record.resource_identifiers.append(str(value))
    for contact in properties.get("contacts") or ():
        if isinstance(contact, dict):
            _contact(record, contact)
    for provider in properties.get("providers") or ():
        _provider(record, provider)
    _rights(properties, record)
    record.links = _links(feature.get("links") or (), record)
    record.bbox = _geometry_bbox(feature.get("geometry")) or _extent_bbox(
        properties.get("extent"))
    if not record.identifier:
        record.problems.append("ogcapi.id_missing")
    return record


def parse_items(collection, source: str = "") -> SearchResult:
    """A page of records: an OGC API Records ``items`` FeatureCollection.

    Records that cannot be read are skipped and noted (``record.unreadable:<index>:<code>``
    in ``notes``) rather than failing the whole page.
    """
    collection = _require_mapping(collection, source, "items response")
    features = collection.get("features")
    if not isinstance(features, list):
        raise DocumentError("The response has no features array", code="ogcapi.not_items",
                            source=source)
    result = SearchResult()
    for index, feature in enumerate(features):
        try:
            result.records.append(parse_record(feature, source))
        except DocumentError as exc:
            result.notes.append(f"record.unreadable:{index}:{exc.code}")
    matched = collection.get("numberMatched")
    result.matched = matched if isinstance(matched, int) else None
    returned = collection.get("numberReturned")
    result.returned = returned if isinstance(returned, int) else len(result.records)
    for link in collection.get("links") or ():
        if isinstance(link, dict) and link.get("rel") == "next" and link.get("href"):
            result.next_url = link["href"]
            result.next_start = _offset_of(link["href"])
            break
    return result


def parse_collection(collection, source: str = "") -> Record:
    """The catalogue itself (an OGC API collection of ``itemType`` record) as a Record."""
    collection = _require_mapping(collection, source, "collection")
    record = Record(identifier=str(collection.get("id") or ""), source=source,
                    standard=STANDARD, hierarchy="catalogue",
                    title=_string(collection.get("title")),
                    abstract=_string(collection.get("description")))
    _keywords(collection, record)
    record.language = _language(collection.get("language"))
    for contact in collection.get("contacts") or ():
        if isinstance(contact, dict):
            _contact(record, contact)
    _rights(collection, record)
    record.links = _links(collection.get("links") or (), record, keep_navigation=True)
    record.bbox = _extent_bbox(collection.get("extent"))
    return record


def landing_links(document) -> list:
    """The links of a landing page (or any document with ``links``) as OnlineResources."""
    links = []
    for link in (document.get("links") if isinstance(document, dict) else None) or ():
        if isinstance(link, dict) and link.get("href"):
            links.append(OnlineResource(url=link["href"], kind=LINK_OTHER,
                                        protocol=_string(link.get("type")),
                                        name=_string(link.get("rel")),
                                        description=_string(link.get("title"))))
    return links


def conformance_classes(document) -> list:
    values = document.get("conformsTo") if isinstance(document, dict) else None
    return [str(value) for value in values or () if value]


def queryable_names(document) -> list:
    """Names of a queryables/sortables JSON Schema's properties."""
    properties = document.get("properties") if isinstance(document, dict) else None
    return list(properties) if isinstance(properties, dict) else []


def _string(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):  # multilingual drafts: {"en": "…", "fr": "…"}
        value = next(iter(value.values()), "")
    return str(value).strip()


def _language(value) -> str:
    if isinstance(value, dict):
        return _string(value.get("code"))
    return _string(value)


def _keywords(properties: dict, record: Record) -> None:
    for keyword in properties.get("keywords") or ():
        value = _string(keyword)
        if value and value not in record.keywords:
            record.keywords.append(value)
    for theme in properties.get("themes") or ():
        if not isinstance(theme, dict):
            continue
        for concept in theme.get("concepts") or ():
            value = _string(concept.get("title") or concept.get("id")) \
                if isinstance(concept, dict) else _string(concept)
            if value and value not in record.keywords:
                record.keywords.append(value)


def _contact(record: Record, contact: dict) -> None:
    organisation = _string(contact.get("organization"))
    name = _string(contact.get("name"))
    party = Party(context=OGCAPI_CONTACT, role=None,
                  organisation=organisation or name,
                  individual=name if organisation else "",
                  position=_string(contact.get("position")))
    party.email = _first_value(contact.get("emails"))
    party.phone = _first_value(contact.get("phones"))
    for link in contact.get("links") or ():
        if isinstance(link, dict) and link.get("href"):
            party.url = link["href"]
            break
    for address in contact.get("addresses") or ():
        if isinstance(address, dict):
            delivery = address.get("deliveryPoint") or ()
            if isinstance(delivery, str):
                delivery = [delivery]
            parts = [", ".join(_string(d) for d in delivery)] + [
                _string(address.get(key)) for key in
                ("postalCode", "city", "administrativeArea", "country")]
            party.address = ", ".join(p for p in parts if p)
            break
    roles = contact.get("roles")
    if isinstance(roles, str):
        roles = [roles]
    _add_with_roles(record, party, roles or ())


def _first_value(entries) -> str:
    for entry in entries or ():
        value = entry.get("value") if isinstance(entry, dict) else entry
        if value:
            return _string(value)
    return ""


def _add_with_roles(record: Record, party: Party, roles) -> None:
    roles = [_string(role) for role in roles]
    if not roles:
        party.role, party.role_status = normalise_role(None)
        record.parties.append(party)
        return
    for raw in roles:
        role, status = normalise_role(raw, synonyms=True)
        record.parties.append(Party(**{**party.__dict__, "role": role, "role_raw": raw,
                                       "role_status": status}))


def _provider(record: Record, provider) -> None:
    if isinstance(provider, dict):
        party = Party(context=OGCAPI_CONTACT, role=None,
                      organisation=_string(provider.get("name")),
                      url=_string(provider.get("url")))
        roles = provider.get("roles") or ()
        _add_with_roles(record, party, [roles] if isinstance(roles, str) else roles)
        return
    text = _string(provider)
    if not text:
        return
    # "Team Geo, geo-informatie@zaanstad.nl, Gemeente Zaanstad": who, e-mail, organisation
    email_match = _EMAIL.search(text)
    email = email_match.group(0) if email_match else ""
    parts = [p.strip() for p in text.split(",") if p.strip() and p.strip() != email]
    party = Party(context=OGCAPI_CONTACT, role=None, email=email,
                  organisation=parts[-1] if parts else "",
                  individual=", ".join(parts[:-1]))
    _add_with_roles(record, party, ())


def _rights(properties: dict, record: Record) -> None:
    licence = _string(properties.get("license"))
    rights = _string(properties.get("rights"))
    for value in (licence, rights):
        if value:
            record.constraints.append(value)
    record.licence = pick_licence([licence, rights])


def _links(links, record: Record, keep_navigation: bool = False) -> list:
    resources = []
    for link in links:
        if not isinstance(link, dict) or not link.get("href"):
            continue
        rel = _string(link.get("rel")).lower()
        href = str(link["href"])
        if rel == "license":
            if not record.licence or record.licence == "other":
                record.licence = href
            continue
        if rel in _NAVIGATION and not keep_navigation:
            continue
        media_or_protocol = _string(link.get("type"))
        title = _string(link.get("title"))
        is_protocol = ":" in media_or_protocol and "/" not in media_or_protocol
        # Records converted from ISO (pycsw, the demo) keep the ISO protocol and the layer
        # name in "protocol" and "name" beside the media type: they say which service it is.
        protocol = _string(link.get("protocol"))
        if rel in _PICTURES or rel in _NAVIGATION:
            kind = LINK_OTHER
        elif rel == "enclosure":
            kind = LINK_DOWNLOAD
        else:
            kind = classify_link(href, protocol or media_or_protocol, rel=rel)
        resources.append(OnlineResource(
            url=href, kind=kind, protocol=protocol or media_or_protocol,
            name=_string(link.get("name")) or (title if is_protocol else ""),
            description=title, function=rel))
    return resources


def _geometry_bbox(geometry):
    if not isinstance(geometry, dict):
        return None
    coordinates = []

    def walk(value):
        if isinstance(value, (list, tuple)):
            if len(value) >= 2 and all(isinstance(v, (int, float)) for v in value[:2]):
                coordinates.append(value)
            else:
                for item in value:
                    walk(item)

    walk(geometry.get("coordinates"))
    for member in geometry.get("geometries") or ():
        if isinstance(member, dict):
            walk(member.get("coordinates"))
    if not coordinates:
        return None
    xs = [c[0] for c in coordinates]
    ys = [c[1] for c in coordinates]
    return valid_bbox(min(xs), min(ys), max(xs), max(ys))


def _extent_bbox(extent):
    if not isinstance(extent, dict):
        return None
    spatial = extent.get("spatial")
    boxes = spatial.get("bbox") if isinstance(spatial, dict) else None
    if not isinstance(boxes, list) or not boxes:
        return None
    if all(isinstance(v, (int, float)) for v in boxes):
        boxes = [boxes]
    found = []
    for box in boxes:
        if isinstance(box, list) and len(box) in (4, 6):
            # A 3D box is west, south, min-z, east, north, max-z (OGC API Common).
            west, south, east, north = (box[0], box[1], box[2], box[3]) if len(box) == 4 \
                else (box[0], box[1], box[3], box[4])
            found.append(valid_bbox(west, south, east, north))
    return bbox_union(found)


def _offset_of(url: str):
    query = parse_qs(urlsplit(url).query)
    for key in ("offset", "startindex", "startIndex", "start"):
        if key in query:
            try:
                return int(query[key][0])
            except ValueError:
                return None
    return None
