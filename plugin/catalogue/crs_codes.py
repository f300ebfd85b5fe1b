"""CRS identifiers as capabilities write them, reduced to what QGIS takes (``EPSG:2154``).

Servers write ``EPSG:2154``, ``urn:ogc:def:crs:EPSG::2154``, ``urn:ogc:def:crs:EPSG:6.9:2154``,
``urn:x-ogc:def:crs:EPSG:2154``, ``http://www.opengis.net/def/crs/EPSG/0/2154`` or
``http://www.opengis.net/gml/srs/epsg.xml#2154``; WMS 1.1 packs several in one ``<SRS>``
separated by spaces. Anything else (``CRS:84``, ``AUTO:42001``, ``IGNF:LAMB93``) is kept.
"""

from __future__ import annotations

import re

_EPSG = re.compile(
    r"^(?:urn:(?:x-)?ogc:def:crs:EPSG:(?:[\d.]*:)?|https?://www\.opengis\.net/def/crs/EPSG/[\d.]+/|"
    r"https?://www\.opengis\.net/gml/srs/epsg\.xml#|EPSG:)(\d+)$", re.I)
_CRS84 = re.compile(r"^(?:urn:ogc:def:crs:OGC:[\d.]*:CRS84|"
                    r"https?://www\.opengis\.net/def/crs/OGC/[\d.]+/CRS84)$", re.I)


def normalise_crs(code: str) -> str:
    code = code.strip()
    match = _EPSG.match(code)
    if match:
        return f"EPSG:{match.group(1)}"
    if _CRS84.match(code):
        return "CRS:84"
    return code


def add_codes(target: list, text: str) -> None:
    """Append the CRS codes of ``text`` (possibly several, space-separated) to ``target``."""
    for token in (text or "").split():
        code = normalise_crs(token)
        if code and code not in target:
            target.append(code)
