"""WFS-T Transaction documents (WFS 1.1.0 and 2.0.0) and their responses.

Documents are built from plain actions (:class:`Insert`, :class:`Update`, :class:`Delete`),
every action carrying a ``handle`` so a reply can be tied back to the features it concerns:
QGIS Server 3.22 names a failed action by its handle in ``<Action locator="…">`` and an
inserted feature by its handle in ``<InsertResults><Feature handle="…">``; without handles
the locator is only "Insert:layer", useless with several actions.

Rules the builder follows because servers were seen to break otherwise (QGIS Server 3.22):

- one feature per Insert element (two give HTTP 400);
- a null value is an *omitted* property in an Insert (``xsi:nil`` and empty elements are
  refused as "Property conversion error" for numbers), and a ``<Property>`` without
  ``<Value>`` in an Update (the WFS way to set null);
- no more than 89 ids in one FeatureId filter: beyond that QGIS Server silently matches
  nothing (the builder refuses, callers batch);
- the body is ASCII (see :func:`serialise`).
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import math
from dataclasses import dataclass, field
from typing import Optional

from lxml import etree

from ..errors import ApplyError, DocumentError
from ..xmlsafe import exception_report, local_name, parse_xml
from .gml_geometry import wkb_to_gml

NS_WFS = "http://www.opengis.net/wfs"
NS_WFS20 = "http://www.opengis.net/wfs/2.0"
NS_OGC = "http://www.opengis.net/ogc"
NS_FES = "http://www.opengis.net/fes/2.0"
NS_GML = "http://www.opengis.net/gml"
NS_GML32 = "http://www.opengis.net/gml/3.2"

MAX_IDS_PER_FILTER = 89


@dataclass
class Insert:
    handle: str
    attributes: dict                  # field -> value; None values are left out
    geometry: Optional[bytes] = None  # ISO WKB


@dataclass
class Update:
    handle: str
    feature_ids: list                 # WFS feature ids (gml:id), at most 89
    values: dict = field(default_factory=dict)   # field -> value (None sets null)
    geometry: Optional[bytes] = None
    set_geometry: bool = False        # geometry is part of the update (None = set null)


@dataclass
class Delete:
    handle: str
    feature_ids: list


@dataclass
class LayerRef:
    """What a document needs to know of the target layer."""

    typename: str                     # local name of the feature type element
    namespace: str                    # its namespace URI
    prefix: str = "ft"
    geometry_name: str = ""
    crs: str = ""


@dataclass
class ActionFailure:
    locator: str                      # the action's handle (or whatever the server put)
    message: str
    code: str = ""


@dataclass
class TransactionOutcome:
    """What a server said about one Transaction."""

    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    inserted_ids: list = field(default_factory=list)   # [(handle, feature id)] in reply order
    failures: list = field(default_factory=list)       # ActionFailure
    status: str = ""                                   # 1.0.0 only: SUCCESS / FAILED / PARTIAL

    @property
    def failed(self) -> bool:
        return bool(self.failures) or self.status in ("FAILED", "PARTIAL")


# ---------------------------------------------------------------------------- values
def format_value(value) -> str:
    """The XML text of an attribute value (XML Schema lexical forms)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return "NaN" if math.isnan(value) else ("INF" if value > 0 else "-INF")
        text = repr(value)
        if "e" in text or "E" in text:
            # xsd:decimal has no exponent; QGIS Server parses the plain form.
            text = format(decimal.Decimal(text), "f")
        return text
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    return str(value)


# ---------------------------------------------------------------------------- documents
def transaction_document(layer: LayerRef, actions, version: str = "1.1.0") -> bytes:
    """A Transaction document holding ``actions`` in the given order."""
    v2 = version.startswith("2")
    ns_wfs = NS_WFS20 if v2 else NS_WFS
    ns_filter = NS_FES if v2 else NS_OGC
    nsmap = {"wfs": ns_wfs, ("fes" if v2 else "ogc"): ns_filter,
             "gml": NS_GML32 if v2 else NS_GML, layer.prefix: layer.namespace}
    root = etree.Element(f"{{{ns_wfs}}}Transaction", nsmap=nsmap)
    root.set("service", "WFS")
    root.set("version", "2.0.0" if v2 else "1.1.0")
    qualified = f"{layer.prefix}:{layer.typename}"
    for action in actions:
        if isinstance(action, Insert):
            element = etree.SubElement(root, f"{{{ns_wfs}}}Insert", handle=action.handle)
            feature = etree.SubElement(element, f"{{{layer.namespace}}}{layer.typename}")
            if action.geometry is not None and layer.geometry_name:
                prop = etree.SubElement(feature, f"{{{layer.namespace}}}{layer.geometry_name}")
                prop.append(wkb_to_gml(action.geometry, layer.crs, version, f"{action.handle}.g"))
            for name, value in action.attributes.items():
                if value is None:
                    continue
                _set_text(etree.SubElement(feature, f"{{{layer.namespace}}}{name}"),
                          format_value(value), action.handle, name)
        elif isinstance(action, Update):
            element = etree.SubElement(root, f"{{{ns_wfs}}}Update", typeName=qualified,
                                       handle=action.handle)
            for name, value in action.values.items():
                _property(element, ns_wfs, v2, name, value, action.handle)
            if action.set_geometry:
                geometry = (None if action.geometry is None else
                            wkb_to_gml(action.geometry, layer.crs, version, f"{action.handle}.g"))
                _property(element, ns_wfs, v2, layer.geometry_name, geometry, action.handle)
            _id_filter(element, ns_filter, v2, action.feature_ids)
        elif isinstance(action, Delete):
            element = etree.SubElement(root, f"{{{ns_wfs}}}Delete", typeName=qualified,
                                       handle=action.handle)
            _id_filter(element, ns_filter, v2, action.feature_ids)
        else:
            raise TypeError(f"not a WFS-T action: {action!r}")
    return serialise(root)


def serialise(root) -> bytes:
    """The document as pure ASCII, every other character as a character reference.

    qgis_mapserver 3.22 hangs on a POST body holding multi-byte UTF-8 (a value "déposé"):
    it waits for Content-Length *characters* where the client sent that many bytes, and
    never answers. Character references are the same XML to every server.
    """
    return etree.tostring(root, xml_declaration=True, encoding="US-ASCII")


def _set_text(element, text: str, handle: str, name: str) -> None:
    # lxml refuses control characters XML 1.0 cannot carry; say which value it was.
    try:
        element.text = text
    except ValueError:
        raise ApplyError(f"The value of {name} cannot be sent in XML (control characters)",
                         code="apply.value_not_xml", handle=handle, field=name) from None


def _property(parent, ns_wfs, v2, name, value, handle):
    prop = etree.SubElement(parent, f"{{{ns_wfs}}}Property")
    etree.SubElement(prop, f"{{{ns_wfs}}}{'ValueReference' if v2 else 'Name'}").text = name
    if value is None:
        return                      # no <Value>: the property is set to null
    holder = etree.SubElement(prop, f"{{{ns_wfs}}}Value")
    if isinstance(value, etree._Element):
        holder.append(value)
    else:
        _set_text(holder, format_value(value), handle, name)


def _id_filter(parent, ns_filter, v2, feature_ids):
    if not feature_ids:
        raise ApplyError("An Update or Delete needs at least one feature id",
                         code="apply.no_ids")
    if len(feature_ids) > MAX_IDS_PER_FILTER:
        raise ApplyError(f"{len(feature_ids)} ids in one filter: QGIS Server silently matches "
                         f"nothing above {MAX_IDS_PER_FILTER}", code="apply.too_many_ids",
                         count=len(feature_ids))
    filt = etree.SubElement(parent, f"{{{ns_filter}}}Filter")
    for fid in feature_ids:
        if v2:
            etree.SubElement(filt, f"{{{ns_filter}}}ResourceId", rid=str(fid))
        else:
            etree.SubElement(filt, f"{{{ns_filter}}}FeatureId", fid=str(fid))


# ---------------------------------------------------------------------------- responses
def parse_transaction_response(data: bytes, source: Optional[str] = None) -> TransactionOutcome:
    """A TransactionResponse (1.1.0 / 2.0.0) or WFS_TransactionResponse (1.0.0).

    An OGC exception report (how WFS 2.0 servers refuse a whole Transaction, and how
    servers reject a malformed one) is raised as :class:`~..errors.ServiceException`.
    """
    root = parse_xml(data, source)
    exc = exception_report(root)
    if exc is not None:
        exc.source = source
        raise exc
    name = local_name(root)
    outcome = TransactionOutcome()
    if name == "WFS_TransactionResponse":          # WFS 1.0.0
        for node in root.iter():
            local = local_name(node)
            if local == "Status":
                for child in node:
                    outcome.status = local_name(child)
            elif local == "InsertResult":
                for fid in node:
                    if local_name(fid) == "FeatureId":
                        outcome.inserted_ids.append((node.get("handle") or "", fid.get("fid")))
            elif local == "Message" and (node.text or "").strip():
                outcome.failures.append(ActionFailure(node.getparent().get("locator") or "",
                                                      node.text.strip()))
        outcome.inserted = len(outcome.inserted_ids)
        return outcome
    if name != "TransactionResponse":
        raise DocumentError(f"Expected a TransactionResponse, got {name}",
                            code="wfst.not_a_response", source=source, element=name)
    for node in root:
        local = local_name(node)
        if local == "TransactionSummary":
            for count in node:
                text = (count.text or "0").strip() or "0"
                try:
                    number = int(text)
                except ValueError:
                    raise DocumentError(f"Not a count: {text!r}", code="wfst.bad_count",
                                        source=source, value=text) from None
                key = local_name(count)
                if key == "totalInserted":
                    outcome.inserted = number
                elif key == "totalUpdated":
                    outcome.updated = number
                elif key == "totalDeleted":
                    outcome.deleted = number
                elif key == "totalReplaced":
                    outcome.updated += number
        elif local == "TransactionResults":      # 1.1.0: only failures are listed
            for action in node:
                if local_name(action) != "Action":
                    continue
                texts = [(m.text or "").strip() for m in action if local_name(m) == "Message"]
                outcome.failures.append(ActionFailure(
                    action.get("locator") or "", " ".join(t for t in texts if t),
                    action.get("code") or ""))
        elif local == "InsertResults":
            for feature in node:
                if local_name(feature) != "Feature":
                    continue
                for fid in feature:
                    if local_name(fid) in ("FeatureId", "ResourceId"):
                        outcome.inserted_ids.append(
                            (feature.get("handle") or "", fid.get("fid") or fid.get("rid")))
    return outcome
