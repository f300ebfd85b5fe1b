"""Pieces shared by the ISO 19139 and ISO 19115-3 parsers: text values, codes, addresses.

Both encodings wrap every value in a property element whose single child carries it
(``<gmd:title><gco:CharacterString>…``), possibly as a ``gmx:Anchor`` (text + xlink:href),
a ``gmd:PT_FreeText`` / ``lan:PT_FreeText`` (localised strings only), or nothing but a
``gco:nilReason``. Parsers walk children once and dispatch on the Clark tag: that is what
makes a record parse in well under a millisecond (see tests/bench/bench_parsing.py).

National profiles (the Swiss ``che``, the French ``fra``, ``sinp``, Australian ``mcp``…)
extend ISO classes in their own namespace: ``che:CHE_CI_ResponsibleParty`` stands where
``gmd:CI_ResponsibleParty`` would, inside the same ISO property, with the ISO children
first and the profile's additions after them. The schema says so by substitution group and
type derivation; the instance says so with ``gco:isoType="gmd:CI_ResponsibleParty"`` (or an
``xsi:type`` naming an ISO type). :func:`iso_class` reads that declaration, so the parsers
ask "what ISO class is this" instead of comparing element names with a list of profiles.
"""

from __future__ import annotations

from ..errors import DocumentError

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
GCO_NIL = "{http://www.isotc211.org/2005/gco}nilReason"
GCO3_NIL = "{http://standards.iso.org/iso/19115/-3/gco/1.0}nilReason"
GCO = "http://www.isotc211.org/2005/gco"
GCO_ISOTYPE = f"{{{GCO}}}isoType"
GCO3 = "http://standards.iso.org/iso/19115/-3/gco/1.0"
GCO3_ISOTYPE = f"{{{GCO3}}}isoType"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
# Namespaces an ``xsi:type`` must be in to name an ISO class (ISO 19139 and the versioned
# ISO 19115-3 / 19115-2 / 19157 ones): a profile's own type says nothing about its base.
_ISO_TYPE_NAMESPACES = ("http://www.isotc211.org/2005/", "http://standards.iso.org/iso/")

MAINTENANCE_FREQUENCIES = (
    "continual", "daily", "weekly", "fortnightly", "monthly", "quarterly", "biannually",
    "annually", "asNeeded", "irregular", "notPlanned", "unknown",
    # ISO 19115-1:2014 additions
    "semimonthly", "biennially", "periodic",
)
_FREQUENCY_BY_KEY = {code.lower(): code for code in MAINTENANCE_FREQUENCIES}


def local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def declared_class(element):
    """``(namespace, name)`` of the ISO class a profile element declares it substitutes for,
    or None when it declares none.

    ``gco:isoType`` (ISO 19139's or ISO 19115-3's gco) holds a QName such as
    ``mdb:MD_Metadata``, resolved against the element's namespace declarations; when its
    prefix is not declared, the namespace of the gco attribute itself stands in (it still
    says which encoding the class belongs to). An ``xsi:type`` naming an ISO type
    (``gmd:MD_Metadata_Type``) declares that type's class.
    """
    for attribute in (GCO_ISOTYPE, GCO3_ISOTYPE):
        value = element.get(attribute)
        if value:
            prefix, _, name = value.strip().rpartition(":")
            namespace = element.nsmap.get(prefix or None)
            if namespace is None:
                namespace = GCO3 if attribute == GCO3_ISOTYPE else GCO
            return namespace, name
    value = element.get(XSI_TYPE)
    if value:
        prefix, _, name = value.strip().rpartition(":")
        namespace = element.nsmap.get(prefix or None) or ""
        # A property type (lan:PT_FreeText_PropertyType on cit:name) names no class.
        if namespace.startswith(_ISO_TYPE_NAMESPACES) and name.endswith("_Type") and \
                not name.endswith("_PropertyType"):
            return namespace, name[:-5]
    return None


def iso_class(element) -> str:
    """The local name of the ISO class ``element`` is: the class a profile element declares
    (:func:`declared_class`), else its own local name (``CI_Organisation``)."""
    declared = declared_class(element)
    if declared is not None:
        return declared[1]
    return local(element.tag)


def first_child(element):
    """The first element child (comments and processing instructions skipped)."""
    if len(element):
        child = element[0]
        if isinstance(child.tag, str):
            return child
        for child in element:
            if isinstance(child.tag, str):
                return child
    return None


def text_and_href(prop) -> tuple:
    """``(text, href)`` of a property: CharacterString, Anchor, PT_FreeText or any gco:*."""
    if prop is None:
        return "", ""
    for child in prop:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        value = child.text
        if value is not None:
            value = value.strip()
            if value:
                return value, child.get(XLINK_HREF) or ""
        if tag.endswith("PT_FreeText"):
            # Localised text only: take the first translation.
            for node in child.iter():
                if isinstance(node.tag, str) and node.tag.endswith("LocalisedCharacterString"):
                    if node.text and node.text.strip():
                        return node.text.strip(), ""
            continue
        href = child.get(XLINK_HREF)
        if href:  # an Anchor with no text still names something
            return "", href
    value = prop.text
    if value is not None and value.strip() and first_child(prop) is None:
        # Not schema-valid (the value belongs in a gco:CharacterString) but seen in
        # hand-written records: take it rather than lose it.
        return value.strip(), ""
    return "", ""


def text(prop) -> str:
    """The text of a property (see :func:`text_and_href`), with a fast path for the usual
    single gco:CharacterString child: this runs ~50 times per record."""
    if prop is not None and len(prop):
        child = prop[0]
        value = child.text
        if value is not None and isinstance(child.tag, str):
            value = value.strip()
            if value:
                return value
    return text_and_href(prop)[0]


def code_value(prop) -> str:
    """The codeListValue of a property's code element, else the element's text."""
    if prop is None:
        return ""
    return code_element_value(first_child(prop))


def code_element_value(code) -> str:
    """The value of a code element (``<gmd:CI_RoleCode codeListValue="owner">``): its
    codeListValue, or its text when the attribute is absent or blank (``codeListValue=""``
    with ``pointOfContact`` as content is seen in hand-made and converted records)."""
    if code is None:
        return ""
    value = (code.get("codeListValue") or "").strip()
    if not value:
        value = (code.text or "").strip()
    return value


def code_key(raw: str, list_name: str) -> str:
    """A code value without what some producers wrap it in: a code-list URI
    (``…#CI_DateTypeCode_revision``) or the list name as a prefix (``CI_DateTypeCode_revision``,
    the style that writes ``MD_CharacterSetCode_utf8``)."""
    value = (raw or "").strip()
    if "#" in value:
        value = value.rsplit("#", 1)[1]
    prefix = list_name + "_"
    if value.startswith(prefix):
        value = value[len(prefix):]
    return value


def normalise_frequency(raw: str):
    if not raw:
        return None
    return _FREQUENCY_BY_KEY.get(code_key(raw, "MD_MaintenanceFrequencyCode").lower())


def is_empty_property(prop) -> bool:
    """True for an object property with no value, no reference and no nil reason.

    ISO 19139 property types (e.g. ``gmd:MD_Identifier_PropertyType``) must hold their
    object, point to one with xlink:href, or say why it is missing with gco:nilReason.
    """
    if first_child(prop) is not None:
        return False
    return not (prop.get(XLINK_HREF) or prop.get("uuidref") or prop.get(GCO_NIL)
                or prop.get(GCO3_NIL))


def missing(element_name: str, source: str | None, record_id: str = "") -> DocumentError:
    where = f" in record {record_id}" if record_id else ""
    return DocumentError(
        f"Mandatory element {element_name} is missing or empty{where}",
        code="iso.missing_element", source=source, element=element_name, record=record_id)


def join_address(parts) -> str:
    return ", ".join(p for p in parts if p)


def bbox_union(boxes):
    """The smallest (west, south, east, north) holding every box, or None."""
    boxes = [b for b in boxes if b is not None]
    if not boxes:
        return None
    if len(boxes) == 1:
        return boxes[0]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def valid_bbox(west, south, east, north):
    """The box as floats when it is a usable EPSG:4326 box, else None."""
    try:
        west, south, east, north = (float(str(v).strip().replace(",", "."))
                                    for v in (west, south, east, north))
    except (TypeError, ValueError):
        return None
    if not (-180.0 <= west <= 180.0 and -180.0 <= east <= 180.0
            and -90.0 <= south <= 90.0 and -90.0 <= north <= 90.0 and south <= north):
        return None
    return (west, south, east, north)


# Named licences first, then anything that merely says "licence": catalogues put use
# limitations ("Consult license for use limitations") and the licence itself ("CC-By 4.0")
# side by side.
NAMED_LICENCES = ("cc-by", "cc by", "cc0", "creativecommons", "odbl", "etalab",
                  "licence ouverte", "open licence", "open license", "lov2", "odc-",
                  "public domain", "domaine public", "open government licence")
LICENCE_WORDS = ("licen",)


def pick_licence(candidates) -> str:
    """The licence among constraint texts: a named licence, else the first text mentioning a
    licence, else the first text."""
    candidates = [c for c in candidates if c]
    for hints in (NAMED_LICENCES, LICENCE_WORDS):
        for candidate in candidates:
            low = candidate.lower()
            if any(hint in low for hint in hints):
                return candidate
    return candidates[0] if candidates else ""
