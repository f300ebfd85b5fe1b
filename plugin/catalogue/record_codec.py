"""Records as JSON lines, for the sweep's cache (:mod:`.sweep`): exact, compact, safe to read.

One :class:`~.model.Record` is one JSON object on one line, its values as the parsers made
them (dates as ISO text, a date-time with its time). Fields at their default are left out,
and parties are written once in a table the records point into by position: a regional
catalogue names the same few organisations, with the same addresses, in thousands of
records (10 000 records: 75 000 parties, 39 different; 47 MB of JSON become 19 MB).

JSON and no pickle: the file lives in the user's profile, and reading it must never run
what it holds. :data:`SHAPE` names the model's fields: a cache written for another shape
of Record is not read (the sweep is then a full one).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json

from .model import Maintenance, OnlineResource, Party, Record

_CLASSES = (Record, Party, OnlineResource, Maintenance)


def _defaults(cls) -> dict:
    out = {}
    for item in dataclasses.fields(cls):
        if item.default is not dataclasses.MISSING:
            out[item.name] = item.default
        elif item.default_factory is not dataclasses.MISSING:
            out[item.name] = item.default_factory()
    return out


_FIELDS = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _CLASSES}
_DEFAULTS = {cls: _defaults(cls) for cls in _CLASSES}
_MISSING = object()
# The model's shape: records cached under another one are not read back.
SHAPE = hashlib.sha1(repr(sorted((c.__name__, _FIELDS[c]) for c in _CLASSES))
                     .encode("utf-8")).hexdigest()[:12]


def _date_text(value):
    return value.isoformat()


def _date(text):
    if text is None:
        return None
    return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)


def _plain(obj) -> dict:
    """The fields of a Party / OnlineResource / Maintenance not at their default."""
    cls = type(obj)
    defaults = _DEFAULTS[cls]
    out = {}
    for name in _FIELDS[cls]:
        value = getattr(obj, name)
        if value == defaults.get(name, _MISSING):
            continue
        if isinstance(value, dt.date):
            value = _date_text(value)
        out[name] = value
    return out


class PartyTable:
    """The parties of a cache file: each different one once, records point at positions."""

    def __init__(self, rows=()):
        self.rows = list(rows)                      # plain dicts, in position order
        self._index = {self._key(row): n for n, row in enumerate(self.rows)}

    @staticmethod
    def _key(row: dict) -> str:
        return json.dumps(row, sort_keys=True, ensure_ascii=False)

    def position(self, party: Party) -> int:
        row = _plain(party)
        key = self._key(row)
        if key not in self._index:
            self._index[key] = len(self.rows)
            self.rows.append(row)
        return self._index[key]

    def lines(self) -> list:
        return [dumps(row) for row in self.rows]


def dumps(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def encode_record(record: Record, parties: PartyTable) -> bytes:
    """One line (no newline) for ``record``, its parties put in ``parties``."""
    defaults = _DEFAULTS[Record]
    out = {}
    for name in _FIELDS[Record]:
        value = getattr(record, name)
        if value == defaults.get(name, _MISSING):
            continue
        if name == "parties":
            value = [parties.position(p) for p in value]
        elif name == "links":
            value = [_plain(link) for link in value]
        elif name == "maintenance":
            value = _plain(value)
        elif name == "dates":
            value = {kind: _date_text(day) for kind, day in value.items()}
        elif isinstance(value, dt.date):
            value = _date_text(value)
        out[name] = value
    return dumps(out)


def decode_party(line: bytes) -> dict:
    """A party line as the keyword arguments of its Party (built anew for each record)."""
    return json.loads(line)


def decode_record(line: bytes, parties: list) -> Record:
    """The Record of a line; ``parties``: the decoded party rows (:func:`decode_party`).

    Each record gets Party objects of its own, as a harvest gives: none is shared."""
    data = json.loads(line)
    if "parties" in data:
        data["parties"] = [Party(**parties[n]) for n in data["parties"]]
    if "links" in data:
        data["links"] = [OnlineResource(**link) for link in data["links"]]
    maintenance = data.get("maintenance")
    if maintenance is not None:
        if "next_update" in maintenance:
            maintenance["next_update"] = _date(maintenance["next_update"])
        data["maintenance"] = Maintenance(**maintenance)
    if "dates" in data:
        data["dates"] = {kind: _date(text) for kind, text in data["dates"].items()}
    if "metadata_date" in data:
        data["metadata_date"] = _date(data["metadata_date"])
    if "bbox" in data:
        data["bbox"] = tuple(data["bbox"])
    return Record(**data)
