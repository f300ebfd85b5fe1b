"""Committed update frequencies (ISO 19115 MD_MaintenanceFrequencyCode) and due dates.

The table below is the one rule for datasets (last revision -> next due date) and for
contract obligations (last delivery -> next delivery due):

================  ===================  ===========
code              period               grace
================  ===================  ===========
continual         1 day                1 day
daily             1 day                1 day
weekly            7 days               2 days
fortnightly       14 days              3 days
monthly           1 calendar month     7 days
quarterly         3 calendar months    14 days
biannually        6 calendar months    14 days
annually          1 calendar year      14 days
asNeeded          no due date          -
irregular         no due date          -
notPlanned        no due date          -
unknown           no due date          -
================  ===================  ===========

Calendar months are added the way people count them: the same day number, moved back to
the last day of the month when it does not exist (31 January + 1 month = 28 or 29
February; 29 February 2024 + 1 year = 28 February 2025). "Late" means *today* is after
``due + grace``: the grace absorbs the few days between producing data and publishing
its metadata, so a dataset revised on time is not shown late the morning after its due
date. ISO 19115-1:2014 adds ``semimonthly`` (15 days, grace 3 days), ``biennially``
(2 calendar years, grace 14 days) and ``periodic`` (no due date): accepted too, since
catalogues already use them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Optional

UP_TO_DATE, LATE, UNKNOWN = "up_to_date", "late", "unknown"

# code -> (months, days, grace days); None: no schedule.
SCHEDULE = {
    "continual": (0, 1, 1),
    "daily": (0, 1, 1),
    "weekly": (0, 7, 2),
    "fortnightly": (0, 14, 3),
    "semimonthly": (0, 15, 3),
    "monthly": (1, 0, 7),
    "quarterly": (3, 0, 14),
    "biannually": (6, 0, 14),
    "annually": (12, 0, 14),
    "biennially": (24, 0, 14),
    "asNeeded": None,
    "irregular": None,
    "notPlanned": None,
    "unknown": None,
    "periodic": None,
}
FREQUENCIES = tuple(SCHEDULE)
_BY_LOWER = {code.lower(): code for code in FREQUENCIES}


def normalise_frequency(text) -> Optional[str]:
    """The ISO code for ``text`` in any letter case ("AsNeeded" -> "asNeeded"), None if unknown."""
    if not isinstance(text, str):
        return None
    return _BY_LOWER.get(text.strip().lower())


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus calendar months, clamped to the end of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def next_due(last: Optional[dt.date], frequency: Optional[str]) -> Optional[dt.date]:
    """The date the next revision (or delivery) is due, None when there is no schedule."""
    if last is None or not frequency:
        return None
    rule = SCHEDULE.get(frequency)
    if rule is None:
        return None
    months, days, _grace = rule
    return add_months(last, months) + dt.timedelta(days=days)


def grace_days(frequency: Optional[str]) -> int:
    rule = SCHEDULE.get(frequency or "")
    return rule[2] if rule else 0


@dataclass
class Freshness:
    status: str                         # UP_TO_DATE, LATE, UNKNOWN
    last: Optional[dt.date] = None      # last revision / delivery
    due: Optional[dt.date] = None       # next revision / delivery due
    days_late: int = 0                  # days after ``due`` (0 unless LATE)
    months_late: int = 0                # whole calendar months after ``due``


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from ``start`` to ``end`` (0 when end < start + 1 month)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if months > 0 and add_months(start, months) > end:
        months -= 1
    return max(months, 0)


def freshness(last: Optional[dt.date], frequency: Optional[str], today: dt.date) -> Freshness:
    """Whether something revised/delivered on ``last`` with that frequency is late on ``today``."""
    if isinstance(last, dt.datetime):
        last = last.date()
    due = next_due(last, frequency)
    if due is None:
        return Freshness(UNKNOWN, last=last)
    if today > due + dt.timedelta(days=grace_days(frequency)):
        return Freshness(LATE, last=last, due=due, days_late=(today - due).days,
                         months_late=months_between(due, today))
    return Freshness(UP_TO_DATE, last=last, due=due)
