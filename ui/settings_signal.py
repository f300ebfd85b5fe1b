"""One application-wide signal: GeoGov's settings were saved (docks reload what they show)."""

from qgis.PyQt.QtCore import QObject, pyqtSignal


class _SettingsNotifier(QObject):
    changed = pyqtSignal()


_notifier = _SettingsNotifier()
settings_changed = _notifier.changed
