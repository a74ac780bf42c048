"""When a shared tablet clears itself: after some minutes without any input.

SDM_AID_IDLE_MINUTES sets the limit (default 10). SDM_AID_IDLE_SECONDS, if set, wins: it
exists so a browser test can watch the clearing happen without waiting ten minutes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_IDLE_MINUTES = 10


class IdleSettingError(ValueError):
    """The idle setting is not a positive number."""


@dataclass(frozen=True)
class IdlePolicy:
    seconds: float

    def __post_init__(self) -> None:
        if self.seconds <= 0:
            raise IdleSettingError("the idle timeout must be more than zero")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> IdlePolicy:
        environ = os.environ if environ is None else environ
        try:
            if environ.get("SDM_AID_IDLE_SECONDS"):
                return cls(float(environ["SDM_AID_IDLE_SECONDS"]))
            return cls(float(environ.get("SDM_AID_IDLE_MINUTES") or DEFAULT_IDLE_MINUTES) * 60)
        except ValueError as error:
            raise IdleSettingError(
                "SDM_AID_IDLE_MINUTES must be a number of minutes greater than zero"
            ) from error

    @property
    def check_every_seconds(self) -> float:
        """How often the browser asks whether the time is up: often enough to clear within
        about a quarter of the limit late, rarely enough not to disturb (at most every 30 s)."""
        return max(1.0, min(30.0, self.seconds / 4))

    def is_expired(self, last_activity: float, now: float) -> bool:
        return now - last_activity >= self.seconds
