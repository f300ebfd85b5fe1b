"""The change-log dialog proposes a file name in the user's language (the desktop journey's
screenshot showed "journal-des-modifications-all")."""

from __future__ import annotations

from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.french import french
from geogov.ui.changelog_dialog import ChangelogDialog


def test_the_proposed_file_name_is_french(qgis_iface, tmp_path):
    with french(tmp_path):
        dialog = ChangelogDialog(qgis_iface, F.convention())
        try:
            assert dialog.name_edit.text() == "journal-des-modifications-tous-les-jeux"
            dialog.dataset_combo.setCurrentIndex(dialog.dataset_combo.findData(F.CYCLABLE))
            assert dialog.name_edit.text() == f"journal-des-modifications-{F.CYCLABLE}"
        finally:
            dialog.deleteLater()


def test_the_published_page_is_in_french_with_local_times_and_names(qgis_app, tmp_path):
    """What the issue saw half in English with UTC times and logins: the page in French,
    times in words in the reader's zone, people and partners by their names."""
    import datetime as dt

    from geogov.plugin.bridge.changelog_page import local_time, page_options
    from geogov.plugin.bridge.i18n import tr
    from geogov.plugin.publishing.changelog import to_html
    from geogov.tests.support import store_fixtures as F  # noqa: N812
    from geogov.tests.support.french import french

    moment = dt.datetime(2026, 12, 7, 14, 5, tzinfo=dt.timezone.utc)
    convention = F.convention()
    login = next(c.login for p in convention.partners.values() for c in p.contacts if c.login)
    contact = convention.contact_of_login(login)
    from qgis.core import QgsSettings

    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)     # QGIS in French, as a user sets it
    settings.setValue("locale/userLocale", "fr_FR")
    try:
        with french(tmp_path):
            options = page_options(convention)
            said = local_time(moment)
            page = to_html([], tr=tr, generated_at=moment, **options)
    finally:
        for key, value in saved.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)
    assert "2026" in said and "décembre" in said
    assert "Aucune modification n&#x27;a encore été publiée." in page and "Produit par GeoGov le" in page
    assert options["person"](login) == contact.name
    assert options["person"]("inconnu") == "inconnu"
