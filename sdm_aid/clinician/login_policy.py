"""How long a clinician stays logged in: pure functions over timestamps.

- Idle timeout: 15 minutes without any action logs the clinician out.
- Absolute timeout: 8 hours after logging in, the clinician must log in again, however busy.

Times are aware datetimes (UTC in practice). The caller supplies `now`, so tests can move the
clock without waiting.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Literal

IDLE_TIMEOUT = timedelta(minutes=15)
ABSOLUTE_TIMEOUT = timedelta(hours=8)

LoginMethod = Literal["local", "oidc"]


class LoginState(StrEnum):
    ACTIVE = "active"
    IDLE_EXPIRED = "idle_expired"
    ABSOLUTE_EXPIRED = "absolute_expired"


@dataclass(frozen=True, slots=True)
class LoginSession:
    """One clinician's login in one browser session. Plain data (kept in session state)."""

    username: str
    method: LoginMethod
    started_at: datetime
    last_seen: datetime


def _aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise TypeError("times must be timezone-aware")


def start(username: str, method: LoginMethod, now: datetime) -> LoginSession:
    _aware(now)
    return LoginSession(username=username, method=method, started_at=now, last_seen=now)


def state(
    login: LoginSession,
    now: datetime,
    *,
    idle: timedelta = IDLE_TIMEOUT,
    absolute: timedelta = ABSOLUTE_TIMEOUT,
) -> LoginState:
    """Whether `login` still holds at `now`. The absolute limit wins when both have passed.

    A clock that went backwards (now before the last action) counts as expired: better one
    login too many than a login that never ends.
    """
    _aware(now)
    if now - login.started_at >= absolute or now < login.started_at:
        return LoginState.ABSOLUTE_EXPIRED
    if now - login.last_seen >= idle or now < login.last_seen:
        return LoginState.IDLE_EXPIRED
    return LoginState.ACTIVE


def touch(login: LoginSession, now: datetime) -> LoginSession:
    """The clinician did something at `now` (only call this for an ACTIVE login)."""
    _aware(now)
    return replace(login, last_seen=max(login.last_seen, now))


def seconds_left(
    login: LoginSession,
    now: datetime,
    *,
    idle: timedelta = IDLE_TIMEOUT,
    absolute: timedelta = ABSOLUTE_TIMEOUT,
) -> float:
    """Seconds until the first of the two limits; 0 when already expired."""
    _aware(now)
    left = min(login.last_seen + idle, login.started_at + absolute) - now
    return max(0.0, left.total_seconds())
