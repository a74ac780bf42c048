"""Initial schema: sessions, resume codes and attempts, clinician accounts, access log.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sdm_aid.storage.tables import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.Uuid, nullable=False),
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
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
    )
    op.create_index("ix_sessions_status_updated_at", "sessions", ["status", "updated_at"])
    op.create_index("ix_sessions_updated_at", "sessions", ["updated_at"])
    op.create_index(
        "ix_sessions_follow_up_status_follow_up_at_id", "sessions", ["follow_up_status", "follow_up_at", "id"]
    )
    op.create_index("ix_sessions_grid_id", "sessions", ["grid_id"])

    op.create_table(
        "resume_codes",
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("session_id", sa.Uuid, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("expires_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("code_hash", name="pk_resume_codes"),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name="fk_resume_codes_session_id_sessions", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_resume_codes_session_id", "resume_codes", ["session_id"])

    op.create_table(
        "resume_attempts",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("client_hash", sa.String(64), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_resume_attempts"),
    )
    op.create_index("ix_resume_attempts_client_hash_at", "resume_attempts", ["client_hash", "at"])
    op.create_index("ix_resume_attempts_at", "resume_attempts", ["at"])

    op.create_table(
        "clinicians",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("disabled_at", UTCDateTime, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_clinicians"),
        sa.UniqueConstraint("username", name="uq_clinicians_username"),
    )

    op.create_table(
        "access_log",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("session_id", sa.Uuid, nullable=True),
        sa.Column("action", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_access_log"),
    )
    op.create_index("ix_access_log_session_id", "access_log", ["session_id"])
    op.create_index("ix_access_log_at", "access_log", ["at"])


def downgrade() -> None:
    op.drop_table("access_log")
    op.drop_table("clinicians")
    op.drop_table("resume_attempts")
    op.drop_table("resume_codes")
    op.drop_table("sessions")
