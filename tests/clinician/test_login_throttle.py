"""Failed clinician logins are throttled per client and per username, in a sliding window."""

from datetime import UTC, datetime, timedelta

from sdm_aid.clinician.throttle import MAX_FAILURES_PER_CLIENT, WINDOW, LoginThrottle

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def test_a_client_is_refused_after_five_failures_until_the_window_passes() -> None:
    throttle = LoginThrottle()
    for n in range(MAX_FAILURES_PER_CLIENT):
        assert throttle.allowed("10.0.0.1", "anna", T0 + timedelta(seconds=n))
        throttle.failed("10.0.0.1", f"user{n}", T0 + timedelta(seconds=n))
    assert not throttle.allowed("10.0.0.1", "anna", T0 + timedelta(minutes=1))
    assert throttle.allowed("10.0.0.2", "anna", T0 + timedelta(minutes=1))  # another client
    assert throttle.allowed("10.0.0.1", "anna", T0 + WINDOW + timedelta(seconds=5))


def test_one_username_is_protected_against_guessing_from_many_clients() -> None:
    throttle = LoginThrottle()
    for n in range(10):
        throttle.failed(f"10.0.0.{n}", "Anna", T0)
    assert not throttle.allowed("10.9.9.9", "anna", T0 + timedelta(minutes=1))
    assert throttle.allowed("10.9.9.9", "bert", T0 + timedelta(minutes=1))


def test_success_clears_the_count() -> None:
    throttle = LoginThrottle()
    for _ in range(4):
        throttle.failed("c", "anna", T0)
    throttle.succeeded("c", "anna")
    for _ in range(4):
        throttle.failed("c", "anna", T0)
    assert throttle.allowed("c", "anna", T0)


def test_old_failures_are_forgotten() -> None:
    throttle = LoginThrottle()
    throttle.failed("c", "anna", T0)
    assert throttle.allowed("c", "anna", T0 + WINDOW)
    assert throttle._failures == {}
