"""Where changes lie, at commune precision, on real borders of Île-de-France (the shipped
reference) and Hauts-de-France (built from ../shared/data/hdf)."""

from __future__ import annotations

import pytest
from osgeo import ogr, osr

from geogov.plugin.errors import Cancelled, TerritoryError
from geogov.plugin.governance.stewardship import steward_partners
from geogov.plugin.territories.places import MIN_TOLERANCE, TerritorySet, communes_of_extent, locate
from geogov.plugin.territories.reference import ReferenceSpec, load_reference, read_reference
from geogov.tests.support.territories import (
    beside,
    border_point,
    changeset,
    delete,
    hauts_de_france,
    inserts,
    inside,
    line_wkb,
    point_wkb,
    update,
)

CRETEIL, SAINT_MAUR, MONTREUIL, VINCENNES, PARIS = "94028", "94068", "93048", "94080", "75056"
T10, T11 = "200057941", "200058006"          # Paris Est Marne et Bois, Grand Paris Sud Est Avenir
MEL = "200093201"                            # Métropole Européenne de Lille


@pytest.fixture(scope="module")
def idf():
    return load_reference()


@pytest.fixture(scope="module")
def hdf(shared_data, tmp_path_factory):
    return hauts_de_france(shared_data, tmp_path_factory.mktemp("hdf"))


def territory(reference, *, departements=(), communes=(), groupings=(), extra=None):
    members = set(communes)
    for code in departements:
        members.update(reference.departement_communes(code))
    for siren in groupings:
        members.update(reference.grouping(siren).communes)
    return TerritorySet(communes=frozenset(members), extra=extra)


# ---------------------------------------------------------------------------- places
def test_a_point_touches_its_commune_and_a_border_point_both(idf):
    placement = locate(inserts(point_wkb(*inside(idf, CRETEIL))), idf)
    assert (placement.communes, placement.departements, placement.unplaced) == ([CRETEIL], ["94"], 0)
    border = border_point(idf, MONTREUIL, VINCENNES)
    placement = locate(inserts(point_wkb(*border)), idf)
    assert placement.communes == [MONTREUIL, VINCENNES]
    assert placement.departements == ["93", "94"]


def test_a_line_crossing_a_border_touches_both_sides(idf):
    line = line_wkb(inside(idf, MONTREUIL), inside(idf, VINCENNES))
    placement = locate(inserts(line, geometry_type="LineString"), idf)
    assert {MONTREUIL, VINCENNES} <= set(placement.communes)
    assert {"93", "94"} == set(placement.departements)


def test_old_and_new_geometries_of_an_update_both_count(idf):
    moved = update("A", old=point_wkb(*inside(idf, MONTREUIL)), new=point_wkb(*inside(idf, CRETEIL)))
    still = update("B", old=point_wkb(*inside(idf, PARIS)))          # attributes only: old place
    gone = delete("C", point_wkb(*inside(idf, SAINT_MAUR)))
    placement = locate(changeset(moved, still, gone), idf)
    assert placement.communes == sorted([MONTREUIL, CRETEIL, PARIS, SAINT_MAUR])


def test_changes_outside_the_reference_or_without_geometry_are_unplaced(idf):
    lille = point_wkb(703000, 7059000)                                   # Lille, in Lambert-93
    placement = locate(inserts(lille, None, point_wkb(*inside(idf, CRETEIL))), idf)
    assert placement.communes == [CRETEIL] and placement.unplaced == 2


def test_changes_in_another_crs_are_brought_into_the_reference(idf):
    x, y = inside(idf, CRETEIL)
    lambert, wgs84 = osr.SpatialReference(), osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _z = osr.CoordinateTransformation(lambert, wgs84).TransformPoint(x, y)
    assert locate(inserts(point_wkb(lon, lat), crs="EPSG:4326"), idf).communes == [CRETEIL]
    # The OGC URN of the same CRS works too, lat/lon order notwithstanding (WKB is x/y).
    urn = "urn:ogc:def:crs:EPSG::4326"
    assert locate(inserts(point_wkb(lon, lat), crs=urn), idf).communes == [CRETEIL]


def test_a_changeset_without_crs_or_with_an_unknown_one_is_refused(idf):
    with pytest.raises(TerritoryError) as caught:
        locate(inserts(point_wkb(1, 1), crs=""), idf)
    assert caught.value.code == "territory.changes_without_crs"
    with pytest.raises(TerritoryError) as caught:
        locate(inserts(point_wkb(1, 1), crs="EPSG:99999999"), idf)
    assert caught.value.code == "territory.changes_crs"


def test_the_check_can_be_cancelled(idf):
    with pytest.raises(Cancelled):
        locate(inserts(*[point_wkb(*inside(idf, CRETEIL))] * 5000), idf, is_cancelled=lambda: True)


def test_an_extent_names_the_communes_it_meets(idf):
    x, y = inside(idf, CRETEIL)
    assert communes_of_extent(idf, (x - 1, y - 1, x + 1, y + 1), "EPSG:2154") == [CRETEIL]
    assert communes_of_extent(idf, (x, y, x, y), "") is None


# ---------------------------------------------------------------------------- territories
def test_a_departement_technician_stays_in_its_departement(idf):
    cd94 = territory(idf, departements=["94"])
    ok = point_wkb(*inside(idf, CRETEIL))
    in_93 = point_wkb(*inside(idf, MONTREUIL))
    placement = locate(inserts(ok, in_93), idf, cd94)
    assert placement.outside == [(1, "new")]
    # a point drawn on the 93/94 border is on the territory's boundary: inside
    border = border_point(idf, MONTREUIL, VINCENNES)
    assert locate(inserts(point_wkb(*border)), idf, cd94).outside == []
    # one metre over the border, into the 93: outside (the tolerance is 1 cm)
    over = beside(idf, border, MONTREUIL, 1.0)
    assert locate(inserts(point_wkb(*over)), idf, cd94).outside == [(0, "new")]
    assert MIN_TOLERANCE == 0.01


def test_moving_a_feature_out_of_the_territory_or_editing_one_outside_is_outside(idf):
    cd94 = territory(idf, departements=["94"])
    inside_94, inside_93 = point_wkb(*inside(idf, CRETEIL)), point_wkb(*inside(idf, MONTREUIL))
    placement = locate(changeset(update("out", old=inside_94, new=inside_93),
                                 update("in", old=inside_93, new=inside_94),
                                 update("there", old=inside_93), delete("gone", inside_93)), idf, cd94)
    assert placement.outside == [(0, "new"), (1, "old"), (2, "old"), (3, "old")]


def test_an_ept_technician_stays_in_its_ept_inside_the_departement(idf):
    # T10 and T11 are both in the 94: Saint-Maur (T10) and Créteil (T11) share a border.
    t10 = territory(idf, groupings=[T10])
    assert SAINT_MAUR in t10.communes and CRETEIL not in t10.communes
    placement = locate(inserts(point_wkb(*inside(idf, SAINT_MAUR)), point_wkb(*inside(idf, CRETEIL))),
                       idf, t10)
    assert placement.outside == [(1, "new")]
    border = border_point(idf, SAINT_MAUR, CRETEIL)
    line_out = line_wkb(inside(idf, SAINT_MAUR), beside(idf, border, CRETEIL, 50.0))
    line_in = line_wkb(inside(idf, SAINT_MAUR), border)
    assert locate(inserts(line_out, line_in, geometry_type="LineString"), idf, t10).outside == [(0, "new")]


def test_a_list_of_communes_as_territory(idf):
    two = territory(idf, communes=[CRETEIL, SAINT_MAUR])
    border = border_point(idf, SAINT_MAUR, CRETEIL)
    across = line_wkb(beside(idf, border, SAINT_MAUR, 20.0), border,
                      beside(idf, border, CRETEIL, 20.0))
    placement = locate(inserts(across, geometry_type="LineString"), idf, two)
    assert placement.communes == [CRETEIL, SAINT_MAUR] and placement.outside == []
    only_creteil = territory(idf, communes=[CRETEIL])
    assert locate(inserts(across, geometry_type="LineString"), idf, only_creteil).outside == [(0, "new")]
    assert locate(inserts(point_wkb(*inside(idf, PARIS))), idf, two).outside == [(0, "new")]


def test_a_tolerance_lets_a_feature_just_over_the_border_in(idf):
    spec = ReferenceSpec(tolerance=25.0)
    loose = load_reference(spec)
    border = border_point(loose, MONTREUIL, VINCENNES)
    cd94 = territory(loose, departements=["94"])
    near = beside(loose, border, MONTREUIL, 10.0)
    far = beside(loose, border, MONTREUIL, 40.0)
    assert locate(inserts(point_wkb(*near), point_wkb(*far)), loose, cd94).outside == [(1, "new")]


def test_an_extra_geometry_adds_to_the_territory(idf):
    x, y = inside(idf, PARIS)
    square = ogr.CreateGeometryFromWkt(f"POLYGON (({x - 50} {y - 50},{x + 50} {y - 50},{x + 50} {y + 50},"
                                       f"{x - 50} {y + 50},{x - 50} {y - 50}))")
    syndicat = territory(idf, communes=[CRETEIL], extra=bytes(square.ExportToIsoWkb()))
    placement = locate(inserts(point_wkb(x, y), point_wkb(x + 500, y), point_wkb(*inside(idf, CRETEIL))),
                       idf, syndicat)
    assert placement.outside == [(1, "new")]


def test_a_feature_without_geometry_cannot_be_inside_a_territory(idf):
    cd94 = territory(idf, departements=["94"])
    placement = locate(changeset(update("attributes-only", old=None)), idf, cd94)
    assert placement.outside == [(0, "new")] and placement.unplaced == 1
    everywhere = TerritorySet(everywhere=True)
    assert locate(changeset(update("attributes-only", old=None)), idf, everywhere).outside == []


# ---------------------------------------------------------------------------- Hauts-de-France
def test_hauts_de_france_communes_epci_and_a_border_between_two_epci(hdf):
    assert len(hdf.communes) == 3782 and hdf.covered_departements() == ["02", "59", "60", "62", "80"]
    mel = hdf.grouping(MEL)
    assert mel.nature == "METRO" and len(mel.communes) > 90
    lille, roubaix = "59350", "59512"
    assert {lille, roubaix} <= set(mel.communes)
    # A commune of the MEL that borders a commune of another EPCI.
    pair = None
    for code in mel.communes:
        neighbour_envelope = ogr.CreateGeometryFromWkb(hdf.geometries[code])
        for other, blob in hdf.geometries.items():
            if hdf.communes[other].epci != MEL and \
                    ogr.CreateGeometryFromWkb(blob).Intersects(neighbour_envelope):
                pair = (code, other)
                break
        if pair:
            break
    inner, outer = pair
    mel_territory = territory(hdf, groupings=[MEL])
    border = border_point(hdf, inner, outer)
    placement = locate(inserts(point_wkb(*border), point_wkb(*inside(hdf, outer)),
                               point_wkb(*inside(hdf, lille))), hdf, mel_territory)
    assert placement.outside == [(1, "new")]
    assert set(placement.communes) == {inner, outer, lille}


def test_a_border_change_is_routed_to_both_stewards(idf):
    cd93, cd94 = idf.departement_communes("93"), idf.departement_communes("94")
    assignments = [("cd93", frozenset(cd93)), ("cd94", frozenset(cd94)), ("region", None)]
    border = border_point(idf, MONTREUIL, VINCENNES)
    placement = locate(inserts(point_wkb(*border)), idf)
    assert steward_partners(assignments, placement.communes, bool(placement.unplaced)) == ["cd93", "cd94"]
    placement = locate(inserts(point_wkb(*inside(idf, CRETEIL))), idf)
    assert steward_partners(assignments, placement.communes, bool(placement.unplaced)) == ["cd94"]
    placement = locate(inserts(point_wkb(*inside(idf, PARIS))), idf)
    assert steward_partners(assignments, placement.communes, bool(placement.unplaced)) == ["region"]


# ---------------------------------------------------------------------------- threads
def test_threads_placing_changes_on_one_fresh_reference_agree_and_do_not_crash():
    """GEOS prepared geometries build their inner indexes on first use, unguarded: threads
    testing the same commune of a fresh reference at once crashed QGIS (signal 11 in
    PreparedPolygonIntersects). Each thread's answer is the single-threaded one."""
    import threading

    spec = ReferenceSpec()
    reference = read_reference(spec, spec.path(), check_overlaps=False)     # uncached: fresh indexes
    alone = read_reference(spec, spec.path(), check_overlaps=False)
    cd94 = territory(alone, departements=["94"])
    lines = [line_wkb(inside(alone, a), inside(alone, b))
             for a, b in ((MONTREUIL, VINCENNES), (SAINT_MAUR, CRETEIL), (PARIS, CRETEIL),
                          (VINCENNES, PARIS))]
    work = inserts(*lines * 25, geometry_type="LineString")
    expected = locate(work, alone, cd94)
    results, errors = [], []

    def place():
        try:
            results.append(locate(work, reference, cd94))
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)

    threads = [threading.Thread(target=place) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == [] and len(results) == 6
    assert all((r.communes, r.outside) == (expected.communes, expected.outside) for r in results)
