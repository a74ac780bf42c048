"""The throttling rules as pure functions: histories in, a verdict out. No clock, no storage."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

NO_TIME = timedelta(0)


class KeyKind(StrEnum):
    BROWSER = "browser"
    """The browser session a try was typed in (a token the server gave it)."""
    CLIENT = "client"
    """The client's address, when it is known for certain."""
    USER = "user"
    """The username typed at a login."""


@dataclass(frozen=True)
class Backoff:
    """`free` wrong tries, then a wait before the next one: `first_wait`, doubling with every
    further wrong try, never longer than `longest_wait`."""

    free: int
    first_wait: timedelta
    longest_wait: timedelta

    def wait(self, failures: int) -> timedelta:
        if failures < self.free:
            return NO_TIME
        doublings = min(failures - self.free, 32)
        grown: timedelta = self.first_wait * (2**doublings)
        return min(self.longest_wait, grown)


@dataclass(frozen=True)
class SlowDown:
    """Once `budget` wrong tries have been made, every answer takes `step` longer, and another
    `step` per further budget, never more than `longest`."""

    budget: int
    step: timedelta
    longest: timedelta

    def delay(self, failures: int) -> timedelta:
        return min(self.longest, self.step * (failures // self.budget))


@dataclass(frozen=True)
class History:
    """The wrong tries of one key within the window."""

    failures: int = 0
    last_failure: datetime | None = None

    def plus_one(self, at: datetime) -> History:
        return History(self.failures + 1, at)


@dataclass(frozen=True)
class Verdict:
    wait: timedelta
    """How long before a try from this source is checked again; zero: it is checked now."""
    delay: timedelta
    """How long every answer waits, checked or not (the shared slow-down)."""

    @property
    def allowed(self) -> bool:
        return self.wait <= NO_TIME


@dataclass(frozen=True)
class Policy:
    window: timedelta
    """Wrong tries older than this are forgotten."""
    backoff: Mapping[KeyKind, Backoff]
    """Keys whose own wrong tries make them wait (refused until then)."""
    slow_down: Mapping[KeyKind, SlowDown] = field(default_factory=dict)
    """Keys whose wrong tries slow down every answer on that key."""
    slow_down_all: SlowDown | None = None
    """All wrong tries together slow down every answer."""

    def judge(self, histories: Mapping[KeyKind, History], total_failures: int, now: datetime) -> Verdict:
        """The verdict for a try now, from the histories of its keys and the total count."""
        wait = NO_TIME
        for kind, backoff in self.backoff.items():
            history = histories.get(kind)
            if history is not None and history.last_failure is not None:
                wait = max(wait, history.last_failure + backoff.wait(history.failures) - now)
        delays = [
            slow_down.delay(histories[kind].failures)
            for kind, slow_down in self.slow_down.items()
            if kind in histories
        ]
        if self.slow_down_all is not None:
            delays.append(self.slow_down_all.delay(total_failures))
        return Verdict(wait=max(wait, NO_TIME), delay=max(delays, default=NO_TIME))

    def wait_after_failure(self, histories: Mapping[KeyKind, History], now: datetime) -> timedelta:
        """After a wrong try now: how long before the next one from this source is checked."""
        after = {kind: history.plus_one(now) for kind, history in histories.items()}
        return self.judge(after, 0, now).wait
