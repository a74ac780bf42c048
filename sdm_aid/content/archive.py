"""Earlier versions of the grids, kept so that every session can still show its own text.

A session pins its grid by content hash (`GridRef`): its steps and its summary may only show
the very text the family saw. When a grid file is corrected or upgraded, the sessions made
with the old text would otherwise lose their grid. So the old file is kept, byte for byte, in
the `archive/` folder beside the grids. Archived grids are never offered for a new session;
they are only found by the content hash a session recorded.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

ARCHIVE_FOLDER = "archive"
HASH_IN_NAME = 12


def archive_dir(grid_dir: Path) -> Path:
    return Path(grid_dir) / ARCHIVE_FOLDER


def archived_name(grid_id: str, data: bytes) -> str:
    """`<grid id>-<first 12 hex digits of the content hash>.json`: one file per text."""
    return f"{grid_id}-{hashlib.sha256(data).hexdigest()[:HASH_IN_NAME]}.json"


def keep_earlier_version(path: Path, grid_id: str) -> Path:
    """Copy the grid file at `path`, byte for byte, into the archive folder beside it (once:
    the same text is never archived twice). Returns the archived file. Written atomically, so
    an archived file is always whole."""
    data = Path(path).read_bytes()
    folder = archive_dir(Path(path).parent)
    folder.mkdir(exist_ok=True)
    target = folder / archived_name(grid_id, data)
    if target.exists() and target.read_bytes() == data:
        return target
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(target)
    return target
