"""Due dates and lateness: calendar months, month ends, leap years, the grace period."""

import datetime as dt

import pytest

from geogov.plugin.governance.frequency import (
    FREQUENCIES,
    add_months,
    freshness,
    months_between,
    next_due,
    normalise_frequency,
)

D = dt.date


@pytest.mark.parametrize("day, months, expected", [
    (D(2026, 1, 31), 1, D(2026, 2, 28)),     # no 31 February: the month's last day
    (D(2024, 1, 31), 1, D(2024, 2, 29)),     # leap year
    (D(2024, 2, 29), 12, D(2025, 2, 28)),    # a year after 29 February
    (D(2024, 2, 29), 48, D(2028, 2, 29)),
    (D(2026, 8, 31), 3, D(2026, 11, 30)),
    (D(2026, 11, 30), 3, D(2027, 2, 28)),
    (D(2026, 12, 31), 1, D(2027, 1, 31)),    # across the year end
    (D(2026, 5, 31), 6, D(2026, 11, 30)),
    (D(2026, 3, 15), 0, D(2026, 3, 15)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize("frequency, last, due", [
    ("continual", D(2026, 2, 28), D(2026, 3, 1)),
    ("daily", D(2024, 2, 28), D(2024, 2, 29)),
    ("weekly", D(2026, 12, 29), D(2027, 1, 5)),
    ("fortnightly", D(2026, 2, 20), D(2026, 3, 6)),
    ("monthly", D(2026, 1, 31), D(2026, 2, 28)),
    ("quarterly", D(2026, 5, 31), D(2026, 8, 31)),
    ("biannually", D(2025, 8, 31), D(2026, 2, 28)),
    ("annually", D(2024, 2, 29), D(2025, 2, 28)),
    ("biennially", D(2024, 2, 29), D(2026, 2, 28)),
])
def test_next_due(frequency, last, due):
    assert next_due(last, frequency) == due


@pytest.mark.parametrize("frequency", ["asNeeded", "irregular", "notPlanned", "unknown", "periodic",
                                       None, ""])
def test_no_schedule_means_unknown(frequency):
    assert next_due(D(2026, 1, 1), frequency) is None
    assert freshness(D(2026, 1, 1), frequency, D(2030, 1, 1)).status == "unknown"


def test_no_known_revision_means_unknown():
    state = freshness(None, "monthly", D(2026, 1, 1))
    assert (state.status, state.due, state.days_late) == ("unknown", None, 0)


@pytest.mark.parametrize("today, status, days_late", [
    (D(2026, 2, 28), "up_to_date", 0),     # due day
    (D(2026, 3, 7), "up_to_date", 0),      # last day of the 7-day grace
    (D(2026, 3, 8), "late", 8),            # counted from the due date, not the grace's end
    (D(2026, 1, 1), "up_to_date", 0),      # before the last revision: not late
])
def test_monthly_grace_edges(today, status, days_late):
    state = freshness(D(2026, 1, 31), "monthly", today)
    assert (state.status, state.days_late) == (status, days_late)
    assert state.due == D(2026, 2, 28)


def test_weekly_grace_is_two_days():
    assert freshness(D(2026, 11, 1), "weekly", D(2026, 11, 10)).status == "up_to_date"
    assert freshness(D(2026, 11, 1), "weekly", D(2026, 11, 11)).status == "late"


def test_a_datetime_revision_counts_by_its_day():
    state = freshness(dt.datetime(2026, 1, 31, 23, 59), "monthly", D(2026, 3, 8))
    assert (state.last, state.status) == (D(2026, 1, 31), "late")


@pytest.mark.parametrize("start, end, months", [
    (D(2026, 8, 31), D(2026, 11, 22), 2),
    (D(2026, 8, 31), D(2026, 11, 30), 3),    # 30 November is "three months after 31 August"
    (D(2026, 1, 31), D(2026, 2, 27), 0),
    (D(2026, 1, 31), D(2026, 2, 28), 1),
    (D(2024, 2, 29), D(2025, 2, 28), 12),
    (D(2026, 5, 10), D(2026, 5, 1), 0),
])
def test_months_between(start, end, months):
    assert months_between(start, end) == months


def test_frequency_codes_in_any_case():
    assert normalise_frequency("AsNeeded") == "asNeeded"
    assert normalise_frequency(" MONTHLY ") == "monthly"
    assert normalise_frequency("mensuel") is None
    assert normalise_frequency(12) is None
    assert {"continual", "daily", "weekly", "fortnightly", "monthly", "quarterly", "biannually",
            "annually", "asNeeded", "irregular", "notPlanned", "unknown"} <= set(FREQUENCIES)
