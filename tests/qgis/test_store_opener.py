"""The one store opener (bridge/store_factory.py open_store): every part of GeoGov opens the
proposal store through it, and says "no proposal store is configured" in one way."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException, QgsSettings

from geogov.plugin.bridge import propose_store, review
from geogov.plugin.bridge import settings as gsettings
from geogov.plugin.bridge.alg_proposals import open_store as open_for_processing
from geogov.plugin.bridge.messages import error_text
from geogov.plugin.bridge.store_factory import (
    NOT_CONFIGURED,
    open_store,
    store_configured,
    store_facts_from_settings,
)
from geogov.plugin.errors import StoreError
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.plugin.proposals.stores.postgres.store import PostgresStore
from geogov.tests.support import store_fixtures as F  # noqa: N812

NOT_CONFIGURED_TEXT = "No proposal store is configured: choose one in the GeoGov settings."
NOWHERE = [gsettings.Settings(), gsettings.Settings(store_kind="postgres"),
           gsettings.Settings(store_path="  ", identity_login="tech94"),
           gsettings.Settings(store_kind="postgres", store_dsn="", store_path="/elsewhere.gpkg")]


@pytest.fixture()
def no_plugin_settings():
    """The plugin's own settings (QgsSettings) name no store, and are cleared afterwards."""
    QgsSettings().remove("geogov")
    yield
    QgsSettings().remove("geogov")


@pytest.fixture()
def store_path(tmp_path):
    path = tmp_path / "proposals.gpkg"
    with GeoPackageStore(path, "coord_region") as admin:
        admin.sync_convention(F.convention())
    return path


def refused(opening) -> StoreError:
    with pytest.raises(StoreError) as caught:
        opening()
    return caught.value


@pytest.mark.parametrize("settings", NOWHERE, ids=["gpkg", "postgres", "blank path", "postgres, no dsn"])
def test_no_store_configured_is_one_error_whoever_opens(qgis_app, settings, tmp_path):
    assert not store_configured(settings)
    openings = {
        "read": lambda: open_store(settings),
        "write": lambda: open_store(settings, create=True, outbox_path=str(tmp_path / "o" / "outbox.gpkg")),
        "review queue": lambda: review.load_queue(settings),
        "my proposals": lambda: propose_store.list_mine(settings, str(tmp_path / "o" / "outbox.gpkg")),
    }
    for name, opening in openings.items():
        error = refused(opening)
        assert (name, error.code, error_text(error)) == (name, NOT_CONFIGURED, NOT_CONFIGURED_TEXT)
    assert not (tmp_path / "o").exists()
    # The panels and the report go without a store.
    assert open_store(settings, optional=True) is None
    assert store_facts_from_settings(settings).available is False


def test_processing_without_a_store_says_the_same(qgis_app, processing, no_plugin_settings):
    error = refused(lambda: open_for_processing("", "", ""))
    assert error.code == NOT_CONFIGURED
    with pytest.raises(QgsProcessingException, match=NOT_CONFIGURED_TEXT):
        processing.run("geogov:list_proposals", {"STORE": "", "SCOPE": 0, "OUTPUT": "TEMPORARY_OUTPUT"})


def test_a_file_that_does_not_exist_is_created_only_to_write(qgis_app, tmp_path):
    path = tmp_path / "new.gpkg"
    settings = gsettings.Settings(store_path=str(path), identity_login="tech94")
    missing = refused(lambda: open_store(settings))
    assert (missing.code, missing.source) == ("store.file", str(path))
    assert refused(lambda: open_store(gsettings.Settings(), location=str(path))).code == "store.file"
    assert open_store(settings, optional=True) is None and not path.exists()
    assert refused(lambda: open_store(gsettings.Settings(store_path=str(path)), create=True)).code == \
        "store.no_login"
    far = gsettings.Settings(store_path=str(tmp_path / "absent" / "p.gpkg"), identity_login="tech94")
    assert refused(lambda: open_store(far, create=True)).code == "store.file.no_folder"
    assert not path.exists()
    store = open_store(settings, create=True)
    try:
        assert path.exists() and store.identity().login == "tech94"
    finally:
        store.close()


def test_the_settings_partner_goes_with_the_settings_login_only(qgis_app, store_path):
    settings = gsettings.Settings(store_path=str(store_path), identity_login="tech94",
                                  identity_partner="cd93")
    for store, expected in ((open_store(settings), ("tech94", "cd93")),
                            (open_store(settings, login="steward94"), ("steward94", "cd94")),
                            (open_for_processing(str(store_path), "", "steward94"), ("steward94", "cd94")),
                            (open_store(gsettings.Settings(), location=str(store_path)),
                             ("geogov-reader", None))):
        try:
            identity = store.identity()
            assert (identity.login, identity.partner) == expected
        finally:
            store.close()


def test_a_connection_string_opens_the_postgresql_store_with_its_outbox(qgis_app, tmp_path):
    settings = gsettings.Settings(store_kind="postgres", store_dsn="host=127.0.0.1 port=9 dbname=geogov")
    assert store_configured(settings)
    outbox = tmp_path / "profile" / "geogov" / "outbox.gpkg"
    store = open_store(settings, create=True, outbox_path=str(outbox))          # no connection yet
    try:
        assert isinstance(store, PostgresStore) and store.outbox is not None and outbox.exists()
    finally:
        store.close()
    given = open_store(gsettings.Settings(store_path="/ignored.gpkg"), location=" dbname=other host=db ")
    try:
        assert isinstance(given, PostgresStore) and given.dsn == "dbname=other host=db"
    finally:
        given.close()
