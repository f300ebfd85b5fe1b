"""The governance panels' store facts from a PostgreSQL proposal store opened from the
settings: a DSN without password, the login and password in a QGIS authentication
configuration (read from QGIS's encrypted auth database when connecting)."""

from __future__ import annotations

import datetime as dt

import pytest

from geogov.plugin.bridge import settings as gsettings
from geogov.plugin.bridge.store_factory import open_store, postgres_dsn, store_facts_from_settings
from geogov.plugin.errors import StoreError
from geogov.plugin.proposals.stores.postgres.store import PostgresStore
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.auth import basic_authcfg

pytestmark = pytest.mark.integration

DB = "governance_facts"


@pytest.fixture(scope="module")
def db(postgres_cluster):
    F.proposal_database(postgres_cluster, DB)
    with PostgresStore(postgres_cluster.dsn(DB, "tech94", F.PASSWORD)) as tech:
        tech.submit(tech.create_draft(F.proposal(tag="pending")).id)
        applied = tech.submit(tech.create_draft(F.proposal(tag="applied")).id)
    with PostgresStore(postgres_cluster.dsn(DB, "steward94", F.PASSWORD)) as steward:
        steward.review(applied.id, "approve")
        steward.mark_applied(applied.id)
    return postgres_cluster


def authcfg(login: str, password: str) -> str:
    return basic_authcfg(login, password, f"geogov governance {login}")


def bare_dsn(cluster) -> str:
    return f"host=127.0.0.1 port={cluster.port} dbname={DB} connect_timeout=10"


def test_store_facts_through_an_authcfg(qgis_app, db):
    settings = gsettings.Settings(store_kind="postgres", store_dsn=bare_dsn(db),
                                  store_authcfg=authcfg("coord_region", F.PASSWORD))
    assert "password" not in settings.store_dsn
    assert "coord_region" in postgres_dsn(settings.store_dsn, settings.store_authcfg)
    facts = store_facts_from_settings(settings, F.convention())
    assert facts.available
    assert facts.pending == {F.CYCLABLE: 1}
    assert facts.applied[F.CYCLABLE] == dt.datetime.now(dt.timezone.utc).date()
    assert facts.counts[f"{F.CYCLABLE}@cd94"] == {"submitted": 2, "approved": 1, "rejected": 0,
                                                  "applied": 1}
    # The database decides what a login sees: the 93's technician sees none of the 94's.
    settings.store_authcfg = authcfg("tech93", F.PASSWORD)
    assert store_facts_from_settings(settings, F.convention()).pending == {}


def test_a_wrong_password_or_authcfg_is_a_store_error(qgis_app, db):
    settings = gsettings.Settings(store_kind="postgres", store_dsn=bare_dsn(db),
                                  store_authcfg=authcfg("coord_region", "wrong"))
    with pytest.raises(StoreError):
        store_facts_from_settings(settings)
    settings.store_authcfg = "nosuch1"
    with pytest.raises(StoreError) as caught:
        open_store(settings)
    assert caught.value.code == "store.authcfg"
