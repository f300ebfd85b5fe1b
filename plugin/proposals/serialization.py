"""JSON-safe dictionaries for change sets and validation problems, and back.

The proposal stores (GeoPackage, PostgreSQL ``jsonb``) keep a ChangeSet as JSON, and a
later apply compares fingerprints computed from what was stored: values must come back
*exactly* as they went in. Plain JSON loses types (a date would come back as a string,
bytes and NaN do not fit at all), so non-JSON values are written as a one-key object
whose key names the type::

    {"$date": "2024-01-05"}                {"$datetime": "2024-01-05T10:00:00+00:00"}
    {"$time": "10:00:00"}                  {"$bytes": "0101000000…"}   (lower-case hex)
    {"$float": "nan" | "inf" | "-inf"}     {"$decimal": "1.10"}
    {"$map": {"k": <value>, …}}            (a dict value, e.g. a JSON field)

None, bool, int, str and finite floats stay native JSON; lists stay lists (tuples
become lists). Geometries are ISO WKB written as lower-case hex strings, or null.
An aware datetime keeps its UTC offset (a zoneinfo zone comes back as a fixed offset,
which compares equal); a naive one stays naive.
"""

from __future__ import annotations

import datetime as dt
import decimal
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


def _decode_attributes(data):
    if data is None:
        return None
    return {name: decode_value(value) for name, value in data.items()}


def _hex(wkb):
    return None if wkb is None else bytes(wkb).hex()


def _unhex(text):
    if text is None:
        return None
    try:
        return bytes.fromhex(text)
    except (TypeError, ValueError) as error:
        raise DocumentError(f"bad geometry hex: {error}", code="changeset.bad_geometry") from error


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


# ---------------------------------------------------------------------------- changes
def change_to_dict(change: Change) -> dict:
    return {
        "op": change.op,
        "key": encode_value(change.key),
        "old": _encode_attributes(change.old),
        "new": _encode_attributes(change.new),
        "old_geometry": _hex(change.old_geometry),
        "new_geometry": _hex(change.new_geometry),
        "changed_fields": list(change.changed_fields),
        "geometry_changed": change.geometry_changed,
        "base_fingerprint": change.base_fingerprint,
    }


def change_from_dict(data: dict) -> Change:
    try:
        op = data["op"]
        if op not in ("insert", "update", "delete"):
            raise DocumentError(f"unknown change op {op!r}", code="changeset.bad_op", op=str(op))
        return Change(
            op=op,
            key=decode_value(data.get("key")),
            old=_decode_attributes(data.get("old")),
            new=_decode_attributes(data.get("new")),
            old_geometry=_unhex(data.get("old_geometry")),
            new_geometry=_unhex(data.get("new_geometry")),
            changed_fields=list(data.get("changed_fields") or []),
            geometry_changed=bool(data.get("geometry_changed", False)),
            base_fingerprint=data.get("base_fingerprint"),
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise DocumentError(f"bad change: {error!r}", code="changeset.bad_change") from error


def changeset_to_dict(changeset: ChangeSet) -> dict:
    """A JSON-safe dict (``json.dumps`` works on it as is) that round-trips exactly."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": schema_to_dict(changeset.schema),
        "fingerprint_scheme": changeset.fingerprint_scheme,
        "changes": [change_to_dict(c) for c in changeset.changes],
    }


def changeset_from_dict(data: dict) -> ChangeSet:
    """The ChangeSet :func:`changeset_to_dict` was given. DocumentError if it is not one."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DocumentError("not a GeoGov change set", code="changeset.bad_format")
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise DocumentError(f"change set format version {version!r} is newer than this plugin",
                            code="changeset.version", version=str(version))
    changes = data.get("changes")
    if not isinstance(changes, list):
        raise DocumentError("change set without a list of changes", code="changeset.bad_format")
    return ChangeSet(schema=schema_from_dict(data.get("schema") or {}),
                     changes=[change_from_dict(c) for c in changes],
                     fingerprint_scheme=data.get("fingerprint_scheme") or "")


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
