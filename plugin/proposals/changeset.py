"""Change sets: what the edited version of a layer changes in its authoritative version.

Both versions arrive as iterables of plain rows ``(key, values, geometry)``:

- ``key``: the stable identifier (primary key, WFS feature id, or the key field the
  convention names); ``None`` on the edited side marks a new feature without one yet;
- ``values``: a tuple/list in the order of ``schema.fields`` (the fast form), or a dict
  {field name: value} (names the schema lacks are kept, so validation can report them);
- ``geometry``: WKB, EWKB or a GeoPackage blob (see wkb.py), or None.

When both sides come sorted by key (SQL ``ORDER BY``, a QgsFeatureRequest order-by) the
diff is a streaming merge-join: memory holds the current rows and the changes found, not
the layers. Otherwise the base goes into a dict first. Rows are compared as raw Python
values and bytes first; only a row that differs there is compared field by field by the
schema's types (so "12" vs 12, a GeoPackage header or a NaN Z is no change), and only a
base feature that is really touched gets a fingerprint.

Sorting is checked as the rows go (a PostgreSQL ``ORDER BY`` on text under a locale
collation, for instance, is not Python's order): an out-of-order key raises
ChangeSetInputError with code ``changeset.unsorted`` and the caller can start again
unsorted.
"""

from __future__ import annotations

from typing import Callable, Iterable, Optional

from ..errors import Cancelled, GeoGovError
from . import wkb
from .fingerprint import FINGERPRINT_SCHEME, WrongValueType, coerce_value, fingerprint, same_value
from .model import DELETE, INSERT, STRING, UPDATE, Change, ChangeSet, PlainFeature, Schema

# Rows between two progress reports / cancel checks: cheap enough to be invisible,
# frequent enough that a cancel answers within a few milliseconds.
CHECK_EVERY = 8192


class ChangeSetInputError(GeoGovError):
    """Rows the diff cannot use: out of order, duplicate or missing keys, wrong shape."""

    code = "changeset.input"


def compute_changeset(base_rows: Iterable, edited_rows: Iterable, schema: Schema, *,
                      sorted_by_key: bool = False, decimals: Optional[int] = None,
                      progress: Optional[Callable[[float], None]] = None,
                      is_cancelled: Optional[Callable[[], bool]] = None,
                      expected_rows: int = 0) -> ChangeSet:
    """The ChangeSet turning ``base_rows`` into ``edited_rows``.

    ``decimals``: coordinates closer than half a unit of this decimal are the same (and
    fingerprints round to it); default from ``schema.crs`` (wkb.crs_decimals).
    ``expected_rows``: base + edited row count, only for ``progress(fraction)``.
    Raises ChangeSetInputError (codes ``changeset.unsorted``, ``changeset.duplicate_key``,
    ``changeset.missing_key``, ``changeset.key_types``, ``changeset.row_shape``) and
    Cancelled.
    """
    differ = _Differ(schema, decimals)
    ticker = _Ticker(progress, is_cancelled, expected_rows)
    if sorted_by_key:
        _merge_join(iter(base_rows), iter(edited_rows), differ, ticker)
    else:
        _hash_join(iter(base_rows), iter(edited_rows), differ, ticker)
    ticker.done()
    return ChangeSet(schema=schema, changes=differ.changes, fingerprint_scheme=FINGERPRINT_SCHEME)


def compute_changeset_from_features(base: Iterable[PlainFeature], edited: Iterable[PlainFeature],
                                    schema: Schema, **options) -> ChangeSet:
    """compute_changeset over PlainFeature objects (attributes as dicts)."""
    return compute_changeset(((f.key, f.attributes, f.geometry) for f in base),
                             ((f.key, f.attributes, f.geometry) for f in edited), schema, **options)


# ---------------------------------------------------------------------------- joins
def _merge_join(base, edited, differ, ticker):
    compare = differ.compare
    base_row = next(base, None)
    if base_row is not None and base_row[0] is None:
        raise _missing_key()
    previous_edited = _NO_KEY
    count = 0
    for row in edited:
        count += 1
        if count >= CHECK_EVERY:
            ticker.tick(count)
            count = 0
        key = row[0]
        if key is None:
            differ.insert(row)
            continue
        # try blocks cost nothing until they catch (Python 3.11): only key comparisons
        # are wrapped, so a TypeError elsewhere is not mistaken for mixed key types.
        try:
            in_order = previous_edited is _NO_KEY or key > previous_edited
        except TypeError as error:
            raise _key_types_error(error) from error
        if not in_order:
            raise _order_error(previous_edited, key, "edited")
        previous_edited = key
        while base_row is not None:
            try:
                behind = base_row[0] < key
            except TypeError as error:
                raise _key_types_error(error) from error
            if not behind:
                break
            differ.delete(base_row)
            base_row, count = _advance(base, base_row, count)
        if base_row is not None and base_row[0] == key:
            if base_row[1] != row[1] or base_row[2] != row[2]:
                compare(base_row, row)
            base_row, count = _advance(base, base_row, count)
        else:
            differ.insert(row)
    while base_row is not None:
        differ.delete(base_row)
        base_row, count = _advance(base, base_row, count)
        if count >= CHECK_EVERY:
            ticker.tick(count)
            count = 0
    ticker.tick(count)


def _advance(base, current, count):
    following = next(base, None)
    if following is not None:
        if following[0] is None:
            raise _missing_key()
        try:
            in_order = following[0] > current[0]
        except TypeError as error:
            raise _key_types_error(error) from error
        if not in_order:
            raise _order_error(current[0], following[0], "base")
    return following, count + 1


def _hash_join(base, edited, differ, ticker):
    by_key = {}
    count = 0
    for row in base:
        key = row[0]
        if key is None:
            raise _missing_key()
        if key in by_key:
            raise ChangeSetInputError(f"key {key!r} appears twice in the base",
                                      code="changeset.duplicate_key", key=repr(key), side="base")
        by_key[key] = row
        count += 1
        if count >= CHECK_EVERY:
            ticker.tick(count)
            count = 0
    seen = set()
    for row in edited:
        count += 1
        if count >= CHECK_EVERY:
            ticker.tick(count)
            count = 0
        key = row[0]
        if key is None:
            differ.insert(row)
            continue
        if key in seen:
            raise ChangeSetInputError(f"key {key!r} appears twice in the edited version",
                                      code="changeset.duplicate_key", key=repr(key), side="edited")
        seen.add(key)
        base_row = by_key.pop(key, None)
        if base_row is None:
            differ.insert(row)
        elif base_row[1] != row[1] or base_row[2] != row[2]:
            differ.compare(base_row, row)
    for base_row in by_key.values():
        differ.delete(base_row)
    ticker.tick(count)


_NO_KEY = object()


def _missing_key():
    return ChangeSetInputError("a base feature has no key: it cannot be tracked",
                               code="changeset.missing_key")


def _order_error(before, after, side):
    if before == after:
        return ChangeSetInputError(f"key {after!r} appears twice in the {side}",
                                   code="changeset.duplicate_key", key=repr(after), side=side)
    return ChangeSetInputError(f"{side} rows are not sorted by key: {after!r} after {before!r}",
                               code="changeset.unsorted", side=side)


def _key_types_error(error):
    return ChangeSetInputError(f"keys of different types cannot be matched: {error}",
                               code="changeset.key_types")


# ---------------------------------------------------------------------------- rows → changes
class _Differ:
    def __init__(self, schema: Schema, decimals: Optional[int]):
        self.schema = schema
        self.names = schema.field_names()
        self.types = [f.type for f in schema.fields]
        self.type_of = dict(zip(self.names, self.types))
        self.decimals = wkb.crs_decimals(schema.crs) if decimals is None else decimals
        self.tolerance = 0.5 * 10.0 ** -self.decimals
        self.dimensions = wkb.layer_dimensions(schema.geometry_type)
        self.changes = []

    def attributes(self, values) -> dict:
        """{name: value} typed by the schema; a value that does not convert stays as it
        is (validation reports it)."""
        if isinstance(values, dict):
            pairs = values.items()
        else:
            if len(values) != len(self.names):
                raise ChangeSetInputError(
                    f"a row has {len(values)} values for {len(self.names)} schema fields",
                    code="changeset.row_shape", values=len(values), fields=len(self.names))
            pairs = zip(self.names, values)
        out = {}
        for name, value in pairs:
            try:
                out[name] = coerce_value(value, self.type_of.get(name, STRING))
            except WrongValueType:
                out[name] = value
        return out

    def geometry(self, blob):
        try:
            return wkb.to_iso_wkb(blob)
        except wkb.GeometryError:
            return blob if blob is None or isinstance(blob, str) else bytes(blob)

    def geometry_changed(self, old, new) -> bool:
        if old == new:
            return False
        try:
            return not wkb.same_parsed(wkb.parse(old, self.dimensions), wkb.parse(new, self.dimensions),
                                       self.tolerance)
        except wkb.GeometryError:
            return True

    def changed_fields(self, old_values, new_values) -> list:
        if isinstance(old_values, dict) or isinstance(new_values, dict):
            old = old_values if isinstance(old_values, dict) else dict(zip(self.names, old_values))
            new = new_values if isinstance(new_values, dict) else dict(zip(self.names, new_values))
            names = self.names + [n for n in dict.fromkeys(list(old) + list(new)) if n not in self.type_of]
            return [n for n in names
                    if not same_value(old.get(n), new.get(n), self.type_of.get(n, STRING))]
        if len(old_values) != len(new_values):
            raise ChangeSetInputError("base and edited rows have different numbers of values",
                                      code="changeset.row_shape")
        out = []
        for name, field_type, a, b in zip(self.names, self.types, old_values, new_values):
            # Raw equality first: the normal forms are only built for values that differ.
            if a is b or (a == b and type(a) is type(b)):
                continue
            if not same_value(a, b, field_type):
                out.append(name)
        return out

    def compare(self, base_row, edited_row):
        key, old_values, old_geometry = base_row
        _, new_values, new_geometry = edited_row
        fields = self.changed_fields(old_values, new_values)
        moved = self.geometry_changed(old_geometry, new_geometry)
        if not fields and not moved:
            return                        # differs only in representation
        old = self.attributes(old_values)
        self.changes.append(Change(
            op=UPDATE, key=key, old=old, new=self.attributes(new_values),
            old_geometry=self.geometry(old_geometry), new_geometry=self.geometry(new_geometry),
            changed_fields=fields, geometry_changed=moved,
            base_fingerprint=fingerprint(old, old_geometry, self.schema, decimals=self.decimals)))

    def insert(self, edited_row):
        key, values, geometry = edited_row
        self.changes.append(Change(op=INSERT, key=key, new=self.attributes(values),
                                   new_geometry=self.geometry(geometry)))

    def delete(self, base_row):
        key, values, geometry = base_row
        old = self.attributes(values)
        self.changes.append(Change(
            op=DELETE, key=key, old=old, old_geometry=self.geometry(geometry),
            base_fingerprint=fingerprint(old, geometry, self.schema, decimals=self.decimals)))


class _Ticker:
    """Progress and cancellation, checked every CHECK_EVERY rows."""

    def __init__(self, progress, is_cancelled, expected_rows):
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.expected = max(int(expected_rows or 0), 0)
        self.seen = 0

    def tick(self, rows: int):
        self.seen += rows
        if self.is_cancelled is not None and self.is_cancelled():
            raise Cancelled("change set computation cancelled")
        if self.progress is not None and self.expected:
            self.progress(min(self.seen / self.expected, 0.999))

    def done(self):
        if self.progress is not None:
            self.progress(1.0)
