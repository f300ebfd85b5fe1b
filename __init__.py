"""GeoGov QGIS plugin.

Importing this package starts nothing: QGIS calls :func:`classFactory`, which
imports the plugin class only then (the model 3Liz Lizmap follows).
"""


def classFactory(iface):
    from .ui.plugin import GeoGovPlugin

    return GeoGovPlugin(iface)
