"""The one GovernanceState of the plugin, shared by the governance panels.

The first governance component that asks for it creates it (whatever the order of
ui/plugin.py's COMPONENTS), connects it to the settings signal and registers its
clean-up as a component of its own, so unload() closes it after the panels that use it.
"""

from __future__ import annotations

import functools
import traceback

from qgis.core import Qgis, QgsMessageLog

from ..plugin.bridge.governance import GovernanceState
from ..plugin.bridge.messages import error_text
from .settings_signal import settings_changed

ATTRIBUTE = "geogov_governance"


class _StateComponent:
    def __init__(self, plugin, state):
        self.plugin = plugin
        self.state = state

    def unload(self):
        self.state.close()
        self.state.deleteLater()
        if getattr(self.plugin, ATTRIBUTE, None) is self.state:
            delattr(self.plugin, ATTRIBUTE)


def state_of(plugin) -> GovernanceState:
    state = getattr(plugin, ATTRIBUTE, None)
    if state is None:
        state = GovernanceState(parent=plugin.iface.mainWindow())
        setattr(plugin, ATTRIBUTE, state)
        plugin.connect(settings_changed, state.settings_changed)
        plugin.components.append(_StateComponent(plugin, state))
        state.reload()
    return state


def store_changed(state) -> None:
    """The proposal store changed (a submission, a decision, an apply): the governance
    panels read its facts again, so "Who is responsible" shows the last applied change and
    the proposals awaiting review, and the layer indicators follow. A panel's ``state`` may
    be a stand-in without a store (tests): nothing to refresh then."""
    refresh = getattr(state, "refresh_store", None)
    if refresh is not None:
        refresh()


def show_error(iface, error, title: str = "GeoGov"):
    """Put ``error`` (a GeoGovError or any exception) in QGIS's message bar."""
    try:
        iface.messageBar().pushMessage(title, error_text(error), Qgis.MessageLevel.Critical, 10)
    except RuntimeError:
        pass  # the message bar is gone (QGIS closing)


def robust_slot(iface_of):
    """Decorate a slot so that an exception ends in the message bar, not in Qt.

    ``iface_of(self)`` returns the QGIS interface of the object the slot belongs to.
    An exception escaping a Qt slot aborts the application in PyQt 5.5+ (and a pytest run).
    """
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except Exception as error:  # noqa: BLE001 - shown to the user, logged by QGIS
                QgsMessageLog.logMessage(traceback.format_exc(), "GeoGov", Qgis.MessageLevel.Critical)
                show_error(iface_of(self), error)
                return None
        return wrapper
    return decorate
