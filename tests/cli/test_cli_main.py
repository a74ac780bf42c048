"""`sdm-aid` imports only the command it runs; `sdm-aid --help` imports none of them."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from sdm_aid.cli.main import COMMANDS, build_parser

HEAVY = ("sqlalchemy", "reportlab", "pydantic", "babel", "alembic", "streamlit", "sdm_aid.content.loader")


def _help_of(parser: argparse.ArgumentParser, name: str) -> str | None:
    [subparsers] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return next(action.help for action in subparsers._choices_actions if action.dest == name)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_listed_help_is_the_commands_own(name: str) -> None:
    assert _help_of(build_parser(only=name), name) == COMMANDS[name]


def test_help_imports_no_command_module() -> None:
    code = (
        "import sys\n"
        "from sdm_aid.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "COMMAND" in result.stdout and result.stdout.strip().endswith("[]"), result.stdout[-300:]


def test_a_command_still_gets_all_its_options() -> None:
    args = build_parser(only="sessions").parse_args(["sessions", "--status", "decided", "--format", "json"])
    assert (args.command, args.status, args.format) == ("sessions", "decided", "json")
