"""Alembic migrations, configured in code (no alembic.ini): see `sdm_aid.storage.database`."""
