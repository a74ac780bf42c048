"""Throttled clinician logins, with the state in the database (fake, SQLite, PostgreSQL):
per browser and per username, never for everybody behind one address; a refused login
costs the same password check; the answer names how long to wait."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from database_fixtures import TEST_KEY
from storage_builders import FakeClock

from sdm_aid.services.clinicians import ClinicianAccounts, ClinicianLogin
from sdm_aid.storage.database import Database
from sdm_aid.throttling import AttemptSource

PASSWORD = "correct horse battery"
WRONG = "wrong horse battery"
S = timedelta(seconds=1)


class CountingHasher(PasswordHasher):
    """Fast argon2 parameters, and a count of password checks."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.checks = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.checks += 1
        return super().verify(hash, password)


@pytest.fixture
def hasher() -> CountingHasher:
    return CountingHasher()


@pytest.fixture
def login(
    any_database: Database, clock: FakeClock, hasher: CountingHasher, sleeps: list[float]
) -> ClinicianLogin:
    accounts = ClinicianAccounts(any_database, hasher=hasher, now=clock)
    for name in ("anna", "bert", "carla"):
        accounts.add(name, PASSWORD)
    return ClinicianLogin(accounts, TEST_KEY, now=clock, sleep=sleeps.append)


def browser(name: str, address: str | None = "10.0.0.7") -> AttemptSource:
    return AttemptSource(browser=f"token-{name}", client=address)


def test_the_right_password_logs_in(login: ClinicianLogin) -> None:
    attempt = login.attempt(" Anna ", PASSWORD, browser("pc-1"))
    assert attempt.ok and attempt.username == "anna" and attempt.checked


def test_five_failures_make_that_browser_wait_not_the_clinicians_next_to_it(
    login: ClinicianLogin, clock: FakeClock
) -> None:
    attempts = [login.attempt("anna", WRONG, browser("pc-1")) for _ in range(5)]
    assert [a.wait for a in attempts] == [timedelta(0)] * 4 + [15 * S]
    refused = login.attempt("anna", PASSWORD, browser("pc-1"))
    assert not refused.ok and not refused.checked and refused.wait == 15 * S
    # The same address, another browser: a colleague -- and Anna herself -- log in.
    assert login.attempt("bert", PASSWORD, browser("pc-2")).ok
    assert login.attempt("anna", PASSWORD, browser("pc-3")).ok
    clock.advance(seconds=15)
    assert login.attempt("anna", PASSWORD, browser("pc-1")).ok


def test_a_username_under_attack_waits_wherever_it_is_typed(login: ClinicianLogin) -> None:
    for n in range(10):  # ten browsers, one try each: no browser is over its limit
        assert login.attempt("carla", WRONG, browser(f"bot-{n}", None)).checked
    refused = login.attempt("carla", PASSWORD, browser("carlas-own-pc"))
    assert not refused.ok and not refused.checked and refused.wait == 15 * S
    assert login.attempt("anna", PASSWORD, browser("bot-0", None)).ok  # other usernames: fine


def test_a_whole_address_of_failures_only_slows_its_answers(
    login: ClinicianLogin, sleeps: list[float]
) -> None:
    for n in range(25):  # a busy ward behind one address mistypes a lot, over several names
        login.attempt(f"typo{n % 5}", WRONG, browser(f"ward-{n}", "10.9.9.9"))
    sleeps.clear()
    assert login.attempt("bert", PASSWORD, browser("ward-new", "10.9.9.9")).ok
    assert login.attempt("anna", PASSWORD, browser("elsewhere", "10.0.0.1")).ok
    assert sleeps == [2.0]


def test_a_refused_login_still_checks_the_password_once(
    login: ClinicianLogin, hasher: CountingHasher
) -> None:
    for _ in range(5):
        login.attempt("anna", WRONG, browser("pc-1"))
    before = hasher.checks
    login.attempt("anna", WRONG, browser("pc-1"))  # refused
    refused_cost = hasher.checks - before
    before = hasher.checks
    login.attempt("anna", WRONG, browser("pc-2"))  # checked
    assert refused_cost == hasher.checks - before == 1


def test_unknown_usernames_are_throttled_like_known_ones(login: ClinicianLogin) -> None:
    known = [login.attempt("anna", WRONG, browser("a")).wait for _ in range(5)]
    unknown = [login.attempt("nobody", WRONG, browser("b")).wait for _ in range(5)]
    assert known == unknown
