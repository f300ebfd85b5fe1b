"""What the WFS apply sends: how proposal keys find features, and the actions to send.

Keys: a proposal names its features by the key field of the convention (``identifiant``:
looked up by value), by the layer's own id field (QGIS Server's ``fid``: looked up by
value too, but inserts get theirs from the server), or by WFS feature ids (a key the
layer has no field for).

Actions, in three phases sent as separate documents — Deletes, Updates, Inserts — so
that a key freed by a delete or an update can be taken by a later change whatever order
the server runs a document's actions in (QGIS Server 3.22: Updates, then Deletes, then
Inserts in reverse order). Deletes, and Updates setting the very same values, share one
action per 89 ids: one action is one commit on QGIS Server (≈ 20 ms), whatever it holds.
"""

from __future__ import annotations

from typing import Optional

from ..errors import GeoGovError
from ..proposals.fingerprint import normalise_or_raw
from ..proposals.model import DELETE, UPDATE, PlainFeature
from .feature_states import key_text
from .wfs_client import RemoteFeature, WfsClient, WfsLayer
from .wfst import MAX_IDS_PER_FILTER, Delete, Insert, Update


class FeatureKeys:
    """How the proposal's keys find features in the layer."""

    def __init__(self, layer: WfsLayer, key: str):
        self.layer = layer
        self.key = key
        field = layer.schema.field(key)
        self.mode = "feature_id" if field is None else ("id_field" if field.auto else "field")
        self.type = field.type if field else "string"

    def of(self, remote: RemoteFeature):
        if self.mode == "feature_id":
            return remote.fid
        return remote.attributes.get(self.key)

    def text(self, value):
        return key_text(value, self.type)

    def fetch(self, client: WfsClient, keys, progress=None, is_cancelled=None) -> dict:
        keys = [k for k in keys if k is not None]
        if not keys:
            return {}
        if self.mode == "feature_id":
            found = client.features(self.layer, ids=[str(k) for k in keys], progress=progress,
                                    is_cancelled=is_cancelled)
        else:
            found = client.features(self.layer, field=self.key, values=keys, progress=progress,
                                    is_cancelled=is_cancelled)
        out = {}
        for remote in found:
            k = self.text(self.of(remote))
            if k in out:
                raise GeoGovError(f"Several features of {self.layer.typename} have "
                                  f"{self.key} = {k}", code="apply.key_not_unique", key=k,
                                  field=self.key)
            out[k] = remote
        return out

    def auto_insert(self) -> bool:
        return self.mode != "field"


def as_plain(remote: Optional[RemoteFeature], keys: FeatureKeys) -> Optional[PlainFeature]:
    if remote is None:
        return None
    return PlainFeature(key=keys.of(remote), attributes=remote.attributes,
                        geometry=remote.geometry)


def build_actions(todo, current: dict, layer: WfsLayer, keys: FeatureKeys,
                  group_updates: bool = True) -> tuple:
    """([phase actions, …], {handle: [change]}) for the changes still to do; ``current``
    maps id(change) to the feature the layer holds (updates and deletes)."""
    handles = {}
    writable = {f.name for f in layer.schema.fields if not f.auto}
    deletes, updates, inserts = [], {}, []
    for change in todo:
        remote = current.get(id(change))
        if change.op == DELETE:
            deletes.append((change, remote.fid))
        elif change.op == UPDATE:
            values = {n: (change.new or {}).get(n) for n in change.changed_fields
                      if n in writable}
            geometry = change.new_geometry if change.geometry_changed else None
            group = (tuple(sorted((n, repr(normalise_or_raw(v, layer.schema.field(n).type)))
                                  for n, v in values.items())),
                     change.geometry_changed, geometry)
            if not group_updates:
                group = id(change)
            updates.setdefault(group, []).append((change, remote.fid, values, geometry))
        else:
            attributes = {n: v for n, v in (change.new or {}).items() if n in writable}
            if keys.mode == "field":
                attributes[keys.key] = (change.new or {}).get(keys.key)
            inserts.append(Insert(handle=f"i{len(inserts)}", attributes=attributes,
                                  geometry=change.new_geometry))
            handles[inserts[-1].handle] = [change]
    phases = []
    actions = []
    for start in range(0, len(deletes), MAX_IDS_PER_FILTER):
        chunk = deletes[start:start + MAX_IDS_PER_FILTER]
        handle = f"d{len(actions)}"
        actions.append(Delete(handle=handle, feature_ids=[fid for _, fid in chunk]))
        handles[handle] = [c for c, _ in chunk]
    phases.append(actions)
    actions = []
    for members in updates.values():
        for start in range(0, len(members), MAX_IDS_PER_FILTER):
            chunk = members[start:start + MAX_IDS_PER_FILTER]
            _, _, values, geometry = chunk[0]
            handle = f"u{len(actions)}"
            actions.append(Update(handle=handle, feature_ids=[fid for _, fid, _, _ in chunk],
                                  values=values, geometry=geometry,
                                  set_geometry=chunk[0][0].geometry_changed))
            handles[handle] = [c for c, _, _, _ in chunk]
    phases.append(actions)
    phases.append(inserts)
    return [p for p in phases if p], handles
