"""Find the exact grid a session was made with, for its summary.

A session pins its grid by id, version and the SHA-256 of the file. A summary may only be
rendered with that very text: if the grid file was edited since, the summary would put words
in the family's mouth that they never saw. So the current file is used only when its content
hash matches; otherwise the error says which version is needed.
"""

from __future__ import annotations

from pathlib import Path

from sdm_aid.content.archive import ARCHIVE_FOLDER
from sdm_aid.content.loader import GridLibrary, GridLoadError, LoadedGrid, default_grid_dir, load_library
from sdm_aid.sessions.models import GridRef

HASH_SHOWN = 12


class PinnedGridError(Exception):
    """The grid a session needs is not available in exactly the version it was made with."""


def exact_grid(ref: GridRef, library: GridLibrary) -> LoadedGrid | None:
    """The one rule for which grid text a session may show: the grid in `library` (the
    current file or an earlier version in its archive folder) with the session's id and the
    very content hash it was made with; None otherwise."""
    return library.version_of(ref.id, ref.content_hash)


def pinned_grid(ref: GridRef, directory: Path | None = None) -> LoadedGrid:
    """The grid file in `directory` (default: the grid folder) whose content hash is `ref`'s.
    Raises PinnedGridError saying which version is needed."""
    folder = Path(directory) if directory is not None else default_grid_dir()
    library = load_library(folder)
    exact = exact_grid(ref, library)
    if exact is not None:
        return exact
    loaded = library.get(ref.id)
    needed = f"'{ref.id}' version {ref.version} (check code {ref.content_hash[:HASH_SHOWN]})"
    if loaded is None:
        broken = _broken_file_for(ref.id, library.errors)
        detail = f" {broken} could not be loaded." if broken else ""
        raise PinnedGridError(
            f"This session was made with grid {needed}, but there is no valid grid with that id "
            f"in {folder}.{detail} Put that grid file back in the folder or its archive folder "
            f"(or set SDM_AID_GRID_DIR)."
        )
    if loaded.content_hash != ref.content_hash:
        raise PinnedGridError(
            f"This session was made with grid {needed}, but {loaded.path or folder} now holds version "
            f"{loaded.grid.version} (check code {loaded.content_hash[:HASH_SHOWN]}). The summary must "
            f"show the text the family saw: put version {ref.version} of that file (for example from "
            f"version control) into {folder / ARCHIVE_FOLDER}, where earlier versions are kept."
        )
    return loaded


def _broken_file_for(grid_id: str, errors: list[GridLoadError]) -> str | None:
    """A file named after the grid id that failed to load, if any (a likely culprit)."""
    for error in errors:
        if Path(error.file).stem == grid_id:
            return error.file
    return None
