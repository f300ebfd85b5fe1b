"""GeoGov's QGIS entry point: menu, toolbar, docks, Processing provider, translator.

Start-up is lazy: QGIS times "Load plugins/geogov" (import, classFactory, initGui) in
its start, and `make bench` holds it to ≤ 50 ms. So initGui adds only what must be there
from the first frame — the actions (menu and toolbar), the Options page factory and the
Processing provider (whose algorithm modules import nothing heavy at module level). A
dock or dialog module is imported, and its widget built, the first time its action is
used, or at start when the dock was open when QGIS last closed. What acts without being
asked (STARTED: layer-tree indicators, the propose action following the current layer
and warning about shared layers in edit mode, the notifications poll, the history offered
on governed features and layers) starts once QGIS has finished starting, one component
per event-loop turn, so that the window shows first; ``start_seconds`` keeps what each
took (`make bench` prints it).

Everything added is recorded and removed in :meth:`GeoGovPlugin.unload`, whatever was
built by then, so unloading and loading again (Plugin Reloader) leaves QGIS exactly as
it was.
"""

import functools
import os
import time
from dataclasses import dataclass

from qgis.core import QgsApplication, QgsSettings
from qgis.gui import QgsGui
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt, QTimer, QTranslator, pyqtBoundSignal
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.resources import icon_path

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))

# ui/ modules whose ``start(plugin)`` runs once QGIS has finished starting: they act
# without being asked. It returns an object with ``unload()``, or None.
STARTED = ("layer_indicator", "propose_action", "notifications", "history_actions")

# The docks open when QGIS last closed (module names): QGIS restores dock positions from
# its saved window state, but a dock built later must be put back by the plugin.
OPEN_DOCKS_KEY = "geogov/ui/open_docks"


@dataclass(frozen=True)
class Entry:
    """One menu (and toolbar) action. ``target``: "<module>" for a dock — the module's
    ``build_dock(plugin)`` builds it on first use, its optional ``dock_shown(plugin,
    dock)`` runs whenever the action shows it — or "<module>.<function>" called with the
    plugin on each use."""

    target: str
    icon: str
    text: str
    name: str
    toolbar: bool = True
    enabled: bool = True
    tooltip: str = ""          # more than the name: what it is for
    shortcut: str = ""         # default; users change it in Settings ▸ Keyboard Shortcuts
    separator: bool = False    # a separator before it in the GeoGov menu

    @property
    def is_dock(self) -> bool:
        return "." not in self.target


def entries():
    """The actions in menu order (a function: tr() needs the translator installed)."""
    # Shortcuts: Ctrl+Alt+Shift and a letter, which QGIS itself leaves free.
    return (
        Entry("responsibility_dock", "governance_responsibility.svg", tr("Who is responsible"),
              "geogov_responsibility_dock", shortcut="Ctrl+Alt+Shift+R",
              tooltip=tr("Who produces, maintains and validates the current layer's data, "
                         "where, how fresh it is, and where metadata and convention disagree")),
        Entry("convention_browser", "governance_convention.svg", tr("Partnership convention"),
              "geogov_convention_browser",
              tooltip=tr("The partners, datasets and commitments of the partnership "
                         "convention, and the problems found in it")),
        Entry("governance_report_dialog.show_governance_report", "governance_report.svg",
              tr("Governance report…"), "geogov_governance_report",
              tooltip=tr("A report in plain words for coordinators and elected officials "
                         "(PDF, HTML)")),
        Entry("catalogue_dock", "catalogue.svg", tr("Catalogue search"), "geogov_catalogue",
              separator=True, shortcut="Ctrl+Alt+Shift+C",
              tooltip=tr("Search the partners' catalogues (CSW, OGC API Records) and add "
                         "their layers to the map")),
        Entry("service_browser.show_browser", "service_browser.svg", tr("WMS/WFS services…"),
              "geogov_service_browser",
              tooltip=tr("Browse the layers of the partners' WMS and WFS services")),
        Entry("review_dock", "review.svg", tr("Review proposals"), "geogov_review",
              separator=True, shortcut="Ctrl+Alt+Shift+V",
              tooltip=tr("Review the proposals of the datasets you steward")),
        # Disabled until propose_action starts following the current layer.
        Entry("propose_action.propose_my_changes", "propose.svg", tr("Propose my changes…"),
              "geogov_propose_changes", enabled=False, shortcut="Ctrl+Alt+Shift+P",
              tooltip=tr("Turn your edits of the current shared layer into a proposal for its "
                         "steward to review")),
        Entry("propose_action.edit_a_local_copy", "propose.svg",
              tr("Edit a local copy of this shared layer"), "geogov_edit_local_copy",
              toolbar=False, enabled=False,
              tooltip=tr("Edit a copy on this computer, then propose the differences")),
        Entry("my_proposals", "my_proposals.svg", tr("My proposals"), "geogov_my_proposals",
              shortcut="Ctrl+Alt+Shift+M",
              tooltip=tr("Your proposals, their status and what the reviewers said")),
        Entry("history_actions.show_layer_history", "history.svg", tr("History of the current layer…"),
              "geogov_layer_history", toolbar=False,
              tooltip=tr("The applied proposals of the current layer's dataset: when, who proposed and "
                         "approved them, why, what they changed; revert one")),
    )


def qgis_locale() -> str:
    """The locale QGIS runs in (its own setting wins over the system's)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/userLocale", "") or ""
    else:
        name = QLocale.system().name()
    return (name or "en")[:2]


def ui_module(name):
    """The module ``ui.<name>``, imported through ``builtins.__import__``: QGIS's import hook
    (qgis.utils._import) then records it as GeoGov's, and unloadPlugin() drops it, so that a
    reload imports it afresh. importlib.import_module() bypasses the hook: the new plugin
    would run the old module, bound to the old module-level objects (the settings signal)."""
    return __import__(f"{__package__}.{name}", fromlist=["__name__"])


def remembered_docks() -> list:
    value = QgsSettings().value(OPEN_DOCKS_KEY, []) or []
    return [value] if isinstance(value, str) else list(value)


class GeoGovPlugin:
    MENU = "&GeoGov"

    def __init__(self, iface):
        self.iface = iface
        self.actions = []
        self.shortcut_actions = []     # registered with QGIS's shortcut manager
        self.docks = []
        self.connections = []     # (signal, slot) pairs to disconnect in unload()
        self.translator = None
        self.provider = None
        self.options_factory = None
        self.toolbar = None
        self.components = []      # objects with unload(), called in reverse order by unload()
        self.built_docks = {}     # dock module -> its dock, built on first use
        self.started = {}         # STARTED module -> what its start() returned
        self.lazy = {}            # key -> object made on first use by lazy_component()
        self.start_seconds = {}   # "start:<module>" / "dock:<module>" -> seconds it took
        self.start_finished = False
        self._dock_actions = {}   # dock module -> its action
        self._pending = []        # ("start" | "dock", module) still to do after QGIS started
        self._start_timer = None
        self._unloading = False
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
        from .options_factory import GeoGovOptionsFactory

        self.initProcessing()
        self.toolbar = self.iface.addToolBar(tr("GeoGov"))
        self.toolbar.setObjectName("GeoGovToolbar")
        self.add_action("geogov.svg", tr("GeoGov settings…"), self.show_settings, toolbar=False,
                        name="geogov_settings")
        for entry in entries():
            self._add_entry(entry)
        self.add_action("geogov.svg", tr("About GeoGov"), self.show_about, toolbar=False)
        self.options_factory = GeoGovOptionsFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)
        self._schedule_start()

    def _add_entry(self, entry):
        if entry.is_dock:
            callback = functools.partial(self._dock_action, entry.target)
        else:
            callback = functools.partial(self._call, entry.target)
        if entry.separator:
            separator = QAction(self.iface.mainWindow())
            separator.setSeparator(True)
            self.iface.addPluginToMenu(self.MENU, separator)
            self.actions.append(separator)
        action = self.add_action(entry.icon, entry.text, callback, toolbar=entry.toolbar,
                                 checkable=entry.is_dock, name=entry.name)
        action.setEnabled(entry.enabled)
        if entry.tooltip:
            action.setToolTip(entry.tooltip)
            action.setStatusTip(entry.tooltip)
        if entry.shortcut:
            # Through QGIS's shortcut manager: listed (and changeable) in Settings ▸
            # Keyboard Shortcuts; unload() unregisters it.
            QgsGui.shortcutsManager().registerAction(action, entry.shortcut)
            self.shortcut_actions.append(action)
        if entry.is_dock:
            self._dock_actions[entry.target] = action

    # Right-hand panels GeoGov's docks join as tabs rather than squeeze (as the Processing
    # toolbox and MetaSearch do): GeoGov's own first, so that they stay together.
    TAB_WITH = ("ProcessingToolbox", "LayerStyling", "MetaSearch", "Browser2")

    def add_dock(self, dock, area=Qt.DockWidgetArea.RightDockWidgetArea, visible=False):
        """Add ``dock`` to QGIS's main window, as a tab beside the panels already there in
        that area (each one squeezed to a few pixels otherwise); unload() removes it."""
        tabify = getattr(self.iface, "addTabifiedDockWidget", None)
        mine = [d.objectName() for d in self.docks if d.objectName() and not d.isHidden()]
        if tabify is not None and area == Qt.DockWidgetArea.RightDockWidgetArea:
            tabify(area, dock, [*mine, *self.TAB_WITH], visible)
        else:
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

    def action_named(self, name):
        return next((a for a in self.actions if a.objectName() == name), None)

    def connect(self, signal, slot):
        signal.connect(slot)
        self.connections.append((signal, slot))

    def lazy_component(self, key, factory):
        """The object ``factory()`` made the first time ``key`` was asked for; its
        ``unload()`` runs with the plugin's."""
        if key not in self.lazy:
            self.lazy[key] = factory()
            self.components.append(self.lazy[key])
        return self.lazy[key]

    # -- actions -----------------------------------------------------------------------------
    def _call(self, target, *_):
        module, function = target.split(".")
        getattr(ui_module(module), function)(self)

    def _dock_action(self, module, checked=False):
        if checked:
            self.show_dock(module)
        elif module in self.built_docks:
            self.built_docks[module].setVisible(False)

    def dock_of(self, module):
        """The dock of ``module`` if it was built, else None (nothing is built here)."""
        return self.built_docks.get(module)

    def show_dock(self, module):
        """Show (building it first if need be) and raise the dock of ``module``."""
        dock = self.built_docks.get(module) or self._build_dock(module, shown=True)
        dock.setVisible(True)
        dock.raise_()
        self._dock_shown(module, dock)
        return dock

    def _dock_shown(self, module, dock):
        shown = getattr(ui_module(module), "dock_shown", None)
        if shown is not None:
            shown(self, dock)

    def _build_dock(self, module, restore=False, shown=False):
        dock = ui_module(module).build_dock(self)
        self.built_docks[module] = dock
        if hasattr(dock, "unload"):
            self.components.append(dock)
        action = self._dock_actions.get(module)
        if action is not None:
            self.connect(dock.visibilityChanged, action.setChecked)
        if restore and self.iface.mainWindow().restoreDockWidget(dock):
            # Put back where QGIS's saved window state had it (Qt kept a placeholder
            # under its object name), shown or not as it was. QGIS lists a dock under
            # View ▸ Panels only in iface.addDockWidget; iface.removeDockWidget takes it
            # off again.
            self.docks.append(dock)
            panels = self.iface.mainWindow().findChild(QMenu, "mPanelMenu")
            if panels is not None:
                panels.addAction(dock.toggleViewAction())
        else:
            # No saved place (enabled mid-session, reloaded): a remembered dock opens in
            # the default area, any other only when its action shows it.
            self.add_dock(dock, visible=restore or shown)
        # The toggle-view action follows explicit show/hide only, not the main window
        # closing: what it says when QGIS quits is what the user left open. (A restored
        # dock that QGIS's saved state has closed is forgotten here.)
        self.connect(dock.toggleViewAction().toggled,
                     functools.partial(self._remember_open, module))
        self._remember_open(module, not dock.isHidden())
        return dock

    def _remember_open(self, module, is_open):
        if self._unloading:
            return      # closing the docks in unload() is not the user closing them
        names = [name for name in remembered_docks() if name != module]
        if is_open:
            names.append(module)
        QgsSettings().setValue(OPEN_DOCKS_KEY, names)

    def show_settings(self, *_):
        self.iface.showOptionsDialog(self.iface.mainWindow(), currentPage="GeoGovOptionsPage")

    def show_about(self):
        from qgis.PyQt.QtWidgets import QMessageBox

        QMessageBox.about(
            self.iface.mainWindow(), tr("About GeoGov"),
            tr("GeoGov brings the regional geodata partnership convention into QGIS: "
                "discover the partners' catalogues, see who is responsible for each layer, "
                "and propose and review changes to shared data."))

    # -- after QGIS has started ------------------------------------------------------------
    def _schedule_start(self):
        self._pending = [("start", name) for name in STARTED]
        self._pending += [("dock", name) for name in remembered_docks()
                          if name in self._dock_actions]
        self._start_timer = QTimer()
        self._start_timer.setSingleShot(True)
        self._start_timer.setInterval(0)
        self._start_timer.timeout.connect(self._start_next)
        signal = getattr(self.iface, "initializationCompleted", None)
        if isinstance(signal, pyqtBoundSignal) and not self.iface.mainWindow().isVisible():
            # QGIS is starting (it loads plugins before it shows its window): wait for it.
            self.connect(signal, self._start_timer.start)
        else:
            # Enabled later (Plugin Manager, Plugin Reloader) or without QGIS's main window.
            self._start_timer.start()

    def _start_next(self):
        if not self._pending:
            return
        kind, name = self._pending.pop(0)
        began = time.perf_counter()
        try:
            if kind == "start":
                self._start(name)
            elif name not in self.built_docks:
                dock = self._build_dock(name, restore=True)
                if dock.isVisible():
                    self._dock_shown(name, dock)
        finally:
            # An exception goes to QGIS (its Python error report); the rest still starts.
            self.start_seconds[f"{kind}:{name}"] = time.perf_counter() - began
            if self._pending:
                self._start_timer.start()
            else:
                self.start_finished = True

    def _start(self, name):
        component = ui_module(name).start(self)
        self.started[name] = component
        if component is not None:
            self.components.append(component)

    def finish_start(self):
        """Do now what is left of the start (tests; QGIS does it from its event loop)."""
        if self._start_timer is not None:
            self._start_timer.stop()
        while self._pending:
            self._start_next()

    # -- unload -----------------------------------------------------------------------------
    def unload(self):
        from ..plugin.bridge.network import uninstall_redirect_rules
        from ..plugin.bridge.tasks import cancel_all

        self._unloading = True
        uninstall_redirect_rules()
        if self._start_timer is not None:
            self._start_timer.stop()
            self._start_timer.deleteLater()
            self._start_timer = None
        self._pending = []
        cancel_all()
        for component in reversed(self.components):
            component.unload()
        self.components.clear()
        self.started.clear()
        self.lazy.clear()
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
        self.built_docks.clear()
        self._dock_actions.clear()
        for action in self.shortcut_actions:
            QgsGui.shortcutsManager().unregisterAction(action)
        self.shortcut_actions.clear()
        for action in self.actions:
            self.iface.removePluginMenu(self.MENU, action)
            self.iface.removeToolBarIcon(action)
            action.deleteLater()
        self.actions.clear()
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
