"""Recognising a convention partner in an organisation name written in metadata.

Metadata spell the same organisation many ways: "SYCTOM", "Syctom", "Syctom, l'agence
métropolitaine des déchets ménagers", "Atelier Parisien d'Urbanisme". Names are compared
after :func:`organisation_key` (no accents, no case, punctuation as spaces, no leading
article "l'"/"la"/"le"/"les"), against each partner's name, its explicit ``aliases``, and
two variants taken from the name itself: the part before a comma or an opening
parenthesis ("Syctom", "Atelier parisien d'urbanisme") and the text in parentheses
("APUR"). Nothing fuzzier: a false "same organisation" would hide a real discrepancy.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

_ARTICLES = ("l ", "la ", "le ", "les ")


def organisation_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", str(name or ""))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = " ".join("".join(c if c.isalnum() else " " for c in plain).split())
    for article in _ARTICLES:
        if plain.startswith(article):
            plain = plain[len(article):]
            break
    return plain


def name_variants(partner) -> set:
    """Every key under which ``partner`` is recognised."""
    names = [partner.name, *partner.aliases]
    head = re.split(r"[,(]", partner.name, maxsplit=1)[0]
    names.append(head)
    names.extend(re.findall(r"\(([^)]*)\)", partner.name))
    return {key for key in (organisation_key(n) for n in names) if key}


def match_partner(convention, name: str) -> Optional[object]:
    """The partner of ``convention`` that ``name`` designates, None when none does.

    When several partners share a variant (two partners both aliased "CD"), the one whose
    full name matches wins; otherwise the first in document order.
    """
    key = organisation_key(name)
    if not key:
        return None
    candidates = [p for p in convention.partners.values() if key in name_variants(p)]
    for partner in candidates:
        if organisation_key(partner.name) == key:
            return partner
    return candidates[0] if candidates else None
