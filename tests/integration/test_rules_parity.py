"""One rule, two implementations: who sees a proposal, in which roles one may decide it,
what its round's approvals amount to and whether it awaits one's decision — through
Python (plugin/proposals/rules.py, what the GeoPackage store and the workflow use) and
through PostgreSQL (the functions of sql/postgres/0011_caller_once.sql that the policies
and the list queries call), on every combination of a grid of cases.

Then the same rules as the logins meet them: each login's lists (review queue, all it sees)
on a store holding proposals in each state, against the Python rules applied to the rows.
"""

from __future__ import annotations

import itertools
import json

import pytest

from geogov.plugin.proposals import rules
from geogov.plugin.proposals.model import Review
from geogov.tests.support import store_fixtures as F  # noqa: N812

DB = "rules_parity"
PARTNERS = ["cd94", "cd93", "region-idf", None]
ROLE_SETS = [[], ["technician"], ["steward"], ["dpo"], ["steward", "dpo"], ["coordinator"],
             ["steward", "coordinator"]]
STEWARD_SETS = [[], ["cd94"], ["cd94", "cd93"], ["region-idf"]]
GROUP_SETS = [None, [], [["cd94"]], [["cd94"], ["cd93"]], [["cd94", "region-idf"]]]
REQUIRED_SETS = [["steward"], ["steward", "dpo"], ["steward", "coordinator"],
                 ["steward", "dpo", "coordinator"]]
# The round's approvals: (role, partner, reviewer).
GIVEN_SETS = [[], [("steward", "cd94", "steward94")], [("steward", "cd93", "steward93")],
              [("steward", "cd94", "steward94"), ("steward", "cd93", "steward93")],
              [("coordinator", "region-idf", "coord_region")], [("dpo", "cd94", "dpo94")],
              [("steward", "region-idf", "steward_region"), ("dpo", "cd94", "dpo94")]]
ME = "steward94"
GROUPS = "nullif(a->'groups', 'null'::jsonb)"      # JSON null: no groups (SQL NULL)
GIVEN = "(a->>'given')::jsonb"


def _arr(key):
    return f"ARRAY(SELECT jsonb_array_elements_text(a->'{key}'))"


@pytest.fixture(scope="module")
def conn(postgres_cluster):
    F.proposal_database(postgres_cluster, DB)
    connection = postgres_cluster.connect(DB, ME, F.PASSWORD)
    yield connection
    connection.close()


def _reviews(given, round_=2):
    # Approvals of this round, plus one of an earlier round that must never count.
    return [Review(reviewer=who, role=role, decision=rules.APPROVE, round=round_, partner=partner)
            for role, partner, who in given] + [
        Review(reviewer="steward93", role="steward", decision=rules.APPROVE, round=round_ - 1,
               partner="cd93")]


def _given_json(given):
    return json.dumps([{"role": role, "partner": partner, "reviewer": reviewer}
                       for role, partner, reviewer in given])


def _sql_many(conn, sql, rows):
    """``sql`` (a SELECT of one value over the VALUES columns) for every row, in one statement."""
    with conn.cursor() as cur:
        cur.execute("CREATE TEMP TABLE IF NOT EXISTS cases (n int, a jsonb)")
        cur.execute("TRUNCATE cases")
        cur.executemany("INSERT INTO cases VALUES (%s, %s)", [(n, json.dumps(r)) for n, r in enumerate(rows)])
        cur.execute(f"SELECT n, ({sql}) FROM cases ORDER BY n")
        out = [value for _, value in cur.fetchall()]
    conn.rollback()
    return out


def test_approval_state_and_steward_pending_are_the_pythons(conn):
    cases = list(itertools.product(REQUIRED_SETS, GROUP_SETS, GIVEN_SETS, PARTNERS))
    sql_state = _sql_many(conn, f"geogov.approval_state_of({_arr('required')}, {GROUPS}, {GIVEN})",
                          [{"required": req, "groups": groups, "given": _given_json(given)}
                           for req, groups, given, _ in cases])
    sql_pending = _sql_many(conn, f"geogov.steward_pending_of(a->>'partner', {GROUPS}, {GIVEN})",
                            [{"partner": partner, "groups": groups, "given": _given_json(given)}
                             for _, groups, given, partner in cases])
    for (req, groups, given, partner), state, pending in zip(cases, sql_state, sql_pending):
        reviews = _reviews(given)
        assert state == rules.approval_state(req, reviews, 2, groups), (req, groups, given)
        python = rules.steward_pending_for(partner, groups or [], reviews, 2)
        assert pending == python, (groups, given, partner)


def test_reviewer_roles_and_visibility_are_the_pythons(conn):
    cases = list(itertools.product(PARTNERS, ROLE_SETS, STEWARD_SETS, REQUIRED_SETS,
                                   ["draft", "submitted", "approved"], [ME, "tech94"], ["cd94", "cd93"]))
    args = [{"partner": partner, "roles": roles, "stewards": stewards, "required": req, "status": status,
             "author": author, "owner": owner}
            for partner, roles, stewards, req, status, author, owner in cases]
    sql_roles = _sql_many(conn, f"geogov.reviewer_roles_as(a->>'partner', {_arr('roles')}, "
                                f"{_arr('required')}, {_arr('stewards')})", args)
    sql_seen = _sql_many(conn, f"geogov.may_see_as(a->>'partner', {_arr('roles')}, a->>'owner', "
                               f"a->>'author', a->>'status', {_arr('stewards')})", args)
    for case, got_roles, seen in zip(cases, sql_roles, sql_seen):
        partner, roles, stewards, req, status, author, owner = case
        assert got_roles == rules.reviewer_roles(ME, partner, roles, stewards, req), case
        assert seen == rules.may_see(ME, partner, roles, author=author, owner_partner=owner, status=status,
                                     stewards=stewards), (partner, roles, author, owner, status, stewards)


def test_awaits_decision_is_the_pythons(conn):
    cases = list(itertools.product(
        [("cd94", ["steward"]), ("cd94", ["steward", "dpo"]), ("cd93", ["steward"]),
         ("region-idf", ["coordinator"]), ("cd94", ["technician"])],
        [("submitted", "tech94", None), ("submitted", ME, None), ("submitted", "tech94", ME),
         ("approved", "tech94", None)],
        [["cd94"], ["cd94", "cd93"]], [None, [["cd94"], ["cd93"]]], REQUIRED_SETS,
        GIVEN_SETS + [[("steward", "cd94", ME)]]))
    args = [{"partner": partner, "roles": roles, "status": status, "author": author, "rebased_by": rebased,
             "required": req, "stewards": stewards, "groups": groups, "given": _given_json(given)}
            for (partner, roles), (status, author, rebased), stewards, groups, req, given in cases]
    got = _sql_many(conn, f"geogov.awaits_decision_as(current_user, a->>'partner', {_arr('roles')}, "
                          f"a->>'status', a->>'author', a->>'rebased_by', {_arr('required')}, "
                          f"{_arr('stewards')}, {GROUPS}, {GIVEN})", args)
    waiting = 0
    for ((partner, roles), (status, author, rebased), stewards, groups, req, given), sql in zip(cases, got):
        reviews = _reviews(given)
        state = rules.approval_state(req, reviews, 2, groups)
        python = rules.awaits_decision(ME, partner, roles, author=author, status=status, rebased_by=rebased,
                                       round_=2, reviews=reviews, stewards=stewards, groups=groups,
                                       required=req, state=state)
        assert sql == python, (partner, roles, status, author, rebased, stewards, groups, req, given)
        waiting += python
    # The grid holds both answers in number (a rule that always says no would pass otherwise).
    assert 100 < waiting < len(cases) - 100, waiting
