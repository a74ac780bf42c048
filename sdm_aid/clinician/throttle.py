"""Slowing down password guessing on the clinician login.

Failed logins are counted per client (the browser's address) and per username, in a sliding
window. Once either count reaches its limit, every attempt from that client or for that
username is refused without checking the password, until old failures leave the window.
The login form shows one generic message for a wrong password and for a refusal, so it
tells an attacker nothing about which usernames exist.

In memory, per server process: enough for one clinic's server, and nothing personal is
written anywhere (keys are only held while they count).
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_CLIENT = 5
MAX_FAILURES_PER_USERNAME = 10


@dataclass
class LoginThrottle:
    window: timedelta = WINDOW
    max_per_client: int = MAX_FAILURES_PER_CLIENT
    max_per_username: int = MAX_FAILURES_PER_USERNAME
    _failures: dict[tuple[str, str], deque[datetime]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @staticmethod
    def _keys(client: str, username: str) -> tuple[tuple[str, str], tuple[str, str]]:
        return ("client", client), ("user", username.strip().lower())

    def _recent(self, key: tuple[str, str], now: datetime) -> int:
        times = self._failures.get(key)
        if not times:
            return 0
        while times and now - times[0] >= self.window:
            times.popleft()
        if not times:
            del self._failures[key]
            return 0
        return len(times)

    def allowed(self, client: str, username: str, now: datetime) -> bool:
        """False while this client or this username has too many recent failures."""
        client_key, user_key = self._keys(client, username)
        with self._lock:
            return (
                self._recent(client_key, now) < self.max_per_client
                and self._recent(user_key, now) < self.max_per_username
            )

    def failed(self, client: str, username: str, now: datetime) -> None:
        with self._lock:
            for key in self._keys(client, username):
                self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, client: str, username: str) -> None:
        with self._lock:
            for key in self._keys(client, username):
                self._failures.pop(key, None)
