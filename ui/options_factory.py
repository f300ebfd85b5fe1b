"""Registers GeoGov's page in QGIS's Options dialog without importing it.

QGIS asks the factory for the page only when the Options dialog opens; the page's module
(ui/options_page.py, with the settings and catalogue code behind it) is imported then,
not while QGIS starts.
"""

from qgis.gui import QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.resources import icon_path


class GeoGovOptionsFactory(QgsOptionsWidgetFactory):
    def __init__(self):
        super().__init__()
        self.setTitle(tr("GeoGov"))
        self.setIcon(QIcon(icon_path("geogov.svg")))

    def icon(self):
        return QIcon(icon_path("geogov.svg"))

    def createWidget(self, parent):
        from .options_page import GeoGovOptionsPage

        return GeoGovOptionsPage(parent)
