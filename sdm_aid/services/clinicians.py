"""Clinician accounts (argon2-hashed passwords) and the access log of who did what to which
session, when -- without any content.
"""

from __future__ import annotations

import contextlib
import logging
import re
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from sdm_aid.audit import AccessAction
from sdm_aid.clinician.throttle import LOGIN_POLICY
from sdm_aid.services.sessions import utc_now
from sdm_aid.services.throttle import Outcome, Throttle
from sdm_aid.storage.database import DuplicateError, SupportsUnitOfWork
from sdm_aid.storage.records import AccessLogEntry, ClinicianRecord
from sdm_aid.throttling.sources import AttemptSource

log = logging.getLogger(__name__)

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024


class AccountError(ValueError):
    """A username or password that cannot be used, or an account that does not exist."""


@dataclass(frozen=True, slots=True)
class Clinician:
    username: str
    created_at: datetime
    disabled_at: datetime | None

    @property
    def disabled(self) -> bool:
        return self.disabled_at is not None


def normalise_username(username: str) -> str:
    """Usernames are case-insensitive: 'Anna' and 'anna' are one account."""
    return username.strip().lower()


def check_username(username: str) -> str:
    name = normalise_username(username)
    if not USERNAME_PATTERN.fullmatch(name):
        raise AccountError(
            "A username has 3 to 32 characters: letters a-z, digits, '.', '_' or '-', starting with a "
            "letter or digit (for example j.devries). Use a work handle, not a full name."
        )
    return name


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            f"The password is too short: use at least {MIN_PASSWORD_LENGTH} characters "
            "(a few unrelated words make a good one)."
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(f"The password is too long: use at most {MAX_PASSWORD_LENGTH} characters.")
    if not password.strip():
        raise AccountError("The password cannot be only spaces.")


class ClinicianAccounts:
    def __init__(
        self,
        database: SupportsUnitOfWork,
        *,
        hasher: PasswordHasher | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.database = database
        self.hasher = hasher or PasswordHasher()
        self._now = now
        self._dummy_hash: str | None = None

    def add(self, username: str, password: str) -> Clinician:
        name = check_username(username)
        check_password(password)
        record = ClinicianRecord(
            username=name, password_hash=self.hasher.hash(password), created_at=self._now(), disabled_at=None
        )
        with self.database.unit_of_work(write=True) as uow:
            if uow.clinicians.get(name) is not None:
                raise AccountError(f"There is already an account called {name}.")
            try:
                uow.clinicians.add(record)
            except DuplicateError:
                raise AccountError(f"There is already an account called {name}.") from None
            uow.commit()
        log.info("clinician account added")
        return Clinician(record.username, record.created_at, record.disabled_at)

    def verify(self, username: str, password: str) -> bool:
        """True for the right password of an enabled account.

        Unknown and disabled accounts cost the same argon2 work as known ones, so the time
        taken does not tell which usernames exist. A hash made with older parameters is
        replaced after a successful check.
        """
        name = normalise_username(username)
        with self.database.unit_of_work() as uow:
            record = uow.clinicians.get(name) if USERNAME_PATTERN.fullmatch(name) else None
        if record is None or record.disabled_at is not None:
            self._spend_equal_time(password)
            return False
        try:
            self.hasher.verify(record.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
        if self.hasher.check_needs_rehash(record.password_hash):
            with self.database.unit_of_work(write=True) as uow:
                uow.clinicians.set_password_hash(name, self.hasher.hash(password))
                uow.commit()
            log.info("clinician password hash upgraded")
        return True

    def _spend_equal_time(self, password: str) -> None:
        if self._dummy_hash is None:
            self._dummy_hash = self.hasher.hash(secrets.token_hex(16))
        with contextlib.suppress(VerificationError):
            self.hasher.verify(self._dummy_hash, password)

    def set_password(self, username: str, password: str) -> None:
        name = normalise_username(username)
        check_password(password)
        with self.database.unit_of_work(write=True) as uow:
            if uow.clinicians.get(name) is None:
                raise AccountError(f"There is no account called {name}.")
            uow.clinicians.set_password_hash(name, self.hasher.hash(password))
            uow.commit()

    def disable(self, username: str) -> None:
        """The account can no longer log in. Its access-log entries stay."""
        name = normalise_username(username)
        with self.database.unit_of_work(write=True) as uow:
            if not uow.clinicians.set_disabled(name, self._now()):
                raise AccountError(f"There is no account called {name}.")
            uow.commit()
        log.info("clinician account disabled")

    def enable(self, username: str) -> None:
        name = normalise_username(username)
        with self.database.unit_of_work(write=True) as uow:
            if not uow.clinicians.set_disabled(name, None):
                raise AccountError(f"There is no account called {name}.")
            uow.commit()

    def list(self) -> list[Clinician]:
        with self.database.unit_of_work() as uow:
            records = uow.clinicians.all()
        return [Clinician(r.username, r.created_at, r.disabled_at) for r in records]


@dataclass(frozen=True, slots=True)
class LoginAttempt:
    ok: bool
    username: str
    wait: timedelta = timedelta(0)
    """When not ok: how long before this browser (or this username) may try again."""
    checked: bool = True
    """False: refused without checking the password, because a wait was running."""


class ClinicianLogin:
    """Local logins, throttled by `sdm_aid.clinician.throttle.LOGIN_POLICY`.

    A refused try costs the same as a checked one (the password is verified and the result
    thrown away, the same rows read and written), so the time an answer takes tells nothing.
    """

    def __init__(
        self,
        accounts: ClinicianAccounts,
        secret: bytes,
        *,
        now: Callable[[], datetime] = utc_now,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.accounts = accounts
        self.throttle = Throttle("login", LOGIN_POLICY, secret, sleep=sleep)
        self._now = now

    def attempt(self, username: str, password: str, source: AttemptSource) -> LoginAttempt:
        name = normalise_username(username)
        source = replace(source, user=name)
        database = self.accounts.database
        now = self._now()
        with database.unit_of_work() as uow:
            reading = self.throttle.read(uow, source, now)
        verified = self.accounts.verify(name, password)  # also when refused: the same time
        if not reading.verdict.allowed:
            outcome = Outcome.REFUSED
        else:
            outcome = Outcome.SUCCEEDED if verified else Outcome.FAILED
        with database.unit_of_work(write=True) as uow:
            wait = self.throttle.record(uow, reading, outcome, now)
            if outcome is Outcome.SUCCEEDED:  # the login and its access-log row: one transaction
                uow.access_log.add(
                    AccessLogEntry(
                        at=now, username=name, session_id=None, action=AccessAction.LOGGED_IN.value
                    )
                )
            uow.commit()
        self.throttle.slow_down(reading)
        if outcome is not Outcome.SUCCEEDED:
            log.info("clinician login failed%s", "" if reading.verdict.allowed else " (refused unchecked)")
        return LoginAttempt(
            ok=outcome is Outcome.SUCCEEDED, username=name, wait=wait, checked=reading.verdict.allowed
        )


class AccessLog:
    """Who opened, printed, exported or erased which session, and when. Never content."""

    def __init__(self, database: SupportsUnitOfWork, *, now: Callable[[], datetime] = utc_now) -> None:
        self.database = database
        self._now = now

    def record(
        self, username: str, session_id: uuid.UUID | None, action: AccessAction | str
    ) -> AccessLogEntry:
        try:
            action = AccessAction(action)
        except ValueError:
            raise ValueError(f"Unknown access-log action {action!r}.") from None
        entry = AccessLogEntry(
            at=self._now(),
            username=normalise_username(username)[:64],
            session_id=session_id,
            action=action.value,
        )
        with self.database.unit_of_work(write=True) as uow:
            uow.access_log.add(entry)
            uow.commit()
        return entry

    def entries(
        self,
        *,
        session_id: uuid.UUID | None = None,
        username: str | None = None,
        since: datetime | None = None,
        limit: int = 200,
    ) -> list[AccessLogEntry]:
        """Newest first."""
        with self.database.unit_of_work() as uow:
            return uow.access_log.entries(
                session_id=session_id,
                username=normalise_username(username) if username else None,
                since=since,
                limit=limit,
            )
