"""The history of a feature, or of a dataset: the applied proposals that changed it.

Input: the store's change log (``store.changelog(dataset, with_changes=True)``: one
:class:`~..proposals.stores.base.ChangelogEntry` per applied proposal, its change set included).
Output: :class:`HistoryEntry` items, newest first — when, who proposed (and for which
partner), who approved, who applied, why (the proposal's comment) — each with the
:class:`FeatureChange` items it made: the operation, the feature's key, old → new per
field, whether the geometry changed.

A feature is found in a change set by that change set's own key field
(``changeset.schema.key``, the dataset's ``key_field`` when the proposal was made): its
value in the feature's attributes is compared with each change's key by the field's type,
so the integer 12 and the text "12" name the same feature of an integer key
(feature_states.key_text), and a text key "012" stays itself. A new feature whose key the
target filled (an autoincrement) carries a provisional key in the change set: the key the
target gave it comes from the apply attempt (:func:`inserted_keys`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from ..proposals.model import DELETE, INSERT, UPDATE, Change
from .feature_states import key_text


@dataclass
class FeatureChange:
    """What one applied proposal did to one feature."""

    op: str                                        # insert / update / delete
    key: Any                                       # the feature's key in the target
    fields: list = field(default_factory=list)     # [(name, old, new)]: update: the changed
    #                                                fields; insert: the values set (old None);
    #                                                delete: the values it had (new None)
    geometry_changed: bool = False
    change: Optional[Change] = None                # the change itself (for a revert)


@dataclass
class HistoryEntry:
    """One applied proposal, with the changes it made (to the feature asked for, or all)."""

    proposal_id: str
    dataset: str
    title: str
    why: str                                       # the author's comment
    author: str
    partner: str
    approved_by: list                              # [(login, role, at)]
    applied_by: str
    applied_at: Optional[dt.datetime]
    changes: list = field(default_factory=list)    # FeatureChange

    @property
    def ops(self) -> dict:
        out = {INSERT: 0, UPDATE: 0, DELETE: 0}
        for change in self.changes:
            out[change.op] = out.get(change.op, 0) + 1
        return out


def inserted_keys(attempts) -> dict:
    """{provisional key as text: key the target gave} of the last apply attempt that
    wrote the proposal (its details' ``inserted``, plugin/publishing/result.py)."""
    for attempt in reversed(list(attempts or [])):
        details = getattr(attempt, "details", None) or {}
        if getattr(attempt, "result", "") == "applied" and details.get("inserted"):
            return {str(k): v for k, v in details["inserted"].items()}
    return {}


def target_key(change: Change, key_field: str, inserted: Optional[dict] = None):
    """The key of the change's feature in the target: its key (update, delete), the key
    value it sets (insert), else the key the target gave it (``inserted``), else its
    provisional key."""
    if change.op != INSERT:
        return change.key
    value = (change.new or {}).get(key_field)
    if value is not None:
        return value
    if inserted and str(change.key) in inserted:
        return inserted[str(change.key)]
    return change.key


def _key_type(schema, key_field: str) -> str:
    definition = schema.field(key_field) if schema is not None else None
    return definition.type if definition is not None else "string"


def same_key(a, b, field_type: str = "string") -> bool:
    """Whether two key values name the same feature of a key field of ``field_type``."""
    if a is None or b is None:
        return False
    return key_text(a, field_type) == key_text(b, field_type)


def _time_order(entry) -> tuple:
    moment = entry.applied_at
    if moment is None:
        return (0.0, entry.proposal_id or "")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return (moment.timestamp(), entry.proposal_id or "")


def feature_change(change: Change, key) -> FeatureChange:
    """The readable form of one change: (name, old, new) per field."""
    old, new = change.old or {}, change.new or {}
    if change.op == UPDATE:
        fields = [(name, old.get(name), new.get(name)) for name in change.changed_fields]
        moved = bool(change.geometry_changed)
    elif change.op == INSERT:
        fields = [(name, None, value) for name, value in new.items() if value is not None]
        moved = change.new_geometry is not None
    else:
        fields = [(name, value, None) for name, value in old.items() if value is not None]
        moved = change.old_geometry is not None
    return FeatureChange(change.op, key, fields, moved, change)


def _entry(entry, changes) -> HistoryEntry:
    return HistoryEntry(
        proposal_id=entry.proposal_id, dataset=entry.dataset, title=entry.title or "",
        why=entry.comment or "", author=entry.author or "", partner=entry.partner or "",
        approved_by=list(entry.approved_by or []), applied_by=entry.applied_by or "",
        applied_at=entry.applied_at, changes=changes)


def feature_history(entries, attributes: dict, feature_id=None, inserted: Optional[dict] = None) -> list:
    """The applied proposals of ``entries`` that changed one feature, newest first, each with
    only its changes to that feature.

    ``attributes``: the feature's {field: value} as the layer holds it; ``feature_id``: its
    id in the layer, the key of change sets keyed by feature id (a key field the layer does
    not have); ``inserted``: {proposal id: :func:`inserted_keys` of its apply}.
    """
    inserted = inserted or {}
    out = []
    for entry in entries:
        changeset = entry.changeset
        if changeset is None or not changeset.changes:
            continue
        key_field = changeset.schema.key
        wanted = attributes.get(key_field) if key_field in (attributes or {}) else feature_id
        if wanted is None:
            continue
        kind = _key_type(changeset.schema, key_field)
        given = inserted.get(entry.proposal_id)
        changes = []
        for change in changeset.changes:
            key = target_key(change, key_field, given)
            if same_key(key, wanted, kind):
                changes.append(feature_change(change, key))
        if changes:
            out.append(_entry(entry, changes))
    out.sort(key=_time_order, reverse=True)
    return out


def layer_history(entries, inserted: Optional[dict] = None) -> list:
    """Every applied proposal of ``entries`` with all its changes, newest first."""
    inserted = inserted or {}
    out = []
    for entry in entries:
        changeset = entry.changeset
        changes = []
        if changeset is not None:
            given = inserted.get(entry.proposal_id)
            changes = [feature_change(c, target_key(c, changeset.schema.key, given))
                       for c in changeset.changes]
        out.append(_entry(entry, changes))
    out.sort(key=_time_order, reverse=True)
    return out


def needs_inserted_keys(entry) -> bool:
    """Whether some insert of the entry's change set has no key value of its own (the
    target gave it one: only the apply attempt knows it)."""
    changeset = entry.changeset
    if changeset is None:
        return False
    key_field = changeset.schema.key
    return any(c.op == INSERT and (c.new or {}).get(key_field) is None for c in changeset.changes)


# ---------------------------------------------------------------------------- rows to show
@dataclass
class ChangeRow:
    """One FeatureChange as text."""

    op: str
    feature: str
    fields: list                     # [(name, old text, new text)]
    geometry_changed: bool


@dataclass
class HistoryRow:
    """One HistoryEntry as the history view shows it: names and times in words."""

    proposal_id: str
    when: str
    title: str
    proposed_by: str                 # the author's name
    partner: str                     # the author's partner's name
    approved_by: list                # [(name, role)]
    applied_by: str
    why: str
    changes: list                    # ChangeRow


def value_text(value) -> str:
    """A field value in a history row: "" for none, ISO dates, true/false, <binary>."""
    if value is None:
        return ""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "<binary>"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _utc_text(moment) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def history_rows(entries, *, person: Optional[Callable[[str], str]] = None,
                 partner: Optional[Callable[[str], str]] = None,
                 local_time: Optional[Callable[[dt.datetime], str]] = None,
                 value: Callable = value_text) -> list:
    """HistoryRow per HistoryEntry, in their order. ``person`` (login → name), ``partner``
    (id → name) and ``local_time`` (aware datetime → words) come from the bridge
    (changelog_page.page_options); without them logins, ids and UTC times. ``value``: a
    field value as text (the UI's words for none, true, false)."""
    person = person or (lambda login: login or "")
    partner = partner or (lambda pid: pid or "")
    out = []
    for entry in entries:
        moment = entry.applied_at
        if isinstance(moment, dt.datetime) and moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.timezone.utc)
        when = local_time(moment) if local_time is not None and moment is not None else _utc_text(moment)
        changes = [ChangeRow(c.op, value_text(c.key),
                             [(name, value(old), value(new)) for name, old, new in c.fields],
                             c.geometry_changed) for c in entry.changes]
        out.append(HistoryRow(
            proposal_id=entry.proposal_id or "", when=when, title=entry.title or entry.proposal_id or "",
            proposed_by=person(entry.author), partner=partner(entry.partner),
            approved_by=[(person(login), role) for login, role, *_ in entry.approved_by],
            applied_by=person(entry.applied_by), why=entry.why, changes=changes))
    return out
