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
# What the verification has not read back (see is_left_by_us).
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


def is_left_by_us(change: Change, feature: Optional[PlainFeature], read_back, schema: Schema,
                  compare: Schema) -> bool:
    """Whether ``feature`` (what the target holds now) can be what GeoGov's write left there:
    the state the verification read right after the write (``read_back``: a PlainFeature,
    None for absent, NOT_READ when it was not read), else the proposed state or — for an
    update, which a server may write in part (QGIS Server 3.22 commits the geometry of an
    Update whose attribute it refuses) — every field and the geometry holding either its
    base or its proposed value. Anything else is an edit made by someone else since: an
    undo must leave it as it is, not put the base back over it. (An edit landing between
    the write and the verification's read cannot be told from the server's own rewriting
    of the write: it is taken as ours.)"""
    if read_back is not NOT_READ:
        if read_back is None or feature is None:
            return read_back is None and feature is None
        return same_state(feature, read_back.attributes, read_back.geometry, schema, compare)
    if is_proposed(change, feature, schema, compare):
        return True
    if change.op != UPDATE or feature is None:
        return False
    old, new = change.old or {}, change.new or {}
    for f in compare.fields:
        if f.name == compare.key:
            continue
        value = feature.attributes.get(f.name)
        if not (same_value(value, old.get(f.name), f.type)
                or same_value(value, new.get(f.name), f.type)):
            return False
    decimals = wkb.crs_decimals(compare.crs)
    dimensions = wkb.layer_dimensions(compare.geometry_type)
    return any(wkb.same_geometry(feature.geometry, g, decimals=decimals, dimensions=dimensions)
               for g in (change.old_geometry, change.new_geometry))


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
