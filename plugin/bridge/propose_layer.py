"""A proposal's changes back in the layer they were made in (main thread).

- :func:`change_feature`: which feature of the layer a change (or a validation problem) is
  about, and where it lies, so the propose dialog selects it and shows it on the map. In the
  edit buffer, the feature id recorded when the changes were computed
  (propose.EditBufferRows.feature_ids) — a new feature's provisional, negative id included
  —, checked against the layer (the edit session may have ended since); otherwise the
  feature with the change's key. A deleted feature is in no layer any more: only its
  former place is known.
- :func:`roll_back_proposed`: after saving, the layer's edit buffer without the edits the
  proposal now holds, keeping those of the changes left out of it: QGIS rolls back a whole
  edit session, so the kept edits are read first and made again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
)

from ..proposals.leave_out import change_ref
from ..proposals.model import DELETE, INSERT, UPDATE
from .features import FEATURE_ID, python_value
from .propose import MODE_EDIT_BUFFER


@dataclass
class ChangeFeature:
    """Where one change is: its layer and feature (None: not in the layer, a deleted one)
    and the extent of its geometry (after the change; before it for a deletion), in ``crs``."""

    layer: object                   # QgsVectorLayer, or None when the layer is gone
    fid: Optional[int]
    extent: Optional[QgsRectangle]
    crs: QgsCoordinateReferenceSystem
    geometry: Optional[QgsGeometry] = None


def find_change(changeset, which):
    for change in changeset.changes:
        if change_ref(change) == which:
            return change
    return None


def _geometry(change) -> Optional[QgsGeometry]:
    blob = change.new_geometry if change.op != DELETE and change.new_geometry is not None else \
        change.old_geometry
    if not blob:
        return None
    geometry = QgsGeometry()
    geometry.fromWkb(blob)
    return None if geometry.isNull() else geometry


def _key_value(change, key: str):
    """The value of the key field the feature has in the layer it is looked for in."""
    if key == FEATURE_ID:
        return change.key
    if change.op == INSERT or (change.op == UPDATE and key in change.changed_fields):
        return (change.new or {}).get(key, change.key if change.op == UPDATE else None)
    return change.key


def _has_key(feature, key: str, value) -> bool:
    if key == FEATURE_ID:
        return True
    index = feature.fields().indexOf(key)
    return index >= 0 and python_value(feature.attributes()[index]) == value


def _by_key(layer, key: str, value) -> Optional[int]:
    if value is None:
        return None
    if key == FEATURE_ID:
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if layer.fields().indexOf(key) < 0:
        return None
    request = QgsFeatureRequest().setFilterExpression(
        f"{QgsExpression.quotedColumnRef(key)} = {QgsExpression.quotedValue(value)}")
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setLimit(1)
    for feature in layer.getFeatures(request):
        return feature.id()
    return None


def change_feature(prepared, which, project=None) -> Optional[ChangeFeature]:
    """Where the change ``which`` (leave_out ref) of ``prepared`` is; None if no such change."""
    change = find_change(prepared.all_changes, which)
    if change is None:
        return None
    project = project or QgsProject.instance()
    source = prepared.source
    # A deletion is a feature of the authoritative layer; the rest, of the edited one.
    layer_id = source.layer_id if source.mode == MODE_EDIT_BUFFER or change.op == DELETE else \
        (source.edited_layer_id or source.layer_id)
    layer = project.mapLayer(layer_id)
    geometry = _geometry(change)
    extent = geometry.boundingBox() if geometry is not None else None
    crs = layer.crs() if layer is not None else QgsCoordinateReferenceSystem(source.crs)
    if layer is None:
        return ChangeFeature(None, None, extent, crs, geometry)
    key = source.schema.key
    value = _key_value(change, key)
    fid = prepared.feature_ids.get(which) if source.mode == MODE_EDIT_BUFFER else None
    if fid is not None:
        feature = layer.getFeature(fid)
        # Gone (deleted in the edit buffer; a new feature of an edit session that ended), or
        # another feature now has that id: looked for by key instead.
        if not feature.isValid() or not _has_key(feature, key, value):
            fid = None
    if fid is None:
        fid = _by_key(layer, key, value)
        if fid is not None and not layer.getFeature(fid).isValid():
            fid = None
    return ChangeFeature(layer, fid, extent, crs, geometry)


# ---------------------------------------------------------------------------- roll back
def left_out_feature_ids(prepared) -> set:
    """The features of the layer whose changes are left out of ``prepared`` (edit buffer)."""
    ids = prepared.feature_ids
    return {ids[which] for which in prepared.excluded if which in ids}


def roll_back_proposed(layer, prepared) -> int:
    """Roll back ``layer``'s edit session but the edits of the changes left out of
    ``prepared``: those are made again in a new edit session (nothing is saved to the data).
    Returns how many features keep edits (0: the layer is no longer in edit mode, as after a
    plain rollback). Fields added in the session are added again when an edit is kept; an
    edit that is in no change (a value set back as it was) goes with the rollback."""
    buffer = layer.editBuffer()
    keep = left_out_feature_ids(prepared)
    fields = layer.fields()
    names = {i: fields.at(i).name() for i in range(fields.count())}
    editable = {i for i in names if fields.fieldOrigin(i) in (QgsFields.FieldOrigin.OriginProvider,
                                                               QgsFields.FieldOrigin.OriginEdit)}
    added_fields = [QgsField(fields.at(i)) for i in range(fields.count())
                    if fields.fieldOrigin(i) == QgsFields.FieldOrigin.OriginEdit]
    inserts, values, geometries, deletions = [], {}, {}, []
    if buffer is not None and keep:
        for fid, feature in buffer.addedFeatures().items():
            if fid not in keep:
                continue
            attributes = feature.attributes()
            inserts.append(({names[i]: attributes[i] for i in editable if i < len(attributes)},
                            QgsGeometry(feature.geometry()) if feature.hasGeometry() else None))
        for fid, changed in buffer.changedAttributeValues().items():
            if fid in keep:
                values[fid] = {names[i]: v for i, v in changed.items() if i in editable}
        for fid, geometry in buffer.changedGeometries().items():
            if fid in keep:
                geometries[fid] = QgsGeometry(geometry)
        deletions = [fid for fid in buffer.deletedFeatureIds() if fid in keep]
    kept = len(inserts) + len(set(values) | set(geometries) | set(deletions))
    layer.rollBack()
    if not kept:
        return 0
    if not layer.startEditing():
        raise RuntimeError(f"{layer.name()} cannot be edited again")
    layer.beginEditCommand("GeoGov: edits left out of the proposal")
    try:
        for added in added_fields:
            layer.addAttribute(added)
        fields = layer.fields()
        for attributes, geometry in inserts:
            feature = QgsFeature(fields)
            for name, value in attributes.items():
                if fields.indexOf(name) >= 0:
                    feature.setAttribute(fields.indexOf(name), value)
            if geometry is not None:
                feature.setGeometry(geometry)
            layer.addFeature(feature)
        for fid, changed in values.items():
            indexed = {fields.indexOf(n): v for n, v in changed.items() if fields.indexOf(n) >= 0}
            if indexed:
                layer.changeAttributeValues(fid, indexed)
        for fid, geometry in geometries.items():
            layer.changeGeometry(fid, geometry)
        for fid in deletions:
            layer.deleteFeature(fid)
    except Exception:
        layer.destroyEditCommand()
        raise
    layer.endEditCommand()
    return kept
