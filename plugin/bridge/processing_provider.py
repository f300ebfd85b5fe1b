"""The ``geogov`` Processing provider: headless front end over the same core API."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .i18n import tr
from .resources import icon_path


class GeoGovProvider(QgsProcessingProvider):
    def id(self):
        return "geogov"

    def name(self):
        return "GeoGov"

    def longName(self):
        return tr("GeoGov — regional geodata governance")

    def icon(self):
        return QIcon(icon_path("geogov.svg"))

    def loadAlgorithms(self):
        from .algorithms import all_algorithms

        for algorithm in all_algorithms():
            self.addAlgorithm(algorithm)
