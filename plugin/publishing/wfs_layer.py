"""A WFS feature type and its features as plain data, parsed from the server's XML.

:class:`WfsLayer` is what DescribeFeatureType and GetCapabilities say about a feature type
(fields, types, nullability, geometry property and type, CRS, allowed operations);
:class:`RemoteFeature` one feature of a GetFeature reply, its values typed by that schema
and its geometry as ISO WKB (read by OGR from the GML).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from ..errors import DocumentError, GeoGovError
from ..proposals.fingerprint import WrongValueType, coerce_value
from ..proposals.model import BINARY, BOOLEAN, DATE, DATETIME, INTEGER, REAL, STRING, FieldDef, Schema
from ..xmlsafe import exception_report, local_name, namespace
from .gml_geometry import gml_to_wkb
from .wfst import LayerRef, format_value

NS_QGIS = "http://www.qgis.org/gml"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
NS_GML_ANY = ("http://www.opengis.net/gml", "http://www.opengis.net/gml/3.2")


_XSD_TYPES = {
    "string": STRING, "normalizedString": STRING, "token": STRING, "anyURI": STRING,
    "long": INTEGER, "int": INTEGER, "integer": INTEGER, "short": INTEGER, "byte": INTEGER,
    "unsignedLong": INTEGER, "unsignedInt": INTEGER, "unsignedShort": INTEGER,
    "unsignedByte": INTEGER, "nonNegativeInteger": INTEGER, "positiveInteger": INTEGER,
    "negativeInteger": INTEGER, "nonPositiveInteger": INTEGER,
    "decimal": REAL, "double": REAL, "float": REAL,
    "boolean": BOOLEAN, "date": DATE, "dateTime": DATETIME,
    "base64Binary": BINARY, "hexBinary": BINARY,
}

_GML_GEOMETRY_TYPES = {
    "PointPropertyType": "Point", "MultiPointPropertyType": "MultiPoint",
    "LineStringPropertyType": "LineString", "CurvePropertyType": "LineString",
    "MultiLineStringPropertyType": "MultiLineString", "MultiCurvePropertyType": "MultiLineString",
    "PolygonPropertyType": "Polygon", "SurfacePropertyType": "Polygon",
    "MultiPolygonPropertyType": "MultiPolygon", "MultiSurfacePropertyType": "MultiPolygon",
    "GeometryPropertyType": "", "GeometryAssociationType": "",
    "MultiGeometryPropertyType": "GeometryCollection",
}


@dataclass
class WfsLayer:
    """A WFS feature type as the apply needs it."""

    url: str
    typename: str                 # as the server names it in requests ("eclairage_public")
    element: str                  # local name of the feature element
    namespace: str                # namespace URI of the feature element
    schema: Schema                # fields (geometry excluded), geometry type, CRS
    geometry_name: str = ""
    id_field: Optional[str] = None  # property mirroring the feature id (QGIS Server: fid)
    version: str = "1.1.0"
    qgis_server: bool = False
    operations: tuple = ()        # Insert / Update / Delete allowed by the capabilities
    prefix: str = "ft"

    def ref(self) -> LayerRef:
        return LayerRef(typename=self.element, namespace=self.namespace, prefix=self.prefix,
                        geometry_name=self.geometry_name, crs=self.schema.crs)

    def id_value(self, feature_id: str):
        """The id field's value for a feature id "typename.12" (QGIS Server), else None."""
        if not self.id_field or "." not in feature_id:
            return None
        tail = feature_id.rsplit(".", 1)[1]
        return int(tail) if tail.lstrip("-").isdigit() else tail

    def feature_id(self, id_value) -> str:
        return f"{self.element}.{id_value}"


@dataclass
class RemoteFeature:
    fid: str                      # the WFS feature id (gml:id)
    attributes: dict
    geometry: Optional[bytes] = None


def _short_crs(text: str) -> str:
    text = (text or "").strip()
    for marker in ("urn:ogc:def:crs:EPSG::", "urn:ogc:def:crs:EPSG:6.9:",
                   "urn:x-ogc:def:crs:EPSG:", "http://www.opengis.net/def/crs/EPSG/0/",
                   "http://www.opengis.net/gml/srs/epsg.xml#"):
        if text.startswith(marker):
            return "EPSG:" + text[len(marker):]
    return text


# ---------------------------------------------------------------------------- parsing
def parse_capabilities_entry(root, typename: str) -> tuple:
    """(default CRS, operations) of ``typename`` in a WFS GetCapabilities document."""
    default_crs, operations, found = "", [], False
    global_ops = []
    for node in root.iter():
        if local_name(node) == "FeatureTypeList":
            for child in node:
                if local_name(child) == "Operations":
                    global_ops = [(op.text or "").strip() for op in child]
        if local_name(node) != "FeatureType":
            continue
        name = next(((c.text or "").strip() for c in node if local_name(c) == "Name"), "")
        if name != typename and name.split(":")[-1] != typename.split(":")[-1]:
            continue
        found = True
        for child in node:
            local = local_name(child)
            if local in ("DefaultSRS", "DefaultCRS", "SRS") and not default_crs:
                default_crs = _short_crs(child.text or "")
            elif local == "Operations":
                operations = [(op.text or "").strip() for op in child]
    if not found:
        raise GeoGovError(f"The service does not publish {typename}", code="wfs.unknown_typename",
                          typename=typename)
    return default_crs, tuple(operations or global_ops)


def parse_describe_feature_type(root, typename: str) -> tuple:
    """(fields, geometry name, geometry type, element name, target namespace) of
    ``typename`` in a DescribeFeatureType XML Schema."""
    if local_name(root) != "schema":
        raise DocumentError(f"DescribeFeatureType returned {local_name(root)}, not a schema",
                            code="wfs.describe", element=local_name(root))
    target_ns = root.get("targetNamespace") or ""
    wanted = typename.split(":")[-1]
    elements = [e for e in root if local_name(e) == "element"]
    element = next((e for e in elements if e.get("name") == wanted), None)
    if element is None and len(elements) == 1:
        element = elements[0]
    if element is None:
        raise DocumentError(f"No element {wanted} in the schema", code="wfs.describe",
                            element=wanted)
    element_name = element.get("name")
    type_name = (element.get("type") or "").split(":")[-1]
    complex_type = next((c for c in root if local_name(c) == "complexType"
                         and c.get("name") == type_name), None)
    if complex_type is None:                       # an anonymous type inside the element
        complex_type = next((c for c in element if local_name(c) == "complexType"), None)
    if complex_type is None:
        raise DocumentError(f"No type for {element_name} in the schema", code="wfs.describe",
                            element=element_name)
    fields, geometry_name, geometry_type = [], "", ""
    for prop in complex_type.iter():
        if local_name(prop) != "element" or not prop.get("name"):
            continue
        xsd_type = prop.get("type") or ""
        if not xsd_type:                          # restriction of a simple type
            restriction = next((r for r in prop.iter() if local_name(r) == "restriction"), None)
            xsd_type = restriction.get("base") if restriction is not None else "string"
        prefix, _, local = xsd_type.rpartition(":")
        type_ns = prop.nsmap.get(prefix or None, "")
        if local in _GML_GEOMETRY_TYPES and (type_ns in NS_GML_ANY or prefix == "gml"):
            if not geometry_name:
                geometry_name = prop.get("name")
                geometry_type = _GML_GEOMETRY_TYPES[local]
            continue
        nullable = prop.get("nillable") == "true" or prop.get("minOccurs") == "0"
        fields.append(FieldDef(name=prop.get("name"), type=_XSD_TYPES.get(local, STRING),
                               nullable=nullable))
    return fields, geometry_name, geometry_type, element_name, target_ns


def _parse_value(text: Optional[str], field_type: str, name: str):
    if text is None:
        text = ""
    try:
        if field_type == STRING:
            return text
        if text.strip() == "":
            return None
        if field_type == DATE:
            # xs:date may carry a zone; the date part is the value.
            return dt.date.fromisoformat(text.strip()[:10])
        if field_type == DATETIME:
            stripped = text.strip()
            if stripped.endswith("Z"):
                stripped = stripped[:-1] + "+00:00"
            return dt.datetime.fromisoformat(stripped)
        return coerce_value(text, field_type)
    except (ValueError, WrongValueType):
        raise DocumentError(f"{name}: {text!r} is not a valid {field_type}",
                            code="wfs.bad_value", field=name, value=text,
                            type=field_type) from None


def parse_features(root, layer: WfsLayer) -> list:
    """The features of ``layer`` in a GetFeature reply (GML 2, 3.1 or 3.2)."""
    exc = exception_report(root)
    if exc is not None:
        raise exc
    types = {f.name: f.type for f in layer.schema.fields}
    out = []
    tag = f"{{{layer.namespace}}}{layer.element}"
    for node in root.iter(tag):
        fid = ""
        for ns in NS_GML_ANY:
            fid = node.get(f"{{{ns}}}id") or fid
        fid = fid or node.get("fid") or ""
        attributes = {name: None for name in types}
        geometry = None
        for child in node:
            if not isinstance(child.tag, str):
                continue
            name = local_name(child)
            if name == layer.geometry_name and namespace(child) == layer.namespace:
                shape = next((g for g in child if isinstance(g.tag, str)), None)
                geometry = None if shape is None else gml_to_wkb(shape)
            elif name in types and namespace(child) == layer.namespace:
                if child.get(f"{{{NS_XSI}}}nil") == "true":
                    attributes[name] = None
                else:
                    attributes[name] = _parse_value(child.text, types[name], name)
        out.append(RemoteFeature(fid=fid, attributes=attributes, geometry=geometry))
    return out


def qgis_expression_literal(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + format_value(value).replace("'", "''") + "'"
