"""`sdm-aid upgrade`'s core: rewrite a format-1 grid file in format 2 without losing anything.

The file is written only when it is a valid format-1 grid, the new text holds every text and
number of the old one (`upgrade.lost_content`), and the new text loads as a grid; otherwise the
file stays exactly as it was and the problems say why. The write is atomic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from sdm_aid.content.loader import load_grid, load_grid_bytes
from sdm_aid.content.problems import GridLoadError, GridProblem, shorten
from sdm_aid.content.upgrade import lost_content, upgrade_v1


@dataclass
class FileUpgrade:
    """What `upgrade_file` did with one file."""

    path: Path
    outcome: Literal["upgraded", "already-current", "invalid", "not-written"]
    notes: list[str] = field(default_factory=list)
    problems: list[GridProblem] = field(default_factory=list)


def upgrade_file(path: Path, *, write: bool = True, today: date | None = None) -> FileUpgrade:
    """Rewrite one format-1 grid file in format 2, in place. Written only when the file is a
    valid format-1 grid, the new text holds every text and number of the old one, and the new
    file loads; otherwise the file is left exactly as it was and the problems say why."""
    try:
        loaded = load_grid(path, today=today)
    except GridLoadError as error:
        return FileUpgrade(path, "invalid", problems=error.problems)
    if loaded.format_version != 1:
        return FileUpgrade(path, "already-current")
    original = json.loads(path.read_bytes().decode("utf-8-sig"))
    upgraded = upgrade_v1(original)
    lost = lost_content(original, upgraded.document)
    if lost:  # cannot happen by construction; checked so that a bug can never cost content
        problem = GridProblem("$", f"The upgrade would lose {shorten(lost[0])}.", "Please report this.")
        return FileUpgrade(path, "not-written", upgraded.notes, [problem])
    text = json.dumps(upgraded.document, indent=2, ensure_ascii=False) + "\n"
    try:
        load_grid_bytes(text.encode("utf-8"), source_name=str(path), today=today)
    except GridLoadError as error:
        return FileUpgrade(path, "not-written", upgraded.notes, error.errors)
    if write:
        temporary = path.with_name(f".{path.name}.upgrade")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)  # atomic: the old or the new file, never half of one
    return FileUpgrade(path, "upgraded", upgraded.notes)
