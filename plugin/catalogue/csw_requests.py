"""CSW 2.0.2 and 3.0 requests: OWSLib FES filters for a parsed query, GetRecords documents.

Filters are OWSLib FES objects (``owslib.fes`` for CSW 2.0.2 / FES 1.1, ``owslib.fes2`` for
CSW 3.0 / FES 2.0), placed in a GetRecords document built with lxml. OWSLib is imported
inside functions: importing it costs QGIS start-up time.

Protocol quirks handled here:

* CSW positions are 1-based; callers give 0-based starts like the rest of the core.
* Bounding boxes go as ``urn:ogc:def:crs:EPSG::4326`` in latitude/longitude order, as
  MetaSearch does: pycsw reads an envelope without srsName as lat/lon too, and the
  ``http://www.opengis.net/def/crs/OGC/1.3/CRS84`` URI makes it fail.
* FES 2.0 forbids ``matchCase`` on PropertyIsLike (pycsw validates and refuses it), so it
  is only set for FES 1.1.
* OWSLib's fes2.BBox writes a GML 3.1.1 envelope; FES 2.0 wants GML 3.2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lxml import etree

from .search_text import LIKE_PATTERN_CAP, ParsedQuery, like_patterns

CSW202 = "http://www.opengis.net/cat/csw/2.0.2"
CSW30 = "http://www.opengis.net/cat/csw/3.0"
OGC = "http://www.opengis.net/ogc"
FES20 = "http://www.opengis.net/fes/2.0"
GMD = "http://www.isotc211.org/2005/gmd"
GML311 = "http://www.opengis.net/gml"
GML32 = "http://www.opengis.net/gml/3.2"
ISO_SCHEMA = GMD
VERSIONS = ("2.0.2", "3.0.0")
CSW_NS = {"2.0.2": CSW202, "3.0.0": CSW30}
ANYTEXT = "csw:AnyText"
SUBJECT = "dc:subject"
TITLE = "dc:title"
REVISION_ISO = "apiso:RevisionDate"
REVISION_DC = "dct:modified"
# When the record last changed: the ISO dateStamp (apiso:Modified), else Dublin Core's.
MODIFIED_ISO = "apiso:Modified"
MODIFIED_DC = "dct:modified"
APISO = "http://www.opengis.net/cat/csw/apiso/1.0"
DCT = "http://purl.org/dc/terms/"
DC = "http://purl.org/dc/elements/1.1/"
IDENTIFIER = "dc:identifier"
BBOX_CRS = "urn:ogc:def:crs:EPSG::4326"
XML_HEADERS = {"Content-Type": "application/xml; charset=UTF-8",
               "Accept": "application/xml, text/xml;q=0.9, */*;q=0.1"}


def normalise_version(version: str) -> str:
    version = (version or "").strip()
    if version in ("3.0", "3.0.0"):
        return "3.0.0"
    if version in ("2.0.2", "2.0", ""):
        return "2.0.2"
    raise ValueError(f"unsupported CSW version {version!r}")


# ----------------------------------------------------------------------------- filters


def _fes(version: str):
    if version == "3.0.0":
        from owslib import fes2 as fes
    else:
        from owslib import fes
    return fes


def _like(fes, version: str, name: str, pattern: str):
    if version == "3.0.0":
        return fes.PropertyIsLike(name, f"%{pattern}%", wildCard="%", singleChar="_",
                                  escapeChar="\\")
    # matchCase="false": servers that honour it compare case-insensitively (pycsw ignores it
    # for AnyText and folds ASCII case only — hence the accent variants).
    return fes.PropertyIsLike(name, f"%{pattern}%", wildCard="%", singleChar="_",
                              escapeChar="\\", matchCase=False)


def _any_of(fes, operations):
    return operations[0] if len(operations) == 1 else fes.Or(operations)


def _all_of(fes, operations):
    return operations[0] if len(operations) == 1 else fes.And(operations)


@dataclass
class FilterPlan:
    """The FES filter of a query and what building it decided (for notes)."""

    expression: object = None        # an OWSLib OgcExpression, or None (no constraint)
    expansions: list = field(default_factory=list)
    bbox_sent: bool = False


def build_filter(parsed: ParsedQuery, version: str, *, send_bbox: bool = True,
                 cap: int = LIKE_PATTERN_CAP, modified: str = MODIFIED_ISO) -> FilterPlan:
    """The OWSLib FES expression for ``parsed`` (None when nothing constrains the search).

    Each text and organisation term becomes an OR of ``PropertyIsLike`` on csw:AnyText over
    its accent variants (see :func:`.search_text.like_patterns`); keyword terms go to
    dc:subject; all of them AND-ed with the box. Organisations go to AnyText rather than
    apiso:OrganisationName because pycsw fills that queryable from one party only; the
    record filter then checks the organisation of each party. ``modified_since`` becomes
    ``PropertyIsGreaterThanOrEqualTo`` on ``modified`` (apiso:Modified, or dct:modified for
    a server without ISO queryables) against the bare date: a date-only literal compares
    right with dateStamps written as dates and as date-times (pycsw compares the text).
    """
    fes = _fes(version)
    plan = FilterPlan()
    operations = []
    for terms, name in ((parsed.text, ANYTEXT), (parsed.organisation, ANYTEXT),
                        (parsed.keyword, SUBJECT)):
        for term in terms:
            expansion = like_patterns(term, cap=cap)
            plan.expansions.append(expansion)
            operations.append(_any_of(fes, [_like(fes, version, name, p)
                                            for p in expansion.patterns]))
    if send_bbox and parsed.bbox is not None:
        boxes = [_bbox(fes, version, box) for box in parsed.boxes]
        operations.append(_any_of(fes, boxes))
        plan.bbox_sent = True
    if parsed.modified_since is not None:
        operations.append(fes.PropertyIsGreaterThanOrEqualTo(
            modified, parsed.modified_since.isoformat()))
    if operations:
        plan.expression = _all_of(fes, operations)
    return plan


def _bbox(fes, version: str, box):
    west, south, east, north = box
    # EPSG:4326 axis order is latitude, longitude.
    return _Gml32BBox(fes.BBox([south, west, north, east], crs=BBOX_CRS)) \
        if version == "3.0.0" else fes.BBox([south, west, north, east], crs=BBOX_CRS)


class _Gml32BBox:
    """OWSLib's fes2.BBox writes its envelope in the GML 3.1.1 namespace; FES 2.0 filters
    carry GML 3.2 (ISO 19143 §7.8), which is what CSW 3.0 servers validate against."""

    def __init__(self, bbox):
        self.bbox = bbox

    def toXML(self):  # OWSLib's method name
        element = self.bbox.toXML()
        for node in element.iter(f"{{{GML311}}}*"):
            node.tag = f"{{{GML32}}}{etree.QName(node).localname}"
        return element


def sort_property(sort: str, iso_queryables: bool) -> Optional[str]:
    if sort == "title":
        return TITLE
    if sort == "revision":
        return REVISION_ISO if iso_queryables else REVISION_DC
    return None


# ----------------------------------------------------------------------------- requests


def get_records_request(version: str, *, start: int, limit: int, output_schema: str = ISO_SCHEMA,
                        expression=None, sort_by: Optional[str] = None,
                        descending: bool = False, element_set: str = "full",
                        element_names: tuple = ()) -> bytes:
    """A GetRecords POST body; ``start`` is 0-based (written 1-based, as CSW counts).

    ``element_names`` (e.g. ``("dc:identifier",)``): those elements of each record instead
    of an element set (CSW 2.0.2 §10.8.4.9, csw:ElementName)."""
    version = normalise_version(version)
    fes = _fes(version)
    csw = CSW_NS[version]
    filter_ns = FES20 if version == "3.0.0" else OGC
    nsmap = {"csw": csw, "ogc" if version == "2.0.2" else "fes": filter_ns, "gmd": GMD}
    if element_names:
        nsmap["dc"] = DC
    if expression is not None or sort_by:
        # The prefixes that property names use in their text (apiso:Modified…) declared.
        nsmap.update({"apiso": APISO, "dct": DCT})
    root = etree.Element(f"{{{csw}}}GetRecords", nsmap=nsmap)
    root.set("service", "CSW")
    root.set("version", version)
    if version == "2.0.2":
        root.set("resultType", "results")   # 3.0 has no such attribute on GetRecords
    root.set("startPosition", str(start + 1))
    root.set("maxRecords", str(limit))
    root.set("outputSchema", output_schema)
    root.set("outputFormat", "application/xml")
    type_names = "gmd:MD_Metadata" if output_schema == ISO_SCHEMA and version == "2.0.2" \
        else "csw:Record"
    query = etree.SubElement(root, f"{{{csw}}}Query", typeNames=type_names)
    if element_names:
        for name in element_names:
            etree.SubElement(query, f"{{{csw}}}ElementName").text = name
    else:
        etree.SubElement(query, f"{{{csw}}}ElementSetName").text = element_set
    if expression is not None:
        constraint = etree.SubElement(query, f"{{{csw}}}Constraint",
                                      version="2.0.0" if version == "3.0.0" else "1.1.0")
        wrapper = etree.SubElement(constraint, f"{{{filter_ns}}}Filter")
        wrapper.append(expression.toXML())
    if sort_by:
        order = "DESC" if descending else "ASC"
        query.append(fes.SortBy([fes.SortProperty(sort_by, order)]).toXML())
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def with_params(url: str, **params) -> str:
    """``url`` with ``params`` added to its query (keeping what it already has)."""
    parts = urlsplit(url)
    current = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
               if k.lower() not in {p.lower() for p in params}]
    query = urlencode(current + [(k, v) for k, v in params.items() if v is not None])
    return urlunsplit(parts._replace(query=query))


def base_url(url: str) -> str:
    """``url`` without the OGC KVP parameters a user may have pasted with it."""
    parts = urlsplit(url)
    keep = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if k.lower() not in {"service", "request", "version", "acceptversions",
                                 "outputschema", "elementsetname", "id", "typenames"}]
    return urlunsplit(parts._replace(query=urlencode(keep)))
