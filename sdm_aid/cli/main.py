"""`sdm-aid`: the command line for content editors and administrators.

Each command lives in its own module under `sdm_aid.cli` and exposes
`register(subparsers)`; that function sets `handler` on its parser. A handler returns the
process exit code. Nothing here prints a traceback to the user.

Only the chosen command's module is imported (with what it needs: the database layer, the
grid loader, reportlab ...). `sdm-aid --help` imports none of them: the list below holds the
one-line help of every command (a test keeps it equal to each module's own).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMANDS: dict[str, str] = {
    "validate": "check Option Grid files (default: the option_grids folder)",
    "schema": "print the Option Grid JSON Schema (or check / write the committed file)",
    "grids": "list the Option Grids in the library",
    "check": "authoring report for one grid: IPDAS items and reading level",
    "upgrade": "rewrite Option Grid files of format 1 in format 2",
    "sessions": "list decision sessions (ids, grid, status, dates; no answers)",
    "followups": "list follow-ups that are due, overdue or upcoming",
    "export": "export one session as JSON",
    "erase": "erase one session completely",
    "purge": "erase stale drafts",
    "backup": "back up the SQLite database while it is in use",
    "demo": "add synthetic demo sessions",
    "summary": "write the decision summary of one session as PDF or HTML",
    "users": "manage clinician accounts",
}
"""Command -> its one-line help, in the order `sdm-aid --help` lists them."""
COMMAND_MODULES: tuple[str, ...] = tuple(COMMANDS)

EXIT_USAGE = 2
EXIT_INTERNAL = 3


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, just that command is complete (the others are listed)."""
    parser = argparse.ArgumentParser(
        prog="sdm-aid",
        description="SDM Aid: shared-decision-making decision aid for youth mental health.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, help_text in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(f"sdm_aid.cli.{name}").register(subparsers)
        else:
            subparsers.add_parser(name, help=help_text)
    return parser


def _chosen_command(argv: Sequence[str]) -> str:
    """The command named on the command line ('' when none: then only the list is needed)."""
    return next((arg for arg in argv if arg in COMMANDS), "")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(only=_chosen_command(argv))
    args = parser.parse_args(argv)  # exits with 2 on a usage error
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the last line of defence: no traceback for users
        print(f"sdm-aid: unexpected error ({type(error).__name__}). Nothing was changed.", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
