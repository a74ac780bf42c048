"""`sdm-aid validate | grids | check | schema` through `main()`: output, JSON, exit codes,
and never a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from factories import MINIMAL_GRID_PATH

from sdm_aid.cli.main import main
from sdm_aid.content import schema

FIXTURES = Path(__file__).resolve().parents[1] / "content" / "fixtures"
VALID = FIXTURES / "valid" / "test-worry.json"
EXAMPLE_V2 = FIXTURES / "v2" / "example-v2.json"
INVALID = FIXTURES / "invalid"


@pytest.fixture
def grid_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "grids"
    folder.mkdir()
    shutil.copy(VALID, folder / "test-worry.json")
    shutil.copy(FIXTURES / "valid" / "no-likelihoods.json", folder / "no-likelihoods.json")
    return folder


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


# --- validate ---------------------------------------------------------------------------


def test_validate_valid_file(capsys):
    code, out, _ = _run(capsys, "validate", str(VALID))
    assert code == 0
    assert out.splitlines()[0] == f"OK       {VALID}"
    assert "1 file checked: 1 OK, 0 with warnings, 0 invalid." in out


def test_validate_warning_is_still_valid(capsys):
    path = FIXTURES / "warnings" / "uncited-source.json"
    code, out, _ = _run(capsys, "validate", str(path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"WARNING  {path} (1 warning)"
    assert lines[1].startswith(f"    {path}:sources[2].id: warning: The source 'src-c' is not cited")


def test_validate_invalid_file_lists_its_problems(capsys):
    path = INVALID / "missing_english.json"
    code, out, _ = _run(capsys, "validate", str(path))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"ERROR    {path} (1 error)"
    assert lines[1] == (
        f"    {path}:title.en: The English text ('en') is missing. — "
        "Add an 'en' next to 'nl': both Dutch and English are required."
    )


def test_validate_a_folder_checks_every_json_file(capsys):
    code, out, _ = _run(capsys, "validate", str(INVALID))
    assert code == 1
    status_lines = [line for line in out.splitlines() if line.startswith(("OK", "ERROR", "WARNING"))]
    assert len(status_lines) == len(list(INVALID.glob("*.json")))
    assert all(line.startswith("ERROR") for line in status_lines)


def test_validate_mixed_files_fails_if_one_is_invalid(capsys):
    code, out, _ = _run(capsys, "validate", str(VALID), str(INVALID / "wrong_enum.json"))
    assert code == 1
    assert "2 files checked: 1 OK, 0 with warnings, 1 invalid." in out


def test_validate_json_output_is_stable(capsys):
    code, out, _ = _run(
        capsys, "validate", "--format", "json", str(VALID), str(INVALID / "unknown_field_typo.json")
    )
    assert code == 1
    report = json.loads(out)
    assert report["summary"] == {"files": 2, "ok": 1, "warning": 0, "error": 1, "valid": False}
    ok, bad = report["files"]
    assert ok == {
        "file": str(VALID),
        "status": "ok",
        "grid_id": "test-worry",
        "errors": 0,
        "warnings": 0,
        "problems": [],
    }
    assert bad["status"] == "error"
    assert bad["grid_id"] is None
    assert bad["problems"] == [
        {
            "location": "options[0].lable",
            "severity": "error",
            "message": "Unknown field 'lable'. Did you mean 'label'?",
            "hint": "Rename it to 'label'.",
        }
    ]


def test_validate_missing_path_is_a_usage_error(capsys, tmp_path):
    code, out, err = _run(capsys, "validate", str(tmp_path / "nope.json"))
    assert code == 2
    assert "does not exist" in err
    assert out == ""


def test_validate_empty_folder_is_a_failure(capsys, tmp_path):
    code, _, err = _run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert "no grid files" in err


def test_validate_binary_and_directory_named_json_do_not_crash(capsys, tmp_path):
    binary = tmp_path / "picture.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "folder.json").mkdir()  # a folder that looks like a grid file is skipped
    code, out, _ = _run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert "This is not a text file" in out
    assert "1 file checked: 0 OK, 0 with warnings, 1 invalid." in out


def test_validate_reports_duplicate_ids_across_files(capsys, grid_dir):
    shutil.copy(VALID, grid_dir / "copy.json")
    code, out, _ = _run(capsys, "validate", str(grid_dir))
    assert code == 1
    # copy.json sorts first, so it is the one served; the other file names both.
    assert "The grid id 'test-worry' is already used by 'copy.json', which is loaded instead" in out
    assert "Another file, 'test-worry.json', uses the same grid id" in out


def test_validate_defaults_to_the_grid_folder(capsys, monkeypatch, grid_dir):
    monkeypatch.setenv("SDM_AID_GRID_DIR", str(grid_dir))
    code, out, _ = _run(capsys, "validate")
    assert code == 0
    assert "2 files checked: 2 OK" in out


# --- grids ------------------------------------------------------------------------------


def test_grids_lists_the_library(capsys, grid_dir):
    code, out, _ = _run(capsys, "grids", "--dir", str(grid_dir))
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["ID", "VERSION", "TITLE", "(NL)", "STATUS", "LANGUAGES", "NEXT", "REVIEW"]
    assert len(rows) == 2
    assert all("draft" in row and "nl, en" in row and "2030-01-01" in row for row in rows)


def test_grids_marks_expired_grids_and_reports_broken_files(capsys, grid_dir):
    shutil.copy(FIXTURES / "warnings" / "expired.json", grid_dir / "expired.json")
    (grid_dir / "broken.json").write_text("{")
    code, out, err = _run(capsys, "grids", "--dir", str(grid_dir))
    assert code == 1
    assert any(
        line.startswith("expired") and line.endswith("2020-06-01  EXPIRED") for line in out.splitlines()
    )
    assert "broken.json" in err
    assert "sdm-aid validate" in err


def test_grids_json(capsys, grid_dir):
    code, out, _ = _run(capsys, "grids", "--dir", str(grid_dir), "--format", "json")
    assert code == 0
    listing = json.loads(out)
    assert listing["invalid_files"] == []
    first = next(grid for grid in listing["grids"] if grid["id"] == "test-worry")
    assert first["version"] == "1.0"
    assert first["title"]["nl"] == "Testkeuze bij piekeren"
    assert first["status"] == "draft"
    assert first["languages"] == ["nl", "en"]
    assert first["next_review_due"] == "2030-01-01"
    assert first["expired"] is False


def test_grids_missing_folder_is_a_usage_error(capsys, tmp_path):
    code, _, err = _run(capsys, "grids", "--dir", str(tmp_path / "nowhere"))
    assert code == 2
    assert "is not a folder" in err


# --- check ------------------------------------------------------------------------------


def test_check_by_path_reports_the_twelve_items_findings_and_reading_level(capsys):
    code, out, _ = _run(capsys, "check", str(EXAMPLE_V2))
    assert code == 0
    assert "IPDASi v4 items: 12 of 12 met" in out
    assert "[met    ] Q6 Describes what living with each option is like (qualifying)" in out
    assert "[met    ] C1 Shows positive and negative features with equal detail (certification)" in out
    assert "guaranteed by validation: a valid grid always has a publication date" in out
    assert "looked at: each number's 'source_figure'" in out
    assert "Findings: none" in out
    assert "nl: Flesch-Douma" in out
    assert "en: Flesch reading ease" in out
    assert "hardest sentences (score, words, where):" in out


def test_check_by_id_and_json(capsys, tmp_path):
    folder = tmp_path / "grids"
    folder.mkdir()
    shutil.copy(EXAMPLE_V2, folder / EXAMPLE_V2.name)
    code, out, _ = _run(
        capsys, "check", "example-v2", "--dir", str(folder), "--format", "json", "--worst", "2"
    )
    assert code == 0
    report = json.loads(out)
    assert report["grid"]["id"] == "example-v2" and report["grid"]["format_version"] == 2
    assert report["ipdas_all_met"] is True and report["ipdas_met"] == 12
    assert [item["key"] for item in report["ipdas"]] == [
        *(f"Q{n}" for n in range(1, 7)),
        *(f"C{n}" for n in range(1, 7)),
    ]
    assert all(item["looked_at"] and item["why"] for item in report["ipdas"])
    assert report["findings"] == []
    assert [reading["language"] for reading in report["reading"]] == ["nl", "en"]
    assert all(len(reading["hardest"]) == 2 for reading in report["reading"])


def test_check_exits_1_with_an_item_not_met_and_findings(capsys, tmp_path):
    grid = json.loads(EXAMPLE_V2.read_text(encoding="utf-8"))
    for question in grid["questions"]:
        question["topic"] = "practical" if question["topic"] == "harms" else question["topic"]
    grid["problem"]["nl"] += " De CGT helpt."
    del grid["safety"]
    path = tmp_path / "example-v2.json"
    path.write_text(json.dumps(grid, ensure_ascii=False), encoding="utf-8")
    code, out, _ = _run(capsys, "check", str(path))
    assert code == 1
    assert "[NOT MET] Q5 Describes the negative features of each option" in out
    assert "[jargon] problem.nl: The word 'CGT' is jargon." in out
    assert "[safety] safety: The grid has no safety section" in out
    code, out, _ = _run(capsys, "check", str(path), "--format", "json")
    kinds = [finding["kind"] for finding in json.loads(out)["findings"]]
    assert code == 1 and kinds == ["jargon", "safety"]


def test_check_of_a_v1_grid_suggests_the_upgrade(capsys):
    code, out, _ = _run(capsys, "check", str(VALID))
    assert code == 1
    assert "Format 1: run `sdm-aid upgrade` to write it in format 2." in out


def test_check_invalid_grid_shows_the_problems(capsys):
    path = INVALID / "missing_english.json"
    code, out, _ = _run(capsys, "check", str(path))
    assert code == 1
    assert "is not a valid grid" in out
    assert f"{path}:title.en:" in out


def test_check_invalid_grid_by_id_shows_the_problems(capsys, grid_dir):
    (grid_dir / "broken-one.json").write_text("{")
    code, out, _ = _run(capsys, "check", "broken-one", "--dir", str(grid_dir), "--format", "json")
    assert code == 1
    assert json.loads(out)["valid"] is False


def test_check_unknown_grid_is_a_usage_error(capsys, grid_dir):
    code, _, err = _run(capsys, "check", "nope", "--dir", str(grid_dir))
    assert code == 2
    assert "no grid file or grid id 'nope'" in err
    assert "test-worry" in err


def test_check_a_folder_is_a_usage_error(capsys, grid_dir):
    code, _, err = _run(capsys, "check", str(grid_dir))
    assert code == 2
    assert "is a folder" in err


# --- schema -----------------------------------------------------------------------------


def test_schema_prints_the_committed_schema(capsys):
    code, out, _ = _run(capsys, "schema")
    assert code == 0
    assert out == schema.committed_schema_path(2).read_text(encoding="utf-8")


def test_schema_check_passes_on_the_committed_file(capsys):
    code, out, _ = _run(capsys, "schema", "--check")
    assert code == 0
    assert "up to date" in out


def test_schema_check_fails_and_write_repairs(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(
        schema, "committed_schema_path", lambda version=2: tmp_path / "schemas" / f"v{version}.json"
    )
    code, _, err = _run(capsys, "schema", "--check")
    assert code == 1
    assert "sdm-aid schema --write" in err
    assert _run(capsys, "schema", "--write")[0] == 0
    assert _run(capsys, "schema", "--check")[0] == 0


def test_schema_check_and_write_together_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["schema", "--check", "--write"])
    assert caught.value.code == 2


def test_the_minimal_fixture_validates(capsys):
    code, _, _ = _run(capsys, "validate", str(MINIMAL_GRID_PATH))
    assert code == 0
