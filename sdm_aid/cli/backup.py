"""`sdm-aid backup PATH`: a consistent copy of the live SQLite database (online backup API)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sdm_aid.cli.sessions import EXIT_OK, open_service, storage_command


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "backup",
        help="back up the SQLite database while it is in use",
        description="Write a consistent copy of the SQLite database to PATH with SQLite's online "
        "backup API (safe while the app runs; never copy the live file yourself). For PostgreSQL "
        "use pg_dump.",
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="the backup file to create")
    parser.add_argument("--overwrite", action="store_true", help="replace PATH if it exists")
    parser.set_defaults(handler=handle)


@storage_command
def handle(args: argparse.Namespace) -> int:
    written = open_service().backup(args.path, overwrite=args.overwrite)
    print(f"Backup written to {written} ({written.stat().st_size:,} bytes).")
    return EXIT_OK
