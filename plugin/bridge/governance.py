"""The partnership convention inside QGIS: loaded in a task, cached, reloaded when it changes.

:class:`GovernanceState` is the one cache the panels share (the responsibility dock, the
layer-tree indicators, the convention browser, the report dialog). It holds

- the convention of the settings (``convention_source``: a path or an http(s) URL read
  through QGIS's network stack), or the error that stopped it loading (a
  ConventionError lists every problem with line, column and path);
- the proposal store's facts (:class:`~.store_factory.StoreFacts`: last applied change
  and pending proposals per dataset);
- the catalogue record of each dataset, fetched on demand (the layer's own record
  custom properties first, else the configured catalogues), for freshness and
  discrepancies.

Everything slow runs in a QgsTask (tasks.run_task); results are applied on the main
thread and announced by :attr:`GovernanceState.changed`. A reload started while another
is running wins: results of an older generation are dropped. The convention file is
watched (QFileSystemWatcher), and editors that replace the file on save are handled by
watching the path again.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import urlsplit

from qgis.PyQt.QtCore import QFileSystemWatcher, QObject, QTimer, pyqtSignal

from ..errors import GeoGovError
from ..governance.convention_loader import load_convention, load_convention_bytes
from ..governance.resolution import (
    LayerDescription,
    Responsibility,
    find_dataset,
    responsibility_for,
)
from . import settings as gsettings
from . import store_factory
from .i18n import tr
from .layer_description import (
    LOCAL_PROVIDERS,
    communes_of_source,
    describe_layer,
    feature_source,
    has_territorial_stewards,
    is_shared_layer,
    layer_communes,
    places_key,
)
from .store_factory import StoreFacts, store_facts_from_settings
from .tasks import run_task


# ---------------------------------------------------------------------------- worker functions
def is_url(text: str) -> bool:
    return (text or "").strip().lower().startswith(("http://", "https://"))


def transport_for(authcfg: str = "", feedback=None):
    """QGIS's network stack (proxy, SSL, authcfg) as the core's Transport."""
    from .network import QgisTransport

    return QgisTransport(authcfg, feedback)


def load_convention_source(source: str, authcfg: str = "", timeout: float = 30.0):
    """The convention at a path or URL (any thread; blocks on the network for a URL)."""
    source = (source or "").strip()
    if not source:
        raise GeoGovError("No partnership convention is configured",
                          code="governance.no_convention")
    if is_url(source):
        from .network import read_location

        data = read_location(source, authcfg, timeout=timeout)
        return load_convention_bytes(data, source=source, base=source)
    if source.lower().startswith("file:"):
        from .network import local_path

        source = local_path(source)
    return load_convention(source)


def catalogue_connection(url: str, connections=(), transport=None, timeout: float = 30.0,
                         is_cancelled=None):
    """The configured connection for ``url``, else what answers there (detected)."""
    from ..catalogue.connections import detect_catalogue
    from ..governance.resolution import normalise_url

    wanted = normalise_url(url)
    for connection in connections:
        if normalise_url(connection.url) == wanted:
            return connection
    detected = detect_catalogue(url, transport=transport, timeout=timeout,
                                is_cancelled=is_cancelled)
    return detected.connection()


def harvest_records(url: str, connections=(), progress=None, is_cancelled=None, notes=None,
                    timeout: float = 30.0, feedback=None) -> list:
    """Every record of the catalogue at ``url`` (CSW or OGC API Records).

    ``feedback`` (a QgsFeedback): cancelling it also aborts the request in flight, where
    ``is_cancelled`` is only checked between requests."""
    from ..catalogue.search import open_catalogue

    transport = transport_for(feedback=feedback)
    connection = catalogue_connection(url, connections, transport, timeout, is_cancelled)
    if getattr(connection, "authcfg", ""):
        transport = transport_for(connection.authcfg, feedback)
    catalogue = open_catalogue(connection, transport=transport, timeout=timeout)
    records = []
    # Prefetch: the next pages are asked from a helper thread while this one parses. Each
    # QgisTransport request runs in a thread of its own whatever thread asks it.
    for page in catalogue.harvest(page_size=100, progress=progress, is_cancelled=is_cancelled,
                                  prefetch=True):
        records.extend(page.records)
        if notes is not None:
            notes.extend(n for n in page.notes if n not in notes)
    return records


SWEEPS_FOLDER = ("geogov", "catalogue-sweeps")


def sweep_key(connection) -> str:
    """What a sweep's cache belongs to: the catalogue (kind, version, URL) and the
    credentials it is read with (a login may see records others do not)."""
    from ..governance.resolution import normalise_url

    return " ".join((connection.kind, connection.version or "-", normalise_url(connection.url),
                     getattr(connection, "authcfg", "") or "-"))


def sweep_cache_path(connection) -> Path:
    """Where the records of the last sweep of a catalogue are kept: in the QGIS user
    profile (geogov/catalogue-sweeps/, one small gzip file per catalogue, named after its
    server; deleting it only makes the next sweep a full one). A coordinator's profile
    is where QGIS keeps what it learnt of servers (its network cache, GeoGov's settings):
    not beside the reports, which are shared."""
    from qgis.core import QgsApplication

    key = sweep_key(connection)
    host = re.sub(r"[^A-Za-z0-9.-]+", "-", urlsplit(connection.url).netloc).strip("-")[:40]
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return Path(QgsApplication.qgisSettingsDirPath(), *SWEEPS_FOLDER,
                f"{host or 'catalogue'}-{digest}.jsonl.gz")


def sweep_records(url: str, connections=(), progress=None, is_cancelled=None, notes=None,
                  timeout: float = 30.0, feedback=None, incremental: bool = True):
    """Every record of the catalogue at ``url``, as a catalogue/sweep.py ``Sweep``: read
    incrementally (only the records changed since the last sweep, the others from the
    cache of :func:`sweep_cache_path`) when ``incremental`` and the last sweep allows it;
    ``sweep.info`` says how. ``feedback``: as for :func:`harvest_records`."""
    from ..catalogue.search import open_catalogue
    from ..catalogue.sweep import sweep_catalogue

    transport = transport_for(feedback=feedback)
    connection = catalogue_connection(url, connections, transport, timeout, is_cancelled)
    if getattr(connection, "authcfg", ""):
        transport = transport_for(connection.authcfg, feedback)
    catalogue = open_catalogue(connection, transport=transport, timeout=timeout)
    sweep = sweep_catalogue(catalogue, sweep_cache_path(connection),
                            catalogue_key=sweep_key(connection), incremental=incremental,
                            progress=progress, is_cancelled=is_cancelled)
    if notes is not None:
        notes.extend(n for n in sweep.notes if n not in notes)
    return sweep


def fetch_record(record_id: str, record_url: str = "", connections=(), is_cancelled=None):
    """The record ``record_id`` from the layer's catalogue, else from the first configured
    catalogue that has it; None when none has it. Network errors of the layer's own
    catalogue are raised; a configured catalogue that fails is skipped for the next."""
    from ..catalogue.search import open_catalogue

    if not record_id:
        return None
    if record_url:
        connection = catalogue_connection(record_url, connections, transport_for(),
                                          is_cancelled=is_cancelled)
        candidates = [connection]
    else:
        candidates = list(connections)
    last_error = None
    for connection in candidates:
        catalogue = open_catalogue(connection, transport=transport_for(connection.authcfg))
        try:
            record, _exchange = catalogue.get_record(record_id, is_cancelled=is_cancelled)
            return record
        except GeoGovError as error:
            if error.code == "cancelled":
                raise
            last_error = error
    if record_url and last_error is not None and last_error.code != "catalogue.record_not_found":
        raise last_error
    return None


def gather_report(convention, today, catalogue_url: str = "", connections=(), settings=None,
                  progress=None, is_cancelled=None, feedback=None, incremental: bool = True):
    """The GovernanceReport (any thread): the catalogue swept when a URL is given
    (incrementally when ``incremental`` and possible, see :func:`sweep_records`), the
    proposal store of ``settings`` read when it names one. ``feedback``: as for
    :func:`harvest_records`."""
    from ..governance.report import build_report
    from .store_factory import StoreFacts

    records = sweep = None
    if catalogue_url:
        swept = sweep_records(catalogue_url, connections, progress=progress,
                              is_cancelled=is_cancelled, feedback=feedback,
                              incremental=incremental)
        records, sweep = swept.records, swept.info
    facts = store_facts_from_settings(settings, convention, is_cancelled) \
        if settings is not None else StoreFacts()
    return build_report(convention, today, records=records,
                        applied=facts.applied if facts.available else None,
                        proposal_counts=facts.counts if facts.available else None,
                        history=facts.history if facts.available else None, sweep=sweep)


# ---------------------------------------------------------------------------- the cache
@dataclass
class LayerGovernance:
    """What the panels show for one layer."""

    description: LayerDescription
    responsibility: Optional[Responsibility] = None   # None: no dataset matches
    shared: bool = False            # from a partner service / shared database / catalogue
    pending: int = 0                # proposals awaiting a decision
    record: object = None           # the catalogue Record used, when known
    record_loading: bool = False
    record_error: Optional[GeoGovError] = None
    places_loading: bool = False    # where the layer's features lie is being read in a task
    convention_loaded: bool = True
    store_available: bool = False
    dataset: object = None          # the convention Dataset
    notes: list = field(default_factory=list)

    @property
    def governed(self) -> bool:
        return self.responsibility is not None


def _settings_key(settings, *names) -> tuple:
    return tuple(repr(getattr(settings, n)) for n in names)


CONVENTION_SETTINGS = ("convention_source", "timeout")
STORE_SETTINGS = ("store_kind", "store_path", "store_dsn", "store_authcfg", "identity_login",
                  "identity_partner")
CATALOGUE_SETTINGS = ("catalogues",)


class GovernanceState(QObject):
    """The shared cache (see the module doc). Call :meth:`close` when the plugin unloads."""

    changed = pyqtSignal()

    def __init__(self, load_settings: Callable = gsettings.load,
                 today: Callable = dt.date.today, parent=None):
        super().__init__(parent)
        self._load_settings = lambda: copy.deepcopy(load_settings())
        self.today = today
        self.settings = self._load_settings()
        self.convention = None
        self.error: Optional[GeoGovError] = None
        self.source = ""
        self.loading = False
        self.facts = StoreFacts()
        self.store_error: Optional[GeoGovError] = None
        self.records = {}          # dataset id -> Record, or None when looked for and absent
        self.record_errors = {}    # dataset id -> GeoGovError
        self._fetching = set()
        self.places = {}           # places_key(layer) -> communes its features touch (or None)
        self._placing = set()
        self._tasks = set()
        self._generation = 0
        self._closed = False
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(400)
        self._debounce.timeout.connect(self.reload)

    # ------------------------------------------------------------------ lifecycle
    def close(self):
        self._closed = True
        if self.convention is not None and store_factory.current_convention() is self.convention:
            store_factory.set_convention(None)
        self._debounce.stop()
        self._watcher.fileChanged.disconnect(self._file_changed)
        self._debounce.timeout.disconnect(self.reload)
        for task in list(self._tasks):
            try:
                task.cancel()
            except RuntimeError:
                pass  # already finished and deleted by the task manager

    def _run(self, description, function, *args, on_done, on_error, **kwargs):
        holder = {}

        def done(result):
            self._tasks.discard(holder.get("task"))
            if not self._closed:
                on_done(result)

        def failed(error):
            self._tasks.discard(holder.get("task"))
            if not self._closed:
                on_error(error)

        task = run_task(description, function, *args, on_done=done, on_error=failed, **kwargs)
        holder["task"] = task
        self._tasks.add(task)
        return task

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    # ------------------------------------------------------------------ convention
    def reload(self):
        """Load the convention of the settings again (in a task), then the store's facts."""
        if self._closed:
            return
        self.settings = self._load_settings()
        self._generation += 1
        generation = self._generation
        self.source = (self.settings.convention_source or "").strip()
        self.records.clear()
        self.places.clear()
        self._placing.clear()
        self.record_errors.clear()
        self._watch(self.source)
        if not self.source:
            self.convention, self.error, self.loading = None, None, False
            self.facts = StoreFacts()
            self.changed.emit()
            return
        self.loading = True
        self.changed.emit()
        self._run(tr("GeoGov: loading the partnership convention"), load_convention_source,
                  self.source, "", float(self.settings.timeout),
                  on_done=lambda convention: self._loaded(generation, convention),
                  on_error=lambda error: self._failed(generation, error))

    def _loaded(self, generation, convention):
        if generation != self._generation:
            return
        self.convention, self.error, self.loading = convention, None, False
        store_factory.set_convention(convention)
        self.changed.emit()
        self.refresh_store()

    def _failed(self, generation, error):
        if generation != self._generation:
            return
        # A broken convention never half-loads: nothing governs until it is fixed.
        self.convention, self.error, self.loading = None, error, False
        self.changed.emit()

    def _watch(self, source):
        files = self._watcher.files()
        if files:
            self._watcher.removePaths(files)
        if source and not is_url(source) and os.path.exists(source):
            self._watcher.addPath(source)

    def _file_changed(self, path):
        # Editors often write a new file and rename it over the old one: watch again.
        if os.path.exists(path) and path not in self._watcher.files():
            self._watcher.addPath(path)
        self._debounce.start()

    def settings_changed(self):
        """Slot for ui.settings_signal: reload only what the new settings change."""
        if self._closed:
            return
        new = self._load_settings()
        old = self.settings
        if _settings_key(new, *CONVENTION_SETTINGS) != _settings_key(old, *CONVENTION_SETTINGS):
            self.reload()
            return
        self.settings = new
        if _settings_key(new, *STORE_SETTINGS) != _settings_key(old, *STORE_SETTINGS):
            self.refresh_store()
        if _settings_key(new, *CATALOGUE_SETTINGS) != _settings_key(old, *CATALOGUE_SETTINGS):
            self.records.clear()
            self.record_errors.clear()
            self.changed.emit()

    # ------------------------------------------------------------------ store
    def refresh_store(self):
        if self._closed:
            return
        generation = self._generation
        settings = self.settings
        self._run(tr("GeoGov: reading the proposal store"), store_facts_from_settings,
                  settings, self.convention,
                  on_done=lambda facts: self._store_read(generation, facts, None),
                  on_error=lambda error: self._store_read(generation, StoreFacts(), error))

    def _store_read(self, generation, facts, error):
        if generation != self._generation:
            return
        self.facts, self.store_error = facts, error
        self.changed.emit()

    # ------------------------------------------------------------------ places
    def _layer_places(self, layer) -> tuple:
        """(communes the layer touches, still being read). Small local layers are read here;
        a service layer's features are read in a task (its extent answers meanwhile)."""
        reference = self.convention.reference
        key = places_key(layer)
        if key in self.places and self.places[key] is not None:
            return self.places[key], False
        quick = layer_communes(layer, reference)
        if layer.providerType() in LOCAL_PROVIDERS or key in self.places or self._closed:
            return quick, False
        if key not in self._placing:
            self._placing.add(key)
            generation = self._generation
            source, crs = feature_source(layer)
            self._run(tr("GeoGov: where the features of {layer} lie").format(layer=layer.name()),
                      communes_of_source, source, crs, reference,
                      on_done=lambda communes: self._placed(generation, key, communes),
                      on_error=lambda _error: self._placed(generation, key, None))
        return quick, True

    def _placed(self, generation, key, communes):
        self._placing.discard(key)
        if generation != self._generation:
            return
        self.places[key] = communes
        self.changed.emit()

    # ------------------------------------------------------------------ records
    def request_record(self, dataset, description: Optional[LayerDescription] = None):
        """Fetch the dataset's catalogue record in a task (once), unless already known."""
        if self._closed or dataset.id in self.records or dataset.id in self._fetching:
            return
        record_id = (description.record_id if description is not None else "") or \
            (dataset.match.record_ids[0] if dataset.match.record_ids else "")
        record_url = description.record_url if description is not None else ""
        connections = list(self.settings.catalogues)
        if not record_id or not (record_url or connections):
            self.records[dataset.id] = None
            return
        self._fetching.add(dataset.id)
        generation = self._generation
        self._run(tr("GeoGov: reading the catalogue record of {title}").format(title=dataset.title),
                  fetch_record, record_id, record_url, connections,
                  on_done=lambda record: self._record_read(generation, dataset.id, record, None),
                  on_error=lambda error: self._record_read(generation, dataset.id, None, error))

    def _record_read(self, generation, dataset_id, record, error):
        self._fetching.discard(dataset_id)
        if generation != self._generation:
            return
        self.records[dataset_id] = record
        if error is not None:
            self.record_errors[dataset_id] = error
        self.changed.emit()

    # ------------------------------------------------------------------ layers
    def for_layer(self, layer, fetch: bool = True) -> LayerGovernance:
        """Who is responsible for ``layer`` now (main thread; may start a record fetch)."""
        description = describe_layer(layer)
        shared = is_shared_layer(layer, description)
        if self.convention is None:
            return LayerGovernance(description, shared=shared, convention_loaded=False)
        found = find_dataset(self.convention, layer=description)
        if found is None:
            return LayerGovernance(description, shared=shared,
                                   store_available=self.facts.available)
        dataset = found.dataset
        placing = False
        if has_territorial_stewards(dataset):
            description.communes, placing = self._layer_places(layer)
        if fetch:
            self.request_record(dataset, description)
        record = self.records.get(dataset.id)
        result = responsibility_for(
            self.convention, dataset, today=self.today(), record=record,
            communes=description.communes,
            applied_at=self.facts.applied.get(dataset.id), matched_by=found.matched_by,
            history=self.facts.history.get(dataset.id))
        return LayerGovernance(
            description, result, shared=True, pending=self.facts.pending.get(dataset.id, 0),
            record=record, record_loading=dataset.id in self._fetching, places_loading=placing,
            record_error=self.record_errors.get(dataset.id),
            store_available=self.facts.available, dataset=dataset)
