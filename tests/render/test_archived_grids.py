"""The shipped archive: sessions made with a grid text that has since been corrected still
show exactly that text; the archived texts are never offered for a new session."""

from __future__ import annotations

import pytest
from inspect_output import parse_html
from render_samples import NOW, decided, load

from sdm_aid.content.archive import archive_dir, archived_name
from sdm_aid.content.loader import default_grid_dir, grid_files, load_library
from sdm_aid.render.html import render_html
from sdm_aid.render.pinned import pinned_grid
from sdm_aid.render.summary import build_summary

ARCHIVED = grid_files(archive_dir(default_grid_dir()))


def test_the_archive_holds_the_texts_shipped_before_the_content_review():
    assert {path.name.rsplit("-", 1)[0] for path in ARCHIVED} >= {
        "anxiety-youth",
        "behaviour-problems-children",
        "depression-youth",
    }


@pytest.mark.parametrize("path", ARCHIVED, ids=lambda path: path.stem)
def test_an_archived_text_is_named_by_its_check_code_and_only_found_by_it(path):
    grid, raw = load(path)
    assert path.name == archived_name(grid.id, raw)
    library = load_library()
    assert library.errors == []
    assert library.get(grid.id).content_hash != decided(grid, raw).grid.content_hash
    assert all(loaded.path is None or loaded.path.parent != path.parent for loaded in library.grids.values())


@pytest.mark.parametrize("path", ARCHIVED, ids=lambda path: path.stem)
def test_a_session_made_with_an_archived_text_renders_that_text(path):
    grid, raw = load(path)
    session = decided(grid, raw)
    loaded = pinned_grid(session.grid)
    assert loaded.content_hash == session.grid.content_hash
    text = " ".join(
        parse_html(
            render_html(build_summary(session, loaded.grid, copy="family", generated_at=NOW))
        ).text.split()
    )
    first_answer = next(iter(grid.questions[0].answers.values()))
    assert " ".join(first_answer.text.nl.split()) in text
