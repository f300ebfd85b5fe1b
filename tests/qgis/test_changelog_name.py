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
