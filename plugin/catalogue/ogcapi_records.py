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

Types are checked wherever a value is read (:class:`..json_expect.Expect`): a value of a
form the standard (Part 1, record GeoJSON encoding) or the drafts above allow is read; a
plainly wrong one (contacts as a number, a link that is not an object, a box of three
numbers…) refuses the record with ``json.type``, whose ``path`` says where
(``properties.contacts[2].roles``) and ``expected`` what, rather than reading something
else in its place. Tolerated beyond the standard, as before: ``roles`` and an address's
``deliveryPoint`` as one string, e-mails/phones/externalIds as plain strings, themes'
``concepts`` as strings, texts as multilingual objects, a lone bbox of 4 or 6 numbers;
absent or null members read as nothing; a link without ``href`` is skipped (nothing to
open).

A page (:func:`parse_items`) keeps the records it can read: each one it cannot is left
out and noted (:data:`.search_notes.RECORD_UNREADABLE`: its 1-based position, the
error's code and params), as the CSW reader does; only a page whose own members are of
a wrong type fails.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from ..errors import DocumentError
from ..json_expect import (
    EXPECT_BOX,
    EXPECT_LIST,
    EXPECT_POSITION,
    EXPECT_STRING_OR_OBJECT,
    Expect,
    child,
    is_number,
)
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
from .search_notes import RECORD_UNREADABLE, Note

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


def parse_record(feature, source: str = "", at: str = "") -> Record:
    """The :class:`Record` of one OGC API Records item (a GeoJSON Feature).

    ``at`` is the feature's path in its document (``features[3]`` in a page), which the
    errors' ``path`` starts with."""
    expect = Expect(source)
    if at:
        feature = expect.object(feature, at)
    else:
        feature = _require_mapping(feature, source, "record")
    where = child(at, "properties")
    properties = feature.get("properties")
    if properties is None:
        raise DocumentError("The record has no properties object", code="ogcapi.not_record",
                            source=source, what="record")
    properties = expect.object(properties, where)

    def text(key, multilingual=False):
        return expect.text(properties.get(key), child(where, key), multilingual)

    record = Record(identifier=expect.identifier(feature.get("id"), child(at, "id")),
                    source=source, standard=STANDARD,
                    title=text("title", True), abstract=text("description", True),
                    hierarchy=text("type") or "dataset")
    _keywords(expect, properties, where, record)
    record.language = _language(expect, properties.get("language"), child(where, "language"))
    created = parse_date(text("created"))
    updated = parse_date(text("updated"))
    if created:
        record.dates["creation"] = created
    if updated:
        record.dates["revision"] = updated
        record.metadata_date = updated
    for path, external in expect.items(properties.get("externalIds"),
                                       child(where, "externalIds")):
        value = _value(expect, external, path)
        if value and value not in record.resource_identifiers:
            record.resource_identifiers.append(value)
    for path, contact in expect.objects(properties.get("contacts"), child(where, "contacts")):
        _contact(expect, record, contact, path)
    for path, provider in expect.items(properties.get("providers"), child(where, "providers")):
        _provider(expect, record, provider, path)
    _rights(expect, properties, where, record)
    record.links = _links(expect, feature.get("links"), child(at, "links"), record)
    record.bbox = _geometry_bbox(expect, feature.get("geometry"), child(at, "geometry")) or \
        _extent_bbox(expect, properties.get("extent"), child(where, "extent"))
    if not record.identifier:
        record.problems.append("ogcapi.id_missing")
    return record


def parse_items(collection, source: str = "") -> SearchResult:
    """A page of records: an OGC API Records ``items`` FeatureCollection.

    A record that cannot be read is left out and noted in ``notes``: a
    :class:`.search_notes.Note` ``search.record_unreadable`` with its 1-based ``index`` on
    the page, the error's ``code`` and the error's params (for ``json.type``: ``path``
    from the page's root, ``expected``, ``found``), rather than failing the whole page.
    """
    expect = Expect(source)
    collection = _require_mapping(collection, source, "items response")
    features = collection.get("features")
    if not isinstance(features, list):
        raise DocumentError("The response has no features array", code="ogcapi.not_items",
                            source=source)
    result = SearchResult()
    for index, (path, feature) in enumerate(expect.items(features, "features"), 1):
        try:
            result.records.append(parse_record(feature, source, at=path))
        except DocumentError as exc:
            result.notes.append(Note(RECORD_UNREADABLE, {**exc.params, "index": index,
                                                         "code": exc.code}))
    result.matched = expect.integer_or_none(collection.get("numberMatched"), "numberMatched")
    returned = expect.integer_or_none(collection.get("numberReturned"), "numberReturned")
    result.returned = returned if returned is not None else len(result.records)
    for path, link in expect.objects(collection.get("links"), "links"):
        rel = expect.text(link.get("rel"), child(path, "rel"))
        href = expect.text(link.get("href"), child(path, "href"))
        if rel == "next" and href:
            result.next_url = href
            result.next_start = _offset_of(href)
            break
    return result


def parse_collection(collection, source: str = "", at: str = "") -> Record:
    """The catalogue itself (an OGC API collection of ``itemType`` record) as a Record.

    ``at``: the collection's path in its document (``collections[2]`` in a listing)."""
    expect = Expect(source)
    if at:
        collection = expect.object(collection, at)
    else:
        collection = _require_mapping(collection, source, "collection")
    record = Record(identifier=expect.identifier(collection.get("id"), child(at, "id")),
                    source=source, standard=STANDARD, hierarchy="catalogue",
                    title=expect.text(collection.get("title"), child(at, "title"), True),
                    abstract=expect.text(collection.get("description"),
                                         child(at, "description"), True))
    _keywords(expect, collection, at, record)
    record.language = _language(expect, collection.get("language"), child(at, "language"))
    for path, contact in expect.objects(collection.get("contacts"), child(at, "contacts")):
        _contact(expect, record, contact, path)
    _rights(expect, collection, at, record)
    record.links = _links(expect, collection.get("links"), child(at, "links"), record,
                          keep_navigation=True)
    record.bbox = _extent_bbox(expect, collection.get("extent"), child(at, "extent"))
    return record


def landing_links(document, source: str = "") -> list:
    """The links of a landing page (or any document with ``links``) as OnlineResources."""
    expect = Expect(source)
    links = []
    for path, link in expect.objects(expect.object(document, "").get("links"), "links"):
        href = expect.text(link.get("href"), child(path, "href"))
        if href:
            links.append(OnlineResource(
                url=href, kind=LINK_OTHER,
                protocol=expect.text(link.get("type"), child(path, "type")),
                name=expect.text(link.get("rel"), child(path, "rel")),
                description=expect.text(link.get("title"), child(path, "title"), True)))
    return links


def conformance_classes(document, source: str = "") -> list:
    """The ``conformsTo`` URIs of a conformance document (or a landing page)."""
    expect = Expect(source)
    values = expect.object(document, "").get("conformsTo")
    return [value for value in expect.texts(values, "conformsTo") if value]


def queryable_names(document, source: str = "") -> list:
    """Names of a queryables/sortables JSON Schema's properties."""
    expect = Expect(source)
    properties = expect.object_or_none(expect.object(document, "").get("properties"),
                                       "properties")
    return list(properties) if properties else []


def _language(expect: Expect, value, path: str) -> str:
    """A language object ``{"code": …}`` (1.0) or a language code (drafts)."""
    if isinstance(value, dict):
        return expect.text(value.get("code"), child(path, "code"))
    if value is None or isinstance(value, str):
        return expect.text(value, path)
    raise expect.wrong(value, path, EXPECT_STRING_OR_OBJECT)


def _value(expect: Expect, entry, path: str) -> str:
    """The ``value`` of ``{"value": …}`` (e-mails, phones, externalIds), or a plain string."""
    if isinstance(entry, dict):
        return expect.text(entry.get("value"), child(path, "value"))
    if entry is None or isinstance(entry, str):
        return expect.text(entry, path)
    raise expect.wrong(entry, path, EXPECT_STRING_OR_OBJECT)


def _keywords(expect: Expect, properties: dict, where: str, record: Record) -> None:
    def add(value):
        if value and value not in record.keywords:
            record.keywords.append(value)

    for value in expect.texts(properties.get("keywords"), child(where, "keywords"),
                              multilingual=True):
        add(value)
    for path, theme in expect.objects(properties.get("themes"), child(where, "themes")):
        for concept_path, concept in expect.items(theme.get("concepts"),
                                                  child(path, "concepts")):
            if isinstance(concept, dict):
                add(expect.text(concept.get("title"), child(concept_path, "title"), True)
                    or expect.text(concept.get("id"), child(concept_path, "id")))
            elif concept is None or isinstance(concept, str):
                add(expect.text(concept, concept_path))      # pygeoapi pre-1.0: plain strings
            else:
                raise expect.wrong(concept, concept_path, EXPECT_STRING_OR_OBJECT)


def _contact(expect: Expect, record: Record, contact: dict, path: str) -> None:
    def text(key):
        return expect.text(contact.get(key), child(path, key), True)

    organisation = text("organization")
    name = text("name")
    party = Party(context=OGCAPI_CONTACT, role=None,
                  organisation=organisation or name,
                  individual=name if organisation else "",
                  position=text("position"))
    party.email = _first_value(expect, contact.get("emails"), child(path, "emails"))
    party.phone = _first_value(expect, contact.get("phones"), child(path, "phones"))
    for link_path, link in expect.objects(contact.get("links"), child(path, "links")):
        href = expect.text(link.get("href"), child(link_path, "href"))
        if href:
            party.url = href
            break
    addresses = expect.objects(contact.get("addresses"), child(path, "addresses"))
    if addresses:
        address_path, address = addresses[0]
        delivery = expect.texts(address.get("deliveryPoint"),
                                child(address_path, "deliveryPoint"), lone=True,
                                multilingual=True)
        parts = [", ".join(delivery)] + [
            expect.text(address.get(key), child(address_path, key), True) for key in
            ("postalCode", "city", "administrativeArea", "country")]
        party.address = ", ".join(p for p in parts if p)
    roles = expect.texts(contact.get("roles"), child(path, "roles"), lone=True)
    _add_with_roles(record, party, roles)


def _first_value(expect: Expect, entries, path: str) -> str:
    values = [_value(expect, entry, item_path) for item_path, entry in expect.items(entries, path)]
    return next((value for value in values if value), "")


def _add_with_roles(record: Record, party: Party, roles) -> None:
    roles = [role for role in roles if role]
    if not roles:
        party.role, party.role_status = normalise_role(None)
        record.parties.append(party)
        return
    for raw in roles:
        role, status = normalise_role(raw, synonyms=True)
        record.parties.append(Party(**{**party.__dict__, "role": role, "role_raw": raw,
                                       "role_status": status}))


def _provider(expect: Expect, record: Record, provider, path: str) -> None:
    if isinstance(provider, dict):
        party = Party(context=OGCAPI_CONTACT, role=None,
                      organisation=expect.text(provider.get("name"), child(path, "name"), True),
                      url=expect.text(provider.get("url"), child(path, "url")))
        roles = expect.texts(provider.get("roles"), child(path, "roles"), lone=True)
        _add_with_roles(record, party, roles)
        return
    if provider is not None and not isinstance(provider, str):
        raise expect.wrong(provider, path, EXPECT_STRING_OR_OBJECT)
    text = expect.text(provider, path)
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


def _rights(expect: Expect, properties: dict, where: str, record: Record) -> None:
    licence = expect.text(properties.get("license"), child(where, "license"), True)
    rights = expect.text(properties.get("rights"), child(where, "rights"), True)
    for value in (licence, rights):
        if value:
            record.constraints.append(value)
    record.licence = pick_licence([licence, rights])


def _links(expect: Expect, links, path: str, record: Record, keep_navigation: bool = False) -> list:
    resources = []
    for link_path, link in expect.objects(links, path):
        def text(key, multilingual=False, link=link, link_path=link_path):
            return expect.text(link.get(key), child(link_path, key), multilingual)

        href = text("href")
        if not href:
            continue
        rel = text("rel").lower()
        if rel == "license":
            if not record.licence or record.licence == "other":
                record.licence = href
            continue
        if rel in _NAVIGATION and not keep_navigation:
            continue
        media_or_protocol = text("type")
        title = text("title", True)
        is_protocol = ":" in media_or_protocol and "/" not in media_or_protocol
        # Records converted from ISO (pycsw, the demo) keep the ISO protocol and the layer
        # name in "protocol" and "name" beside the media type: they say which service it is.
        protocol = text("protocol")
        if rel in _PICTURES or rel in _NAVIGATION:
            kind = LINK_OTHER
        elif rel == "enclosure":
            kind = LINK_DOWNLOAD
        else:
            kind = classify_link(href, protocol or media_or_protocol, rel=rel)
        resources.append(OnlineResource(
            url=href, kind=kind, protocol=protocol or media_or_protocol,
            name=text("name") or (title if is_protocol else ""),
            description=title, function=rel))
    return resources


# GeoJSON nests coordinates at most 3 lists deep around a position (MultiPolygon).
_COORDINATE_LEVELS = 4


def _positions(expect: Expect, coordinates, path: str, out: list) -> None:
    """Collect the positions of GeoJSON ``coordinates`` (any geometry type) into ``out``."""
    pending = [(coordinates, path, 0)]
    while pending:
        value, where, level = pending.pop()
        if not isinstance(value, list):
            raise expect.wrong(value, where, EXPECT_POSITION if level else EXPECT_LIST)
        if value and not isinstance(value[0], list):
            if len(value) < 2 or not all(is_number(v) for v in value):
                raise expect.wrong(value, where, EXPECT_POSITION)
            out.append(value)
            continue
        if level + 1 >= _COORDINATE_LEVELS:
            raise expect.wrong(value, where, EXPECT_POSITION)
        pending.extend((item, child(where, i), level + 1) for i, item in enumerate(value))


def _geometry_bbox(expect: Expect, geometry, path: str):
    geometry = expect.object_or_none(geometry, path)
    if geometry is None:
        return None
    coordinates = []
    if geometry.get("coordinates") is not None:
        _positions(expect, geometry["coordinates"], child(path, "coordinates"), coordinates)
    for member_path, member in expect.objects(geometry.get("geometries"),
                                              child(path, "geometries")):
        if member.get("coordinates") is not None:
            _positions(expect, member["coordinates"], child(member_path, "coordinates"),
                       coordinates)
    if not coordinates:
        return None
    xs = [c[0] for c in coordinates]
    ys = [c[1] for c in coordinates]
    return valid_bbox(min(xs), min(ys), max(xs), max(ys))


def _extent_bbox(expect: Expect, extent, path: str):
    extent = expect.object_or_none(extent, path)
    if extent is None:
        return None
    spatial_path = child(path, "spatial")
    spatial = expect.object_or_none(extent.get("spatial"), spatial_path)
    if spatial is None:
        return None
    boxes_path = child(spatial_path, "bbox")
    boxes = spatial.get("bbox")
    if boxes is None:
        return None
    if isinstance(boxes, list) and boxes and all(is_number(v) for v in boxes):
        items = [(boxes_path, boxes)]     # a lone box (pre-1.0 drafts)
    else:
        items = expect.items(boxes, boxes_path)
    found = []
    for box_path, box in items:
        if not isinstance(box, list) or len(box) not in (4, 6) or \
                not all(is_number(v) for v in box):
            raise expect.wrong(box, box_path, EXPECT_BOX)
        # A 3D box is west, south, min-z, east, north, max-z (OGC API Common).
        west, south, east, north = (box[0], box[1], box[2], box[3]) if len(box) == 4 \
            else (box[0], box[1], box[3], box[4])
        found.append(valid_bbox(west, south, east, north))
    return bbox_union(found)


def _offset_of(url: str):
    try:
        query = parse_qs(urlsplit(url).query)
    except ValueError:              # "http://[::1": not a URL urlsplit can read
        return None
    for key in ("offset", "startindex", "startIndex", "start"):
        if key in query:
            try:
                return int(query[key][0])
            except ValueError:
                return None
    return None
