"""What a script run no longer redoes: the settings, the grid library and the grid HTML are kept,
and the library is still read again as soon as a grid file changes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from sdm_ui import grid_view, services

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "grid_minimal.json"


@pytest.fixture
def grid_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "grids"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "grid_minimal.json")
    monkeypatch.setenv("SDM_AID_GRID_DIR", str(folder))
    monkeypatch.setenv("SDM_AID_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SDM_AID_DATABASE_URL", raising=False)
    return folder


def _retitle(path: Path, title: str) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"] = {"nl": title, "en": title}
    path.write_text(json.dumps(data), encoding="utf-8")
    stat = path.stat()  # a later change time even on a coarse clock
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))


def test_the_library_is_kept_until_a_grid_file_changes(grid_dir: Path) -> None:
    first = services.library()
    assert services.library() is first  # nothing read again
    (loaded,) = first.grids.values()

    _retitle(grid_dir / "grid_minimal.json", "Nieuwe titel")
    second = services.library()
    assert second is not first
    assert second.grids[loaded.grid.id].grid.title.get("nl") == "Nieuwe titel"
    assert services.library() is second

    (grid_dir / "broken.json").write_text("{", encoding="utf-8")
    third = services.library()
    assert third is not second and third.errors

    (grid_dir / "broken.json").unlink()
    assert not services.library().errors


def test_settings_are_read_once_per_environment(grid_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = services.settings()
    assert services.settings() is first
    monkeypatch.setenv("SDM_AID_RESUME_CODE_DAYS", "7")
    changed = services.settings()
    assert changed is not first and changed.resume_code_days == 7


def test_grid_html_is_built_once_per_grid_object(grid_dir: Path) -> None:
    (loaded,) = services.library().grids.values()
    table = grid_view._cached("table", loaded.grid, "nl")
    assert table.count("<table") == 1 and table.count("<tbody>") == len(loaded.grid.questions)
    assert grid_view._cached("table", loaded.grid, "nl") is table
    assert grid_view._cached("table", loaded.grid, "en") is not table

    _retitle(grid_dir / "grid_minimal.json", "Andere titel")  # a new grid object after a change
    (reloaded,) = services.library().grids.values()
    assert reloaded.grid is not loaded.grid
    assert grid_view._cached("table", reloaded.grid, "nl") is not table
