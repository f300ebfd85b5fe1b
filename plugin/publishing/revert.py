"""Reverting an applied proposal: its inverse change set, checked against the data as it is now.

The revert is a NEW proposal (reviewed and applied like any other), whose changes undo those
of the applied one:

- :func:`inverse_changeset`: an insert becomes a delete of that feature, a delete an insert
  of the feature as it was, an update the same update with old and new values (and
  geometries) swapped; ``inverse_changeset(inverse_changeset(x)) == x`` for a change set
  whose base fingerprints are this module's (compute_changeset's);
- :func:`read_current`: the target's features the inverse touches, as the apply engine
  reads them (GeoPackage / PostGIS table, WFS, OGC API Features);
- :func:`check_against_current`: each inverse change against the feature the target holds
  now (feature_states.classify). A feature still as the applied proposal left it is
  reverted, its change based on the data as it is now; a feature already back to its
  state before the apply is left out (nothing to do); any other — edited, deleted or
  re-created since the apply — is a conflict, left out of the revert and shown to the
  user: a revert never silently overwrites an edit made after the apply.
"""

from __future__ import annotations

import copy
import sqlite3
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..errors import ApplyError
from ..proposals import wkb
from ..proposals.fingerprint import changed_fields, fingerprint
from ..proposals.model import DELETE, INSERT, UPDATE, Change, ChangeSet, PlainFeature, Schema, Target
from .conflicts import describe_conflict
from .feature_states import CONFLICTING, DONE, classify, compare_schema, key_text
from .history import target_key


# ---------------------------------------------------------------------------- inverse
def inverse_change(change: Change, schema: Schema, inserted: Optional[dict] = None) -> Change:
    """The change that undoes ``change`` (see the module docstring). ``inserted``: the
    keys the target gave to the proposal's new features (history.inserted_keys), so that
    the delete of a feature whose key the target filled names the feature's real key."""
    if change.op == UPDATE:
        old = dict(change.new or {})
        return Change(op=UPDATE, key=change.key, old=old, new=dict(change.old or {}),
                      old_geometry=change.new_geometry, new_geometry=change.old_geometry,
                      changed_fields=list(change.changed_fields),
                      geometry_changed=bool(change.geometry_changed),
                      base_fingerprint=fingerprint(old, change.new_geometry, schema))
    if change.op == INSERT:
        key = target_key(change, schema.key, inserted)
        old = dict(change.new or {})
        if schema.field(schema.key) is not None and old.get(schema.key) is None and key != change.key:
            old[schema.key] = key
        return Change(op=DELETE, key=key, old=old, old_geometry=change.new_geometry,
                      changed_fields=list(change.changed_fields),
                      geometry_changed=bool(change.geometry_changed),
                      base_fingerprint=fingerprint(old, change.new_geometry, schema))
    if change.op == DELETE:
        return Change(op=INSERT, key=change.key, new=dict(change.old or {}),
                      new_geometry=change.old_geometry, changed_fields=list(change.changed_fields),
                      geometry_changed=bool(change.geometry_changed))
    raise ApplyError(f"Unknown change op {change.op!r}", code="changeset.bad_op", op=repr(change.op))


def inverse_changeset(changeset: ChangeSet, inserted: Optional[dict] = None) -> ChangeSet:
    """The ChangeSet undoing ``changeset``: each change inverted, in the reverse order."""
    schema = copy.deepcopy(changeset.schema)
    return ChangeSet(schema=schema,
                     changes=[inverse_change(c, schema, inserted) for c in reversed(changeset.changes)],
                     fingerprint_scheme=changeset.fingerprint_scheme)


# ---------------------------------------------------------------------------- against the data
@dataclass
class CurrentCheck:
    """An inverse change set against the target's data as it is now."""

    changeset: ChangeSet                              # what the revert proposes (based on now)
    conflicts: list = field(default_factory=list)     # conflicts.Conflict: changed since the apply
    unchanged: list = field(default_factory=list)     # Change: already as before the apply

    @property
    def empty(self) -> bool:
        return not self.changeset.changes


def _rebased(change: Change, feature: Optional[PlainFeature], schema: Schema) -> Change:
    """``change`` with the feature as the target holds it now as its base (the same state
    as the change's base, but with the target's own values: its key, its types)."""
    if change.op == INSERT or feature is None:
        return copy.deepcopy(change)
    names = schema.field_names()
    base = dict(change.old or {})
    base.update({n: feature.attributes[n] for n in names if n in feature.attributes})
    if change.op == DELETE:
        return Change(op=DELETE, key=change.key, old=base, old_geometry=feature.geometry,
                      changed_fields=list(change.changed_fields),
                      geometry_changed=bool(change.geometry_changed),
                      base_fingerprint=fingerprint(base, feature.geometry, schema))
    new = dict(base)
    for name in change.changed_fields:
        new[name] = (change.new or {}).get(name)
    geometry = change.new_geometry if change.geometry_changed else feature.geometry
    fields = [n for n in changed_fields(base, new, schema) if n != schema.key]
    moved = bool(change.geometry_changed) and not wkb.same_geometry(
        feature.geometry, geometry, decimals=wkb.crs_decimals(schema.crs),
        dimensions=wkb.layer_dimensions(schema.geometry_type))
    return Change(op=UPDATE, key=change.key, old=base, new=new, old_geometry=feature.geometry,
                  new_geometry=geometry, changed_fields=fields, geometry_changed=moved,
                  base_fingerprint=fingerprint(base, feature.geometry, schema))


def check_against_current(inverse: ChangeSet, current, target_schema: Optional[Schema] = None
                          ) -> CurrentCheck:
    """Sort the changes of ``inverse`` by what the target holds now: ``current`` is, for
    each change in order, the feature of its key in the target (None: absent).
    ``target_schema``: the target's own (fields it fills itself are not compared)."""
    schema = inverse.schema
    compare = compare_schema(schema, target_schema or schema)
    kept, conflicts, unchanged = [], [], []
    for change, feature in zip(inverse.changes, list(current)):
        state = classify(change, feature, schema, compare)
        if state == CONFLICTING:
            conflicts.append(describe_conflict(change, feature, compare))
        elif state == DONE:
            unchanged.append(change)
        else:
            kept.append(_rebased(change, feature, schema))
    return CurrentCheck(ChangeSet(schema=copy.deepcopy(schema), changes=kept,
                                  fingerprint_scheme=inverse.fingerprint_scheme),
                        conflicts, unchanged)


# ---------------------------------------------------------------------------- reading the target
def _missing_key(key: str, layer: str) -> ApplyError:
    return ApplyError(f"{layer} has no field {key}: its features cannot be found", code="revert.key_missing",
                      field=key, layer=layer)


def sql_current(table, changeset: ChangeSet) -> tuple:
    """(target schema, [feature or None per change]) of a GeoPackageTable / PostgisTable."""
    target_schema = table.describe()
    key = changeset.schema.key
    definition = target_schema.field(key)
    if definition is None:
        raise _missing_key(key, table.table)
    keys = [c.key if c.op != INSERT else (None if definition.auto else (c.new or {}).get(key))
            for c in changeset.changes]
    rows = {key_text(f.key, definition.type): f for f in table.fetch(key, keys)}
    return target_schema, [rows.get(key_text(k, definition.type)) if k is not None else None for k in keys]


def wfs_current(client, changeset: ChangeSet, progress=None, is_cancelled=None) -> tuple:
    """The same for a WfsClient (keys found as the WFS apply finds them: wfs_actions.FeatureKeys)."""
    from .wfs_actions import FeatureKeys, as_plain

    layer = client.describe(is_cancelled)
    keys = FeatureKeys(layer, changeset.schema.key)
    wanted = [None if c.op == INSERT and keys.auto_insert()
              else (c.key if c.op != INSERT else (c.new or {}).get(keys.key)) for c in changeset.changes]
    found = keys.fetch(client, wanted, progress, is_cancelled)
    return layer.schema, [as_plain(found.get(keys.text(k)), keys) if k is not None else None for k in wanted]


def oapif_current(client, changeset: ChangeSet, progress=None, is_cancelled=None) -> tuple:
    """The same for an OapifClient."""
    from .oapif_client import as_plain

    layer = client.describe(is_cancelled)
    key = changeset.schema.key
    definition = layer.schema.field(key)
    if definition is None:
        raise _missing_key(key, layer.collection)
    wanted = [c.key if c.op != INSERT else (None if definition.auto else (c.new or {}).get(key))
              for c in changeset.changes]
    found = {}
    for item in client.features(layer, key, wanted, progress=progress, is_cancelled=is_cancelled):
        found[key_text(item.attributes.get(key), definition.type)] = item
    return layer.schema, [as_plain(found.get(key_text(k, definition.type)), key) if k is not None else None
                          for k in wanted]


def _open_gpkg(path: str):
    # mode=rw: a missing file is an error, not a new empty GeoPackage.
    from pathlib import Path

    try:
        return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=rw", uri=True, timeout=30)
    except sqlite3.Error as exc:
        raise ApplyError(f"{path}: {exc}", code="revert.unreadable", path=path, detail=str(exc)) from None


def read_current(changeset: ChangeSet, target: Target, *, transport=None, connection=None,
                 progress: Optional[Callable[[float], None]] = None,
                 is_cancelled: Optional[Callable[[], bool]] = None) -> tuple:
    """(target schema, [the feature the target holds now, or None, for each change of
    ``changeset``]). ``transport``: a core Transport for WFS / OGC API Features targets;
    ``connection``: an open psycopg2 connection for PostGIS (a GeoPackage is opened here)."""
    if target.kind in ("wfs", "oapif") and transport is None:
        from ..transport import RequestsTransport

        transport = RequestsTransport()
    if target.kind == "wfs":
        from .wfs_client import WfsClient

        client = WfsClient(target.uri, target.layer, transport=transport, version=target.version or "1.1.0")
        return wfs_current(client, changeset, progress, is_cancelled)
    if target.kind == "oapif":
        from .oapif_client import OapifClient

        return oapif_current(OapifClient(target.uri, target.layer, transport=transport), changeset,
                             progress, is_cancelled)
    if target.kind == "gpkg":
        from .gpkg_table import GeoPackageTable

        own = connection is None
        connection = _open_gpkg(target.uri) if own else connection
        try:
            return sql_current(GeoPackageTable(connection, target.layer), changeset)
        except sqlite3.Error as exc:
            raise ApplyError(f"{target.uri}: {exc}", code="revert.unreadable", path=target.uri,
                             detail=str(exc)) from None
        finally:
            if own:
                connection.close()
    if target.kind == "postgis":
        from .postgis_table import PostgisTable

        if connection is None:
            raise ApplyError("no database connection to read the target", code="apply.connect",
                             source=target.layer)
        try:
            return sql_current(PostgisTable(connection, target.layer), changeset)
        finally:
            connection.rollback()          # the SELECTs' transaction: nothing was written
    raise ApplyError(f"Unknown target kind {target.kind!r}", code="apply.target_kind", kind=target.kind)
