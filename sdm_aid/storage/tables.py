"""The database schema (SQLAlchemy Core). Portable types only: SQLite and PostgreSQL alike.

Changes go through a new Alembic migration in `sdm_aid/storage/migrations/versions/`.
The full session lives in `sessions.document` (JSON); the columns next to it are projections
of that document for the list and follow-up queries, kept in step by the repository.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """A timezone-aware datetime stored as UTC; always read back aware (UTC).

    SQLite keeps no timezone, so the value is normalised to UTC on the way in and tagged
    UTC on the way out. Naive datetimes are refused: their meaning would be a guess.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use an aware datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment: datetime = value
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("grid_id", sa.String(100), nullable=False),
    sa.Column("grid_version", sa.String(40), nullable=False),
    sa.Column("grid_hash", sa.String(64), nullable=False),
    sa.Column("language", sa.String(5), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("follow_up_at", UTCDateTime, nullable=True),
    sa.Column("follow_up_status", sa.String(20), nullable=True),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("document", sa.JSON, nullable=False),
    sa.Index(None, "status", "updated_at"),
    sa.Index(None, "updated_at"),
    sa.Index(None, "follow_up_status", "follow_up_at", "id"),
    sa.Index(None, "grid_id"),
)

resume_codes = sa.Table(
    "resume_codes",
    metadata,
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("session_id", sa.Uuid, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False),
    sa.Index(None, "session_id"),
)

invitations = sa.Table(
    "invitations",
    metadata,
    # A personal code for one participant: stored only as its keyed hash, like a resume code.
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("session_id", sa.Uuid, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    sa.Column("participant_id", sa.String(20), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False),
    sa.Column("revoked_at", UTCDateTime, nullable=True),
    sa.Column("used_at", UTCDateTime, nullable=True),
    sa.Index(None, "session_id", "participant_id"),
)

throttle_attempts = sa.Table(
    "throttle_attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("scope", sa.String(16), nullable=False),  # "resume" or "login"
    sa.Column("at", UTCDateTime, nullable=False),
    # True: a checked, wrong try. False: refused unchecked while its source had to wait.
    sa.Column("failed", sa.Boolean, nullable=False),
    # Keyed hashes (sdm_aid.throttling.sources): never a token, address or username itself.
    sa.Column("browser_key", sa.String(64), nullable=True),
    sa.Column("client_key", sa.String(64), nullable=True),
    sa.Column("user_key", sa.String(64), nullable=True),
    sa.Index(None, "scope", "browser_key", "at"),
    sa.Index(None, "scope", "client_key", "at"),
    sa.Index(None, "scope", "user_key", "at"),
    sa.Index(None, "scope", "at"),
)

clinicians = sa.Table(
    "clinicians",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("disabled_at", UTCDateTime, nullable=True),
)

access_log = sa.Table(
    "access_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("username", sa.String(64), nullable=False),
    # No foreign key on purpose: the log outlives an erased session (pseudonymous id only).
    sa.Column("session_id", sa.Uuid, nullable=True),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Index(None, "session_id"),
    sa.Index(None, "at"),
)
