"""The territory reference: the shipped Île-de-France one, how it is built, and every way a
reference file can be wrong (each refused whole, with a code the UI translates)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from osgeo import ogr, osr

from geogov.plugin.errors import ConventionError, TerritoryError
from geogov.plugin.governance.convention_loader import load_convention, load_convention_url, parse_convention
from geogov.plugin.territories.builder import build
from geogov.plugin.territories.reference import RESOURCES as SHIPPED_FOLDER
from geogov.plugin.territories.reference import (
    SHIPPED,
    ReferenceSpec,
    load_reference,
    read_reference,
)
from geogov.plugin.transport import Response
from geogov.tests.support.territories import hauts_de_france

MINIMAL = """format: geogov.convention/1
convention: {title: Test, version: "1", coordinator: region}
{territories}
partners:
  - {id: region, name: Région, kind: région, territory: {region: true}}
  - id: cd94
    name: Département du Val-de-Marne
    kind: département
    territory: {territory}
datasets:
  - {id: velo, title: Vélo, producers: cd94, maintainer: cd94, frequency: annually,
     dissemination: open, personal_data: false, stewards: [region]}
"""


def convention_text(territory="{departements: [\"94\"]}", territories=""):
    return MINIMAL.replace("{territory}", territory).replace("{territories}", territories)


def write_layer(path, features, srs_epsg=2154, layer="communes", code_type=ogr.OFTString):
    """A GeoPackage with one polygon layer: features = [(code, WKT)]."""
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = None
    if srs_epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(srs_epsg)
    lyr = source.CreateLayer(layer, srs, ogr.wkbMultiPolygon)
    lyr.CreateField(ogr.FieldDefn("code", code_type))
    for code, wkt in features:
        feature = ogr.Feature(lyr.GetLayerDefn())
        feature.SetField("code", code)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(feature)
    source = None
    return str(path)


def square(x, y, size=1000):
    return f"POLYGON (({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


@pytest.fixture(scope="module")
def hdf(shared_data, tmp_path_factory):
    """The Hauts-de-France reference (tmp/hauts-de-france.gpkg), built once."""
    return hauts_de_france(shared_data, tmp_path_factory.mktemp("hdf"))


def refused(path, **spec) -> TerritoryError:
    with pytest.raises(TerritoryError) as caught:
        read_reference(ReferenceSpec(source=str(path), **spec), str(path))
    return caught.value


# ---------------------------------------------------------------------------- shipped
def test_the_shipped_reference_holds_every_commune_of_ile_de_france_2025():
    reference = load_reference()
    assert reference.name == "Île-de-France" and len(reference.communes) == 1266
    assert reference.covered_departements() == ["75", "77", "78", "91", "92", "93", "94", "95"]
    natures = sorted(g.nature for g in reference.groupings.values())
    assert natures.count("EPT") == 11 and natures.count("METRO") == 1 and len(natures) == 52 + 11
    assert len(reference.grouping("200054781").communes) == 130          # the Métropole du Grand Paris
    assert reference.commune("94028").name == "Créteil" and reference.commune("94028").ept == "200058006"
    assert "Licence Ouverte" in reference.info["licence"] and "IGN" in reference.info["credit"]
    srs = osr.SpatialReference(reference.crs_wkt)
    assert srs.GetAuthorityCode(None) == "2154"


def test_the_shipped_file_is_what_the_builder_makes_from_the_open_data(shared_data, tmp_path):
    """The same communes, attributes and shapes. Shapes are compared by the area of their
    symmetric difference: another GEOS unions a commune's parts with other floating-point
    noise (measured under GEOS 3.13 against the shipped file, built with GEOS 3.11: 58 communes
    differ, the worst by 1.5e-13 of its area)."""
    rebuilt = tmp_path / "rebuilt.gpkg"
    counts = build("ile-de-france", shared_data / "idf", rebuilt)
    assert counts["communes"] == 1266
    shipped = load_reference()
    again = read_reference(ReferenceSpec(source=str(rebuilt)), str(rebuilt))
    assert again.communes == shipped.communes and again.groupings == shipped.groupings
    assert set(again.geometries) == set(shipped.geometries)
    differing = []
    for code, blob in shipped.geometries.items():
        if again.geometries[code] == blob:
            continue
        ours, theirs = ogr.CreateGeometryFromWkb(again.geometries[code]), ogr.CreateGeometryFromWkb(blob)
        if ours.SymDifference(theirs).GetArea() > 1e-9 * theirs.GetArea():
            differing.append(code)
    assert differing == []


def test_the_shipped_reference_has_no_overlap_and_opens_from_a_read_only_folder(tmp_path):
    folder = tmp_path / "plugin"
    folder.mkdir()
    copy = folder / "ile-de-france.gpkg"
    shutil.copy(SHIPPED_FOLDER / SHIPPED["geogov:ile-de-france"], copy)
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    folder.chmod(0o555)
    copy.chmod(0o444)
    try:
        reference = read_reference(ReferenceSpec(source=str(copy)), str(copy), check_overlaps=True)
        assert len(reference.communes) == 1266
        assert sorted(p.name for p in folder.iterdir()) == ["ile-de-france.gpkg"]   # no -wal, no -shm
    finally:
        folder.chmod(0o755)


def test_the_shipped_reference_is_small_enough_for_the_plugin_zip():
    assert (SHIPPED_FOLDER / "ile-de-france.gpkg").stat().st_size < 2_000_000


def test_the_hauts_de_france_reference_builds_from_the_same_tools(hdf):
    reference = hdf
    assert reference.name == "Hauts-de-France" and len(reference.communes) == 3782
    assert len(reference.groupings) == 92
    # 2018 communes merged since are dissolved into their 2025 successor (60455 -> 60694).
    assert "60455" not in reference.communes and "60694" in reference.communes


# ---------------------------------------------------------------------------- bad files
def test_a_missing_file(tmp_path):
    with pytest.raises(TerritoryError) as caught:
        load_reference(ReferenceSpec(source=str(tmp_path / "absent.gpkg")))
    assert caught.value.code == "territory.not_found"
    assert caught.value.params["file"].endswith("absent.gpkg")


def test_a_file_that_is_not_vector_data(tmp_path):
    path = tmp_path / "communes.gpkg"
    path.write_bytes(b"PK\x03\x04 not a geopackage")
    assert refused(path).code == "territory.unreadable"


def test_a_layer_or_a_field_the_file_lacks(tmp_path):
    path = write_layer(tmp_path / "r.gpkg", [("94028", square(0, 0))], layer="other")
    error = refused(path, layer="communes")
    assert (error.code, error.params["layers"]) == ("territory.no_layer", "other")
    error = refused(path, layer="other", code_field="insee")
    assert (error.code, error.params["field"], error.params["fields"]) == \
        ("territory.no_field", "insee", "code")


def test_a_file_without_crs_or_in_another_crs_than_the_convention_says(tmp_path):
    path = write_layer(tmp_path / "nocrs.gpkg", [("94028", square(0, 0))], srs_epsg=None)
    assert refused(path).code == "territory.no_crs"
    path = write_layer(tmp_path / "wgs84.gpkg", [("94028", square(2.4, 48.7, 0.01))], srs_epsg=4326)
    error = refused(path, crs="EPSG:2154")
    assert (error.code, error.params["crs"], error.params["expected"]) == \
        ("territory.wrong_crs", "EPSG:4326", "EPSG:2154")
    # Another CRS is fine when the convention does not pin one: changes are transformed.
    assert len(read_reference(ReferenceSpec(source=path), path).communes) == 1


def test_invalid_empty_and_duplicate_communes_refuse_the_whole_file(tmp_path):
    bowtie = "POLYGON ((0 0,10 10,10 0,0 10,0 0))"
    error = refused(write_layer(tmp_path / "a.gpkg", [("94028", square(0, 0)), ("94001", bowtie)]))
    assert (error.code, error.params["codes"]) == ("territory.invalid_geometry", "94001")
    error = refused(write_layer(tmp_path / "b.gpkg", [("94028", square(0, 0)), ("94028", square(5000, 0))]))
    assert (error.code, error.params["codes"]) == ("territory.duplicate", "94028")
    error = refused(write_layer(tmp_path / "c.gpkg", [("94028", square(0, 0)), ("", square(5000, 0))]))
    assert error.code == "territory.no_code"
    error = refused(write_layer(tmp_path / "d.gpkg", [("94028", "POLYGON EMPTY")]))
    assert error.code == "territory.no_geometry"
    assert refused(write_layer(tmp_path / "e.gpkg", [])).code == "territory.empty"


def test_overlapping_communes_are_refused_but_shared_borders_are_not(tmp_path):
    touching = write_layer(tmp_path / "ok.gpkg", [("94028", square(0, 0)), ("94001", square(1000, 0))])
    assert len(read_reference(ReferenceSpec(source=touching), touching).communes) == 2
    error = refused(write_layer(tmp_path / "over.gpkg", [("94028", square(0, 0)), ("94001", square(500, 0))]))
    assert (error.code, error.params["pairs"]) == ("territory.overlap", "94028/94001")


def test_numeric_code_columns_keep_their_leading_zero(tmp_path):
    path = write_layer(tmp_path / "n.gpkg", [(2001, square(0, 0))], code_type=ogr.OFTInteger)
    reference = read_reference(ReferenceSpec(source=path), path)
    assert list(reference.communes) == ["02001"] and reference.commune("02001").departement == "02"


# ---------------------------------------------------------------------------- conventions
def test_codes_the_reference_does_not_know_are_located():
    _c, problems = parse_convention(convention_text('{communes: ["94028", "59350"], epci: ["200093201"], '
                                                    'ept: ["200054781"]}'))
    assert [(p.code, p.path) for p in problems if p.severity == "error"] == [
        ("convention.unknown_commune", "partners[1].territory.communes[1]"),
        ("convention.unknown_epci", "partners[1].territory.epci[0]"),
        ("convention.unknown_ept", "partners[1].territory.ept[0]"),     # the MGP is no EPT
    ]
    assert problems[0].line == 9 and problems[0].params["reference"] == "Île-de-France"


def test_a_convention_names_its_own_reference_beside_it(hdf, tmp_path):
    shutil.copy(hdf.path, tmp_path / "hauts-de-france.gpkg")
    path = tmp_path / "convention.yaml"
    path.write_text(convention_text('{epci: ["200093201"]}',
                                    "territories: {reference: hauts-de-france.gpkg, crs: EPSG:2154, "
                                    "tolerance: 20}"), encoding="utf-8")
    convention = load_convention(path)
    assert convention.reference.name == "Hauts-de-France" and convention.reference.tolerance == 20
    assert "59350" in convention.partners["cd94"].territory.members       # Lille, in the MEL


def test_a_reference_that_cannot_be_used_is_one_located_problem(tmp_path):
    path = tmp_path / "convention.yaml"
    path.write_text(convention_text(territories="territories: {reference: absent.gpkg}"), encoding="utf-8")
    with pytest.raises(ConventionError) as caught:
        load_convention(path)
    [problem] = caught.value.problems
    assert (problem.code, problem.path, problem.line) == ("territory.not_found", "territories.reference", 3)
    negative = "territories: {reference: geogov:ile-de-france, tolerance: -1}"
    path.write_text(convention_text(territories=negative), encoding="utf-8")
    with pytest.raises(ConventionError) as caught:
        load_convention(path)
    assert caught.value.problems[0].code == "convention.too_small"


class Transport:
    def __init__(self, files):
        self.files, self.calls = files, []

    def request(self, method, url, **kwargs):
        self.calls.append(url)
        if url in self.files:
            return Response(url=url, status=200, content=self.files[url])
        return Response(url=url, status=404, content=b"")


def test_a_published_convention_reads_its_reference_through_the_transport(hdf):
    base = "https://geo.example.org/conventions/"
    transport = Transport({
        base + "hdf.yaml": convention_text('{epci: ["200093201"]}',
                                           "territories: {reference: communes.gpkg}").encode("utf-8"),
        base + "communes.gpkg": open(hdf.path, "rb").read()})
    convention = load_convention_url(base + "hdf.yaml", transport)
    assert transport.calls == [base + "hdf.yaml", base + "communes.gpkg"]
    assert convention.reference.name == "Hauts-de-France"
    missing = Transport({base + "hdf.yaml": transport.files[base + "hdf.yaml"]})
    with pytest.raises(ConventionError) as caught:
        load_convention_url(base + "hdf.yaml", missing)
    assert caught.value.problems[0].code == "territory.download"
