"""Every grid shipped in option_grids/ loads cleanly, meets all twelve IPDAS items, has no
jargon outside its glossary and no other finding, and reads the same in the wizard and the PDF.

Parametrised over the files that exist, so it grows with the content. A file still in format 1
is reported as skipped (it cannot hold what the items ask for): `sdm-aid upgrade` it."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path

import pytest
from factories import new_session

from sdm_aid.content.findings import findings
from sdm_aid.content.ipdas import ipdas_items
from sdm_aid.content.likelihood_words import likelihood_words
from sdm_aid.content.loader import LoadedGrid, load_grid, load_library
from sdm_aid.content.models import OptionGrid
from sdm_aid.i18n import LANGUAGES
from sdm_aid.render.grid_table import grid_html
from sdm_aid.render.summary import build_summary

GRID_DIR = Path(__file__).resolve().parents[2] / "option_grids"
SHIPPED = sorted(GRID_DIR.glob("*.json"))
EXAMPLE_V2 = Path(__file__).parent / "fixtures" / "v2" / "example-v2.json"
"""Has every likelihood form (time points, percentages, variants, studies)."""


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_grid_loads_without_warnings(path):
    loaded = load_grid(path)
    assert loaded.warnings == [], "\n".join(w.format(str(path)) for w in loaded.warnings)


def _format_2(path: Path) -> LoadedGrid:
    loaded = load_grid(path)
    if loaded.format_version < 2:
        pytest.skip(f"{path.name} is still in format 1: upgrade and complete it first")
    return loaded


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_grid_meets_all_twelve_ipdas_items(path):
    grid = _format_2(path).grid
    missed = [f"{item.key} {item.title}: {item.why}" for item in ipdas_items(grid) if not item.met]
    assert missed == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_grid_has_no_findings(path):
    found = findings(_format_2(path).grid)
    assert [f"{f.location}: {f.message}" for f in found] == []


@pytest.mark.parametrize("path", [*SHIPPED, EXAMPLE_V2], ids=lambda path: path.name)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_likelihood_reads_the_same_in_the_wizard_and_the_pdf(path, language):
    grid = load_grid(path).grid
    summary_cells = _pdf_cells(grid, language)
    screen = " ".join(html.unescape(grid_html(grid, language)).split())
    for question in grid.questions:
        for option in grid.options:
            answer = question.answers[option.id]
            if answer.likelihood is None:
                continue
            words = likelihood_words(answer.likelihood, language)
            for line in words.lines():
                assert " ".join(line.split()) in screen
                assert line in summary_cells[(question.id, option.id)]


def _pdf_cells(grid: OptionGrid, language: str) -> dict[tuple[str, str], str]:
    """The text of every grid cell in the summary's PDF table."""
    session = new_session(grid, language=language)
    summary = build_summary(session, grid, copy="family", generated_at=datetime(2026, 11, 22, tzinfo=UTC))
    table = next(block for section in summary.sections if section.key == "grid" for block in section.blocks)
    cells = {}
    for question, row in zip(grid.questions, table.rows, strict=True):
        for option, cell in zip(grid.options, row.cells[1:], strict=True):
            cells[(question.id, option.id)] = cell
    return cells


@pytest.mark.skipif(not SHIPPED, reason="no shipped grids yet")
def test_the_shipped_library_has_no_broken_files():
    library = load_library(GRID_DIR)
    assert [str(error) for error in library.errors] == []
    assert len(library.grids) == len(SHIPPED)
