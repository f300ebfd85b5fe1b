"""Where a dataset's approved proposals may be applied: the one target rule.

The convention names each dataset's authoritative data (``target:``): a WFS-T service and
typename, an OGC API Features collection, a PostGIS table or a GeoPackage layer, and its
CRS. A proposal's target must be that one — else an author could point an approved
proposal at another dataset's layer, or at a file on the steward's disk, and the apply
would write there with the steward's credentials. The rule, here and in SQL
(``geogov.target_allowed``, plugin/proposals/stores/sql/postgres/0008_governance.sql):

- same kind, same layer (case-insensitive), and
- the proposal's URI, in lower case, matches the convention's, in lower case, where ``*``
  stands for any text and ``?`` for one character (nothing else is special: SQL's LIKE
  with the same two wildcards says the same). A production convention writes the exact
  URL; the demo, whose servers take a free port, writes ``http://127.0.0.1:*``.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import Optional

KINDS = ("wfs", "oapif", "postgis", "gpkg")
# What the YAML calls the layer of each kind.
LAYER_KEYS = {"wfs": "typename", "oapif": "collection", "postgis": "table", "gpkg": "layer"}


@dataclass(frozen=True)
class DatasetTarget:
    kind: str            # one of KINDS
    uri: str             # service URL, PostgreSQL connection text, or GeoPackage path (may hold * ?)
    layer: str           # typename, collection id, schema.table or layer name
    crs: str = ""        # the authoritative data's CRS ("EPSG:2154")

    @property
    def exact(self) -> bool:
        return not has_wildcards(self.uri)


def has_wildcards(text: str) -> bool:
    return "*" in text or "?" in text


def target_allowed(target: Optional[DatasetTarget], kind: str, uri: str, layer: str) -> bool:
    """Whether a proposal's target (kind, uri, layer) is the dataset's. No target in the
    convention: nothing can be applied, so nothing is allowed."""
    if target is None:
        return False
    if (kind or "") != target.kind or (layer or "").lower() != target.layer.lower():
        return False
    # fnmatchcase would also read [..] as a class: the convention refuses brackets.
    return fnmatch.fnmatchcase((uri or "").lower(), target.uri.lower())


def like_pattern(pattern: str) -> str:
    """The SQL LIKE pattern (escape character \\) of a target URI pattern, lower case."""
    out = []
    for char in pattern.lower():
        if char in "\\%_":
            out.append("\\" + char)
        elif char == "*":
            out.append("%")
        elif char == "?":
            out.append("_")
        else:
            out.append(char)
    return "".join(out)


def epsg_code(crs: str) -> int:
    """The EPSG code of a CRS text, 0 when it has none."""
    from ..proposals.srs import spatial_reference

    srs = spatial_reference(crs) if crs else None
    if srs is None:
        return 0
    srs.AutoIdentifyEPSG()
    code = srs.GetAuthorityCode(None)
    return int(code) if srs.GetAuthorityName(None) == "EPSG" and code else 0
