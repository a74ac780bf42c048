"""Shared test settings. Fixtures for a part of the product live next to its tests."""

from __future__ import annotations

import os

# A missing Dutch text fails the test that shows it.
os.environ.setdefault("SDM_AID_STRICT_I18N", "1")
