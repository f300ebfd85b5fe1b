"""The WFS side of an apply: what the target layer is, and what it holds now.

:meth:`WfsClient.describe` reads GetCapabilities (CRS, whether Insert/Update/Delete are
allowed) and DescribeFeatureType (fields, types, nullability, geometry property and type)
into a :class:`WfsLayer`; :meth:`WfsClient.features` reads given features by feature id
or by a key field's values, parsed from GML into :class:`RemoteFeature` (plain values
typed by the schema, geometry as ISO WKB in the layer CRS);
:meth:`WfsClient.transaction` sends one Transaction document.

QGIS Server 3.22 quirks handled here (each measured):

- more than 89 ids in one FeatureId filter silently match nothing: QGIS Server requests
  are batched by 89 (other servers by 30, see VALUE_FILTER_BATCH); on QGIS Server
  (recognised by its ``http://www.qgis.org/gml`` namespace) a vendor
  ``EXP_FILTER="field" IN (…)`` reads 1 000 features per request, 2.5× faster;
- ``EXP_FILTER`` on a field the layer does not have silently returns no feature, so only
  fields read from DescribeFeatureType are ever put in one;
- ``$id IN (…)`` is a full scan (0.77 s per 1 000 ids on 12 000 features) while the same
  on the fid *field* takes 0.03 s: ids are looked up through the field mirroring them;
- that field (``fid`` for a GeoPackage) is published as an ordinary property, and an
  Insert carrying it *sets* the new feature's id: it is marked ``auto`` and left out of
  inserts (except when an undo re-creates a deleted feature under its old id).
"""

from __future__ import annotations

from typing import Callable, Optional
from urllib.parse import urlencode

from lxml import etree

from ..errors import Cancelled, DocumentError, GeoGovError, ServiceException
from ..proposals.model import INTEGER, Schema
from ..transport import Response, check_status
from ..xmlsafe import exception_report, parse_xml
from .wfs_layer import (
    NS_QGIS,
    RemoteFeature,
    WfsLayer,
    parse_capabilities_entry,
    parse_describe_feature_type,
    parse_features,
    qgis_expression_literal,
)
from .wfst import (
    MAX_IDS_PER_FILTER,
    NS_FES,
    NS_OGC,
    NS_WFS,
    NS_WFS20,
    TransactionOutcome,
    format_value,
    parse_transaction_response,
    serialise,
    transaction_document,
)

EXP_FILTER_BATCH = 1000
# MapServer 8 on a GeoPackage answers "ExecuteSQL() failed" to a filter of 31 or more
# PropertyIsEqualTo under one Or, or ResourceIds (30 work, measured on the demo's
# MapServer): other servers get filters of 30 at most.
VALUE_FILTER_BATCH = 30

__all__ = ["RemoteFeature", "WfsClient", "WfsLayer"]

# ---------------------------------------------------------------------------- client
class WfsClient:
    """Reads and writes one WFS feature type through a core ``transport``."""

    def __init__(self, url: str, typename: str, *, transport, version: str = "1.1.0",
                 timeout: float = 300.0):
        self.url = url
        self.typename = typename
        self.transport = transport
        self.version = "2.0.0" if version.startswith("2") else "1.1.0"
        self.timeout = timeout
        self.requests = 0             # how many HTTP requests this client made

    # ------------------------------------------------------------------ plumbing
    def _send(self, method: str, *, params=None, data=None, headers=None,
              is_cancelled=None) -> Response:
        self.requests += 1
        return self.transport.request(method, self.url, params=params, data=data,
                                      headers=headers, timeout=self.timeout,
                                      is_cancelled=is_cancelled)

    def _xml(self, response: Response, what: str):
        # An OGC server often says why in an exception report carried by a 400/500 reply.
        try:
            root = parse_xml(response.content, response.url)
        except DocumentError:
            check_status(response)
            raise
        exc = exception_report(root)
        if exc is not None:
            exc.source = response.url
            exc.params["request"] = what
            raise exc
        check_status(response)
        return root

    def _kvp(self, request: str, **extra) -> dict:
        params = {"SERVICE": "WFS", "VERSION": self.version, "REQUEST": request}
        params.update(extra)
        return params

    # ------------------------------------------------------------------ describe
    def describe(self, is_cancelled: Optional[Callable[[], bool]] = None) -> WfsLayer:
        caps = self._xml(self._send("GET", params=self._kvp("GetCapabilities"),
                                    is_cancelled=is_cancelled), "GetCapabilities")
        crs, operations = parse_capabilities_entry(caps, self.typename)
        name_param = "TYPENAMES" if self.version.startswith("2") else "TYPENAME"
        root = self._xml(self._send("GET", params=self._kvp("DescribeFeatureType",
                                                            **{name_param: self.typename}),
                                    is_cancelled=is_cancelled), "DescribeFeatureType")
        fields, geometry_name, geometry_type, element, target_ns = \
            parse_describe_feature_type(root, self.typename)
        schema = Schema(fields=fields, key="", geometry_type=geometry_type, crs=crs,
                        geometry_nullable=True)
        layer = WfsLayer(url=self.url, typename=self.typename, element=element,
                         namespace=target_ns, schema=schema, geometry_name=geometry_name,
                         version=self.version, qgis_server=(target_ns == NS_QGIS),
                         operations=operations)
        layer.id_field = self._find_id_field(layer, is_cancelled)
        if layer.id_field:
            id_def = schema.field(layer.id_field)
            id_def.auto = True
            schema.key = layer.id_field
        return layer

    def _find_id_field(self, layer: WfsLayer, is_cancelled) -> Optional[str]:
        """The integer property whose value is the feature id's number, from one sample."""
        count = "COUNT" if self.version.startswith("2") else "MAXFEATURES"
        sample = self._get_features(layer, {count: "1"}, is_cancelled)
        if not sample:
            # An empty layer: QGIS Server's GeoPackage layers still name it "fid".
            candidate = layer.schema.field("fid")
            return "fid" if layer.qgis_server and candidate and candidate.type == INTEGER else None
        feature = sample[0]
        tail = feature.fid.rsplit(".", 1)[-1]
        for f in layer.schema.fields:
            if f.type == INTEGER and not f.nullable and str(feature.attributes.get(f.name)) == tail:
                return f.name
        return None

    # ------------------------------------------------------------------ reading
    def _get_features(self, layer: WfsLayer, extra: dict, is_cancelled) -> list:
        params = self._kvp("GetFeature", **{
            ("TYPENAMES" if self.version.startswith("2") else "TYPENAME"): layer.typename})
        if layer.schema.crs:
            params["SRSNAME"] = layer.schema.crs
        params.update(extra)
        # POSTed as a form: 1 000 quoted values do not fit in every URL length limit.
        body = urlencode(params).encode("ascii")
        response = self._send("POST", data=body, is_cancelled=is_cancelled, headers={
            "Content-Type": "application/x-www-form-urlencoded"})
        return parse_features(self._xml(response, "GetFeature"), layer)

    def _get_features_xml(self, layer: WfsLayer, filter_element, is_cancelled) -> list:
        v2 = self.version.startswith("2")
        ns_wfs = NS_WFS20 if v2 else NS_WFS
        root = etree.Element(f"{{{ns_wfs}}}GetFeature", nsmap={
            "wfs": ns_wfs, layer.prefix: layer.namespace})
        root.set("service", "WFS")
        root.set("version", self.version)
        query = etree.SubElement(root, f"{{{ns_wfs}}}Query")
        query.set("typeNames" if v2 else "typeName", f"{layer.prefix}:{layer.element}")
        if layer.schema.crs:
            query.set("srsName", layer.schema.crs)
        query.append(filter_element)
        response = self._send("POST", data=serialise(root),
                              headers={"Content-Type": "text/xml"}, is_cancelled=is_cancelled)
        return parse_features(self._xml(response, "GetFeature"), layer)

    def features(self, layer: WfsLayer, *, ids=(), field: Optional[str] = None, values=(),
                 progress: Optional[Callable[[float], None]] = None,
                 is_cancelled: Optional[Callable[[], bool]] = None) -> list:
        """The features whose feature id is in ``ids``, or whose ``field`` is in ``values``.

        Ids or values that match nothing are simply absent from the result.
        """
        if ids:
            if layer.id_field and layer.qgis_server:
                field, values = layer.id_field, [layer.id_value(i) for i in ids]
            else:
                size = MAX_IDS_PER_FILTER if layer.qgis_server else VALUE_FILTER_BATCH
                return self._batched(list(ids), size,
                                     lambda chunk: self._by_ids(layer, chunk, is_cancelled),
                                     progress, is_cancelled, shrink=not layer.qgis_server)
        if not values:
            return []
        if layer.schema.field(field) is None:
            raise GeoGovError(f"{layer.typename} has no field {field}", code="wfs.unknown_field",
                              field=field, typename=layer.typename)
        values = list(dict.fromkeys(v for v in values if v is not None))
        if layer.qgis_server:
            quoted = '"' + field.replace('"', '""') + '"'
            return self._batched(values, EXP_FILTER_BATCH, lambda chunk: self._get_features(
                layer, {"EXP_FILTER": f"{quoted} IN ("
                        + ",".join(qgis_expression_literal(v) for v in chunk) + ")"},
                is_cancelled), progress, is_cancelled)
        return self._batched(values, VALUE_FILTER_BATCH,
                             lambda chunk: self._by_values(layer, field, chunk, is_cancelled),
                             progress, is_cancelled, shrink=True)

    def _batched(self, items, size, fetch, progress, is_cancelled, shrink=False) -> list:
        """fetch(chunk) for chunks of ``size``; with ``shrink``, a chunk the server refuses
        with an exception report is tried again in halves (down to one item), and the
        smaller size kept: MapServer 8 refuses a filter of two ResourceIds on a layer
        whose gml:id comes from a text column ("ExecuteSQL() failed", measured) but
        answers them one by one."""
        out = []
        start = 0
        while start < len(items):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("Cancelled")
            chunk = items[start:start + size]
            try:
                out.extend(fetch(chunk))
            except ServiceException:
                if not shrink or len(chunk) == 1:
                    raise
                size = max(1, len(chunk) // 2)
                continue
            start += len(chunk)
            if progress is not None:
                progress(min(1.0, start / len(items)))
        return out

    def _by_ids(self, layer, ids, is_cancelled):
        v2 = self.version.startswith("2")
        ns = NS_FES if v2 else NS_OGC
        filt = etree.Element(f"{{{ns}}}Filter", nsmap={"fes" if v2 else "ogc": ns})
        for fid in ids:
            if v2:
                etree.SubElement(filt, f"{{{ns}}}ResourceId", rid=str(fid))
            else:
                etree.SubElement(filt, f"{{{ns}}}FeatureId", fid=str(fid))
        return self._get_features_xml(layer, filt, is_cancelled)

    def _by_values(self, layer, field, values, is_cancelled):
        v2 = self.version.startswith("2")
        ns = NS_FES if v2 else NS_OGC
        filt = etree.Element(f"{{{ns}}}Filter", nsmap={"fes" if v2 else "ogc": ns,
                                                       layer.prefix: layer.namespace})
        parent = etree.SubElement(filt, f"{{{ns}}}Or") if len(values) > 1 else filt
        for value in values:
            equal = etree.SubElement(parent, f"{{{ns}}}PropertyIsEqualTo")
            # Unqualified: QGIS Server 3.22 compares the text as is, so "ft:identifiant"
            # silently matches no feature (measured); every server reads the bare name.
            etree.SubElement(equal, f"{{{ns}}}{'ValueReference' if v2 else 'PropertyName'}"
                             ).text = field
            etree.SubElement(equal, f"{{{ns}}}Literal").text = format_value(value)
        return self._get_features_xml(layer, filt, is_cancelled)

    # ------------------------------------------------------------------ writing
    def transaction(self, layer: WfsLayer, actions,
                    is_cancelled: Optional[Callable[[], bool]] = None) -> TransactionOutcome:
        """Send one Transaction. A :class:`~..errors.NetworkError` here means the outcome
        is unknown: the server may have written all, part or none of it."""
        document = transaction_document(layer.ref(), actions, self.version)
        response = self._send("POST", data=document, headers={"Content-Type": "text/xml"},
                              is_cancelled=is_cancelled)
        if response.status >= 400:
            try:
                root = parse_xml(response.content, response.url)
            except DocumentError:
                check_status(response)
                raise
            exc = exception_report(root)
            if exc is not None:
                exc.source = response.url
                raise exc
            check_status(response)
        return parse_transaction_response(response.content, response.url)

