"""Validation before submit: everything the target would refuse, or silently accept wrongly.

QGIS Server's WFS-T accepts a polygon into a point layer and ignores property names it
does not know, so these rules are checked here, before a proposal leaves the proposer.
Each broken rule is one :class:`~.model.Problem` naming the rule (``code``), the feature
(``key``, ``op``), the field if any, and plain ``params`` for the UI's French sentence:

======================================  ==========================================
code                                     params
======================================  ==========================================
proposal.not_allowed                     partner
proposal.crs_mismatch                    crs, expected
proposal.unknown_field                   (field)
proposal.wrong_type                      value, type (field)
proposal.required_missing                (field)
proposal.too_long                        length, max (field)
proposal.geometry_missing                expected
proposal.geometry_unreadable             reason
proposal.wrong_geometry_type             type, expected
proposal.geometry_invalid                reason (GEOS's, may be "")
proposal.outside_territory               which ("new" or "old")
proposal.key_missing_value               (field): a new feature without its key
proposal.key_duplicate                   value (field): a key two features would share
======================================  ==========================================

The territory rule (``proposal.outside_territory``) is judged by plugin/territories/places.py
(the same rule the PostgreSQL store applies at submit); :func:`territory_problems` turns
its findings into problems.

Which values are checked: every field of an insert; only the changed fields of an update
(a value the base already had is not the proposer's doing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from osgeo import gdal, ogr

from ..errors import Cancelled, ValidationFailed
from . import wkb
from .fingerprint import WrongValueType, normalise_value
from .model import DELETE, INSERT, STRING, UPDATE, ChangeSet, Problem, Schema

NOT_ALLOWED = "proposal.not_allowed"
CRS_MISMATCH = "proposal.crs_mismatch"
UNKNOWN_FIELD = "proposal.unknown_field"
WRONG_TYPE = "proposal.wrong_type"
REQUIRED_MISSING = "proposal.required_missing"
TOO_LONG = "proposal.too_long"
GEOMETRY_MISSING = "proposal.geometry_missing"
GEOMETRY_UNREADABLE = "proposal.geometry_unreadable"
WRONG_GEOMETRY_TYPE = "proposal.wrong_geometry_type"
GEOMETRY_INVALID = "proposal.geometry_invalid"
OUTSIDE_TERRITORY = "proposal.outside_territory"
KEY_MISSING = "proposal.key_missing_value"
KEY_DUPLICATE = "proposal.key_duplicate"
RULES = (NOT_ALLOWED, CRS_MISMATCH, UNKNOWN_FIELD, WRONG_TYPE, REQUIRED_MISSING,
         TOO_LONG, GEOMETRY_MISSING, GEOMETRY_UNREADABLE, WRONG_GEOMETRY_TYPE, GEOMETRY_INVALID,
         OUTSIDE_TERRITORY, KEY_MISSING, KEY_DUPLICATE)

# Layer types that accept any geometry.
_ANY_GEOMETRY = {"", "geometry", "unknown", "geometrycollection"}
CHECK_EVERY = 256


@dataclass
class ProposerContext:
    """Who proposes, in plain data: whether the convention lets the partner propose on
    the dataset (where: territories/places.py)."""

    partner_id: str = ""
    allowed: bool = True


def proposer_from_convention(convention, partner_id: str, dataset_id: str) -> ProposerContext:
    """ProposerContext from a governance Convention (duck-typed: ``may_propose``)."""
    return ProposerContext(partner_id=partner_id,
                           allowed=bool(convention.may_propose(partner_id, dataset_id)))


def territory_problems(changeset: ChangeSet, placement, known=()) -> list:
    """One proposal.outside_territory problem per geometry territories/places.py found
    outside the proposer's territory — except a new geometry already reported as invalid or
    unreadable in ``known``: one feature, one problem, the one to fix first."""
    broken = {problem.key for problem in known
              if problem.code in (GEOMETRY_INVALID, GEOMETRY_UNREADABLE)}
    changes = changeset.changes
    return [Problem(OUTSIDE_TERRITORY, key=changes[index].key, op=changes[index].op, params={"which": which})
            for index, which in placement.outside
            if not (which == "new" and changes[index].key in broken)]


def ensure_valid(changeset: ChangeSet, target: Schema, proposer: Optional[ProposerContext] = None,
                 **options) -> None:
    """ValidationFailed(problems=…) unless :func:`validate` finds nothing."""
    problems = validate(changeset, target, proposer, **options)
    if problems:
        raise ValidationFailed(f"{len(problems)} problem(s) prevent submitting this proposal",
                               problems=problems, count=len(problems))


def validate(changeset: ChangeSet, target: Schema, proposer: Optional[ProposerContext] = None, *,
             progress: Optional[Callable[[float], None]] = None,
             is_cancelled: Optional[Callable[[], bool]] = None) -> list:
    """Every problem of ``changeset`` against the ``target`` schema and the proposer."""
    problems = []
    if proposer is not None and not proposer.allowed:
        problems.append(Problem(NOT_ALLOWED, params={"partner": proposer.partner_id}))
    if changeset.schema.crs and target.crs and not same_crs(changeset.schema.crs, target.crs):
        problems.append(Problem(CRS_MISMATCH, params={"crs": changeset.schema.crs, "expected": target.crs}))
    total = len(changeset.changes)
    for number, change in enumerate(changeset.changes, 1):
        if number % CHECK_EVERY == 0:
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("validation cancelled")
            if progress is not None:
                progress(number / total)
        if change.op in (INSERT, UPDATE):
            problems += _attribute_problems(change, target)
            if change.op == INSERT or change.geometry_changed:
                problems += _geometry_problems(change, target)
    problems += _key_problems(changeset, target)
    if progress is not None:
        progress(1.0)
    return problems


def _key_problems(changeset: ChangeSet, target: Schema) -> list:
    """A new feature must carry the dataset's key (unless the target fills it), and no two
    features of the result may share one: else the target refuses what was approved."""
    key = changeset.schema.key or target.key
    definition = target.field(key) if key else None
    if definition is None or definition.auto:
        return []
    out, seen = [], {}
    for change in changeset.changes:
        if change.op == DELETE:
            continue
        value = (change.new or {}).get(key)
        if change.op == INSERT and _unset(value):
            if definition.nullable:       # else REQUIRED_MISSING already says so
                out.append(Problem(KEY_MISSING, key=change.key, op=change.op, field=key))
            continue
        if change.op == UPDATE and key not in change.changed_fields:
            value = change.key if not isinstance(change.key, tuple) else value
        if _unset(value):
            continue
        marker = str(value)
        if marker in seen:
            out.append(Problem(KEY_DUPLICATE, key=change.key, op=change.op, field=key,
                               params={"value": _shown(value)}))
        else:
            seen[marker] = change.key
    return out


# ---------------------------------------------------------------------------- attributes
def _attribute_problems(change, target: Schema) -> list:
    new = change.new or {}
    if change.op == INSERT:
        names = list(new)
    else:
        names = [n for n in change.changed_fields if n in new]
    out = []
    for name in names:
        value = new.get(name)
        definition = target.field(name)
        if definition is None:
            # An unknown name with no value loses nothing (an extra column of a local copy).
            if not _unset(value):
                out.append(Problem(UNKNOWN_FIELD, key=change.key, op=change.op, field=name))
            continue
        if _unset(value):
            continue
        try:
            normalise_value(value, definition.type)
        except WrongValueType:
            out.append(Problem(WRONG_TYPE, key=change.key, op=change.op, field=name,
                               params={"value": _shown(value), "type": definition.type}))
            continue
        if definition.type == STRING and definition.length > 0 and isinstance(value, str) and \
                len(value) > definition.length:
            out.append(Problem(TOO_LONG, key=change.key, op=change.op, field=name,
                               params={"length": len(value), "max": definition.length}))
    required = target.fields if change.op == INSERT else [target.field(n) for n in names]
    for definition in required:
        if definition is None or definition.nullable or (change.op == INSERT and definition.auto):
            continue
        if _unset(new.get(definition.name)):
            out.append(Problem(REQUIRED_MISSING, key=change.key, op=change.op, field=definition.name))
    return out


def _unset(value) -> bool:
    # Null and "" are one "unset" value (GML cannot tell them apart; fingerprint.py).
    return value is None or (isinstance(value, str) and value.strip() == "")


def _shown(value) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:77] + "…"


# ---------------------------------------------------------------------------- geometry
def _geometry_problems(change, target: Schema) -> list:
    blob = change.new_geometry
    if blob is None:
        if target.geometry_type and not target.geometry_nullable:
            return [Problem(GEOMETRY_MISSING, key=change.key, op=change.op,
                            params={"expected": target.geometry_type})]
        return []
    try:
        parsed = wkb.parse_raw(blob)
    except wkb.GeometryError as error:
        return [Problem(GEOMETRY_UNREADABLE, key=change.key, op=change.op, params={"reason": error.message})]
    if parsed is None:
        return []
    out = []
    expected = wkb.base_type_name(target.geometry_type) if target.geometry_type else ""
    actual = wkb.TYPE_NAMES[parsed[0]]
    if expected.lower() not in _ANY_GEOMETRY and actual != expected:
        out.append(Problem(WRONG_GEOMETRY_TYPE, key=change.key, op=change.op,
                           params={"type": wkb.type_name(parsed), "expected": target.geometry_type}))
    valid, reason = geometry_validity(wkb.to_wkb(parsed))
    if not valid:
        out.append(Problem(GEOMETRY_INVALID, key=change.key, op=change.op,
                           params={"reason": reason, **geometry_reason(reason)}))
    return out


# GEOS's reasons (IsValidOp, and the exceptions of geometries it cannot even build), most
# specific first, as a word the interface translates: "which" picks its sentence.
_GEOS_REASONS = (
    ("ring self-intersection", "ring_self_intersection"),
    ("self-intersection", "self_intersection"),
    ("too few", "too_few_points"),
    ("point array must contain", "too_few_points"),
    ("invalid number of points", "too_few_points"),
    ("do not form a closed", "ring_not_closed"),
    ("ring is not closed", "ring_not_closed"),
    ("hole lies outside shell", "hole_outside"),
    ("holes are nested", "holes_nested"),
    ("interior is disconnected", "interior_disconnected"),
    ("nested shells", "shells_nested"),
    ("duplicate rings", "duplicate_rings"),
    ("invalid coordinate", "invalid_coordinate"),
    ("repeated point", "repeated_point"),
)
_NEAR = re.compile(r"(?:at or near point|\[)\s*(-?[0-9][0-9.eE+-]*)[ ,]+(-?[0-9][0-9.eE+-]*)")


def geometry_reason(message: str) -> dict:
    """``which`` (a reason GEOS names, in words the UI translates) and, when GEOS says
    where, ``near`` ("x y", rounded to the centimetre); {} for a reason it does not name."""
    text = (message or "").lower()
    out = {}
    for fragment, which in _GEOS_REASONS:
        if fragment in text:
            out["which"] = which
            break
    near = _NEAR.search(message or "")
    if near and "which" in out:
        try:
            out["near"] = " ".join(f"{float(value):.2f}".rstrip("0").rstrip(".")
                                   for value in near.groups())
            out["which"] += "_near"
        except ValueError:
            pass
    return out


def geometry_validity(iso_wkb: bytes) -> tuple:
    """(valid, reason): OGR's IsValid (GEOS) and the reason GEOS gives, or ""."""
    messages = []

    def collect(_class, _number, message):
        messages.append(message)

    gdal.PushErrorHandler(collect)
    try:
        geometry = ogr.CreateGeometryFromWkb(iso_wkb)
        if geometry is None:
            return False, "unreadable"
        # GEOS reports why through a warning ("Self-intersection at or near point 5 5").
        valid = bool(geometry.IsValid())
    except RuntimeError as error:          # when osgeo exceptions are on (QGIS sets them)
        return False, str(error)
    finally:
        gdal.PopErrorHandler()
    return valid, ("" if valid else (messages[-1] if messages else ""))


def same_crs(a: str, b: str) -> bool:
    """Whether two CRS texts name the same CRS ("EPSG:2154" = its URN, URL or WKT)."""
    if a.strip().upper() == b.strip().upper():
        return True
    first, second = _srs(a), _srs(b)
    if first is None or second is None:
        return False
    return bool(first.IsSame(second))


def _srs(text: str):
    from .srs import spatial_reference

    return spatial_reference(text)
