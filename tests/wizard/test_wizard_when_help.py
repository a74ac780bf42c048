"""The follow-up's quick choices and lists (`sdm_aid.wizard.when`) and the "Help now" lines
(`sdm_aid.content.safety.help_now`, tested in tests/content)."""

from __future__ import annotations

from datetime import date, time

from sdm_aid.wizard import when
from sdm_aid.wizard.when import Quick


def test_quick_choices_give_a_day_one_week_two_weeks_or_a_month_ahead() -> None:
    today = date(2026, 11, 30)
    assert when.quick_date(Quick.ONE_WEEK, today) == date(2026, 12, 7)
    assert when.quick_date(Quick.TWO_WEEKS, today) == date(2026, 12, 14)
    assert when.quick_date(Quick.ONE_MONTH, today) == date(2026, 12, 30)
    # A month from 31 January is the last day of February; from December into the next year.
    assert when.quick_date(Quick.ONE_MONTH, date(2027, 1, 31)) == date(2027, 2, 28)
    assert when.quick_date(Quick.ONE_MONTH, date(2028, 1, 31)) == date(2028, 2, 29)
    assert when.quick_date(Quick.ONE_MONTH, date(2026, 12, 15)) == date(2027, 1, 15)
    assert when.quick_of(date(2026, 12, 14), today) is Quick.TWO_WEEKS
    assert when.quick_of(date(2026, 12, 15), today) is None
    assert when.quick_of(None, today) is None


def test_the_lists_start_tomorrow_and_keep_a_saved_value_that_is_not_on_them() -> None:
    today = date(2026, 11, 30)
    days = when.day_choices(today)
    assert days[0] == date(2026, 12, 1) and len(days) == when.DAYS_AHEAD
    later = date(2027, 11, 1)  # e.g. planned by a clinician
    assert later in when.day_choices(today, later) and when.day_choices(today, later)[-1] == later
    times = when.time_choices()
    assert times[0] == time(7, 0) and times[-1] == time(21, 45) and len(times) == 15 * 4
    assert time(6, 50) in when.time_choices(time(6, 50))


def test_days_and_times_are_written_in_the_session_language() -> None:
    assert when.day_text(date(2026, 12, 14), "nl") == "maandag 14 december 2026"
    assert when.day_text(date(2026, 12, 14), "en") == "Monday, 14 December 2026"
    assert when.time_text(time(14, 0), "nl") == "14:00"


def test_the_pending_day_and_time_are_read_from_their_five_parts() -> None:
    assert when.Pending.of(2026, 12, 14, 14, 30) == when.Pending(date(2026, 12, 14), time(14, 30))
    assert when.Pending.of(2026, 2, 30, 14, 0) == when.Pending(None, time(14, 0))  # no such day
    assert when.Pending.of(None, 12, 14, None, 0) == when.Pending(None, None)
