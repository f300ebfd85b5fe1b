"""The 3-way conflict model and the rebase of a conflicted proposal.

A conflict is found when, just before writing, a touched feature of the authoritative
data no longer is the base the proposal was made from. For each such feature the model
keeps, per field (and :data:`GEOMETRY` for the geometry), the triple
``(base, current, proposed)`` for every field changed on at least one side, and names
the fields changed on *both* sides to different values (those need a decision):

    {key: {field: (base, current, proposed)}}          ← :func:`conflict_map`

Kinds: ``changed`` (the feature differs from the base), ``deleted`` (the proposal updates
a feature that is gone), ``exists`` (the proposal inserts a key that is now taken).

:func:`rebase` turns the steward's choices into a new ChangeSet whose base is the current
data: per field ``"current"``, ``"proposed"`` or :class:`Edited` (a value typed by the
steward), or one choice for a whole feature or for every conflict at once. A one-word
choice settles the fields changed on *both* sides; a field changed on one side only keeps
that side's value (the server's edit stays, the proposal's edit goes through) unless a
per-field choice says otherwise. The rebased proposal goes back to review (the store's
``rebase``).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Optional

from ..errors import ApplyError
from ..proposals.fingerprint import changed_fields, fingerprint, same_value
from ..proposals.model import DELETE, INSERT, UPDATE, Change, ChangeSet, PlainFeature, Schema
from ..proposals.serialization import decode_value, encode_value, key_id
from ..proposals.wkb import crs_decimals, layer_dimensions, same_geometry

GEOMETRY = "@geometry"            # the geometry's entry among the fields of a conflict
CURRENT, PROPOSED = "current", "proposed"
CHANGED, DELETED, EXISTS = "changed", "deleted", "exists"


@dataclass
class Edited:
    """A value typed by the steward (WKB for :data:`GEOMETRY`)."""

    value: Any


@dataclass
class Conflict:
    key: Any
    op: str                                   # the proposal's operation on this feature
    kind: str                                 # changed / deleted / exists
    fields: dict = field(default_factory=dict)   # {name: (base, current, proposed)}
    both: list = field(default_factory=list)     # names changed on both sides, differently
    current: Optional[PlainFeature] = None    # the feature as the target holds it now

    def to_dict(self) -> dict:
        """The recorded form of the conflict (an apply attempt's details): JSON-safe, the key
        and the values as the change set codec writes them (their types kept), the feature as
        the target holds it left out (:func:`conflict_from_dict` rebuilds it)."""
        return {"key": encode_value(self.key), "op": self.op, "kind": self.kind, "both": list(self.both),
                "fields": {name: [encode_value(v) for v in triple] for name, triple in self.fields.items()}}


def conflict_from_dict(data: dict, change: Change) -> Conflict:
    """The Conflict :meth:`Conflict.to_dict` recorded about ``change``, with the feature as
    the target held it rebuilt from the change's base and the recorded current values."""
    fields = {name: tuple(decode_value(v) for v in triple)
              for name, triple in (data.get("fields") or {}).items()}
    conflict = Conflict(key=change.key, op=data.get("op", change.op), kind=data.get("kind", ""),
                        fields=fields, both=list(data.get("both") or []))
    if conflict.kind == DELETED:
        return conflict
    # Fields that no side changed are as in the base (an insert: as proposed).
    start = dict(change.new or {}) if conflict.kind == EXISTS else dict(change.old or {})
    geometry = change.new_geometry if conflict.kind == EXISTS else change.old_geometry
    for name, (_base, current, _proposed) in fields.items():
        if name == GEOMETRY:
            geometry = current
        else:
            start[name] = current
    conflict.current = PlainFeature(change.key, start, geometry)
    return conflict


def conflicts_from_dicts(changeset: ChangeSet, recorded) -> list:
    """The Conflicts recorded (:meth:`Conflict.to_dict`) about the changes of ``changeset``,
    each matched to its change by key, type included (serialization.key_id: the key 1 is not
    the key "1"); a recorded conflict whose key no change has is left out."""
    by_key = {}
    for change in changeset.changes:
        by_key.setdefault(key_id(change.key), change)
    out = []
    for data in recorded or []:
        change = by_key.get(key_id(decode_value(data.get("key"))))
        if change is not None:
            out.append(conflict_from_dict(data, change))
    return out


def _same_geometry(a, b, schema: Schema) -> bool:
    return same_geometry(a, b, decimals=crs_decimals(schema.crs),
                         dimensions=layer_dimensions(schema.geometry_type))


def _type(schema: Schema, name: str) -> str:
    f = schema.field(name)
    return f.type if f else "string"


def _compared_fields(schema: Schema) -> list:
    return [f.name for f in schema.fields if f.name != schema.key and not f.auto]


def describe_conflict(change: Change, current: Optional[PlainFeature], schema: Schema) -> Conflict:
    """The 3-way detail of a change whose feature is not (or no longer) its base."""
    base = change.old or {}
    proposed = change.new or {}
    names = _compared_fields(schema)
    if change.op == INSERT:
        conflict = Conflict(change.key, change.op, EXISTS, current=current)
        cur = current.attributes if current else {}
        for name in names:
            if not same_value(cur.get(name), proposed.get(name), _type(schema, name)):
                conflict.fields[name] = (None, cur.get(name), proposed.get(name))
                conflict.both.append(name)
        if not _same_geometry(current.geometry if current else None, change.new_geometry, schema):
            conflict.fields[GEOMETRY] = (None, current.geometry if current else None,
                                         change.new_geometry)
            conflict.both.append(GEOMETRY)
        return conflict
    if current is None:
        conflict = Conflict(change.key, change.op, DELETED)
        for name in change.changed_fields:
            conflict.fields[name] = (base.get(name), None, proposed.get(name))
        if change.op == UPDATE and change.geometry_changed:
            conflict.fields[GEOMETRY] = (change.old_geometry, None, change.new_geometry)
        return conflict
    conflict = Conflict(change.key, change.op, CHANGED, current=current)
    cur = current.attributes
    for name in names:
        kind = _type(schema, name)
        server_changed = not same_value(base.get(name), cur.get(name), kind)
        if change.op == DELETE:
            if server_changed:
                conflict.fields[name] = (base.get(name), cur.get(name), None)
                conflict.both.append(name)
            continue
        proposal_changed = not same_value(base.get(name), proposed.get(name), kind)
        if server_changed or proposal_changed:
            conflict.fields[name] = (base.get(name), cur.get(name), proposed.get(name))
            if server_changed and proposal_changed and \
                    not same_value(cur.get(name), proposed.get(name), kind):
                conflict.both.append(name)
    server_moved = not _same_geometry(change.old_geometry, current.geometry, schema)
    if change.op == DELETE:
        if server_moved:
            conflict.fields[GEOMETRY] = (change.old_geometry, current.geometry, None)
            conflict.both.append(GEOMETRY)
    else:
        proposal_moved = change.geometry_changed or \
            not _same_geometry(change.old_geometry, change.new_geometry, schema)
        if server_moved or proposal_moved:
            conflict.fields[GEOMETRY] = (change.old_geometry, current.geometry,
                                         change.new_geometry)
            if server_moved and proposal_moved and \
                    not _same_geometry(current.geometry, change.new_geometry, schema):
                conflict.both.append(GEOMETRY)
    return conflict


def conflict_map(conflicts) -> dict:
    """``{key: {field: (base, current, proposed)}}`` of a list of conflicts."""
    return {c.key: dict(c.fields) for c in conflicts}


# ---------------------------------------------------------------------------- rebase
def _pick(choice, name, triple):
    base, current, proposed = triple
    if isinstance(choice, Edited):
        return choice.value
    if choice == CURRENT:
        return current
    if choice == PROPOSED:
        return proposed
    raise ApplyError(f"Unknown choice {choice!r} for {name}", code="conflict.bad_choice",
                     field=name, choice=repr(choice))


def rebase(changeset: ChangeSet, conflicts, choices=PROPOSED) -> ChangeSet:
    """A new ChangeSet based on the current data, from the steward's choices.

    ``choices``: ``"current"`` / ``"proposed"`` for every conflict at once, or
    ``{key: "current" | "proposed" | {field: "current" | "proposed" | Edited(value)}}``.
    A field changed on both sides that no choice covers raises ApplyError
    ``conflict.unresolved`` (params ``key``, ``fields``). Changes without a conflict are
    kept as they are; a resolved change that no longer changes anything is dropped.
    """
    schema = changeset.schema
    by_key = {c.key: c for c in conflicts}
    out = []
    for change in changeset.changes:
        conflict = by_key.get(change.key)
        if conflict is None or (conflict.op != change.op):
            out.append(copy.deepcopy(change))
            continue
        choice = choices if isinstance(choices, str) else choices.get(change.key)
        resolved = _resolve(change, conflict, choice, schema)
        if resolved is not None:
            out.append(resolved)
    return ChangeSet(schema=copy.deepcopy(schema), changes=out,
                     fingerprint_scheme=changeset.fingerprint_scheme)


def _whole(choice, conflict) -> str:
    if choice in (CURRENT, PROPOSED):
        return choice
    raise ApplyError(f"Feature {conflict.key}: choose {CURRENT} or {PROPOSED} for the whole "
                     f"feature ({conflict.kind} conflict)", code="conflict.unresolved",
                     key=conflict.key, fields=list(conflict.fields))


def _resolve(change: Change, conflict: Conflict, choice, schema: Schema) -> Optional[Change]:
    if conflict.kind == DELETED:
        # The feature is gone: keep it gone, or create it again in the proposed state.
        if _whole(choice, conflict) == CURRENT or change.op == DELETE:
            return None
        return Change(op=INSERT, key=change.key, new=dict(change.new or {}),
                      new_geometry=change.new_geometry,
                      changed_fields=[n for n, v in (change.new or {}).items() if v is not None],
                      geometry_changed=change.new_geometry is not None)
    current = conflict.current
    if change.op == DELETE:
        if _whole(choice, conflict) == CURRENT:
            return None
        return Change(op=DELETE, key=change.key, old=dict(current.attributes),
                      old_geometry=current.geometry,
                      base_fingerprint=fingerprint(current.attributes, current.geometry, schema))
    # update against a changed feature, or insert against an existing key: merge per field
    merged = dict(current.attributes)
    geometry = current.geometry
    per_field = choice if isinstance(choice, dict) else {}
    unresolved = []
    for name, triple in conflict.fields.items():
        pick = per_field.get(name)
        if pick is None and name in conflict.both:
            pick = choice if isinstance(choice, str) else None
            if pick is None:
                unresolved.append(name)
                continue
        if pick is None:
            base, cur, proposed = triple
            # One side changed it: that side wins (the server's edit stays, the
            # proposal's edit goes through).
            same = (_same_geometry(base, cur, schema) if name == GEOMETRY
                    else same_value(base, cur, _type(schema, name)))
            pick = PROPOSED if same else CURRENT
        value = _pick(pick, name, triple)
        if name == GEOMETRY:
            geometry = value
        else:
            merged[name] = value
    for name, value in per_field.items():        # an edited value for a field in no conflict
        if name not in conflict.fields and isinstance(value, Edited):
            if name == GEOMETRY:
                geometry = value.value
            else:
                merged[name] = value.value
    if unresolved:
        raise ApplyError(f"Feature {change.key}: choose a value for {', '.join(unresolved)}",
                         code="conflict.unresolved", key=change.key, fields=unresolved)
    base = dict(current.attributes)
    fields = changed_fields(base, merged, schema)
    fields = [n for n in fields if n != schema.key]
    moved = not _same_geometry(current.geometry, geometry, schema)
    if not fields and not moved:
        return None
    return Change(op=UPDATE, key=change.key, old=base, new=merged,
                  old_geometry=current.geometry, new_geometry=geometry,
                  changed_fields=fields, geometry_changed=moved,
                  base_fingerprint=fingerprint(base, current.geometry, schema))
