"""Every grid shipped in option_grids/ loads cleanly and meets the IPDAS items.

Parametrised over the files that exist, so it grows with the content."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_aid.content.ipdas import ipdas_items
from sdm_aid.content.loader import load_grid, load_library

GRID_DIR = Path(__file__).resolve().parents[2] / "option_grids"
SHIPPED = sorted(GRID_DIR.glob("*.json"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_grid_loads_without_warnings(path):
    loaded = load_grid(path)
    assert loaded.warnings == [], "\n".join(w.format(str(path)) for w in loaded.warnings)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_grid_meets_every_ipdas_item(path):
    missed = [f"{item.title}: {item.why}" for item in ipdas_items(load_grid(path).grid) if not item.met]
    assert missed == []


@pytest.mark.skipif(not SHIPPED, reason="no shipped grids yet")
def test_the_shipped_library_has_no_broken_files():
    library = load_library(GRID_DIR)
    assert [str(error) for error in library.errors] == []
    assert len(library.grids) == len(SHIPPED)
