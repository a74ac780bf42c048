"""The clinician pages' clock. One function, so tests can move time (monkeypatch `now`)."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    return datetime.now(UTC)
