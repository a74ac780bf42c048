"""`sdm-aid purge --older-than 30d`: erase drafts (in progress) nobody changed for that long."""

from __future__ import annotations

import argparse
import re
from datetime import timedelta

from sdm_aid.cli.sessions import EXIT_OK, open_service, storage_command

_DURATION = re.compile(r"^\s*(\d{1,5})\s*([dh])\s*$", re.IGNORECASE)


def parse_duration(text: str) -> timedelta:
    """'30d' or '12h'."""
    match = _DURATION.match(text)
    if not match or int(match.group(1)) == 0:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a duration: write a number and d (days) or h (hours), for example 30d or 12h"
        )
    amount, unit = int(match.group(1)), match.group(2).lower()
    return timedelta(days=amount) if unit == "d" else timedelta(hours=amount)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "purge",
        help="erase stale drafts",
        description="Erase sessions still in progress that nobody changed for the given time "
        "(decided and deferred sessions are kept).",
    )
    parser.add_argument(
        "--older-than", type=parse_duration, required=True, metavar="DURATION", help="for example 30d or 12h"
    )
    parser.set_defaults(handler=handle)


@storage_command
def handle(args: argparse.Namespace) -> int:
    count = open_service().purge_drafts(args.older_than)
    age = args.older_than
    described = (
        f"{age.days} days" if age.days and not age.seconds else f"{int(age.total_seconds() // 3600)} hours"
    )
    print(f"{count} draft session{'s' if count != 1 else ''} not changed for {described} erased.")
    return EXIT_OK
