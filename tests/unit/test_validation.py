"""Validation before submit: one test (at least) per rule, and the proposer's rights."""

import datetime as dt
from pathlib import Path

import pytest
from osgeo import ogr

from geogov.plugin.errors import ValidationFailed
from geogov.plugin.proposals import validation as v
from geogov.plugin.proposals.model import DELETE, INSERT, UPDATE, Change, ChangeSet, FieldDef, Schema
from geogov.plugin.proposals.validation import (
    ProposerContext,
    ensure_valid,
    proposer_from_convention,
    validate,
)
from geogov.plugin.territories.places import Placement

ROOT = Path(__file__).resolve().parents[2]

TARGET = Schema(fields=[FieldDef("fid", "integer", nullable=False, auto=True),
                        FieldDef("identifiant", "string", nullable=False, length=12),
                        FieldDef("puissance_w", "integer"), FieldDef("hauteur_m", "real"),
                        FieldDef("date_pose", "date"), FieldDef("etat")],
                key="fid", geometry_type="Point", crs="EPSG:2154", geometry_nullable=False)


def wkb(wkt):
    return bytes(ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb())


INSIDE = wkb("POINT (650500 6860500)")
OUTSIDE = wkb("POINT (660000 6860500)")
# The proposer's territory: a 1 km square.
SQUARE = wkb("POLYGON ((650000 6860000,651000 6860000,651000 6861000,650000 6861000,650000 6860000))")
GOOD = {"fid": None, "identifiant": "EP-1", "puissance_w": 70, "hauteur_m": 6.5,
        "date_pose": dt.date(2024, 1, 5), "etat": "en service"}


def insert(key=-1, geometry=INSIDE, **values):
    return Change(INSERT, key, new=dict(GOOD, **values), new_geometry=geometry)


def update(key=7, changed=(), geometry=None, old_geometry=INSIDE, **values):
    old = dict(GOOD, fid=key)
    return Change(UPDATE, key, old=old, new=dict(old, **values), old_geometry=old_geometry,
                  new_geometry=geometry or old_geometry, changed_fields=list(changed or values),
                  geometry_changed=geometry is not None, base_fingerprint="0" * 64)


def delete(key=8, geometry=INSIDE):
    return Change(DELETE, key, old=dict(GOOD, fid=key), old_geometry=geometry, base_fingerprint="0" * 64)


def check(*changes, target=TARGET, proposer=None, crs="EPSG:2154"):
    cs = ChangeSet(schema=Schema(fields=TARGET.fields, key="fid", geometry_type="Point", crs=crs),
                   changes=list(changes))
    return [(p.code, p.key, p.field) for p in validate(cs, target, proposer)], validate(cs, target, proposer)


def test_a_clean_changeset_has_no_problem():
    codes, _ = check(insert(), update(puissance_w=100), update(key=9, geometry=wkb("POINT (650600 6860600)")),
                     delete(), proposer=ProposerContext("cd94"))
    assert codes == []


def test_unknown_field_with_a_value_but_not_an_empty_extra_column():
    codes, _ = check(insert(couleur="rouge"), insert(key=-2, couleur=None), update(couleur="bleu"))
    assert codes == [(v.UNKNOWN_FIELD, -1, "couleur"), (v.UNKNOWN_FIELD, 7, "couleur")]


@pytest.mark.parametrize("field, value", [("puissance_w", "beaucoup"), ("puissance_w", 7.5),
                                          ("hauteur_m", "6,5"), ("date_pose", "05/01/2024")])
def test_wrong_type(field, value):
    codes, problems = check(insert(**{field: value}))
    assert codes == [(v.WRONG_TYPE, -1, field)]
    assert problems[0].params["value"] == (value if isinstance(value, str) else repr(value))
    assert problems[0].params["type"] == TARGET.field(field).type


def test_values_that_convert_are_accepted():
    codes, _ = check(insert(puissance_w="70", hauteur_m="6.50", date_pose="2024-01-05"))
    assert codes == []


def test_required_value_missing_on_insert_and_on_update():
    codes, _ = check(insert(identifiant=None), insert(key=-2, identifiant="  "), update(identifiant=None))
    assert codes == [(v.REQUIRED_MISSING, -1, "identifiant"), (v.REQUIRED_MISSING, -2, "identifiant"),
                     (v.REQUIRED_MISSING, 7, "identifiant")]


def test_server_filled_key_may_be_missing_on_insert():
    codes, _ = check(insert(fid=None))
    assert codes == []


def test_unchanged_values_of_an_update_are_not_judged():
    change = update(puissance_w=100)
    change.new["date_pose"] = "n'importe quoi"        # already so in the base: not this proposal's doing
    codes, _ = check(change)
    assert codes == []


def test_text_too_long_for_the_field():
    codes, problems = check(insert(identifiant="EP-0123456789"))
    assert codes == [(v.TOO_LONG, -1, "identifiant")]
    assert problems[0].params == {"length": 13, "max": 12}


def test_geometry_missing_where_the_layer_requires_one():
    codes, _ = check(insert(geometry=None))
    assert codes == [(v.GEOMETRY_MISSING, -1, None)]
    nullable = Schema(fields=TARGET.fields, key="fid", geometry_type="Point", crs="EPSG:2154")
    assert check(insert(geometry=None), target=nullable)[0] == []


def test_unreadable_geometry():
    codes, _ = check(insert(geometry=b"\x01\x63\x00\x00\x00"))
    assert codes == [(v.GEOMETRY_UNREADABLE, -1, None)]


def test_polygon_in_a_point_layer_is_refused():
    polygon = wkb("POLYGON ((650100 6860100,650200 6860100,650200 6860200,650100 6860100))")
    codes, problems = check(insert(geometry=polygon), update(geometry=wkb("MULTIPOINT ((650500 6860500))")))
    assert codes == [(v.WRONG_GEOMETRY_TYPE, -1, None), (v.WRONG_GEOMETRY_TYPE, 7, None)]
    assert problems[0].params == {"type": "Polygon", "expected": "Point"}


def test_geometry_type_of_an_unchanged_geometry_is_not_judged():
    change = update(puissance_w=1, old_geometry=wkb("LINESTRING (650100 6860100,650200 6860100)"))
    assert check(change)[0] == []


def test_invalid_geometry_with_the_geos_reason():
    bowtie = wkb("POLYGON ((650000 6860000,650010 6860010,650010 6860000,650000 6860010,650000 6860000))")
    polygons = Schema(fields=TARGET.fields, key="fid", geometry_type="Polygon", crs="EPSG:2154")
    codes, problems = check(insert(geometry=bowtie), target=polygons)
    assert codes == [(v.GEOMETRY_INVALID, -1, None)]
    assert "Self-intersection" in problems[0].params["reason"]


def test_crs_mismatch_but_not_for_another_spelling_of_the_same_crs():
    codes, problems = check(insert(), crs="EPSG:4326")
    assert codes == [(v.CRS_MISMATCH, None, None)]
    assert problems[0].params == {"crs": "EPSG:4326", "expected": "EPSG:2154"}
    assert check(insert(), crs="urn:ogc:def:crs:EPSG::2154")[0] == []


def test_proposer_not_allowed():
    codes, problems = check(insert(), proposer=ProposerContext("cd93", allowed=False))
    assert codes == [(v.NOT_ALLOWED, None, None)]
    assert problems[0].params == {"partner": "cd93"}


def test_changes_found_outside_the_territory_become_problems_on_their_feature():
    # Where they lie is territories/places.py's finding (tests/unit/test_territory_places.py).
    cs = ChangeSet(schema=TARGET, changes=[insert(key=-1), update(key=7), delete(key=8)])
    placement = Placement(outside=[(0, "new"), (2, "old")])
    problems = v.territory_problems(cs, placement)
    assert [(p.code, p.key, p.op, p.params["which"]) for p in problems] == [
        (v.OUTSIDE_TERRITORY, -1, INSERT, "new"), (v.OUTSIDE_TERRITORY, 8, DELETE, "old")]


BY_NAME = Schema(fields=TARGET.fields, key="identifiant", geometry_type="Point", crs="EPSG:2154",
                 geometry_nullable=False)


def by_name(*changes):
    cs = ChangeSet(schema=BY_NAME, changes=list(changes))
    return [(p.code, p.key, p.field, p.params.get("value")) for p in validate(cs, BY_NAME)]


def test_a_new_feature_without_its_key_is_refused_when_the_target_does_not_fill_it():
    # identifiant is the dataset's key and nothing fills it: the feature could never be found
    # again, even where the column may be empty. Said once: a required key is REQUIRED_MISSING.
    nullable = Schema(fields=[FieldDef("identifiant", "string", nullable=True, length=12),
                              *[f for f in TARGET.fields if f.name != "identifiant"]],
                      key="identifiant", geometry_type="Point", crs="EPSG:2154", geometry_nullable=False)
    cs = ChangeSet(schema=nullable,
                   changes=[insert(key=-1, identifiant=None), insert(key=-2, identifiant="EP-2")])
    assert [(p.code, p.key, p.field) for p in validate(cs, nullable)] == [(v.KEY_MISSING, -1, "identifiant")]
    assert by_name(insert(key=-1, identifiant=None)) == [(v.REQUIRED_MISSING, -1, "identifiant", None)]
    assert by_name(insert(key=-1, identifiant="EP-1")) == []


def test_two_features_that_would_share_a_key_are_refused():
    renamed = Change(UPDATE, "EP-7", old=dict(GOOD, identifiant="EP-7"), new=dict(GOOD, identifiant="EP-2"),
                     old_geometry=INSIDE, new_geometry=INSIDE, changed_fields=["identifiant"],
                     base_fingerprint="0" * 64)
    untouched = Change(UPDATE, "EP-3", old=dict(GOOD, identifiant="EP-3"),
                       new=dict(GOOD, identifiant="EP-3", puissance_w=90), old_geometry=INSIDE,
                       new_geometry=INSIDE, changed_fields=["puissance_w"], base_fingerprint="0" * 64)
    gone = Change(DELETE, "EP-9", old=dict(GOOD, identifiant="EP-9"), old_geometry=INSIDE,
                  base_fingerprint="0" * 64)
    found = by_name(insert(key=-1, identifiant="EP-2"), renamed, untouched,
                    insert(key=-2, identifiant="EP-3"), gone, insert(key=-3, identifiant="EP-9"))
    # EP-2 twice (a new one and a renamed one), EP-3 twice (an update keeps it); EP-9 is deleted
    # first, so a new feature may take it.
    assert found == [(v.KEY_DUPLICATE, "EP-7", "identifiant", "EP-2"),
                     (v.KEY_DUPLICATE, -2, "identifiant", "EP-3")]


def test_a_key_the_target_fills_is_not_the_proposers_to_give():
    assert check(insert(fid=None), insert(key=-2, fid=None))[0] == []


def test_ensure_valid_raises_with_every_problem():
    cs = ChangeSet(schema=TARGET, changes=[insert(puissance_w="x", identifiant=None)])
    with pytest.raises(ValidationFailed) as caught:
        ensure_valid(cs, TARGET)
    assert caught.value.code == "proposal.invalid"
    assert sorted(p.code for p in caught.value.problems) == [v.REQUIRED_MISSING, v.WRONG_TYPE]
    ensure_valid(ChangeSet(schema=TARGET, changes=[insert()]), TARGET)


def test_every_rule_is_covered_by_a_test_here():
    source = Path(__file__).read_text(encoding="utf-8")
    names = {getattr(v, n): n for n in dir(v) if n.isupper() and isinstance(getattr(v, n), str)}
    missing = [names[code] for code in v.RULES if f"v.{names[code]}" not in source]
    assert missing == []


# ---------------------------------------------------------------------------- the convention
def test_proposer_context_from_the_demo_convention():
    loader = pytest.importorskip("geogov.plugin.governance.convention_loader")
    convention = loader.load_convention(ROOT / "resources" / "demo" / "convention-idf.yaml")
    assert proposer_from_convention(convention, "cd94", "amenagements-cyclables").allowed
    assert not proposer_from_convention(convention, "cd94", "eclairage-public").allowed
    assert proposer_from_convention(convention, "cd94", "points-apport-volontaire").allowed
    assert not proposer_from_convention(convention, "cd94", "no-such-dataset").allowed
