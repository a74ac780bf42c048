"""AppTest fixtures: a temporary data folder (SQLite file) and the minimal test grid."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit import config

sys.path.insert(0, str(Path(__file__).parent))  # `import wizard_driver`

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def app_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    grids = tmp_path / "grids"
    grids.mkdir()
    (grids / "grid_minimal.json").write_bytes((FIXTURES / "grid_minimal.json").read_bytes())
    monkeypatch.setenv("SDM_AID_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SDM_AID_GRID_DIR", str(grids))
    monkeypatch.delenv("SDM_AID_DATABASE_URL", raising=False)
    monkeypatch.delenv("SDM_AID_IDLE_SECONDS", raising=False)
    # AppTest keeps each widget's format function in session state for its own use, and
    # those are not picklable. The app's own keys are checked by `test_app_state_pickles`,
    # and the browser tests run with the real, enforcing config.
    previous = config.get_option("runner.enforceSerializableSessionState")
    config.set_option("runner.enforceSerializableSessionState", False)
    yield tmp_path
    config.set_option("runner.enforceSerializableSessionState", previous)
