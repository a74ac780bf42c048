"""`sdm-aid export CODE_OR_ID`: one session as schema-versioned JSON (and nothing of another)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from pathlib import Path

from sdm_aid.cli.sessions import CLI_USER, EXIT_FAILED, EXIT_OK, open_service, storage_command
from sdm_aid.services.clinicians import AccessAction, AccessLog


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export one session as JSON",
        description="Write one session as schema-versioned JSON, found by its id or its resume code. "
        "The export holds everything the family typed: keep it safe. Recorded in the access log.",
    )
    parser.add_argument("session", metavar="CODE_OR_ID", help="the session id or its resume code")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE (new file) instead of stdout"
    )
    parser.set_defaults(handler=handle)


@storage_command
def handle(args: argparse.Namespace) -> int:
    service = open_service()
    document = service.export(args.session)
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
