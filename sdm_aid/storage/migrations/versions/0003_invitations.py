"""Personal codes: a participant invited to answer on their own device.

One row per code, stored as its keyed hash (like a resume code), with the participant it is
for, when it expires, and when it was taken back or first used. Erasing a session removes
its codes (ON DELETE CASCADE, and explicitly by the repository).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sdm_aid.storage.tables import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "invitations",
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("session_id", sa.Uuid, nullable=False),
        sa.Column("participant_id", sa.String(20), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("expires_at", UTCDateTime, nullable=False),
        sa.Column("revoked_at", UTCDateTime, nullable=True),
        sa.Column("used_at", UTCDateTime, nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_invitations_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("code_hash", name="pk_invitations"),
    )
    op.create_index(
        "ix_invitations_session_id_participant_id", "invitations", ["session_id", "participant_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_invitations_session_id_participant_id", table_name="invitations")
    op.drop_table("invitations")
