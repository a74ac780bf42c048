"""Planning a follow-up in Europe/Amsterdam: past, too far, and the two clock changes a year."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from factories import minimal_grid, new_session
from hypothesis import event, given, settings
from hypothesis import strategies as st

from sdm_aid.sessions.labels import rule_error_message, translator
from sdm_aid.sessions.models import SESSION_TIMEZONE, FollowUpMode
from sdm_aid.sessions.rules import (
    SessionRuleError,
    latest_follow_up_start,
    local_to_utc,
    schedule_follow_up,
    to_local,
)

GRID = minimal_grid()
SCHEDULING_CODES = {"follow_up_in_past", "follow_up_too_far", "follow_up_nonexistent_time"}


def plan(local_date: date, local_time: time, now: datetime):
    session = new_session(GRID, now=now)
    return schedule_follow_up(
        session,
        local_date=local_date,
        local_time=local_time,
        duration_minutes=45,
        with_whom="Behandelaar",
        mode=FollowUpMode.VIDEO,
        purpose="",
        now=now,
    )


def spring_forward_gap(local_date: date, local_time: time) -> bool:
    """Independent of the code under test: last Sunday of March, 02:00-02:59."""
    last_sunday = max(
        date(local_date.year, 3, d) for d in range(25, 32) if date(local_date.year, 3, d).weekday() == 6
    )
    return local_date == last_sunday and local_time.hour == 2


NOWS = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 6, 30), timezones=st.just(UTC))


DST_DAYS = [date(2026, 3, 29), date(2026, 10, 25), date(2027, 3, 28), date(2027, 10, 31)]


@st.composite
def local_moments(draw) -> tuple[datetime, date, time]:
    """A `now`, and a local date in the year after it; often a clock-change day at night."""
    now = draw(NOWS)
    today = now.astimezone(SESSION_TIMEZONE).date()
    in_range = [d for d in DST_DAYS if today <= d <= today + timedelta(days=366)]
    offset = st.integers(min_value=-3, max_value=372).map(lambda days: today + timedelta(days=days))
    local_date = draw(st.one_of(offset, st.sampled_from(in_range)) if in_range else offset)
    local_time = draw(st.one_of(st.times(), st.times(min_value=time(1, 0), max_value=time(3, 59))))
    return now, local_date, local_time


@settings(max_examples=300, deadline=None)
@given(local_moments())
def test_any_local_moment_is_either_refused_clearly_or_round_trips(moment) -> None:
    now, local_date, local_time = moment
    wall = datetime.combine(local_date, local_time)
    try:
        follow_up = plan(local_date, local_time, now)
    except SessionRuleError as error:
        assert error.code in SCHEDULING_CODES
        event(error.code)
        if error.code == "follow_up_nonexistent_time":
            assert spring_forward_gap(local_date, local_time)
        elif error.code == "follow_up_in_past":
            assert wall.replace(tzinfo=SESSION_TIMEZONE) <= now
        else:
            assert wall.replace(tzinfo=SESSION_TIMEZONE) > latest_follow_up_start(now)
        return
    event("scheduled")
    assert not spring_forward_gap(local_date, local_time)
    assert follow_up.starts_at.utcoffset() == timedelta(0)
    assert to_local(follow_up.starts_at).replace(tzinfo=None) == wall
    assert now < follow_up.starts_at <= latest_follow_up_start(now)


@pytest.mark.parametrize(
    ("now", "day"),
    [
        (datetime(2026, 1, 10, 9, 0, tzinfo=UTC), date(2026, 3, 29)),
        (datetime(2026, 11, 22, 9, 0, tzinfo=UTC), date(2027, 3, 28)),
    ],
)
@pytest.mark.parametrize("minute", [0, 30, 59])
def test_spring_forward_gap_is_refused_and_suggests_three(now: datetime, day: date, minute: int) -> None:
    with pytest.raises(SessionRuleError) as caught:
        plan(day, time(2, minute), now)
    assert caught.value.code == "follow_up_nonexistent_time"
    assert "03:00" in rule_error_message(caught.value, translator("nl"))
    assert "03:00" in rule_error_message(caught.value, translator("en"))
    # Either side of the gap is fine: 01:59 is winter time, 03:00 summer time.
    assert plan(day, time(1, 59), now).starts_at == datetime.combine(day, time(0, 59), UTC)
    assert plan(day, time(3, 0), now).starts_at == datetime.combine(day, time(1, 0), UTC)


@pytest.mark.parametrize(
    ("now", "day"),
    [
        (datetime(2026, 6, 1, 9, 0, tzinfo=UTC), date(2026, 10, 25)),
        (datetime(2026, 11, 22, 9, 0, tzinfo=UTC), date(2027, 10, 31)),
    ],
)
def test_autumn_double_hour_takes_the_first_moment(now: datetime, day: date) -> None:
    # 02:30 happens twice; the first is still summer time (UTC+2): 00:30 UTC.
    assert plan(day, time(2, 30), now).starts_at == datetime.combine(day, time(0, 30), UTC)
    assert plan(day, time(1, 59), now).starts_at == datetime.combine(day, time(23, 59), UTC) - timedelta(
        days=1
    )
    assert plan(day, time(3, 0), now).starts_at == datetime.combine(day, time(2, 0), UTC)


def test_past_and_too_far() -> None:
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)  # 13:00 in Amsterdam
    for local in [time(12, 59), time(13, 0)]:
        with pytest.raises(SessionRuleError, match="already passed"):
            plan(date(2026, 11, 22), local, now)
    assert plan(date(2026, 11, 22), time(13, 1), now)
    assert plan(date(2027, 11, 22), time(13, 0), now)
    with pytest.raises(SessionRuleError) as caught:
        plan(date(2027, 11, 22), time(13, 1), now)
    assert caught.value.code == "follow_up_too_far"
    assert "22 november 2027" in rule_error_message(caught.value, translator("nl"))
    for far in [date(2030, 1, 1), date(9999, 12, 31), date(1, 1, 1)]:
        with pytest.raises(SessionRuleError):
            plan(far, time(12, 0), now)


def test_a_year_from_leap_day_is_28_february() -> None:
    now = datetime(2028, 2, 29, 10, 0, tzinfo=UTC)
    assert latest_follow_up_start(now).date() == date(2029, 2, 28)


def test_local_to_utc_refuses_a_time_with_a_timezone() -> None:
    with pytest.raises(TypeError):
        local_to_utc(date(2027, 1, 5), time(10, 0, tzinfo=UTC))
