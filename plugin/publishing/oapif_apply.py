"""Applying a change set to an OGC API Features collection (Part 4: one item per request).

The same guarantees as WFS-T (wfs_apply.py), from the same shared pieces
(feature_states.py, schema_check.py, conflicts.py, result.py):

1. describe the collection (schema from /schema or /queryables, else a sample; storage
   CRS; allowed operations) and validate the change set against it: nothing sent if it
   does not fit;
2. read every touched feature (by the proposal's key) and classify each change against its
   base fingerprint: any conflict → nothing is written; changes already in the data (a
   retry) are not sent again;
3. write one item at a time — deletes, then replacements, then creations (a key freed by a
   delete may be reused) — with ``If-Match`` when the server gave an ETag; a refusal stops
   the writes; a 412 (the item changed between the read and the write) is undone like a
   refusal, then the apply ends in CONFLICT with the features as they are now;
4. read every touched feature again and check it is the proposed state (a 2xx is never
   the proof: pygeoapi answers 200 to a DELETE of nothing and creates on a PUT of nothing);
5. on a refusal, a conflict found by a 412, or a mismatch: undo what was written from the
   base state held in the change set, decided per feature from what the collection holds
   *now* (replace an updated feature by its base, create a deleted one again, delete a
   created one), then check the undo the same way. Only accepted writes are undone: an
   item the server refused to write keeps whatever it holds (someone else's edit), and
   values someone else wrote since GeoGov's write are kept (``feature_states.our_part``).

A connection lost while a write is under way leaves its outcome unknown: the apply stops
there (UNKNOWN, nothing undone) and a retry sorts out from the data what landed (step 2):
a created item is found by its key, a replaced one by its content, so nothing is written
twice. The proposal's key must be a property of the collection (or its id).
"""

from __future__ import annotations

from typing import Callable

from ..errors import Cancelled, GeoGovError, NetworkError
from ..proposals.model import DELETE, INSERT, UPDATE, ChangeSet
from . import result as outcomes
from .conflicts import describe_conflict
from .feature_states import (
    CONFLICTING,
    DONE,
    NOT_READ,
    classify,
    compare_schema,
    is_base,
    is_ours,
    is_undone,
    our_part,
    verification_mismatch,
)
from .oapif_client import OapifClient, OapifConflict, OapifRefusal, as_plain
from .result import ApplyResult, Refusal
from .schema_check import check_against_schema

_ORDER = {DELETE: 0, UPDATE: 1, INSERT: 2}


class OapifApply:
    def __init__(self, changeset: ChangeSet, client: OapifClient, result: ApplyResult,
                 progress: Callable, is_cancelled: Callable):
        self.changeset = changeset
        self.client = client
        self.result = result
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.written = []                 # changes whose write the server accepted
        self.created = {}                 # id(change) -> item id of a created feature
        self.precondition_failed = []     # changes refused with 412 (ETag changed)
        self.read_back = {}               # id(change) -> the item as verified after writing

    # ------------------------------------------------------------------ main
    def run(self) -> ApplyResult:
        result, schema = self.result, self.changeset.schema
        step = result.step("describe")
        layer = self.layer = self.client.describe(self.is_cancelled)
        result.done(step, collection=layer.collection, crs=layer.schema.crs,
                    geometry=layer.schema.geometry_type, id_field=layer.id_field,
                    etags=layer.etags, operations=list(layer.operations),
                    fields=[f.name for f in layer.schema.fields])
        self.key = schema.key
        self.compare = compare_schema(schema, layer.schema)
        step = result.step("validate")
        problems = check_against_schema(self.changeset, layer.schema,
                                        operations=layer.operations or [INSERT, UPDATE, DELETE])
        result.done(step, problems=len(problems))
        if problems:
            result.problems = problems
            result.status = outcomes.INVALID
            return result
        self.progress(0.02)

        step = result.step("read_current")
        self.current = self._state_now(self.changeset.changes, lambda f: self.progress(
            0.02 + 0.08 * f), self.is_cancelled)
        todo, conflicts = [], []
        already = {INSERT: 0, UPDATE: 0, DELETE: 0}
        for change in self.changeset.changes:
            feature = as_plain(self.current.get(id(change)), self.key)
            state = classify(change, feature, schema, self.compare)
            if state == CONFLICTING:
                conflicts.append(describe_conflict(change, feature, self.compare))
            elif state == DONE:
                already[change.op] += 1
            else:
                todo.append(change)
        result.done(step, read=len(self.current), todo=len(todo), done=sum(already.values()),
                    conflicts=len(conflicts))
        result.already = already
        if conflicts:
            result.conflicts = conflicts
            result.status = outcomes.CONFLICT
            return result
        if not todo and self.changeset.changes:
            result.status = outcomes.ALREADY_APPLIED
            self.progress(1.0)
            return result

        todo.sort(key=lambda c: _ORDER[c.op])
        failed = self._write(todo)
        if failed is None:                            # outcome unknown: stop here
            return result
        if not failed:
            failed = self._verify(todo)
        if failed:
            self._undo(todo)
            if self.precondition_failed and result.status == outcomes.REFUSED:
                self._conflicts_now()
        else:
            result.status = outcomes.APPLIED
            result.written = {op: sum(1 for c in todo if c.op == op)
                              for op in (INSERT, UPDATE, DELETE)}
        self.progress(1.0)
        return result

    # ------------------------------------------------------------------ reading
    def _key_of(self, change):
        return change.key if change.op != INSERT else (change.new or {}).get(self.key)

    def _state_now(self, changes, progress=None, is_cancelled=None) -> dict:
        """id(change) -> RemoteItem the collection holds now for the change's key."""
        keys = [self._key_of(c) for c in changes]
        found = self.client.features(self.layer, self.key, keys, progress=progress,
                                     is_cancelled=is_cancelled)
        definition = self.layer.schema.field(self.key)
        by_key = {}
        for item in found:
            k = _text(item.attributes.get(self.key), definition.type)
            if k in by_key:
                raise GeoGovError(f"Several items of {self.layer.collection} have "
                                  f"{self.key} = {k}", code="apply.key_not_unique", key=k,
                                  field=self.key)
            by_key[k] = item
        out = {}
        for change, k in zip(changes, keys):
            item = by_key.get(_text(k, definition.type)) if k is not None else None
            if item is not None:
                out[id(change)] = item
        return out

    # ------------------------------------------------------------------ writing
    def _write(self, todo):
        """Write each change; True if one was refused, None if an outcome is unknown."""
        result = self.result
        step = result.step("write", items=len(todo))
        counts = {"sent": 0}
        try:
            for number, change in enumerate(todo):
                if self.is_cancelled():
                    result.done(step, **counts)
                    result.step("cancelled", before_item=number)
                    result.status = outcomes.CANCELLED
                    return True
                try:
                    self._write_one(change)
                except Cancelled:
                    result.done(step, **counts)
                    result.status = outcomes.CANCELLED
                    return True
                except NetworkError as exc:
                    result.done(step, outcome="unknown", error=exc.code, **counts)
                    result.status = outcomes.UNKNOWN
                    result.error = {"code": exc.code, "message": exc.message,
                                    "params": exc.params}
                    return None
                except OapifConflict as exc:
                    # Someone changed the item between our read and this write (its ETag):
                    # undo ours, then the proposal is in conflict like any other.
                    result.refusals.append(Refusal(change.key, change.op, exc.message,
                                                   "conflict"))
                    self.precondition_failed.append(change)
                    result.done(step, outcome="precondition_failed", **counts)
                    return True
                except OapifRefusal as exc:
                    result.refusals.append(Refusal(change.key, change.op, exc.message, "server"))
                    result.done(step, outcome="refused", **counts)
                    return True
                counts["sent"] += 1
                self.written.append(change)
                self.progress(0.1 + 0.75 * (number + 1) / len(todo))
        finally:
            if not step.seconds:
                result.done(step, **counts)
        return False

    def _write_one(self, change) -> None:
        client, layer = self.client, self.layer
        remote = self.current.get(id(change))
        if change.op == DELETE:
            client.delete(layer, remote.id, remote.etag, self.is_cancelled)
        elif change.op == UPDATE:
            attributes = dict(remote.attributes)
            attributes.update({n: (change.new or {}).get(n) for n in change.changed_fields})
            geometry = change.new_geometry if change.geometry_changed else remote.geometry
            client.replace(layer, remote.id, attributes, geometry, remote.etag,
                           self.is_cancelled)
        else:
            new_id = client.create(layer, change.new or {}, change.new_geometry,
                                   is_cancelled=self.is_cancelled)
            if new_id is not None:
                self.created[id(change)] = new_id
                self.result.inserted[change.key] = new_id

    # ------------------------------------------------------------------ verifying
    def _verify(self, todo) -> bool:
        step = self.result.step("verify", features=len(todo))
        now = self._state_now(todo)
        refused = []
        for change in todo:
            self.read_back[id(change)] = as_plain(now.get(id(change)), self.key)
            why = verification_mismatch(
                change, self.read_back[id(change)], self.changeset.schema,
                self.compare, still_there="the item is still in the collection after its DELETE",
                missing="the item is not in the collection after its write")
            if why is not None:
                refused.append(Refusal(change.key, change.op, why, "verification"))
        self.result.done(step, mismatches=len(refused))
        self.result.refusals.extend(refused)
        return bool(refused)

    def _conflicts_now(self) -> None:
        """After a 412 and a complete undo: the changes whose feature is no longer their
        base, described as conflicts (the proposal goes to conflict, for a rebase)."""
        result = self.result
        now = self._state_now(self.changeset.changes)
        conflicts = []
        for change in self.changeset.changes:
            feature = as_plain(now.get(id(change)), self.key)
            if classify(change, feature, self.changeset.schema, self.compare) == CONFLICTING:
                conflicts.append(describe_conflict(change, feature, self.compare))
        if conflicts:
            result.conflicts = conflicts
            result.status = outcomes.CONFLICT

    # ------------------------------------------------------------------ undoing
    def _undo(self, todo) -> None:
        """Take back what GeoGov wrote (not cancellable: something was written). Only the
        writes the server accepted are undone: an item whose write was refused — a 412
        above all, someone else's edit having landed — keeps what it holds. Field by field,
        only GeoGov's values are put back to their base: an edit made since by someone else
        is kept (``feature_states.our_part``), and an item GeoGov created that someone else
        has changed since is not deleted (the undo is then incomplete, naming it)."""
        result, client, layer = self.result, self.client, self.layer
        schema, compare = self.changeset.schema, self.compare
        step = result.step("undo")
        todo = list(self.written)
        errors, restored = [], {INSERT: 0, UPDATE: 0, DELETE: 0}
        try:
            now = self._state_now(todo)
        except GeoGovError as exc:
            result.undo = {"complete": False, "restored": restored,
                           "left": [c.key for c in todo], "kept": [], "errors": [exc.message]}
            result.done(step, complete=False)
            result.status = outcomes.UNDO_FAILED
            return
        for change in reversed(todo):
            remote = now.get(id(change))
            feature = as_plain(remote, self.key)
            read_back = self.read_back.get(id(change), NOT_READ)
            if is_undone(change, feature, read_back, compare):
                continue
            try:
                if change.op == INSERT:
                    if not is_ours(change, feature, read_back, schema, compare):
                        errors.append(f"{change.key}: changed by another edit since GeoGov "
                                      "created it; left as it is")
                        continue
                    client.delete(layer, remote.id, remote.etag)
                elif change.op == UPDATE:
                    fields, geometry = our_part(change, feature, read_back, compare)
                    # The base where the value is GeoGov's, what the item holds elsewhere.
                    attributes = dict(change.old or {})
                    for f in compare.fields:
                        if f.name != compare.key and f.name not in fields:
                            attributes[f.name] = feature.attributes.get(f.name)
                    client.replace(layer, remote.id, attributes,
                                   change.old_geometry if geometry else feature.geometry,
                                   remote.etag)
                else:
                    before = self.current[id(change)]
                    client.create(layer, before.attributes, before.geometry)
            except GeoGovError as exc:
                errors.append(f"{change.key}: {exc.message}")
                continue
            restored[change.op] += 1
        try:
            after = self._state_now(todo)
        except GeoGovError as exc:
            errors.append(exc.message)
            after = None
        if after is None:
            left, kept = [c.key for c in todo], []
        else:
            plain = {id(c): as_plain(after.get(id(c)), self.key) for c in todo}
            left = [c.key for c in todo
                    if not is_undone(c, plain[id(c)], self.read_back.get(id(c), NOT_READ),
                                     compare)]
            kept = [c.key for c in todo if c.key not in left
                    and not is_base(c, plain[id(c)], schema, compare)]
        complete = not left and not errors
        result.undo = {"complete": complete, "restored": restored, "left": left, "kept": kept,
                       "errors": errors}
        result.done(step, complete=complete, left=len(left), kept=len(kept))
        if result.status != outcomes.CANCELLED or not complete:
            result.status = outcomes.REFUSED if complete else outcomes.UNDO_FAILED


def _text(value, field_type):
    from .feature_states import key_text

    return key_text(value, field_type)
