"""The demo GeoPackages (EPSG:2154), generated inside the real départements and communes of
GeoGov's own Île-de-France territory reference (resources/territories, IGN/INSEE).

Every feature comes from ``random.Random(SEED)``, so two builds give the same features
(only the metadata dates follow the build day). ``eclairage_public`` gets real table
constraints (NOT NULL UNIQUE identifiant, CHECK puissance_w > 0): OGR cannot declare a
CHECK, so that table is created by hand and registered in the GeoPackage tables, then
filled through OGR like the others.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import sqlite3
from pathlib import Path

from osgeo import gdal, ogr, osr

from .communes import COMMUNES, EST_ENSEMBLE, SCHOOLS, STREETS
from .datasets import DATASETS_BY_ID
from .partners import DEPARTEMENT_PARTNERS

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

SEED = 20261122
EPSG = 2154

DEPARTEMENT_NAMES = {
    "75": "Paris", "77": "Seine-et-Marne", "78": "Yvelines", "91": "Essonne",
    "92": "Hauts-de-Seine", "93": "Seine-Saint-Denis", "94": "Val-de-Marne", "95": "Val-d'Oise",
}

# How many features each layer gets (a few thousand in all, DEMO.md).
CYCLABLES_PER_DEPARTEMENT = 80
PAV_COUNT = 1000
ECLAIRAGE_COUNT = 1400
CAPTEURS_PER_DEPARTEMENT = 40
PESEES_COUNT = 600
UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"

S, INT, R, D, B = ogr.OFTString, ogr.OFTInteger, ogr.OFTReal, ogr.OFTDate, "boolean"

FIELDS = {
    "amenagements_cyclables": [("identifiant", S), ("type_amenagement", S), ("sens", S),
                               ("revetement", S), ("code_insee", S), ("departement", S),
                               ("date_mise_en_service", D), ("gestionnaire", S), ("longueur_m", R)],
    "points_apport_volontaire": [("identifiant", S), ("flux", S), ("adresse", S), ("code_insee", S),
                                 ("volume_l", INT), ("date_installation", D), ("accessible_pmr", B)],
    "eclairage_public": [("identifiant", S), ("type_lampe", S), ("puissance_w", INT), ("hauteur_m", R),
                         ("date_pose", D), ("code_insee", S), ("etat", S)],
    "capteurs_air_ecoles": [("identifiant", S), ("ecole", S), ("code_uai", S), ("polluants", S),
                            ("date_installation", D), ("code_insee", S), ("operateur", S)],
    "pesees_dechets_menages": [("identifiant", S), ("identifiant_foyer", S), ("adresse", S),
                               ("code_insee", S), ("date_pesee", D), ("poids_kg", R), ("flux", S)],
    "territoires_partenaires": [("code", S), ("nom", S), ("type", S), ("partenaire", S)],
}
GEOMETRY_TYPES = {"Point": ogr.wkbPoint, "LineString": ogr.wkbLineString,
                  "MultiPolygon": ogr.wkbMultiPolygon}

ECLAIRAGE_TABLE_SQL = """
CREATE TABLE "eclairage_public" (
  "fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  "geom" POINT,
  "identifiant" TEXT NOT NULL UNIQUE,
  "type_lampe" TEXT,
  "puissance_w" MEDIUMINT CONSTRAINT puissance_positive CHECK ("puissance_w" > 0),
  "hauteur_m" REAL,
  "date_pose" DATE,
  "code_insee" TEXT,
  "etat" TEXT
)"""


def lambert93() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def wgs84() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def reference():
    from geogov.plugin.territories.reference import load_reference

    return load_reference()


def departement_polygons() -> dict:
    """INSEE code -> OGR MultiPolygon in EPSG:2154: the union of the département's communes."""
    ref = reference()
    polygons = {}
    for code in DEPARTEMENT_NAMES:
        blob = ref.departement_geometry(code)
        if blob is None:
            raise RuntimeError(f"the territory reference lacks the département {code}")
        polygons[code] = ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(blob))
    return polygons


def grouping_polygon(siren: str) -> ogr.Geometry:
    """The union of an EPCI's or EPT's communes (EPSG:2154)."""
    ref = reference()
    parts = ogr.Geometry(ogr.wkbMultiPolygon)
    for code in ref.grouping(siren).communes:
        geometry = ogr.CreateGeometryFromWkb(ref.geometries[code])
        for i in range(geometry.GetGeometryCount()):
            parts.AddGeometry(geometry.GetGeometryRef(i))
    return parts.UnionCascaded()


class Generator:
    """Draws places and values from one seeded random source."""

    def __init__(self, polygons: dict, seed: int = SEED):
        self.random = random.Random(seed)
        self.polygons = dict(polygons)
        self.envelopes = {code: poly.GetEnvelope() for code, poly in polygons.items()}

    def add_area(self, name: str, polygon) -> None:
        self.polygons[name] = polygon
        self.envelopes[name] = polygon.GetEnvelope()

    def point_in(self, code: str) -> ogr.Geometry:
        xmin, xmax, ymin, ymax = self.envelopes[code]
        polygon = self.polygons[code]
        while True:
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(round(self.random.uniform(xmin, xmax), 2),
                              round(self.random.uniform(ymin, ymax), 2))
            if polygon.Contains(point):
                return point

    def line_in(self, code: str) -> ogr.Geometry:
        """A 3-6 vertex polyline wandering like a street, wholly inside the département."""
        polygon = self.polygons[code]
        while True:
            start = self.point_in(code)
            x, y = start.GetX(), start.GetY()
            heading = self.random.uniform(0, 2 * math.pi)
            line = ogr.Geometry(ogr.wkbLineString)
            line.AddPoint_2D(x, y)
            for _ in range(self.random.randint(2, 5)):
                heading += self.random.uniform(-0.6, 0.6)
                step = self.random.uniform(80, 600)
                x, y = round(x + step * math.cos(heading), 2), round(y + step * math.sin(heading), 2)
                line.AddPoint_2D(x, y)
            if polygon.Contains(line):
                return line

    def date_between(self, first: dt.date, last: dt.date) -> dt.date:
        return first + dt.timedelta(days=self.random.randint(0, (last - first).days))

    def commune(self, code: str) -> tuple:
        return self.random.choice(COMMUNES[code])

    def address(self, commune_name: str) -> str:
        return f"{self.random.randint(1, 180)} {self.random.choice(STREETS)}, {commune_name}"

    def choice(self, values):
        return self.random.choice(values)


def _cyclables(gen: Generator):
    kinds = ["piste cyclable", "bande cyclable", "voie verte", "couloir bus-vélo", "double sens cyclable"]
    surfaces = ["enrobé", "béton", "stabilisé", "pavés"]
    for code in sorted(DEPARTEMENT_NAMES):
        gestionnaire = DEPARTEMENT_PARTNERS[code]
        for n in range(1, CYCLABLES_PER_DEPARTEMENT + 1):
            line = gen.line_in(code)
            insee, _ = gen.commune(code)
            yield line, {
                "identifiant": f"CYC-{code}-{n:05d}",
                "type_amenagement": gen.choice(kinds),
                "sens": gen.choice(["unidirectionnel", "bidirectionnel"]),
                "revetement": gen.choice(surfaces),
                "code_insee": insee, "departement": code,
                "date_mise_en_service": gen.date_between(dt.date(2005, 1, 1), dt.date(2026, 6, 30)),
                "gestionnaire": gestionnaire,
                "longueur_m": round(line.Length(), 1),
            }


def _apport_volontaire(gen: Generator):
    flux_volumes = {"verre": [3000, 4000], "emballages": [3000, 4000, 5000], "papiers": [3000, 4000],
                    "textiles": [2500], "biodéchets": [400, 660]}
    codes = ["75", "92", "93", "94", "95"]
    for n in range(1, PAV_COUNT + 1):
        code = gen.choice(codes)
        insee, name = gen.commune(code)
        flux = gen.choice(sorted(flux_volumes))
        yield gen.point_in(code), {
            "identifiant": f"PAV-{code}-{n:06d}", "flux": flux, "adresse": gen.address(name),
            "code_insee": insee, "volume_l": gen.choice(flux_volumes[flux]),
            "date_installation": gen.date_between(dt.date(2012, 1, 1), dt.date(2026, 9, 30)),
            "accessible_pmr": gen.random.random() < 0.7,
        }


def _eclairage(gen: Generator):
    lamps = {"LED": [30, 40, 60, 90], "sodium haute pression": [70, 100, 150, 250],
             "iodures métalliques": [70, 100, 150]}
    codes = ["77", "78", "91", "92", "93", "94", "95"]
    for n in range(1, ECLAIRAGE_COUNT + 1):
        code = gen.choice(codes)
        insee, _ = gen.commune(code)
        lamp = gen.choice(sorted(lamps))
        state = gen.random.random()
        yield gen.point_in(code), {
            "identifiant": f"EP-{code}-{n:06d}", "type_lampe": lamp,
            "puissance_w": gen.choice(lamps[lamp]), "hauteur_m": gen.choice([4.0, 6.0, 8.0, 10.0, 12.0]),
            "date_pose": gen.date_between(dt.date(1995, 1, 1), dt.date(2026, 5, 31)),
            "code_insee": insee,
            "etat": "en service" if state < 0.92 else ("en panne" if state < 0.98 else "déposé"),
        }


def _capteurs(gen: Generator):
    pollutants = ["NO2, PM10, PM2,5", "NO2, PM2,5, CO2", "PM10, PM2,5, CO2", "CO2"]
    operators = ["Airparif", "Lumière Île-de-France SAS", "Région Île-de-France"]
    n = 0
    for code in sorted(DEPARTEMENT_NAMES):
        for _ in range(CAPTEURS_PER_DEPARTEMENT):
            n += 1
            insee, name = gen.commune(code)
            school = gen.choice(SCHOOLS)
            yield gen.point_in(code), {
                "identifiant": f"AIR-{n:04d}", "ecole": f"{school} ({name})",
                "code_uai": f"0{code}{gen.random.randint(0, 9999):04d}{gen.choice(UAI_LETTERS)}",
                "polluants": gen.choice(pollutants),
                "date_installation": gen.date_between(dt.date(2021, 9, 1), dt.date(2026, 9, 1)),
                "code_insee": insee, "operateur": gen.choice(operators),
            }


def _pesees(gen: Generator):
    households = [(insee, name, k) for insee, name in EST_ENSEMBLE for k in range(1, 41)]
    gen.add_area("est-ensemble", grouping_polygon("200057875"))
    for number in range(1, PESEES_COUNT + 1):
        insee, name, k = gen.choice(households)
        yield gen.point_in("est-ensemble"), {
            "identifiant": f"PES-{number:06d}",
            "identifiant_foyer": f"FOY-{insee}-{k:05d}", "adresse": gen.address(name),
            "code_insee": insee,
            "date_pesee": gen.date_between(dt.date(2026, 1, 5), dt.date(2026, 11, 13)),
            "poids_kg": round(gen.random.uniform(2.0, 38.0), 1),
            "flux": gen.choice(["ordures ménagères résiduelles", "emballages", "biodéchets"]),
        }


def _territoires(gen: Generator):
    union = None
    for code in sorted(DEPARTEMENT_NAMES):
        polygon = gen.polygons[code]
        union = polygon.Clone() if union is None else union.Union(polygon)
        yield polygon.Clone(), {"code": code, "nom": DEPARTEMENT_NAMES[code], "type": "département",
                                "partenaire": DEPARTEMENT_PARTNERS[code]}
    yield ogr.ForceToMultiPolygon(union), {"code": "11", "nom": "Île-de-France", "type": "région",
                                           "partenaire": "region-idf"}


FEATURES = {
    "amenagements_cyclables": _cyclables, "points_apport_volontaire": _apport_volontaire,
    "eclairage_public": _eclairage, "capteurs_air_ecoles": _capteurs,
    "pesees_dechets_menages": _pesees, "territoires_partenaires": _territoires,
}


def _field_definition(name, kind):
    if kind == B:
        definition = ogr.FieldDefn(name, ogr.OFTInteger)
        definition.SetSubType(ogr.OFSTBoolean)
    else:
        definition = ogr.FieldDefn(name, kind)
    return definition


def _create_layer(path: Path, typename: str, dataset, spatial_index: bool):
    driver = ogr.GetDriverByName("GPKG")
    source = driver.CreateDataSource(str(path))
    options = ["FID=fid", "GEOMETRY_NAME=geom", f"SPATIAL_INDEX={'YES' if spatial_index else 'NO'}",
               f"IDENTIFIER={dataset.title}", f"DESCRIPTION={dataset.abstract}"]
    layer = source.CreateLayer(typename, lambert93(), GEOMETRY_TYPES[dataset.geometry], options)
    for name, kind in FIELDS[typename]:
        definition = _field_definition(name, kind)
        if typename == "amenagements_cyclables" and name == "identifiant":
            definition.SetUnique(True)
        layer.CreateField(definition)
    return source


def _constrain_eclairage(path: Path) -> None:
    """Swap OGR's (empty) table for one carrying the constraints of DEMO.md."""
    with sqlite3.connect(path) as db:
        db.execute('DROP TABLE "eclairage_public"')
        db.execute(ECLAIRAGE_TABLE_SQL)
        # OGR keeps a feature count updated by triggers that went with the old table:
        # without the row it counts with SELECT COUNT(*), which stays right.
        db.execute("DELETE FROM gpkg_ogr_contents WHERE table_name = 'eclairage_public'")
    db.close()


def _fill(source, typename: str, rows) -> int:
    layer = source.GetLayerByName(typename)
    definition = layer.GetLayerDefn()
    count = 0
    layer.StartTransaction()
    for geometry, values in rows:
        feature = ogr.Feature(definition)
        for name, value in values.items():
            if isinstance(value, dt.date):
                feature.SetField(name, value.year, value.month, value.day, 0, 0, 0, 0)
            elif isinstance(value, bool):
                feature.SetField(name, int(value))
            else:
                feature.SetField(name, value)
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
        count += 1
    layer.CommitTransaction()
    return count


def _bbox_4326(extent_2154) -> list:
    xmin, xmax, ymin, ymax = extent_2154
    to_wgs84 = osr.CoordinateTransformation(lambert93(), wgs84())
    corners = [to_wgs84.TransformPoint(x, y)[:2] for x in (xmin, xmax) for y in (ymin, ymax)]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return [round(min(xs), 5), round(min(ys), 5), round(max(xs), 5), round(max(ys), 5)]


def write_geopackages(data_dir: Path) -> list:
    """Write one GeoPackage per layer into ``data_dir``; return the layer manifest entries."""
    data_dir.mkdir(parents=True, exist_ok=True)
    gen = Generator(departement_polygons())
    layers = []
    for dataset in (d for d in DATASETS_BY_ID.values() if d.typename):
        typename = dataset.typename
        path = data_dir / f"{typename}.gpkg"
        for stale in data_dir.glob(f"{typename}.gpkg*"):
            stale.unlink()
        constrained = typename == "eclairage_public"
        source = _create_layer(path, typename, dataset, spatial_index=not constrained)
        if constrained:
            source = None  # close before sqlite3 rewrites the table
            _constrain_eclairage(path)
            source = ogr.Open(str(path), update=1)
        count = _fill(source, typename, FEATURES[typename](gen))
        if constrained:
            source.ExecuteSQL(f"SELECT CreateSpatialIndex('{typename}', 'geom')")
        layer = source.GetLayerByName(typename)
        extent = layer.GetExtent()
        source = None
        layers.append({
            "dataset": dataset.id, "typename": typename, "title": dataset.title,
            "gpkg": f"data/{typename}.gpkg", "geometry": dataset.geometry, "count": count,
            "fields": [name for name, _ in FIELDS[typename]],
            "bbox_2154": [round(v, 2) for v in (extent[0], extent[2], extent[1], extent[3])],
            "bbox_4326": _bbox_4326(extent),
        })
    return layers
