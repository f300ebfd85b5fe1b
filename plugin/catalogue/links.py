"""Classify an online resource (ISO CI_OnlineResource, DC reference, OGC API link).

Catalogues name protocols inconsistently: GeoNetwork writes ``OGC:WMS``,
``OGC:WMS-1.3.0-http-get-map`` or ``OGC:WFS-2.0.0-http-get-capabilities``; ESRI and older
catalogues write ``OGC Web Map Service``; INSPIRE download services use ``INSPIRE Atom``;
pygeoapi puts the protocol in a link's ``type``; and many records give no protocol at all,
so the URL is read too (``SERVICE=WMS``, ``…/wfs``, ``…/collections/x/items``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .model import (
    LINK_DOWNLOAD,
    LINK_OGCAPI_FEATURES,
    LINK_OTHER,
    LINK_WEBPAGE,
    LINK_WFS,
    LINK_WMS,
    LINK_WMTS,
)

# Order matters: WMTS first ("OGC:WMTS" must not read as WMS), OGC API Features before WFS
# ("WFS3" was the draft name of OGC API Features), services before generic downloads/pages.
_PROTOCOLS = (
    (LINK_WMTS, re.compile(r"wmts|web map tile service|tile service", re.I)),
    (LINK_OGCAPI_FEATURES, re.compile(
        r"ogc[\s:_-]*api[\s:_-]*features|ogcapi[:_-]?features|oapif|wfs[\s:-]*3|"
        r"ogc[\s:_-]*api[\s:_-]*-[\s]*features", re.I)),
    (LINK_WMS, re.compile(r"ogc:wms(?![ct])|\bwms\b|web map service|ogc[\s-]*wms(?![ct])", re.I)),
    (LINK_WFS, re.compile(r"ogc:wfs|\bwfs\b|web feature service|ogc[\s-]*wfs", re.I)),
    (LINK_DOWNLOAD, re.compile(
        r"download|atom|^file[:\s]|ftp|^wcs|ogc:wcs|\benclosure\b|^(image|application)/(?!xhtml)",
        re.I)),
    (LINK_WEBPAGE, re.compile(r"^www:link|^http|^text/html|^link$|landing\s*page|^html$",
                              re.I)),
)

_URL_SERVICE = re.compile(r"[?&]service=(wms|wfs|wmts)\b", re.I)
_URL_PATH = (
    (LINK_WMTS, re.compile(r"/wmts(?:[/?]|$)|/gwc/service/wmts", re.I)),
    (LINK_OGCAPI_FEATURES, re.compile(r"/collections/[^/?#]+(?:/items)?/?(?:\?|$)", re.I)),
    (LINK_WMS, re.compile(r"/wms(?:[/?]|$)|/WMSServer(?:[/?]|$)", re.I)),
    (LINK_WFS, re.compile(r"/wfs(?:[/?]|$)|/WFSServer(?:[/?]|$)", re.I)),
    (LINK_DOWNLOAD, re.compile(
        r"\.(zip|7z|gz|tgz|shp|gpkg|geojson|csv|kml|kmz|gml|tif|tiff|jp2|ecw|xlsx?|ods|dxf|atom)"
        r"(?:[?#]|$)|[?&]request=getfeature\b|outputformat=", re.I)),
)
_DOWNLOAD_FUNCTIONS = {"download", "offlineaccess", "order", "fileaccess"}
_PAGE_FUNCTIONS = {"information", "search", "browsing", "completemetadata", "browsegraphic"}


def classify_link(url: str, protocol: str = "", function: str = "", rel: str = "") -> str:
    """One of the model's ``LINK_*`` kinds for a resource at ``url``.

    ``protocol`` is what the document says (ISO gmd:protocol, OGC API link ``type``, DC
    scheme); ``function`` the CI_OnLineFunctionCode; ``rel`` an OGC API link relation.
    The protocol decides when it names a kind; the URL decides next; the function, the
    relation or a plain http(s) URL last.
    """
    protocol = (protocol or "").strip()
    if protocol:
        kind = _kind_from_protocol(protocol)
        if kind == LINK_WEBPAGE:
            # A plain "WWW:LINK" pointing at ?SERVICE=WMS is still the service.
            hinted = _kind_from_url(url)
            if hinted is not None and hinted != LINK_DOWNLOAD:
                return hinted
        if kind is not None:
            return kind
    hinted = _kind_from_url(url)
    if hinted is not None:
        return hinted
    function = (function or "").strip().lower()
    rel = (rel or "").strip().lower()
    if function in _DOWNLOAD_FUNCTIONS or rel == "enclosure":
        return LINK_DOWNLOAD
    if protocol:
        return LINK_OTHER  # a protocol we do not know (ESRI:REST, DB:POSTGIS, DOI…)
    if function in _PAGE_FUNCTIONS or rel in ("about", "alternate", "describedby", "canonical"):
        return LINK_WEBPAGE
    if url.lower().startswith(("http://", "https://")) and rel in ("", "item", "related"):
        return LINK_WEBPAGE
    return LINK_OTHER


@lru_cache(maxsize=1024)
def _kind_from_protocol(protocol: str) -> str | None:
    # Catalogues use a few dozen distinct protocol strings: cached, as records are parsed
    # by the thousand during a harvest.
    for kind, pattern in _PROTOCOLS:
        if pattern.search(protocol):
            return kind
    return None


def _kind_from_url(url: str) -> str | None:
    if not url:
        return None
    match = _URL_SERVICE.search(url)
    if match:
        service = match.group(1).lower()
        if service == "wfs" and re.search(r"[?&]request=getfeature\b", url, re.I):
            return LINK_DOWNLOAD
        return {"wms": LINK_WMS, "wfs": LINK_WFS, "wmts": LINK_WMTS}[service]
    for kind, pattern in _URL_PATH:
        if pattern.search(url):
            return kind
    return None
