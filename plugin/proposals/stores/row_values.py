"""What both stores share about their rows: proposal ids, times, SRS ids, counts.

A change set is stored as one ``proposal_changes`` row per change (so QGIS can show the
old and new geometries as layers) plus ``proposals.changeset_meta``: both go through the
one codec of serialization.py (:func:`~.serialization.change_to_row`,
:func:`~.serialization.changeset_meta`), so values and keys come back exactly (dates stay
dates, bytes stay bytes), which the apply's fingerprint comparison relies on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import re
import uuid
from typing import Optional

from ...errors import StoreError

UNDEFINED_CARTESIAN = -1
# Names what :func:`changes_digest` digests: change it when the rows of a change gain what
# older rows lack (a new column to fill), so that the rows of older digests are written again.
DIGEST_FORMAT = b"geogov.change-rows/1\n"


def new_proposal_id(author: str = "") -> str:
    """A new proposal id. With ``author`` (a PostgreSQL login), its first 6 bytes are those
    of sha256(author): the database accepts from each login only ids carrying its own mark
    (sql/postgres/0008_governance.sql), so no login can probe another's ids."""
    if not author:
        return str(uuid.uuid4())
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


def changes_digest(changeset) -> Optional[str]:
    """A digest of the change rows ``changeset`` is stored as: every change, in order, and
    the SRID of its geometries. A store that wrote the rows of a digest keeps them when asked
    to write a change set of the same digest (a draft whose title or comment only changed).

    Equal digests mean equal values of the same types (pickle serialises them exactly), so
    the same rows. Equal change sets may still differ in digest (a dict's key order, objects
    shared differently, another Python): that costs a rewrite, never a wrong row. None when
    there is nothing to digest or a value cannot be (it is written, and refused there if it
    must be)."""
    if changeset is None:
        return None
    values = [(c.op, c.key, c.old, c.new, c.old_geometry, c.new_geometry, c.changed_fields,
               c.geometry_changed, c.base_fingerprint) for c in changeset.changes]
    try:
        data = pickle.dumps((srs_id_of(changeset.schema.crs), values), protocol=4)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return None
    return hashlib.sha256(DIGEST_FORMAT + data).hexdigest()


def counts_of(changeset) -> dict:
    if changeset is None:
        return {"insert": 0, "update": 0, "delete": 0}
    return changeset.counts()
