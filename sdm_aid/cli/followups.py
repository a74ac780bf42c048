"""`sdm-aid followups`: planned follow-ups that are due, overdue or coming up."""

from __future__ import annotations

import argparse

from sdm_aid.cli.sessions import EXIT_OK, local, open_service, print_json, print_table, storage_command


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days (for example 30)") from None
    if not 1 <= days <= 366:
        raise argparse.ArgumentTypeError("give a number of days from 1 to 366")
    return days


def register(subparsers: argparse._SubParsersAction) -> None:
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
    if args.overdue:
        kind, days = "overdue", None
    elif args.upcoming is not None:
        kind, days = "upcoming", args.upcoming
    else:
        kind, days = "due", 7
    rows = open_service().follow_ups(kind, days=days or 7)
    if args.format == "json":
        print_json({"kind": kind, "days": days, "follow_ups": [row.as_json() for row in rows]})
        return EXIT_OK
    if not rows:
        print(
            {"overdue": "No overdue follow-ups.", "due": "No follow-ups due within 7 days."}.get(
                kind, f"No follow-ups planned within {days} days."
            )
        )
        return EXIT_OK
    print_table(
        ("FOLLOW-UP", "STATE", "SESSION", "GRID", "STATUS"),
        [(local(r.follow_up_at), r.state, str(r.session_id), r.grid_id, r.status) for r in rows],
    )
    print(f"{len(rows)} follow-up{'s' if len(rows) != 1 else ''}.")
    return EXIT_OK
