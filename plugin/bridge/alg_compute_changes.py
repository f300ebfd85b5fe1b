"""Processing algorithm geogov:compute_changes: the changes between two versions of a layer.

The same change set as "Propose my changes" (plugin/proposals/changeset.py), as a layer:
one feature per added, modified or deleted feature, with ``op``, ``fid`` (the key),
``changed_fields``, ``geometry_changed``, the new geometry and attributes (the old ones
for a deletion). QGIS's native:detectvectorchanges reports a modified feature as deleted
+ added; this one names the fields that changed.
"""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
)

from ..errors import GeoGovError
from .alg_common import GeoGovAlgorithm, add_layer_pair_parameters, error_message
from .i18n import tr
from .qgis_compat import FieldType

CHANGE_COLUMNS = ("op", "fid", "changed_fields", "geometry_changed")
# A GeoPackage takes a column named "fid" as its feature id (integers only): the output's
# own feature id column gets another name, so a text key can be written as "fid".
GPKG_LAYER_OPTIONS = ["FID=geogov_fid"]


def key_field(layer, key: str) -> QgsField:
    from .features import FEATURE_ID

    if key == FEATURE_ID:
        return QgsField("fid", FieldType.LONG)
    index = layer.fields().indexOf(key)
    source = layer.fields().at(index)
    kind = source.type()
    if kind in FieldType.INTEGERS:
        return QgsField("fid", FieldType.LONG)
    return QgsField("fid", FieldType.STRING)


def output_fields(layer, schema) -> tuple:
    """(QgsFields of the output, [(output name, schema field name)] of the attributes).
    A layer field whose name is one of the change columns is written as "<name>_1"."""
    fields = QgsFields()
    fields.append(QgsField("op", FieldType.STRING, len=6))
    fields.append(key_field(layer, schema.key))
    fields.append(QgsField("changed_fields", FieldType.STRING))
    fields.append(QgsField("geometry_changed", FieldType.BOOL))
    mapping = []
    layer_fields = layer.fields()
    for name in schema.field_names():
        source = QgsField(layer_fields.at(layer_fields.indexOf(name)))
        out_name = name if name not in CHANGE_COLUMNS else f"{name}_1"
        source.setName(out_name)
        fields.append(source)
        mapping.append((out_name, name))
    return fields, mapping


def change_feature(change, fields, mapping) -> QgsFeature:
    from ..proposals.model import DELETE
    from .propose_reload import qt_value

    feature = QgsFeature(fields)
    values = change.old if change.op == DELETE else change.new
    values = values or {}
    key = change.key
    if fields.at(1).type() == FieldType.LONG and not isinstance(key, int):
        key = None          # a provisional key of a new feature that has none of its own
    attributes = [change.op, key, ",".join(change.changed_fields), bool(change.geometry_changed)]
    attributes += [qt_value(values.get(name)) for _out, name in mapping]
    feature.setAttributes(attributes)
    blob = change.old_geometry if change.op == DELETE else change.new_geometry
    if blob is not None:
        geometry = QgsGeometry()
        geometry.fromWkb(blob)
        feature.setGeometry(geometry)
    return feature


def is_geopackage_destination(destination: str) -> bool:
    text = (destination or "").strip().lower()
    return text.endswith(".gpkg") or ".gpkg|" in text or text.startswith("ogr:")


class ComputeChangesAlgorithm(GeoGovAlgorithm):
    GROUP_ID = "proposals"
    ORIGINAL = "ORIGINAL"
    REVISED = "REVISED"
    KEY = "KEY"
    OUTPUT = "OUTPUT"
    INSERTED = "INSERTED"
    UPDATED = "UPDATED"
    DELETED = "DELETED"

    def name(self):
        return "compute_changes"

    def displayName(self):
        return tr("Compute the changes between two layers")

    def shortHelpString(self):
        return tr(
            "Compares the original (authoritative) version of a layer with a revised version and "
            "writes one feature per change.\n\n"
            "Original layer (ORIGINAL): the authoritative data (WFS, PostGIS, GeoPackage…).\n"
            "Revised layer (REVISED): the edited version, with the same fields.\n"
            "Key field (KEY, optional): the field that identifies a feature in both layers (the "
            "dataset's key in the partnership convention, e.g. identifiant); empty: the original "
            "layer's primary key, else the QGIS feature id.\n\n"
            "Output (OUTPUT): op (insert, update or delete), fid (the key; empty for a new feature "
            "without a key of its own), changed_fields (the modified fields, comma-separated), "
            "geometry_changed, the new geometry and attributes (the old ones for a deletion). A "
            "field of the layers named like one of these columns is written with \"_1\" appended. "
            "Numbers of added (INSERTED), modified (UPDATED) and deleted (DELETED) features.")

    def createInstance(self):
        return ComputeChangesAlgorithm()

    def initAlgorithm(self, config=None):
        add_layer_pair_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Changes")))
        self.addOutput(QgsProcessingOutputNumber(self.INSERTED, tr("Added features")))
        self.addOutput(QgsProcessingOutputNumber(self.UPDATED, tr("Modified features")))
        self.addOutput(QgsProcessingOutputNumber(self.DELETED, tr("Deleted features")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..proposals.model import DELETE, INSERT, UPDATE
        from .features import (
            FEATURE_ID,
            LayerRows,
            callbacks_from_feedback,
            diff_layer_rows,
            schema_from_layer,
        )

        original = self.parameterAsVectorLayer(parameters, self.ORIGINAL, context)
        revised = self.parameterAsVectorLayer(parameters, self.REVISED, context)
        if original is None or revised is None:
            raise QgsProcessingException(tr("Both the original and the revised layer are needed."))
        key = self.parameterAsString(parameters, self.KEY, context) or None
        schema = schema_from_layer(original, key)
        if schema.key != FEATURE_ID and revised.fields().indexOf(schema.key) < 0:
            raise QgsProcessingException(tr("The revised layer has no field {key}.").format(key=schema.key))
        progress, is_cancelled = callbacks_from_feedback(feedback)
        try:
            changeset = diff_layer_rows(LayerRows(original, schema), LayerRows(revised, schema), schema,
                                        progress=progress, is_cancelled=is_cancelled)
        except GeoGovError as error:
            raise QgsProcessingException(error_message(error)) from None
        fields, mapping = output_fields(original, schema)
        destination = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        options = GPKG_LAYER_OPTIONS if is_geopackage_destination(destination) else []
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, original.wkbType(),
                                             original.crs(), layerOptions=options)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for change in changeset.changes:
            if not sink.addFeature(change_feature(change, fields, mapping), QgsFeatureSink.Flag.FastInsert):
                feedback.reportError(tr("The change of feature {key} could not be written: {error}").format(
                    key=change.key, error=sink.lastError()))
        counts = changeset.counts()
        feedback.pushInfo(tr("{inserted} added, {updated} modified, {deleted} deleted.").format(
            inserted=counts[INSERT], updated=counts[UPDATE], deleted=counts[DELETE]))
        return {self.OUTPUT: dest_id, self.INSERTED: counts[INSERT], self.UPDATED: counts[UPDATE],
                self.DELETED: counts[DELETE]}
