"""WMS capabilities (1.0.0, 1.1.0, 1.1.1, 1.3.0) -> ServiceInfo with flattened layers.

Layers are nested; a child inherits from its ancestors what WMS 1.3.0 §7.2.4.8 (Table 7)
and WMS 1.1.1 §7.1.4.7 say it inherits: CRS/SRS and styles are added to, the geographic
bounding box replaces. Name, title, abstract, keywords and MetadataURL are the layer's own.
Every layer is listed, named (requestable) or not, in document order with its depth.

Versions differ in names only: 1.3.0 is namespaced (``http://www.opengis.net/wms``) with
``CRS`` and ``EX_GeographicBoundingBox``; 1.1.x has ``SRS`` (several codes may share one
element) and ``LatLonBoundingBox``; 1.0.0 calls GetMap ``Map``, lists formats as empty
elements (``<PNG/>``) and writes OnlineResource as text.

Refused (:class:`DocumentError`): a Layer or Style without its mandatory Title
(``wms.missing_element``; an empty Title is tolerated, the schema only requires the
element), and OnlineResource elements whose href is bound to a wrong
XLink namespace URI (``wms.xlink_namespace``: every service URL would be lost). An
OnlineResource with an empty href is tolerated (one real server does it).
"""

from __future__ import annotations

from ..errors import DocumentError
from ..xmlsafe import raise_for_exception
from .crs_codes import add_codes
from .iso_common import XLINK_HREF, local, valid_bbox
from .links import classify_link
from .model import SERVICE_CONTACT, OnlineResource, Party
from .roles import normalise_role
from .service_model import Operation, ServiceInfo, ServiceLayer

WMS_NS = "http://www.opengis.net/wms"
ROOT_NAMES = ("WMS_Capabilities", "WMT_MS_Capabilities")


def is_capabilities(root) -> bool:
    return local(root.tag) in ROOT_NAMES


def _child(element, name):
    if element is None:
        return None
    for node in element:
        if isinstance(node.tag, str) and local(node.tag) == name:
            return node
    return None


def _children(element, name):
    if element is None:
        return []
    return [node for node in element if isinstance(node.tag, str) and local(node.tag) == name]


def _text(element, name="") -> str:
    node = _child(element, name) if name else element
    if node is None or node.text is None:
        return ""
    return node.text.strip()


def _href(node, source: str) -> str:
    if node is None:
        return ""
    href = node.get(XLINK_HREF)
    if href is not None:
        return href.strip()
    for key in node.attrib:
        if key.endswith("}href"):
            raise DocumentError(
                f"OnlineResource href is bound to the namespace {key[1:key.index('}')]} "
                "instead of http://www.w3.org/1999/xlink", code="wms.xlink_namespace",
                source=source, attribute=key)
    return (node.get("onlineResource") or node.text or "").strip()  # WMS 1.0.0


def parse_capabilities(root, source: str = "") -> ServiceInfo:
    """WMS GetCapabilities -> :class:`ServiceInfo` (``layers`` flattened, inheritance applied)."""
    raise_for_exception(root, source)
    if not is_capabilities(root):
        raise DocumentError(f"Not WMS capabilities: <{local(root.tag)}>",
                            code="wms.unexpected_document", source=source,
                            element=local(root.tag))
    info = ServiceInfo(service="WMS", version=root.get("version", ""), source=source)
    service = _child(root, "Service")
    if service is None:
        raise DocumentError("The capabilities have no Service section",
                            code="wms.missing_element", source=source, element="Service",
                            layer="")
    info.title = _text(service, "Title")
    info.abstract = _text(service, "Abstract")
    info.fees = _text(service, "Fees")
    info.access_constraints = _text(service, "AccessConstraints")
    keyword_list = _child(service, "KeywordList")
    if keyword_list is not None:
        info.keywords = [_text(k) for k in _children(keyword_list, "Keyword") if _text(k)]
    else:
        info.keywords = _text(service, "Keywords").split()
    info.contact = _contact(_child(service, "ContactInformation"))
    if info.contact is not None:
        info.provider = info.contact.organisation
    _href(_child(service, "OnlineResource"), source)
    capability = _child(root, "Capability")
    request = _child(capability, "Request")
    for operation_node in request if request is not None else ():
        if not isinstance(operation_node.tag, str):
            continue
        name = local(operation_node.tag)
        operation = Operation(name={"Map": "GetMap", "Capabilities": "GetCapabilities",
                                    "FeatureInfo": "GetFeatureInfo"}.get(name, name))
        formats = []
        for format_node in _children(operation_node, "Format"):
            if len(format_node):   # WMS 1.0.0: <Format><PNG/><GIF/></Format>
                formats.extend(local(f.tag) for f in format_node if isinstance(f.tag, str))
            elif _text(format_node):
                formats.append(_text(format_node))
        operation.parameters["Format"] = formats
        for method in operation_node.iter("{*}Get", "Get", "{*}Post", "Post"):
            resource = _child(method, "OnlineResource")
            url = _href(method if resource is None else resource, source)
            if local(method.tag) == "Get":
                operation.get_url = operation.get_url or url
            else:
                operation.post_url = operation.post_url or url
        info.operations.append(operation)
    get_map = info.operation("GetMap")
    if get_map is not None:
        info.formats = list(get_map.parameters.get("Format", ()))
    for layer_node in _children(capability, "Layer"):
        _layers(layer_node, info, source, inherited_crs=[], inherited_styles=[],
                inherited_bbox=None, parent="", depth=0)
    return info


def _contact(node):
    if node is None:
        return None
    primary = _child(node, "ContactPersonPrimary")
    address = _child(node, "ContactAddress")
    role, status = normalise_role(None)  # WMS contacts carry no role
    party = Party(context=SERVICE_CONTACT, role=role, role_status=status,
                  organisation=_text(primary, "ContactOrganization"),
                  individual=_text(primary, "ContactPerson"),
                  position=_text(node, "ContactPosition"),
                  phone=_text(node, "ContactVoiceTelephone"),
                  email=_text(node, "ContactElectronicMailAddress"))
    if address is not None:
        party.address = ", ".join(value for value in (
            _text(address, "Address"), _text(address, "PostCode"), _text(address, "City"),
            _text(address, "StateOrProvince"), _text(address, "Country")) if value)
    return party


def _layer_bbox(node):
    box = _child(node, "EX_GeographicBoundingBox")
    if box is not None:
        return valid_bbox(_text(box, "westBoundLongitude"), _text(box, "southBoundLatitude"),
                          _text(box, "eastBoundLongitude"), _text(box, "northBoundLatitude"))
    box = _child(node, "LatLonBoundingBox")
    if box is not None:
        return valid_bbox(box.get("minx"), box.get("miny"), box.get("maxx"), box.get("maxy"))
    for box in _children(node, "BoundingBox"):
        # WMS 1.0 servers sometimes give only an EPSG:4326 BoundingBox (lon/lat in 1.x).
        if (box.get("SRS") or "").upper() == "EPSG:4326":
            return valid_bbox(box.get("minx"), box.get("miny"), box.get("maxx"),
                              box.get("maxy"))
        # WMS 1.3.0 without EX_GeographicBoundingBox: CRS:84 is lon/lat, while EPSG:4326
        # follows the EPSG axis order, latitude first (1.3.0 §6.7.4).
        crs = (box.get("CRS") or "").upper()
        if crs == "CRS:84":
            return valid_bbox(box.get("minx"), box.get("miny"), box.get("maxx"),
                              box.get("maxy"))
        if crs == "EPSG:4326":
            return valid_bbox(box.get("miny"), box.get("minx"), box.get("maxy"),
                              box.get("maxx"))
    return None


def _layers(node, info: ServiceInfo, source: str, inherited_crs: list,
            inherited_styles: list, inherited_bbox, parent: str, depth: int) -> None:
    name = _text(node, "Name")
    if _child(node, "Title") is None:
        raise DocumentError(f"A Layer has no Title (layer '{name or parent}')",
                            code="wms.missing_element", source=source, element="Layer/Title",
                            layer=name or parent)
    title = _text(node, "Title") or name
    crs = list(inherited_crs)
    for code_node in _children(node, "CRS") + _children(node, "SRS"):
        add_codes(crs, code_node.text or "")
    styles = list(inherited_styles)
    for style in _children(node, "Style"):
        style_name = _text(style, "Name")
        # The schema requires the element, not a value: GeoServer writes an empty
        # <Name/><Title/> style for some layers, which is tolerated.
        if _child(style, "Title") is None:
            raise DocumentError(
                f"Style '{style_name}' of layer '{name or title}' has no Title",
                code="wms.missing_element", source=source, element="Style/Title",
                layer=name or title)
        if style_name and style_name not in styles:
            styles.append(style_name)
    keywords = []
    keyword_list = _child(node, "KeywordList")
    if keyword_list is not None:
        keywords = [_text(k) for k in _children(keyword_list, "Keyword") if _text(k)]
    elif _text(node, "Keywords"):
        keywords = _text(node, "Keywords").split()
    metadata_urls = []
    for metadata in _children(node, "MetadataURL"):
        url = _href(_child(metadata, "OnlineResource"), source)
        if url:
            metadata_urls.append(OnlineResource(
                url=url, kind=classify_link(url), protocol=_text(metadata, "Format"),
                description=metadata.get("type", "")))
    bbox = _layer_bbox(node) or inherited_bbox
    info.layers.append(ServiceLayer(
        name=name, title=title, abstract=_text(node, "Abstract"), crs=crs, bbox_wgs84=bbox,
        formats=list(info.formats), keywords=keywords, metadata_urls=metadata_urls,
        styles=styles, queryable=node.get("queryable") in ("1", "true"), parent=parent,
        depth=depth))
    for child_node in _children(node, "Layer"):
        _layers(child_node, info, source, crs, styles, bbox, title, depth + 1)
