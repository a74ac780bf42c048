"""Alembic environment: always runs on a connection (and transaction) handed in by
`sdm_aid.storage.database.migrate`, which holds the migration lock."""

from __future__ import annotations

from alembic import context

from sdm_aid.storage.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite has almost no ALTER TABLE; batch mode rebuilds tables
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
