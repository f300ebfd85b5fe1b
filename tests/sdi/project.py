"""The QGIS Server project of the demo SDI (``sdi.qgs``), written with PyQGIS.

Run as a script (``python -m geogov.tests.sdi.project DEMO_DIR``) in its own process with
``QT_QPA_PLATFORM=offscreen``: the builder is also called from inside pytest-qgis and from
``make run``, where a second QgsApplication would clash with the one already there.

Every layer is published as WMS and WFS with WFS-T Insert/Update/Delete (project entries
WFSLayers and WFSTLayers). The advertised service URLs depend on the port the server gets,
so :func:`set_service_urls` (no QGIS needed) rewrites them in the .qgs before each start.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lxml import etree

PROJECT_NAME = "sdi.qgs"
URL_ENTRIES = ("WMSUrl", "WFSUrl", "WCSUrl", "WMTSUrl")

# (fill colour, outline colour, size or width) per layer: readable over each other.
STYLES = {
    "territoires_partenaires": ("255,255,255,0", "80,80,80,255", 0.5),
    "amenagements_cyclables": ("", "20,140,60,255", 0.7),
    "points_apport_volontaire": ("230,150,20,255", "90,60,10,255", 1.8),
    "eclairage_public": ("250,220,40,255", "110,90,0,255", 1.4),
    "capteurs_air_ecoles": ("40,120,220,255", "10,40,90,255", 2.2),
    "pesees_dechets_menages": ("160,60,160,255", "60,20,60,255", 1.6),
}
# Drawing order, top first: points over lines over polygons.
ORDER = ["capteurs_air_ecoles", "eclairage_public", "points_apport_volontaire",
         "pesees_dechets_menages", "amenagements_cyclables", "territoires_partenaires"]

SERVICE = {
    "title": "GEO Île-de-France (démonstration)",
    "abstract": ("Services de démonstration de l'infrastructure régionale de géodonnées partagées "
                 "d'Île-de-France : couches des partenaires de la convention géodonnées, en "
                 "consultation (WMS) et en édition (WFS-T)."),
    "keywords": ["Île-de-France", "géodonnées partagées", "convention", "démonstration"],
    "organisation": "Région Île-de-France",
    "person": "Claire Martin",
    "position": "Coordinatrice de la convention géodonnées",
    "mail": "region.idf.donnees@example.org",
    "phone": "+33 1 00 00 01 01",
    "online_resource": "https://geo.iledefrance.example.org/",
    "fees": "Aucun",
    "access": "Réservé aux partenaires de la convention pour l'édition (WFS-T)",
}


def _symbol(layer, typename):
    from qgis.core import QgsFillSymbol, QgsLineSymbol, QgsMarkerSymbol, QgsSingleSymbolRenderer

    fill, outline, size = STYLES[typename]
    if typename == "territoires_partenaires":
        symbol = QgsFillSymbol.createSimple({"color": fill, "outline_color": outline,
                                             "outline_width": str(size), "style": "no"})
    elif typename == "amenagements_cyclables":
        symbol = QgsLineSymbol.createSimple({"line_color": outline, "line_width": str(size)})
    else:
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": fill,
                                               "outline_color": outline, "size": str(size)})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def write_project(demo_dir: Path) -> Path:
    """Write ``demo_dir/sdi.qgs`` from ``demo_dir/demo.json``; needs a running QgsApplication."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer

    from .datasets import DATASETS_BY_ID

    manifest = json.loads((demo_dir / "demo.json").read_text(encoding="utf-8"))
    project = QgsProject.instance()
    project.clear()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    project.setTitle(SERVICE["title"])
    by_typename = {layer["typename"]: layer for layer in manifest["layers"]}
    layer_ids = []
    for typename in ORDER:
        entry = by_typename[typename]
        dataset = DATASETS_BY_ID[entry["dataset"]]
        source = f"{demo_dir / entry['gpkg']}|layername={typename}"
        layer = QgsVectorLayer(source, dataset.title, "ogr")
        if not layer.isValid():
            raise RuntimeError(f"QGIS cannot open {source}")
        layer.setShortName(typename)
        layer.setTitle(dataset.title)
        layer.setAbstract(dataset.abstract)
        layer.setKeywordList(", ".join(dataset.keywords))
        layer.setAttribution("Partenaires de la convention géodonnées Île-de-France")
        _symbol(layer, typename)
        project.addMapLayer(layer)
        layer_ids.append(layer.id())

    project.writeEntry("WMSServiceCapabilities", "/", True)
    project.writeEntry("WMSServiceTitle", "/", SERVICE["title"])
    project.writeEntry("WMSServiceAbstract", "/", SERVICE["abstract"])
    project.writeEntry("WMSKeywordList", "/", SERVICE["keywords"])
    project.writeEntry("WMSContactOrganization", "/", SERVICE["organisation"])
    project.writeEntry("WMSContactPerson", "/", SERVICE["person"])
    project.writeEntry("WMSContactPosition", "/", SERVICE["position"])
    project.writeEntry("WMSContactMail", "/", SERVICE["mail"])
    project.writeEntry("WMSContactPhone", "/", SERVICE["phone"])
    project.writeEntry("WMSOnlineResource", "/", SERVICE["online_resource"])
    project.writeEntry("WMSFees", "/", SERVICE["fees"])
    project.writeEntry("WMSAccessConstraints", "/", SERVICE["access"])
    project.writeEntry("WMSRootName", "/", "geo_idf")
    project.writeEntry("WMSCrsList", "/", ["EPSG:2154", "EPSG:4326", "EPSG:3857"])
    xmin, ymin, xmax, ymax = manifest["extent_2154"]
    project.writeEntry("WMSExtent", "/", [str(v) for v in (xmin, ymin, xmax, ymax)])
    for entry in URL_ENTRIES:
        # Placeholders: set_service_urls() writes the real ones when a server starts.
        project.writeEntry(entry, "/", "http://127.0.0.1/ows")
    project.writeEntry("WFSLayers", "/", layer_ids)
    for action in ("Insert", "Update", "Delete"):
        project.writeEntry("WFSTLayers", action, layer_ids)
    path = demo_dir / PROJECT_NAME
    if not project.write(str(path)):
        raise RuntimeError(f"QGIS could not write {path}: {project.error()}")
    project.clear()
    return path


def set_service_urls(project_path: Path, url: str) -> None:
    """Advertise ``url`` as the WMS/WFS/WCS/WMTS address in the project's capabilities."""
    tree = etree.parse(str(project_path))
    properties = tree.getroot().find("properties")
    if properties is None:
        raise RuntimeError(f"{project_path} has no <properties>: not a project this builder wrote")
    for name in URL_ENTRIES:
        element = properties.find(name)
        if element is None:
            element = etree.SubElement(properties, name, type="QString")
        element.text = url
    tree.write(str(project_path), xml_declaration=False, encoding="utf-8")


def main(argv) -> int:
    from qgis.core import QgsApplication

    demo_dir = Path(argv[1]).resolve()
    app = QgsApplication([], False)
    app.initQgis()
    try:
        write_project(demo_dir)
    finally:
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
