"""Reading the GeoPackage store's rows into model objects (used by store.py and reads.py)."""

from __future__ import annotations

import datetime as dt
import json
from collections import namedtuple
from typing import Optional

from ....errors import StoreError
from ...model import ApplyAttempt, ChangeSet, Comment, Proposal, Review, Target
from ...serialization import CHANGE_FIELDS, change_from_row, changeset_from_meta, problems_from_list
from ..audit import canonical_json
from ..base import AuditEntry
from .file_format import from_gpkg_blob

TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"

PROPOSAL_COLUMNS = ("id, dataset, target_kind, target_uri, target_layer, target_version, "
                    "target_authcfg, author, partner, title, comment, status, changeset_meta, "
                    "validation, departements, communes, unplaced, outside, stewards, steward_groups, round, "
                    "version, created_at, updated_at, submitted_at, updated_by, rebased_by, changes_digest")


def format_time(at: dt.datetime) -> str:
    return at.astimezone(dt.timezone.utc).strftime(TIME_FORMAT)


def parse_time(text: Optional[str]) -> Optional[dt.datetime]:
    if text is None:
        return None
    return dt.datetime.strptime(text, TIME_FORMAT).replace(tzinfo=dt.timezone.utc)


def loads(text, default=None):
    if text is None:
        return default
    try:
        return json.loads(text)
    except ValueError as error:
        raise StoreError(f"bad JSON in the store: {error}", code="store.bad_value")


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def proposal_row(conn, proposal_id: str) -> Optional[dict]:
    cur = conn.execute(f"SELECT {PROPOSAL_COLUMNS} FROM proposals WHERE id = ?", (proposal_id,))
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row))


def proposal_from_row(conn, row: dict, with_changes: bool, changeset: Optional[ChangeSet] = None
                      ) -> Proposal:
    """The proposal of a ``proposals`` row; its changes read and decoded ``with_changes``.
    ``changeset``: the one the caller just wrote, used instead of reading the rows back."""
    pid = row["id"]
    meta = loads(row["changeset_meta"], {})
    if changeset is not None:
        with_changes = True
    elif meta:
        changes = []
        if with_changes:
            for c in conn.execute(
                    "SELECT op, feature_key, old_attributes, new_attributes, changed_fields, "
                    "geometry_changed, base_fingerprint, old_geom, new_geom FROM proposal_changes "
                    "WHERE proposal_id = ? ORDER BY seq", (pid,)):
                changes.append(change_from_row(dict(zip(CHANGE_FIELDS, (
                    c[0], loads(c[1]), loads(c[2]), loads(c[3]), loads(c[4]), c[5], c[6],
                    from_gpkg_blob(c[7]), from_gpkg_blob(c[8]))))))
        changeset = changeset_from_meta(meta, changes)
    return Proposal(
        id=pid, dataset=row["dataset"],
        target=Target(kind=row["target_kind"], uri=row["target_uri"], layer=row["target_layer"],
                      version=row["target_version"], authcfg=row["target_authcfg"]),
        author=row["author"], partner=row["partner"], title=row["title"], comment=row["comment"],
        status=row["status"], changeset=changeset,
        validation=problems_from_list(loads(row["validation"], [])),
        reviews=reviews_of(conn, pid),
        comments=[Comment(author=a, body=b, at=parse_time(t), id=i) for i, a, b, t in conn.execute(
            "SELECT id, author, body, at FROM comments WHERE proposal_id = ? ORDER BY id", (pid,))],
        created_at=parse_time(row["created_at"]), updated_at=parse_time(row["updated_at"]),
        version=row["version"], departements=loads(row["departements"], []),
        communes=loads(row["communes"], []), unplaced=row["unplaced"], outside=row["outside"],
        stewards=loads(row["stewards"], []), steward_groups=loads(row["steward_groups"], []),
        round=row["round"],
        apply_attempts=[ApplyAttempt(actor=a, result=r, details=loads(d, {}), at=parse_time(t), id=i)
                        for i, a, r, d, t in conn.execute(
                            "SELECT id, actor, result, details, at FROM apply_attempts "
                            "WHERE proposal_id = ? ORDER BY id", (pid,))],
        submitted_at=parse_time(row["submitted_at"]), changes_loaded=with_changes,
        writers=sorted(writers(conn, pid)), rebased_by=row["rebased_by"] or None,
    )


# What territories/places.locate reads of a change.
PlacedChange = namedtuple("PlacedChange", "op old_geometry new_geometry geometry_changed")


def geometry_changes(conn, proposal_id: str) -> list:
    """The changes of a proposal with only what territories/places.locate reads (no key, no
    attribute decoded), in order."""
    return [PlacedChange(op, from_gpkg_blob(old), from_gpkg_blob(new), bool(moved))
            for op, moved, old, new in conn.execute(
                "SELECT op, geometry_changed, old_geom, new_geom FROM proposal_changes "
                "WHERE proposal_id = ? ORDER BY seq", (proposal_id,))]


def reviews_of(conn, proposal_id: str) -> list:
    return [Review(reviewer=r, role=ro, decision=d, comment=c, at=parse_time(t), round=n, partner=p)
            for r, ro, d, c, t, n, p in conn.execute(
                "SELECT reviewer, role, decision, comment, at, round, partner FROM reviews "
                "WHERE proposal_id = ? ORDER BY id", (proposal_id,))]


def counts(conn, proposal_id: str) -> dict:
    out = {"insert": 0, "update": 0, "delete": 0}
    for op, n in conn.execute("SELECT op, count(*) FROM proposal_changes WHERE proposal_id = ? "
                              "GROUP BY op", (proposal_id,)):
        out[op] = n
    return out


# ---------------------------------------------------------------------------- convention
def member(conn, login: str) -> Optional[dict]:
    row = conn.execute("SELECT partner, roles FROM members WHERE login = ?", (login,)).fetchone()
    return None if row is None else {"partner": row[0], "roles": loads(row[1], [])}


def partner(conn, partner_id: Optional[str]) -> Optional[dict]:
    row = conn.execute("SELECT id, communes, everywhere FROM partners WHERE id = ?",
                       (partner_id,)).fetchone()
    if row is None:
        return None
    return {"id": row[0], "communes": loads(row[1], []), "everywhere": bool(row[2])}


def dataset(conn, dataset_id: str) -> Optional[dict]:
    row = conn.execute("SELECT id, approval, personal_data, proposers, proposers_own_territory, "
                       "target_kind, target_uri, target_layer, target_srid "
                       "FROM datasets WHERE id = ?", (dataset_id,)).fetchone()
    if row is None:
        return None
    return {"id": row[0], "approval": loads(row[1], []), "personal_data": bool(row[2]),
            "proposers": loads(row[3], []), "proposers_own_territory": bool(row[4]),
            "target_kind": row[5], "target_uri": row[6], "target_layer": row[7], "target_srid": row[8]}


def writers(conn, proposal_id: str) -> set:
    """The logins that wrote the proposal's change set in any round."""
    return {r[0] for r in conn.execute("SELECT login FROM round_writers WHERE proposal_id = ?",
                                       (proposal_id,))}


def has_convention(conn) -> bool:
    return conn.execute("SELECT 1 FROM datasets LIMIT 1").fetchone() is not None


def stewardships(conn, dataset_id: str) -> list:
    return [{"dataset": d, "partner": p, "communes": loads(com, []), "everywhere": bool(e)}
            for d, p, com, e in conn.execute(
                "SELECT dataset, partner, communes, everywhere FROM stewardships WHERE dataset = ? "
                "ORDER BY id", (dataset_id,))]


# ---------------------------------------------------------------------------- audit
def audit_entries(conn, where: str = "", params=()) -> list:
    # ``where`` is one of the store's fixed clauses, never user text.
    return [AuditEntry(id=i, at=parse_time(at), actor=a, action=ac, proposal_id=p,
                       details=loads(d, {}), prev_hash=ph, row_hash=rh)
            for i, at, a, ac, p, d, ph, rh in conn.execute(
                "SELECT id, at, actor, action, proposal_id, details, prev_hash, row_hash FROM audit "
                f"{where} ORDER BY id", params)]


def audit_chain_rows(conn):
    """(id, prev_hash, row_hash, canonical) of every audit row, for audit.verify_chain."""
    for i, at, a, ac, p, d, ph, rh in conn.execute(
            "SELECT id, at, actor, action, proposal_id, details, prev_hash, row_hash FROM audit ORDER BY id"):
        try:
            details = json.loads(d)
        except ValueError:
            details = d        # an edited, unparsable row: its hash will not match
        yield i, ph, rh, canonical_json(i, at, a, ac, p, details)
