"""`sdm-aid sessions`: list decision sessions by pseudonymous id, grid, status, last change and
follow-up date -- never answer text or codes.

Also the small helpers the other storage commands share (open the service from the settings,
turn storage errors into one clear line, show times in Europe/Amsterdam).
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sdm_aid.config import ConfigError, Settings, load_settings
from sdm_aid.services.sessions import SessionService
from sdm_aid.sessions.models import SESSION_TIMEZONE
from sdm_aid.storage.errors import StorageError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
CLI_USER = "cli"
"""The name the access log records for actions taken on the command line."""
STATUS_CHOICES = ("in-progress", "decided", "deferred")


def open_service(settings: Settings | None = None) -> SessionService:
    return SessionService.from_settings(settings or load_settings())


def storage_command(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Settings, storage and argument problems become one line on stderr and exit status 1."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except (ConfigError, StorageError, ValueError) as error:
            print(f"sdm-aid {args.command}: {error}", file=sys.stderr)
            return EXIT_FAILED

    return run


def local(moment: datetime | None) -> str:
    """A UTC time as people in the clinic read it (Europe/Amsterdam)."""
    return moment.astimezone(SESSION_TIMEZONE).strftime("%Y-%m-%d %H:%M") if moment else "-"


def print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def print_json(document: Any) -> None:
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "sessions",
        help="list decision sessions (ids, grid, status, dates; no answers)",
        description="List decision sessions, most recently changed first: pseudonymous id, grid, "
        "status, language, last change and follow-up (times in Europe/Amsterdam). Never shows "
        "answers or resume codes. The database comes from SDM_AID_DATABASE_URL.",
    )
    parser.add_argument("--status", choices=STATUS_CHOICES, help="only sessions with this status")
    parser.add_argument(
        "--follow-up",
        choices=("overdue", "due", "upcoming"),
        help="only sessions with such a planned follow-up",
    )
    parser.add_argument("--grid", metavar="GRID_ID", help="only sessions made with this grid")
    parser.add_argument("--limit", type=int, default=50, help="how many to show (1-500, default 50)")
    parser.add_argument("--offset", type=int, default=0, help="skip this many (for the next page)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--check",
        action="store_true",
        help="read every stored session as this version reads it (older formats upgraded in memory, "
        "nothing written); list those that do not load and exit with 1",
    )
    parser.set_defaults(handler=handle)


def check(service: SessionService, output_format: str) -> int:
    checked, failed = 0, []
    for session_id, problem in service.check_documents():
        checked += 1
        if problem is not None:
            failed.append((str(session_id), problem))
            if output_format == "text":
                print(f"{session_id}  does not load: {problem}")
    if output_format == "json":
        print_json({"checked": checked, "failed": [{"id": i, "problem": p} for i, p in failed]})
    elif failed:
        print(f"{len(failed)} of {checked} sessions do not load.")
    else:
        print(f"All {checked} sessions load.")
    return EXIT_FAILED if failed else EXIT_OK


@storage_command
def handle(args: argparse.Namespace) -> int:
    service = open_service()
    if args.check:
        return check(service, args.format)
    page = service.list_sessions(
        status=args.status, follow_up=args.follow_up, grid_id=args.grid, limit=args.limit, offset=args.offset
    )
    if args.format == "json":
        print_json(
            {
                "total": page.total,
                "limit": page.limit,
                "offset": page.offset,
                "sessions": [row.as_json() for row in page.rows],
            }
        )
        return EXIT_OK
    if not page.rows:
        print(
            "No sessions found." if page.total == 0 else f"No sessions on this page ({page.total} in total)."
        )
        return EXIT_OK
    print_table(
        ("ID", "GRID", "VERSION", "STATUS", "LANG", "LAST CHANGE", "FOLLOW-UP"),
        [
            (
                str(row.id),
                row.grid_id,
                row.grid_version,
                row.status,
                row.language,
                local(row.updated_at),
                f"{local(row.follow_up_at)} ({row.follow_up_status})" if row.follow_up_at else "-",
            )
            for row in page.rows
        ],
    )
    first = page.offset + 1
    print(f"{page.total} sessions; showing {first}-{page.offset + len(page.rows)}.")
    return EXIT_OK
