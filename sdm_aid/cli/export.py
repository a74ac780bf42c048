"""`sdm-aid export [SESSION_ID]`: one session as schema-versioned JSON (and nothing of another).

A resume code opens a family's answers, so it is never typed on the command line, where it
would stay in the shell history and be visible to other users in the process list: leave
the id out and type the code when asked, or pipe it in with --code-stdin.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import uuid
from pathlib import Path

from sdm_aid.audit import AccessAction
from sdm_aid.cli.sessions import CLI_USER, EXIT_FAILED, EXIT_OK, EXIT_USAGE, open_service, storage_command
from sdm_aid.services.clinicians import AccessLog

CODE_ON_COMMAND_LINE = (
    "sdm-aid export: a resume code does not belong on the command line (it would stay in the "
    "shell history). Run `sdm-aid export` and type the code when asked, or pipe it in: "
    "`sdm-aid export --code-stdin < file`. A session id may be given on the command line."
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export one session as JSON",
        description="Write one session as schema-versioned JSON, found by its id or by its resume code "
        "(asked for, never on the command line). The export holds everything the family typed: keep it "
        "safe. Recorded in the access log.",
    )
    parser.add_argument(
        "session",
        metavar="SESSION_ID",
        nargs="?",
        help="the session id; without it, the resume code is asked for",
    )
    parser.add_argument(
        "--code-stdin", action="store_true", help="read the resume code from the first line of stdin"
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE (new file) instead of stdout"
    )
    parser.set_defaults(handler=handle)


def _is_session_id(text: str) -> bool:
    try:
        uuid.UUID(text.strip())
    except ValueError:
        return False
    return True


def _which_session(args: argparse.Namespace) -> str | None:
    """The session id, or the resume code read from stdin or the terminal; None: usage error."""
    if args.session is not None:
        if args.code_stdin:
            print("sdm-aid export: give a session id or --code-stdin, not both.", file=sys.stderr)
            return None
        if not _is_session_id(args.session):
            print(CODE_ON_COMMAND_LINE, file=sys.stderr)
            return None
        return str(args.session)
    if args.code_stdin:
        typed: str = sys.stdin.readline()
        return typed.strip()
    if not sys.stdin.isatty():
        print(
            "sdm-aid export: no terminal to ask for the resume code. Pipe it in with --code-stdin, "
            "or give the session id.",
            file=sys.stderr,
        )
        return None
    return getpass.getpass("Resume code: ").strip()


@storage_command
def handle(args: argparse.Namespace) -> int:
    wanted = _which_session(args)
    if wanted is None:
        return EXIT_USAGE
    service = open_service()
    document = service.export(wanted)
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            # New file only, readable by its owner only: it holds health data about a minor.
            fd = os.open(args.output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            print(f"sdm-aid export: {args.output} already exists; choose another name.", file=sys.stderr)
            return EXIT_FAILED
        except OSError as error:
            print(f"sdm-aid export: cannot write {args.output} ({error.strerror}).", file=sys.stderr)
            return EXIT_FAILED
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    session_id = document["session"]["id"]
    AccessLog(service.database).record(CLI_USER, uuid.UUID(session_id), AccessAction.EXPORTED)
    if args.output is not None:
        print(f"Session {session_id} exported to {args.output}.", file=sys.stderr)
    return EXIT_OK
