"""`sdm-aid check GRID`: an authoring report -- the twelve IPDASi v4 items, jargon, numbers in
the text, the safety section, and how easy the texts read."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

from sdm_aid.cli.validate import shown
from sdm_aid.content.findings import Finding, findings
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
IPDAS items: the twelve minimum standards of IPDASi v4 (Joseph-Williams et al. 2014): qualifying
Q1 problem, Q2 decision, Q3 options, Q4 positive and Q5 negative features of each option, Q6 what
living with each option is like; certification C1 equal detail, C2 citations, C3 publication
date, C4 update policy, C5 uncertainty, C6 funding. Each says what it looked at and why it passes
or not; what the file format already guarantees is shown as such, not as a finding.

Findings: jargon from a word list (allowed when the grid's glossary explains it), numbers in an
answer's text that its likelihood does not give, and a missing safety section.
Whether the content is correct and balanced needs a clinical review.

Reading level: Flesch reading ease for English,
  206.835 - 1.015 x (words per sentence) - 84.6 x (syllables per word),
and Flesch-Douma for Dutch,
  206.835 - 0.93 x (words per sentence) - 77 x (syllables per word).
Higher is easier; the target is {TARGET_SCORE:.0f} or more (Flesch's 'fairly easy': about age 12, B1).
Syllables are counted with spelling rules, not a dictionary, and the formulas only see word and
sentence length: use the score and the list of hardest sentences as a guide, not a verdict.

Exit status: 0 the grid is valid, meets all twelve IPDAS items and has no findings; 1 it is
invalid, misses an item or has a finding (the reading level alone never fails the check);
2 the grid cannot be found."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="authoring report for one grid: IPDAS items and reading level",
        description=(
            "Authoring report for one grid: the twelve IPDASi v4 items, jargon, numbers in the "
            "text, the safety section, and how easy its texts read."
        ),
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
    found_problems = findings(found.grid)
    reading = reading_reports(found.grid, worst=args.worst)
    if args.format == "json":
        _print_json(found, items, found_problems, reading)
    else:
        _print_text(found, items, found_problems, reading, today)
    return EXIT_OK if all(item.met for item in items) and not found_problems else EXIT_NOT_MET


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
    loaded: LoadedGrid,
    items: list[IpdasItem],
    found: list[Finding],
    reading: list[LanguageReport],
    today: date,
) -> None:
    grid = loaded.grid
    governance = grid.governance
    where = f" ({loaded.path})" if loaded.path else ""
    print(f"Authoring report for '{grid.id}' version {grid.version}{where}")
    print("  " + " / ".join(grid.title.get(language) for language in grid.languages))
    if loaded.format_version < 2:
        print(f"  Format {loaded.format_version}: run `sdm-aid upgrade` to write it in format 2.")
    status = str(governance.status)
    if status == "draft":
        status += " (not yet reviewed by clinicians)"
    expired = "  EXPIRED" if governance.next_review_due < today else ""
    print(f"  Status: {status}. Next review due {governance.next_review_due}{expired}.")
    for warning in loaded.warnings:
        print(f"  Warning: {warning.location}: {warning.message} — {warning.hint}")

    met = sum(1 for item in items if item.met)
    print(f"\nIPDASi v4 items: {met} of {len(items)} met")
    for item in items:
        mark = "met    " if item.met else "NOT MET"
        print(f"  [{mark}] {item.key} {item.title} ({item.level})")
        print(f"            looked at: {item.looked_at}")
        if item.guaranteed:
            print(f"            guaranteed by validation: {item.guaranteed}")
        print(f"            {item.why}")

    print(f"\nFindings: {len(found) or 'none'}")
    for finding in found:
        print(f"  [{finding.kind}] {finding.location}: {finding.message} — {finding.hint}")

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


def _print_json(
    loaded: LoadedGrid, items: list[IpdasItem], found: list[Finding], reading: list[LanguageReport]
) -> None:
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
            "format_version": loaded.format_version,
        },
        "warnings": [warning.to_dict() for warning in loaded.warnings],
        "ipdas": [asdict(item) for item in items],
        "ipdas_all_met": all(item.met for item in items),
        "ipdas_met": sum(1 for item in items if item.met),
        "findings": [finding.to_dict() for finding in found],
        "reading": [{**asdict(report), "meets_target": report.meets_target} for report in reading],
    }
    json.dump(payload, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
