"""Throttle state for resume codes and clinician logins, shared by every server process.

`resume_attempts` counted wrong codes per client address only; its rows were at most a
window (15 minutes) old and are not carried over. `throttle_attempts` keeps one row per
try that counts: its scope, time, whether it was checked, and keyed hashes of the browser,
the client address and the username.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sdm_aid.storage.tables import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "throttle_attempts",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("failed", sa.Boolean, nullable=False),
        sa.Column("browser_key", sa.String(64), nullable=True),
        sa.Column("client_key", sa.String(64), nullable=True),
        sa.Column("user_key", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_throttle_attempts"),
    )
    for key in ("browser_key", "client_key", "user_key"):
        op.create_index(f"ix_throttle_attempts_scope_{key}_at", "throttle_attempts", ["scope", key, "at"])
    op.create_index("ix_throttle_attempts_scope_at", "throttle_attempts", ["scope", "at"])

    op.drop_index("ix_resume_attempts_at", table_name="resume_attempts")
    op.drop_index("ix_resume_attempts_client_hash_at", table_name="resume_attempts")
    op.drop_table("resume_attempts")


def downgrade() -> None:
    op.create_table(
        "resume_attempts",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("client_hash", sa.String(64), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_resume_attempts"),
    )
    op.create_index("ix_resume_attempts_client_hash_at", "resume_attempts", ["client_hash", "at"])
    op.create_index("ix_resume_attempts_at", "resume_attempts", ["at"])
    op.drop_table("throttle_attempts")
