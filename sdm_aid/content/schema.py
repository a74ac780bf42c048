"""The Option Grid JSON Schemas, generated from the pydantic models and committed in the repo.

Grid files point at one with "$schema" so editors (VS Code, JetBrains) autocomplete fields and
show the field descriptions. The format version is part of the file name; each version has its
own file (schemas/option_grid.v1.schema.json, schemas/option_grid.v2.schema.json), and the
older ones stay, generated from their frozen models, as long as such files are read.

    python -m sdm_aid.content.schema            print the current (v2) schema
    python -m sdm_aid.content.schema --check    exit 1 when a committed file is out of date
    python -m sdm_aid.content.schema --write    (re)write the committed files
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sdm_aid.content import models, models_v1

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_VERSION = models.SCHEMA_VERSION
VERSIONS: dict[int, tuple[type[BaseModel], str, str]] = {
    1: (
        models_v1.OptionGrid,
        "sdm_aid/content/models_v1.py",
        "Every text is in Dutch ('nl') and English ('en'). Version 1 files still load; "
        "`sdm-aid upgrade FILE` turns them into version 2.",
    ),
    2: (
        models.OptionGrid,
        "sdm_aid/content/models.py",
        "Every text is in Dutch ('nl') and in each other language the grid lists in 'languages'. "
        "Likelihoods carry one or more time points, their precision, the study and the certainty "
        "with its origin; see docs/option-grid-format.md.",
    ),
}


def schema_id(version: int = SCHEMA_VERSION) -> str:
    # The project has no web address of its own yet, so the id is a URN: it names the schema
    # without pretending it can be fetched. Grids refer to the file by relative path instead.
    return f"urn:sdm-aid:schema:option-grid:v{version}"


def schema_file_name(version: int = SCHEMA_VERSION) -> str:
    return f"option_grid.v{version}.schema.json"


SCHEMA_ID = schema_id()
SCHEMA_FILE_NAME = schema_file_name()


def committed_schema_path(version: int = SCHEMA_VERSION) -> Path:
    """schemas/option_grid.v<version>.schema.json at the repository root."""
    return Path(__file__).resolve().parents[2] / "schemas" / schema_file_name(version)


def build_schema(version: int = SCHEMA_VERSION) -> dict[str, Any]:
    model, module, languages_note = VERSIONS[version]
    generated = model.model_json_schema(by_alias=True)
    header = {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": schema_id(version),
        "title": f"SDM Aid Option Grid, format version {version}",
        "description": (
            "One decision written as an Option Grid: the options (columns), the questions people "
            "ask (rows), one short answer per option per question with its sources, and who wrote "
            f"it and when it must be reviewed. {languages_note} "
            f"Generated from {module}; check a file with `sdm-aid validate`, which "
            "also checks what a schema cannot (ids that refer to each other, dates in order)."
        ),
    }
    generated.pop("title", None)
    generated.pop("description", None)
    return {**header, **generated}


def render_schema(version: int = SCHEMA_VERSION) -> str:
    """The schema as committed: 2-space indent, UTF-8, a final newline."""
    return json.dumps(build_schema(version), indent=2, ensure_ascii=False) + "\n"


def outdated_message(path: Path | None = None, version: int = SCHEMA_VERSION) -> str | None:
    """None when the committed schema matches the models, else what to do about it."""
    path = path or committed_schema_path(version)
    try:
        committed = path.read_text(encoding="utf-8")
    except OSError:
        return f"{path} is missing. Run `sdm-aid schema --write` and commit the file."
    if committed != render_schema(version):
        return (
            f"{path} is out of date with {VERSIONS[version][1]}. "
            "Run `sdm-aid schema --write` and commit the file."
        )
    return None


def write_schema(path: Path | None = None, version: int = SCHEMA_VERSION) -> Path:
    path = path or committed_schema_path(version)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_schema(version), encoding="utf-8")
    return path


def run(*, check: bool, write: bool, path: Path | None = None) -> int:
    """Shared by `python -m sdm_aid.content.schema` and `sdm-aid schema`. With `path`, only the
    current version is checked or written there (for tests)."""
    versions = [SCHEMA_VERSION] if path is not None else sorted(VERSIONS)
    if check:
        messages = [message for v in versions if (message := outdated_message(path, v))]
        for message in messages:
            print(message, file=sys.stderr)
        if messages:
            return 1
        for v in versions:
            print(f"{path or committed_schema_path(v)} is up to date.")
        return 0
    if write:
        for v in versions:
            print(f"Wrote {write_schema(path, v)}.")
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
