"""Clinician accounts and the access log, on the fake, SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest
from argon2 import PasswordHasher
from storage_builders import FakeClock

from sdm_aid.services.clinicians import AccessLog, AccountError, ClinicianAccounts
from sdm_aid.storage.database import Database

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "correct horse battery"


@pytest.fixture
def accounts(any_database: Database, clock: FakeClock) -> ClinicianAccounts:
    return ClinicianAccounts(any_database, hasher=FAST, now=clock)


def test_add_verify_disable_list(accounts: ClinicianAccounts, clock: FakeClock) -> None:
    added = accounts.add("Dr.Jansen", PASSWORD)
    assert (added.username, added.created_at, added.disabled) == ("dr.jansen", clock.now, False)
    assert accounts.verify("dr.jansen", PASSWORD)
    assert accounts.verify("DR.JANSEN ", PASSWORD)
    assert not accounts.verify("dr.jansen", PASSWORD + "x")
    assert not accounts.verify("nobody", PASSWORD)
    accounts.add("m-bakker", "another long passphrase")
    assert [c.username for c in accounts.list()] == ["dr.jansen", "m-bakker"]
    accounts.disable("dr.jansen")
    assert not accounts.verify("dr.jansen", PASSWORD)
    assert [c.disabled for c in accounts.list()] == [True, False]
    accounts.enable("dr.jansen")
    assert accounts.verify("dr.jansen", PASSWORD)


def test_passwords_are_stored_as_argon2_hashes(any_database: Database, accounts: ClinicianAccounts) -> None:
    accounts.add("dr.jansen", PASSWORD)
    with any_database.unit_of_work() as uow:
        stored = uow.clinicians.get("dr.jansen")
    assert (
        stored is not None
        and stored.password_hash.startswith("$argon2id$")
        and PASSWORD not in stored.password_hash
    )


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("ab", PASSWORD, "3 to 32 characters"),
        ("Jan de Vries", PASSWORD, "3 to 32 characters"),
        ("-dash", PASSWORD, "starting with a letter or digit"),
        ("x" * 33, PASSWORD, "3 to 32 characters"),
        ("dr.jansen", "short", "at least 12 characters"),
        ("dr.jansen", " " * 14, "only spaces"),
        ("dr.jansen", "x" * 1025, "too long"),
    ],
)
def test_username_and_password_rules(
    accounts: ClinicianAccounts, username: str, password: str, message: str
) -> None:
    with pytest.raises(AccountError, match=message):
        accounts.add(username, password)
    assert accounts.list() == []


def test_duplicates_and_unknown_accounts(accounts: ClinicianAccounts) -> None:
    accounts.add("dr.jansen", PASSWORD)
    with pytest.raises(AccountError, match="already an account"):
        accounts.add("DR.JANSEN", PASSWORD)
    with pytest.raises(AccountError, match="no account called ghost"):
        accounts.disable("ghost")


class CountingHasher(PasswordHasher):
    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.verified: list[str] = []

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.verified.append(str(hash))
        return super().verify(hash, password)


def test_unknown_users_cost_an_argon2_verification(any_database: Database, clock: FakeClock) -> None:
    hasher = CountingHasher()
    accounts = ClinicianAccounts(any_database, hasher=hasher, now=clock)
    accounts.add("dr.jansen", PASSWORD)
    assert not accounts.verify("nobody", PASSWORD)
    assert not accounts.verify("dr.jansen", "wrong password!!")
    accounts.disable("dr.jansen")
    assert not accounts.verify("dr.jansen", PASSWORD)
    assert len(hasher.verified) == 3 and all(h.startswith("$argon2id$") for h in hasher.verified)


def test_an_old_hash_is_upgraded_after_login(any_database: Database, clock: FakeClock) -> None:
    ClinicianAccounts(any_database, hasher=FAST, now=clock).add("dr.jansen", PASSWORD)
    stronger = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    accounts = ClinicianAccounts(any_database, hasher=stronger, now=clock)
    assert accounts.verify("dr.jansen", PASSWORD)
    with any_database.unit_of_work() as uow:
        stored = uow.clinicians.get("dr.jansen")
    assert stored is not None and not stronger.check_needs_rehash(stored.password_hash)
    assert accounts.verify("dr.jansen", PASSWORD)


def test_access_log(any_database: Database, clock: FakeClock) -> None:
    log = AccessLog(any_database, now=clock)
    first, second = uuid.uuid4(), uuid.uuid4()
    log.record("dr.jansen", first, "opened")
    clock.advance(minutes=1)
    log.record("m-bakker", first, "printed")
    clock.advance(minutes=1)
    log.record("dr.jansen", second, "exported")
    assert [(e.username, e.action) for e in log.entries(session_id=first)] == [
        ("m-bakker", "printed"),
        ("dr.jansen", "opened"),
    ]
    assert [e.session_id for e in log.entries(username="dr.jansen")] == [second, first]
    assert len(log.entries(since=clock.now)) == 1
    assert len(log.entries(limit=2)) == 2
    with pytest.raises(ValueError, match="Unknown access-log action"):
        log.record("dr.jansen", first, "read the notes")
