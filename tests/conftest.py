"""Shared test settings. Fixtures for a part of the product live next to its tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# A missing Dutch text fails the test that shows it.
os.environ.setdefault("SDM_AID_STRICT_I18N", "1")

# `from factories import ...` in every test module.
sys.path.insert(0, str(Path(__file__).parent))

# Database fixtures (SQLite file + PostgreSQL) for the storage, service and CLI tests.
pytest_plugins = ["database_fixtures"]
