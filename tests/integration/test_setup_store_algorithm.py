"""geogov:setup_postgres_store: an administrator installs the store and loads the convention."""

from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingException

from geogov.plugin.proposals.stores.postgres import admin as postgres_admin
from geogov.plugin.proposals.stores.postgres.store import PostgresStore
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.auth import basic_authcfg

CONVENTION = str(Path(__file__).resolve().parents[2] / "resources" / "demo" / "convention-idf.yaml")


@pytest.fixture()
def admin_authcfg(postgres_cluster):
    config_id = basic_authcfg("postgres", postgres_cluster.superuser_password, "GeoGov test DBA")
    yield config_id
    QgsApplication.authManager().removeAuthenticationConfig(config_id)


def _dsn(cluster, name):
    return f"host=127.0.0.1 port={cluster.port} dbname={name}"


def test_install_then_sync_twice_and_the_database_enforces_roles(processing, postgres_cluster,
                                                                admin_authcfg):
    postgres_cluster.create_database("setup_alg")
    for login in ("tech94", "steward94"):
        try:
            postgres_cluster.create_login(login, F.PASSWORD)
        except Exception:  # noqa: BLE001 - roles are cluster-wide: another test made it
            pass
    params = {"DSN": _dsn(postgres_cluster, "setup_alg"), "AUTHCFG": admin_authcfg,
              "CONVENTION": CONVENTION, "VERIFY": True}
    first = processing.run("geogov:setup_postgres_store", params)
    conn = postgres_cluster.connect("setup_alg")
    try:
        assert first["VERSION"] == postgres_admin.schema_version(conn) > 0
    finally:
        conn.close()
    missing = set(filter(None, first["MISSING_LOGINS"].split(", ")))
    logins = {c.login for p in F.convention().partners.values() for c in p.contacts if c.login}
    assert missing <= logins and not missing & {"tech94", "steward94"}
    again = processing.run("geogov:setup_postgres_store", params)
    assert again["VERSION"] == first["VERSION"]
    steward = PostgresStore(postgres_cluster.dsn("setup_alg", "steward94", F.PASSWORD))
    try:
        identity = steward.identity()
        assert identity.partner == "cd94" and "steward" in identity.roles
    finally:
        steward.close()


def test_a_broken_convention_or_a_refused_login_stops_it_with_a_reason(processing, postgres_cluster,
                                                                      tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: geogov.convention/1\nconvention: {title: x}\npartners: [}\n",
                      encoding="utf-8")
    with pytest.raises(QgsProcessingException):
        processing.run("geogov:setup_postgres_store",
                       {"DSN": _dsn(postgres_cluster, "postgres"), "CONVENTION": str(broken)})
    with pytest.raises(QgsProcessingException) as refused:
        processing.run("geogov:setup_postgres_store",
                       {"DSN": _dsn(postgres_cluster, "postgres") + " user=nobody password=wrong",
                        "CONVENTION": CONVENTION})
    assert "login" in str(refused.value).lower() or "password" in str(refused.value).lower()
