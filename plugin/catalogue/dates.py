"""Dates as metadata writes them: gco:Date, gco:DateTime, partial dates, RFC 3339 strings.

Catalogues mix ``2014-02-13``, ``2014-02-13T00:00:00``, ``2021-02-08T00:00:00Z``, ``2014-02``
(gco:Date allows xs:gYearMonth), ``2014`` (xs:gYear) and the odd ``13/02/2014``; xs:date
also allows a time zone after the date (``2014-09-08Z``, ``2014-09-08+02:00``: scripts that
fix or generate records write them). Freshness is judged on the calendar date, so every
parser turns them into :class:`datetime.date`; a partial date becomes the first day of its
month/year.

The rule (README, "Dates"): **the calendar date as the record writes it**. A time and a
time zone never move it to another day: ``2014-09-08+02:00``, ``2014-09-08Z`` and
``2014-09-08T23:30:00-05:00`` are all 8 September 2014. Converting to UTC would put every
date-time stamped at local midnight east of Greenwich on the day before
(``2014-09-08T00:00:00+02:00`` is 7 September 22:00 UTC), and converting to the reader's
zone would make the same record read differently on two machines; the date a producer
wrote is the one its catalogue shows and the one it means.
"""

from __future__ import annotations

import datetime as dt
import re

# A date (year, year-month or full), then an optional xs:date time zone (Z or ±hh:mm), then
# an optional time part (T… or a space) that is not read.
_ISO = re.compile(
    r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:Z|[+-]\d{2}:\d{2})?(?:[T\s].*)?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T.*)?\s*$")
_DMY = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")


def parse_date(text: str | None) -> dt.date | None:
    """The calendar date of ``text`` as written (time and time zone ignored), or None when
    it holds none (empty, "unknown", "..", an impossible date such as 2014-02-30)."""
    if not text:
        return None
    match = _ISO.match(text) or _COMPACT.match(text)
    if match:
        year, month, day = match.group(1), match.group(2) or "1", match.group(3) or "1"
    else:
        match = _DMY.match(text)
        if not match:
            return None
        day, month, year = match.groups()
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
