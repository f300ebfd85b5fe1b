"""Plain SQL as the convention's logins, for the tests of what the PostgreSQL store refuses.

``logins_fixtures(name)`` gives a module the three fixtures such a test uses on its own
database ``name``: ``db`` (the cluster, with that database made once per module),
``store(login)`` (a PostgresStore as that login) and ``sql(login, isolation_level=None)``
(a psycopg2 connection as that login, autocommit off); each closed after the test.
"""

from __future__ import annotations

import psycopg2
import pytest

from geogov.plugin.proposals.stores.postgres.store import PostgresStore

from . import store_fixtures as F  # noqa: N812 (short: used on every line)


def logins_fixtures(name: str):
    @pytest.fixture(scope="module")
    def db(postgres_cluster):
        F.proposal_database(postgres_cluster, name)
        return postgres_cluster

    @pytest.fixture()
    def store(db):
        opened = []

        def open_store(login):
            opened.append(PostgresStore(db.dsn(name, login, F.PASSWORD)))
            return opened[-1]

        yield open_store
        for s in opened:
            s.close()

    @pytest.fixture()
    def sql(db):
        opened = []

        def connect(login, isolation_level=None):
            opened.append(db.connect(name, login, F.PASSWORD, autocommit=False))
            if isolation_level is not None:
                opened[-1].set_session(isolation_level=isolation_level)
            return opened[-1]

        yield connect
        for conn in opened:
            if not conn.closed:
                conn.close()

    return db, store, sql


def refused(conn, statement, params=None):
    """Run a statement that must fail; returns (SQLSTATE, DETAIL) and rolls back."""
    with conn.cursor() as cur:
        try:
            cur.execute(statement, params)
        except psycopg2.Error as error:
            conn.rollback()
            return error.pgcode, error.diag.message_detail
    conn.rollback()
    raise AssertionError(f"the database accepted: {statement}")


def scalar(conn, statement, params=None):
    with conn.cursor() as cur:
        cur.execute(statement, params)
        value = cur.fetchone()[0]
    conn.rollback()
    return value


def submitted(store, login="tech94", **kwargs):
    """A proposal (store_fixtures.proposal(**kwargs)) drafted and submitted by ``login``."""
    s = store(login)
    draft = s.create_draft(F.proposal(**kwargs))
    return s.submit(draft.id, draft.version)
