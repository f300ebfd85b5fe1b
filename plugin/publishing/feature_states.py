"""Where each change of a proposal stands against the target's current features.

Used before writing (lost-update protection, and what a retry still has to do), after
writing (verification) and after an undo. For one change and the feature the target
holds now (None when absent):

=========  ==========================  ===========================  ===================
operation  still to do (TODO)          already there (DONE)         anything else
=========  ==========================  ===========================  ===================
update     current == base             current == proposed          CONFLICT
delete     current == base             absent                       CONFLICT
insert     absent                      current == proposed          CONFLICT (key taken)
=========  ==========================  ===========================  ===================

"==" is the fingerprint (the fast path, when the change set holds it) and otherwise the
tolerant :func:`~..proposals.fingerprint.same_feature`, on the fields both sides have,
leaving out fields the data source fills itself (``auto``: a GeoPackage fid, a serial):
a local copy's fid 12 may be the server's 4012 and still be the same feature.
"""

from __future__ import annotations

import copy
from typing import Optional

from ..proposals import wkb
from ..proposals.fingerprint import fingerprint, normalise_or_raw, same_feature, same_value
from ..proposals.model import DELETE, INSERT, UPDATE, Change, PlainFeature, Schema

TODO, DONE, CONFLICTING = "todo", "done", "conflict"
# What the verification has not read back (see our_part).
NOT_READ = object()


def compare_schema(changeset_schema: Schema, target_schema: Schema) -> Schema:
    """The changeset schema restricted to the fields the target has and neither side fills
    itself; the key stays (it is never compared)."""
    auto = {f.name for f in changeset_schema.fields if f.auto}
    auto |= {f.name for f in target_schema.fields if f.auto}
    names = {f.name for f in target_schema.fields}
    out = copy.deepcopy(changeset_schema)
    out.fields = [f for f in out.fields
                  if f.name == out.key or (f.name in names and f.name not in auto)]
    return out


def key_text(value, field_type: str = "string"):
    """A hashable canonical key (12, "12" and 12.0 name the same feature in an integer key)."""
    normal = normalise_or_raw(value, field_type)
    return repr(normal) if isinstance(normal, dict) else normal


def same_state(feature: Optional[PlainFeature], attributes: Optional[dict], geometry,
               schema: Schema, compare: Schema, expected_fingerprint: Optional[str] = None
               ) -> bool:
    """Whether ``feature`` holds ``attributes``/``geometry`` (None, None = absent)."""
    if feature is None or attributes is None:
        return feature is None and attributes is None
    if expected_fingerprint and \
            fingerprint(feature.attributes, feature.geometry, schema) == expected_fingerprint:
        return True
    return same_feature(feature.attributes, feature.geometry, attributes, geometry, compare)


def is_base(change: Change, feature: Optional[PlainFeature], schema: Schema, compare: Schema) -> bool:
    if change.op == INSERT:
        return feature is None
    return same_state(feature, change.old or {}, change.old_geometry, schema, compare,
                      change.base_fingerprint)


def is_proposed(change: Change, feature: Optional[PlainFeature], schema: Schema,
                compare: Schema) -> bool:
    if change.op == DELETE:
        return feature is None
    return same_state(feature, change.new or {}, change.new_geometry, schema, compare)


def our_part(change: Change, feature: PlainFeature, read_back, compare: Schema) -> tuple:
    """What of an updated feature is still GeoGov's write, for its undo: (the changed
    fields, whether the geometry). A changed field is ours when it holds the proposed value
    or what the verification read right after the write (``read_back``: a PlainFeature,
    None or NOT_READ) and not its base value. Any other value — and every field the
    proposal did not change — is someone else's edit since: the undo keeps it and never
    puts the base back over it. A server may have taken the write in part (QGIS Server
    3.22 commits the geometry of an Update whose attribute it refuses): field by field, the
    part it took is ours. (An edit landing between the write and the verification's read
    cannot be told from the server's own rewriting of the write: it is taken as ours.)"""
    types = {f.name: f.type for f in compare.fields if f.name != compare.key}
    old, new = change.old or {}, change.new or {}
    back = read_back if isinstance(read_back, PlainFeature) else None
    fields = []
    for name in change.changed_fields:
        if name not in types:
            continue
        value = feature.attributes.get(name)
        if same_value(value, old.get(name), types[name]):
            continue
        if same_value(value, new.get(name), types[name]) or \
                (back is not None and same_value(value, back.attributes.get(name), types[name])):
            fields.append(name)
    geometry = False
    if change.geometry_changed:
        decimals = wkb.crs_decimals(compare.crs)
        dimensions = wkb.layer_dimensions(compare.geometry_type)

        def same(a, b):
            return wkb.same_geometry(a, b, decimals=decimals, dimensions=dimensions)

        geometry = not same(feature.geometry, change.old_geometry) and (
            same(feature.geometry, change.new_geometry)
            or (back is not None and same(feature.geometry, back.geometry)))
    return fields, geometry


def is_ours(change: Change, feature: Optional[PlainFeature], read_back, schema: Schema,
            compare: Schema) -> bool:
    """Whether ``feature`` (present) is exactly what GeoGov's write left: the state the
    verification read back, else the proposed state (a created feature the undo may
    delete)."""
    if isinstance(read_back, PlainFeature):
        return same_state(feature, read_back.attributes, read_back.geometry, schema, compare)
    return is_proposed(change, feature, schema, compare)


def is_undone(change: Change, feature: Optional[PlainFeature], read_back, compare: Schema) -> bool:
    """After an undo: nothing of GeoGov's write is left — a created feature is gone, a
    deleted one is there again, an updated one holds none of its proposed values (other
    edits made since may remain: they are not GeoGov's to take back)."""
    if change.op == INSERT:
        return feature is None
    if change.op == DELETE:
        return feature is not None
    if feature is None:
        return True                   # deleted by someone else since: nothing of ours left
    fields, geometry = our_part(change, feature, read_back, compare)
    return not fields and not geometry


def classify(change: Change, feature: Optional[PlainFeature], schema: Schema, compare: Schema) -> str:
    """TODO, DONE or CONFLICTING (see the module docstring)."""
    if change.op in (UPDATE, DELETE):
        if feature is not None and is_base(change, feature, schema, compare):
            # base == proposed (an update that changes nothing) counts as done.
            if change.op == UPDATE and is_proposed(change, feature, schema, compare):
                return DONE
            return TODO
        if is_proposed(change, feature, schema, compare):
            return DONE
        return CONFLICTING
    if feature is None:
        return TODO
    if is_proposed(change, feature, schema, compare):
        return DONE
    return CONFLICTING


def verification_mismatch(change: Change, feature: Optional[PlainFeature], schema: Schema,
                          compare: Schema, *, still_there: str, missing: str) -> Optional[str]:
    """After a write: None when ``feature`` (what the target holds now) is the proposed
    state, else why not — ``still_there`` for a deleted feature, ``missing`` for an absent
    one (each target words them), or the first field that differs."""
    if is_proposed(change, feature, schema, compare):
        return None
    if change.op == DELETE:
        return still_there
    if feature is None:
        return missing
    return first_difference(feature, change.new or {}, change.new_geometry, compare)


def first_difference(feature: PlainFeature, attributes: dict, geometry, compare: Schema) -> str:
    """An English phrase naming the first field that differs (for verification reports)."""
    from ..proposals.fingerprint import same_value
    from ..proposals.wkb import crs_decimals, layer_dimensions, same_geometry

    for f in compare.fields:
        if f.name == compare.key:
            continue
        have, want = feature.attributes.get(f.name), attributes.get(f.name)
        if not same_value(have, want, f.type):
            return f"{f.name} is {have!r} in the target, {want!r} was proposed"
    if not same_geometry(feature.geometry, geometry, decimals=crs_decimals(compare.crs),
                         dimensions=layer_dimensions(compare.geometry_type)):
        return "the geometry differs from the proposed one"
    return "the feature differs from the proposed one"
