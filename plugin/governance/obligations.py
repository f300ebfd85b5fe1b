"""Contract data clauses: is each delivery on time? Same rule as datasets (frequency.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from .frequency import LATE, freshness


@dataclass
class ObligationStatus:
    obligation: object              # convention.Obligation
    status: str                     # up_to_date, late, unknown
    next_due: Optional[dt.date] = None
    days_late: int = 0
    months_late: int = 0


def obligation_status(obligation, today: dt.date) -> ObligationStatus:
    state = freshness(obligation.last_delivery, obligation.frequency, today)
    return ObligationStatus(obligation, state.status, state.due, state.days_late,
                            state.months_late)


def obligation_statuses(convention, today: dt.date, dataset_id: Optional[str] = None,
                        partner_id: Optional[str] = None) -> list:
    """Statuses of the obligations, optionally of one dataset and/or one party (either side)."""
    out = []
    for obligation in convention.obligations:
        if dataset_id is not None and obligation.dataset != dataset_id:
            continue
        if partner_id is not None and partner_id not in (obligation.debtor, obligation.creditor):
            continue
        out.append(obligation_status(obligation, today))
    return out


def overdue_obligations(convention, today: dt.date) -> list:
    """The late deliveries, the most overdue first."""
    late = [s for s in obligation_statuses(convention, today) if s.status == LATE]
    return sorted(late, key=lambda s: -s.days_late)
