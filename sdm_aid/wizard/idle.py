"""When a shared tablet clears itself: after some minutes without any activity.

Activity is anything a person does: a tap, a key, a scroll or a touch (reading is activity).
Before clearing, the screen asks "Are you still there?" for the last part of the time
(`warn_seconds`), so a family that is still reading keeps its screen with one tap.

SDM_AID_IDLE_MINUTES sets the limit (default 10). SDM_AID_IDLE_SECONDS, if set, wins: it
exists so a browser test can watch the clearing happen without waiting ten minutes.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

DEFAULT_IDLE_MINUTES = 10
WARN_SECONDS = 60
"""How long "Are you still there?" is shown before the screen clears (at most)."""


class IdlePhase(Enum):
    ACTIVE = "active"
    ASK = "ask"  # "Are you still there?" with a countdown
    EXPIRED = "expired"


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
    def warn_seconds(self) -> float:
        """The question comes a minute before clearing; with a short limit, halfway."""
        return min(WARN_SECONDS, self.seconds / 2)

    @property
    def check_every_seconds(self) -> float:
        """How often the screen asks whether the time is up: often enough that the question
        comes well within its minute, rarely enough not to disturb (at most every 15 s)."""
        return max(1.0, min(15.0, self.warn_seconds / 4))

    @property
    def report_every_seconds(self) -> float:
        """How often the browser reports reading (scrolling, touching) at most: each report
        costs a small run on the server, and a report a little late changes nothing."""
        return self.check_every_seconds

    def is_expired(self, last_activity: float, now: float) -> bool:
        return now - last_activity >= self.seconds

    def phase(self, last_activity: float, now: float) -> IdlePhase:
        quiet = now - last_activity
        if quiet >= self.seconds:
            return IdlePhase.EXPIRED
        if quiet >= self.seconds - self.warn_seconds:
            return IdlePhase.ASK
        return IdlePhase.ACTIVE

    def seconds_left(self, last_activity: float, now: float) -> int:
        """Whole seconds until the screen clears (never below zero)."""
        return max(0, math.ceil(self.seconds - (now - last_activity)))
