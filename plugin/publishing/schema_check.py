"""Validation of a change set against the target's *real* schema, before anything is sent.

QGIS Server 3.22 silently ignores property names the layer does not have and takes a
polygon into a point layer, and a database refuses a null in a NOT NULL column only once
half the batch is written: so every value is checked here against what the target itself
declares (DescribeFeatureType, information_schema, PRAGMA table_info) and a change set
that does not fit is not sent at all. Each problem is a
:class:`~..proposals.model.Problem` naming the feature, the field and the rule:

- ``apply.crs_mismatch``: the change set's CRS is not the target's (no reprojection here);
- ``apply.operation_not_allowed``: the target does not allow insert/update/delete;
- ``apply.key_field_missing``: the key field is not in the target;
- ``apply.key_missing`` / ``apply.key_duplicate``: an insert without key value, a key
  touched twice;
- ``apply.unknown_field``: a value for a field the target does not have;
- ``apply.auto_field``: an update changing a field the data source fills (fid, serial);
- ``apply.wrong_type``: a value that does not convert to the target field's type;
- ``apply.not_nullable``: null (or nothing) for a NOT NULL field;
- ``apply.geometry_type`` / ``apply.geometry_missing`` / ``apply.geometry_unreadable``.
"""

from __future__ import annotations

from typing import Optional

from ..proposals import wkb
from ..proposals.fingerprint import WrongValueType, coerce_value
from ..proposals.model import DELETE, INSERT, UPDATE, ChangeSet, Problem, Schema
from .feature_states import key_text


def _same_crs(a: str, b: str) -> bool:
    if not a or not b:
        return True
    norm = [x.strip().upper().replace("URN:OGC:DEF:CRS:EPSG::", "EPSG:") for x in (a, b)]
    return norm[0] == norm[1]


def geometry_fits(geometry_type: str, blob) -> Optional[str]:
    """None when ``blob`` fits a layer of ``geometry_type``, else the blob's type name."""
    parsed = wkb.parse(blob)
    if parsed is None or not geometry_type or geometry_type.lower() in ("geometry", "unknown"):
        return None
    have = wkb.base_type_name(wkb.type_name(parsed))
    want = wkb.base_type_name(geometry_type)
    if want == "GeometryCollection" and have.startswith("Multi"):
        return None
    return None if have == want else have


def check_against_schema(changeset: ChangeSet, target: Schema, *, operations=(INSERT, UPDATE, DELETE),
                         key_in_target: bool = True) -> list:
    """Every problem that would make the target refuse (or silently alter) the change set.

    ``target.key`` names the target's own id field (may be ""); ``changeset.schema.key`` is
    the proposal's key. ``key_in_target`` False means the proposal's keys are the target's
    feature ids (a WFS gml:id) rather than a field value.
    """
    problems = []
    schema = changeset.schema
    if not _same_crs(schema.crs, target.crs) and any(
            c.new_geometry is not None for c in changeset.changes):
        problems.append(Problem("apply.crs_mismatch", params={"proposal": schema.crs,
                                                              "target": target.crs}))
    allowed = {op.lower() for op in operations}
    for op in (INSERT, UPDATE, DELETE):
        if op not in allowed and any(c.op == op for c in changeset.changes):
            problems.append(Problem("apply.operation_not_allowed", op=op))
    key_def = target.field(schema.key) if key_in_target else None
    if key_in_target and key_def is None:
        problems.append(Problem("apply.key_field_missing", field=schema.key))
    key_auto = bool(key_def and key_def.auto)
    seen = {}
    for change in changeset.changes:
        k = key_text(change.key, key_def.type if key_def else "string")
        if k is not None and not (change.op == INSERT and key_auto):
            if k in seen:
                problems.append(Problem("apply.key_duplicate", key=change.key, op=change.op,
                                        params={"other": seen[k]}))
            seen[k] = change.op
        if change.op == DELETE:
            continue
        new = change.new or {}
        names = (change.changed_fields if change.op == UPDATE
                 else [n for n, v in new.items() if v is not None])
        for name in names:
            f = target.field(name)
            if f is None:
                if name == schema.key and not key_in_target:
                    continue
                local = schema.field(name)
                if change.op == INSERT and local is not None and local.auto:
                    continue            # a local fid/serial: the target assigns its own
                problems.append(Problem("apply.unknown_field", key=change.key, op=change.op,
                                        field=name))
                continue
            if f.auto:
                if change.op == UPDATE:
                    problems.append(Problem("apply.auto_field", key=change.key, op=change.op,
                                            field=name))
                continue
            value = new.get(name)
            try:
                coerce_value(value, f.type)
            except WrongValueType:
                problems.append(Problem("apply.wrong_type", key=change.key, op=change.op,
                                        field=name, params={"value": repr(value),
                                                            "type": f.type}))
                continue
            if value is None and not f.nullable:
                problems.append(Problem("apply.not_nullable", key=change.key, op=change.op,
                                        field=name))
        if change.op == INSERT:
            for f in target.fields:
                if not f.nullable and not f.auto and new.get(f.name) is None \
                        and f.name not in names:
                    problems.append(Problem("apply.not_nullable", key=change.key, op=change.op,
                                            field=f.name))
            if key_in_target and not key_auto and new.get(schema.key) is None:
                problems.append(Problem("apply.key_missing", key=change.key, op=change.op,
                                        field=schema.key))
        geometry_touched = change.op == INSERT or change.geometry_changed
        if geometry_touched:
            try:
                wrong = geometry_fits(target.geometry_type, change.new_geometry)
            except wkb.GeometryError as exc:
                problems.append(Problem("apply.geometry_unreadable", key=change.key,
                                        op=change.op, params={"detail": str(exc)}))
                continue
            if wrong:
                problems.append(Problem("apply.geometry_type", key=change.key, op=change.op,
                                        params={"geometry": wrong,
                                                "layer": target.geometry_type}))
            if change.new_geometry is None and target.geometry_type \
                    and not target.geometry_nullable:
                problems.append(Problem("apply.geometry_missing", key=change.key, op=change.op))
    return problems
