"""What the storage layer keeps per session, and the rows it answers queries with.

`SessionRecord` is one `sessions` row: the full session document plus the columns projected
from it for the list and follow-up queries. `SessionRow` and `FollowUpRow` are what lists
show: pseudonymous id, grid, status, dates -- never answer text and never a resume code.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from sdm_aid.sessions import versions
from sdm_aid.sessions.models import DecisionSession
from sdm_aid.sessions.status import SessionStatus, session_status
from sdm_aid.throttling.policy import KeyKind

FollowUpKind = Literal["due", "overdue", "upcoming"]
FOLLOW_UP_KINDS: tuple[FollowUpKind, ...] = ("due", "overdue", "upcoming")
ListFollowUp = Literal["attention", "due", "overdue", "upcoming"]
"""A session list's follow-up filter: a kind, or 'attention' (overdue and due together)."""
LIST_FOLLOW_UPS: tuple[ListFollowUp, ...] = ("attention", *FOLLOW_UP_KINDS)


class SessionOrder(StrEnum):
    UPDATED_DESC = "-updated"
    UPDATED_ASC = "updated"
    CREATED_DESC = "-created"
    CREATED_ASC = "created"
    FOLLOW_UP_ASC = "follow_up"


def content_hash(document: dict[str, Any]) -> str:
    """SHA-256 of what was said, leaving out the fields storage itself sets on a save.

    Two saves with equal hashes from the same base version are the same save (a retry).
    """
    content = {key: value for key, value in document.items() if key not in ("version", "updated_at")}
    return hashlib.sha256(json.dumps(content, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class SessionRecord:
    id: uuid.UUID
    version: int
    grid_id: str
    grid_version: str
    grid_hash: str
    language: str
    status: str
    created_at: datetime
    updated_at: datetime
    follow_up_at: datetime | None
    follow_up_status: str | None
    content_hash: str
    document: dict[str, Any]

    @classmethod
    def from_session(cls, session: DecisionSession, *, version: int, updated_at: datetime) -> SessionRecord:
        stored = session.model_copy(update={"version": version, "updated_at": updated_at})
        document = stored.model_dump(mode="json")
        follow_up = session.follow_up
        return cls(
            id=session.id,
            version=version,
            grid_id=session.grid.id,
            grid_version=session.grid.version,
            grid_hash=session.grid.content_hash,
            language=session.language,
            status=session_status(session).value,
            created_at=session.created_at,
            updated_at=updated_at,
            follow_up_at=follow_up.starts_at if follow_up else None,
            follow_up_status=follow_up.status.value if follow_up else None,
            content_hash=content_hash(document),
            document=document,
        )

    def to_session(self) -> DecisionSession:
        """The stored document as a session, upgraded from an older format if need be."""
        return versions.read(self.document)

    def row(self) -> SessionRow:
        return SessionRow(
            id=self.id,
            grid_id=self.grid_id,
            grid_version=self.grid_version,
            status=self.status,
            language=self.language,
            created_at=self.created_at,
            updated_at=self.updated_at,
            follow_up_at=self.follow_up_at,
            follow_up_status=self.follow_up_status,
        )


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One line of a session list. Nothing a participant typed."""

    id: uuid.UUID
    grid_id: str
    grid_version: str
    status: str
    language: str
    created_at: datetime
    updated_at: datetime
    follow_up_at: datetime | None
    follow_up_status: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "grid_id": self.grid_id,
            "grid_version": self.grid_version,
            "status": self.status,
            "language": self.language,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "follow_up_at": self.follow_up_at.isoformat() if self.follow_up_at else None,
            "follow_up_status": self.follow_up_status,
        }


@dataclass(frozen=True, slots=True)
class SessionPage:
    rows: list[SessionRow]
    total: int
    """All sessions matching the filter, not just this page."""
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    """A planned follow-up that is due, overdue or upcoming (`state`, as `follow_up_state` says)."""

    session_id: uuid.UUID
    grid_id: str
    grid_version: str
    status: str
    language: str
    follow_up_at: datetime
    updated_at: datetime
    state: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "session_id": str(self.session_id),
            "state": self.state,
            "grid_id": self.grid_id,
            "grid_version": self.grid_version,
            "status": self.status,
            "language": self.language,
            "follow_up_at": self.follow_up_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class SessionQuery:
    """Filters for a session list. Follow-up bounds are resolved by the service (it owns 'now')."""

    status: SessionStatus | None = None
    planned_follow_up: bool = False
    """Only sessions with a planned follow-up, between the two bounds below (either may be open)."""
    follow_up_from: datetime | None = None
    follow_up_before: datetime | None = None
    grid_id: str | None = None
    changed_from: datetime | None = None
    changed_to: datetime | None = None
    order: SessionOrder = SessionOrder.UPDATED_DESC
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class ResumeCodeRecord:
    code_hash: str
    session_id: uuid.UUID
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class InvitationRecord:
    """A personal code for one participant (its keyed hash only)."""

    code_hash: str
    session_id: uuid.UUID
    participant_id: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None = None
    used_at: datetime | None = None

    def usable(self, now: datetime) -> bool:
        return self.revoked_at is None and self.expires_at > now


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    """One try at a resume code or a login, as the throttle keeps it: keyed hashes only."""

    scope: str
    at: datetime
    failed: bool
    """True: checked and wrong. False: refused unchecked while its source had to wait."""
    keys: dict[KeyKind, str]


@dataclass(frozen=True, slots=True)
class ClinicianRecord:
    username: str
    password_hash: str
    created_at: datetime
    disabled_at: datetime | None


@dataclass(frozen=True, slots=True)
class AccessLogEntry:
    at: datetime
    username: str
    session_id: uuid.UUID | None
    action: str
