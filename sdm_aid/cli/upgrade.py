"""`sdm-aid upgrade FILE...`: rewrite grid files of format 1 in format 2."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sdm_aid.cli.validate import shown
from sdm_aid.content.upgrade_files import FileUpgrade, upgrade_file

EXIT_OK, EXIT_NOT_UPGRADED, EXIT_USAGE = 0, 1, 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "upgrade",
        help="rewrite Option Grid files of format 1 in format 2",
        description=(
            "Rewrite Option Grid files of format 1 in format 2, in place. Nothing is lost: a file "
            "is only written when it is a valid grid, every text and number is kept and the new "
            "file loads. Afterwards the command lists what to add that format 1 could not hold "
            "(the study and source figure of each number, reviewers, safety ...)."
        ),
        epilog="Sessions made with the old file keep needing it for their summary (it is pinned by "
        "its check code): keep the old version in version control. Exit status: 0 every file is in "
        "format 2 now, 1 a file could not be upgraded, 2 a file does not exist.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="grid files to upgrade")
    parser.add_argument("--dry-run", action="store_true", help="say what would happen, and write nothing")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    missing = [str(path) for path in args.files if not path.is_file()]
    if missing:
        print(f"sdm-aid upgrade: no such file: {', '.join(missing)}. Nothing was changed.", file=sys.stderr)
        return EXIT_USAGE
    results = [upgrade_file(path, write=not args.dry_run) for path in args.files]
    for result in results:
        _report(result, dry_run=args.dry_run)
    failed = sum(1 for result in results if result.outcome in ("invalid", "not-written"))
    return EXIT_NOT_UPGRADED if failed else EXIT_OK


def _report(result: FileUpgrade, *, dry_run: bool) -> None:
    name = shown(result.path)
    if result.outcome == "already-current":
        print(f"{name}: already in format 2; left as it is.")
        return
    if result.outcome == "invalid":
        print(f"{name}: NOT upgraded: the file is not a valid grid. Fix these first (nothing was changed):")
    elif result.outcome == "not-written":
        print(f"{name}: NOT upgraded: in format 2 it would not load. Nothing was changed:")
    else:
        verb = "would be upgraded" if dry_run else "upgraded"
        print(f"{name}: {verb} to format 2; every text and number is kept.")
    for problem in result.problems:
        print(f"    {problem.format(str(name))}")
    if result.outcome == "not-written" and result.notes:
        print("    Then run `sdm-aid upgrade` again. Format 2 also asks for:")
    elif result.notes:
        print("    Please add what format 1 could not hold:")
    for note in result.notes:
        print(f"    - {note}")
