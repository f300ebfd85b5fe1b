"""The MapServer side of the demo: a mapfile publishing some layers as WMS and WFS 2.0.

A second server implementation for Discover (issue 7, item 6). The mapfile names the
GeoPackages relative to itself and carries no port: MapServer builds its advertised URL
from the CGI variables the bridge passes. The MapServer 8 config file, which must hold
the mapfile's absolute path, is written by :func:`write_config` when a server starts.
"""

from __future__ import annotations

from pathlib import Path

from .datasets import LAYER_DATASETS
from .project import SERVICE, STYLES

# This service is read-only (MapServer has no WFS-T): its abstract must not promise editing.
MAPSERVER_ABSTRACT = ("Services de démonstration de l'infrastructure régionale de géodonnées "
                      "partagées d'Île-de-France : une partie des couches des partenaires, en "
                      "consultation seulement (WMS 1.3.0 et WFS 2.0), servie par MapServer.")

MAPFILE_NAME = "mapserver/sdi.map"
CONFIG_NAME = "mapserver/mapserver.conf"
MAPSERVER_TYPENAMES = [d.typename for d in LAYER_DATASETS if d.on_mapserver]
KINDS = {"MultiPolygon": "POLYGON", "LineString": "LINE", "Point": "POINT"}


def _quote(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _colour(rgba: str) -> str:
    return " ".join(rgba.split(",")[:3])


def _style(typename: str, geometry: str) -> list:
    fill, outline, size = STYLES[typename]
    if geometry == "MultiPolygon":
        return [f"OUTLINECOLOR {_colour(outline)}", f"WIDTH {size * 2}"]
    if geometry == "LineString":
        return [f"COLOR {_colour(outline)}", f"WIDTH {size * 3}"]
    return ["SYMBOL \"circle\"", f"SIZE {size * 4}", f"COLOR {_colour(fill)}",
            f"OUTLINECOLOR {_colour(outline)}"]


def mapfile_text(manifest: dict) -> str:
    xmin, ymin, xmax, ymax = manifest["extent_2154"]
    by_typename = {layer["typename"]: layer for layer in manifest["layers"]}
    datasets = {d.typename: d for d in LAYER_DATASETS}
    lines = [
        "MAP",
        '  NAME "geo_idf_mapserver"',
        "  STATUS ON",
        "  SIZE 800 600",
        f"  EXTENT {xmin} {ymin} {xmax} {ymax}",
        "  UNITS METERS",
        '  SHAPEPATH "../data"',
        "  IMAGECOLOR 255 255 255",
        '  PROJECTION "init=epsg:2154" END',
        '  SYMBOL NAME "circle" TYPE ELLIPSE FILLED TRUE POINTS 1 1 END END',
        "  OUTPUTFORMAT",
        '    NAME "png" DRIVER "AGG/PNG" MIMETYPE "image/png" IMAGEMODE RGBA EXTENSION "png" TRANSPARENT OFF',
        "  END",
        "  OUTPUTFORMAT",
        '    NAME "geojson" DRIVER "OGR/GEOJSON" MIMETYPE "application/json; subtype=geojson"',
        '    FORMATOPTION "STORAGE=memory" FORMATOPTION "FORM=simple"',
        "  END",
        "  WEB",
        "    METADATA",
        f'      "ows_title" {_quote(SERVICE["title"] + " - MapServer")}',
        f'      "ows_abstract" {_quote(MAPSERVER_ABSTRACT)}',
        f'      "ows_keywordlist" {_quote(",".join(SERVICE["keywords"]))}',
        '      "ows_srs" "EPSG:2154 EPSG:4326 EPSG:3857"',
        '      "ows_enable_request" "*"',
        f'      "ows_contactorganization" {_quote(SERVICE["organisation"])}',
        f'      "ows_contactperson" {_quote(SERVICE["person"])}',
        f'      "ows_contactposition" {_quote(SERVICE["position"])}',
        f'      "ows_contactelectronicmailaddress" {_quote(SERVICE["mail"])}',
        f'      "ows_contactvoicetelephone" {_quote(SERVICE["phone"])}',
        f'      "ows_fees" {_quote(SERVICE["fees"])}',
        '      "ows_accessconstraints" "Aucune (consultation)"',
        '      "wms_feature_info_mime_type" "application/vnd.ogc.gml"',
        '      "wfs_getfeature_formatlist" "geojson"',
        "    END",
        "  END",
    ]
    for typename in MAPSERVER_TYPENAMES:
        entry, dataset = by_typename[typename], datasets[typename]
        lines += [
            "  LAYER",
            f"    NAME {_quote(typename)}",
            f"    TYPE {KINDS[entry['geometry']]}",
            "    STATUS ON",
            "    CONNECTIONTYPE OGR",
            f"    CONNECTION {_quote(Path(entry['gpkg']).name)}",
            f"    DATA {_quote(typename)}",
            '    PROJECTION "init=epsg:2154" END',
            f"    EXTENT {' '.join(str(v) for v in entry['bbox_2154'])}",
            "    METADATA",
            f'      "ows_title" {_quote(dataset.title)}',
            f'      "ows_abstract" {_quote(dataset.abstract)}',
            f'      "ows_keywordlist" {_quote(",".join(dataset.keywords))}',
            '      "gml_include_items" "all"',
            # MapServer cannot use the OGR fid as gml:id; the natural key is unique too.
            f'      "gml_featureid" "{"code" if typename == "territoires_partenaires" else "identifiant"}"',
            '      "gml_types" "auto"',
            '      "gml_geometries" "geom"',
            f'      "gml_geom_type" "{KINDS[entry["geometry"]].lower()}"',
            "    END",
            "    CLASS",
            "      STYLE",
            *[f"        {line}" for line in _style(typename, entry["geometry"])],
            "      END",
            "    END",
            "  END",
        ]
    lines.append("END")
    return "\n".join(lines) + "\n"


def write_mapfile(demo_dir: Path, manifest: dict) -> Path:
    path = demo_dir / MAPFILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(mapfile_text(manifest), encoding="utf-8")
    return path


def write_config(demo_dir: Path) -> Path:
    """The MapServer 8 config file naming this demo's mapfile (absolute path, hence at start)."""
    mapfile = (demo_dir / MAPFILE_NAME).resolve()
    path = demo_dir / CONFIG_NAME
    path.write_text("\n".join([
        "CONFIG",
        "  ENV",
        f"    MS_MAPFILE {_quote(mapfile)}",
        # A request's MAP parameter may not name a file: only MS_MAPFILE is served.
        '    MS_MAP_NO_PATH "1"',
        "  END",
        "END",
        "",
    ]), encoding="utf-8")
    return path
