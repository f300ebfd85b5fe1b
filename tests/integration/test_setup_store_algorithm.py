"""geogov:setup_postgres_store: an administrator installs the store and loads the convention."""

import sys
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsProcessingException

from geogov.plugin.bridge.processing_provider import GeoGovProvider
from geogov.plugin.proposals import postgres_admin
from geogov.plugin.proposals.postgres_store import PostgresStore
from geogov.tests.support import store_fixtures as F  # noqa: N812

sys.path.append("/usr/share/qgis/python/plugins")
import processing
from processing.core.Processing import Processing

CONVENTION = str(Path(__file__).resolve().parents[2] / "resources" / "demo" / "convention-idf.yaml")


@pytest.fixture(scope="module")
def provider(qgis_app):
    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    if registry.providerById("geogov") is None:
        registry.addProvider(GeoGovProvider())
    yield
    provider = registry.providerById("geogov")
    if provider is not None:
        registry.removeProvider(provider)


@pytest.fixture()
def admin_authcfg(postgres_cluster):
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("geogov-tests", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("GeoGov test DBA")
    config.setConfig("username", "postgres")
    config.setConfig("password", postgres_cluster.superuser_password)
    assert manager.storeAuthenticationConfig(config)[0]
    yield config.id()
    manager.removeAuthenticationConfig(config.id())


def _dsn(cluster, name):
    return f"host=127.0.0.1 port={cluster.port} dbname={name}"


def test_install_then_sync_twice_and_the_database_enforces_roles(provider, postgres_cluster,
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


def test_a_broken_convention_or_a_refused_login_stops_it_with_a_reason(provider, postgres_cluster,
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
