"""What the published change log page needs from QGIS's side: people's and partners' names
from the convention, times in the reader's local time and language (QLocale)."""

from __future__ import annotations

import datetime as dt

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QDateTime, QLocale


def local_time(moment: dt.datetime, locale: QLocale | None = None) -> str:
    """``moment`` (aware; naive is taken as UTC) in this computer's time zone, in words:
    « lundi 7 décembre 2026, 15:21 »."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    shown = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000)).toLocalTime()
    # The language of QGIS's interface (its own setting wins over the system's).
    locale = locale or QLocale(QgsApplication.locale() or QLocale().name())
    return (locale.toString(shown.date(), QLocale.FormatType.LongFormat) + ", "
            + locale.toString(shown.time(), QLocale.FormatType.ShortFormat))


def page_options(convention) -> dict:
    """to_html's person / partner / local_time for this convention (None: logins and ids)."""
    def person(login):
        contact = convention.contact_of_login(login) if convention is not None and login else None
        return (contact.name if contact is not None and contact.name else login) or ""

    def partner(partner_id):
        found = convention.partners.get(partner_id) if convention is not None else None
        return (found.name if found is not None and found.name else partner_id) or ""

    return {"person": person, "partner": partner, "local_time": local_time}
