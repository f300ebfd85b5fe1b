"""GEOS's reasons for an invalid geometry, as words the interface translates (and where),
and one problem per broken feature (an invalid new geometry is not also "outside")."""

from __future__ import annotations

import pytest
from osgeo import ogr

from geogov.plugin.proposals.model import INSERT, UPDATE, Change, ChangeSet, Problem, Schema
from geogov.plugin.proposals.validation import (
    GEOMETRY_INVALID,
    OUTSIDE_TERRITORY,
    geometry_reason,
    geometry_validity,
    territory_problems,
)
from geogov.plugin.territories.places import Placement


@pytest.mark.parametrize("wkt, which, near", [
    ("POLYGON((0 0,10 10,10 0,0 10,0 0))", "self_intersection_near", "5 5"),
    ("POLYGON((0 0,1 0,0 0))", "too_few_points_near", "0 0"),
    ("LINESTRING(0 0)", "too_few_points", None),
    ("POLYGON((0 0,10 0,10 10,0 10,0 0),(20 20,21 20,21 21,20 20))", "hole_outside_near", "20 20"),
    ("POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,8 2,8 8,2 8,2 2),(3 3,4 3,4 4,3 3))",
     "holes_nested_near", "3 3"),
    ("POLYGON((0 0,10 0,10 10,0 10,0 1))", "ring_not_closed", None),
    ("POLYGON((0 0,10 0,5 5,10 10,0 10,5 5,0 0))", "ring_self_intersection_near", "5 5"),
])
def test_what_geos_says_becomes_a_reason_the_interface_words(wkt, which, near):
    valid, reason = geometry_validity(ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb())
    assert not valid
    found = geometry_reason(reason)
    assert found.get("which") == which, reason
    assert found.get("near") == near


def test_coordinates_are_rounded_to_the_centimetre():
    assert geometry_reason("Self-intersection at or near point 652001.123456 6862002.5")["near"] \
        == "652001.12 6862002.5"
    assert geometry_reason("Ring Self-intersection[1.5 2]") == {
        "which": "ring_self_intersection_near", "near": "1.5 2"}


def test_an_unknown_reason_keeps_the_plain_sentence():
    assert geometry_reason("Something GEOS will say one day") == {}
    assert geometry_reason("") == {}


def test_an_invalid_new_geometry_is_not_also_outside_the_territory():
    schema = Schema(fields=[], geometry_type="Polygon", crs="EPSG:2154")
    changes = [Change(op=INSERT, key=-1, new={}), Change(op=UPDATE, key="A", new={}),
               Change(op=INSERT, key=-2, new={})]
    changeset = ChangeSet(schema=schema, changes=changes)
    placement = Placement(outside=[(0, "new"), (1, "old"), (2, "new")])
    known = [Problem(GEOMETRY_INVALID, key=-1, op=INSERT), Problem(GEOMETRY_INVALID, key="A", op=UPDATE)]
    problems = territory_problems(changeset, placement, known=known)
    # -1: its geometry is broken (one problem is enough); A: its *old* place is outside, said;
    # -2: valid and outside, said.
    assert [(p.code, p.key, p.params["which"]) for p in problems] == [
        (OUTSIDE_TERRITORY, "A", "old"), (OUTSIDE_TERRITORY, -2, "new")]
