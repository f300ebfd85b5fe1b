"""Open a file or a link with the program the computer gives it — and say so when none does.

QDesktopServices.openUrl returns False when no program takes the address (no PDF viewer, no
mail client, no browser configured): GeoGov then says where the file is instead of doing
nothing.
"""

from __future__ import annotations

from qgis.core import Qgis
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices

from ..plugin.bridge.i18n import tr


def as_url(target) -> QUrl:
    if isinstance(target, QUrl):
        return target
    text = str(target)
    return QUrl(text) if "://" in text or text.startswith("mailto:") else QUrl.fromLocalFile(text)


def open_in_desktop(iface, target, opener=QDesktopServices.openUrl) -> bool:
    """Open ``target`` (a path, a URL text or a QUrl); on failure, a message in QGIS's message
    bar naming it (a file by its path, which can be opened by hand)."""
    url = as_url(target)
    if opener(url):
        return True
    shown = url.toLocalFile() if url.isLocalFile() else url.toString()
    text = (tr("No program on this computer opened “{target}”. The file is there: open it "
               "with the program of your choice.") if url.isLocalFile() else
            tr("No program on this computer opened “{target}” (no web browser or mail "
               "program is set up).")).format(target=shown)
    if iface is not None:
        try:
            iface.messageBar().pushMessage(tr("GeoGov"), text, Qgis.MessageLevel.Warning, 15)
        except RuntimeError:
            pass        # QGIS closing
    return False
