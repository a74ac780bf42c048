"""Idle (15 min) and absolute (8 h) limits of a clinician login, as pure functions."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdm_aid.clinician import login_policy
from sdm_aid.clinician.login_policy import ABSOLUTE_TIMEOUT, IDLE_TIMEOUT, LoginState

T0 = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # spans the night the clocks go forward


def test_the_limits_are_fifteen_minutes_and_eight_hours() -> None:
    assert timedelta(minutes=15) == IDLE_TIMEOUT
    assert timedelta(hours=8) == ABSOLUTE_TIMEOUT


def test_idle_limit_is_exact() -> None:
    login = login_policy.start("anna", "local", T0)
    just_before = T0 + IDLE_TIMEOUT - timedelta(seconds=1)
    assert login_policy.state(login, just_before) == LoginState.ACTIVE
    assert login_policy.state(login, T0 + IDLE_TIMEOUT) == LoginState.IDLE_EXPIRED


def test_activity_moves_the_idle_limit_but_not_the_absolute_one() -> None:
    login = login_policy.start("anna", "local", T0)
    now = T0
    while now + timedelta(minutes=10) < T0 + ABSOLUTE_TIMEOUT:
        now += timedelta(minutes=10)
        assert login_policy.state(login, now) == LoginState.ACTIVE
        login = login_policy.touch(login, now)
    assert login.started_at == T0
    assert login_policy.state(login, T0 + ABSOLUTE_TIMEOUT) == LoginState.ABSOLUTE_EXPIRED


def test_absolute_wins_when_both_have_passed() -> None:
    login = login_policy.start("anna", "local", T0)
    assert login_policy.state(login, T0 + timedelta(days=1)) == LoginState.ABSOLUTE_EXPIRED


def test_a_clock_that_goes_back_ends_the_login() -> None:
    login = login_policy.touch(login_policy.start("anna", "local", T0), T0 + timedelta(minutes=5))
    assert login_policy.state(login, T0 - timedelta(seconds=1)) == LoginState.ABSOLUTE_EXPIRED
    assert login_policy.state(login, T0 + timedelta(minutes=4)) == LoginState.IDLE_EXPIRED


def test_touch_never_moves_back() -> None:
    login = login_policy.touch(login_policy.start("anna", "local", T0), T0 + timedelta(minutes=5))
    assert login_policy.touch(login, T0 + timedelta(minutes=1)).last_seen == T0 + timedelta(minutes=5)


def test_seconds_left_is_the_nearer_limit() -> None:
    login = login_policy.start("anna", "local", T0)
    assert login_policy.seconds_left(login, T0) == IDLE_TIMEOUT.total_seconds()
    late = login_policy.touch(login, T0 + ABSOLUTE_TIMEOUT - timedelta(minutes=5))
    assert login_policy.seconds_left(late, late.last_seen) == 300
    assert login_policy.seconds_left(login, T0 + timedelta(hours=9)) == 0


def test_naive_times_are_refused() -> None:
    with pytest.raises(TypeError):
        login_policy.start("anna", "local", datetime(2026, 1, 1))
    login = login_policy.start("anna", "local", T0)
    with pytest.raises(TypeError):
        login_policy.state(login, datetime(2026, 1, 1))


@given(gaps=st.lists(st.integers(min_value=0, max_value=20 * 60), min_size=1, max_size=60))
def test_active_exactly_while_every_gap_is_short_and_the_total_is_short(gaps: list[int]) -> None:
    login = login_policy.start("anna", "local", T0)
    now = T0
    for gap in gaps:
        now += timedelta(seconds=gap)
        expected = (
            LoginState.ABSOLUTE_EXPIRED
            if now - T0 >= ABSOLUTE_TIMEOUT
            else LoginState.IDLE_EXPIRED
            if gap >= IDLE_TIMEOUT.total_seconds()
            else LoginState.ACTIVE
        )
        assert login_policy.state(login, now) == expected
        if expected != LoginState.ACTIVE:
            return
        login = login_policy.touch(login, now)
