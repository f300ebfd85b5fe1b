"""Observed freshness (plugin/governance/observed.py) and how resolution flags a record
older than the last applied change."""

import datetime as dt

from geogov.plugin.governance import observed as obs
from geogov.plugin.governance.convention import Dataset
from geogov.plugin.governance.discrepancies import RECORD_BEHIND
from geogov.plugin.governance.report_html import observed_phrase

D = dt.date


def test_no_history_says_nothing():
    result = obs.observe([], "quarterly")
    assert (result.count, result.interval_days, result.frequency, result.pace) == (0, None, None, "unknown")


def test_one_change_has_no_rhythm_but_a_last_day():
    result = obs.observe([dt.datetime(2026, 3, 2, 14, 0)], "quarterly", D(2026, 1, 1))
    assert result.last_applied == D(2026, 3, 2) and result.interval_days is None
    assert result.record_behind


def test_monthly_changes_of_a_quarterly_dataset_are_more_often():
    days = [D(2026, 1, 5), D(2026, 2, 4), D(2026, 3, 6), D(2026, 4, 5), D(2026, 4, 5)]
    result = obs.observe(days, "quarterly", D(2026, 4, 5))
    assert result.count == 4                      # one day counted once
    assert result.interval_days == 30.0
    assert result.frequency == "monthly" and result.pace == obs.MORE_OFTEN
    assert not result.record_behind               # the record says the last change's day


def test_median_resists_one_burst_and_one_pause():
    days = [D(2025, 1, 1), D(2025, 4, 1), D(2025, 4, 2), D(2025, 7, 1), D(2026, 6, 1),
            D(2026, 9, 1)]
    result = obs.observe(days, "quarterly")
    assert result.frequency == "quarterly" and result.pace == obs.AS_COMMITTED


def test_slower_than_committed_and_without_periodic_commitment():
    days = [D(2024, 1, 1), D(2025, 1, 3), D(2026, 1, 2)]
    assert obs.observe(days, "monthly").pace == obs.LESS_OFTEN
    assert obs.observe(days, "asNeeded").pace == obs.UNKNOWN
    assert obs.observe(days, "asNeeded").frequency == "annually"


def test_nearest_frequency_on_a_log_scale():
    assert obs.nearest_frequency(40) == "monthly"
    assert obs.nearest_frequency(70) == "quarterly"
    assert obs.nearest_frequency(1) == "daily"
    assert obs.nearest_frequency(0) is None


def test_resolution_flags_a_record_behind_the_data():
    from geogov.plugin.catalogue.model import Record
    from geogov.plugin.governance.resolution import responsibility_for
    from geogov.tests.support import store_fixtures

    convention = store_fixtures.convention()
    dataset = convention.datasets[store_fixtures.ECLAIRAGE]
    record = Record(identifier="r", dates={"revision": D(2026, 1, 10)})
    result = responsibility_for(convention, dataset, today=D(2026, 3, 1), record=record,
                                applied_at=D(2026, 2, 20), history=[D(2026, 1, 10)])
    assert result.observed.count == 2 and result.observed.record_behind
    behind = [d for d in result.discrepancies if d.code == RECORD_BEHIND]
    assert behind and behind[0].params == {"dataset": dataset.id, "record_date": "2026-01-10",
                                           "applied": "2026-02-20"}
    fresh = responsibility_for(convention, dataset, today=D(2026, 3, 1),
                               record=Record(identifier="r", dates={"revision": D(2026, 2, 20)}),
                               applied_at=D(2026, 2, 20))
    assert not any(d.code == RECORD_BEHIND for d in fresh.discrepancies)
    assert isinstance(dataset, Dataset)


def test_phrase_says_committed_vs_observed():
    days = [D(2026, 1, 5), D(2026, 2, 4), D(2026, 3, 6)]
    text = observed_phrase(obs.observe(days, "quarterly", D(2026, 1, 1)))
    assert "3 changes applied, about every 30 days (every month)" in text
    assert "more often than committed" in text
    assert "older than the last applied change" in text
    assert observed_phrase(None) == "no change applied through GeoGov yet"
