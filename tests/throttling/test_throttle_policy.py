"""The throttling rules on their own: own mistakes make a source wait (doubling, capped);
other people's mistakes only slow answers down and never make anyone wait."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdm_aid.clinician.throttle import LOGIN_POLICY
from sdm_aid.sessions.resume_codes import throttle_policy
from sdm_aid.throttling import AttemptSource, Backoff, History, KeyKind, Policy, SlowDown

T0 = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
S = timedelta(seconds=1)
RESUME = throttle_policy(free=5, everybody=200, window=timedelta(minutes=15))


def test_backoff_is_free_then_doubles_up_to_the_longest_wait() -> None:
    backoff = Backoff(free=5, first_wait=15 * S, longest_wait=15 * 60 * S)
    assert [backoff.wait(n).total_seconds() for n in range(4, 13)] == [0, 15, 30, 60, 120, 240, 480, 900, 900]
    assert backoff.wait(10_000) == 15 * 60 * S


def test_slow_down_grows_per_budget_up_to_the_longest() -> None:
    slow = SlowDown(budget=200, step=2 * S, longest=10 * S)
    assert [slow.delay(n).total_seconds() for n in (0, 199, 200, 399, 400, 1000, 10**6)] == [
        0,
        0,
        2,
        2,
        4,
        10,
        10,
    ]


def test_a_fresh_browser_is_never_made_to_wait() -> None:
    verdict = RESUME.judge({KeyKind.BROWSER: History()}, total_failures=10**6, now=T0)
    assert verdict.allowed and verdict.wait == timedelta(0)
    assert verdict.delay == 10 * S  # but under a flood of wrong codes every answer is slower


def test_five_wrong_codes_make_that_browser_wait_and_nobody_else() -> None:
    mine = History(failures=5, last_failure=T0)
    assert not RESUME.judge({KeyKind.BROWSER: mine}, 5, T0 + 10 * S).allowed
    assert RESUME.judge({KeyKind.BROWSER: mine}, 5, T0 + 10 * S).wait == 5 * S
    assert RESUME.judge({KeyKind.BROWSER: mine}, 5, T0 + 15 * S).allowed
    other = RESUME.judge({KeyKind.BROWSER: History(), KeyKind.CLIENT: History(5, T0)}, 5, T0 + S)
    assert other.allowed and other.delay == timedelta(0)


def test_many_wrong_codes_from_one_address_only_slow_that_address_down() -> None:
    crowded = {KeyKind.BROWSER: History(), KeyKind.CLIENT: History(failures=45, last_failure=T0)}
    verdict = RESUME.judge(crowded, 45, T0 + S)
    assert verdict.allowed and verdict.delay == 4 * S
    elsewhere = RESUME.judge({KeyKind.BROWSER: History(), KeyKind.CLIENT: History()}, 45, T0 + S)
    assert elsewhere.allowed and elsewhere.delay == timedelta(0)


def test_the_wait_after_a_wrong_try_counts_that_try() -> None:
    histories = {KeyKind.BROWSER: History(failures=4, last_failure=T0)}
    assert RESUME.wait_after_failure(histories, T0 + S) == 15 * S  # the fifth: first wait
    assert RESUME.wait_after_failure({KeyKind.BROWSER: History()}, T0) == timedelta(0)


def test_login_waits_for_the_browser_and_the_username_never_for_the_address() -> None:
    assert set(LOGIN_POLICY.backoff) == {KeyKind.BROWSER, KeyKind.USER}
    assert KeyKind.CLIENT not in LOGIN_POLICY.backoff
    # Ten clinicians' worth of typos behind one address: a colleague there still gets in.
    colleague = {
        KeyKind.BROWSER: History(),
        KeyKind.USER: History(),
        KeyKind.CLIENT: History(failures=50, last_failure=T0),
    }
    verdict = LOGIN_POLICY.judge(colleague, 50, T0 + S)
    assert verdict.allowed and verdict.delay == 4 * S
    targeted = {KeyKind.BROWSER: History(), KeyKind.USER: History(failures=10, last_failure=T0)}
    assert LOGIN_POLICY.judge(targeted, 10, T0 + S).wait == 14 * S


@given(
    own=st.integers(0, 50),
    shared=st.integers(0, 10_000),
    total=st.integers(0, 10_000),
    seconds=st.integers(0, 3600),
)
def test_only_own_failures_ever_make_a_source_wait(own: int, shared: int, total: int, seconds: int) -> None:
    for policy in (RESUME, LOGIN_POLICY):
        clean = {kind: History() for kind in policy.backoff}
        clean[KeyKind.CLIENT] = History(shared, T0 if shared else None)
        verdict = policy.judge(clean, total, T0 + seconds * S)
        assert verdict.allowed and verdict.delay <= 10 * S
        mine = {**clean, KeyKind.BROWSER: History(own, T0 if own else None)}
        wait = policy.judge(mine, total, T0 + seconds * S).wait
        assert timedelta(0) <= wait <= policy.window


def test_sources_are_stored_as_keyed_hashes_only() -> None:
    source = AttemptSource(browser="token-123", client="10.0.0.7", user="anna")
    keys = source.keys("login", b"k" * 32)
    assert set(keys) == {KeyKind.BROWSER, KeyKind.CLIENT, KeyKind.USER}
    assert all(len(key) == 64 and "10.0.0.7" not in key and "anna" not in key for key in keys.values())
    assert keys != source.keys("login", b"j" * 32)  # keyed: without the secret, no dictionary attack
    assert keys[KeyKind.BROWSER] != source.keys("resume", b"k" * 32)[KeyKind.BROWSER]
    assert set(AttemptSource(browser="t").keys("resume", b"k" * 32)) == {KeyKind.BROWSER}
    assert "token-123" not in repr(source) and "10.0.0.7" not in repr(source)


@pytest.mark.parametrize("policy", [RESUME, LOGIN_POLICY])
def test_no_wait_is_longer_than_the_window_that_remembers_it(policy: Policy) -> None:
    assert all(backoff.longest_wait <= policy.window for backoff in policy.backoff.values())
