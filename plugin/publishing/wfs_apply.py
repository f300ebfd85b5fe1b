"""Applying a change set by WFS-T, correct against QGIS Server 3.22's measured behaviour.

A QGIS Server 3.22 Transaction is not all-or-nothing (each action commits on its own,
even half an Update: its geometry can land while its attributes are refused), runs
Updates, then Deletes, then Inserts in reverse order whatever the document says, answers
HTTP 200 to a partial failure and reports an Update/Delete of a missing id as a success.
So the server's reply is never the proof: the data is.

1. describe the layer and validate the change set against it (nothing to refuse);
2. read every touched feature and classify each change (feature_states.py): any conflict
   → nothing is written; changes already in the data (a retry) are not sent again;
3. send Deletes, then Updates, then Inserts, each phase in its own documents, so that
   related changes (a key freed by a delete and reused by an insert) work on servers that
   reorder actions inside a document; Updates setting the same values, and Deletes, are
   grouped by ≤ 89 ids (one action, one commit); every action has a handle;
4. read every touched feature again and check it is the proposed state; inserted
   features are found by the key value the proposal sets, or (server-assigned keys) by
   matching content among the returned ids — never by the order of the returned ids;
5. on any refusal or mismatch: undo from the base state held in the change set, decided
   per feature from what the data holds *now* (revert an update whose feature is not its
   base, re-insert a deleted feature — under its old fid on QGIS Server, which honours a
   fid property on Insert —, delete an inserted one), then check the undo the same way.
   Field by field, only GeoGov's values go back to their base: an edit someone else made
   since is kept (``feature_states.our_part``); a feature GeoGov inserted that someone
   else has changed since is not deleted (the undo is then incomplete, naming it).

A connection lost while a Transaction is under way leaves the outcome unknown: the apply
stops there (UNKNOWN, nothing undone, since the server may still be writing) and a retry
sorts out from the data what landed (step 2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from ..errors import Cancelled, GeoGovError, NetworkError, ServiceException
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
    is_proposed,
    is_undone,
    our_part,
    verification_mismatch,
)
from .result import ApplyResult, Refusal
from .schema_check import check_against_schema
from .wfs_actions import FeatureKeys, as_plain, build_actions
from .wfs_client import RemoteFeature, WfsClient
from .wfst import Delete, Insert, Update

# Measured on QGIS Server 3.22 (tests/bench/bench_apply.py, 300 attribute + geometry
# updates each): 19.0, 19.7, 18.5, 18.3 ms per update with 10, 50, 100, 250 actions per
# document — each action is one commit on the server, the document size hardly matters.
# 100 keeps a refused document's undo small.
ACTIONS_PER_TRANSACTION = 100

_FEATURE_IN_MESSAGE = re.compile(r"feature (-?\d+)")


@dataclass
class WfsOptions:
    actions_per_transaction: int = ACTIONS_PER_TRANSACTION
    group_updates: bool = True
    timeout: float = 300.0
    resume: bool = False      # a previous attempt's outcome is unknown: look for its inserts


class WfsApply:
    def __init__(self, changeset: ChangeSet, client: WfsClient, result: ApplyResult,
                 options: WfsOptions, progress: Callable, is_cancelled: Callable):
        self.changeset = changeset
        self.client = client
        self.result = result
        self.options = options
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.sent_handles = {}            # handle -> [change]
        self.inserted_fids = []           # feature ids the server reported for inserts
        self.read_back = {}               # id(change) -> the feature as verified after writing

    # ------------------------------------------------------------------ main
    def run(self) -> ApplyResult:
        result = self.result
        step = result.step("describe")
        layer = self.layer = self.client.describe(self.is_cancelled)
        result.done(step, typename=layer.typename, crs=layer.schema.crs,
                    geometry=layer.schema.geometry_type, id_field=layer.id_field,
                    qgis_server=layer.qgis_server, fields=[f.name for f in layer.schema.fields])
        schema = self.changeset.schema
        self.keys = FeatureKeys(layer, schema.key)
        self.compare = compare_schema(schema, layer.schema)

        step = result.step("validate")
        ops = [op.lower() for op in layer.operations] or [INSERT, UPDATE, DELETE]
        problems = check_against_schema(self.changeset, layer.schema, operations=ops,
                                        key_in_target=self.keys.mode != "feature_id")
        result.done(step, problems=len(problems))
        if problems:
            result.problems = problems
            result.status = outcomes.INVALID
            return result
        self.progress(0.02)

        step = result.step("read_current")
        current = self._current(lambda f: self.progress(0.02 + 0.08 * f))
        todo, conflicts = [], []
        already = {INSERT: 0, UPDATE: 0, DELETE: 0}
        for change in self.changeset.changes:
            feature = current.get(id(change))
            state = classify(change, as_plain(feature, self.keys), schema, self.compare)
            if state == CONFLICTING:
                conflicts.append(describe_conflict(change, as_plain(feature, self.keys), self.compare))
            elif state == DONE:
                already[change.op] += 1
            else:
                todo.append(change)
        result.done(step, read=len(current), todo=len(todo), done=sum(already.values()),
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
        self.current = current

        failed = self._write(todo)
        if failed is None:                            # outcome unknown: stop here
            return result
        if not failed:
            failed = self._verify(todo)
        if failed:
            self._undo(todo)
        else:
            result.status = outcomes.APPLIED
            result.written = {op: sum(1 for c in todo if c.op == op)
                              for op in (INSERT, UPDATE, DELETE)}
        self.progress(1.0)
        return result

    # ------------------------------------------------------------------ reading
    def _current(self, progress) -> dict:
        """id(change) -> RemoteFeature of every touched feature the layer holds now."""
        keyed = [c for c in self.changeset.changes
                 if not (c.op == INSERT and self.keys.auto_insert())]
        found = self.keys.fetch(self.client, [c.key if c.op != INSERT else
                                              (c.new or {}).get(self.keys.key) for c in keyed],
                                progress, self.is_cancelled)
        out = {}
        for change in keyed:
            k = change.key if change.op != INSERT else (change.new or {}).get(self.keys.key)
            remote = found.get(self.keys.text(k))
            if remote is not None:
                out[id(change)] = remote
        if self.options.resume:
            out.update(self._find_auto_inserts())
        return out

    def _find_auto_inserts(self) -> dict:
        """Inserts with server-assigned keys a previous attempt may have written: look for
        features with the same content (only after an attempt whose outcome is unknown)."""
        out, taken = {}, set()
        for change in self.changeset.changes:
            if change.op != INSERT or not self.keys.auto_insert():
                continue
            values = {f.name: (change.new or {}).get(f.name) for f in self.compare.fields
                      if f.type in ("string", "integer") and f.name != self.compare.key
                      and (change.new or {}).get(f.name) not in (None, "")}
            if not values:
                continue
            name, value = next(iter(values.items()))
            for remote in self.client.features(self.layer, field=name, values=[value],
                                               is_cancelled=self.is_cancelled):
                if remote.fid not in taken and \
                        is_proposed(change, as_plain(remote, self.keys), self.changeset.schema,
                                    self.compare):
                    out[id(change)] = remote
                    taken.add(remote.fid)
                    break
        return out

    # ------------------------------------------------------------------ writing
    def _write(self, todo) -> Optional[bool]:
        """Send everything; True if something was refused, None if the outcome is unknown."""
        result, size = self.result, max(1, self.options.actions_per_transaction)
        phases, handles = build_actions(todo, self.current, self.layer, self.keys,
                                        self.options.group_updates)
        self.sent_handles.update(handles)
        documents = [phase[i:i + size] for phase in phases for i in range(0, len(phase), size)]
        for number, actions in enumerate(documents):
            if self.is_cancelled():
                result.step("cancelled", before_document=number)
                result.status = outcomes.CANCELLED
                return True
            step = result.step("transaction", document=number, actions=len(actions))
            try:
                outcome = self.client.transaction(self.layer, actions, self.is_cancelled)
            except Cancelled:                  # cancelled before this document left
                result.done(step, outcome="not sent")
                result.status = outcomes.CANCELLED
                return True
            except NetworkError as exc:
                result.done(step, outcome="unknown", error=exc.code)
                result.status = outcomes.UNKNOWN
                result.error = {"code": exc.code, "message": exc.message, "params": exc.params}
                return None
            except ServiceException as exc:
                # The server refused the document as a whole (malformed, or a WFS 2.0
                # server's atomic refusal): every change in it is refused.
                result.done(step, outcome="exception", error=exc.message)
                for action in actions:
                    for change in self.sent_handles.get(action.handle, []):
                        result.refusals.append(Refusal(change.key, change.op, exc.message,
                                                       "server", action.handle))
                return True
            for handle, fid in outcome.inserted_ids:
                self.inserted_fids.append(fid)
                for change in self.sent_handles.get(handle, []):
                    self.result.inserted[change.key] = fid
            result.done(step, inserted=outcome.inserted, updated=outcome.updated,
                        deleted=outcome.deleted, failures=len(outcome.failures))
            self.progress(0.1 + 0.75 * (number + 1) / len(documents))
            refused = self._refusals(actions, outcome)
            if refused:
                result.refusals.extend(refused)
                return True
        return False

    def _refusals(self, actions, outcome) -> list:
        out = []
        for failure in outcome.failures:
            # The server's words, on one line (QGIS Server breaks its messages with "\n  ").
            message = " ".join(failure.message.split())
            changes = self.sent_handles.get(failure.locator)
            if changes is None:
                out.append(Refusal(None, "", message, "server", failure.locator))
                continue
            # A grouped action's message names the features it could not write
            # ("OGR error setting feature 21: … CHECK constraint failed").
            named = {int(n) for n in _FEATURE_IN_MESSAGE.findall(message)}
            if named and self.layer.id_field and len(changes) > 1:
                picked = [c for c in changes
                          if self.layer.id_value(self.current[id(c)].fid) in named]
                changes = picked or changes
            for change in changes:
                out.append(Refusal(change.key, change.op, message, "server", failure.locator))
        expected = sum(1 for a in actions if isinstance(a, Insert))
        if not out and outcome.inserted < expected:
            out.append(Refusal(None, INSERT, f"the server inserted {outcome.inserted} of "
                               f"{expected} features without saying why", "server"))
        return out

    # ------------------------------------------------------------------ verifying
    def _state_now(self, changes) -> dict:
        """id(change) -> RemoteFeature now (absent when the layer has none).

        Not cancellable: it runs once something was written (verification, undo), and
        stopping there would leave the data half-changed and unchecked."""
        by_fid = list(dict.fromkeys(self.current[id(c)].fid for c in changes
                                    if id(c) in self.current))
        found = {r.fid: r for r in self.client.features(self.layer, ids=by_fid)} \
            if by_fid else {}
        out = {}
        for change in changes:
            remote = self.current.get(id(change))
            if remote is not None and remote.fid in found:
                out[id(change)] = found[remote.fid]
        inserts = [c for c in changes if c.op == INSERT and id(c) not in self.current]
        if inserts and self.keys.mode == "field":
            now = self.keys.fetch(self.client, [(c.new or {}).get(self.keys.key) for c in inserts])
            for change in inserts:
                remote = now.get(self.keys.text((change.new or {}).get(self.keys.key)))
                if remote is not None:
                    out[id(change)] = remote
        elif inserts:
            # Server-assigned keys: match returned ids by content, not by their order.
            pool = self.client.features(self.layer, ids=list(dict.fromkeys(self.inserted_fids))) \
                if self.inserted_fids else []
            for change in inserts:
                for remote in pool:
                    if is_proposed(change, as_plain(remote, self.keys), self.changeset.schema,
                                   self.compare):
                        out[id(change)] = remote
                        pool.remove(remote)
                        break
            self.unmatched_inserts = pool
        return out

    def _verify(self, todo) -> bool:
        step = self.result.step("verify", features=len(todo))
        now = self._state_now(todo)
        refused = []
        for change in todo:
            self.read_back[id(change)] = as_plain(now.get(id(change)), self.keys)
            why = verification_mismatch(
                change, self.read_back[id(change)], self.changeset.schema,
                self.compare, still_there="the feature is still in the target after its Delete",
                missing="the feature is not in the target after the Transaction")
            if why is not None:
                refused.append(Refusal(change.key, change.op, why, "verification"))
        self.result.done(step, mismatches=len(refused))
        self.result.refusals.extend(refused)
        return bool(refused)

    # ------------------------------------------------------------------ undoing
    def _undo(self, todo) -> None:
        result, layer, compare = self.result, self.layer, self.compare
        step = result.step("undo")
        now = self._state_now(todo)
        extra = list(getattr(self, "unmatched_inserts", []))
        writable = {f.name for f in layer.schema.fields if not f.auto}
        actions, restored = [], {INSERT: 0, UPDATE: 0, DELETE: 0}
        errors = []
        for change in todo:
            remote = now.get(id(change))
            feature = as_plain(remote, self.keys)
            read_back = self.read_back.get(id(change), NOT_READ)
            if is_undone(change, feature, read_back, compare):
                continue
            handle = f"undo{len(actions)}"
            if change.op == UPDATE:
                # Only GeoGov's values go back to their base; an edit made since is kept.
                fields, geometry = our_part(change, feature, read_back, compare)
                values = {n: (change.old or {}).get(n) for n in fields if n in writable}
                actions.append(Update(handle=handle, feature_ids=[remote.fid], values=values,
                                      geometry=change.old_geometry if geometry else None,
                                      set_geometry=geometry))
            elif change.op == DELETE:
                before = self.current[id(change)]
                attributes = {n: v for n, v in before.attributes.items() if n in writable}
                if layer.id_field:
                    attributes[layer.id_field] = layer.id_value(before.fid)
                actions.append(Insert(handle=handle, attributes=attributes,
                                      geometry=before.geometry))
            elif is_ours(change, feature, read_back, self.changeset.schema, compare):
                actions.append(Delete(handle=handle, feature_ids=[remote.fid]))
            else:
                errors.append(f"{change.key}: changed by another edit since GeoGov created "
                              "it; left as it is")
                continue
            self.sent_handles[handle] = [change]
            restored[change.op] += 1
        # Inserted features the verification could not tie to a change are ours too.
        for remote in extra:
            actions.append(Delete(handle=f"undo{len(actions)}", feature_ids=[remote.fid]))
        size = max(1, self.options.actions_per_transaction)
        for start in range(0, len(actions), size):
            try:
                outcome = self.client.transaction(layer, actions[start:start + size])
            except GeoGovError as exc:
                errors.append(exc.message)
                continue
            errors += [f"{f.locator}: {f.message}" for f in outcome.failures]
            for handle, fid in outcome.inserted_ids:
                # A re-created feature: where to look for it when checking the undo.
                for change in self.sent_handles.get(handle, []):
                    before = self.current[id(change)]
                    self.current[id(change)] = RemoteFeature(fid, before.attributes,
                                                             before.geometry)
        # Check the undo from the data, as for the apply itself.
        after = self._state_now(todo) if actions else now
        plain = {id(c): as_plain(after.get(id(c)), self.keys) for c in todo}
        left = [c.key for c in todo
                if not is_undone(c, plain[id(c)], self.read_back.get(id(c), NOT_READ), compare)]
        kept = [c.key for c in todo if c.key not in left
                and not is_base(c, plain[id(c)], self.changeset.schema, compare)]
        complete = not left and not errors
        result.undo = {"complete": complete, "restored": restored, "left": left, "kept": kept,
                       "errors": errors}
        result.done(step, actions=len(actions), complete=complete, left=len(left),
                    kept=len(kept))
        if result.status != outcomes.CANCELLED or not complete:
            result.status = outcomes.REFUSED if complete else outcomes.UNDO_FAILED
