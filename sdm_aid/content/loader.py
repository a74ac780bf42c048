"""Load Option Grid files strictly: every failure becomes one `GridLoadError`.

    loaded = load_grid(Path("option_grids/depression-youth.json"))
    loaded.grid, loaded.content_hash, loaded.warnings, loaded.expired, loaded.ref()

    library = load_library()          # every option_grids/*.json, by grid id
    library.grids, library.errors

The checks run in three layers and report together: the strict JSON reader
(`json_reading`), the structure (`structure`, the pydantic models) and the cross-references
(`consistency`). Nothing but `GridLoadError` leaves `load_grid` / `load_grid_bytes`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sdm_aid.content import models_v1
from sdm_aid.content.consistency import check_consistency
from sdm_aid.content.consistency_v2 import check_v2
from sdm_aid.content.json_reading import MAX_FILE_BYTES, read_json
from sdm_aid.content.models import OptionGrid
from sdm_aid.content.problems import GridLoadError, GridProblem, shorten
from sdm_aid.content.refs import GridRef
from sdm_aid.content.structure import validate_structure
from sdm_aid.content.upgrade import upgrade_v1

GRID_DIR_ENV = "SDM_AID_GRID_DIR"
MAX_PROBLEMS = 100
"""A badly broken file can produce thousands of problems; the first hundred are enough."""

__all__ = [
    "GridLibrary",
    "GridLoadError",
    "GridProblem",
    "LoadedGrid",
    "default_grid_dir",
    "grid_files",
    "load_files",
    "load_grid",
    "load_grid_bytes",
    "load_library",
]


@dataclass(frozen=True)
class LoadedGrid:
    grid: OptionGrid
    path: Path | None
    content_hash: str
    """SHA-256 (hex) of the file's raw bytes: sessions record exactly which text they used."""
    warnings: list[GridProblem]
    as_of: date | None = None
    """The day `expired` is judged on; None means the current day at the time of asking."""
    format_version: int = 2
    """The format version of the file (1 files are upgraded to 2 in memory)."""

    @property
    def expired(self) -> bool:
        return self.grid.governance.next_review_due < (self.as_of or date.today())

    def ref(self) -> GridRef:
        return GridRef(id=self.grid.id, version=self.grid.version, content_hash=self.content_hash)


def load_grid(path: Path, *, today: date | None = None) -> LoadedGrid:
    """Read and check one grid file. Raises only `GridLoadError`."""
    path = Path(path)
    data = _read_bytes(path)
    loaded = load_grid_bytes(data, source_name=str(path), today=today)
    extra: list[GridProblem] = []
    if path.stem != loaded.grid.id:
        extra.append(
            GridProblem(
                "id",
                f"The file name {shorten(path.name)} does not match the grid id {shorten(loaded.grid.id)}.",
                f"Rename the file to '{loaded.grid.id}.json' (or change the id) so the grid is easy to find.",
                "warning",
            )
        )
    return LoadedGrid(
        loaded.grid,
        path,
        loaded.content_hash,
        [*loaded.warnings, *extra],
        loaded.as_of,
        loaded.format_version,
    )


def load_grid_bytes(data: bytes, *, source_name: str, today: date | None = None) -> LoadedGrid:
    """Check grid bytes (e.g. an upload). Raises only `GridLoadError` naming `source_name`."""
    try:
        return _load(data, source_name, today)
    except GridLoadError:
        raise
    except Exception as error:  # a bug in the checks must still not reach the caller raw
        raise GridLoadError(
            source_name,
            [
                GridProblem(
                    "$",
                    f"SDM Aid hit an unexpected problem while checking this file ({type(error).__name__}).",
                    "Please report this to the SDM Aid maintainers together with the file.",
                )
            ],
        ) from error


def file_format_version(value: object) -> int:
    """1 for a version-1 document, otherwise 2 (which reports any other version as wrong)."""
    version = value.get("schema_version") if isinstance(value, dict) else None
    return 1 if version == 1 and not isinstance(version, bool) else 2


def _load(data: bytes, source_name: str, today: date | None) -> LoadedGrid:
    parsed = read_json(data)
    problems = list(parsed.problems)
    grid: OptionGrid | None = None
    version = file_format_version(parsed.value)
    if parsed.readable:
        day = today or date.today()
        if _unknown_version(parsed.value):
            # Another format: its fields cannot be judged by this version's rules.
            problems += _version_problems(parsed.value)
        elif version == 1:
            grid, v1_problems = _v1_as_v2(parsed.value, parsed.flagged, parsed.text)
            problems += v1_problems
            problems += check_consistency(parsed.value, today=day, version=1)
        else:
            checked, structure_problems = validate_structure(parsed.value, parsed.flagged, parsed.text)
            grid = checked if isinstance(checked, OptionGrid) else None
            problems += structure_problems
            problems += check_consistency(parsed.value, today=day, version=2)
            problems += check_v2(parsed.value, today=day)
    errors = [problem for problem in problems if problem.severity == "error"]
    warnings = [problem for problem in problems if problem.severity == "warning"]
    if errors or grid is None:
        reported = [*errors, *warnings]
        if len(reported) > MAX_PROBLEMS:
            hidden = len(reported) - MAX_PROBLEMS
            reported = [
                *reported[:MAX_PROBLEMS],
                GridProblem("$", f"… and {hidden} more problems.", "Fix the problems above first."),
            ]
        raise GridLoadError(source_name, reported)
    digest = hashlib.sha256(data).hexdigest()
    return LoadedGrid(
        grid=grid, path=None, content_hash=digest, warnings=warnings, as_of=today, format_version=version
    )


def _unknown_version(value: dict[str, object]) -> bool:
    version = value.get("schema_version")
    return "schema_version" in value and (isinstance(version, bool) or version not in (1, 2))


def _version_problems(value: dict[str, object]) -> list[GridProblem]:
    _, problems = validate_structure(value)
    return [problem for problem in problems if problem.location == "schema_version"]


def _v1_as_v2(
    value: dict[str, object], flagged: set[tuple[str | int, ...]], text: str | None
) -> tuple[OptionGrid | None, list[GridProblem]]:
    """Check a version-1 document by the version-1 rules (so its errors speak of the fields
    it has), then upgrade it in memory. A valid v1 grid always makes a valid v2 grid."""
    checked, problems = validate_structure(value, flagged, text, model=models_v1.OptionGrid)
    if checked is None:
        return None, problems
    upgraded, upgrade_problems = validate_structure(upgrade_v1(value).document)
    if not isinstance(upgraded, OptionGrid):  # a bug in the upgrade, not in the file
        raise RuntimeError(f"upgrading a valid v1 grid failed: {upgrade_problems[:1]}")
    return upgraded, problems


def _read_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        if path.is_dir():
            raise _unreadable(name, "This is a folder, not a grid file.", "Give the path of a .json file.")
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # enough to know it is too large
            if len(data) > MAX_FILE_BYTES:
                data += handle.read()
            return data
    except GridLoadError:
        raise
    except FileNotFoundError:
        raise _unreadable(name, "The file does not exist.", "Check the path and the file name.") from None
    except PermissionError:
        raise _unreadable(
            name, "The file cannot be read: permission denied.", "Ask for read access to the file."
        ) from None
    except IsADirectoryError:
        raise _unreadable(
            name, "This is a folder, not a grid file.", "Give the path of a .json file."
        ) from None
    except (OSError, ValueError) as error:  # ValueError: e.g. a NUL byte in the path
        raise _unreadable(
            name, f"The file cannot be read ({type(error).__name__}).", "Check the path and the file."
        ) from None


def _unreadable(name: str, message: str, hint: str) -> GridLoadError:
    return GridLoadError(name, [GridProblem("$", message, hint)])


@dataclass
class GridLibrary:
    grids: dict[str, LoadedGrid] = field(default_factory=dict)
    """Valid grids by grid id, ordered by their Dutch title."""
    errors: list[GridLoadError] = field(default_factory=list)
    """Files that could not be loaded; their grids are left out."""

    def get(self, grid_id: str) -> LoadedGrid | None:
        return self.grids.get(grid_id)


def default_grid_dir() -> Path:
    """SDM_AID_GRID_DIR if set, otherwise the repository's option_grids/ folder."""
    configured = os.environ.get(GRID_DIR_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "option_grids"


def grid_files(directory: Path) -> list[Path]:
    """The *.json files directly in `directory` (not in subfolders), sorted by name."""
    try:
        return sorted(path for path in directory.glob("*.json") if not path.is_dir())
    except OSError:
        return []


@dataclass(frozen=True)
class LoadOutcome:
    path: Path
    loaded: LoadedGrid | None = None
    error: GridLoadError | None = None


def load_files(paths: Iterable[Path], *, today: date | None = None) -> list[LoadOutcome]:
    """Load each file. When several valid files have the same grid id, the first one (in the
    order given: file name order for a folder) stays and is served, so a stray copy never takes
    a grid away from families; each later one is an error naming both files."""
    outcomes: list[LoadOutcome] = []
    for path in paths:
        try:
            outcomes.append(LoadOutcome(path, loaded=load_grid(path, today=today)))
        except GridLoadError as error:
            outcomes.append(LoadOutcome(path, error=error))
    first_with_id: dict[str, int] = {}
    for index, outcome in enumerate(outcomes):
        loaded = outcome.loaded
        if loaded is None:
            continue
        grid_id = loaded.grid.id
        if grid_id not in first_with_id:
            first_with_id[grid_id] = index
            continue
        kept = outcomes[first_with_id[grid_id]]
        problem = GridProblem(
            "id",
            f"The grid id {shorten(grid_id)} is already used by {shorten(kept.path.name)}, "
            f"which is loaded instead; {shorten(outcome.path.name)} is left out.",
            "Give every grid its own id (and file name), or remove the copy you do not mean.",
        )
        outcomes[index] = LoadOutcome(outcome.path, error=GridLoadError(str(outcome.path), [problem]))
        if kept.loaded is not None:
            warning = GridProblem(
                "id",
                f"Another file, {shorten(outcome.path.name)}, uses the same grid id; it is left out.",
                "Give that file its own id, or remove it.",
                "warning",
            )
            outcomes[first_with_id[grid_id]] = LoadOutcome(
                kept.path, loaded=replace(kept.loaded, warnings=[*kept.loaded.warnings, warning])
            )
    return outcomes


def load_library(directory: Path | None = None, *, today: date | None = None) -> GridLibrary:
    """Every *.json grid in `directory` (default: `default_grid_dir()`), never raising."""
    directory = Path(directory) if directory is not None else default_grid_dir()
    if not directory.is_dir():
        error = _unreadable(
            str(directory),
            "The grid folder does not exist." if not directory.exists() else "This is not a folder.",
            f"Create it, or point {GRID_DIR_ENV} at the folder with the grid files.",
        )
        return GridLibrary(errors=[error])
    library = GridLibrary()
    loaded: list[LoadedGrid] = []
    for outcome in load_files(grid_files(directory), today=today):
        if outcome.loaded is not None:
            loaded.append(outcome.loaded)
        elif outcome.error is not None:
            library.errors.append(outcome.error)
    for grid in sorted(loaded, key=lambda item: (item.grid.title.nl.casefold(), item.grid.id)):
        library.grids[grid.grid.id] = grid
    return library
