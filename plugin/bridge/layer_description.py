"""A QGIS layer as the plain :class:`LayerDescription` the governance core resolves.

What identifies a layer, per provider (QGIS 3.22 data-source strings):

- ``WFS`` / ``oapif``: ``url='…' typename='…'`` key-values (QgsDataSourceUri), or for old
  projects a GetFeature URL with ``TYPENAME`` in its query;
- ``wms``: ``layers=…&url=…`` (the registry's decodeUri); several layers: the first;
- ``ogr``: ``path|layername=…`` (decodeUri: path, layerName);
- ``postgres``: dbname/host/port/schema/table; the "service URL" is a
  ``postgresql://host:port/dbname`` string, so a convention can match it with a pattern.

A layer added from a catalogue record carries the record in custom properties
(:data:`RECORD_URL_PROPERTY`, :data:`RECORD_ID_PROPERTY`, set by the Discover panel).

Where a layer lies matters only for datasets with per-territory stewards: the communes
of the convention's territory reference its extent meets (plugin/territories/places.py,
with GDAL's transforms — never QgsCoordinateTransform, whose results QGIS 3.22 can lose,
see plugin/territories/geometry.py). Every steward of those communes is named.
"""

from __future__ import annotations

import time
from typing import Optional
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from qgis.core import (
    QgsDataSourceUri,
    QgsFeature,
    QgsFeatureRequest,
    QgsProviderRegistry,
)

from ..governance.resolution import LayerDescription

RECORD_URL_PROPERTY = "geogov/record_url"
RECORD_ID_PROPERTY = "geogov/record_id"

# Providers whose layers come from a service or a shared database (not a local file).
SERVICE_PROVIDERS = {"WFS", "wms", "oapif", "postgres", "wcs", "arcgisfeatureserver",
                     "arcgismapserver", "mssql", "oracle", "hana", "vectortile"}

def layer_crs_text(layer) -> str:
    crs = layer.crs()
    return (crs.authid() or crs.toWkt()) if crs.isValid() else ""


def extent_4326(layer) -> Optional[tuple]:
    """(west, south, east, north) of the layer in EPSG:4326, None when unknown."""
    extent = layer.extent()
    crs = layer_crs_text(layer)
    if extent is None or extent.isNull() or not crs:
        return None
    from ..territories.places import extent_polygon

    polygon = extent_polygon((extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()),
                             crs, "EPSG:4326")
    if polygon is None:
        return None
    west, east, south, north = polygon.GetEnvelope()
    return west, south, east, north


# Local layers up to this many features are placed by their features' own geometries
# (a few milliseconds); larger ones and service layers by their extent.
LOCAL_PROVIDERS = {"ogr", "memory", "spatialite", "delimitedtext", "gpx", "virtual"}
MAX_PLACED_FEATURES = 5000


# A service layer (WFS, OGC API…) is placed by its features in a task, up to this many.
MAX_PLACED_IN_TASK = 50000


def places_key(layer) -> tuple:
    """What decides where a layer lies: its source, filter and extent."""
    extent = layer.extent()
    return (layer.id(), layer.source(), layer.subsetString() if hasattr(layer, "subsetString") else "",
            extent.toString(2) if extent is not None else "")


def feature_source(layer):
    """A thread-safe snapshot to read the layer's geometries in a task (main thread)."""
    from qgis.core import QgsVectorLayerFeatureSource

    return QgsVectorLayerFeatureSource(layer), layer_crs_text(layer)


# How long a task waits for a service layer's next features. QGIS's WFS provider downloads
# in a thread of its own which, when a task (not the main thread) reads, asks QGIS's main
# thread for its progress task: while QGIS closes or clears its project, the main thread
# waits for the tasks and never answers, and the read would wait for ever (QGIS 3.40 hung
# at exit that way). With this bound the read ends, and the places are unknown.
PLACE_WAIT_MS = 10000


def communes_of_source(source, crs: str, reference, is_cancelled=None) -> Optional[list]:
    """The communes a feature source's geometries touch (any thread); None when there are
    more than MAX_PLACED_IN_TASK features (the extent then tells) or when the service did
    not send its next features within PLACE_WAIT_MS (the places are then unknown)."""
    from ..territories.places import communes_of_blobs

    blobs = []
    request = QgsFeatureRequest().setNoAttributes().setLimit(MAX_PLACED_IN_TASK + 1)
    request.setTimeout(PLACE_WAIT_MS)
    iterator = source.getFeatures(request)
    feature = QgsFeature()
    while True:
        if is_cancelled is not None and is_cancelled():
            return None
        asked = time.monotonic()
        if not iterator.nextFeature(feature):
            if time.monotonic() - asked >= PLACE_WAIT_MS / 1000.0 * 0.95:
                return None          # the wait ran out: an end of features cannot be told apart
            break
        if feature.hasGeometry():
            blobs.append(bytes(feature.geometry().asWkb()))
        if len(blobs) > MAX_PLACED_IN_TASK:
            return None
    iterator.close()
    return communes_of_blobs(reference, blobs, crs)


def layer_communes(layer, reference) -> Optional[list]:
    """The communes of the territory reference the layer touches (None: unknown): those
    of its features for a small local layer, else those its extent meets."""
    if reference is None or layer is None:
        return None
    extent = layer.extent()
    if extent is None or extent.isNull():
        return None
    crs = layer_crs_text(layer)
    from ..territories.places import communes_of_blobs, communes_of_extent

    if layer.providerType() in LOCAL_PROVIDERS and 0 <= layer.featureCount() <= MAX_PLACED_FEATURES:
        request = QgsFeatureRequest().setNoAttributes().setLimit(MAX_PLACED_FEATURES + 1)
        blobs = [bytes(f.geometry().asWkb()) for f in layer.getFeatures(request) if f.hasGeometry()]
        if len(blobs) <= MAX_PLACED_FEATURES:
            found = communes_of_blobs(reference, blobs, crs)
            if found is not None:
                return found
    return communes_of_extent(reference, (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(),
                                          extent.yMaximum()), crs)


# ---------------------------------------------------------------------------- sources
def _url_without(url: str, *names: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in names]
    return urlunsplit(parts._replace(query="&".join(f"{k}={v}" for k, v in query)))


def _query_value(url: str, *names: str) -> str:
    for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if key.lower() in names:
            return value
    return ""


def service_of(provider: str, source: str) -> tuple:
    """(service URL, typename) of a data source; ("", "") when it names no service layer."""
    if provider in ("WFS", "oapif"):
        if source.lower().startswith(("http://", "https://")):
            # Projects from before QGIS 3 keep a GetFeature URL as the source.
            typename = _query_value(source, "typename", "typenames")
            return _url_without(source, "typename", "typenames", "service", "version",
                                "request"), typename
        uri = QgsDataSourceUri(source)
        return uri.param("url"), uri.param("typename")
    if provider == "wms":
        parts = QgsProviderRegistry.instance().decodeUri("wms", source)
        if parts.get("type") == "xyz":
            return "", ""
        layers = parts.get("layers") or ""
        if isinstance(layers, (list, tuple)):
            layers = layers[0] if layers else ""
        return str(parts.get("url") or ""), str(layers)
    if provider == "postgres":
        uri = QgsDataSourceUri(source)
        where = uri.host() or "localhost"
        if uri.port():
            where += f":{uri.port()}"
        if uri.service():
            where = f"service={uri.service()}"
        return f"postgresql://{where}/{uri.database()}", uri.table()
    if provider == "ogr":
        parts = QgsProviderRegistry.instance().decodeUri("ogr", source)
        return "", str(parts.get("layerName") or "")
    return "", ""


def describe_layer(layer) -> LayerDescription:
    """The plain description of a QgsMapLayer (main thread: it reads the layer)."""
    provider = layer.providerType() if layer is not None else ""
    source = layer.source() if layer is not None else ""
    if provider == "ogr" and "|subset=" in source:
        # A filter is not another data source: "file.gpkg|layername=x|subset=…" is still x.
        source = source.split("|subset=", 1)[0]
    url, typename = service_of(provider, source)
    description = LayerDescription(
        provider=provider, service_url=url, typename=typename, source=source,
        record_url=str(layer.customProperty(RECORD_URL_PROPERTY, "") or ""),
        record_id=str(layer.customProperty(RECORD_ID_PROPERTY, "") or ""))
    if layer is not None and hasattr(layer, "extent"):
        description.extent = extent_4326(layer)
    return description


def is_shared_layer(layer, description: Optional[LayerDescription] = None) -> bool:
    """Whether the layer comes from a partner service, a shared database or a catalogue.

    Local files and scratch layers are not; nor are XYZ basemaps (no partner behind them).
    """
    description = description or describe_layer(layer)
    if description.record_id or description.record_url:
        return True
    if description.provider == "wms":
        return bool(description.service_url)
    if description.provider in SERVICE_PROVIDERS:
        return True
    lowered = description.source.lower()
    return lowered.startswith(("/vsicurl/", "http://", "https://"))


def has_territorial_stewards(dataset) -> bool:
    return any(a.territory is not None and not a.territory.is_everywhere
               for a in dataset.stewards)
