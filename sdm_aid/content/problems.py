"""The one error type the grid loader raises, and how its problems are worded.

A problem is written for a content editor, not a programmer: where in the file (a JSON path
such as `questions[2].answers.medication.sources[0]`, or `$` for the whole file), what is
wrong, and how to fix it. Messages never repeat long input text: anything quoted from the file
is cut to `MAX_ECHO` characters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]
Location = tuple[str | int, ...]

MAX_ECHO = 40
"""The longest piece of input text a message may quote."""

_PLAIN_KEY = re.compile(r"^[A-Za-z0-9_$-]+$")


@dataclass(frozen=True)
class GridProblem:
    location: str
    """JSON path of the problem, `$` for the whole file."""
    message: str
    """What is wrong, in plain words."""
    hint: str
    """How to fix it."""
    severity: Severity = "error"

    def format(self, file: str) -> str:
        """One line: `file:location: message — hint` (warnings are marked)."""
        label = "warning: " if self.severity == "warning" else ""
        return f"{file}:{self.location}: {label}{self.message} — {self.hint}"

    def to_dict(self) -> dict[str, str]:
        return {
            "location": self.location,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }


class GridLoadError(Exception):
    """A grid file could not be loaded. Carries every problem found in the file at once."""

    def __init__(self, file: str, problems: Sequence[GridProblem]) -> None:
        self.file = file
        self.problems = list(problems)
        super().__init__(self.__str__())

    @property
    def errors(self) -> list[GridProblem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    @property
    def warnings(self) -> list[GridProblem]:
        return [problem for problem in self.problems if problem.severity == "warning"]

    def __str__(self) -> str:
        return "\n".join(problem.format(self.file) for problem in self.problems)

    def __reduce__(self) -> tuple[Any, ...]:  # keep the error picklable despite the custom __init__
        return (GridLoadError, (self.file, self.problems))


def shorten(value: object, limit: int = MAX_ECHO) -> str:
    """Quote a piece of input for a message: texts in single quotes, other values as JSON;
    printable, and never longer than `limit` characters."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    # Control characters, surrogates and the like become visible escapes.
    text = "".join(char if char.isprintable() else f"\\u{ord(char):04x}" for char in text[: limit * 2])
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'" if isinstance(value, str) else text


def json_path(location: Iterable[str | int]) -> str:
    """`('questions', 2, 'answers', 'pills')` -> `questions[2].answers.pills`; `()` -> `$`."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif _PLAIN_KEY.match(part) and len(part) <= MAX_ECHO:
            path += f".{part}" if path else part
        else:
            path += f"[{shorten(part)}]"
    return path or "$"


def english_list(values: Iterable[str], limit: int = 12, conjunction: str = "or") -> str:
    """`'a', 'b' or 'c'` for messages that list the allowed values (or `and` them)."""
    quoted = [f"'{value}'" for value in values]
    if len(quoted) > limit:
        quoted = [*quoted[:limit], f"… ({len(quoted) - limit} more)"]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + f" {conjunction} " + quoted[-1]


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
