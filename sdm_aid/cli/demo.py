"""`sdm-aid demo --sessions N`: fill the database with synthetic sessions across the shipped
grids (decided, deferred, overdue follow-ups ...) for demos, training and benchmarks."""

from __future__ import annotations

import argparse
import sys

from sdm_aid.cli.sessions import EXIT_FAILED, EXIT_OK, open_service, storage_command
from sdm_aid.content.loader import load_library
from sdm_aid.services.sessions import utc_now
from sdm_aid.sessions.demo import generate_demo_sessions

MAX_SESSIONS = 1_000_000


def _count(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= count <= MAX_SESSIONS:
        raise argparse.ArgumentTypeError(f"give a number from 1 to {MAX_SESSIONS:,}")
    return count


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="add synthetic demo sessions",
        description="Add N synthetic sessions spread over the valid grids in the library (option_grids/ "
        "or $SDM_AID_GRID_DIR). The same --seed gives the same sessions. Never use on a live database.",
    )
    parser.add_argument("--sessions", type=_count, required=True, metavar="N", help="how many sessions")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.set_defaults(handler=handle)


@storage_command
def handle(args: argparse.Namespace) -> int:
    library = load_library()
    grids = [(loaded.grid, loaded.ref()) for loaded in library.grids.values()]
    if not grids:
        print("sdm-aid demo: no valid grids found; run `sdm-aid validate` to see why.", file=sys.stderr)
        return EXIT_FAILED
    service = open_service()
    sessions = generate_demo_sessions(grids, args.sessions, now=utc_now(), seed=args.seed)
    count = service.add_many(sessions, batch_size=2000)
    print(f"Added {count:,} demo sessions across {len(grids)} grids.")
    return EXIT_OK
