"""`sdm-aid followups`: planned follow-ups that are due, overdue or coming up."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable

from sdm_aid.cli.sessions import EXIT_OK, local, open_service, storage_command
from sdm_aid.storage.records import FollowUpKind, FollowUpRow


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days (for example 30)") from None
    if not 1 <= days <= 366:
        raise argparse.ArgumentTypeError("give a number of days from 1 to 366")
    return days


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "followups",
        help="list follow-ups that are due, overdue or upcoming",
        description="Planned follow-ups, soonest first (times in Europe/Amsterdam). --due (the "
        "default): starting within 7 days. --overdue: the time has passed and no outcome was "
        "recorded. --upcoming DAYS: everything planned within the next DAYS days.",
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--due", action="store_true", help="due within 7 days (default)")
    which.add_argument("--overdue", action="store_true", help="past their time, no outcome recorded")
    which.add_argument("--upcoming", type=_days, metavar="DAYS", help="planned within the next DAYS days")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.set_defaults(handler=handle)


@storage_command
def handle(args: argparse.Namespace) -> int:
    kind: FollowUpKind
    if args.overdue:
        kind, days = "overdue", None
    elif args.upcoming is not None:
        kind, days = "upcoming", args.upcoming
    else:
        kind, days = "due", 7
    rows = open_service().iter_follow_ups(kind, days=days or 7)
    if args.format == "json":
        count = _print_json(kind, days, rows)
    else:
        count = _print_text(rows)
        if count == 0:
            print(
                {"overdue": "No overdue follow-ups.", "due": "No follow-ups due within 7 days."}.get(
                    kind, f"No follow-ups planned within {days} days."
                )
            )
        else:
            print(f"{count} follow-up{'s' if count != 1 else ''}.")
    return EXIT_OK


def _print_json(kind: str, days: int | None, rows: Iterable[FollowUpRow]) -> int:
    """One JSON document, {"kind", "days", "follow_ups": [...]}, written a row (a line) at a time."""
    out = sys.stdout
    out.write(json.dumps({"kind": kind, "days": days})[:-1] + ', "follow_ups": [')
    count = 0
    for count, row in enumerate(rows, 1):
        out.write(("\n  " if count == 1 else ",\n  ") + json.dumps(row.as_json(), ensure_ascii=False))
        if count == 1 or count % _FLUSH_EVERY == 0:
            out.flush()
    out.write("\n]}\n" if count else "]}\n")
    return count


def _print_text(rows: Iterable[FollowUpRow]) -> int:
    """Rows as they come; column widths are fixed, except GRID (as wide as the longest id among
    the first rows; a longer one later only pushes STATUS to the right)."""
    count, widths = 0, None
    buffered: list[tuple[str, ...]] = []
    for count, row in enumerate(rows, 1):
        cells: tuple[str, ...] = (
            local(row.follow_up_at),
            row.state,
            str(row.session_id),
            row.grid_id,
            row.status,
        )
        if widths is None:
            buffered.append(cells)
            if len(buffered) < _FIRST_ROWS:
                continue
            widths = _widths(buffered)
            _print_rows(widths, [HEADER, *buffered])
            sys.stdout.flush()
            continue
        _print_rows(widths, [cells])
        if count % _FLUSH_EVERY == 0:
            sys.stdout.flush()
    if widths is None and buffered:
        _print_rows(_widths(buffered), [HEADER, *buffered])
    return count


HEADER = ("FOLLOW-UP", "STATE", "SESSION", "GRID", "STATUS")
_FIRST_ROWS = 50
_FLUSH_EVERY = 500


def _widths(rows: list[tuple[str, ...]]) -> list[int]:
    return [max(len(row[i]) for row in [HEADER, *rows]) for i in range(len(HEADER))]


def _print_rows(widths: list[int], rows: list[tuple[str, ...]]) -> None:
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
