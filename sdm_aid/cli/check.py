"""`sdm-aid check GRID`: an authoring report -- IPDAS items met, and how easy the texts read."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

from sdm_aid.cli.validate import shown
from sdm_aid.content.ipdas import IpdasItem, ipdas_items
from sdm_aid.content.loader import (
    GridLoadError,
    LoadedGrid,
    default_grid_dir,
    load_grid,
    load_library,
)
from sdm_aid.content.readability import TARGET_SCORE, LanguageReport, reading_reports

EXIT_OK, EXIT_NOT_MET, EXIT_USAGE = 0, 1, 2

_EPILOG = f"""\
IPDAS items: the qualifying and certification items of the International Patient Decision Aid
Standards that a grid file can show (problem, decision, options, benefits and harms of each
option, evidence cited, publication date, update policy and next review, uncertainty, funding
and conflicts of interest). Whether the content is correct and balanced needs a clinical review.

Reading level: Flesch reading ease for English,
  206.835 - 1.015 x (words per sentence) - 84.6 x (syllables per word),
and Flesch-Douma for Dutch,
  206.835 - 0.93 x (words per sentence) - 77 x (syllables per word).
Higher is easier; the target is {TARGET_SCORE:.0f} or more (Flesch's 'fairly easy': about age 12, B1).
Syllables are counted with spelling rules, not a dictionary, and the formulas only see word and
sentence length: use the score and the list of hardest sentences as a guide, not a verdict.

Exit status: 0 the grid is valid and meets every IPDAS item; 1 it is invalid or misses an item
(the reading level alone never fails the check); 2 the grid cannot be found."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="authoring report for one grid: IPDAS items and reading level",
        description="Authoring report for one grid: which IPDAS items it meets, and how easy its texts read.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("grid", metavar="GRID", help="grid id (from the grid folder) or path to a grid file")
    parser.add_argument("--dir", type=Path, help="grid folder to look the id up in (default: option_grids/)")
    parser.add_argument(
        "--worst", type=int, default=5, help="how many hardest and longest sentences to list (default 5)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.set_defaults(handler=handle)


def _find(args: argparse.Namespace) -> LoadedGrid | GridLoadError | str:
    """The grid, its load error, or a usage message."""
    candidate = Path(args.grid)
    if candidate.is_file():
        try:
            return load_grid(candidate)
        except GridLoadError as error:
            return error
    if candidate.is_dir():
        return f"{args.grid!r} is a folder; give one grid file or a grid id."
    directory: Path = args.dir or shown(default_grid_dir())
    library = load_library(directory)
    if args.grid in library.grids:
        return library.grids[args.grid]
    for broken in library.errors:
        if Path(broken.file).stem == args.grid:
            return broken
    known = ", ".join(library.grids) or "none"
    return f"no grid file or grid id {args.grid!r} (grids in {directory}: {known})."


def handle(args: argparse.Namespace) -> int:
    if args.worst < 0:
        print("sdm-aid check: --worst cannot be negative.", file=sys.stderr)
        return EXIT_USAGE
    found = _find(args)
    if isinstance(found, str):
        print(f"sdm-aid check: {found}", file=sys.stderr)
        return EXIT_USAGE
    if isinstance(found, GridLoadError):
        _print_invalid(found, args.format)
        return EXIT_NOT_MET
    today = date.today()
    items = ipdas_items(found.grid, today=today)
    reading = reading_reports(found.grid, worst=args.worst)
    if args.format == "json":
        _print_json(found, items, reading)
    else:
        _print_text(found, items, reading, today)
    return EXIT_OK if all(item.met for item in items) else EXIT_NOT_MET


def _print_invalid(error: GridLoadError, output: str) -> None:
    if output == "json":
        payload = {"file": error.file, "valid": False, "problems": [p.to_dict() for p in error.problems]}
        json.dump(payload, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    print(f"{error.file} is not a valid grid, so it cannot be checked yet. Fix these first:")
    for problem in error.problems:
        print(f"    {problem.format(error.file)}")


def _print_text(
    loaded: LoadedGrid, items: list[IpdasItem], reading: list[LanguageReport], today: date
) -> None:
    grid = loaded.grid
    governance = grid.governance
    where = f" ({loaded.path})" if loaded.path else ""
    print(f"Authoring report for '{grid.id}' version {grid.version}{where}")
    print(f"  {grid.title.nl} / {grid.title.en}")
    status = str(governance.status)
    if status == "draft":
        status += " (not yet reviewed by clinicians)"
    expired = "  EXPIRED" if governance.next_review_due < today else ""
    print(f"  Status: {status}. Next review due {governance.next_review_due}{expired}.")
    for warning in loaded.warnings:
        print(f"  Warning: {warning.location}: {warning.message} — {warning.hint}")

    met = sum(1 for item in items if item.met)
    print(f"\nIPDAS items: {met} of {len(items)} met")
    for item in items:
        mark = "met    " if item.met else "NOT MET"
        print(f"  [{mark}] {item.title} ({item.level})")
        print(f"            {item.why}")

    print(f"\nReading level (target: {TARGET_SCORE:.0f} or higher, about age 12 / B1; higher is easier)")
    for report in reading:
        verdict = "meets the target" if report.meets_target else "harder than the target"
        print(
            f"  {report.language}: {report.formula} {report.score:.0f} — {verdict} "
            f"({report.words} words, {report.sentences} sentences)"
        )
        sections = ", ".join(f"{name} {score:.0f}" for name, score in report.by_section.items())
        print(f"      by section: {sections}")
        for title, sentences in (
            ("hardest sentences", report.hardest),
            ("longest sentences", report.longest),
        ):
            if sentences:
                print(f"      {title} (score, words, where):")
            for sentence in sentences:
                text = sentence.sentence if len(sentence.sentence) <= 80 else sentence.sentence[:79] + "…"
                more = f" (+{sentence.other_places} more)" if sentence.other_places else ""
                print(f"        {sentence.score:5.0f} {sentence.words:3d}  {sentence.location}{more}: {text}")
    print("\nReading scores are a rough guide: see `sdm-aid check --help` for the formulas and their limits.")


def _print_json(loaded: LoadedGrid, items: list[IpdasItem], reading: list[LanguageReport]) -> None:
    grid = loaded.grid
    payload = {
        "file": str(loaded.path) if loaded.path else None,
        "valid": True,
        "grid": {
            "id": grid.id,
            "version": grid.version,
            "status": str(grid.governance.status),
            "next_review_due": grid.governance.next_review_due.isoformat(),
            "expired": loaded.expired,
        },
        "warnings": [warning.to_dict() for warning in loaded.warnings],
        "ipdas": [asdict(item) for item in items],
        "ipdas_all_met": all(item.met for item in items),
        "reading": [{**asdict(report), "meets_target": report.meets_target} for report in reading],
    }
    json.dump(payload, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
