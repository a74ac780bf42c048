"""Applying a throttling policy (sdm_aid.throttling) to tries, with the state in the database.

A service reads the verdict and records the outcome inside its own unit of work, so a try
at a resume code is one transaction. Every try, whether it is checked or refused, does the
same reads and one insert, and waits the same shared slow-down: the time an answer takes
does not tell a guesser whether the try was checked.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from sdm_aid.storage.records import AttemptRecord
from sdm_aid.storage.repository import UnitOfWork
from sdm_aid.throttling.policy import History, KeyKind, Policy, Verdict
from sdm_aid.throttling.sources import AttemptSource


class Outcome(Enum):
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    """Checked, and wrong."""
    REFUSED = "refused"
    """Not checked: the source had to wait."""


@dataclass(frozen=True)
class Reading:
    """What the database says about one try's source, and the verdict for it."""

    keys: dict[KeyKind, str]
    histories: dict[KeyKind, History]
    verdict: Verdict


class Throttle:
    def __init__(
        self,
        scope: str,
        policy: Policy,
        secret: bytes,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.scope = scope
        self.policy = policy
        self._secret = secret
        self._sleep = sleep

    def read(self, uow: UnitOfWork, source: AttemptSource, now: datetime) -> Reading:
        since = now - self.policy.window
        keys = source.keys(self.scope, self._secret)
        histories = {
            kind: uow.throttle.history(self.scope, kind, key, since=since) for kind, key in keys.items()
        }
        total = uow.throttle.failures(self.scope, since=since)
        return Reading(keys, histories, self.policy.judge(histories, total, now))

    def record(self, uow: UnitOfWork, reading: Reading, outcome: Outcome, now: datetime) -> timedelta:
        """Store the outcome (in `uow`, not committed); the wait the answer should name."""
        if outcome is Outcome.SUCCEEDED:
            # Right at last: the source's own mistakes are forgiven (shared counts stay).
            for kind in self.policy.backoff:
                if kind in reading.keys:
                    uow.throttle.forget(self.scope, kind, reading.keys[kind])
            wait = timedelta(0)
        else:
            uow.throttle.add(
                AttemptRecord(self.scope, now, failed=outcome is Outcome.FAILED, keys=reading.keys)
            )
            wait = (
                self.policy.wait_after_failure(reading.histories, now)
                if outcome is Outcome.FAILED
                else reading.verdict.wait
            )
        uow.throttle.forget_before(self.scope, now - self.policy.window)
        return wait

    def slow_down(self, reading: Reading) -> None:
        """The shared slow-down; call it after the transaction, before answering."""
        seconds = reading.verdict.delay.total_seconds()
        if seconds > 0:
            self._sleep(seconds)
