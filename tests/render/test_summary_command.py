"""`sdm-aid summary`: writing the file, and the refusals (grid changed, path, bad id).

The storage half (loading the session by id, the access log) is exercised once the storage
layer is on main; these tests cover everything after the session is loaded.
"""

from __future__ import annotations

import hashlib
import shutil
import stat

import pytest
from inspect_output import parse_html, pdf_pages
from render_samples import NOW, SHIPPED_GRIDS, YOUTH_SECRET, decided, load, private_youth

from sdm_aid.cli.summary import SummaryCommandError, parse_session_id, write_summary

GRID = next(path for path in SHIPPED_GRIDS if path.stem == "anxiety-youth")


@pytest.fixture
def grid_dir(tmp_path):
    folder = tmp_path / "grids"
    folder.mkdir()
    shutil.copy(GRID, folder / GRID.name)
    return folder


def test_writes_a_private_pdf(grid_dir, tmp_path):
    grid, raw = load(GRID)
    session = decided(grid, raw)
    output = tmp_path / "summary.pdf"
    message = write_summary(session, fmt="pdf", copy="family", output=output, grid_dir=grid_dir, now=NOW)
    assert str(session.id) in message and str(output) in message
    assert output.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert "Voor de familie" in pdf_pages(output.read_bytes())[0]


def test_html_and_the_copy_are_respected(grid_dir, tmp_path):
    grid, raw = load(GRID)
    session = private_youth(grid, raw)
    family, clinician = tmp_path / "family.html", tmp_path / "clinician.html"
    write_summary(session, fmt="html", copy="family", output=family, grid_dir=grid_dir, now=NOW)
    write_summary(session, fmt="html", copy="clinician", output=clinician, grid_dir=grid_dir, now=NOW)
    assert YOUTH_SECRET not in parse_html(family.read_text("utf-8")).text
    assert YOUTH_SECRET in parse_html(clinician.read_text("utf-8")).text


def test_an_existing_file_is_not_overwritten(grid_dir, tmp_path):
    grid, raw = load(GRID)
    output = tmp_path / "summary.pdf"
    output.write_bytes(b"keep me")
    with pytest.raises(SummaryCommandError, match="already exists"):
        write_summary(decided(grid, raw), fmt="pdf", copy="family", output=output, grid_dir=grid_dir)
    assert output.read_bytes() == b"keep me"


def test_an_unwritable_path_is_a_clear_error(grid_dir, tmp_path):
    grid, raw = load(GRID)
    with pytest.raises(SummaryCommandError, match="cannot write"):
        write_summary(
            decided(grid, raw), fmt="pdf", copy="family", output=tmp_path / "no" / "x.pdf", grid_dir=grid_dir
        )


def test_a_changed_grid_is_refused_and_nothing_is_written(grid_dir, tmp_path):
    grid, raw = load(GRID)
    session = decided(grid, raw)
    (grid_dir / GRID.name).write_bytes(raw.replace(b"\n", b"\r\n", 1))  # one byte more, same content
    output = tmp_path / "summary.pdf"
    with pytest.raises(SummaryCommandError) as caught:
        write_summary(session, fmt="pdf", copy="family", output=output, grid_dir=grid_dir)
    assert f"version {grid.version}" in str(caught.value)
    assert hashlib.sha256(raw).hexdigest()[:12] in str(caught.value)
    assert not output.exists()


def test_a_malformed_session_id_is_explained():
    with pytest.raises(SummaryCommandError, match="is not a session id"):
        parse_session_id("K7QM-4RZP")
    assert str(parse_session_id(" 3f2b8c1e-0000-4000-8000-000000000000 ")).startswith("3f2b8c1e")
