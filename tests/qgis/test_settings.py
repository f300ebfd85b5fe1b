from qgis.core import QgsSettings

from geogov.plugin.bridge import settings as gsettings


def test_settings_round_trip_in_one_group(qgis_app):
    store = QgsSettings()
    store.remove("geogov")
    values = gsettings.Settings(
        catalogues=[gsettings.CatalogueConnection("Démo CSW", "http://127.0.0.1:1/csw", "csw", "2.0.2",
                                                  authcfg="abc1234")],
        services=[gsettings.ServiceConnection("WFS", "http://127.0.0.1:1/wfs", "wfs")],
        store_kind="postgres", store_dsn="host=127.0.0.1 port=5433 dbname=geogov",
        identity_login="tech94", timeout=12)
    gsettings.save(values, store)
    assert all(key.startswith("geogov/") for key in store.allKeys() if "geogov" in key)
    loaded = gsettings.load(store)
    assert loaded == values
    store.remove("geogov")


def test_broken_connection_list_is_ignored_not_fatal(qgis_app):
    store = QgsSettings()
    store.setValue("geogov/catalogues", "{not json")
    assert gsettings.load(store).catalogues == []
    store.remove("geogov")
