"""Fetch the capabilities of a WMS or WFS named by a record link or typed by a user.

Records point at services in every way: the bare endpoint (``…/ows``), a full
GetCapabilities URL (``…?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0``), a GetMap
URL, or an endpoint with vendor parameters (MapServer's ``map=``). :func:`service_endpoint`
keeps the endpoint and its vendor parameters and drops the OGC request parameters, which
is also the ``url`` QGIS's WMS and WFS providers want.

The version is left to the server unless one is asked: QGIS Server 3.22 answers a WFS
2.0.0 request with 1.1.0 capabilities, and what the server actually offers is what the
layer must then be requested with.
"""

from __future__ import annotations

from typing import Callable, Optional
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import DocumentError, GeoGovError
from .csw_client import exchange_of, read_xml_reply
from .documents import read_xml
from .service_model import ServiceInfo

SERVICES = ("WMS", "WFS")

# OGC KVP parameters of a request; anything else in a link's query (map=, a token…) is
# part of the endpoint and is kept.
_REQUEST_PARAMS = {
    "service", "request", "version", "acceptversions", "layers", "styles", "format", "crs",
    "srs", "bbox", "width", "height", "transparent", "bgcolor", "exceptions", "typename",
    "typenames", "outputformat", "srsname", "maxfeatures", "count", "sections",
    "updatesequence", "query_layers", "info_format", "i", "j", "x", "y", "feature_count",
    "resulttype", "startindex",
}


def service_endpoint(url: str) -> str:
    """``url`` without its OGC request parameters (vendor parameters are kept)."""
    parts = urlsplit(url.strip())
    keep = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if k.lower() not in _REQUEST_PARAMS]
    return urlunsplit(parts._replace(query=urlencode(keep), fragment=""))


def asked_version(url: str) -> str:
    """The VERSION a pasted URL asks for ("" when none)."""
    for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if key.lower() in ("version", "acceptversions"):
            return value.split(",")[0].strip()
    return ""


def capabilities_url(url: str, service: str, version: str = "") -> str:
    """The GetCapabilities request of the ``service`` ("WMS"/"WFS") at ``url``."""
    service = service.upper()
    if service not in SERVICES:
        raise ValueError(f"unsupported service {service!r}")
    endpoint = service_endpoint(url)
    parts = urlsplit(endpoint)
    params = parse_qsl(parts.query, keep_blank_values=True)
    params += [("SERVICE", service), ("REQUEST", "GetCapabilities")]
    if version:
        params.append(("VERSION", version))
    return urlunsplit(parts._replace(query=urlencode(params)))


def fetch_capabilities(url: str, service: str, *, transport, version: str = "",
                       timeout: float = 30.0,
                       is_cancelled: Optional[Callable[[], bool]] = None) -> tuple:
    """``(ServiceInfo, Exchange)`` of the WMS or WFS at ``url`` (an endpoint or any OGC URL).

    ``version`` defaults to the one a pasted URL asks for, else the server's choice.
    Errors: the transport's ``http.*`` codes, ``ows.exception`` (an exception report),
    the XML codes of :mod:`..xmlsafe` (an HTML page, broken XML), and
    ``service.wrong_kind`` when the address answers as another service. Every error
    carries ``exchange`` (the raw request and response).
    """
    service = service.upper()
    version = version or asked_version(url)
    request_url = capabilities_url(url, service, version)
    response = transport.request("GET", request_url, headers={"Accept": "application/xml"},
                                 timeout=timeout, is_cancelled=is_cancelled)
    exchange = exchange_of("GET", request_url, b"", response)
    root = read_xml_reply(response, exchange)
    try:
        document = read_xml(root, source=request_url)
    except GeoGovError as error:
        error.exchange = exchange
        raise
    info = document.service
    if info is None or info.service != service:
        error = DocumentError(f"Not {service} capabilities ({document.kind})",
                              code="service.wrong_kind", source=request_url,
                              expected=service, kind=document.kind)
        error.exchange = exchange
        raise error
    info.source = request_url
    return info, exchange


def find_layer(info: ServiceInfo, name: str):
    """The named layer of ``info`` called ``name`` (a WFS prefix may be absent on either
    side: records write ``amenagements_cyclables`` for ``ms:amenagements_cyclables``), or
    None."""
    if not name:
        return None
    named = info.named_layers
    for layer in named:
        if layer.name == name:
            return layer
    bare = name.split(":", 1)[-1]
    matches = [layer for layer in named if layer.name.split(":", 1)[-1] == bare]
    return matches[0] if len(matches) == 1 else None
