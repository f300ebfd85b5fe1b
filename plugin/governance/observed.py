"""Observed freshness: how often a dataset really changes, beside how often it was promised.

The convention commits a frequency (``Dataset.frequency``) and the catalogue record says
when the data was last revised; the proposal store knows the days GeoGov applied changes
to it. From those days:

- ``interval_days``: the median number of days between two successive days with an
  applied change (needs at least two such days; the median, so one burst of corrections
  or one long pause does not decide);
- ``frequency``: the ISO MD_MaintenanceFrequencyCode whose period is nearest to that
  interval on a logarithmic scale (a 40-day rhythm is monthly, a 70-day one quarterly);
- ``pace``: ``as_committed`` when that code is the committed one, ``more_often`` /
  ``less_often`` when the observed period is shorter / longer than the committed one
  (``unknown`` without a periodic commitment or without an interval);
- ``record_behind``: the catalogue record's last revision is older than the last applied
  change (the record was not updated after an apply — flagged).
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from dataclasses import dataclass, field
from typing import Optional

from .frequency import SCHEDULE

AS_COMMITTED, MORE_OFTEN, LESS_OFTEN, UNKNOWN = "as_committed", "more_often", "less_often", "unknown"

# Nominal period in days of the periodic codes (months counted as 365.25 / 12 days).
_MONTH = 365.25 / 12
PERIOD_DAYS = {code: rule[0] * _MONTH + rule[1] for code, rule in SCHEDULE.items()
               if rule is not None and code not in ("continual", "semimonthly", "biennially")}


@dataclass
class Observed:
    applied: list = field(default_factory=list)    # distinct days with an applied change, sorted
    last_applied: Optional[dt.date] = None
    interval_days: Optional[float] = None
    frequency: Optional[str] = None
    pace: str = UNKNOWN
    record_behind: bool = False
    record_date: Optional[dt.date] = None

    @property
    def count(self) -> int:
        return len(self.applied)


def _day(value) -> Optional[dt.date]:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def nearest_frequency(days: float) -> Optional[str]:
    if days is None or days <= 0:
        return None
    return min(PERIOD_DAYS, key=lambda code: abs(math.log(days / PERIOD_DAYS[code])))


def observe(applied_days, committed: Optional[str], record_date=None) -> Observed:
    """The observed freshness from the days changes were applied (any iterable of dates or
    datetimes), the committed frequency and the record's last revision (or None)."""
    days = sorted({d for d in (_day(v) for v in applied_days or ()) if d is not None})
    out = Observed(applied=days, last_applied=days[-1] if days else None,
                   record_date=_day(record_date))
    if len(days) >= 2:
        gaps = [(b - a).days for a, b in zip(days, days[1:])]
        out.interval_days = float(statistics.median(gaps))
        out.frequency = nearest_frequency(out.interval_days)
    committed_days = PERIOD_DAYS.get(committed or "")
    if out.frequency and committed_days:
        if out.frequency == committed:
            out.pace = AS_COMMITTED
        else:
            out.pace = MORE_OFTEN if PERIOD_DAYS[out.frequency] < committed_days else LESS_OFTEN
    if out.last_applied is not None and out.record_date is not None:
        out.record_behind = out.record_date < out.last_applied
    return out
