"""The errors storage and services raise. A caller never sees a raw SQLAlchemy exception.

Messages are for the person in front of the screen: what happened, and that nothing was saved.
They never contain answer text, resume codes or SQL parameters.
"""

from __future__ import annotations

from datetime import timedelta


class StorageError(Exception):
    """Base of every storage error."""


class SessionNotFoundError(StorageError):
    def __init__(self, message: str = "This session does not exist (any more).") -> None:
        super().__init__(message)


class StaleSessionError(StorageError):
    """A save based on an older version: someone else saved in the meantime."""

    def __init__(
        self,
        message: str = (
            "Someone else saved this session in the meantime. Your changes were not saved: "
            "open the session again to see the latest version."
        ),
    ) -> None:
        super().__init__(message)


class ResumeCodeError(StorageError):
    """One generic message for unknown, expired and malformed codes.

    `wait`: how long before a code typed in the same browser is checked again (zero: at
    once); it grows with that browser's own wrong codes only.
    """

    MESSAGE = "Unknown or expired code."

    def __init__(self, wait: timedelta = timedelta(0)) -> None:
        super().__init__(self.MESSAGE)
        self.wait = wait


class ResumeThrottledError(ResumeCodeError):
    """The code was not checked: this browser has to wait `wait` first."""

    MESSAGE = "Too many wrong codes; wait before trying again."


class DatabaseUnavailableError(StorageError):
    """Locked too long, read-only, disk full, file or server gone. Nothing was saved."""
