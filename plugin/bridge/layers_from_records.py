"""QGIS layers from catalogue records and service capabilities, with their metadata.

The plan of a layer (:class:`LayerPlan`: provider, URL, layer name, CRS, version) is made
from what the capabilities say (plugin/catalogue/wms.py, wfs.py); :func:`create_layer`
builds it with QGIS's own provider. The WMS and WFS providers read the service's
capabilities in their constructor, synchronously: :func:`create_layer` therefore runs in
a QgsTask and hands the layer over to the main thread, which adds it to the project.

A layer added from a record gets a filled QgsLayerMetadata (:func:`layer_metadata`) and
remembers where it came from in custom properties (:data:`RECORD_URL`,
:data:`RECORD_ID`, :data:`CATALOGUE`), which the Responsibility panel reads.
Credentials: only the connection's authcfg id goes into the data source URI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional
from urllib.parse import unquote, urlsplit, urlunsplit

from qgis.core import (
    QgsAbstractMetadataBase,
    QgsApplication,
    QgsBox3d,
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsLayerMetadata,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, Qt, QThread

from ..catalogue.model import Record
from ..catalogue.service_client import service_endpoint
from ..errors import GeoGovError
from .i18n import tr

# Custom properties of a layer added from a catalogue record (keep these exact keys).
RECORD_URL = "geogov/record_url"      # the catalogue connection's URL
RECORD_ID = "geogov/record_id"        # the record identifier in that catalogue
CATALOGUE = "geogov/catalogue"        # the connection's name

WMS, WFS, OAPIF = "wms", "WFS", "OAPIF"   # QGIS provider keys
PROVIDER_LOG_TAGS = {WMS: "WMS", WFS: "WFS", OAPIF: "OAPIF"}   # their message-log tags
# A CRS the project does not use is still better served in these, in this order:
# Lambert-93 for Île-de-France data, then what every web service offers.
PREFERRED_CRS = ("EPSG:2154", "EPSG:3857", "EPSG:4326")
PREFERRED_FORMATS = ("image/png", "image/png; mode=8bit", "image/jpeg")


class LayerError(GeoGovError):
    code = "layer.invalid"


@dataclass
class LayerPlan:
    provider: str                 # WMS, WFS or OAPIF
    url: str                      # service endpoint (OAPIF: the landing page)
    name: str                     # WMS layer / WFS typename / OAPIF collection id
    title: str = ""
    crs: str = ""                 # WMS crs / WFS srsname
    version: str = ""             # WFS version the server offers
    style: str = ""
    image_format: str = "image/png"
    authcfg: str = ""

    def source(self) -> str:
        uri = QgsDataSourceUri()
        if self.provider == WMS:
            for key, value in (("crs", self.crs), ("format", self.image_format),
                               ("layers", self.name), ("styles", self.style),
                               ("url", self.url), ("dpiMode", "7"),
                               ("contextualWMSLegend", "0")):
                uri.setParam(key, value)
        else:
            uri.setParam("url", self.url)
            uri.setParam("typename", self.name)
            if self.provider == WFS:
                uri.setParam("version", self.version or "auto")
                if self.crs:
                    uri.setParam("srsname", self.crs)
                uri.setParam("pagingEnabled", "true")
                uri.setParam("restrictToRequestBBOX", "0")
        if self.authcfg:
            uri.setAuthConfigId(self.authcfg)
        if self.provider == WMS:
            return bytes(uri.encodedUri()).decode("utf-8")
        return uri.uri(False).strip()


def choose_crs(codes, project_crs: str = "") -> str:
    """The CRS to request: the project's when offered, else Lambert-93, Web Mercator,
    WGS 84, else the layer's first (default) one."""
    codes = [c for c in codes if c]
    if not codes:
        return "EPSG:4326"
    upper = {c.upper(): c for c in codes}
    for wanted in (project_crs,) + PREFERRED_CRS:
        if wanted and wanted.upper() in upper:
            return upper[wanted.upper()]
    return codes[0]


def choose_format(formats) -> str:
    for wanted in PREFERRED_FORMATS:
        if wanted in formats:
            return wanted
    images = [f for f in formats if f.startswith("image/")]
    return images[0] if images else "image/png"


def wms_plan(url: str, info, layer, *, project_crs: str = "", authcfg: str = "",
             title: str = "") -> LayerPlan:
    return LayerPlan(WMS, service_endpoint(url), layer.name, title or layer.title or layer.name,
                     crs=choose_crs(layer.crs, project_crs),
                     image_format=choose_format(info.formats), authcfg=authcfg)


def wfs_plan(url: str, info, layer, *, project_crs: str = "", authcfg: str = "",
             title: str = "") -> LayerPlan:
    # The version the server answered with is the one it speaks (QGIS Server 3.22: 1.1.0).
    return LayerPlan(WFS, service_endpoint(url), layer.name, title or layer.title or layer.name,
                     crs=choose_crs(layer.crs, project_crs), version=info.version,
                     authcfg=authcfg)


_COLLECTION = re.compile(r"^(?P<base>.*?)/collections/(?P<id>[^/?#]+)")


def oapif_plan(url: str, name: str = "", *, authcfg: str = "", title: str = "") -> LayerPlan:
    """An OGC API Features collection from a link to it (…/collections/{id}[/items]) or to
    the landing page with the collection id as the link's name."""
    parts = urlsplit(url.strip())
    match = _COLLECTION.match(parts.path)
    if match:
        base = urlunsplit(parts._replace(path=match.group("base"), query="", fragment=""))
        collection = unquote(match.group("id"))
    else:
        base = urlunsplit(parts._replace(query="", fragment="")).rstrip("/")
        collection = name
    if not collection:
        raise LayerError("The link names no OGC API Features collection",
                         code="layer.no_collection", source=url)
    return LayerPlan(OAPIF, base, collection, title or collection, authcfg=authcfg)


def create_layer(plan: LayerPlan):
    """Build the QGIS layer of ``plan`` (in a worker thread; the provider reads the
    service) and hand it over to the main thread. Raises :class:`LayerError` with the
    provider's reason when QGIS cannot use it."""
    title = plan.title or plan.name
    # An invalid vector layer's error() dereferences its deleted provider (QGIS 3.22
    # segfaults): the provider's reason is read from what it logs while it opens.
    said = []

    def heard(message, tag, _level):
        if tag == PROVIDER_LOG_TAGS[plan.provider]:
            said.append(message)

    log = QgsApplication.messageLog()
    log.messageReceived.connect(heard, Qt.ConnectionType.DirectConnection)
    try:
        if plan.provider == WMS:
            layer = QgsRasterLayer(plan.source(), title, WMS)
        else:
            layer = QgsVectorLayer(plan.source(), title, plan.provider)
    finally:
        log.messageReceived.disconnect(heard)
    if not layer.isValid():
        detail = said[0] if said else ""
        raise LayerError(f"QGIS cannot open the layer {plan.name}: {detail}",
                         source=plan.url, name=plan.name, detail=detail.strip())
    application = QCoreApplication.instance()
    if application is not None and QThread.currentThread() != application.thread():
        # Objects belong to the thread that made them; the project lives on the main one.
        layer.moveToThread(application.thread())
    return layer


# ----------------------------------------------------------------------------- metadata


def _contacts(record: Record) -> list:
    seen, contacts = set(), []
    for party in record.parties:
        role = party.role or party.role_raw
        key = (role, party.organisation, party.individual, party.email, party.href)
        if key in seen:
            continue
        seen.add(key)
        contact = QgsAbstractMetadataBase.Contact(party.individual or party.organisation
                                                  or party.href)
        contact.organization = party.organisation
        contact.position = party.position
        contact.email = party.email
        contact.voice = party.phone
        contact.role = role or ""
        if party.address:
            address = QgsAbstractMetadataBase.Address()
            address.address = party.address
            contact.addresses = [address]
        contacts.append(contact)
    return contacts


def _links(record: Record) -> list:
    links = []
    for resource in record.links:
        link = QgsAbstractMetadataBase.Link(resource.name or resource.description or resource.url,
                                            resource.protocol or resource.kind, resource.url)
        link.description = resource.description
        links.append(link)
    return links


def layer_metadata(record: Record, crs: Optional[QgsCoordinateReferenceSystem] = None
                   ) -> QgsLayerMetadata:
    """The QgsLayerMetadata of a layer added from ``record``."""
    metadata = QgsLayerMetadata()
    metadata.setIdentifier(record.identifier)
    metadata.setTitle(record.title)
    metadata.setAbstract(record.abstract)
    metadata.setType(record.hierarchy or "dataset")
    if record.language:
        metadata.setLanguage(record.language)
    if record.keywords:
        metadata.addKeywords("gmd:keywords", [str(k) for k in record.keywords])
    if record.topic_categories:
        metadata.setCategories([str(c) for c in record.topic_categories])
    if record.licence:
        metadata.setLicenses([record.licence])
    if record.constraints:
        metadata.setRights([str(c) for c in record.constraints])
        metadata.setConstraints([QgsLayerMetadata.Constraint(str(c), "other")
                                 for c in record.constraints])
    metadata.setContacts(_contacts(record))
    metadata.setLinks(_links(record))
    if record.bbox:
        west, south, east, north = record.bbox
        spatial = QgsLayerMetadata.SpatialExtent()
        spatial.extentCrs = QgsCoordinateReferenceSystem("EPSG:4326")
        spatial.bounds = QgsBox3d(west, south, 0.0, east, north, 0.0)
        extent = QgsLayerMetadata.Extent()
        extent.setSpatialExtents([spatial])
        metadata.setExtent(extent)
    if crs is not None and crs.isValid():
        metadata.setCrs(crs)
    # QGIS 3.22 has no dates in layer metadata (setDateTime came in 3.30): they go to
    # the history, which the metadata panel shows.
    labels = {"creation": tr("Created on {date} (catalogue record)"),
              "publication": tr("Published on {date} (catalogue record)"),
              "revision": tr("Revised on {date} (catalogue record)")}
    history = []
    for key in ("creation", "publication", "revision"):
        day = record.dates.get(key)
        if day:
            history.append(labels[key].format(date=day.isoformat()))
    if record.maintenance is not None and record.maintenance.next_update:
        history.append(tr("Next update planned on {date}").format(
            date=record.maintenance.next_update.isoformat()))
    if history:
        metadata.setHistory(history)
    return metadata


def remember_record(layer, record: Record, connection) -> None:
    """Keep the record's origin on the layer (saved with the project)."""
    layer.setCustomProperty(RECORD_URL, getattr(connection, "url", "") or "")
    layer.setCustomProperty(RECORD_ID, record.identifier)
    layer.setCustomProperty(CATALOGUE, getattr(connection, "name", "") or "")


def record_origin(layer) -> dict:
    """What :func:`remember_record` stored, empty strings when the layer has none."""
    return {"url": str(layer.customProperty(RECORD_URL, "") or ""),
            "identifier": str(layer.customProperty(RECORD_ID, "") or ""),
            "catalogue": str(layer.customProperty(CATALOGUE, "") or "")}


def describe_from_record(layer, record: Record, connection) -> None:
    """Metadata and origin of a layer added from ``record`` (main thread)."""
    layer.setMetadata(layer_metadata(record, layer.crs()))
    remember_record(layer, record, connection)


def describe_from_service(layer, service_layer, info) -> None:
    """Metadata of a layer added from a service browser (no catalogue record)."""
    metadata = QgsLayerMetadata()
    metadata.setIdentifier(service_layer.name)
    metadata.setTitle(service_layer.title or service_layer.name)
    metadata.setAbstract(service_layer.abstract)
    if service_layer.keywords:
        metadata.addKeywords("capabilities", [str(k) for k in service_layer.keywords])
    if info.access_constraints:
        metadata.setRights([info.access_constraints])
    contact = info.contact
    if contact is not None:
        item = QgsAbstractMetadataBase.Contact(contact.individual or contact.organisation)
        item.organization = contact.organisation
        item.position = contact.position
        item.email = contact.email
        item.voice = contact.phone
        item.role = contact.role or contact.role_raw
        metadata.setContacts([item])
    if layer.crs().isValid():
        metadata.setCrs(layer.crs())
    layer.setMetadata(metadata)
