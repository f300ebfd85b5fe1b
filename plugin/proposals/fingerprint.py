"""Fingerprints: one hash per feature state, the same whichever path read the feature.

A proposal records the fingerprint of every base feature it touches; at apply time the
feature is read again — maybe from the WFS (GML3 strings typed by DescribeFeatureType,
coordinates printed with the layer's WFS precision), maybe from PostGIS or the
GeoPackage by SQL — and a different fingerprint means someone else changed it meanwhile.
So values are normalised by the *schema's* field type before hashing, never by the
Python type they arrived as. The policy (scheme ``geogov-fp/1``):

- fields are taken in the schema's order, as ``[name, value]`` pairs; the key field is
  left out (a WFS gml:id "layer.12" and a GeoPackage fid 12 name the same feature); a
  schema field missing from the attributes counts as null (a WFS may omit null elements);
  attributes the schema does not name are ignored;
- null, and the empty string (or empty blob) in any field, are the same "unset" value:
  GML cannot tell an empty text element from a null one;
- string: Unicode NFC (a WFS may return decomposed accents), otherwise exact;
- integer: int ("12", "12.0", 12.0 → 12); real: float rounded to 12 significant digits
  (a value printed with fewer digits, "3.10" vs 3.1, float32 noise), -0.0 = 0.0;
- boolean: "true"/"false"/"1"/"0"/"t"/"f" (PostgreSQL), 1/0 → True/False;
- date: "YYYY-MM-DD" (a datetime or a "2024-01-05Z"/"2024-01-05T00:00:00" string gives
  its date part); datetime: UTC "YYYY-MM-DDTHH:MM:SSZ", fraction of second dropped,
  naive datetimes taken as UTC (how QGIS writes them to GeoPackage);
- binary: lower-case hex (a base64 string, as GML carries it, is decoded first);
- geometry: parsed (GeoPackage header, EWKB, NaN Z/M and empty geometries removed, see
  wkb.py), then every ordinate rounded to ``decimals`` (default from the CRS: 3 in a
  projected CRS = 1 mm, 8 in a geographic one) into a canonical text.

Rounding can still split two nearly equal values across a boundary (a coordinate
0.0004999 stored, 0.0005 printed by a server): :func:`same_feature` is the tolerant
comparison to fall back on when fingerprints differ, since every Change keeps the full
base state. A WFS layer printing fewer decimals than ``decimals`` (QGIS Server's default
WFSLayersPrecision is 6, which loses digits in a geographic CRS) needs ``decimals`` set
to its precision.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import decimal
import hashlib
import json
import math
import re
import unicodedata

from ..errors import GeoGovError
from . import wkb
from .model import BINARY, BOOLEAN, DATE, DATETIME, INTEGER, REAL, STRING, Schema

FINGERPRINT_SCHEME = "geogov-fp/1"
REAL_SIGNIFICANT_DIGITS = 12

_TRUE = {"true", "1", "t", "yes", "y"}
_FALSE = {"false", "0", "f", "no", "n"}
# xs:date may carry a time zone ("2024-01-05Z", "2024-01-05+01:00"): the date is the date.
_DATE_WITH_ZONE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})$")
# OGR's Python GetField() gives dates as "2024/01/05" and datetimes as "2024/01/05 09:30:00+00".
_OGR_DATE = re.compile(r"^(\d{4})/(\d{2})/(\d{2})")


def _iso_text(value: str) -> str:
    text = value.strip()
    return _OGR_DATE.sub(r"\1-\2-\3", text, count=1)


class WrongValueType(GeoGovError):
    """A value that cannot be converted to its field's type (validation reports it)."""

    code = "value.wrong_type"


def _wrong(value, field_type):
    return WrongValueType(f"{value!r} is not a valid {field_type}", value=repr(value),
                          type=field_type)


# ---------------------------------------------------------------------------- typed values
def coerce_value(value, field_type: str):
    """``value`` as the Python type of ``field_type``: int, float, bool, str, date,
    datetime (aware, UTC; naive taken as UTC) or bytes; None stays None. WrongValueType
    when it cannot be converted. Unknown field types (lists, JSON…) pass through unchanged."""
    if value is None:
        return None
    converter = _COERCERS.get(field_type)
    if converter is None:
        return value
    return converter(value, field_type)


def _to_string(value, field_type):
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, decimal.Decimal)):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    raise _wrong(value, field_type)


def _to_integer(value, field_type):
    if isinstance(value, int):       # bool too: True is 1
        return int(value)
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise _wrong(value, field_type)
    if isinstance(value, decimal.Decimal):
        if value == value.to_integral_value():
            return int(value)
        raise _wrong(value, field_type)
    if isinstance(value, str):
        text = value.strip()
        if text == "":
            return None
        try:
            return int(text)
        except ValueError:
            pass
        try:
            number = float(text)
        except ValueError:
            raise _wrong(value, field_type) from None
        if number.is_integer():
            return int(number)
    raise _wrong(value, field_type)


def _to_real(value, field_type):
    if isinstance(value, bool):
        raise _wrong(value, field_type)
    if isinstance(value, (int, float, decimal.Decimal)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if text == "":
            return None
        try:
            return float(text)
        except ValueError:
            raise _wrong(value, field_type) from None
    raise _wrong(value, field_type)


def _to_boolean(value, field_type):
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text == "":
            return None
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise _wrong(value, field_type)


def _to_date(value, field_type):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = _iso_text(value)
        if text == "":
            return None
        zoned = _DATE_WITH_ZONE.match(text)
        if zoned:
            text = zoned.group(1)
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            raise _wrong(value, field_type) from None
    raise _wrong(value, field_type)


def _to_datetime(value, field_type):
    # Always an aware UTC datetime, naive ones taken as UTC: the same instant read through
    # SQLite ("…Z" text) and through QGIS (a naive QDateTime) then gives equal values.
    if isinstance(value, dt.datetime):
        typed = value
    elif isinstance(value, dt.date):
        typed = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        text = _iso_text(value)
        if text == "":
            return None
        try:
            typed = dt.datetime.fromisoformat(text)
        except ValueError:
            raise _wrong(value, field_type) from None
    else:
        raise _wrong(value, field_type)
    if typed.tzinfo is None:
        return typed.replace(tzinfo=dt.timezone.utc)
    return typed.astimezone(dt.timezone.utc)


def _to_binary(value, field_type):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, str):
        try:
            return base64.b64decode(value.strip(), validate=True)
        except (binascii.Error, ValueError):
            raise _wrong(value, field_type) from None
    raise _wrong(value, field_type)


_COERCERS = {STRING: _to_string, INTEGER: _to_integer, REAL: _to_real, BOOLEAN: _to_boolean,
             DATE: _to_date, DATETIME: _to_datetime, BINARY: _to_binary}


# ---------------------------------------------------------------------------- normal form
def normalise_value(value, field_type: str):
    """The canonical, JSON-safe form of ``value`` in a field of ``field_type`` (see the
    module docstring). WrongValueType when it cannot be converted."""
    if value is None or (isinstance(value, str) and value.strip() == "" and field_type != STRING):
        return None
    if field_type == STRING:
        text = _to_string(value, field_type)
        return unicodedata.normalize("NFC", text) if text else None
    typed = coerce_value(value, field_type)
    if typed is None:
        return None
    if field_type == INTEGER or field_type == BOOLEAN:
        return typed
    if field_type == REAL:
        if not math.isfinite(typed):
            return repr(typed)             # "nan", "inf", "-inf": JSON has no such numbers
        return float(f"{typed:.{REAL_SIGNIFICANT_DIGITS}g}") + 0.0
    if field_type == DATE:
        return typed.isoformat()
    if field_type == DATETIME:
        return typed.replace(microsecond=0, tzinfo=None).isoformat() + "Z"
    if field_type == BINARY:
        return typed.hex() or None
    # Unknown type (string list, JSON…): a stable text of it.
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return unicodedata.normalize("NFC", str(value)) or None


def normalise_or_raw(value, field_type: str):
    """normalise_value, or a tagged raw text for a value that does not convert (so a
    fingerprint can still be computed for a feature holding a wrong value)."""
    try:
        return normalise_value(value, field_type)
    except WrongValueType:
        return {"raw": repr(value)}


# ---------------------------------------------------------------------------- fingerprint
def fingerprint(attributes: dict, geometry_wkb, schema: Schema, *, decimals: int | None = None) -> str:
    """sha256 hex of the normalised attributes and geometry of one feature state."""
    if decimals is None:
        decimals = wkb.crs_decimals(schema.crs)
    values = [[f.name, normalise_or_raw(attributes.get(f.name), f.type)]
              for f in schema.fields if f.name != schema.key]
    try:
        geometry = wkb.parse(geometry_wkb, wkb.layer_dimensions(schema.geometry_type))
        shape = None if geometry is None else wkb.canonical_text(geometry, decimals)
    except wkb.GeometryError:
        # An unreadable blob still identifies a state (validation reports it separately).
        shape = "raw:" + (geometry_wkb if isinstance(geometry_wkb, str) else bytes(geometry_wkb).hex())
    text = json.dumps([FINGERPRINT_SCHEME, values, shape], ensure_ascii=False,
                      separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------- comparing
def same_value(a, b, field_type: str) -> bool:
    """Whether two values are the same for a field of ``field_type``: equal normal
    forms, or (reals) equal to 1e-12 relative — two values on either side of a rounding
    boundary are the same value."""
    if a is b or (a == b and type(a) is type(b)):
        return True
    na = normalise_or_raw(a, field_type)
    nb = normalise_or_raw(b, field_type)
    if na == nb:
        return True
    if field_type == REAL and isinstance(na, float) and isinstance(nb, float):
        return math.isclose(na, nb, rel_tol=10.0 ** (1 - REAL_SIGNIFICANT_DIGITS), abs_tol=0.0)
    return False


def changed_fields(old: dict, new: dict, schema: Schema) -> list:
    """Names of the fields whose values differ (schema fields, then names only ``new``
    or ``old`` has, compared as text)."""
    names = schema.field_names()
    known = set(names)
    extra = [n for n in list(old) + list(new) if n not in known]
    out = []
    for name in names + list(dict.fromkeys(extra)):
        f = schema.field(name)
        if not same_value(old.get(name), new.get(name), f.type if f else STRING):
            out.append(name)
    return out


def same_feature(attributes_a: dict, geometry_a, attributes_b: dict, geometry_b, schema: Schema, *,
                 decimals: int | None = None) -> bool:
    """Whether two states of a feature are the same, tolerantly: the fallback to use
    when fingerprints differ (see the module docstring). The key field is not compared."""
    if decimals is None:
        decimals = wkb.crs_decimals(schema.crs)
    for f in schema.fields:
        if f.name != schema.key and not same_value(attributes_a.get(f.name), attributes_b.get(f.name),
                                                   f.type):
            return False
    return wkb.same_geometry(geometry_a, geometry_b, decimals=decimals,
                             dimensions=wkb.layer_dimensions(schema.geometry_type))
