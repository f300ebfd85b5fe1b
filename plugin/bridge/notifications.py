"""Notices for the review queue: a proposal of mine changed status, a new one awaits me.

Two ways to hear of changes, never on the GUI thread:

- PostgreSQL: a :class:`ListenThread` (a QThread) holds a LISTEN connection
  (plugin/proposals/stores/postgres/notify.py) and waits on it with a timeout; a NOTIFY only
  says "something happened", so the thread then reads ``changes_since`` with its own
  store connection — what this login may see — and turns the events into notices;
- GeoPackage: a QTimer every ``settings.poll_seconds`` starts a short task
  (:func:`poll_once`) that reads ``changes_since`` from the file.

Either way :class:`NotificationWatcher` emits ``noticed(list of Notice)`` on the main
thread. The feed starts at its current end: what happened before QGIS started is the
queue's business, not a notice's — but what already waits is counted (``counted(Waiting)``,
at start, after an identity change, and after each change), so it is said once at start
and shown on the review action.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Optional

from qgis.PyQt.QtCore import QObject, QThread, QTimer, pyqtSignal

from ..errors import GeoGovError, StoreError
from ..proposals.model import SUBMITTED
from ..proposals.stores.base import TO_REVIEW
from ..workflow.reviewing import Waiting, waiting_work
from .tasks import run_task

MINE_STATUS, TO_REVIEW_NOTICE = "mine_status", "to_review"
STATUS_ACTIONS = ("status", "rebased")
RETRY_SECONDS = 15.0
# Listen threads asked to stop that have not finished yet (a connect may take its timeout):
# a QThread object destroyed while running aborts the application.
_STOPPING = set()


@dataclass
class Notice:
    kind: str                  # mine_status / to_review
    proposal_id: str
    title: str
    dataset: str
    status: str
    actor: str = ""


@dataclass
class PollResult:
    cursor: int
    notices: list = field(default_factory=list)
    waiting: Optional[Waiting] = None


def feed_end(store, cursor: int = 0) -> int:
    """The cursor after the last event of the feed."""
    while True:
        _events, new_cursor = store.changes_since(cursor)
        if new_cursor == cursor:
            return cursor
        cursor = new_cursor


def events_after(store, cursor: int) -> tuple:
    events = []
    while True:
        found, new_cursor = store.changes_since(cursor)
        events += found
        if new_cursor == cursor:
            return events, cursor
        cursor = new_cursor


def notices_from(store, login: str, events) -> list:
    """What the events mean for ``login``: each proposal once, its latest status change."""
    latest = {}
    for event in events:
        if event.proposal_id and event.action in STATUS_ACTIONS and event.actor != login:
            latest[event.proposal_id] = event
    out = []
    waiting = None
    for proposal_id, event in latest.items():
        try:
            proposal = store.get_proposal(proposal_id, with_changes=False)
        except StoreError as error:
            if error.code == "store.not_found":
                continue                  # no longer visible to me
            raise
        if proposal.author == login:
            out.append(Notice(MINE_STATUS, proposal.id, proposal.title, proposal.dataset, proposal.status,
                              event.actor))
        elif proposal.status == SUBMITTED:
            if waiting is None:
                waiting = {s.id for s in store.list_proposals(TO_REVIEW, status=SUBMITTED)}
            if proposal.id in waiting:
                out.append(Notice(TO_REVIEW_NOTICE, proposal.id, proposal.title, proposal.dataset,
                                  proposal.status, event.actor))
    return out


def poll_once(settings, cursor: Optional[int]) -> PollResult:
    """For the GeoPackage poll task: the notices since ``cursor`` (None: start at the end)."""
    from .store_factory import open_store

    store = open_store(settings, create=True)
    try:
        if cursor is None:
            # The feed's end, and what already waits (never noticed otherwise: it happened
            # before QGIS started, or under another identity).
            return PollResult(feed_end(store), waiting=waiting_work(store))
        events, cursor = events_after(store, cursor)
        notices = notices_from(store, store.identity().login, events)
        return PollResult(cursor, notices, waiting_work(store) if events else None)
    finally:
        store.close()


class ListenThread(QThread):
    """LISTEN on the PostgreSQL store; ``noticed`` / ``failed`` are delivered queued."""

    noticed = pyqtSignal(list)
    counted = pyqtSignal(object)       # Waiting, at start and after each change
    failed = pyqtSignal(object)

    def __init__(self, settings, wait_seconds: float = 1.0, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.wait_seconds = wait_seconds
        self._stop = threading.Event()

    def stop(self):
        self._stop.set()

    def run(self):
        while not self._stop.is_set():
            try:
                self._listen()
            except GeoGovError as error:
                self.failed.emit(error)
                self._stop.wait(RETRY_SECONDS)      # the database may come back

    def _listen(self):
        from .store_factory import open_store

        # The credentials are read at each connection (the thread reconnects after a failure).
        store = open_store(self.settings, application_name="GeoGov notifications")
        listener = None
        try:
            listener = store.listen()            # LISTEN first: nothing falls between the two
            login = store.identity().login
            cursor = feed_end(store)
            self.counted.emit(waiting_work(store))
            while not self._stop.is_set():
                if not listener.wait(self.wait_seconds):
                    continue
                events, cursor = events_after(store, cursor)
                notices = notices_from(store, login, events)
                if notices:
                    self.noticed.emit(notices)
                if events:
                    self.counted.emit(waiting_work(store))
        finally:
            if listener is not None:
                listener.close()
            store.close()


class NotificationWatcher(QObject):
    """Starts the right listener for the configured store; ``noticed(list)`` on the main thread."""

    noticed = pyqtSignal(list)
    counted = pyqtSignal(object)       # Waiting: at start (what already waits), then on change
    failed = pyqtSignal(object)

    def __init__(self, load_settings, parent=None):
        super().__init__(parent)
        self.load_settings = load_settings
        self.thread: Optional[ListenThread] = None
        self.timer: Optional[QTimer] = None
        self.task = None
        self.cursor: Optional[int] = None
        self.settings = None

    @property
    def running(self) -> bool:
        return self.thread is not None or self.timer is not None

    def start(self):
        """(Re)start from the settings; does nothing when no store is configured."""
        self.stop()
        settings = self.load_settings()
        self.settings = settings
        from .store_factory import store_configured

        if not store_configured(settings):
            return
        if settings.store_kind == "postgres":
            self.thread = ListenThread(settings)
            self.thread.noticed.connect(self.noticed)
            self.thread.counted.connect(self.counted)
            self.thread.failed.connect(self.failed)
            self.thread.start()
            return
        if not settings.identity_login:
            return
        self.cursor = None
        self.timer = QTimer(self)
        self.timer.setInterval(max(5, int(settings.poll_seconds or 60)) * 1000)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.poll()                                # the feed's end, now

    def poll(self):
        if self.task is not None or self.settings is None:
            return
        self.task = run_task("GeoGov: proposal notifications", poll_once, self.settings, self.cursor,
                             on_done=self._polled, on_error=self._poll_failed, can_cancel=True)

    def _polled(self, result: PollResult):
        self.task = None
        self.cursor = result.cursor
        if result.notices:
            self.noticed.emit(result.notices)
        if result.waiting is not None:
            self.counted.emit(result.waiting)

    def _poll_failed(self, error):
        self.task = None
        self.failed.emit(error)

    def stop(self, wait_ms: int = 3000):
        if self.timer is not None:
            self.timer.stop()
            self.timer.deleteLater()
            self.timer = None
        if self.task is not None:
            try:
                self.task.on_done = None
                self.task.on_error = None
                self.task.cancel()
            except RuntimeError:
                pass       # the task object was already deleted by the task manager
            self.task = None
        if self.thread is not None:
            self.thread.stop()
            try:
                self.thread.noticed.disconnect(self.noticed)
                self.thread.counted.disconnect(self.counted)
                self.thread.failed.disconnect(self.failed)
            except (TypeError, RuntimeError):
                pass       # never connected, or already gone
            thread = self.thread
            self.thread = None
            if not thread.wait(wait_ms):
                _STOPPING.add(thread)
                thread.finished.connect(lambda: _STOPPING.discard(thread))
