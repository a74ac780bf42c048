"""The Option Grid JSON Schema, generated from the pydantic models and committed in the repo.

Grid files point at it with "$schema" so editors (VS Code, JetBrains) autocomplete fields and
show the field descriptions. The format version is part of the file name; a new version gets
a new file next to the old one.

    python -m sdm_aid.content.schema            print the schema
    python -m sdm_aid.content.schema --check    exit 1 when the committed file is out of date
    python -m sdm_aid.content.schema --write    (re)write the committed file
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sdm_aid.content.models import SCHEMA_VERSION, OptionGrid

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# The project has no web address of its own yet, so the id is a URN: it names the schema
# without pretending it can be fetched. Grids refer to the file by relative path instead.
SCHEMA_ID = f"urn:sdm-aid:schema:option-grid:v{SCHEMA_VERSION}"
SCHEMA_FILE_NAME = f"option_grid.v{SCHEMA_VERSION}.schema.json"


def committed_schema_path() -> Path:
    """schemas/option_grid.v1.schema.json at the repository root."""
    return Path(__file__).resolve().parents[2] / "schemas" / SCHEMA_FILE_NAME


def build_schema() -> dict[str, Any]:
    generated = OptionGrid.model_json_schema(by_alias=True)
    header = {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": f"SDM Aid Option Grid, format version {SCHEMA_VERSION}",
        "description": (
            "One decision written as an Option Grid: the options (columns), the questions people "
            "ask (rows), one short answer per option per question with its sources, and who wrote "
            "it and when it must be reviewed. Every text is in Dutch ('nl') and English ('en'). "
            "Generated from sdm_aid/content/models.py; check a file with `sdm-aid validate`, which "
            "also checks what a schema cannot (ids that refer to each other, dates in order)."
        ),
    }
    generated.pop("title", None)
    generated.pop("description", None)
    return {**header, **generated}


def render_schema() -> str:
    """The schema as committed: 2-space indent, UTF-8, a final newline."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def outdated_message(path: Path | None = None) -> str | None:
    """None when the committed schema matches the models, else what to do about it."""
    path = path or committed_schema_path()
    try:
        committed = path.read_text(encoding="utf-8")
    except OSError:
        return f"{path} is missing. Run `sdm-aid schema --write` and commit the file."
    if committed != render_schema():
        return (
            f"{path} is out of date with sdm_aid/content/models.py. "
            "Run `sdm-aid schema --write` and commit the file."
        )
    return None


def write_schema(path: Path | None = None) -> Path:
    path = path or committed_schema_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_schema(), encoding="utf-8")
    return path


def run(*, check: bool, write: bool, path: Path | None = None) -> int:
    """Shared by `python -m sdm_aid.content.schema` and `sdm-aid schema`."""
    if check:
        message = outdated_message(path)
        if message:
            print(message, file=sys.stderr)
            return 1
        print(f"{path or committed_schema_path()} is up to date.")
        return 0
    if write:
        written = write_schema(path)
        print(f"Wrote {written}.")
        return 0
    sys.stdout.write(render_schema())
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check", action="store_true", help="exit 1 when the committed schema file is out of date"
    )
    mode.add_argument("--write", action="store_true", help="write the committed schema file")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sdm_aid.content.schema", description=__doc__.splitlines()[0]
    )
    add_arguments(parser)
    args = parser.parse_args(argv)
    return run(check=args.check, write=args.write)


if __name__ == "__main__":
    sys.exit(main())
