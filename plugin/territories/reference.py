"""The territory reference: the communes of a region with their geometry and groupings.

Every territory a convention names — a partner's territory of competence, the area a
steward validates — is a set of communes of this reference (a partner may add an extra
geometry, see :mod:`.areas`). Communes are known by their INSEE code; a commune belongs
to one département (its code says which, COG rule), to at most one EPCI à fiscalité
propre (SIREN) and, inside the Métropole du Grand Paris, to one établissement public
territorial (EPT, SIREN). EPCI, EPT, département and région territories are unions of
communes, so one geometry per commune is all the reference holds.

A reference is an OGR source (GeoPackage, GeoJSON…) with one polygon layer of communes.
The one GeoGov ships (``geogov:ile-de-france``, resources/territories/) is a GeoPackage
made by :mod:`.builder` from the open data of IGN, INSEE and DGCL, with three layers:
``communes`` (code, nom, departement, epci, ept), ``groupements`` (siren, nom, nature) and
``reference_info`` (key, value: name, licence, credit…). A convention may name its own
file with the names of its fields (:class:`ReferenceSpec`), e.g. IGN's ADMIN EXPRESS
(``insee_com``, ``nom``, ``insee_dep``, ``siren_epci``).

Everything wrong with a file is refused as a whole with a :class:`~..errors.TerritoryError`
whose code and params name the problem (missing, unreadable, no such layer or field, no
CRS, another CRS than the convention says, an invalid, empty or duplicate commune, two
communes that overlap): a reference is never half-loaded.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..errors import TerritoryError

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "territories"
# References shipped with GeoGov: name -> file in resources/territories.
SHIPPED = {"geogov:ile-de-france": "ile-de-france.gpkg"}
DEFAULT_REFERENCE = "geogov:ile-de-france"

# The layers and fields of a reference made by builder.py.
COMMUNES_LAYER, GROUPINGS_LAYER, INFO_LAYER = "communes", "groupements", "reference_info"

# Two communes whose intersection is larger than this share of the smaller one overlap
# (a shared border is a line: its area is 0; slivers from coordinate rounding stay far
# below this).
OVERLAP_SHARE = 1e-4
MAX_LISTED = 5        # codes named in one message


def national_departements() -> tuple:
    """The 101 INSEE département codes (01–95 without 20, 2A, 2B, 971–974, 976)."""
    mainland = [f"{n:02d}" for n in range(1, 96) if n != 20]
    return tuple(sorted(mainland + ["2A", "2B"])) + ("971", "972", "973", "974", "976")


def departement_of_commune(commune: str) -> str:
    """The département code of an INSEE commune code (COG rule: 97x overseas, else 2 chars)."""
    commune = str(commune)
    return commune[:3] if commune.startswith("97") else commune[:2]


@dataclass(frozen=True)
class Commune:
    code: str                   # INSEE code
    name: str
    departement: str
    epci: str = ""              # SIREN of its EPCI à fiscalité propre, "" when unknown
    ept: str = ""               # SIREN of its EPT, "" outside the 11 EPT of the MGP


@dataclass
class Grouping:
    siren: str
    name: str
    nature: str                                     # METRO, CU, CA, CC, EPT…
    communes: list = field(default_factory=list)   # INSEE codes, sorted


@dataclass(frozen=True)
class ReferenceSpec:
    """Where a convention's reference is and how its fields are named.

    ``source``: a shipped name (``geogov:ile-de-france``), or a file path (relative paths
    are resolved against the convention's folder by the loader). ``crs``: when given, the
    file must be in this CRS. ``tolerance``: metres a proposer's change may lie outside its
    territory (the reference's borders are generalised; see resources/territories).
    """

    source: str = DEFAULT_REFERENCE
    layer: str = ""
    code_field: str = "code"
    name_field: str = "nom"
    departement_field: str = "departement"
    epci_field: str = "epci"
    ept_field: str = "ept"
    crs: str = ""
    tolerance: float = 0.0

    @property
    def shipped(self) -> bool:
        return self.source in SHIPPED

    def path(self) -> str:
        return str(RESOURCES / SHIPPED[self.source]) if self.shipped else self.source


class TerritoryReference:
    """The communes of one reference, read once; thread-safe after loading."""

    def __init__(self, spec: ReferenceSpec, path: str, crs_wkt: str, communes: dict,
                 geometries: dict, groupings: dict, info: Optional[dict] = None):
        self.spec = spec
        self.path = path
        self.crs_wkt = crs_wkt
        self.communes = communes            # code -> Commune, sorted by code
        self.geometries = geometries        # code -> ISO WKB in the reference CRS
        self.groupings = groupings          # siren -> Grouping
        self.info = dict(info or {})
        self.departements = frozenset(national_departements())
        self._by_departement = {}
        for commune in communes.values():
            self._by_departement.setdefault(commune.departement, []).append(commune.code)
        self._lock = threading.Lock()
        self._index = None                  # CommuneIndex, built on first use
        self._areas = OrderedDict()         # (codes, extra, tolerance, crs) -> ogr.Geometry

    # ------------------------------------------------------------------ codes
    @property
    def name(self) -> str:
        return self.info.get("name") or os.path.basename(self.path)

    @property
    def tolerance(self) -> float:
        return self.spec.tolerance

    def commune(self, code: str) -> Optional[Commune]:
        return self.communes.get(code)

    def grouping(self, siren: str) -> Optional[Grouping]:
        return self.groupings.get(siren)

    def covers_departement(self, code: str) -> bool:
        return code in self._by_departement

    def departement_communes(self, code: str) -> list:
        return list(self._by_departement.get(code, ()))

    def covered_departements(self) -> list:
        return sorted(self._by_departement)

    def departements_of(self, codes) -> list:
        """Sorted département codes of these communes."""
        return sorted({self.communes[c].departement if c in self.communes else departement_of_commune(c)
                       for c in codes})

    # ------------------------------------------------------------------ geometry
    def departement_geometry(self, code: str) -> Optional[bytes]:
        """ISO WKB (reference CRS) of the union of a département's communes; None if none."""
        def build():
            from osgeo import ogr

            from .geometry import quiet_gdal

            parts = ogr.Geometry(ogr.wkbMultiPolygon)
            with quiet_gdal():
                for commune in self.departement_communes(code):
                    geometry = ogr.CreateGeometryFromWkb(self.geometries[commune])
                    for i in range(geometry.GetGeometryCount()):
                        parts.AddGeometry(geometry.GetGeometryRef(i))
                if parts.GetGeometryCount() == 0:
                    return b""
                return bytes(parts.UnionCascaded().ExportToIsoWkb())

        blob = self.cached_area(("departement", code), build)
        return blob or None

    def index(self):
        """The :class:`~.index.CommuneIndex` of the communes, built once."""
        from .index import CommuneIndex

        with self._lock:
            if self._index is None:
                self._index = CommuneIndex.build(self)
            return self._index

    def cached_area(self, key, build):
        with self._lock:
            found = self._areas.get(key)
            if found is not None:
                self._areas.move_to_end(key)
                return found
        area = build()
        with self._lock:
            self._areas[key] = area
            while len(self._areas) > 16:
                self._areas.popitem(last=False)
        return area


# ---------------------------------------------------------------------------- reading
_CACHE = OrderedDict()
_CACHE_LOCK = threading.Lock()


def load_reference(spec: Optional[ReferenceSpec] = None) -> TerritoryReference:
    """The reference of ``spec`` (default: the shipped Île-de-France one), read once per
    process and file version; TerritoryError when it cannot be used."""
    spec = spec or ReferenceSpec()
    path = spec.path()
    try:
        stat = os.stat(path)
    except OSError:
        raise TerritoryError(f"The territory reference {path} does not exist",
                             code="territory.not_found", file=path) from None
    key = (spec, os.path.abspath(path), stat.st_mtime_ns, stat.st_size)
    with _CACHE_LOCK:
        found = _CACHE.get(key)
        if found is not None:
            return found
    reference = read_reference(spec, path, check_overlaps=not spec.shipped)
    with _CACHE_LOCK:
        _CACHE[key] = reference
        while len(_CACHE) > 4:
            _CACHE.popitem(last=False)
    return reference


def read_reference(spec: ReferenceSpec, path: str, check_overlaps: bool = True) -> TerritoryReference:
    """Read and check the file at ``path`` (no cache). The shipped references are checked
    for overlaps when they are built (tests/unit/test_territory_reference.py)."""
    from osgeo import gdal, ogr, osr

    from ..xmlsafe import MAX_DEPTH
    from .geometry import file_json_nesting, quiet_gdal

    if not os.path.isfile(path):
        raise TerritoryError(f"The territory reference {path} does not exist",
                             code="territory.not_found", file=path)
    depth = file_json_nesting(path)
    if depth > MAX_DEPTH:
        raise TerritoryError(f"The territory reference {path} nests {depth} levels deep; at "
                             f"most {MAX_DEPTH} are read", code="territory.too_deep", file=path,
                             depth=depth, limit=MAX_DEPTH)
    with quiet_gdal() as messages:
        try:
            source = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
        except RuntimeError:
            source = None
    if source is None:
        raise TerritoryError(f"The territory reference {path} cannot be read: "
                             f"{messages[-1] if messages else 'not a vector file'}",
                             code="territory.unreadable", file=path,
                             reason=messages[-1] if messages else "")
    layer = _communes_layer(source, spec, path)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    lower = {n.lower(): n for n in names}

    def field_of(wanted: str, required: bool) -> Optional[str]:
        if not wanted:
            return None
        found = lower.get(wanted.lower())
        if found is None and required:
            raise TerritoryError(f"The territory reference {path} has no field {wanted}",
                                 code="territory.no_field", file=path, field=wanted,
                                 fields=", ".join(names))
        return found

    code_field = field_of(spec.code_field, True)
    name_field = field_of(spec.name_field, False)
    dep_field = field_of(spec.departement_field, False)
    epci_field = field_of(spec.epci_field, False)
    ept_field = field_of(spec.ept_field, False)

    srs = layer.GetSpatialRef()
    if not defined_crs(srs):
        raise TerritoryError(f"The territory reference {path} has no coordinate reference system",
                             code="territory.no_crs", file=path)
    if spec.crs:
        from ..proposals.srs import spatial_reference

        wanted = spatial_reference(spec.crs)
        if wanted is None or not srs.IsSame(wanted):
            raise TerritoryError(f"The territory reference {path} is in {_crs_name(srs)}, "
                                 f"not in {spec.crs} as the convention says",
                                 code="territory.wrong_crs", file=path, crs=_crs_name(srs),
                                 expected=spec.crs)
    srs = srs.Clone()
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)

    communes, geometries, problems = {}, {}, {"invalid": [], "empty": [], "duplicate": [], "code": []}
    layer.ResetReading()
    with quiet_gdal() as messages:
        for feature in layer:
            code = _code(feature, code_field)
            if not code:
                problems["code"].append(str(feature.GetFID()))
                continue
            if code in communes:
                problems["duplicate"].append(code)
                continue
            geometry = feature.GetGeometryRef()
            if geometry is None or geometry.IsEmpty() or \
                    ogr.GT_Flatten(geometry.GetGeometryType()) not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
                problems["empty"].append(code)
                continue
            if not geometry.IsValid():
                problems["invalid"].append((code, messages[-1] if messages else ""))
                continue
            geometry = geometry.Clone()
            geometry.FlattenTo2D()
            communes[code] = Commune(
                code=code,
                name=_text(feature, name_field) or code,
                departement=_text(feature, dep_field, width=2) or departement_of_commune(code),
                epci=_text(feature, epci_field, width=9), ept=_text(feature, ept_field, width=9))
            geometries[code] = bytes(geometry.ExportToIsoWkb())
    _refuse(problems, path)
    if not communes:
        raise TerritoryError(f"The territory reference {path} holds no commune",
                             code="territory.empty", file=path)
    if check_overlaps:
        _check_overlaps(geometries, path)
    groupings = _groupings(source, communes)
    info = _info(source)
    source = None
    ordered = dict(sorted(communes.items()))
    return TerritoryReference(spec, path, srs.ExportToWkt(), ordered, geometries, groupings, info)


def _communes_layer(source, spec: ReferenceSpec, path: str):
    names = [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())]
    wanted = spec.layer or (COMMUNES_LAYER if COMMUNES_LAYER in names else "")
    if wanted:
        layer = source.GetLayerByName(wanted)
        if layer is None:
            raise TerritoryError(f"The territory reference {path} has no layer {wanted}",
                                 code="territory.no_layer", file=path, layer=wanted,
                                 layers=", ".join(names))
        return layer
    spatial = [source.GetLayer(i) for i in range(source.GetLayerCount())
               if source.GetLayer(i).GetGeomType() != 0]
    if len(spatial) != 1:
        raise TerritoryError(f"The territory reference {path} has {len(spatial)} geometry layers: "
                             "the convention must say which one holds the communes",
                             code="territory.no_layer", file=path, layer="", layers=", ".join(names))
    return spatial[0]


def _code(feature, field_name) -> str:
    index = feature.GetFieldIndex(field_name)
    if index < 0 or not feature.IsFieldSetAndNotNull(index):
        return ""
    value = feature.GetField(index)
    if isinstance(value, int):
        # A numeric INSEE code column lost its leading zero (01001 -> 1001).
        return f"{value:05d}"
    return str(value).strip()


def _text(feature, field_name, width: int = 0) -> str:
    """The field's text; an integer column is zero-padded to ``width`` (a département
    code 2 read as a number is "02")."""
    if not field_name:
        return ""
    index = feature.GetFieldIndex(field_name)
    if index < 0 or not feature.IsFieldSetAndNotNull(index):
        return ""
    value = feature.GetField(index)
    if isinstance(value, int):
        return f"{value:0{width}d}" if width else str(value)
    return str(value).strip()


def defined_crs(srs) -> bool:
    """Whether a layer says its CRS: GeoPackage's "Undefined geographic/Cartesian SRS"
    (srs_id 0 and -1) and local CRSs say nothing usable."""
    if srs is None or srs.IsLocal():
        return False
    return not (srs.GetName() or "").lower().startswith("undefined")


def _crs_name(srs) -> str:
    name = srs.GetAuthorityName(None)
    code = srs.GetAuthorityCode(None)
    return f"{name}:{code}" if name and code else (srs.GetName() or "?")


def _refuse(problems: dict, path: str) -> None:
    if problems["code"]:
        raise TerritoryError(f"The territory reference {path} has communes without a code",
                             code="territory.no_code", file=path,
                             features=", ".join(problems["code"][:MAX_LISTED]),
                             count=len(problems["code"]))
    if problems["duplicate"]:
        raise TerritoryError(f"The territory reference {path} has the code(s) "
                             f"{', '.join(problems['duplicate'][:MAX_LISTED])} twice",
                             code="territory.duplicate", file=path,
                             codes=", ".join(problems["duplicate"][:MAX_LISTED]),
                             count=len(problems["duplicate"]))
    if problems["empty"]:
        raise TerritoryError(f"The territory reference {path} has communes without a polygon: "
                             f"{', '.join(problems['empty'][:MAX_LISTED])}",
                             code="territory.no_geometry", file=path,
                             codes=", ".join(problems["empty"][:MAX_LISTED]),
                             count=len(problems["empty"]))
    if problems["invalid"]:
        first_code, reason = problems["invalid"][0]
        raise TerritoryError(f"The territory reference {path} has invalid geometries: "
                             f"{', '.join(c for c, _ in problems['invalid'][:MAX_LISTED])} ({reason})",
                             code="territory.invalid_geometry", file=path,
                             codes=", ".join(c for c, _ in problems["invalid"][:MAX_LISTED]),
                             count=len(problems["invalid"]), reason=reason)


def _check_overlaps(geometries: dict, path: str) -> None:
    """TerritoryError when two communes overlap (more than a shared border)."""
    from osgeo import ogr

    from .geometry import quiet_gdal, surface_area

    items = []
    with quiet_gdal():
        for code, blob in geometries.items():
            geometry = ogr.CreateGeometryFromWkb(blob)
            items.append((code, geometry, geometry.GetEnvelope(), geometry.GetArea()))
        items.sort(key=lambda item: item[2][0])
        overlaps = []
        # Sweep along x: only communes whose x ranges meet can overlap.
        for i, (code, geometry, (_minx, maxx, miny, maxy), area) in enumerate(items):
            for other, other_geometry, (ominx, _omaxx, ominy, omaxy), other_area in items[i + 1:]:
                if ominx > maxx:
                    break
                if omaxy < miny or ominy > maxy:
                    continue
                if not geometry.Intersects(other_geometry):
                    continue
                shared = geometry.Intersection(other_geometry)
                if shared is not None and surface_area(shared) > OVERLAP_SHARE * min(area, other_area):
                    overlaps.append(f"{code}/{other}")
                    if len(overlaps) >= MAX_LISTED:
                        break
            if len(overlaps) >= MAX_LISTED:
                break
    if overlaps:
        raise TerritoryError(f"Communes of the territory reference {path} overlap: {', '.join(overlaps)}",
                             code="territory.overlap", file=path, pairs=", ".join(overlaps))


def _groupings(source, communes: dict) -> dict:
    """EPCI/EPT of the communes: names from the ``groupements`` layer when the file has
    one, else the SIREN for a name."""
    names = {}
    layer = source.GetLayerByName(GROUPINGS_LAYER)
    if layer is not None:
        for feature in layer:
            siren = str(feature.GetField("siren") or "").strip()
            if siren:
                names[siren] = (str(feature.GetField("nom") or siren), str(feature.GetField("nature") or ""))
    groupings = {}
    for commune in communes.values():
        for siren, nature in ((commune.epci, ""), (commune.ept, "EPT")):
            if not siren:
                continue
            grouping = groupings.get(siren)
            if grouping is None:
                name, known_nature = names.get(siren, (siren, nature))
                grouping = groupings[siren] = Grouping(siren, name, known_nature or nature)
            grouping.communes.append(commune.code)
    for grouping in groupings.values():
        grouping.communes.sort()
    return dict(sorted(groupings.items()))


def _info(source) -> dict:
    layer = source.GetLayerByName(INFO_LAYER)
    if layer is None:
        return {}
    return {str(f.GetField("key")): str(f.GetField("value") or "") for f in layer}
