"""A session made with a format-1 grid keeps its summary: it renders from the very file it
was pinned to (kept in the archive folder by the upgrade), and an upgraded file (other bytes)
is never used in its place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from inspect_output import parse_html
from render_samples import NOW, decided, load

from sdm_aid.content.likelihood_words import likelihood_words
from sdm_aid.content.upgrade_files import upgrade_file
from sdm_aid.render.html import render_html
from sdm_aid.render.pinned import PinnedGridError, pinned_grid
from sdm_aid.render.summary import build_summary

V1_GRID = Path(__file__).resolve().parents[1] / "fixtures" / "v1" / "anxiety-youth.json"


def _summary_text(session, folder: Path) -> str:
    loaded = pinned_grid(session.grid, folder)
    summary = build_summary(session, loaded.grid, copy="clinician", generated_at=NOW)
    return " ".join(parse_html(render_html(summary)).text.split())


def test_a_v1_session_renders_from_its_pinned_v1_file(tmp_path):
    folder = tmp_path / "grids"
    folder.mkdir()
    shutil.copy(V1_GRID, folder / V1_GRID.name)
    grid, raw = load(V1_GRID)
    session = decided(grid, raw)
    text = _summary_text(session, folder)
    assert session.grid.content_hash[:12] in text
    for question in grid.questions:
        for answer in question.answers.values():
            assert " ".join(answer.text.nl.split()) in text
            if answer.likelihood:
                assert likelihood_words(answer.likelihood, "nl").sentence in text


def test_after_an_upgrade_the_old_session_renders_exactly_as_before(tmp_path):
    """The upgrade keeps the old file in the archive folder: the session still finds it."""
    folder = tmp_path / "grids"
    folder.mkdir()
    shutil.copy(V1_GRID, folder / V1_GRID.name)
    grid, raw = load(V1_GRID)
    session = decided(grid, raw)
    before = _summary_text(session, folder)
    assert upgrade_file(folder / V1_GRID.name).outcome == "upgraded"
    assert (folder / V1_GRID.name).read_bytes() != V1_GRID.read_bytes()
    assert [path.read_bytes() for path in (folder / "archive").iterdir()] == [V1_GRID.read_bytes()]
    assert _summary_text(session, folder) == before


def test_without_the_archived_file_the_summary_says_what_is_needed(tmp_path):
    folder = tmp_path / "grids"
    folder.mkdir()
    shutil.copy(V1_GRID, folder / V1_GRID.name)
    grid, raw = load(V1_GRID)
    session = decided(grid, raw)
    assert upgrade_file(folder / V1_GRID.name).outcome == "upgraded"
    shutil.rmtree(folder / "archive")
    with pytest.raises(PinnedGridError, match="where earlier versions are kept"):
        pinned_grid(session.grid, folder)
