"""The loader's public API: what a loaded grid carries, and how failures are reported."""

from __future__ import annotations

import hashlib
import json
import pickle
from datetime import date
from pathlib import Path

import pytest
from factories import MINIMAL_GRID_PATH

from sdm_aid.content import loader
from sdm_aid.content.json_reading import MAX_FILE_BYTES
from sdm_aid.content.loader import (
    GridLibrary,
    GridLoadError,
    GridProblem,
    LoadedGrid,
    default_grid_dir,
    load_grid,
    load_grid_bytes,
    load_library,
)
from sdm_aid.sessions.models import GridRef

TODAY = date(2026, 11, 22)


def _grid_dict(**changes) -> dict:
    grid = json.loads(MINIMAL_GRID_PATH.read_text(encoding="utf-8"))
    grid.update(changes)
    return grid


def _write(folder: Path, name: str, grid: dict) -> Path:
    path = folder / name
    path.write_text(json.dumps(grid, ensure_ascii=False), encoding="utf-8")
    return path


def test_loaded_grid_carries_grid_path_hash_and_reference():
    raw = MINIMAL_GRID_PATH.read_bytes()
    loaded = load_grid(MINIMAL_GRID_PATH, today=TODAY)
    assert isinstance(loaded, LoadedGrid)
    assert loaded.grid.id == "test-worry"
    assert loaded.path == MINIMAL_GRID_PATH
    assert loaded.content_hash == hashlib.sha256(raw).hexdigest()
    assert loaded.ref() == GridRef(id="test-worry", version="1.0", content_hash=loaded.content_hash)
    assert loaded.expired is False


def test_file_name_that_differs_from_the_id_is_only_a_warning():
    loaded = load_grid(MINIMAL_GRID_PATH, today=TODAY)
    assert [(w.location, w.severity) for w in loaded.warnings] == [("id", "warning")]


def test_bytes_get_no_file_name_warning_and_no_path():
    loaded = load_grid_bytes(MINIMAL_GRID_PATH.read_bytes(), source_name="upload.json", today=TODAY)
    assert loaded.path is None
    assert loaded.warnings == []


def test_expired_is_judged_on_the_given_day():
    raw = MINIMAL_GRID_PATH.read_bytes()  # next review due 2030-01-01
    assert not load_grid_bytes(raw, source_name="x", today=date(2030, 1, 1)).expired
    late = load_grid_bytes(raw, source_name="x", today=date(2030, 1, 2))
    assert late.expired
    assert [w.location for w in late.warnings] == ["governance.next_review_due"]
    assert "expired" in late.warnings[0].message


def test_all_problems_of_a_file_are_reported_at_once():
    grid = _grid_dict(audience="kids", version="v1")
    grid["title"].pop("en")
    grid["sources"][1]["id"] = "src-a"
    with pytest.raises(GridLoadError) as caught:
        load_grid_bytes(json.dumps(grid).encode(), source_name="many.json", today=TODAY)
    locations = {problem.location for problem in caught.value.problems}
    assert {"audience", "version", "title.en", "sources[1].id"} <= locations


def test_error_text_has_one_line_per_problem_naming_file_and_location():
    error = GridLoadError(
        "grids/a.json",
        [
            GridProblem("title.en", "The English text ('en') is missing.", "Add an 'en'."),
            GridProblem("sources[0].id", "Not cited.", "Cite it.", "warning"),
        ],
    )
    assert str(error).splitlines() == [
        "grids/a.json:title.en: The English text ('en') is missing. — Add an 'en'.",
        "grids/a.json:sources[0].id: warning: Not cited. — Cite it.",
    ]
    assert [p.location for p in error.errors] == ["title.en"]
    assert [p.location for p in error.warnings] == ["sources[0].id"]
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.file, copy.problems) == (error.file, error.problems)


def test_a_missing_file_is_a_grid_load_error(tmp_path):
    with pytest.raises(GridLoadError) as caught:
        load_grid(tmp_path / "nope.json")
    assert caught.value.file == str(tmp_path / "nope.json")
    assert caught.value.problems[0].message == "The file does not exist."


def test_a_folder_is_a_grid_load_error(tmp_path):
    with pytest.raises(GridLoadError, match="folder"):
        load_grid(tmp_path)


def test_an_unreadable_file_is_a_grid_load_error(tmp_path, monkeypatch):
    path = _write(tmp_path, "test-worry.json", _grid_dict())

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(GridLoadError, match="permission denied"):
        load_grid(path)


def test_a_too_large_file_is_refused_before_parsing(tmp_path):
    path = tmp_path / "huge.json"
    path.write_bytes(b'{"a": "' + b"x" * MAX_FILE_BYTES + b'"}')
    with pytest.raises(GridLoadError) as caught:
        load_grid(path)
    assert caught.value.problems[0].location == "$"
    assert "too large" in caught.value.problems[0].message


def test_the_number_of_reported_problems_is_capped():
    grid = _grid_dict()
    grid["considerations"] = [{"id": f"Bad Id {n}", "text": {"nl": "x", "en": "x"}} for n in range(300)]
    with pytest.raises(GridLoadError) as caught:
        load_grid_bytes(json.dumps(grid).encode(), source_name="x.json", today=TODAY)
    problems = caught.value.problems
    assert len(problems) == loader.MAX_PROBLEMS + 1
    assert "more problems" in problems[-1].message


def test_a_bug_in_the_checks_still_surfaces_as_grid_load_error(monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(loader, "check_consistency", broken)
    with pytest.raises(GridLoadError, match="unexpected problem"):
        load_grid_bytes(MINIMAL_GRID_PATH.read_bytes(), source_name="x.json")


def test_library_loads_every_json_file_sorted_by_dutch_title(tmp_path):
    first = _grid_dict(id="b-grid", title={"nl": "Angst", "en": "Z anxiety"})
    second = _grid_dict(id="a-grid", title={"nl": "Boosheid", "en": "Anger"})
    _write(tmp_path, "b-grid.json", first)
    _write(tmp_path, "a-grid.json", second)
    (tmp_path / "notes.txt").write_text("not a grid")
    nested = tmp_path / "drafts"
    nested.mkdir()
    _write(nested, "c-grid.json", _grid_dict(id="c-grid"))
    library = load_library(tmp_path, today=TODAY)
    assert isinstance(library, GridLibrary)
    assert list(library.grids) == ["b-grid", "a-grid"]
    assert library.errors == []
    assert library.get("a-grid") is library.grids["a-grid"]


def test_library_keeps_valid_grids_and_lists_broken_files(tmp_path):
    _write(tmp_path, "test-worry.json", _grid_dict())
    (tmp_path / "broken.json").write_text("{")
    library = load_library(tmp_path, today=TODAY)
    assert list(library.grids) == ["test-worry"]
    assert [Path(error.file).name for error in library.errors] == ["broken.json"]


def test_a_duplicate_grid_id_keeps_the_first_file_and_names_both(tmp_path):
    _write(tmp_path, "test-worry.json", _grid_dict())
    second = _grid_dict()
    second["version"] = "2.0"
    _write(tmp_path, "z-copy.json", second)
    library = load_library(tmp_path, today=TODAY)
    served = library.grids["test-worry"]
    assert served.path.name == "test-worry.json" and served.grid.version == "1.0"
    [error] = library.errors
    assert Path(error.file).name == "z-copy.json"
    [problem] = error.problems
    assert problem.location == "id" and problem.severity == "error"
    assert "already used by 'test-worry.json', which is loaded instead" in problem.message
    assert "'z-copy.json' is left out" in problem.message
    assert "z-copy.json" in served.warnings[-1].message


def test_the_first_by_file_name_wins_and_an_invalid_first_file_does_not_count(tmp_path):
    _write(tmp_path, "a-first.json", _grid_dict())
    _write(tmp_path, "b-second.json", _grid_dict())
    (tmp_path / "0-broken.json").write_text('{"id": "test-worry"')
    library = load_library(tmp_path, today=TODAY)
    assert library.grids["test-worry"].path.name == "a-first.json"
    assert sorted(Path(error.file).name for error in library.errors) == ["0-broken.json", "b-second.json"]


def test_library_of_a_missing_folder_reports_instead_of_raising(tmp_path):
    library = load_library(tmp_path / "nowhere")
    assert library.grids == {}
    assert "does not exist" in library.errors[0].problems[0].message


def test_default_grid_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("SDM_AID_GRID_DIR", raising=False)
    assert default_grid_dir() == Path(loader.__file__).resolve().parents[2] / "option_grids"
    monkeypatch.setenv("SDM_AID_GRID_DIR", str(tmp_path))
    assert default_grid_dir() == tmp_path
    _write(tmp_path, "test-worry.json", _grid_dict())
    assert list(load_library(today=TODAY).grids) == ["test-worry"]


def test_validation_is_strict_about_types():
    grid = _grid_dict()
    grid["questions"][0]["answers"]["talking"]["likelihood"]["count"] = 6.0
    with pytest.raises(GridLoadError) as caught:
        load_grid_bytes(json.dumps(grid).encode(), source_name="x.json", today=TODAY)
    assert caught.value.problems[0].location == "questions[0].answers.talking.likelihood.count"


def test_escapes_brackets_and_windows_line_endings_load_like_plain_text():
    grid = _grid_dict()
    grid["problem"]["nl"] = "Je piekert [veel]]] {soms}. Café: één keer."
    plain = load_grid_bytes(json.dumps(grid, ensure_ascii=False).encode(), source_name="a", today=TODAY)
    escaped = load_grid_bytes(json.dumps(grid, ensure_ascii=True).encode(), source_name="b", today=TODAY)
    windows = load_grid_bytes(
        json.dumps(grid, indent=2).replace("\n", "\r\n").encode(), source_name="c", today=TODAY
    )
    assert plain.grid == escaped.grid == windows.grid
    assert plain.grid.problem.nl == "Je piekert [veel]]] {soms}. Café: één keer."


def test_escaped_control_characters_are_found_where_they_are():
    grid = _grid_dict()
    grid["decision"]["en"] = "Choose\rnow"
    grid["options"][1]["label"]["nl"] = "Medi\x0ccijn"
    with pytest.raises(GridLoadError) as caught:
        load_grid_bytes(json.dumps(grid).encode(), source_name="x.json", today=TODAY)
    found = [(p.location, p.message) for p in caught.value.problems]
    assert found == [
        ("decision.en", "This text contains an invisible control character (U+000D)."),
        ("options[1].label.nl", "This text contains an invisible control character (U+000C)."),
    ]
