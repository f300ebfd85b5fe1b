"""Reading the PostgreSQL store's rows into model objects (used by postgres_store.py)."""

from __future__ import annotations

import psycopg2
from psycopg2.extras import Json, execute_values

from ...model import ApplyAttempt, Comment, Proposal, Review, Target
from ...serialization import (
    CHANGE_FIELDS,
    change_from_row,
    change_to_row,
    changeset_from_meta,
    changeset_meta,
    problems_from_list,
    problems_to_list,
)
from ..base import AuditEntry, Event
from ..row_values import srs_id_of

PROPOSAL_COLUMNS = ("p.id::text AS id, p.dataset, p.target_kind, p.target_uri, p.target_layer, "
                    "p.target_version, p.target_authcfg, p.author, p.partner, p.title, p.comment, p.status, "
                    "p.changeset_meta, p.validation, p.departements, p.communes, p.unplaced, p.outside, "
                    "p.stewards, p.steward_groups, p.round, p.version, p.created_at, p.updated_at, "
                    "p.submitted_at, p.updated_by, p.rebased_by")

COUNTS = ("(SELECT jsonb_build_object('insert', count(*) FILTER (WHERE c.op = 'insert'), "
          "'update', count(*) FILTER (WHERE c.op = 'update'), "
          "'delete', count(*) FILTER (WHERE c.op = 'delete')) "
          "FROM geogov.proposal_changes c WHERE c.proposal_id = p.id) AS counts")

# The caller, read once per statement (uncorrelated subqueries: InitPlans), for the rules
# of migration 0011 that take it as plain values.
ME = "(SELECT geogov.my_partner()), (SELECT geogov.my_roles())"

# The round's approvals, read in the statement itself (geogov.approvals_given() holds the
# same SELECT for the triggers; a function call per row would read the caller again for
# every review's policy).
GIVEN = ("(SELECT coalesce(jsonb_agg(jsonb_build_object('role', v.role, 'partner', v.partner, "
         "'reviewer', v.reviewer) ORDER BY v.id), '[]'::jsonb) FROM geogov.reviews v "
         "WHERE v.proposal_id = p.id AND v.round = p.round AND v.decision = 'approve')")

# The row's approval state (geogov.approval_state_of, rules.approval_state).
APPROVALS = (f"geogov.approval_state_of(geogov.required_approvals(p.dataset), p.steward_groups, {GIVEN})")

# A proposal awaits the current login when it may take a decision the round still lacks
# (geogov.awaits_decision_as, rules.awaits_decision). ``p.status = 'submitted'`` is also
# said outside the function so that the status index narrows the rows first.
AWAITS_ME = ("(p.status = 'submitted' AND geogov.awaits_decision_as(current_user, " + ME + ", "
             "p.status, p.author, p.rebased_by, geogov.required_approvals(p.dataset), p.stewards, "
             f"p.steward_groups, {GIVEN}))")


def fetch_dicts(cur) -> list:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def content_params(proposal) -> dict:
    t = proposal.target
    return {"title": proposal.title, "comment": proposal.comment,
            "meta": Json(changeset_meta(proposal.changeset) if proposal.changeset else {}),
            "validation": Json(problems_to_list(proposal.validation)),
            "target_kind": t.kind, "target_uri": t.uri,
            "target_layer": t.layer, "target_version": t.version, "target_authcfg": t.authcfg}


def write_changes(cur, proposal_id: str, changeset) -> None:
    cur.execute("DELETE FROM geogov.proposal_changes WHERE proposal_id = %s", (proposal_id,))
    if changeset is None or not changeset.changes:
        return
    srid = max(srs_id_of(changeset.schema.crs), 0)      # PostGIS: 0 = unknown SRID
    values = []
    for seq, change in enumerate(changeset.changes):
        r = change_to_row(change)
        values.append((proposal_id, seq, r["op"], Json(r["feature_key"]),
                       None if r["old_attributes"] is None else Json(r["old_attributes"]),
                       None if r["new_attributes"] is None else Json(r["new_attributes"]),
                       Json(r["changed_fields"]), r["geometry_changed"], r["base_fingerprint"], srid,
                       _binary(r["old_geometry"]), srid, _binary(r["new_geometry"]), srid))
    execute_values(cur, "INSERT INTO geogov.proposal_changes (proposal_id, seq, op, feature_key, "
                   "old_attributes, new_attributes, changed_fields, geometry_changed, base_fingerprint, "
                   "srid, old_geom, new_geom) VALUES %s", values,
                   template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, ST_GeomFromWKB(%s, %s), "
                            "ST_GeomFromWKB(%s, %s))", page_size=500)


def _binary(wkb):
    return None if wkb is None else psycopg2.Binary(wkb)


def proposal_from_row(cur, row: dict, with_changes: bool, changeset=None) -> Proposal:
    """The proposal of a ``proposals`` row; its changes read and decoded ``with_changes``.
    ``changeset``: the one the caller just wrote, used instead of reading the rows back."""
    pid = row["id"]
    if changeset is not None:
        with_changes = True
    elif row["changeset_meta"]:
        changes = []
        if with_changes:
            cur.execute("SELECT op, feature_key, old_attributes, new_attributes, changed_fields, "
                        "geometry_changed, base_fingerprint, ST_AsBinary(old_geom), ST_AsBinary(new_geom) "
                        "FROM geogov.proposal_changes WHERE proposal_id = %s ORDER BY seq", (pid,))
            changes = [change_from_row(dict(zip(CHANGE_FIELDS, c))) for c in cur.fetchall()]
        changeset = changeset_from_meta(row["changeset_meta"], changes)
    reviews = reviews_of(cur, [pid]).get(pid, [])
    cur.execute("SELECT id, author, body, at FROM geogov.comments WHERE proposal_id = %s ORDER BY id", (pid,))
    comments = [Comment(author=a, body=b, at=t, id=i) for i, a, b, t in cur.fetchall()]
    attempts = attempts_of(cur, [pid]).get(pid, [])
    return Proposal(
        id=pid, dataset=row["dataset"],
        target=Target(kind=row["target_kind"], uri=row["target_uri"], layer=row["target_layer"],
                      version=row["target_version"], authcfg=row["target_authcfg"]),
        author=row["author"], partner=row["partner"], title=row["title"], comment=row["comment"],
        status=row["status"], changeset=changeset, validation=problems_from_list(row["validation"]),
        reviews=reviews, comments=comments, created_at=row["created_at"], updated_at=row["updated_at"],
        version=row["version"], departements=list(row["departements"]), communes=list(row["communes"]),
        unplaced=row["unplaced"], outside=row["outside"], stewards=list(row["stewards"]),
        steward_groups=list(row["steward_groups"]), round=row["round"],
        apply_attempts=attempts, submitted_at=row["submitted_at"], changes_loaded=with_changes,
        rebased_by=row.get("rebased_by") or None)


def reviews_of(cur, ids: list) -> dict:
    """{proposal id: [Review]} of these proposals, each in the order given (one statement for
    a whole list: a change log of thousands of entries is not thousands of round trips)."""
    cur.execute("SELECT proposal_id::text, reviewer, role, decision, comment, at, round, partner "
                "FROM geogov.reviews WHERE proposal_id = ANY (%s::uuid[]) ORDER BY id", (list(ids),))
    out = {}
    for pid, r, ro, d, c, t, n, pa in cur.fetchall():
        out.setdefault(pid, []).append(Review(reviewer=r, role=ro, decision=d, comment=c, at=t, round=n,
                                              partner=pa))
    return out


def attempts_of(cur, ids: list) -> dict:
    """{proposal id: [ApplyAttempt]} of these proposals (see reviews_of)."""
    cur.execute("SELECT proposal_id::text, id, actor, result, details, at FROM geogov.apply_attempts "
                "WHERE proposal_id = ANY (%s::uuid[]) ORDER BY id", (list(ids),))
    out = {}
    for pid, i, a, r, d, t in cur.fetchall():
        out.setdefault(pid, []).append(ApplyAttempt(actor=a, result=r, details=d, at=t, id=i))
    return out


def audit_entry(row) -> AuditEntry:
    i, at, actor, action, pid, details, prev_hash, row_hash = row
    return AuditEntry(id=i, at=at, actor=actor, action=action, proposal_id=pid, details=details,
                      prev_hash=prev_hash, row_hash=row_hash)


def event(row) -> Event:
    i, at, actor, action, pid, details = row
    return Event(cursor=i, at=at, actor=actor, action=action, proposal_id=pid, details=details)
