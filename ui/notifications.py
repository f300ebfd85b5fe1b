"""Message-bar notices about proposals, and the review queue kept fresh.

plugin/bridge/notifications.py hears the store (LISTEN/NOTIFY on PostgreSQL in a
background thread, a poll task every ``poll_seconds`` on GeoPackage) and hands over
Notice objects on the main thread; here they become sentences in QGIS's message bar —
"Your proposal “…” is now: Approved", "A new proposal awaits your review: “…”" — and
the review dock refreshes its queue when it is open. Started once QGIS has started
(ui/plugin.py STARTED), restarted when the settings change, stopped in unload.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtCore import QObject

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.messages import error_text
from ..plugin.bridge.notifications import MINE_STATUS, NotificationWatcher
from .proposal_view import dataset_title
from .propose_changes import proposal_status_label

GROUPED_ABOVE = 3          # more notices at once than this: one message that counts them


def notice_text(notice, convention=None) -> str:
    title = notice.title or notice.proposal_id
    if notice.kind == MINE_STATUS:
        return tr("Your proposal “{title}” is now: {status}.").format(
            title=title, status=proposal_status_label(notice.status))
    return tr("A new proposal awaits your review: “{title}” ({dataset}).").format(
        title=title, dataset=dataset_title(convention, notice.dataset))


def waiting_text(waiting) -> str:
    """One sentence for what waits ("" when nothing does)."""
    parts = []
    if waiting.to_review:
        parts.append(tr("{n} proposal(s) await your review").format(n=waiting.to_review))
    if waiting.to_apply:
        parts.append(tr("{n} approved proposal(s) are ready to apply").format(n=waiting.to_apply))
    if waiting.changes_requested:
        parts.append(tr("{n} of your proposals need changes").format(n=waiting.changes_requested))
    if not parts:
        return ""
    return tr("Waiting for you: {list}.").format(list="; ".join(parts))


def review_badge(waiting) -> str:
    """The count shown on the review action and in the review panel's title ("" for none)."""
    count = waiting.to_review + waiting.to_apply if waiting is not None else 0
    return f" ({count})" if count else ""


class ReviewNotifications(QObject):
    def __init__(self, iface, load_settings, convention_of=None, on_notice=None, on_count=None,
                 parent=None):
        super().__init__(parent)
        self.iface = iface
        self.convention_of = convention_of or (lambda: None)
        self.on_notice = on_notice
        self.on_count = on_count   # called with the Waiting counts (the review action's badge)
        self.watcher = NotificationWatcher(load_settings, self)
        self.watcher.noticed.connect(self._noticed)
        self.watcher.counted.connect(self._counted)
        self.watcher.failed.connect(self._failed)
        self.shown = []            # the texts pushed (the latest last)
        self.waiting = None        # the last Waiting counted
        self._failing = False
        self._said_waiting = False

    def start(self):
        """(Re)start: at QGIS's start and after a change of settings (another identity, another
        store), what already waits is said once."""
        self._failing = False
        self._said_waiting = False
        self.watcher.start()

    def _counted(self, waiting):
        try:
            self.waiting = waiting
            if self.on_count is not None:
                self.on_count(waiting)
            if not self._said_waiting:
                self._said_waiting = True
                text = waiting_text(waiting)
                if text:
                    self._push(text)
        except Exception as error:  # noqa: BLE001 - a Qt slot: logged, never raised into Qt
            QgsMessageLog.logMessage(error_text(error), "GeoGov", Qgis.MessageLevel.Critical)

    def stop(self):
        self.watcher.stop()

    def _push(self, text: str, level=Qgis.MessageLevel.Info):
        self.shown.append(text)
        try:
            self.iface.messageBar().pushMessage(tr("GeoGov"), text, level, 10)
        except RuntimeError:
            pass       # the message bar is gone (QGIS closing)

    def _noticed(self, notices):
        try:
            self._failing = False
            convention = self.convention_of()
            if len(notices) > GROUPED_ABOVE:
                mine = sum(1 for n in notices if n.kind == MINE_STATUS)
                self._push(tr("{mine} of your proposals changed status and {new} new proposal(s) await your "
                              "review.").format(mine=mine, new=len(notices) - mine))
            else:
                for notice in notices:
                    self._push(notice_text(notice, convention))
            if self.on_notice is not None:
                self.on_notice(notices)
        except Exception as error:  # noqa: BLE001 - a Qt slot: logged and shown, never raised into Qt
            QgsMessageLog.logMessage(error_text(error), "GeoGov", Qgis.MessageLevel.Critical)

    def _failed(self, error):
        # Said once until it works again (the listener retries on its own).
        QgsMessageLog.logMessage(tr("Proposal notifications: {error}").format(error=error_text(error)),
                                 "GeoGov", Qgis.MessageLevel.Warning)
        if not self._failing:
            self._failing = True
            self._push(tr("Notifications about proposals are interrupted: {error}").format(
                error=error_text(error)), Qgis.MessageLevel.Warning)


class _Component:
    def __init__(self, notifications):
        self.notifications = notifications

    def unload(self):
        self.notifications.stop()
        self.notifications.deleteLater()


def start(plugin):
    from ..plugin.bridge import settings as gsettings
    from .governance_state import state_of
    from .settings_signal import settings_changed

    state = state_of(plugin)

    def refresh_review(*_):
        dock = plugin.dock_of("review_dock")     # None until the user opened it
        if dock is not None:
            dock.refresh_if_visible()

    def show_count(waiting):
        badge = review_badge(waiting)
        action = plugin.action_named("geogov_review")
        if action is not None:
            action.setText(tr("Review proposals") + badge)
            action.setToolTip(tr("Review the proposals of the datasets you steward") +
                              (" — " + waiting_text(waiting) if waiting.total else ""))
        dock = plugin.dock_of("review_dock")
        if dock is not None:
            dock.setWindowTitle(tr("Review proposals") + badge)

    notifications = ReviewNotifications(plugin.iface, gsettings.load, lambda: state.convention,
                                        on_notice=refresh_review, on_count=show_count,
                                        parent=plugin.iface.mainWindow())
    plugin.connect(settings_changed, notifications.start)
    notifications.start()
    return _Component(notifications)
