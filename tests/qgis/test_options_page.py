from qgis.core import QgsSettings

from geogov.plugin.bridge import settings as gsettings
from geogov.ui.options_page import GeoGovOptionsPage


def test_options_page_shows_and_saves_settings(qgis_app):
    QgsSettings().remove("geogov")
    gsettings.save(gsettings.Settings(
        catalogues=[gsettings.CatalogueConnection("Démo", "http://127.0.0.1:9/csw", "csw", "3.0.0")],
        store_kind="gpkg", store_path="/tmp/p.gpkg", identity_login="tech94"))
    page = GeoGovOptionsPage()
    assert page.catalogues.table.rowCount() == 1
    assert page.catalogues.table.item(0, 1).text() == "CSW 3.0.0"
    assert page.gpkg_notice.isEnabled() and not page.store_dsn.isEnabled()
    page.store_kind.setCurrentIndex(1)
    assert not page.gpkg_notice.isEnabled() and page.store_dsn.isEnabled()
    page.store_dsn.setText("host=127.0.0.1 dbname=geogov")
    page.timeout.setValue(45)
    page.apply()
    saved = gsettings.load()
    assert saved.store_kind == "postgres" and saved.store_dsn == "host=127.0.0.1 dbname=geogov"
    assert saved.timeout == 45 and saved.catalogues[0].version == "3.0.0"
    QgsSettings().remove("geogov")
