"""`sdm-aid`: the command line for content editors and administrators.

Each command lives in its own module under `sdm_aid.cli` and exposes
`register(subparsers)`; that function sets `handler` on its parser. A handler returns the
process exit code. Nothing here prints a traceback to the user.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Module names under sdm_aid.cli, in the order `sdm-aid --help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "validate",
    "schema",
    "grids",
    "check",
    "sessions",
    "followups",
    "export",
    "erase",
    "purge",
    "backup",
    "demo",
    "summary",
    "users",
)

EXIT_USAGE = 2
EXIT_INTERNAL = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sdm-aid",
        description="SDM Aid: shared-decision-making decision aid for youth mental health.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"sdm_aid.cli.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
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
