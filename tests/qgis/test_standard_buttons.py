"""Standard buttons speak French with GeoGov's translation even where Qt's own catalogue
(qtbase_fr.qm) is missing, as on Debian (the desktop journey's screenshots showed "Close"
and "Yes / No" in French dialogs)."""

from __future__ import annotations

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from geogov.tests.support.french import french
from geogov.tests.support.propose_fixtures import ConventionState
from geogov.ui.propose_dialog import ProposeDialog
from geogov.ui.standard_buttons import ask, name_buttons


def test_dialog_and_message_box_buttons_in_french(qgis_app, tmp_path):
    with french(tmp_path):
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Close)
        name_buttons(box)
        assert sorted(b.text() for b in box.buttons()) == ["Annuler", "Fermer", "OK"]
        message = QMessageBox(QMessageBox.Icon.Question, "t", "x",
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        name_buttons(message)
        assert message.button(QMessageBox.StandardButton.Yes).text() == "Oui"
        assert message.button(QMessageBox.StandardButton.No).text() == "Non"
        dialog = ProposeDialog(None, ConventionState(None), outbox_path=str(tmp_path / "outbox.gpkg"))
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close).text() == "Fermer"
        dialog.deleteLater()


def test_ask_answers_yes_or_no(qgis_app):
    seen = []

    def answer(button):
        box = QApplication.activeModalWidget()
        seen.append([b.text() for b in box.buttons()])
        box.button(button).click()

    QTimer.singleShot(50, lambda: answer(QMessageBox.StandardButton.No))
    assert ask(None, "Question", "Apply?", default_yes=False) is False
    QTimer.singleShot(50, lambda: answer(QMessageBox.StandardButton.Yes))
    assert ask(None, "Question", "Apply?") is True
    assert sorted(seen[0]) == ["No", "Yes"]
