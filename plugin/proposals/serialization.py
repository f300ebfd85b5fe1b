"""The one codec of change sets, changes, feature keys and validation problems.

The proposal stores (GeoPackage, PostgreSQL ``jsonb``) keep a ChangeSet as one row per
change (:func:`change_to_row`) plus its meta (:func:`changeset_meta`), and a later apply
compares fingerprints computed from what was stored: values must come back *exactly* as
they went in. Plain JSON loses types (a date would come back as a string,
bytes and NaN do not fit at all), so non-JSON values are written as a one-key object
whose key names the type::

    {"$date": "2024-01-05"}                {"$datetime": "2024-01-05T10:00:00+00:00"}
    {"$time": "10:00:00"}                  {"$bytes": "0101000000…"}   (lower-case hex)
    {"$float": "nan" | "inf" | "-inf"}     {"$decimal": "1.10"}
    {"$map": {"k": <value>, …}}            (a dict value, e.g. a JSON field)

None, bool, int, str and finite floats stay native JSON; lists stay lists (tuples
become lists). Geometries stay ISO WKB bytes, for the stores' geometry columns.
An aware datetime keeps its UTC offset (a zoneinfo zone comes back as a fixed offset,
which compares equal); a naive one stays naive.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import math

from ..errors import DocumentError
from .model import Change, ChangeSet, FieldDef, Problem, Schema

FORMAT = "geogov.changeset"
VERSION = 1


# ---------------------------------------------------------------------------- values
def encode_value(value):
    """A JSON-safe form of one attribute value (see the module docstring)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return {"$float": "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")}
    # datetime before date: a datetime is a date too.
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dt.time):
        return {"$time": value.isoformat()}
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$bytes": bytes(value).hex()}
    if isinstance(value, decimal.Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, dict):
        return {"$map": {str(k): encode_value(v) for k, v in value.items()}}
    if isinstance(value, (list, tuple)):
        return [encode_value(v) for v in value]
    raise DocumentError(f"cannot store a value of type {type(value).__name__}",
                        code="changeset.value_type", type=type(value).__name__)


def decode_value(data):
    """The value :func:`encode_value` was given."""
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [decode_value(v) for v in data]
    if isinstance(data, dict) and len(data) == 1:
        (tag, payload), = data.items()
        try:
            if tag == "$date":
                return dt.date.fromisoformat(payload)
            if tag == "$datetime":
                return dt.datetime.fromisoformat(payload)
            if tag == "$time":
                return dt.time.fromisoformat(payload)
            if tag == "$bytes":
                return bytes.fromhex(payload)
            if tag == "$float":
                return float(payload)
            if tag == "$decimal":
                return decimal.Decimal(payload)
            if tag == "$map":
                return {k: decode_value(v) for k, v in payload.items()}
        except (TypeError, ValueError, AttributeError, decimal.InvalidOperation) as error:
            raise DocumentError(f"bad {tag} value {payload!r}: {error}",
                                code="changeset.bad_value", tag=tag) from error
    raise DocumentError(f"not a stored value: {data!r}", code="changeset.bad_value")


def _encode_attributes(attributes):
    if attributes is None:
        return None
    return {name: encode_value(value) for name, value in attributes.items()}


_PLAIN = (str, int, float, bool, type(None))


def _decode_attributes(data):
    if data is None:
        return None
    # Most stored values are plain JSON scalars: kept as they are without a call each
    # (a 100 000-change proposal has a few million of them).
    plain = _PLAIN
    return {name: value if type(value) in plain else decode_value(value) for name, value in data.items()}


def _wkb(geometry):
    if geometry is None:
        return None
    if isinstance(geometry, (bytes, bytearray, memoryview)):
        return bytes(geometry)
    raise DocumentError(f"a geometry is WKB bytes, not {type(geometry).__name__}",
                        code="changeset.bad_geometry")


# ---------------------------------------------------------------------------- schema
def schema_to_dict(schema: Schema) -> dict:
    return {
        "fields": [{"name": f.name, "type": f.type, "nullable": f.nullable, "length": f.length,
                    "auto": f.auto} for f in schema.fields],
        "key": schema.key,
        "geometry_type": schema.geometry_type,
        "crs": schema.crs,
        "geometry_nullable": schema.geometry_nullable,
    }


def schema_from_dict(data: dict) -> Schema:
    try:
        return Schema(
            fields=[FieldDef(name=f["name"], type=f.get("type", "string"),
                             nullable=bool(f.get("nullable", True)), length=int(f.get("length", 0)),
                             auto=bool(f.get("auto", False)))
                    for f in data.get("fields", [])],
            key=data.get("key", "fid"),
            geometry_type=data.get("geometry_type", ""),
            crs=data.get("crs", ""),
            geometry_nullable=bool(data.get("geometry_nullable", True)),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise DocumentError(f"bad schema: {error!r}", code="changeset.bad_schema") from error


# ---------------------------------------------------------------------------- keys
def key_id(key) -> str:
    """One text per feature key, its type included: the JSON of its stored form (``1`` for
    the integer 1, ``"1"`` for the string "1", ``1.0`` for a float). For matching keys that
    went through JSON (a recorded conflict, a change read back) without ``==`` mixing
    1, 1.0 and True, or ``str()`` mixing 1 and "1"."""
    return json.dumps(encode_value(key), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


# ---------------------------------------------------------------------------- changes
# A Change as both stores keep it: one ``proposal_changes`` row per change, whose columns
# have these names (the geometries: ``old_geom`` / ``new_geom``). The key and the attribute
# values are JSON-safe (:func:`encode_value`); the geometries stay WKB bytes for the store's
# geometry columns (a GeoPackage blob, PostGIS geometry).
CHANGE_FIELDS = ("op", "feature_key", "old_attributes", "new_attributes", "changed_fields",
                 "geometry_changed", "base_fingerprint", "old_geometry", "new_geometry")
OPS = ("insert", "update", "delete")


def change_to_row(change: Change) -> dict:
    """The stored form of one change (keys: :data:`CHANGE_FIELDS`)."""
    return {
        "op": change.op,
        "feature_key": encode_value(change.key),
        "old_attributes": _encode_attributes(change.old),
        "new_attributes": _encode_attributes(change.new),
        "changed_fields": list(change.changed_fields),
        "geometry_changed": bool(change.geometry_changed),
        "base_fingerprint": change.base_fingerprint,
        "old_geometry": change.old_geometry,
        "new_geometry": change.new_geometry,
    }


def change_from_row(row) -> Change:
    """The Change :func:`change_to_row` was given, from a mapping with its keys (the JSON
    columns parsed; a geometry as bytes, memoryview or None). DocumentError (codes
    ``changeset.bad_op``, ``changeset.bad_change``, ``changeset.bad_value``,
    ``changeset.bad_geometry``) if it is not one."""
    try:
        op = row["op"]
        if op not in OPS:
            raise DocumentError(f"unknown change op {op!r}", code="changeset.bad_op", op=str(op))
        return Change(
            op=op,
            key=decode_value(row.get("feature_key")),
            old=_decode_attributes(row.get("old_attributes")),
            new=_decode_attributes(row.get("new_attributes")),
            old_geometry=_wkb(row.get("old_geometry")),
            new_geometry=_wkb(row.get("new_geometry")),
            changed_fields=list(row.get("changed_fields") or []),
            geometry_changed=bool(row.get("geometry_changed")),
            base_fingerprint=row.get("base_fingerprint"),
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise DocumentError(f"bad change: {error!r}", code="changeset.bad_change") from error


# ---------------------------------------------------------------------------- change sets
def changeset_meta(changeset: ChangeSet) -> dict:
    """What a store keeps of a change set besides its changes (``proposals.changeset_meta``):
    the format, its version, the schema and the fingerprint scheme."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": schema_to_dict(changeset.schema),
        "fingerprint_scheme": changeset.fingerprint_scheme,
    }


def changeset_from_meta(meta: dict, changes: list) -> ChangeSet:
    """The ChangeSet of :func:`changeset_meta`'s dict and its (decoded) changes.
    DocumentError if the dict is not one."""
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise DocumentError("not a GeoGov change set", code="changeset.bad_format")
    version = meta.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise DocumentError(f"change set format version {version!r} is newer than this plugin",
                            code="changeset.version", version=str(version))
    return ChangeSet(schema=schema_from_dict(meta.get("schema") or {}), changes=list(changes),
                     fingerprint_scheme=meta.get("fingerprint_scheme") or "")


# ---------------------------------------------------------------------------- problems
def problem_to_dict(problem: Problem) -> dict:
    return {"code": problem.code, "key": encode_value(problem.key), "op": problem.op,
            "field": problem.field,
            "params": {k: encode_value(v) for k, v in problem.params.items()}}


def problem_from_dict(data: dict) -> Problem:
    try:
        return Problem(code=data["code"], key=decode_value(data.get("key")), op=data.get("op"),
                       field=data.get("field"),
                       params={k: decode_value(v) for k, v in (data.get("params") or {}).items()})
    except (KeyError, TypeError, AttributeError) as error:
        raise DocumentError(f"bad problem: {error!r}", code="changeset.bad_problem") from error


def problems_to_list(problems) -> list:
    return [problem_to_dict(p) for p in problems]


def problems_from_list(data) -> list:
    return [problem_from_dict(d) for d in data or []]
