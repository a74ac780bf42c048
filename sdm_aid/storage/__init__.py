"""Persistence of decision sessions, resume codes, clinician accounts and the access log.

Callers normally use `sdm_aid.services`; this package is the layer under it.
"""

from sdm_aid.storage.database import Database, DuplicateError, open_database
from sdm_aid.storage.errors import (
    DatabaseUnavailableError,
    ResumeCodeError,
    ResumeThrottledError,
    SessionNotFoundError,
    StaleSessionError,
    StorageError,
)
from sdm_aid.storage.records import FollowUpRow, SessionOrder, SessionPage, SessionRow

__all__ = [
    "Database",
    "DatabaseUnavailableError",
    "DuplicateError",
    "FollowUpRow",
    "ResumeCodeError",
    "ResumeThrottledError",
    "SessionNotFoundError",
    "SessionOrder",
    "SessionPage",
    "SessionRow",
    "StaleSessionError",
    "StorageError",
    "open_database",
]
