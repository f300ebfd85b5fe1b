"""The diff layers built from a change set: the map diff (after / before layers styled by
the shipped QML with the configured colours) and the attribute diff ("diff as a layer":
``_op``, every field with ``_old_<field>``, conditional styles as QGIS's attribute table
evaluates them)."""

from __future__ import annotations

import copy
import struct

import pytest
from qgis.core import QgsFeatureRequest, QgsRuleBasedRenderer, QgsWkbTypes
from qgis.PyQt.QtGui import QColor

from geogov.plugin.bridge import settings as gsettings
from geogov.plugin.bridge.diff_layers import (
    OLD_PREFIX,
    RULE_ADDED,
    RULE_DELETED,
    RULE_MODIFIED,
    RULE_MODIFIED_OLD,
    DiffLayerError,
    build_attribute_diff,
    build_map_diff,
    changed_condition,
    matching_style,
)
from geogov.plugin.bridge.features import python_value
from geogov.plugin.proposals.model import ChangeSet, FieldDef, Schema
from geogov.tests.support import store_fixtures as F  # noqa: N812

COLOURS = gsettings.Settings(colour_added="#00aa00", colour_deleted="#cc0000", colour_modified="#ee8800")


def _rules(layer) -> dict:
    renderer = layer.renderer()
    assert isinstance(renderer, QgsRuleBasedRenderer)
    return {rule.ruleKey(): rule for rule in renderer.rootRule().children()}


def point_x(blob) -> float:
    return struct.unpack_from("<d", blob, 5)[0]


def _features(layer) -> list:
    return sorted(layer.getFeatures(), key=lambda f: (f["_seq"], f["_side"]))


def test_the_map_diff_has_the_added_deleted_and_modified_features_in_the_targets_crs(qgis_app):
    changes = F.changeset("a", n_updates=2)        # 1 insert, 2 updates, 1 delete
    diff = build_map_diff(changes, "Lampes", COLOURS)

    assert diff.after.crs().authid() == "EPSG:2154" == diff.before.crs().authid()
    assert diff.after.geometryType() == QgsWkbTypes.PointGeometry
    after, before = _features(diff.after), _features(diff.before)
    assert [(f["_op"], f["_key"]) for f in after] == [("insert", "new-a"), ("update", "f0"), ("update", "f1")]
    assert [(f["_op"], f["_key"]) for f in before] == [("update", "f0"), ("update", "f1"), ("delete", "gone")]
    # The old state of a modified feature is where it was; the new one where it went.
    moved = changes.changes[1]
    old_x, new_x = point_x(moved.old_geometry), point_x(moved.new_geometry)
    assert new_x == old_x + 1
    assert before[0].geometry().asPoint().x() == old_x and after[1].geometry().asPoint().x() == new_x
    assert after[1]["type_amenagement"] == "piste cyclable a"
    assert before[0]["type_amenagement"] == "bande cyclable"
    assert diff.counts == {"insert": 1, "update": 2, "delete": 1}
    assert diff.ops == ["insert", "update", "update", "delete"]
    assert diff.extents[0].xMinimum() == point_x(changes.changes[0].new_geometry)
    assert "Lampes" in diff.after.name() and diff.after.name() != diff.before.name()


def test_the_map_diff_is_styled_by_the_shipped_rules_with_the_configured_colours(qgis_app):
    diff = build_map_diff(F.changeset("a"), "x", COLOURS)
    rules = _rules(diff.after)
    assert set(rules) == {RULE_ADDED, RULE_DELETED, RULE_MODIFIED, RULE_MODIFIED_OLD}
    assert rules[RULE_ADDED].symbol().color().name() == "#00aa00"
    assert rules[RULE_DELETED].symbol().color().name() == "#cc0000"
    assert rules[RULE_MODIFIED].symbol().color().name() == "#ee8800"
    old = rules[RULE_MODIFIED_OLD].symbol().symbolLayer(0)
    assert old.strokeStyle() != 1 and old.strokeColor().name() == "#ee8800"      # dashed outline
    assert old.fillColor().alpha() == 0                                          # hollow
    # Each feature falls under exactly the rule of its kind.
    renderer = diff.before.renderer().clone()
    from qgis.core import QgsRenderContext

    context = QgsRenderContext()
    renderer.startRender(context, diff.before.fields())
    try:
        keys = {f["_key"]: [r.ruleKey() for r in renderer.rootRule().children()
                            if r.isFilterOK(f, context)] for f in diff.before.getFeatures()}
    finally:
        renderer.stopRender(context)
    assert keys == {"f0": [RULE_MODIFIED_OLD], "f1": [RULE_MODIFIED_OLD], "gone": [RULE_DELETED]}


@pytest.mark.parametrize("geometry_type, wkt", [("LineString", "LINESTRING(0 0, 10 10)"),
                                                ("MultiPolygon", "MULTIPOLYGON(((0 0,1 0,1 1,0 0)))")])
def test_line_and_polygon_layers_get_their_own_style(qgis_app, geometry_type, wkt):
    from qgis.core import QgsGeometry

    from geogov.plugin.proposals.model import Change

    schema = Schema(fields=[FieldDef("code", "string", False)], key="code", geometry_type=geometry_type,
                    crs="EPSG:2154")
    blob = bytes(QgsGeometry.fromWkt(wkt).asWkb())
    changes = ChangeSet(schema, [Change("insert", "A", new={"code": "A"}, new_geometry=blob)])
    diff = build_map_diff(changes, "t", COLOURS)
    assert diff.after.featureCount() == 1 and diff.before.featureCount() == 0
    symbol = _rules(diff.after)[RULE_ADDED].symbol()
    assert symbol.type() == (1 if geometry_type == "LineString" else 2)
    assert symbol.color().name() == "#00aa00"


def test_each_change_has_the_box_of_its_geometries_or_none(qgis_app):
    from qgis.core import QgsGeometry

    from geogov.plugin.proposals.model import Change

    schema = Schema(fields=[FieldDef("code")], key="code", geometry_type="Point", crs="EPSG:2154")
    point = lambda x, y: bytes(QgsGeometry.fromWkt(f"POINT({x} {y})").asWkb())  # noqa: E731
    changes = ChangeSet(schema, [
        Change("update", "A", old={"code": "A"}, new={"code": "A"}, old_geometry=point(0, 0),
               new_geometry=point(10, 5), geometry_changed=True),
        Change("update", "B", old={"code": "B"}, new={"code": "b"}),           # no geometry stored
        Change("delete", "C", old={"code": "C"}, old_geometry=point(-3, 7))])
    diff = build_map_diff(changes)
    assert len(diff.extents) == 3 and diff.extents[1] is None and diff.extents[-1] == diff.extents[2]
    assert diff.extents[0].toRectF().getCoords() == (0, 0, 10, 5)      # old and new together
    assert diff.extents.located() == [0, 2]
    assert diff.extents.union().toRectF().getCoords() == (-3, 0, 10, 7)
    assert [f["code"] for f in _features(diff.after)] == ["A", "b"]
    with pytest.raises(IndexError):
        diff.extents[3]


def test_a_change_set_without_geometry_has_no_map_diff(qgis_app):
    from geogov.plugin.proposals.model import Change

    schema = Schema(fields=[FieldDef("code")], key="code", crs="")
    with pytest.raises(DiffLayerError) as info:
        build_map_diff(ChangeSet(schema, [Change("insert", "A", new={"code": "A"})]))
    assert info.value.code == "diff.no_geometry"


# ---------------------------------------------------------------------------- attribute diff
def test_the_attribute_diff_has_op_and_old_columns_one_row_per_change(qgis_app):
    layer = build_attribute_diff(F.changeset("a"), "Lampes", COLOURS)
    names = layer.fields().names()
    assert names[:3] == ["_op", "_key", "_geometry_changed"]
    for name in ("identifiant", "type_amenagement", "date_mise_en_service", "longueur_m", "maj", "photo"):
        assert names.index(OLD_PREFIX + name) == names.index(name) + 1
    rows = list(layer.getFeatures())
    assert [(r["_op"], r["_key"]) for r in rows] == [("insert", "new-a"), ("update", "f0"), ("update", "f1"),
                                                     ("delete", "gone")]
    insert, update = rows[0], rows[1]
    assert insert["longueur_m"] == 12.5 and python_value(insert["_old_longueur_m"]) is None
    assert insert["date_mise_en_service"].toString("yyyy-MM-dd") == "2026-03-01"   # a real date column
    assert update["type_amenagement"] == "piste cyclable a"
    assert update["_old_type_amenagement"] == "bande cyclable"
    assert update["_geometry_changed"] is True
    assert python_value(rows[3]["identifiant"]) is None and rows[3]["_old_identifiant"] == "gone"
    assert layer.readOnly()


def test_conditional_styles_colour_rows_and_changed_cells_as_the_attribute_table_does(qgis_app):
    layer = build_attribute_diff(F.changeset("a"), "x", COLOURS)
    rows = {r["_key"]: r for r in layer.getFeatures()}

    insert_style = matching_style(layer, rows["new-a"])
    delete_style = matching_style(layer, rows["gone"])
    assert insert_style.name() == "insert" and delete_style.name() == "delete"
    assert insert_style.backgroundColor().green() > insert_style.backgroundColor().red()
    assert delete_style.backgroundColor().red() > delete_style.backgroundColor().green()
    assert matching_style(layer, rows["f0"]) is None                  # an update row: no row colour

    changed = matching_style(layer, rows["f0"], "type_amenagement")
    assert changed is not None and changed.name() == "changed" and changed.font().bold()
    assert matching_style(layer, rows["f0"], "_old_type_amenagement").font().strikeOut()
    assert matching_style(layer, rows["f0"], "longueur_m") is None     # unchanged cell
    assert matching_style(layer, rows["new-a"], "longueur_m") is None  # inserts: the row colour only
    assert changed_condition("type_amenagement") == \
        "\"_op\" = 'update' AND \"type_amenagement\" IS NOT \"_old_type_amenagement\""


def test_the_attribute_diff_shows_in_a_real_attribute_table_model(qgis_app):
    from qgis.core import QgsVectorLayerCache
    from qgis.gui import QgsAttributeTableModel
    from qgis.PyQt.QtCore import Qt

    layer = build_attribute_diff(F.changeset("a"), "x", COLOURS)
    cache = QgsVectorLayerCache(layer, 100)
    model = QgsAttributeTableModel(cache)
    model.loadLayer()
    assert model.rowCount() == 4
    column = layer.fields().indexOf("type_amenagement")
    backgrounds = {}
    for row in range(model.rowCount()):
        key = model.data(model.index(row, layer.fields().indexOf("_key")), Qt.ItemDataRole.DisplayRole)
        backgrounds[key] = model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole)
    assert QColor(backgrounds["f0"]).name() != "#ffffff"              # the changed cell is highlighted
    assert QColor(backgrounds["new-a"]).green() > QColor(backgrounds["new-a"]).blue()
    assert QColor(backgrounds["gone"]).red() > QColor(backgrounds["gone"]).green()


def test_auto_fields_are_left_out_and_binary_values_are_described(qgis_app):
    changes = copy.deepcopy(F.changeset("a"))
    changes.schema.fields.insert(0, FieldDef("fid", "integer", False, auto=True))
    layer = build_attribute_diff(changes)
    assert "fid" not in layer.fields().names()
    insert = next(layer.getFeatures(QgsFeatureRequest().setFilterExpression("\"_op\" = 'insert'")))
    assert insert["photo"] == "(4 bytes)"


def test_the_attribute_table_names_the_operation_in_french_the_value_stays_the_code(qgis_app, tmp_path):
    from qgis.core import QgsVectorLayerCache
    from qgis.gui import QgsAttributeTableModel
    from qgis.PyQt.QtCore import Qt

    from geogov.tests.support.french import french

    with french(tmp_path):
        layer = build_attribute_diff(F.changeset("a"), "x", COLOURS)
        cache = QgsVectorLayerCache(layer, 100)
        model = QgsAttributeTableModel(cache)
        model.loadLayer()
        column = layer.fields().indexOf("_op")
        shown = {model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
                 for row in range(model.rowCount())}
    assert shown == {"ajoutée", "modifiée", "supprimée"}
    assert {f["_op"] for f in layer.getFeatures()} == {"insert", "update", "delete"}


def test_the_attribute_table_speaks_to_a_reviewer_not_in_inner_names(qgis_app, tmp_path):
    """Column titles instead of _op/_key/_geometry_changed/_old_x, Oui/Non instead of
    vrai/faux, « nouvelle entité n° 3 » instead of the -3 QGIS gives an unsaved feature."""
    from qgis.core import QgsVectorLayerCache
    from qgis.gui import QgsAttributeTableModel
    from qgis.PyQt.QtCore import Qt

    from geogov.tests.support.french import french

    changes = copy.deepcopy(F.changeset("a"))
    changes.schema.fields.append(FieldDef("allume", "boolean", True))
    for change in changes.changes:
        if change.op == "insert":
            change.key = -3
        for values in (change.new, change.old):
            if values is not None:
                values["allume"] = change.op != "delete"
    with french(tmp_path):
        layer = build_attribute_diff(changes, "x", COLOURS)
        cache = QgsVectorLayerCache(layer, 100)
        model = QgsAttributeTableModel(cache)
        model.loadLayer()
        fields = layer.fields()
        titles = {name: model.headerData(fields.indexOf(name), Qt.Orientation.Horizontal,
                                         Qt.ItemDataRole.DisplayRole)
                  for name in ("_op", "_key", "_geometry_changed", OLD_PREFIX + "allume")}

        def shown(name):
            column = fields.indexOf(name)
            return [model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
                    for row in range(model.rowCount())]

        keys, geometry, allume = shown("_key"), shown("_geometry_changed"), shown("allume")
    assert not any(title.startswith("_") for title in titles.values()), titles
    assert titles["_geometry_changed"] == "Géométrie modifiée"
    assert titles[OLD_PREFIX + "allume"] == "allume (avant)"
    assert "nouvelle entité n° 3" in keys and "-3" not in keys
    assert set(geometry) <= {"Oui", "Non"} and set(allume) <= {"Oui", "Non", "(NULL)"}
    assert "Oui" in allume
    assert {f["_key"] for f in layer.getFeatures()} >= {"-3"}        # the value stays the key
