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

The layer's *département* matters only for datasets with per-territory stewards. It is
read from the layer's extent in EPSG:4326 against the eight Île-de-France départements
of QGIS's own ``world_map.gpkg`` (Natural Earth admin-1, ``fips = 'FRA8'``). A plain
extent centroid is not enough: the bounding box of the Hauts-de-Seine has its centre in
Paris. The rule is therefore: the département that covers the largest share of the
extent (inside the region), provided it covers at least 40 % of it *and* the extent lies
for at least 75 % inside that département's own bounding box; otherwise the layer spans
several départements and None is returned (the dataset's default stewards apply). A
point-like extent (one feature) is tested by containment of its centre.
"""

from __future__ import annotations

import os
from typing import Optional
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDataSourceUri,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsProviderRegistry,
    QgsRectangle,
    QgsVectorLayer,
)

from ..governance.resolution import LayerDescription

RECORD_URL_PROPERTY = "geogov/record_url"
RECORD_ID_PROPERTY = "geogov/record_id"

# Natural Earth's names (with its "Seien-et-Marne" typo) -> INSEE code.
NATURAL_EARTH_DEPARTEMENTS = {
    "Paris": "75", "Seien-et-Marne": "77", "Seine-et-Marne": "77", "Yvelines": "78",
    "Essonne": "91", "Hauts-de-Seine": "92", "Seine-Saint-Denis": "93", "Val-de-Marne": "94",
    "Val-d'Oise": "95",
}
DEPARTEMENT_NAMES = {
    "75": "Paris", "77": "Seine-et-Marne", "78": "Yvelines", "91": "Essonne",
    "92": "Hauts-de-Seine", "93": "Seine-Saint-Denis", "94": "Val-de-Marne", "95": "Val-d'Oise",
}

# Providers whose layers come from a service or a shared database (not a local file).
SERVICE_PROVIDERS = {"WFS", "wms", "oapif", "postgres", "wcs", "arcgisfeatureserver",
                     "arcgismapserver", "mssql", "oracle", "hana", "vectortile"}

MIN_SHARE = 0.40
MIN_INSIDE_BOX = 0.75

_DEPARTEMENTS = None     # {code: QgsGeometry in EPSG:4326}, read once


def world_map_path() -> str:
    """QGIS's own copy (every install has it, wherever QGIS is installed: OSGeo4W, the
    standalone Windows installer, macOS bundles, Linux packages)."""
    return os.path.join(QgsApplication.pkgDataPath(), "resources", "data", "world_map.gpkg")


def departement_polygons() -> dict:
    """{INSEE code: QgsGeometry (EPSG:4326)} of the eight Île-de-France départements."""
    global _DEPARTEMENTS
    if _DEPARTEMENTS is None:
        layer = QgsVectorLayer(world_map_path() + "|layername=states_provinces", "states", "ogr")
        polygons = {}
        if layer.isValid():
            request = QgsFeatureRequest().setFilterExpression(
                "\"fips\" = 'FRA8' AND \"admin\" = 'France'")
            for feature in layer.getFeatures(request):
                code = NATURAL_EARTH_DEPARTEMENTS.get(feature["name"])
                if code and feature.hasGeometry():
                    polygons[code] = QgsGeometry(feature.geometry())
        _DEPARTEMENTS = polygons
    return _DEPARTEMENTS


def departement_of_extent(extent: QgsRectangle) -> Optional[str]:
    """The INSEE code of the one département ``extent`` (EPSG:4326) lies in, else None."""
    polygons = departement_polygons()
    if extent is None or extent.isNull() or not polygons:
        return None
    if extent.width() < 1e-9 or extent.height() < 1e-9:
        centre = QgsGeometry.fromPointXY(QgsPointXY(extent.center()))
        return next((code for code, geometry in polygons.items() if geometry.contains(centre)),
                    None)
    box = QgsGeometry.fromRect(extent)
    shares = {code: box.intersection(geometry).area() for code, geometry in polygons.items()}
    inside = sum(shares.values())
    if inside <= 0:
        return None
    code = max(shares, key=shares.get)
    if shares[code] / inside < MIN_SHARE:
        return None
    own_box = QgsGeometry.fromRect(polygons[code].boundingBox())
    if box.intersection(own_box).area() / box.area() < MIN_INSIDE_BOX:
        return None
    return code


def extent_4326(layer) -> Optional[QgsRectangle]:
    extent = layer.extent()
    if extent is None or extent.isNull() or not layer.crs().isValid():
        return None
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    if layer.crs() == wgs84:
        return QgsRectangle(extent)
    transform = QgsCoordinateTransform(layer.crs(), wgs84, QgsProject.instance())
    try:
        return transform.transformBoundingBox(extent)
    except Exception:  # noqa: BLE001 - QgsCsException: an extent outside the CRS's area
        return None


def layer_departement(layer) -> Optional[str]:
    return departement_of_extent(extent_4326(layer))


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


def describe_layer(layer, departement: bool = False) -> LayerDescription:
    """The plain description of a QgsMapLayer (main thread: it reads the layer).

    ``departement``: also work out where the layer lies (only needed for datasets with
    per-territory stewards; see the module doc).
    """
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
    box = extent_4326(layer)
    if box is not None:
        description.extent = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
        if departement:
            description.departement = departement_of_extent(box)
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
