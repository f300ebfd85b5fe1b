"""Responsible-party roles: raw values as documents give them, normalised to CI_RoleCode.

A role is never dropped: :func:`normalise_role` returns the ISO code when it can name one
and always says how the raw value relates to the standards (``Party.role_status``), so the
UI can flag ``partner``, ``provider`` or an empty code instead of hiding the party.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from .model import ROLE_EMPTY, ROLE_ISO19115_1, ROLE_ISO19139, ROLE_MISSING, ROLE_NONSTANDARD

# ISO 19115:2003 / ISO 19139 CI_RoleCode (the list every 19139 catalogue validates against).
ISO19139_ROLES = (
    "resourceProvider", "custodian", "owner", "user", "distributor", "originator",
    "pointOfContact", "principalInvestigator", "processor", "publisher", "author",
)
# Added by ISO 19115-1:2014 (ISO 19115-3 encoding); absent from the 19139 code list.
ISO19115_1_ROLES = (
    "sponsor", "coAuthor", "collaborator", "editor", "mediator", "rightsHolder",
    "contributor", "funder", "stakeholder",
)
ALL_ROLES = ISO19139_ROLES + ISO19115_1_ROLES

_BY_KEY = {code.lower(): code for code in ALL_ROLES}
_STATUS = {code: ROLE_ISO19139 for code in ISO19139_ROLES}
_STATUS.update({code: ROLE_ISO19115_1 for code in ISO19115_1_ROLES})

# Non-ISO words that unambiguously name an ISO role. Used for Dublin Core elements and
# OGC API Records contacts, whose ``roles`` are free text (the 1.0 standard only recommends
# the ISO codes); the status stays "nonstandard" so the UI still shows the raw word.
SYNONYMS = {
    "creator": "originator",       # dc:creator (DCMI -> ISO crosswalk of CSW ISO AP, table 15)
    "producer": "originator",
    "contact": "pointOfContact",
    "host": "distributor",
    "maintainer": "custodian",
}

_SEPARATORS = re.compile(r"[\s_\-]+")


def _key(raw: str) -> str:
    value = raw.strip()
    if "#" in value:  # a code-list URI such as …/gmxCodelists.xml#CI_RoleCode_owner
        value = value.rsplit("#", 1)[1]
    value = value.rsplit(":", 1)[-1]
    if value.startswith("CI_RoleCode_"):
        value = value[len("CI_RoleCode_"):]
    return _SEPARATORS.sub("", value).lower()


def normalise_role(raw: str | None, synonyms: bool = False) -> tuple:
    """``(role, status)`` for a raw role value (None: the document gives no role at all).

    ``role`` is the ISO CI_RoleCode spelled as the standard spells it, or None when the
    value names none; ``status`` is one of the ``ROLE_*`` constants of the model. Case,
    spaces and code-list URIs are tolerated ("PointOfContact", "point of contact",
    "…#CI_RoleCode_owner"). With ``synonyms`` (Dublin Core, OGC API Records) a few
    unambiguous words are mapped too, and flagged non-standard.
    """
    if raw is None:
        return None, ROLE_MISSING
    if not raw.strip():
        return None, ROLE_EMPTY
    key = _key(raw)
    code = _BY_KEY.get(key)
    if code is not None:
        return code, _STATUS[code]
    if synonyms and key in SYNONYMS:
        return SYNONYMS[key], ROLE_NONSTANDARD
    return None, ROLE_NONSTANDARD


# GeoNetwork shares contacts as "subtemplates" and points to them with an href whose
# ``process`` parameter rewrites the role: …?process=gmd:role/gmd:CI_RoleCode/@codeListValue~owner
_HREF_ROLE = re.compile(r"CI_RoleCode/@codeListValue~([A-Za-z]+)")


def role_from_href(href: str) -> str:
    """The role a GeoNetwork subtemplate href assigns, or "" when it assigns none."""
    if not href or "CI_RoleCode" not in href:
        return ""
    match = _HREF_ROLE.search(unquote(href))
    return match.group(1) if match else ""
