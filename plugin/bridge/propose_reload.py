"""Edit a proposal again: its change set reloaded into an edit session of the layer.

When a steward asks for changes, the technician reopens the proposal in the layer: the
features it touches are found by key in a task (:func:`find_feature_ids` over a
QgsVectorLayerFeatureSource, so a WFS layer is read off the main thread), then the
changes are replayed into the layer's edit buffer on the main thread
(:func:`replay_changes`: only the buffer, nothing is committed) and the layer remembers
the proposal (propose.PROPOSAL_PROPERTY), so "Propose my changes" updates it and Submit
sends it back to review.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from qgis.core import QgsExpression, QgsFeature, QgsFeatureRequest, QgsGeometry, QgsVectorLayerFeatureSource
from qgis.PyQt.QtCore import QByteArray, QDate, QDateTime, QTime

from ..errors import Cancelled
from ..proposals.model import DELETE, INSERT, UPDATE
from .features import FEATURE_ID, python_value
from .propose import PROPOSAL_PROPERTY, layer_target

CHUNK = 200       # keys per request (an IN list the WFS provider turns into a filter)


def qt_value(value):
    """A plain Python value (plugin/proposals/model.py) as QGIS stores it in a feature."""
    if isinstance(value, dt.datetime):
        moment = QDateTime(QDate(value.year, value.month, value.day),
                           QTime(value.hour, value.minute, value.second, value.microsecond // 1000))
        if value.tzinfo is not None:
            moment.setOffsetFromUtc(int(value.utcoffset().total_seconds()))
        return moment
    if isinstance(value, dt.date):
        return QDate(value.year, value.month, value.day)
    if isinstance(value, dt.time):
        return QTime(value.hour, value.minute, value.second, value.microsecond // 1000)
    if isinstance(value, (bytes, bytearray)):
        return QByteArray(bytes(value))
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def same_target(a, b) -> bool:
    return (a.kind, a.uri.rstrip("?/"), a.layer) == (b.kind, b.uri.rstrip("?/"), b.layer)


def layer_for_proposal(project, proposal, preferred=None):
    """The project's vector layer that is the proposal's target (``preferred`` first)."""
    from qgis.core import QgsMapLayerType

    candidates = ([preferred] if preferred is not None else []) + list(project.mapLayers().values())
    for layer in candidates:
        if layer is not None and layer.type() == QgsMapLayerType.VectorLayer and \
                same_target(layer_target(layer), proposal.target):
            return layer
    return None


class KeyLookup:
    """Which feature of the layer has each key; build on the main thread, run anywhere."""

    def __init__(self, layer, key: str):
        self.key = key
        self.source = QgsVectorLayerFeatureSource(layer)
        self.key_index = layer.fields().indexOf(key) if key != FEATURE_ID else -1

    def feature_ids(self, keys, is_cancelled=None) -> dict:
        keys = [k for k in keys if k is not None]
        if self.key_index < 0:
            return {k: k for k in keys if isinstance(k, int)}
        found = {}
        for start in range(0, len(keys), CHUNK):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("cancelled")
            chunk = keys[start:start + CHUNK]
            expression = "{} IN ({})".format(QgsExpression.quotedColumnRef(self.key),
                                             ", ".join(QgsExpression.quotedValue(k) for k in chunk))
            request = QgsFeatureRequest().setFilterExpression(expression)
            request.setSubsetOfAttributes([self.key_index])
            request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
            for feature in self.source.getFeatures(request):
                found[python_value(feature.attributes()[self.key_index])] = feature.id()
        return found


def find_feature_ids(lookup: KeyLookup, changeset, is_cancelled=None) -> dict:
    """{key: feature id} of the base features the change set updates or deletes (any thread)."""
    keys = [c.key for c in changeset.changes if c.op in (UPDATE, DELETE)]
    return lookup.feature_ids(keys, is_cancelled=is_cancelled)


@dataclass
class ReplayReport:
    replayed: int = 0
    missing: list = field(default_factory=list)   # keys no longer in the layer


def replay_changes(layer, proposal, feature_ids: dict) -> ReplayReport:
    """Replay ``proposal``'s change set into ``layer``'s edit buffer (main thread)."""
    if not layer.isEditable() and not layer.startEditing():
        raise RuntimeError(f"{layer.name()} cannot be edited")
    fields = layer.fields()
    # The data source numbers new features itself (GeoPackage fid, serial keys).
    automatic = set(layer.dataProvider().pkAttributeIndexes())
    report = ReplayReport()
    layer.beginEditCommand(f"GeoGov: {proposal.title or proposal.id}")
    try:
        for change in proposal.changeset.changes:
            if change.op == INSERT:
                feature = QgsFeature(fields)
                for name, value in (change.new or {}).items():
                    index = fields.indexOf(name)
                    if index >= 0 and index not in automatic and value is not None:
                        feature.setAttribute(index, qt_value(value))
                if change.new_geometry is not None:
                    geometry = QgsGeometry()
                    geometry.fromWkb(change.new_geometry)
                    feature.setGeometry(geometry)
                layer.addFeature(feature)
                report.replayed += 1
                continue
            fid = feature_ids.get(change.key)
            if fid is None:
                report.missing.append(change.key)
                continue
            if change.op == DELETE:
                layer.deleteFeature(fid)
            else:
                new = change.new or {}
                values = {fields.indexOf(n): qt_value(new.get(n)) for n in change.changed_fields
                          if fields.indexOf(n) >= 0}
                if values:
                    layer.changeAttributeValues(fid, values)
                if change.geometry_changed and change.new_geometry is not None:
                    geometry = QgsGeometry()
                    geometry.fromWkb(change.new_geometry)
                    layer.changeGeometry(fid, geometry)
            report.replayed += 1
    except Exception:
        layer.destroyEditCommand()
        raise
    layer.endEditCommand()
    layer.setCustomProperty(PROPOSAL_PROPERTY, proposal.id)
    return report
