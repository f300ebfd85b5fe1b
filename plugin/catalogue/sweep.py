"""A catalogue swept again: only the records changed since the last sweep are read.

A governance sweep reads every record of a catalogue (10 000 for a region: most of the
time of a report). :func:`sweep_catalogue` keeps the records of each sweep in a cache file
(the bridge decides where: beside QGIS's user profile) and, the next time, reads only

1. the records **changed since** the last sweep: a GetRecords filtered with
   ``PropertyIsGreaterThanOrEqualTo`` on ``apiso:Modified`` (the record's ISO dateStamp;
   ``dct:modified`` on a catalogue without ISO queryables), against the day of the last
   sweep minus one (:data:`SINCE_MARGIN`: dateStamps written as dates only, and in the
   producers' time zones, still compare on the safe side). pycsw 2.6.2 compares the text:
   ``2026-12-06`` finds ``2026-12-06``, ``2026-12-06T09:00:00`` and every later stamp;
2. the **identifiers of every record** (Dublin Core records holding ``dc:identifier``
   alone, 1 000 per request: ~2 s for 10 000 on pycsw), compared with the cache's: a record
   deleted from the catalogue leaves the sweep at once, never lives on in the cache; a
   record present but neither cached nor changed (copied in with an old dateStamp) is read
   by GetRecordById — or, when more than :data:`MAX_UNSEEN` are, the sweep is a full one.

The records come out in the catalogue's order (the identifiers'), as a full harvest gives
them, so the report is the same as a full sweep's. What the filter cannot see — a record
edited without its dateStamp being changed — is caught by the **full sweep made every
:data:`FULL_EVERY`** (7 days), and whenever the cache cannot be used: none yet, unreadable,
written by another GeoGov (another shape of Record, :data:`.record_codec.SHAPE`) or for
another catalogue, a last sweep dated in the future (this machine's clock moved back),
identifiers that are not unique, a catalogue refusing the filter. OGC API Records has no
standard way to ask for records changed since a date (``datetime`` is the resource's
time, not the record's): its sweeps are full ones.

:class:`SweepInfo` says which kind of sweep was made and why, for the report.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..errors import DocumentError, GeoGovError, ServiceException
from . import record_codec as codec
from .model import SearchQuery

FORMAT = "geogov.catalogue-sweep/1"
FULL_EVERY = dt.timedelta(days=7)
SINCE_MARGIN = dt.timedelta(days=1)
# Records found in the catalogue that neither the cache nor the "changed since" answer
# holds, read one by one up to this many; more make the sweep a full one.
MAX_UNSEEN = 200
IDENTIFIERS_PAGE = 1000

FULL, INCREMENTAL = "full", "incremental"
# Why a sweep was a full one (SweepInfo.reason).
NO_CACHE = "no_cache"          # no earlier sweep of this catalogue could be read
REQUESTED = "requested"        # asked for (or no cache to keep)
PERIODIC = "periodic"          # the last full sweep is FULL_EVERY old
UNSUPPORTED = "unsupported"    # the catalogue cannot be asked for changed records
CLOCK = "clock"                # the last sweep is dated after now
UNSEEN = "unseen"              # too many records the filter did not return and the cache lacks
AMBIGUOUS = "ambiguous"        # identifiers missing or repeated: records cannot be told apart


@dataclass
class SweepInfo:
    """What a sweep did, for the report ("incremental since …")."""

    catalogue: str
    mode: str = FULL
    started: Optional[dt.datetime] = None       # UTC
    reason: str = ""                            # full: why (NO_CACHE, PERIODIC…)
    since: Optional[dt.date] = None             # incremental: records stamped on or after it read
    previous: Optional[dt.datetime] = None      # incremental: the sweep the others come from
    last_full: Optional[dt.datetime] = None     # the last full sweep (this one if full)
    records: int = 0                            # records of the catalogue now
    read: int = 0                               # records read in full by this sweep
    added: int = 0                              # incremental: not in the previous sweep
    removed: int = 0                            # incremental: gone since the previous sweep
    full_every_days: int = FULL_EVERY.days
    cache_error: Optional[GeoGovError] = None   # the cache could not be written (or read)

    @property
    def incremental(self) -> bool:
        return self.mode == INCREMENTAL


@dataclass
class Sweep:
    records: list
    info: SweepInfo
    notes: list = field(default_factory=list)   # the harvest pages' notes


# ------------------------------------------------------------------------ the cache file
@dataclass
class CachedSweep:
    header: dict
    parties: list                  # decoded party rows
    party_lines: list              # their lines, as read
    lines: dict                    # identifier -> the record's line, as read
    records: dict                  # identifier -> Record
    order: list                    # identifiers in the catalogue's order then

    @property
    def started(self) -> Optional[dt.datetime]:
        return _moment(self.header.get("started"))

    @property
    def last_full(self) -> Optional[dt.datetime]:
        return _moment(self.header.get("full"))


def _moment(text) -> Optional[dt.datetime]:
    try:
        value = dt.datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _header(catalogue_key: str, started, full) -> dict:
    return {"format": FORMAT, "shape": codec.SHAPE, "catalogue": catalogue_key,
            "started": started.isoformat(), "full": full.isoformat()}


def read_cache(path, catalogue_key: str) -> Optional[CachedSweep]:
    """The cached sweep of ``catalogue_key`` at ``path``; None when there is none usable
    (missing, unreadable, another format or shape, another catalogue)."""
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read()
        lines = data.split(b"\n")
        header = json.loads(lines[0])
        if not isinstance(header, dict) or header.get("format") != FORMAT \
                or header.get("shape") != codec.SHAPE \
                or header.get("catalogue") != catalogue_key:
            return None
        count = int(header["parties"])
        party_lines = lines[1:1 + count]
        parties = [codec.decode_party(line) for line in party_lines]
        records, order, kept = {}, [], {}
        for line in lines[1 + count:]:
            if not line:
                continue
            record = codec.decode_record(line, parties)
            if record.identifier in records:
                return None             # written from a catalogue without unique identifiers
            records[record.identifier] = record
            kept[record.identifier] = line
            order.append(record.identifier)
        if len(order) != int(header["records"]):
            return None                 # cut short
    except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None                     # gzip.BadGzipFile and json errors are among these
    return CachedSweep(header, parties, party_lines, kept, records, order)


def write_cache(path, catalogue_key: str, records, started, full,
                previous: Optional[CachedSweep] = None, unchanged=()) -> None:
    """Write ``records`` (in order) at ``path`` through a temporary file. The records whose
    identifier is in ``unchanged`` keep their line of ``previous`` (not encoded again)."""
    from ..safe_files import replaced

    table = codec.PartyTable(previous.parties if previous is not None else ())
    record_lines = []
    for record in records:
        if previous is not None and record.identifier in unchanged:
            record_lines.append(previous.lines[record.identifier])
        else:
            record_lines.append(codec.encode_record(record, table))
    header = _header(catalogue_key, started, full)
    header.update(parties=len(table.rows), records=len(record_lines))
    party_lines = (previous.party_lines + table.lines()[len(previous.party_lines):]
                   if previous is not None else table.lines())
    body = b"\n".join([codec.dumps(header), *party_lines, *record_lines]) + b"\n"
    os.makedirs(os.path.dirname(os.path.abspath(os.fspath(path))), exist_ok=True)
    with replaced(path) as temporary:
        with open(temporary, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb",
                                                         compresslevel=1, mtime=0) as handle:
            handle.write(body)


# ------------------------------------------------------------------------ the sweep
def sweep_catalogue(catalogue, cache_path=None, *, catalogue_key: str = "",
                    incremental: bool = True, now: Optional[dt.datetime] = None,
                    full_every: dt.timedelta = FULL_EVERY, page_size: int = 100,
                    progress: Optional[Callable[[float], None]] = None,
                    is_cancelled: Optional[Callable[[], bool]] = None,
                    prefetch: bool = True) -> Sweep:
    """Every record of ``catalogue`` (a :class:`~.search.Catalogue`), read incrementally
    when ``incremental`` and a usable sweep is cached at ``cache_path`` (see the module
    doc). The cache is then written for the next sweep; failing to write it is no error
    (``info.cache_error`` says why). ``cache_path`` None: a plain full harvest."""
    now = now or dt.datetime.now(dt.timezone.utc)
    key = catalogue_key or getattr(catalogue.backend, "url", "")
    info = SweepInfo(catalogue=key, started=now)
    cached = read_cache(cache_path, key) if cache_path is not None else None
    reason = _full_reason(catalogue, cached, incremental, now, full_every)
    if reason is None:
        try:
            result = _incremental(catalogue, cached, info, page_size, progress, is_cancelled,
                                  prefetch)
        except ServiceException:
            # A catalogue refusing the filter or the identifiers' request: read it all.
            result, info.reason = None, UNSUPPORTED
        if result is not None:
            _write(cache_path, key, result.sweep, now, cached.last_full, cached,
                   result.unchanged)
            return result.sweep
        reason = info.reason
    info = SweepInfo(catalogue=key, started=now, reason=reason, last_full=now)
    records, notes = [], []
    for page in catalogue.harvest(page_size=page_size, progress=progress,
                                  is_cancelled=is_cancelled, prefetch=prefetch):
        records.extend(page.records)
        notes.extend(n for n in page.notes if n not in notes)
    info.records = info.read = len(records)
    sweep = Sweep(records, info, notes)
    if cache_path is not None:
        _write(cache_path, key, sweep, now, now)
    return sweep


def _full_reason(catalogue, cached, incremental, now, full_every) -> Optional[str]:
    if not incremental:
        return REQUESTED
    if getattr(catalogue, "kind", "") != "csw":
        return UNSUPPORTED
    if cached is None:
        return NO_CACHE
    started, last_full = cached.started, cached.last_full
    if started is None or last_full is None:
        return NO_CACHE
    if started > now + dt.timedelta(minutes=5) or last_full > now + dt.timedelta(minutes=5):
        return CLOCK
    if now - last_full >= full_every:
        return PERIODIC
    return None


@dataclass
class _Incremental:
    sweep: Sweep
    unchanged: set


def _incremental(catalogue, cached, info, page_size, progress, is_cancelled, prefetch):
    """The incremental sweep, or None (``info.reason`` set) when it must be a full one."""
    def part(low, high):
        return None if progress is None else (lambda f: progress(low + (high - low) * f))

    since = cached.started.astimezone(dt.timezone.utc).date() - SINCE_MARGIN
    changed, notes = {}, []
    for page in catalogue.harvest(SearchQuery(modified_since=since), page_size=page_size,
                                  progress=part(0.0, 0.6), is_cancelled=is_cancelled,
                                  prefetch=prefetch):
        for record in page.records:
            changed.setdefault(record.identifier, record)
        notes.extend(n for n in page.notes if n not in notes)
    identifiers = catalogue.identifiers(page_size=IDENTIFIERS_PAGE, is_cancelled=is_cancelled,
                                        prefetch=prefetch)
    if progress is not None:
        progress(0.9)
    if "" in identifiers or len(set(identifiers)) != len(identifiers) or "" in changed:
        info.reason = AMBIGUOUS
        return None
    unseen = [i for i in identifiers if i not in changed and i not in cached.records]
    if len(unseen) > MAX_UNSEEN:
        info.reason = UNSEEN
        return None
    fetched = {}
    for identifier in unseen:
        try:
            record, _exchange = catalogue.get_record(identifier, is_cancelled=is_cancelled)
        except DocumentError:
            # Deleted since the list was read, or unreadable: a full harvest skips it too.
            continue
        fetched[identifier] = record
    records, unchanged = [], set()
    for identifier in identifiers:
        record = changed.get(identifier) or fetched.get(identifier)
        if record is None:
            record = cached.records.get(identifier)
            if record is None:
                continue
            unchanged.add(identifier)
        records.append(record)
    present = set(identifiers)
    info.mode, info.reason = INCREMENTAL, ""
    info.since, info.previous, info.last_full = since, cached.started, cached.last_full
    info.records = len(records)
    info.read = len(records) - len(unchanged)
    info.added = sum(1 for i in identifiers if i not in cached.records)
    info.removed = sum(1 for i in cached.order if i not in present)
    if progress is not None:
        progress(1.0)
    return _Incremental(Sweep(records, info, notes), unchanged)


def _write(path, key, sweep, started, full, previous=None, unchanged=()):
    try:
        write_cache(path, key, sweep.records, started, full, previous, unchanged)
    except GeoGovError as error:        # FileWriteError: the report goes on without a cache
        sweep.info.cache_error = error
    except OSError as error:
        from ..safe_files import file_error

        sweep.info.cache_error = file_error(error, path)
