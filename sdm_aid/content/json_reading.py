"""Strict reading of a grid file's bytes into plain JSON values.

Stricter than `json.loads`: only UTF-8 (a UTF-8 byte-order mark is tolerated with a warning,
see `_decode`), a size cap, no duplicate keys, no NaN/Infinity, no numbers out of range, no
control characters, limited nesting, and a JSON object at the top. Problems that leave the
rest of the file readable (a duplicate key, a NaN, a control character) are collected with
their JSON path and the value is replaced, so the structure checks can still report
everything else; those locations are returned so later checks do not report them twice.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from sdm_aid.content.characters import first_forbidden_character, replace_forbidden
from sdm_aid.content.problems import GridProblem, Location, json_path, shorten

MAX_FILE_BYTES = 1024 * 1024
"""Grids are a few dozen kilobytes; anything over 1 MiB is not a grid."""
MAX_DEPTH = 20
"""The deepest real grid value sits at depth 7; deeper nesting is a mistake."""
MAX_INT_DIGITS = 20

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_OR_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


class _Rejected:
    """Stands in for a number or constant that JSON allows to be written but a grid does not."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


class _ObjectWithDuplicates(dict[str, Any]):
    """A JSON object that repeated a key; the last value wins, the repeats are reported."""

    duplicates: list[str]


@dataclass
class ParsedJson:
    value: Any = None
    """The cleaned JSON value, or None when the file could not be read at all."""
    problems: list[GridProblem] = field(default_factory=list)
    flagged: set[Location] = field(default_factory=set)
    """Locations already reported; later checks skip problems at or below them."""
    text: str | None = None
    """The decoded text when `value` is exactly what it says (nothing had to be replaced)."""

    @property
    def readable(self) -> bool:
        return isinstance(self.value, dict)


def read_json(data: bytes) -> ParsedJson:
    """Parse grid bytes strictly. Never raises: every failure becomes a problem."""
    result = ParsedJson()
    if len(data) > MAX_FILE_BYTES:
        result.problems.append(
            GridProblem(
                "$",
                f"The file is too large ({len(data) / 1024 / 1024:.1f} MiB). "
                f"A grid file may be at most {MAX_FILE_BYTES // 1024 // 1024} MiB.",
                "Check that this is really an Option Grid file; a grid is usually a few dozen kilobytes.",
            )
        )
        return result
    text = _decode(data, result.problems)
    if text is None:
        return result
    if not text.strip():
        result.problems.append(
            GridProblem("$", "The file is empty.", "Write the grid as one JSON object: { ... }.")
        )
        return result
    suspicious: list[bool] = []  # the hooks note a duplicate key or a rejected number here
    try:
        value = json.loads(
            text,
            object_pairs_hook=lambda pairs: _object_without_duplicates(pairs, suspicious),
            parse_constant=lambda name: _reject_constant(name, suspicious),
            parse_float=lambda number: _parse_float(number, suspicious),
            parse_int=lambda number: _parse_int(number, suspicious),
        )
    except json.JSONDecodeError as error:
        result.problems.append(_syntax_problem(error))
        return result
    except RecursionError:
        result.problems.append(_too_deep_problem(()))
        return result
    except (ValueError, TypeError, MemoryError):  # defensive: json has no other documented failure
        result.problems.append(
            GridProblem("$", "The file could not be read as JSON.", "Check the file in a JSON editor.")
        )
        return result
    if not isinstance(value, dict):
        result.problems.append(
            GridProblem(
                "$",
                f"The file must contain one JSON object {{ ... }}, but it contains {_kind(value)}.",
                "Put the whole grid between { and }.",
            )
        )
        return result
    # The walk that finds and locates each problem costs a few milliseconds; most files need
    # none of it, which whole-text checks at C speed can tell.
    if suspicious or _may_hold_forbidden_characters(text) or _nested_deeper_than(data, MAX_DEPTH):
        result.value = _clean(value, (), 1, result)
    else:
        result.value, result.text = value, text
    return result


_NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")
_EMPTY_PAIR = re.compile(rb"\[\]|\{\}")
# Escapes that can produce a forbidden character: \b, \f, \r and any \uXXXX.
_RISKY_ESCAPE = re.compile(r"\\[bfru]")


def _may_hold_forbidden_characters(text: str) -> bool:
    # Raw control characters outside strings already failed parsing, so a hit is in a string.
    return _RISKY_ESCAPE.search(text) is not None or first_forbidden_character(text) is not None


def _nested_deeper_than(data: bytes, limit: int) -> bool:
    """True when { } / [ ] nest more than `limit` levels. Only called on text that parsed, so
    the brackets balance; brackets inside strings can only make it say True, which costs the
    full walk but never hides a problem the walk would find."""
    brackets = data.translate(None, _NOT_BRACKETS)  # UTF-8: ASCII bytes are always characters
    for _ in range(limit):
        if not brackets:
            return False
        brackets = _EMPTY_PAIR.sub(b"", brackets)  # each pass removes the innermost level
    return bool(brackets)


def _decode(data: bytes, problems: list[GridProblem]) -> str | None:
    """UTF-8 only. A UTF-8 byte-order mark is accepted with a warning: RFC 8259 lets readers
    ignore it and older Windows editors add it without asking, so rejecting it would only
    punish the editor; the warning tells them how to save without it, for other tools' sake."""
    if _looks_utf16_or_32(data):
        problems.append(
            GridProblem(
                "$",
                "The file is saved as UTF-16 or UTF-32, not as UTF-8.",
                "Save the file again with the encoding 'UTF-8' (in most editors: Save as … > Encoding).",
            )
        )
        return None
    if data.startswith(UTF8_BOM):
        problems.append(
            GridProblem(
                "$",
                "The file starts with an invisible byte-order mark (BOM).",
                "This works here, but some tools trip over it: save as 'UTF-8' without BOM.",
                "warning",
            )
        )
        data = data[len(UTF8_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        where = f"line {line}, column {column}"
        if _looks_binary(data):
            problems.append(
                GridProblem(
                    "$",
                    f"This is not a text file (unreadable bytes at {where}).",
                    "Choose the grid's .json file; it must be plain text in UTF-8.",
                )
            )
        else:
            problems.append(
                GridProblem(
                    "$",
                    f"The file is not UTF-8 text: there is a character at {where} in another "
                    "encoding (probably Latin-1 or Windows-1252).",
                    "Save the file again with the encoding 'UTF-8'; check letters like é and ë afterwards.",
                )
            )
        return None


def _looks_utf16_or_32(data: bytes) -> bool:
    if data.startswith(_UTF16_OR_32_BOMS):
        return True
    # Without a mark: ASCII text in UTF-16 has a zero byte in every other position.
    head = data[:16]
    return len(head) >= 4 and (not any(head[0::2]) or not any(head[1::2]))


def _looks_binary(data: bytes) -> bool:
    sample = data[:1024]
    odd = sum(1 for byte in sample if byte < 0x09 or 0x0E <= byte < 0x20)
    return odd > len(sample) // 20


def _object_without_duplicates(pairs: list[tuple[str, Any]], suspicious: list[bool]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    suspicious.append(True)
    seen: set[str] = set()
    repeated: list[str] = []
    for key, _ in pairs:
        if key in seen and key not in repeated:
            repeated.append(key)
        seen.add(key)
    with_duplicates = _ObjectWithDuplicates(result)
    with_duplicates.duplicates = repeated
    return with_duplicates


def _reject_constant(name: str, suspicious: list[bool]) -> _Rejected:
    suspicious.append(True)
    return _Rejected(f"{name} is not a number a grid can use")


def _parse_float(text: str, suspicious: list[bool]) -> float | _Rejected:
    number = float(text)
    if number in (float("inf"), float("-inf")):
        suspicious.append(True)
        return _Rejected("This number is too large")
    return number


def _parse_int(text: str, suspicious: list[bool]) -> int | _Rejected:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        suspicious.append(True)
        return _Rejected(f"This number is too long ({digits} digits)")
    return int(text)


def _clean(value: Any, location: Location, depth: int, result: ParsedJson) -> Any:
    """Copy `value`, replacing what a grid cannot hold and recording each problem once."""
    if isinstance(value, dict | list) and depth > MAX_DEPTH:
        result.problems.append(_too_deep_problem(location))
        result.flagged.add(location)
        return None
    if isinstance(value, dict):
        cleaned: dict[str, Any] = {}
        for key in getattr(value, "duplicates", ()):
            result.problems.append(
                GridProblem(
                    json_path((*location, key)),
                    f"The key {shorten(key)} appears more than once in the same object.",
                    f"Keep one {shorten(key)} and remove the others (only the last one would count).",
                )
            )
            result.flagged.add((*location, key))
        for key, item in value.items():
            safe_key = _clean_string(key, (*location, key), result, is_key=True)
            cleaned[safe_key] = _clean(item, (*location, safe_key), depth + 1, result)
        return cleaned
    if isinstance(value, list):
        return [_clean(item, (*location, index), depth + 1, result) for index, item in enumerate(value)]
    if isinstance(value, str):
        return _clean_string(value, location, result, is_key=False)
    if isinstance(value, _Rejected):
        result.problems.append(
            GridProblem(
                json_path(location),
                f"{value.message}.",
                "Write an ordinary whole number, e.g. 6 or 10.",
            )
        )
        result.flagged.add(location)
        return None
    return value


def _clean_string(text: str, location: Location, result: ParsedJson, *, is_key: bool) -> str:
    char = first_forbidden_character(text)
    if char is None:
        return text
    what = "This key" if is_key else "This text"
    result.problems.append(
        GridProblem(
            json_path(location),
            f"{what} contains an invisible control character (U+{ord(char):04X}).",
            "Retype the text without it; copying from Word or a PDF often brings such characters along.",
        )
    )
    cleaned = replace_forbidden(text)
    result.flagged.add((*location[:-1], cleaned) if is_key else location)
    return cleaned


def _too_deep_problem(location: Location) -> GridProblem:
    return GridProblem(
        json_path(location),
        f"The data is nested too deeply (more than {MAX_DEPTH} levels of {{ }} or [ ]).",
        "Check for brackets that were opened but not meant; a grid needs only a few levels.",
    )


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list [ ... ]"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "null"
    return "a number"


_SYNTAX_EXPLANATIONS: tuple[tuple[str, str, str], ...] = (
    (
        "Expecting ',' delimiter",
        "a comma is missing between two items",
        "Add a comma after the item before this place.",
    ),
    (
        "Expecting ':' delimiter",
        "a colon ':' is missing after a field name",
        'Write a field as "name": value.',
    ),
    (
        "Expecting property name enclosed in double quotes",
        "a field name in double quotes was expected (maybe a comma too many before '}')",
        "Remove a comma before '}', and put field names in double quotes: \"label\".",
    ),
    (
        "Illegal trailing comma",
        "there is a comma too many before a closing bracket",
        "Remove the comma before the closing '}' or ']'.",
    ),
    (
        "Expecting value",
        "a value was expected (maybe a comma too many, or text without double quotes)",
        "Put texts in double quotes (\"...\"), and remove a comma before ']' or '}'.",
    ),
    (
        "Unterminated string",
        "a text is not closed with a double quote",
        'End the text with a double quote ("). A quote inside a text is written as \\".',
    ),
    (
        "Invalid control character",
        "a text contains an invisible control character or a line break",
        "Retype the text without it; write a line break inside a text as \\n.",
    ),
    (
        "Invalid \\uXXXX escape",
        "a \\u code in a text is incomplete",
        "Write \\u followed by exactly four hexadecimal digits, or type the character itself.",
    ),
    (
        "Invalid \\escape",
        "a backslash in a text is not followed by a valid code",
        "Write a backslash in a text as \\\\.",
    ),
    (
        "Extra data",
        "there is more text after the end of the grid",
        "Make sure the file holds exactly one { ... } and nothing after its closing '}'.",
    ),
)


def _syntax_problem(error: json.JSONDecodeError) -> GridProblem:
    where = f"line {error.lineno}, column {error.colno}"
    for prefix, explanation, hint in _SYNTAX_EXPLANATIONS:
        if error.msg.startswith(prefix):
            return GridProblem("$", f"The file is not valid JSON at {where}: {explanation}.", hint)
    return GridProblem(
        "$",
        f"The file is not valid JSON at {where}.",
        "Open the file in an editor that checks JSON; it shows the exact place.",
    )
