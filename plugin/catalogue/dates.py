"""Dates as metadata writes them: gco:Date, gco:DateTime, partial dates, RFC 3339 strings.

Catalogues mix ``2014-02-13``, ``2014-02-13T00:00:00``, ``2021-02-08T00:00:00Z``, ``2014-02``
(gco:Date allows xs:gYearMonth), ``2014`` (xs:gYear) and the odd ``13/02/2014``. Freshness is
judged on the calendar date, so every parser turns them into :class:`datetime.date`; a
partial date becomes the first day of its month/year.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T\s].*)?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T.*)?\s*$")
_DMY = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")


def parse_date(text: str | None) -> dt.date | None:
    """The calendar date of ``text``, or None when it holds none (empty, "unknown", "..")."""
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
