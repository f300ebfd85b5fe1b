"""A proposal's change set as temporary QGIS layers: the map diff and the attribute diff.

Map diff (Kart's old/new layers): two memory layers in the target's CRS,

- **after** (``_side`` = new): the inserted features and the new state of the modified ones;
- **before** (``_side`` = old): the deleted features and the old state of the modified ones;

each with the proposal's attributes plus ``_seq`` (the change's index, to step through
the changes), ``_op`` and ``_key``. Both are styled with the rule-based QML shipped in
resources/styles/diff_<point|line|polygon>.qml (added green, deleted red, modified
orange, the old state of a modified feature dashed); the rule colours are then set from
the settings (colour_added / colour_deleted / colour_modified).

Attribute diff (Mergin's "diff as a layer"): a table layer with one row per change,
``_op`` (insert / update / delete), ``_key``, ``_geometry_changed`` and, for every field,
its proposed value with ``_old_<field>`` beside it. Conditional styles colour an insert
row green and a delete row red (from resources/styles/attribute_diff.qml, colours from
the settings) and highlight, for each field, the cells of an update where
``"field" IS NOT "_old_field"`` — so QGIS's own attribute table shows the diff.

Everything here runs on the main thread (layers are created and styled there); building
the features of a large change set is quick (no I/O).
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from typing import Optional

from qgis.core import (
    Qgis,
    QgsConditionalStyle,
    QgsCoordinateReferenceSystem,
    QgsEditorWidgetSetup,
    QgsExpression,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..errors import GeoGovError
from ..proposals import wkb
from ..proposals.model import BOOLEAN, DATE, DATETIME, DELETE, INSERT, INTEGER, REAL, UPDATE
from .i18n import tr
from .propose_reload import qt_value
from .qgis_compat import FieldType
from .resources import resource_path

SIDE_NEW, SIDE_OLD = "new", "old"
OLD_PREFIX = "_old_"
# Rule keys of the QML styles (stable ids, so the colours can be set from the settings).
RULE_ADDED, RULE_DELETED, RULE_MODIFIED, RULE_MODIFIED_OLD = "added", "deleted", "modified", "modified_old"
RULE_COLOURS = {RULE_ADDED: "colour_added", RULE_DELETED: "colour_deleted",
                RULE_MODIFIED: "colour_modified", RULE_MODIFIED_OLD: "colour_modified"}
ROW_STYLE_NAMES = {INSERT: "insert", DELETE: "delete"}
# What the plugin marks its temporary layers with (to find and remove them).
TEMPORARY_PROPERTY = "geogov/review_layer"

_QVARIANT = {INTEGER: FieldType.LONG, REAL: FieldType.DOUBLE, BOOLEAN: FieldType.BOOL,
             DATE: FieldType.DATE, DATETIME: FieldType.DATETIME}
_FAMILY_QML = {QgsWkbTypes.GeometryType.PointGeometry: "diff_point.qml",
               QgsWkbTypes.GeometryType.LineGeometry: "diff_line.qml",
               QgsWkbTypes.GeometryType.PolygonGeometry: "diff_polygon.qml"}


class DiffLayerError(GeoGovError):
    code = "diff.layer"


def style_path(name: str) -> str:
    return resource_path("styles", name)


# ---------------------------------------------------------------------------- values
def display_value(value, field_type: str):
    """A plain value as the diff layers store it: typed when QGIS has the type, else text."""
    if value is None:
        return None
    if field_type in _QVARIANT:
        return qt_value(value)
    if isinstance(value, (bytes, bytearray)):
        return tr("({n} bytes)").format(n=len(value))
    return str(value)


def _converter(field_type: str):
    """display_value for one field type, as one function, chosen once per field: a large
    change set converts millions of values. Dates and times are converted once per
    distinct value (a street-light layer has a few thousand dates for 100 000 features)."""
    if field_type in (DATE, DATETIME):
        seen = {}

        def convert(value):
            if value is None:
                return None
            found = seen.get((type(value), value))
            if found is None:
                found = seen[(type(value), value)] = qt_value(value)
            return found
        return convert
    if field_type in _QVARIANT:
        # Numbers and booleans go as they are (qt_value's own answer for them), without
        # a call per value.
        plain = (int, float, bool, type(None))
        return lambda value: value if type(value) in plain else qt_value(value)
    return lambda value: value if type(value) is str else display_value(value, field_type)


# Features go to a memory layer this many at a time: the Python QgsFeatures of a whole
# 100 000-change proposal would be held twice (Python, provider) at the peak otherwise.
_BATCH = 5000


def _add_features(layer: QgsVectorLayer, features: list, what: str) -> None:
    ok, _ = layer.dataProvider().addFeatures(features)
    if not ok:
        raise DiffLayerError(f"{what} refused its features: {layer.dataProvider().lastError()}",
                             code="diff.features")
    features.clear()


def _qfield(name: str, field_type: str) -> QgsField:
    return QgsField(name, _QVARIANT.get(field_type, FieldType.STRING))


def shown_fields(schema) -> list:
    """The schema's fields the diffs show (not those the data source fills itself)."""
    return [f for f in schema.fields if not f.auto]


def geometry_of(blob) -> QgsGeometry:
    if blob is None:
        return QgsGeometry()
    iso = wkb.to_iso_wkb(blob)
    geometry = QgsGeometry()
    if iso:
        geometry.fromWkb(iso)
    return geometry


def _layer_wkb_type(changeset) -> int:
    """The memory layer's type: the schema's, else that of the first geometry."""
    if changeset.schema.geometry_type:
        found = QgsWkbTypes.parseType(changeset.schema.geometry_type)
        if found != QgsWkbTypes.Type.Unknown:
            return found
    for change in changeset.changes:
        for blob in (change.new_geometry, change.old_geometry):
            if blob is not None:
                geometry = geometry_of(blob)
                if not geometry.isNull():
                    return QgsWkbTypes.multiType(geometry.wkbType())
    return QgsWkbTypes.Type.NoGeometry


def _memory_layer(wkb_type: int, crs: str, fields: QgsFields, name: str) -> QgsVectorLayer:
    kind = "None" if wkb_type == QgsWkbTypes.Type.NoGeometry else QgsWkbTypes.displayString(wkb_type)
    layer = QgsVectorLayer(kind, name, "memory")
    if crs and wkb_type != QgsWkbTypes.Type.NoGeometry:
        layer.setCrs(QgsCoordinateReferenceSystem(crs))
    provider = layer.dataProvider()
    provider.addAttributes(fields.toList())
    layer.updateFields()
    layer.setCustomProperty(TEMPORARY_PROPERTY, True)
    return layer


# ---------------------------------------------------------------------------- map diff
class Extents:
    """Per change, the bounding box of its geometries (old and new together), as four
    numbers in one flat array (NaN: no geometry) rather than a QgsRectangle per change
    (100 000 of them for a large proposal). ``extents[i]`` is a QgsRectangle or None."""

    def __init__(self):
        self.values = array("d")

    def __len__(self) -> int:
        return len(self.values) // 4

    def __getitem__(self, index: int):
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        x0, y0, x1, y1 = self.values[4 * index:4 * index + 4]
        return None if x0 != x0 else QgsRectangle(x0, y0, x1, y1)

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def grow(self, count: int) -> None:
        """``count`` more changes, without a box yet."""
        self.values.extend(_NO_BOX * count)

    def include(self, index: int, box: QgsRectangle) -> None:
        at = 4 * index
        values = self.values
        if values[at] != values[at]:
            values[at:at + 4] = array("d", (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))
        else:
            values[at] = min(values[at], box.xMinimum())
            values[at + 1] = min(values[at + 1], box.yMinimum())
            values[at + 2] = max(values[at + 2], box.xMaximum())
            values[at + 3] = max(values[at + 3], box.yMaximum())

    def located(self) -> list:
        """The indices of the changes that have a box."""
        return [i for i, x in enumerate(self.values[0::4]) if x == x]

    def union(self):
        """The box of every change's box, or None."""
        xs = [x for x in self.values[0::4] if x == x]
        if not xs:
            return None
        values = self.values
        return QgsRectangle(min(xs), min(y for y in values[1::4] if y == y),
                            max(x for x in values[2::4] if x == x), max(y for y in values[3::4] if y == y))


_NO_BOX = array("d", (math.nan,) * 4)


@dataclass
class MapDiff:
    """The two map layers and where each change is, for zoom and previous / next."""

    after: QgsVectorLayer
    before: QgsVectorLayer
    extents: Extents = field(default_factory=Extents)   # per change: its box (None if no geometry)
    ops: list = field(default_factory=list)          # per change: insert / update / delete
    keys: list = field(default_factory=list)         # per change: the feature key
    counts: dict = field(default_factory=dict)

    @property
    def layers(self) -> list:
        return [self.after, self.before]


def map_fields(schema) -> QgsFields:
    fields = QgsFields()
    for name, kind in (("_seq", INTEGER), ("_side", "string"), ("_op", "string"), ("_key", "string")):
        fields.append(_qfield(name, kind))
    for f in shown_fields(schema):
        if fields.indexOf(f.name) < 0:
            fields.append(_qfield(f.name, f.type))
    return fields


def _column_converter(field_type: str):
    """_converter for a whole column of values at once: the column as it is when every
    value already has a type the field stores unchanged (checked in one pass at C speed),
    else each value converted."""
    convert = _converter(field_type)
    if field_type in (DATE, DATETIME):
        return lambda column: [convert(value) for value in column]
    kept = _NUMBER_TYPES if field_type in _QVARIANT else _TEXT_TYPES
    return lambda column: column if set(map(type, column)) <= kept else [convert(value) for value in column]


_NUMBER_TYPES = frozenset((int, float, bool, type(None)))
_TEXT_TYPES = frozenset((str, type(None)))


def _values_of(names):
    """A function: an attribute dict -> its values of ``names`` (a tuple), missing ones None."""
    if not names:
        return lambda attributes: ()
    if len(names) == 1:
        name = names[0]
        return lambda attributes: (attributes.get(name),)
    every = itemgetter(*names)

    def values(attributes):
        try:
            return every(attributes)
        except KeyError:
            return tuple(attributes.get(name) for name in names)
    return values


def _geometry(blob) -> QgsGeometry:
    """geometry_of, without a call for the usual little-endian ISO WKB."""
    geometry = QgsGeometry()
    if blob is not None:
        if blob[:1] != b"\x01" or len(blob) < 5 or blob[4] & 0xE0:
            blob = wkb.to_iso_wkb(blob)
        if blob:
            geometry.fromWkb(blob)
    return geometry


def build_map_diff(changeset, title: str = "", colours=None) -> MapDiff:
    """Two styled memory layers (after, before) for ``changeset``; not added to any project.

    A large change set is turned into features a batch of changes at a time, column by
    column (each field's values checked and converted in one pass, the attribute lists
    then zipped), so what runs per feature is little more than making it."""
    wkb_type = _layer_wkb_type(changeset)
    if wkb_type == QgsWkbTypes.Type.NoGeometry:
        raise DiffLayerError("the changes have no geometry to show on the map", code="diff.no_geometry")
    schema = changeset.schema
    fields = map_fields(schema)
    label = title or tr("proposal")
    after = _memory_layer(wkb_type, schema.crs, fields, tr("{title} — after").format(title=label))
    before = _memory_layer(wkb_type, schema.crs, fields, tr("{title} — before").format(title=label))
    diff = MapDiff(after, before, counts=changeset.counts())
    # Attribute lists in the fields' order: _seq, _side, _op, _key, then the shown fields
    # (map_fields), each with its converter.
    types = {}
    for f in shown_fields(schema):
        types.setdefault(f.name, f.type)
    names = [fields.at(i).name() for i in range(4, fields.count())]
    converters = [_column_converter(types[name]) for name in names]
    values_of = _values_of(names)
    sides = ((SIDE_NEW, (INSERT, UPDATE), after, "new", "new_geometry"),
             (SIDE_OLD, (UPDATE, DELETE), before, "old", "old_geometry"))
    changes = changeset.changes
    extents = diff.extents
    for start in range(0, len(changes), _BATCH):
        batch = changes[start:start + _BATCH]
        extents.grow(len(batch))
        for side, ops, layer, attributes_name, geometry_name in sides:
            picked = [(seq, change) for seq, change in enumerate(batch, start) if change.op in ops]
            if not picked:
                continue
            rows = [values_of(getattr(change, attributes_name) or {}) for _, change in picked]
            columns = [convert(column) for convert, column in zip(converters, zip(*rows))] \
                if names else []
            records = zip([seq for seq, _ in picked], repeat(side), [change.op for _, change in picked],
                          [None if change.key is None else str(change.key) for _, change in picked],
                          *columns)
            features = []
            for record, (seq, change) in zip(records, picked):
                feature = QgsFeature(fields)
                feature.setAttributes(list(record))
                blob = getattr(change, geometry_name)
                if blob is not None:
                    geometry = _geometry(blob)
                    if not geometry.isNull():
                        feature.setGeometry(geometry)
                        extents.include(seq, geometry.boundingBox())
                features.append(feature)
            _add_features(layer, features, "the diff layer")
        diff.ops.extend(change.op for change in batch)
        diff.keys.extend(change.key for change in batch)
    for _side, _ops, layer, _attributes, _geometry_name in sides:
        layer.updateExtents()
        apply_map_style(layer, colours)
    return diff


def apply_map_style(layer: QgsVectorLayer, colours=None) -> None:
    """Load the QML of the layer's geometry family, then the rule colours and labels."""
    qml = _FAMILY_QML.get(layer.geometryType())
    if qml is None:
        return
    message, ok = layer.loadNamedStyle(style_path(qml))
    if not ok:
        raise DiffLayerError(f"cannot load {qml}: {message}", code="diff.style", source=style_path(qml))
    renderer = layer.renderer()
    if not isinstance(renderer, QgsRuleBasedRenderer):
        raise DiffLayerError(f"{qml} is not a rule-based style", code="diff.style", source=style_path(qml))
    labels = rule_labels()
    for rule in renderer.rootRule().children():
        key = rule.ruleKey()
        if key in labels:
            rule.setLabel(labels[key])
        attribute = RULE_COLOURS.get(key)
        if colours is not None and attribute and rule.symbol() is not None:
            colour = QColor(getattr(colours, attribute))
            if colour.isValid():
                _set_symbol_colour(rule.symbol(), colour)
    layer.triggerRepaint()


def _set_symbol_colour(symbol, colour: QColor) -> None:
    """The colour of every symbol layer: a line's colour; a marker's or a fill's inside
    (keeping its transparency) with a darker outline, or only the outline when hollow."""
    for index in range(symbol.symbolLayerCount()):
        symbol_layer = symbol.symbolLayer(index)
        if symbol.type() == Qgis.SymbolType.Line:
            symbol_layer.setColor(colour)
            continue
        fill = symbol_layer.fillColor()
        if fill.isValid() and fill.alpha() > 0:
            keep = QColor(colour)
            keep.setAlpha(fill.alpha())
            symbol_layer.setFillColor(keep)
            symbol_layer.setStrokeColor(QColor(colour).darker(130))
        else:
            symbol_layer.setStrokeColor(QColor(colour))


def rule_labels() -> dict:
    return {RULE_ADDED: tr("Added"), RULE_DELETED: tr("Deleted"), RULE_MODIFIED: tr("Modified (after)"),
            RULE_MODIFIED_OLD: tr("Modified (before)")}


# ---------------------------------------------------------------------------- attribute diff
def attribute_fields(schema) -> QgsFields:
    fields = QgsFields()
    for name, kind in (("_op", "string"), ("_key", "string"), ("_geometry_changed", BOOLEAN)):
        fields.append(_qfield(name, kind))
    for f in shown_fields(schema):
        fields.append(_qfield(f.name, f.type))
        fields.append(_qfield(OLD_PREFIX + f.name, f.type))
    return fields


def build_attribute_diff(changeset, title: str = "", colours=None) -> QgsVectorLayer:
    """One row per change with ``_op``, every field and its ``_old_`` value, conditional styles."""
    schema = changeset.schema
    fields = attribute_fields(schema)
    layer = _memory_layer(QgsWkbTypes.Type.NoGeometry, "", fields,
                          tr("{title} — attribute changes").format(title=title or tr("proposal")))
    types = [(f.name, f.type) for f in shown_fields(schema)]
    # In the fields' order (attribute_fields): _op, _key, _geometry_changed, then each
    # field and its old value.
    converters = [(name, _converter(kind)) for name, kind in types]
    features = []
    for change in changeset.changes:
        moved = change.geometry_changed if change.op == UPDATE else (
            change.new_geometry is not None if change.op == INSERT else change.old_geometry is not None)
        values = [change.op, None if change.key is None else str(change.key), bool(moved)]
        new, old = change.new or {}, change.old or {}
        for name, convert in converters:
            values.append(convert(new.get(name)))
            values.append(convert(old.get(name)))
        feature = QgsFeature(fields)
        feature.setAttributes(values)
        features.append(feature)
        if len(features) >= _BATCH:
            _add_features(layer, features, "the attribute diff")
    _add_features(layer, features, "the attribute diff")
    apply_attribute_style(layer, [name for name, _ in types], colours)
    # The table says "added / modified / deleted" in the user's language; the value stays
    # the code that the styles' expressions (and an export of the layer) compare.
    labels = ((tr("added"), INSERT), (tr("modified"), UPDATE), (tr("deleted"), DELETE))
    layer.setEditorWidgetSetup(fields.indexOf("_op"), QgsEditorWidgetSetup(
        "ValueMap", {"map": [{label: code} for label, code in labels]}))
    name_columns(layer, changeset, [name for name, kind in types if kind == BOOLEAN])
    return layer


# Beyond this many new features, their keys show as numbers (a value map that size slows
# the table down more than it helps).
_NEW_KEY_LABELS = 5000


def name_columns(layer: QgsVectorLayer, changeset, booleans) -> None:
    """What a reviewer reads instead of the layer's inner names and values: "Change", "Key",
    "Geometry changed", "<field> (before)"; Yes/No for booleans; "new feature no. 3" for
    the key QGIS gives a feature it has not saved yet (-3). Display only: the values stay
    what the styles' expressions and an export of the layer use."""
    fields = layer.fields()
    for name, alias in (("_op", tr("Change")), ("_key", schema_key_label(changeset)),
                        ("_geometry_changed", tr("Geometry changed"))):
        layer.setFieldAlias(fields.indexOf(name), alias)
    for shown in shown_fields(changeset.schema):
        layer.setFieldAlias(fields.indexOf(OLD_PREFIX + shown.name),
                            tr("{field} (before)").format(field=shown.name))
    yes_no = QgsEditorWidgetSetup("ValueMap", {"map": [{tr("Yes"): True}, {tr("No"): False}]})
    for name in ("_geometry_changed", *booleans, *(OLD_PREFIX + b for b in booleans)):
        layer.setEditorWidgetSetup(fields.indexOf(name), yes_no)
    new_keys = [change.key for change in changeset.changes if change.op == INSERT
                and isinstance(change.key, int) and not isinstance(change.key, bool) and change.key < 0]
    if new_keys and len(new_keys) <= _NEW_KEY_LABELS:
        entries = [{tr("new feature no. {n}").format(n=-key): str(key)} for key in new_keys]
        layer.setEditorWidgetSetup(fields.indexOf("_key"), QgsEditorWidgetSetup(
            "ValueMap", {"map": entries}))


def schema_key_label(changeset) -> str:
    key = changeset.schema.key
    return tr("Key ({field})").format(field=key) if key else tr("Key")


def changed_condition(name: str) -> str:
    """The expression that says a field's cell changed in an update row."""
    column = QgsExpression.quotedColumnRef(name)
    old = QgsExpression.quotedColumnRef(OLD_PREFIX + name)
    return f"\"_op\" = 'update' AND {column} IS NOT {old}"


def _pastel(colour: QColor, keep: float) -> QColor:
    """``colour`` mixed with white (``keep`` of the colour), readable under black text."""
    return QColor(round(255 - (255 - colour.red()) * keep), round(255 - (255 - colour.green()) * keep),
                  round(255 - (255 - colour.blue()) * keep))


def apply_attribute_style(layer: QgsVectorLayer, field_names, colours=None) -> None:
    """Row styles from attribute_diff.qml (colours from the settings), a changed-cell
    style per field and its ``_old_`` twin."""
    message, ok = layer.loadNamedStyle(style_path("attribute_diff.qml"))
    if not ok:
        raise DiffLayerError(f"cannot load attribute_diff.qml: {message}", code="diff.style",
                             source=style_path("attribute_diff.qml"))
    styles = layer.conditionalStyles()
    rows = []
    for style in styles.rowStyles():
        op = next((op for op, name in ROW_STYLE_NAMES.items() if style.name() == name), None)
        if op is not None and colours is not None:
            base = QColor(colours.colour_added if op == INSERT else colours.colour_deleted)
            if base.isValid():
                style.setBackgroundColor(_pastel(base, 0.35))
        rows.append(style)
    styles.setRowStyles(rows)
    modified = QColor(colours.colour_modified) if colours is not None else QColor("#ff7f0e")
    if not modified.isValid():
        modified = QColor("#ff7f0e")
    for name in field_names:
        new = QgsConditionalStyle(changed_condition(name))
        new.setName("changed")
        new.setBackgroundColor(_pastel(modified, 0.55))
        font = QFont()
        font.setBold(True)
        new.setFont(font)
        styles.setFieldStyles(name, [new])
        old = QgsConditionalStyle(changed_condition(name))
        old.setName("changed_old")
        old.setBackgroundColor(_pastel(modified, 0.25))
        font = QFont()
        font.setStrikeOut(True)
        old.setFont(font)
        styles.setFieldStyles(OLD_PREFIX + name, [old])


def matching_style(layer: QgsVectorLayer, feature: QgsFeature, field_name: Optional[str] = None):
    """The conditional style QGIS's attribute table would use for a row (``field_name``
    None) or a cell: the first matching one, or None."""
    from qgis.core import QgsExpressionContext, QgsExpressionContextUtils

    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(feature)
    styles = layer.conditionalStyles()
    if field_name is None:
        candidates = styles.rowStyles()
        value = None
    else:
        candidates = styles.fieldStyles(field_name)
        value = feature[field_name]
    matched = QgsConditionalStyle.matchingConditionalStyles(candidates, value, context)
    return matched[0] if matched else None
