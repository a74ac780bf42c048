"""`sdm-aid grids`: list the grids in the library with their version, status and review date."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from sdm_aid.cli.validate import shown
from sdm_aid.content.loader import GRID_DIR_ENV, LoadedGrid, default_grid_dir, load_library
from sdm_aid.content.problems import plural
from sdm_aid.i18n.languages import LANGUAGES

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "grids",
        help="list the Option Grids in the library",
        description=(
            "List the valid grids: id, version, Dutch title, status, languages and next review date "
            f"(EXPIRED when it has passed). Reads option_grids/ or ${GRID_DIR_ENV}."
        ),
        epilog="Exit status: 0 every file loaded, 1 some files are invalid (see `sdm-aid validate`), "
        "2 the folder does not exist.",
    )
    parser.add_argument("--dir", type=Path, help="grid folder (default: option_grids/)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.set_defaults(handler=handle)


def _row(loaded: LoadedGrid, today: date) -> dict[str, object]:
    grid = loaded.grid
    return {
        "id": grid.id,
        "version": grid.version,
        "title": {code: grid.title.get(code) for code in LANGUAGES},
        "status": str(grid.governance.status),
        "languages": list(grid.languages),
        "next_review_due": grid.governance.next_review_due.isoformat(),
        "expired": grid.governance.next_review_due < today,
        "file": str(loaded.path) if loaded.path else None,
    }


def handle(args: argparse.Namespace) -> int:
    directory: Path = args.dir or shown(default_grid_dir())
    if not directory.is_dir():
        print(f"sdm-aid grids: {str(directory)!r} is not a folder.", file=sys.stderr)
        return EXIT_USAGE
    today = date.today()
    library = load_library(directory, today=today)
    if args.format == "json":
        rows = [_row(loaded, today) for loaded in library.grids.values()]
        errors = [{"file": error.file, "errors": len(error.errors)} for error in library.errors]
        json.dump({"grids": rows, "invalid_files": errors}, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        _print_table(list(library.grids.values()), today, directory)
    if library.errors:
        print(
            f"{plural(len(library.errors), 'file')} could not be loaded and "
            f"{'is' if len(library.errors) == 1 else 'are'} left out: "
            f"{', '.join(Path(error.file).name for error in library.errors)}. "
            f"Run `sdm-aid validate {directory}` to see why.",
            file=sys.stderr,
        )
        return EXIT_INVALID
    return EXIT_OK


def _print_table(grids: list[LoadedGrid], today: date, directory: Path) -> None:
    if not grids:
        print(f"No grids in {directory}.")
        return
    header = ("ID", "VERSION", "TITLE (NL)", "STATUS", "LANGUAGES", "NEXT REVIEW")
    lines = [header]
    for loaded in grids:
        grid = loaded.grid
        due = grid.governance.next_review_due
        lines.append(
            (
                grid.id,
                grid.version,
                grid.title.nl,
                str(grid.governance.status),
                ", ".join(grid.languages),
                f"{due}{'  EXPIRED' if due < today else ''}",
            )
        )
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    for line in lines:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
