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
from functools import lru_cache
from typing import Optional

_ARTICLES = ("l ", "la ", "le ", "les ")


def organisation_key(name: str) -> str:
    return _key(str(name or ""))


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    # A sweep compares the same few hundred names thousands of times: each computed once.
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = " ".join("".join(c if c.isalnum() else " " for c in plain).split())
    for article in _ARTICLES:
        if plain.startswith(article):
            plain = plain[len(article):]
            break
    return plain


def name_variants(partner) -> set:
    """Every key under which ``partner`` is recognised."""
    return set(_variants(str(partner.name or ""), tuple(partner.aliases)))


@lru_cache(maxsize=1024)
def _variants(name: str, aliases: tuple) -> frozenset:
    names = [name, *aliases]
    head = re.split(r"[,(]", name, maxsplit=1)[0]
    names.append(head)
    names.extend(re.findall(r"\(([^)]*)\)", name))
    return frozenset(key for key in (organisation_key(n) for n in names) if key)


def match_partner(convention, name: str) -> Optional[object]:
    """The partner of ``convention`` that ``name`` designates, None when none does.

    When several partners share a variant (two partners both aliased "CD"), the one whose
    full name matches wins; otherwise the first in document order.
    """
    key = organisation_key(name)
    if not key:
        return None
    candidates = [p for p in convention.partners.values()
                  if key in _variants(str(p.name or ""), tuple(p.aliases))]
    for partner in candidates:
        if organisation_key(partner.name) == key:
            return partner
    return candidates[0] if candidates else None
