"""QGIS layers <-> the plain rows and schemas of the proposal core.

Threading: a QgsVectorLayer belongs to the main thread. :class:`LayerRows` is built on
the main thread (it snapshots the layer into a QgsVectorLayerFeatureSource, edit buffer
included, or notes the GeoPackage file behind it) and is then iterated from a QgsTask's
worker thread, e.g.::

    base, edited = LayerRows(base_layer, schema), LayerRows(edited_layer, schema)
    run_task("Changes", diff_layer_rows, base, edited, schema, on_done=…)

Fast path: an unedited GeoPackage table (ogr provider, no subset) is read with SQLite
directly, sorted by key (core gpkg_table_reader); every other source goes through a
QgsFeatureRequest with only the schema's attributes, in the source's own order or sorted
by key (see diff_layer_rows). A source that does not deliver Python's key order (a text
key sorted under a locale collation) is read again for the hash-join, which needs none.

A layer's own uncommitted edits (its edit buffer) are diffed by propose.EditBufferRows.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Optional

from qgis.core import (
    QgsFeatureRequest,
    QgsFieldConstraints,
    QgsFields,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QByteArray, QDate, QDateTime, Qt, QTime, QVariant

from ..proposals import gpkg_table_reader
from ..proposals.changeset import ChangeSetInputError, compute_changeset
from ..proposals.model import (
    BINARY,
    BOOLEAN,
    DATE,
    DATETIME,
    INTEGER,
    REAL,
    STRING,
    ChangeSet,
    FieldDef,
    Schema,
)
from .qgis_compat import FieldType

# Key of a layer without a primary-key field: the QGIS feature id.
FEATURE_ID = "$id"
_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})
KEY_ORDER, NATURAL_ORDER = "key", "natural"
# Providers whose order-by becomes SQL ORDER BY in the database. Elsewhere QGIS may sort
# on the client, holding every feature in memory: their natural order is tried first.
_SORTING_PROVIDERS = {"postgres", "spatialite", "oracle", "mssql", "hana"}

_FIELD_TYPES = {
    FieldType.INT: INTEGER, FieldType.UINT: INTEGER, FieldType.LONG: INTEGER, FieldType.ULONG: INTEGER,
    FieldType.DOUBLE: REAL, FieldType.BOOL: BOOLEAN, FieldType.DATE: DATE, FieldType.DATETIME: DATETIME,
    FieldType.BYTES: BINARY, FieldType.STRING: STRING, FieldType.CHAR: STRING,
    # No core type for these: fingerprints keep them as stable JSON text.
    FieldType.TIME: "time", FieldType.STRING_LIST: "list", FieldType.LIST: "list", FieldType.MAP: "json",
}


def callbacks_from_feedback(feedback) -> tuple:
    """(progress(fraction), is_cancelled()) for a QgsFeedback (Processing, QgsTask)."""
    if feedback is None:
        return None, None
    return (lambda fraction: feedback.setProgress(100.0 * fraction)), feedback.isCanceled


# ---------------------------------------------------------------------------- schema
def field_type(qgs_field) -> str:
    return _FIELD_TYPES.get(qgs_field.type(), STRING)


def schema_from_layer(layer: QgsVectorLayer, key: Optional[str] = None) -> Schema:
    """Schema of the layer's provider fields (no virtual, joined or not yet committed
    field), its key (``key``, else the provider's primary key, else the feature id),
    geometry type and CRS."""
    provider = layer.dataProvider()
    fields = layer.fields()
    pk = set(provider.pkAttributeIndexes()) if provider is not None else set()
    defs = []
    for index in range(fields.count()):
        if fields.fieldOrigin(index) != QgsFields.FieldOrigin.OriginProvider:
            continue
        qgs_field = fields.at(index)
        provider_index = provider.fields().indexOf(qgs_field.name()) if provider is not None else -1
        constraints = qgs_field.constraints()
        not_null = bool(constraints.constraints() & QgsFieldConstraints.Constraint.ConstraintNotNull) and \
            constraints.constraintOrigin(QgsFieldConstraints.Constraint.ConstraintNotNull) == \
            QgsFieldConstraints.ConstraintOrigin.ConstraintOriginProvider
        kind = field_type(qgs_field)
        auto = provider_index in pk and kind == INTEGER or bool(
            provider is not None and provider_index >= 0 and provider.defaultValueClause(provider_index))
        defs.append(FieldDef(qgs_field.name(), kind, nullable=not not_null, length=max(qgs_field.length(), 0),
                             auto=auto))
    if key is None:
        names = [fields.at(i).name() for i in sorted(pk) if 0 <= i < fields.count()]
        key = names[0] if len(names) == 1 else FEATURE_ID
    wkb_type = layer.wkbType()
    geometry_type = "" if wkb_type in (QgsWkbTypes.Type.NoGeometry, QgsWkbTypes.Type.Unknown) else \
        QgsWkbTypes.displayString(wkb_type)
    crs = layer.crs()
    return Schema(fields=defs, key=key, geometry_type=geometry_type,
                  crs=(crs.authid() or crs.toWkt()) if crs.isValid() else "")


# ---------------------------------------------------------------------------- values
def python_value(value):
    """A plain Python value for an attribute as PyQGIS hands it over."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, QVariant):
        return None if value.isNull() else python_value(value.value())
    if isinstance(value, QDateTime):
        if value.isNull() or not value.isValid():
            return None
        naive = value.toPyDateTime()
        spec = value.timeSpec()
        if spec == Qt.TimeSpec.UTC:
            return naive.replace(tzinfo=dt.timezone.utc)
        if spec == Qt.TimeSpec.OffsetFromUTC:
            return naive.replace(tzinfo=dt.timezone(dt.timedelta(seconds=value.offsetFromUtc())))
        return naive
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    if isinstance(value, QByteArray):
        # A null blob comes as an empty, null QByteArray rather than a null QVariant.
        return None if value.isNull() else bytes(value)
    if isinstance(value, (list, tuple)):
        return [python_value(v) for v in value]
    if isinstance(value, dict):
        return {k: python_value(v) for k, v in value.items()}
    return value


def geometry_wkb(feature) -> Optional[bytes]:
    if not feature.hasGeometry():
        return None
    return bytes(feature.geometry().asWkb())


# ---------------------------------------------------------------------------- rows
def geopackage_table(layer: QgsVectorLayer) -> Optional[tuple]:
    """(path, table) when the layer is an unedited, unfiltered GeoPackage table."""
    if layer.providerType() != "ogr" or layer.isModified() or layer.subsetString():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    table = parts.get("layerName")
    if not path.lower().endswith(".gpkg") or parts.get("subset"):
        return None
    if not table:
        # "file.gpkg" alone (or with a layer index): OGR opened its only feature table.
        tables = gpkg_table_reader.feature_tables(path)
        if len(tables) != 1:
            return None
        table = tables[0]
    return path, table


class LayerRows:
    """The rows of one layer for the diff; build on the main thread, iterate anywhere."""

    def __init__(self, layer: QgsVectorLayer, schema: Schema, *, fast_path: bool = True):
        self.schema = schema
        self.count = max(layer.featureCount(), 0)
        self.names = schema.field_names()
        layer_fields = layer.fields()
        self.field_count = layer_fields.count()
        self.indexes = [layer_fields.indexOf(name) for name in self.names]
        self.key_index = layer_fields.indexOf(schema.key) if schema.key != FEATURE_ID else -1
        self.geopackage = geopackage_table(layer) if fast_path else None
        if self.geopackage is not None and not self._geopackage_has_fields():
            self.geopackage = None
        self.source = None if self.geopackage else QgsVectorLayerFeatureSource(layer)
        self.sorts_in_database = bool(self.geopackage) or layer.providerType() in _SORTING_PROVIDERS
        self.has_geometry = bool(schema.geometry_type)

    def _geopackage_has_fields(self) -> bool:
        try:
            table_schema = gpkg_table_reader.geopackage_schema(*self.geopackage)
        except gpkg_table_reader.GeoPackageError:
            return False
        names = set(table_schema.field_names())
        key_ok = self.schema.key == FEATURE_ID or self.schema.key in names
        return key_ok and all(n in names for n in self.names)

    def rows(self, order: Optional[str] = KEY_ORDER):
        """(key, values tuple, WKB) for every feature. ``order``: KEY_ORDER asks the source
        to sort by key, NATURAL_ORDER takes its own order (often already the key's), None
        when order does not matter. The GeoPackage fast path is always sorted by SQLite."""
        if self.geopackage is not None and self.schema.key != FEATURE_ID:
            return gpkg_table_reader.read_rows(*self.geopackage, self.schema)
        return self._qgis_rows(order == KEY_ORDER)

    def _qgis_rows(self, ordered: bool):
        request = QgsFeatureRequest()
        attributes = [i for i in self.indexes if i >= 0]
        if self.key_index >= 0 and self.key_index not in attributes:
            attributes.append(self.key_index)
        request.setSubsetOfAttributes(attributes)
        if not self.has_geometry:
            request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        if ordered:
            expression = "$id" if self.key_index < 0 else '"' + self.schema.key.replace('"', '""') + '"'
            request.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause(expression, True)]))
        indexes = self.indexes
        key_index = self.key_index
        key_position = indexes.index(key_index) if key_index >= 0 and key_index in indexes else -1
        convert = python_value
        plain = _PLAIN_TYPES
        every_field_in_order = indexes == list(range(len(indexes))) and len(indexes) == self.field_count
        for feature in self.source.getFeatures(request):
            values = feature.attributes()
            # Most values are str/int/float already: convert only the others (QDate, NULL…).
            if every_field_in_order:
                row = tuple([v if type(v) in plain else convert(v) for v in values])
            else:
                row = tuple([convert(values[i]) if i >= 0 else None for i in indexes])
            key = feature.id() if key_index < 0 else row[key_position] if key_position >= 0 else \
                convert(values[key_index])
            yield key, row, (bytes(feature.geometry().asWkb()) if feature.hasGeometry() else None)


def diff_layer_rows(base: LayerRows, edited: LayerRows, schema: Schema, *,
                    progress: Optional[Callable[[float], None]] = None,
                    is_cancelled: Optional[Callable[[], bool]] = None) -> ChangeSet:
    """The change set between two LayerRows (any thread).

    Streaming merge-join on rows in key order: first in the sources' natural order
    (unless both sort in their database), then asking them to sort by key; the merge-join
    notices the first key out of order. If neither gives Python's key order (a text key
    under a locale collation), the hash-join, which needs no order."""
    expected = base.count + edited.count
    orders = [KEY_ORDER] if base.sorts_in_database and edited.sorts_in_database else \
        [NATURAL_ORDER, KEY_ORDER]
    for order in orders:
        try:
            return compute_changeset(base.rows(order), edited.rows(order), schema, sorted_by_key=True,
                                     progress=progress, is_cancelled=is_cancelled, expected_rows=expected)
        except ChangeSetInputError as error:
            if error.code != "changeset.unsorted":
                raise
    return compute_changeset(base.rows(None), edited.rows(None), schema, sorted_by_key=False,
                             progress=progress, is_cancelled=is_cancelled, expected_rows=expected)


def changeset_between_layers(base_layer: QgsVectorLayer, edited_layer: QgsVectorLayer, *,
                             key: Optional[str] = None, fast_path: bool = True, feedback=None,
                             progress=None, is_cancelled=None) -> ChangeSet:
    """The change set turning ``base_layer`` (authoritative) into ``edited_layer``, on the
    calling thread (the main thread: for a task, build LayerRows and use diff_layer_rows)."""
    if feedback is not None:
        progress, is_cancelled = callbacks_from_feedback(feedback)
    schema = schema_from_layer(base_layer, key)
    return diff_layer_rows(LayerRows(base_layer, schema, fast_path=fast_path),
                           LayerRows(edited_layer, schema, fast_path=fast_path), schema,
                           progress=progress, is_cancelled=is_cancelled)
