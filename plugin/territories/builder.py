"""Build a territory reference GeoPackage from open data (IGN/INSEE shapes, DGCL/INSEE tables).

    python -m geogov.plugin.territories.builder ile-de-france ../shared/data/idf \
        resources/territories/ile-de-france.gpkg
    python -m geogov.plugin.territories.builder hauts-de-france ../shared/data/hdf /tmp/hauts-de-france.gpkg

Inputs (see ../shared/data/PROVENANCE.md): the region's communes as GeoJSON (france-geojson,
IGN ADMIN EXPRESS COG 2018 shapes, EPSG:4326), the DGCL/BANATIC composition of the EPCI à
fiscalité propre 2025 and, for Île-de-France, the INSEE composition of the EPT 2025.

The shapes are of 2018 and the groupings of 2025: the communes merged since (communes
nouvelles) are dissolved into their 2025 successor (:data:`SUCCESSORS`, from INSEE's
``mouvements-communes`` as PROVENANCE.md lists them). The output is in Lambert-93
(EPSG:2154, metres), with three layers: ``communes`` (code, nom, departement, epci, ept),
``groupements`` (siren, nom, nature) and ``reference_info`` (key, value), in rollback-journal
mode so that a read-only plugin folder can open it.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import sys
from pathlib import Path

from .geometry import quiet_gdal

TARGET_EPSG = 2154
NO_EPT = "ZZZZZZZZZ"          # INSEE's "in no EPT" (Paris included)

# 2018 commune code -> its 2025 successor (INSEE mouvements-communes, changes dated after
# 2018-01-01 up to 2025-01-01; PROVENANCE.md lists them and the one case set by hand).
SUCCESSORS = {
    "ile-de-france": {
        "77028": "77433", "77149": "77109", "77399": "77504", "78251": "78551", "78503": "78320",
        "78524": "78158", "91182": "91228", "91222": "91390", "93059": "93066", "95282": "95169",
    },
    "hauts-de-france": {
        "02077": "02564", "02301": "02018", "02311": "02589", "02434": "02018", "02475": "02360",
        "02695": "02054", "02733": "02153", "59070": "59006", "60038": "60256", "60080": "60209",
        "60096": "60245", "60300": "60209", "60455": "60694", "60475": "60682", "62210": "62154",
        "62461": "62447", "62549": "62447", "62743": "62447", "80175": "80505", "80209": "80625",
        "80389": "80442", "80419": "80625", "80551": "80509", "80594": "80485", "80761": "80485",
        "80830": "80155",
    },
}

REGIONS = {
    "ile-de-france": {"name": "Île-de-France", "code": "11", "suffix": "idf"},
    "hauts-de-france": {"name": "Hauts-de-France", "code": "32", "suffix": "hdf"},
}

CREDIT = ("Communes : IGN ADMIN EXPRESS COG 2018 (via france-geojson), noms et codes INSEE COG ; "
          "EPCI : DGCL/BANATIC 2025 ; EPT : INSEE COG 2025. Licence Ouverte / Open Licence 2.0 (Etalab).")


def _rows(path: Path) -> list:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def build(region: str, source_dir, out_path, *, simplify: float = 0.0) -> dict:
    """Write the reference GeoPackage; returns counts and sizes. ``simplify``: metres of
    topology-preserving simplification (0 keeps the source's vertices)."""
    from osgeo import gdal, ogr, osr

    if region not in REGIONS:
        raise ValueError(f"unknown region {region!r}: {', '.join(REGIONS)}")
    meta = REGIONS[region]
    source_dir = Path(source_dir)
    suffix = meta["suffix"]
    epci_rows = _rows(source_dir / f"decoupage-administratif__epci-composition-2025-{suffix}.csv")
    ept_path = source_dir / f"decoupage-administratif__ept-composition-2025-{suffix}.csv"
    ept_of = {r["CODGEO"]: r for r in _rows(ept_path)} if ept_path.exists() else {}
    members = {r["insee_commune"]: r for r in epci_rows}
    successors = SUCCESSORS[region]

    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lambert = osr.SpatialReference()
    lambert.ImportFromEPSG(TARGET_EPSG)
    lambert.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_lambert = osr.CoordinateTransformation(wgs84, lambert)

    shapes = {}
    with quiet_gdal():
        source = ogr.Open(str(source_dir / f"france-geojson__communes-{suffix}.geojson"))
        for feature in source.GetLayer(0):
            old = str(feature.GetField("code"))
            code = successors.get(old, old)
            geometry = feature.GetGeometryRef().Clone()
            geometry.Transform(to_lambert)
            shapes.setdefault(code, []).append(geometry)
    missing = sorted(set(members) - set(shapes))
    extra = sorted(set(shapes) - set(members))
    if missing or extra:
        raise ValueError(f"shapes and tables disagree: no shape for {missing[:5]}, "
                         f"no table row for {extra[:5]}")

    if os.path.exists(out_path):
        os.remove(out_path)
    driver = ogr.GetDriverByName("GPKG")
    with quiet_gdal():
        out = driver.CreateDataSource(str(out_path))
        layer = out.CreateLayer("communes", lambert, ogr.wkbMultiPolygon,
                                options=["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=NO",
                                         "DESCRIPTION=Communes (code INSEE, département, EPCI, EPT)"])
        for name, width in (("code", 5), ("nom", 80), ("departement", 3), ("epci", 9), ("ept", 9)):
            definition = ogr.FieldDefn(name, ogr.OFTString)
            definition.SetWidth(width)
            layer.CreateField(definition)
        groupings = {}
        vertices = 0
        layer.StartTransaction()
        for code in sorted(shapes):
            parts = shapes[code]
            geometry = parts[0]
            for other in parts[1:]:
                geometry = geometry.Union(other)
            if simplify > 0:
                geometry = geometry.SimplifyPreserveTopology(simplify)
            geometry = ogr.ForceToMultiPolygon(geometry)
            if not geometry.IsValid():
                geometry = geometry.MakeValid()
            vertices += _vertices(geometry)
            row = members[code]
            ept_row = ept_of.get(code)
            ept = "" if ept_row is None or ept_row["EPT"] == NO_EPT else ept_row["EPT"]
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("code", code)
            feature.SetField("nom", row["nom_commune"])
            feature.SetField("departement", row["dep_commune"])
            feature.SetField("epci", row["siren_epci"])
            feature.SetField("ept", ept)
            feature.SetGeometry(geometry)
            layer.CreateFeature(feature)
            groupings.setdefault(row["siren_epci"], (row["raison_sociale_epci"], row["nature_juridique"]))
            if ept:
                groupings.setdefault(ept, (ept_row["LIBEPT"], "EPT"))
        layer.CommitTransaction()
        table = out.CreateLayer("groupements", None, ogr.wkbNone,
                                options=["FID=fid", "DESCRIPTION=EPCI à fiscalité propre et EPT"])
        for name in ("siren", "nom", "nature"):
            table.CreateField(ogr.FieldDefn(name, ogr.OFTString))
        for siren in sorted(groupings):
            feature = ogr.Feature(table.GetLayerDefn())
            feature.SetField("siren", siren)
            feature.SetField("nom", groupings[siren][0])
            feature.SetField("nature", groupings[siren][1])
            table.CreateFeature(feature)
        info = out.CreateLayer("reference_info", None, ogr.wkbNone, options=["FID=fid"])
        info.CreateField(ogr.FieldDefn("key", ogr.OFTString))
        info.CreateField(ogr.FieldDefn("value", ogr.OFTString))
        for key, value in (("name", meta["name"]), ("region", meta["code"]), ("cog", "2025"),
                           ("shapes", "IGN ADMIN EXPRESS COG 2018, simplifiées (france-geojson)"),
                           ("licence", "Licence Ouverte / Open Licence 2.0 (Etalab)"), ("credit", CREDIT),
                           ("simplification_m", f"{simplify:g}"),
                           ("built", dt.date.today().isoformat())):
            feature = ogr.Feature(info.GetLayerDefn())
            feature.SetField("key", key)
            feature.SetField("value", value)
            info.CreateFeature(feature)
        out = None
    # A file read from the plugin folder must not need -wal/-shm files beside it.
    opened = gdal.OpenEx(str(out_path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    opened.ExecuteSQL("PRAGMA journal_mode = DELETE")
    opened.ExecuteSQL("VACUUM")
    opened = None
    return {"communes": len(shapes), "groupings": len(groupings), "vertices": vertices,
            "bytes": os.path.getsize(out_path)}


def _vertices(geometry) -> int:
    if geometry.GetGeometryCount() == 0:
        return geometry.GetPointCount()
    return sum(_vertices(geometry.GetGeometryRef(i)) for i in range(geometry.GetGeometryCount()))


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) not in (3, 4):
        print("usage: python -m geogov.plugin.territories.builder REGION SOURCE_DIR OUT.gpkg "
              "[SIMPLIFY_METRES]", file=sys.stderr)
        return 2
    result = build(argv[0], argv[1], argv[2], simplify=float(argv[3]) if len(argv) == 4 else 0.0)
    print(", ".join(f"{k} {v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
