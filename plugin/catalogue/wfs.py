"""WFS capabilities (1.0.0, 1.1.0, 2.0.0) -> ServiceInfo with one layer per feature type.

Whether the service accepts writes (WFS-T) is what the governance layer needs most:

* WFS 1.0.0 lists ``Capability/Request/Transaction``;
* WFS 1.1.0 lists an ``ows:Operation name="Transaction"``;
* WFS 2.0.0 declares the ``ImplementsTransactionalWFS`` constraint (OGC 09-025r2 Table 13)
  *and* lists the Transaction operation. Both are required here: GeoServer keeps the
  constraint TRUE when its WFS-T is switched off and then drops the operation (DOV
  Vlaanderen's capabilities), so TRUE alone would promise writes the server refuses.

WFS 1.0.0 predates OWS Common (its own Service section, ``SRS`` and ``LatLongBoundingBox``
per feature type, result formats as empty elements); 1.1.0 uses OWS 1.0 with
``DefaultSRS``/``OtherSRS``; 2.0.0 OWS 1.1 with ``DefaultCRS``/``OtherCRS``.
"""

from __future__ import annotations

from ..errors import DocumentError
from ..xmlsafe import raise_for_exception
from .crs_codes import add_codes
from .iso_common import local, valid_bbox
from .links import classify_link
from .model import OnlineResource
from .ows_common import (
    bbox_of,
    child,
    child_text,
    children,
    href_of,
    keywords_of,
    operations_metadata,
    service_identification,
    service_provider,
    text_of,
)
from .service_model import Operation, ServiceInfo, ServiceLayer


def is_capabilities(root) -> bool:
    return local(root.tag) == "WFS_Capabilities"


def parse_capabilities(root, source: str = "") -> ServiceInfo:
    """WFS GetCapabilities -> :class:`ServiceInfo` (``transaction`` says whether WFS-T is
    offered; ``layers`` are the feature types)."""
    raise_for_exception(root, source)
    if not is_capabilities(root):
        raise DocumentError(f"Not WFS capabilities: <{local(root.tag)}>",
                            code="wfs.unexpected_document", source=source,
                            element=local(root.tag))
    version = root.get("version", "")
    info = ServiceInfo(service="WFS", version=version, source=source)
    if child(root, "OperationsMetadata") is not None or child(
            root, "ServiceIdentification") is not None:
        _ows_sections(root, info)
    else:
        _wfs100_sections(root, info)
    lists = children(root, "FeatureTypeList")
    if not lists:
        raise DocumentError("The capabilities have no FeatureTypeList",
                            code="wfs.missing_element", source=source,
                            element="FeatureTypeList")
    # GeoServer's per-layer virtual service (…/gw_meetnetten/meetnetten/wfs) was seen
    # writing two FeatureTypeList elements: every one is read.
    for feature_types in lists:
        for node in children(feature_types, "FeatureType"):
            info.layers.append(_feature_type(node, info, source))
    return info


def _ows_sections(root, info: ServiceInfo) -> None:
    service_identification(child(root, "ServiceIdentification"), info)
    info.provider, info.contact = service_provider(child(root, "ServiceProvider"))
    info.operations, info.constraints = operations_metadata(child(root, "OperationsMetadata"))
    get_feature = info.operation("GetFeature")
    if get_feature is not None:
        info.formats = list(get_feature.parameters.get("outputFormat", ()))
    has_operation = info.operation("Transaction") is not None
    if info.version.startswith("2"):
        declared = [v.upper() for v in info.constraints.get("ImplementsTransactionalWFS", ())]
        info.transaction = has_operation and "TRUE" in declared
    else:
        info.transaction = has_operation


def _wfs100_sections(root, info: ServiceInfo) -> None:
    service = child(root, "Service")
    info.title = child_text(service, "Title")
    info.abstract = child_text(service, "Abstract")
    info.fees = child_text(service, "Fees")
    info.access_constraints = child_text(service, "AccessConstraints")
    info.keywords = [k for k in child_text(service, "Keywords").replace(",", " ").split() if k]
    request = child(child(root, "Capability"), "Request")
    for node in request if request is not None else ():
        if not isinstance(node.tag, str):
            continue
        operation = Operation(name=local(node.tag))
        for method in node.iter("{*}Get", "{*}Post"):
            url = method.get("onlineResource", "")
            if local(method.tag) == "Get":
                operation.get_url = operation.get_url or url
            else:
                operation.post_url = operation.post_url or url
        formats = [local(f.tag) for block in children(node, "ResultFormat") for f in block
                   if isinstance(f.tag, str)]
        if formats:
            operation.parameters["outputFormat"] = formats
        info.operations.append(operation)
    get_feature = info.operation("GetFeature")
    if get_feature is not None:
        info.formats = list(get_feature.parameters.get("outputFormat", ()))
    info.transaction = info.operation("Transaction") is not None


def _feature_type(node, info: ServiceInfo, source: str) -> ServiceLayer:
    name = child_text(node, "Name")
    if not name:
        raise DocumentError("A FeatureType has no Name", code="wfs.missing_element",
                            source=source, element="FeatureType/Name")
    layer = ServiceLayer(name=name, title=child_text(node, "Title") or name,
                         abstract=child_text(node, "Abstract"))
    for tag in ("DefaultCRS", "DefaultSRS", "SRS", "OtherCRS", "OtherSRS"):
        for code_node in children(node, tag):
            add_codes(layer.crs, text_of(code_node))
    layer.keywords = keywords_of(node)
    if not layer.keywords:  # WFS 1.0.0: <Keywords>a, b</Keywords>
        layer.keywords = [k.strip() for k in child_text(node, "Keywords").split(",")
                          if k.strip()]
    formats = child(node, "OutputFormats")
    layer.formats = [text_of(f) for f in children(formats, "Format") if text_of(f)] \
        or list(info.formats)
    box = child(node, "WGS84BoundingBox")
    if box is not None:
        layer.bbox_wgs84 = bbox_of(box)
    else:
        box = child(node, "LatLongBoundingBox")
        if box is not None:
            layer.bbox_wgs84 = valid_bbox(box.get("minx"), box.get("miny"), box.get("maxx"),
                                          box.get("maxy"))
    for metadata in children(node, "MetadataURL"):
        url = href_of(metadata) or text_of(metadata).strip()
        if url:
            layer.metadata_urls.append(OnlineResource(
                url=url, kind=classify_link(url), protocol=metadata.get("format", ""),
                description=metadata.get("type", "")))
    return layer
