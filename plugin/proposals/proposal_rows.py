"""Proposals and change sets as table rows, shared by both stores.

A change set is stored as one ``proposal_changes`` row per change (so QGIS can show the
old and new geometries as layers) plus ``proposals.changeset_meta``: the change set's
JSON (:func:`.serialization.changeset_to_dict`) without its changes. Attribute values and
keys go through the change-set JSON codec so they come back exactly (dates stay dates,
bytes stay bytes), which the apply's fingerprint comparison relies on.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid

from ..errors import StoreError
from .model import Change, ChangeSet
from .serialization import changeset_from_dict, changeset_to_dict, decode_value, encode_value

UNDEFINED_CARTESIAN = -1


def new_proposal_id(author: str = "") -> str:
    """A new proposal id. With ``author`` (a PostgreSQL login), its first 6 bytes are those
    of sha256(author): the database accepts from each login only ids carrying its own mark
    (sql/postgres/0008_governance.sql), so no login can probe another's ids."""
    if not author:
        return str(uuid.uuid4())
    import hashlib
    import os

    raw = bytearray(hashlib.sha256(author.encode("utf-8")).digest()[:6] + os.urandom(10))
    raw[6] = (raw[6] & 0x0F) | 0x80       # version 8: custom
    raw[8] = (raw[8] & 0x3F) | 0x80       # RFC 4122 variant
    return str(uuid.UUID(bytes=bytes(raw)))


def check_proposal_id(proposal_id) -> str:
    """The canonical id text of a proposal id (or of a Proposal); not_found when malformed."""
    proposal_id = getattr(proposal_id, "id", proposal_id)
    try:
        return str(uuid.UUID(str(proposal_id)))
    except ValueError:
        raise StoreError(f"not a proposal id: {proposal_id!r}", code="store.not_found",
                         proposal=str(proposal_id))


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def srs_id_of(crs: str) -> int:
    """The EPSG code of "EPSG:2154" (also "urn:ogc:def:crs:EPSG::2154"); -1 when not EPSG."""
    match = re.search(r"EPSG:+(\d+)$", (crs or "").strip(), re.IGNORECASE)
    return int(match.group(1)) if match else UNDEFINED_CARTESIAN


def changeset_meta(changeset: ChangeSet) -> dict:
    meta = changeset_to_dict(ChangeSet(schema=changeset.schema, changes=[],
                                       fingerprint_scheme=changeset.fingerprint_scheme))
    meta.pop("changes")
    return meta


def changeset_from_meta(meta: dict, changes: list) -> ChangeSet:
    data = dict(meta)
    data["changes"] = []
    changeset = changeset_from_dict(data)
    changeset.changes = changes
    return changeset


def change_to_row(seq: int, change: Change) -> dict:
    """JSON-ready values of one change; geometries stay WKB bytes for the store to encode."""
    return {
        "seq": seq,
        "op": change.op,
        "feature_key": encode_value(change.key),
        "old_attributes": None if change.old is None else {k: encode_value(v) for k, v in change.old.items()},
        "new_attributes": None if change.new is None else {k: encode_value(v) for k, v in change.new.items()},
        "changed_fields": list(change.changed_fields),
        "geometry_changed": bool(change.geometry_changed),
        "base_fingerprint": change.base_fingerprint,
        "old_geometry": change.old_geometry,
        "new_geometry": change.new_geometry,
    }


def change_from_row(op, feature_key, old_attributes, new_attributes, changed_fields,
                    geometry_changed, base_fingerprint, old_geometry, new_geometry) -> Change:
    return Change(
        op=op,
        key=decode_value(feature_key),
        old=None if old_attributes is None else {k: decode_value(v) for k, v in old_attributes.items()},
        new=None if new_attributes is None else {k: decode_value(v) for k, v in new_attributes.items()},
        old_geometry=None if old_geometry is None else bytes(old_geometry),
        new_geometry=None if new_geometry is None else bytes(new_geometry),
        changed_fields=list(changed_fields or []),
        geometry_changed=bool(geometry_changed),
        base_fingerprint=base_fingerprint,
    )


def counts_of(changeset) -> dict:
    if changeset is None:
        return {"insert": 0, "update": 0, "delete": 0}
    return changeset.counts()
