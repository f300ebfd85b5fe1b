"""ISO 19139 responsible parties: gmd:CI_ResponsibleParty (or an xlink:href) -> Party.

Shared by the ISO 19139 record parser and the ISO 19110 feature-catalogue parser. Raw roles
are kept as written: ``codeListValue`` when present, else (attribute absent or blank) the
code element's text (a localised label such as "contactpunt"); a code with neither gives
the ``empty`` status, no role element at all the ``missing`` status. A party is never
dropped for its role.
"""

from __future__ import annotations

from . import iso_common as common
from .gmd_tags import (
    ADDRESS,
    ADDRESS_PARTS,
    CONTACT_INFO,
    EMAIL,
    INDIVIDUAL,
    LINKAGE,
    ONLINE_RES,
    ORGANISATION,
    PHONE,
    POSITION,
    ROLE,
    VOICE,
)
from .model import Party, Record
from .roles import normalise_role, role_from_href

_XLINK = common.XLINK_HREF


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
        if tag == ORGANISATION:
            party.organisation, party.organisation_uri = common.text_and_href(child)
        elif tag == INDIVIDUAL:
            party.individual = common.text(child)
        elif tag == POSITION:
            party.position = common.text(child)
        elif tag == ROLE:
            code = common.first_child(child)
            if code is not None:
                raw = common.code_element_value(code)
        elif tag == CONTACT_INFO:
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
        if tag == PHONE:
            telephone = common.first_child(child)
            if telephone is not None:
                for voice in telephone.iterchildren(VOICE):
                    party.phone = common.text(voice)
                    if party.phone:
                        break
        elif tag == ADDRESS:
            address = common.first_child(child)
            if address is None:
                continue
            parts = {}
            for part in address:
                if part.tag == EMAIL:
                    if not party.email:
                        party.email = common.text(part)
                elif part.tag in ADDRESS_PARTS:
                    value = common.text(part)
                    if value:
                        parts.setdefault(part.tag, []).append(value)
            party.address = common.join_address(
                ", ".join(parts.get(tag, ())) for tag in ADDRESS_PARTS)
        elif tag == ONLINE_RES:
            resource = common.first_child(child)
            if resource is not None:
                party.url = common.text(resource.find(LINKAGE))
