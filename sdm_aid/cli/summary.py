"""`sdm-aid summary SESSION_ID --format pdf|html --copy family|clinician -o FILE`.

Renders the same summary as the Summary page, for batch printing and filing. The grid must
be exactly the one the session was made with (see `sdm_aid.render.pinned`). The file is
created new, readable by its owner only: it holds health data about a minor.
"""

from __future__ import annotations

import argparse
import os
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from sdm_aid.render.html import render_html
from sdm_aid.render.pdf import render_pdf
from sdm_aid.render.pinned import PinnedGridError, pinned_grid
from sdm_aid.render.summary import build_summary
from sdm_aid.sessions.models import DecisionSession

EXIT_OK, EXIT_FAILED = 0, 1
Format = Literal["pdf", "html"]
Copy = Literal["family", "clinician"]


class SummaryCommandError(Exception):
    """A problem the user can fix; the message says what and how."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "summary",
        help="write the decision summary of one session as PDF or HTML",
        description="Write the summary of one session, as the family or the clinician gets it. "
        "Uses the exact grid version the session was made with (from SDM_AID_GRID_DIR or "
        "option_grids/). The file is new and readable by you only: it holds health data.",
    )
    parser.add_argument("session", metavar="SESSION_ID", help="the session's id")
    parser.add_argument("--format", choices=("pdf", "html"), default="pdf", help="file format (default pdf)")
    parser.add_argument(
        "--copy",
        choices=("family", "clinician"),
        default="family",
        help="family: plain language, without the young person's private answers unless they "
        "allowed it (default); clinician: complete",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the new file")
    parser.add_argument("--grid-dir", type=Path, metavar="DIR", help="folder with the grid files")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    # Storage is imported here, not at module level: rendering and writing (below) work
    # without a database, and the tests exercise them on their own.
    from sdm_aid.audit import AccessAction
    from sdm_aid.cli.sessions import CLI_USER, open_service, storage_command
    from sdm_aid.services.clinicians import AccessLog

    @storage_command
    def run(args: argparse.Namespace) -> int:
        session_id = parse_session_id(args.session)
        service = open_service()
        session = service.load(session_id)
        message = write_summary(
            session, fmt=args.format, copy=args.copy, output=args.output, grid_dir=args.grid_dir
        )
        AccessLog(service.database).record(CLI_USER, session.id, AccessAction.PRINTED)
        print(message, file=sys.stderr)
        return EXIT_OK

    try:
        return run(args)
    except SummaryCommandError as error:
        print(f"sdm-aid summary: {error}", file=sys.stderr)
        return EXIT_FAILED


def parse_session_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise SummaryCommandError(
            f"{text[:40]!r} is not a session id. Session ids look like "
            "'3f2b8c1e-...'; `sdm-aid sessions` lists them."
        ) from None


def write_summary(
    session: DecisionSession,
    *,
    fmt: Format,
    copy: Copy,
    output: Path,
    grid_dir: Path | None = None,
    now: datetime | None = None,
) -> str:
    """Render and write the summary; returns the line to show. Raises SummaryCommandError."""
    try:
        loaded = pinned_grid(session.grid, grid_dir)
    except PinnedGridError as error:
        raise SummaryCommandError(str(error)) from None
    summary = build_summary(session, loaded.grid, copy=copy, generated_at=now or datetime.now(UTC))
    data = render_pdf(summary) if fmt == "pdf" else render_html(summary).encode("utf-8")
    try:
        # New file only, readable by its owner only.
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise SummaryCommandError(f"{output} already exists; choose another name.") from None
    except OSError as error:
        raise SummaryCommandError(f"cannot write {output} ({error.strerror}).") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as error:
        output.unlink(missing_ok=True)  # never leave half a summary behind
        raise SummaryCommandError(f"cannot write {output} ({error.strerror}).") from None
    return f"Summary ({copy} copy, {fmt}) of session {session.id} written to {output}."
