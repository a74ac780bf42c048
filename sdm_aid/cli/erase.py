"""`sdm-aid erase ID`: delete one session completely; its resume code stops working."""

from __future__ import annotations

import argparse
import sys
import uuid

from sdm_aid.cli.sessions import CLI_USER, EXIT_FAILED, EXIT_OK, open_service, storage_command


def _session_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a session id (see `sdm-aid sessions`; a resume code is not accepted here)"
        ) from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "erase",
        help="erase one session completely",
        description="Delete one session and everything belonging to it; its resume code stops working. "
        "The access log keeps only the session id and that it was erased. Asks for confirmation "
        "in a terminal; elsewhere --yes is required.",
    )
    parser.add_argument("session_id", type=_session_id, metavar="ID", help="the session id")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.set_defaults(handler=handle)


@storage_command
def handle(args: argparse.Namespace) -> int:
    if not args.yes:
        if not sys.stdin.isatty():
            print("sdm-aid erase: not erased. Confirm in a terminal, or add --yes.", file=sys.stderr)
            return EXIT_FAILED
        answer = input(f"Erase session {args.session_id} and everything in it? This cannot be undone. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Not erased.")
            return EXIT_OK
    open_service().erase(args.session_id, by=CLI_USER)
    print(f"Session {args.session_id} erased.")
    return EXIT_OK
