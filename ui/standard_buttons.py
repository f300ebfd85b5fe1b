"""Qt's standard buttons (Yes, No, OK, Cancel, Close) with GeoGov's own translated texts.

Qt translates its standard buttons only when its own catalogue (qtbase_fr.qm) is
installed, and QGIS does not bring it everywhere (Debian's qgis does not pull
qttranslations5-l10n): a French GeoGov dialog then ended with "Close", and its questions
asked "Yes / No" (seen in the desktop journey's screenshots).
"""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QDialogButtonBox, QMessageBox

from ..plugin.bridge.i18n import tr


def _dialog_texts() -> tuple:
    kind = QDialogButtonBox.StandardButton
    return ((kind.Ok, tr("OK")), (kind.Cancel, tr("Cancel")), (kind.Close, tr("Close")),
            (kind.Yes, tr("Yes")), (kind.No, tr("No")))


def _message_texts() -> tuple:
    kind = QMessageBox.StandardButton
    return ((kind.Ok, tr("OK")), (kind.Cancel, tr("Cancel")), (kind.Close, tr("Close")),
            (kind.Yes, tr("Yes")), (kind.No, tr("No")))


def name_buttons(box) -> None:
    """Give the standard buttons of a QDialogButtonBox or a QMessageBox GeoGov's texts."""
    texts = _message_texts() if isinstance(box, QMessageBox) else _dialog_texts()
    for kind, text in texts:
        button = box.button(kind)
        if button is not None:
            button.setText(text)


def ask(parent, title: str, text: str, default_yes: bool = True) -> bool:
    """A Yes / No question (modal); True for Yes."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Question, title, text, yes | no, parent)
    box.setDefaultButton(yes if default_yes else no)
    name_buttons(box)
    return box.exec() == yes
