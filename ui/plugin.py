"""GeoGov's QGIS entry point: menu, toolbar, docks, Processing provider, translator.

Everything added in :meth:`GeoGovPlugin.initGui` is recorded and removed in
:meth:`GeoGovPlugin.unload`, so unloading and loading again (Plugin Reloader) leaves
QGIS exactly as it was.
"""

import importlib
import os

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.resources import icon_path

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))

# Each component is a ui/ module with ``install(plugin)`` that adds its actions and docks
# through plugin.add_action / plugin.add_dock / plugin.connect (so unload() removes them)
# and returns an object with ``unload()`` for anything else it set up, or None.
COMPONENTS = ("options_page", "responsibility_dock", "layer_indicator", "convention_browser",
              "governance_report_dialog")
COMPONENTS += ("catalogue_dock", "service_browser")
COMPONENTS += ("review_dock",)
COMPONENTS += ("propose_action", "my_proposals")



def qgis_locale() -> str:
    """The locale QGIS runs in (its own setting wins over the system's)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/userLocale", "") or ""
    else:
        name = QLocale.system().name()
    return (name or "en")[:2]


class GeoGovPlugin:
    MENU = "&GeoGov"

    def __init__(self, iface):
        self.iface = iface
        self.actions = []
        self.docks = []
        self.connections = []     # (signal, slot) pairs to disconnect in unload()
        self.translator = None
        self.provider = None
        self.toolbar = None
        self.components = []      # objects returned by each component's install(); unload() calls theirs
        self._install_translator()

    # -- translation -------------------------------------------------------------------
    def _install_translator(self):
        path = os.path.join(PLUGIN_DIR, "i18n", f"geogov_{qgis_locale()}.qm")
        if os.path.exists(path):
            translator = QTranslator()
            if translator.load(path):
                QCoreApplication.installTranslator(translator)
                self.translator = translator

    # -- Processing ----------------------------------------------------------------------
    def initProcessing(self):
        if self.provider is None:
            from ..plugin.bridge.processing_provider import GeoGovProvider

            self.provider = GeoGovProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # -- GUI -------------------------------------------------------------------------------
    def initGui(self):
        self.initProcessing()
        self.toolbar = self.iface.addToolBar(tr("GeoGov"))
        self.toolbar.setObjectName("GeoGovToolbar")
        for name in COMPONENTS:
            module = importlib.import_module(f"{__package__}.{name}")
            component = module.install(self)
            if component is not None:
                self.components.append(component)
        self.add_action("geogov.svg", tr("About GeoGov"), self.show_about, toolbar=False)

    def add_dock(self, dock, area=Qt.DockWidgetArea.RightDockWidgetArea, visible=False):
        """Add ``dock`` to QGIS's main window; unload() removes it."""
        self.iface.addDockWidget(area, dock)
        dock.setVisible(visible)
        self.docks.append(dock)
        return dock

    def add_action(self, icon, text, callback, toolbar=True, checkable=False, parent=None,
                   name=None):
        action = QAction(QIcon(icon_path(icon)), text, parent or self.iface.mainWindow())
        action.setObjectName(name or "geogov_" + callback.__name__)
        action.setCheckable(checkable)
        action.triggered.connect(callback)
        self.iface.addPluginToMenu(self.MENU, action)
        if toolbar and self.toolbar is not None:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def connect(self, signal, slot):
        signal.connect(slot)
        self.connections.append((signal, slot))

    def show_about(self):
        from qgis.PyQt.QtWidgets import QMessageBox

        QMessageBox.about(
            self.iface.mainWindow(), tr("About GeoGov"),
            tr("GeoGov brings the regional geodata partnership convention into QGIS: "
                "discover the partners' catalogues, see who is responsible for each layer, "
                "and propose and review changes to shared data."))

    def unload(self):
        from ..plugin.bridge.tasks import cancel_all

        cancel_all()
        for component in reversed(self.components):
            component.unload()
        self.components.clear()
        for signal, slot in reversed(self.connections):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass  # already disconnected, or its object was deleted by QGIS
        self.connections.clear()
        for dock in self.docks:
            self.iface.removeDockWidget(dock)
            dock.close()
            dock.deleteLater()
        self.docks.clear()
        for action in self.actions:
            self.iface.removePluginMenu(self.MENU, action)
            self.iface.removeToolBarIcon(action)
            action.deleteLater()
        self.actions.clear()
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
