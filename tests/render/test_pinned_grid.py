"""A summary is rendered only with the exact grid text the session was made with."""

from __future__ import annotations

import hashlib
import shutil

import pytest
from render_samples import SHIPPED_GRIDS

from sdm_aid.content.archive import keep_earlier_version
from sdm_aid.content.loader import load_library
from sdm_aid.render.pinned import PinnedGridError, exact_grid, pinned_grid
from sdm_aid.sessions.models import GridRef

GRID = next(path for path in SHIPPED_GRIDS if path.stem == "depression-youth")


def ref_for(raw: bytes, grid_id: str = "depression-youth", version: str = "1.0") -> GridRef:
    return GridRef(id=grid_id, version=version, content_hash=hashlib.sha256(raw).hexdigest())


@pytest.fixture
def folder(tmp_path):
    shutil.copy(GRID, tmp_path / GRID.name)
    return tmp_path


def test_the_same_file_is_used(folder):
    raw = GRID.read_bytes()
    loaded = pinned_grid(ref_for(raw), folder)
    assert loaded.content_hash == hashlib.sha256(raw).hexdigest()
    assert loaded.grid.id == "depression-youth"


def test_an_edited_grid_is_refused_with_the_version_needed(folder):
    raw = GRID.read_bytes()
    ref = ref_for(raw)
    edited = raw.replace(b'"version": "', b'"version": "9', 1)
    (folder / GRID.name).write_bytes(edited)
    with pytest.raises(PinnedGridError) as caught:
        pinned_grid(ref, folder)
    message = str(caught.value)
    assert f"version {ref.version}" in message and ref.content_hash[:12] in message
    assert hashlib.sha256(edited).hexdigest()[:12] in message
    assert str(folder / "archive") in message


def test_a_missing_grid_is_named(tmp_path):
    ref = ref_for(b"anything", grid_id="no-such-grid")
    with pytest.raises(PinnedGridError, match=r"'no-such-grid' version 1\.0"):
        pinned_grid(ref, tmp_path)


def test_a_broken_grid_file_is_pointed_out(folder):
    raw = GRID.read_bytes()
    (folder / GRID.name).write_bytes(raw[:100])
    with pytest.raises(PinnedGridError, match="could not be loaded"):
        pinned_grid(ref_for(raw), folder)


def test_an_earlier_version_in_the_archive_folder_is_found_and_never_offered(folder):
    raw = GRID.read_bytes()
    ref = ref_for(raw)
    keep_earlier_version(folder / GRID.name, "depression-youth")
    edited = raw.replace(b'"version": "', b'"version": "9', 1)
    (folder / GRID.name).write_bytes(edited)
    assert pinned_grid(ref, folder).content_hash == ref.content_hash
    library = load_library(folder)
    assert library.get("depression-youth").content_hash == hashlib.sha256(edited).hexdigest()
    assert exact_grid(ref, library).content_hash == ref.content_hash
    # Found only under its own id: a hash recorded for another grid id finds nothing.
    assert exact_grid(ref.model_copy(update={"id": "anxiety-youth"}), library) is None


def test_archiving_the_same_text_twice_keeps_one_file(folder):
    first = keep_earlier_version(folder / GRID.name, "depression-youth")
    second = keep_earlier_version(folder / GRID.name, "depression-youth")
    assert first == second and first.read_bytes() == GRID.read_bytes()
    assert len(list((folder / "archive").glob("*.json"))) == 1


def test_a_broken_archived_file_is_reported_and_the_rest_still_loads(folder):
    (folder / "archive").mkdir()
    broken = folder / "archive" / "depression-youth-000000000000.json"
    broken.write_bytes(b"{")
    library = load_library(folder)
    assert library.get("depression-youth") is not None
    assert [error.file for error in library.errors] == [str(broken)]
