"""`sdm-aid validate [PATH ...]`: check grid files and say, per file, what to fix."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sdm_aid.content.loader import LoadOutcome, default_grid_dir, grid_files, load_files
from sdm_aid.content.problems import GridProblem, plural

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check Option Grid files (default: the option_grids folder)",
        description=(
            "Check Option Grid files: JSON, structure, ids that refer to each other, dates. "
            "A folder means every *.json file directly in it. Per file: OK, WARNING (valid, but "
            "look at it) or ERROR, followed by the problems as file:location: what is wrong — how to fix it."
        ),
        epilog="Exit status: 0 all files valid (warnings allowed), 1 a file is invalid, "
        "2 a path does not exist.",
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="grid files or folders (default: option_grids/)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.set_defaults(handler=handle)


def shown(path: Path) -> Path:
    """`path` relative to the working folder when it lies inside it: shorter messages."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """The grid files to check, and the paths that do not exist."""
    files: list[Path] = []
    missing: list[str] = []
    for path in paths:
        if path.is_dir():
            files += grid_files(path)
        elif path.exists():
            files.append(path)
        else:
            missing.append(str(path))
    return list(dict.fromkeys(files)), missing


def _status(outcome: LoadOutcome) -> str:
    if outcome.error is not None:
        return "error"
    return "warning" if outcome.loaded is not None and outcome.loaded.warnings else "ok"


def _problems(outcome: LoadOutcome) -> list[GridProblem]:
    if outcome.error is not None:
        return outcome.error.problems
    return outcome.loaded.warnings if outcome.loaded is not None else []


def _counts(problems: list[GridProblem]) -> tuple[int, int]:
    errors = sum(1 for problem in problems if problem.severity == "error")
    return errors, len(problems) - errors


def handle(args: argparse.Namespace) -> int:
    paths = args.paths or [shown(default_grid_dir())]
    files, missing = _files(paths)
    if missing:
        for name in missing:
            print(f"sdm-aid validate: {name!r} does not exist.", file=sys.stderr)
        return EXIT_USAGE
    if not files:
        print(
            f"sdm-aid validate: no grid files (*.json) found in {', '.join(map(str, paths))}.",
            file=sys.stderr,
        )
        return EXIT_INVALID
    outcomes = load_files(files)
    if args.format == "json":
        _print_json(outcomes)
    else:
        _print_text(outcomes)
    return EXIT_INVALID if any(outcome.error is not None for outcome in outcomes) else EXIT_OK


def _print_text(outcomes: list[LoadOutcome]) -> None:
    for outcome in outcomes:
        status = _status(outcome)
        problems = _problems(outcome)
        errors, warnings = _counts(problems)
        counts = ", ".join(
            part
            for part in (errors and plural(errors, "error"), warnings and plural(warnings, "warning"))
            if part
        )
        print(f"{status.upper():<8} {outcome.path}{f' ({counts})' if counts else ''}")
        for problem in problems:
            print(f"    {problem.format(str(outcome.path))}")
    statuses = [_status(outcome) for outcome in outcomes]
    print(
        f"\n{plural(len(outcomes), 'file')} checked: {statuses.count('ok')} OK, "
        f"{statuses.count('warning')} with warnings, {statuses.count('error')} invalid."
    )


def _print_json(outcomes: list[LoadOutcome]) -> None:
    files = []
    for outcome in outcomes:
        problems = _problems(outcome)
        errors, warnings = _counts(problems)
        files.append(
            {
                "file": str(outcome.path),
                "status": _status(outcome),
                "grid_id": outcome.loaded.grid.id if outcome.loaded is not None else None,
                "errors": errors,
                "warnings": warnings,
                "problems": [problem.to_dict() for problem in problems],
            }
        )
    statuses = [entry["status"] for entry in files]
    summary = {
        "files": len(files),
        "ok": statuses.count("ok"),
        "warning": statuses.count("warning"),
        "error": statuses.count("error"),
        "valid": "error" not in statuses,
    }
    json.dump({"files": files, "summary": summary}, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
