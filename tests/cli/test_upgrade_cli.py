"""`sdm-aid upgrade`: format-1 files become format 2 without losing anything, on copies only."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from factories import MINIMAL_GRID_PATH

from sdm_aid.cli.main import main
from sdm_aid.content.loader import load_grid
from sdm_aid.content.upgrade import lost_content, texts_of, upgrade_v1

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
V1_GRIDS = [MINIMAL_GRID_PATH, FIXTURES / "v1" / "anxiety-youth.json"]
INVALID_V1 = Path(__file__).resolve().parents[1] / "content" / "fixtures" / "invalid" / "missing_field.json"
TODAY = date(2026, 11, 22)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def copies(tmp_path) -> list[Path]:
    paths = []
    for source in V1_GRIDS:
        target = tmp_path / source.name
        shutil.copy(source, target)
        paths.append(target)
    return paths


def test_every_v1_grid_becomes_the_same_grid_in_format_2(capsys, copies):
    before = {path: load_grid(path, today=TODAY) for path in copies}
    originals = {path: json.loads(path.read_text(encoding="utf-8")) for path in copies}
    code, out, err = _run(capsys, "upgrade", *map(str, copies))
    assert (code, err) == (0, "")
    for path in copies:
        assert f"{path.name}: upgraded to format 2; every text and number is kept." in out
        after = load_grid(path, today=TODAY)
        assert after.format_version == 2 and before[path].format_version == 1
        # The grid in memory is the same: the upgrade on disk equals the one in memory.
        assert after.grid.model_dump(exclude={"schema_"}) == before[path].grid.model_dump(exclude={"schema_"})
        written = json.loads(path.read_text(encoding="utf-8"))
        assert lost_content(originals[path], written) == []
        assert written["schema_version"] == 2 and written["languages"] == ["nl", "en"]
        assert written["$schema"].endswith("option_grid.v2.schema.json")
    assert "add 'precision' 'about' if the count is rounded" in out
    assert "safety: the grid has no safety section" in out


def test_a_dry_run_writes_nothing(capsys, copies):
    before = [path.read_bytes() for path in copies]
    code, out, _ = _run(capsys, "upgrade", "--dry-run", *map(str, copies))
    assert code == 0 and "would be upgraded" in out
    assert [path.read_bytes() for path in copies] == before


def test_a_file_already_in_format_2_is_left_alone(capsys, copies):
    assert _run(capsys, "upgrade", str(copies[0]))[0] == 0
    upgraded = copies[0].read_bytes()
    code, out, _ = _run(capsys, "upgrade", str(copies[0]))
    assert code == 0 and "already in format 2; left as it is." in out
    assert copies[0].read_bytes() == upgraded


def test_an_invalid_file_is_not_touched_and_its_problems_are_named(capsys, tmp_path):
    target = tmp_path / INVALID_V1.name
    shutil.copy(INVALID_V1, target)
    code, out, _ = _run(capsys, "upgrade", str(target))
    assert code == 1
    assert "NOT upgraded: the file is not a valid grid" in out
    assert "governance.funding: The field 'funding' is missing" in out
    assert "Traceback" not in out
    assert target.read_bytes() == INVALID_V1.read_bytes()


def test_a_reviewed_v1_grid_without_reviewers_is_not_written(capsys, copies):
    document = json.loads(copies[0].read_text(encoding="utf-8"))
    document["governance"]["status"] = "clinically_reviewed"
    copies[0].write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    before = copies[0].read_bytes()
    code, out, _ = _run(capsys, "upgrade", str(copies[0]), str(copies[1]))
    assert code == 1
    assert "NOT upgraded: in format 2 it would not load. Nothing was changed" in out
    assert "governance.reviewers: The status is 'clinically_reviewed', but no reviewer is named." in out
    assert copies[0].read_bytes() == before
    assert json.loads(copies[1].read_text(encoding="utf-8"))["schema_version"] == 2  # the other file


def test_a_missing_file_is_a_usage_error_and_changes_nothing(capsys, copies, tmp_path):
    before = copies[0].read_bytes()
    code, _, err = _run(capsys, "upgrade", str(copies[0]), str(tmp_path / "absent.json"))
    assert code == 2 and "no such file" in err and "Nothing was changed" in err
    assert copies[0].read_bytes() == before


def test_lost_content_notices_a_dropped_text():
    original = json.loads(MINIMAL_GRID_PATH.read_text(encoding="utf-8"))
    damaged = json.loads(MINIMAL_GRID_PATH.read_text(encoding="utf-8"))
    damaged["options"][0]["label"]["en"] = "changed"
    assert lost_content(original, damaged) == ["Talking therapy"]
    assert "Talking therapy" in texts_of(original)


def test_the_upgrade_never_changes_the_document_it_reads():
    original = json.loads((FIXTURES / "v1" / "anxiety-youth.json").read_text(encoding="utf-8"))
    before = json.dumps(original, sort_keys=True)
    upgraded = upgrade_v1(original)
    assert json.dumps(original, sort_keys=True) == before
    assert upgraded.document["schema_version"] == 2
