"""Check a grid's structure with the pydantic models and word each error for a content editor.

Validation is strict (`strict=True` on JSON input): "12" is not a number, "true" is not a
boolean, 6.0 is not a whole number. Each pydantic error becomes a `GridProblem` with the JSON
path under the real JSON keys (`$schema`, not `schema_`), what is wrong and how to fix it.
"""

from __future__ import annotations

import difflib
import json
import types
from collections.abc import Collection
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from sdm_aid.content import models_v1
from sdm_aid.content.models import (
    DOI_PATTERN,
    ID_PATTERN,
    PHONE_PATTERN,
    Likelihood,
    LongLocalText,
    OptionGrid,
    Text,
)
from sdm_aid.content.problems import GridProblem, Location, english_list, json_path, plural, shorten
from sdm_aid.i18n import languages

_LOCALISED = (Text, LongLocalText, models_v1.Text, models_v1.LongLocalText)
GridModel = type[OptionGrid] | type[models_v1.OptionGrid]


def validate_structure(
    value: dict[str, Any],
    flagged: Collection[Location] = (),
    text: str | None = None,
    *,
    model: GridModel = OptionGrid,
) -> tuple[BaseModel | None, list[GridProblem]]:
    """The grid (an instance of `model`), or None and the problems. Problems at or below a
    `flagged` location are left out: the JSON reader has already reported them. `text`, when
    given, is the JSON text `value` was read from unchanged; validating it saves writing
    `value` out again."""
    if text is None:
        text = json.dumps(value, ensure_ascii=False)
    try:
        return model.model_validate_json(text, strict=True), []
    except ValidationError as error:
        problems = []
        for detail in error.errors(include_url=False):
            location = tuple(detail["loc"])
            if any(location[: len(done)] == done for done in flagged):
                continue
            problems.append(translate(detail, value, model))
        return None, problems


def translate(detail: ErrorDetails, document: Any, root: GridModel = OptionGrid) -> GridProblem:
    """Word one pydantic error for a content editor."""
    location: Location = tuple(detail["loc"])
    is_key = bool(location) and location[-1] == "[key]"
    if is_key:
        location = location[:-1]
    kind = detail["type"]
    given = detail.get("input")
    context = detail.get("ctx") or {}
    path = json_path(location)
    field = _walk(root, location)[1]

    if is_key:
        allowed = context.get("expected")
        return GridProblem(
            path,
            f"The key {shorten(location[-1])} is not allowed here.",
            f"Use one of: {allowed}." if allowed else "Check the spelling of the key.",
        )
    if kind == "missing":
        return _missing(root, location, document)
    if kind == "extra_forbidden":
        return _unknown_field(root, location)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        expected = _model_at(root, location)
        if expected in _LOCALISED:
            return GridProblem(
                path,
                "This should be a text in Dutch and English.",
                'Write it as {"nl": "Nederlandse tekst", "en": "English text"}.',
            )
        return GridProblem(
            path, "This should be an object { ... }.", _describe(field, "Put the fields between { and }.")
        )
    if kind == "list_type":
        return GridProblem(
            path, "This should be a list [ ... ].", _describe(field, "Put the items between [ and ].")
        )
    if kind == "string_type":
        return GridProblem(path, "This should be a text in double quotes.", 'Write it as "your text".')
    if kind == "string_too_short":
        return GridProblem(path, "This text is empty.", _describe(field, "Write the text."))
    if kind == "string_too_long":
        length = len(given) if isinstance(given, str) else "too many"
        return GridProblem(
            path,
            f"This text is too long ({length} characters; at most {context.get('max_length')}).",
            "Shorten the text; keep answers short and plain.",
        )
    if kind == "string_pattern_mismatch":
        return _pattern(path, given, str(context.get("pattern", "")))
    if kind == "too_short":
        minimum = context.get("min_length", 1)
        return GridProblem(
            path,
            f"This list needs at least {plural(int(minimum), 'item')}, "
            f"but it has {context.get('actual_length', 0)}.",
            _describe(field, "Add the missing items."),
        )
    if kind == "too_long":
        return GridProblem(
            path,
            f"This list has too many items (at most {context.get('max_length')}).",
            "Remove items from the list.",
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        what = f"the text {shorten(given)}" if isinstance(given, str) else shorten(given)
        return GridProblem(
            path,
            f"This should be a whole number, not {what}.",
            "Write the number without quotes or decimals, e.g. 6.",
        )
    if kind in ("greater_than_equal", "greater_than"):
        return GridProblem(
            path,
            f"The number {shorten(given)} is too small.",
            f"Use a number of at least {context.get('ge', context.get('gt'))}.",
        )
    if kind in ("less_than_equal", "less_than"):
        return GridProblem(
            path,
            f"The number {shorten(given)} is too large.",
            f"Use a number of at most {context.get('le', context.get('lt'))}.",
        )
    if kind in ("bool_type", "bool_parsing"):
        return GridProblem(path, "This should be true or false.", "Write true or false without quotes.")
    if kind == "enum":
        return GridProblem(
            path,
            f"{shorten(given)} is not one of the allowed values.",
            f"Choose {context.get('expected')}.",
        )
    if kind == "literal_error":
        if location == ("schema_version",):
            return GridProblem(
                path,
                f"This version of SDM Aid reads grid format versions 1 and 2, not {shorten(given)}.",
                'Write "schema_version": 2 (without quotes) and follow docs/option-grid-format.md.',
            )
        return GridProblem(path, f"{shorten(given)} is not allowed here.", f"Use {context.get('expected')}.")
    if kind.startswith("date_"):
        return GridProblem(
            path,
            f"{shorten(given)} is not a valid date.",
            "Write the date as YYYY-MM-DD, e.g. 2026-03-31.",
        )
    if kind == "value_error" and isinstance(context.get("error"), ValueError):
        return GridProblem(path, f"This value is not valid: {context['error']}.", "Correct the value.")
    return GridProblem(
        path,
        f"This value is not valid ({detail['msg'][:80]}).",
        _describe(field, "Check the value against the schema."),
    )


def _missing(root: GridModel, location: Location, document: Any) -> GridProblem:
    name = str(location[-1])
    parent = _model_at(root, location[:-1])
    path = json_path(location)
    if parent in _LOCALISED and languages.is_language(name):
        other = next(code for code in languages.LANGUAGES if code != name)
        sibling = _value_at(document, location[:-1])
        where = f" next to '{other}'" if isinstance(sibling, dict) and other in sibling else ""
        required = (
            "both Dutch and English are required"
            if root is models_v1.OptionGrid
            else "Dutch is always required"
        )
        return GridProblem(
            path,
            f"The {languages.info(name).english_name} text ('{name}') is missing.",
            f"Add an '{name}'{where}: {required}.",
        )
    field = _fields_by_alias(parent).get(name) if parent else None
    return GridProblem(
        path, f"The field '{name}' is missing.", _describe(field, f"Add '{name}'.", prefix=f"Add '{name}': ")
    )


def _unknown_field(root: GridModel, location: Location) -> GridProblem:
    name = str(location[-1])
    parent = _model_at(root, location[:-1])
    path = json_path(location)
    allowed = sorted(_fields_by_alias(parent)) if parent else []
    if parent in _LOCALISED:
        names = " and ".join(f"'{info.code}' ({info.english_name})" for info in languages.REGISTRY)
        codes = english_list(languages.LANGUAGES)
        return GridProblem(
            path,
            f"Unknown field {shorten(name)}. A text has only {names}.",
            f"Remove this field, or rename it to {codes}.",
        )
    if parent is Likelihood and name in ("count", "out_of", "time_frame"):
        return GridProblem(
            path,
            f"Unknown field {shorten(name)}: in format 2 it belongs to a time point.",
            "Move 'count', 'out_of' and 'time_frame' into a time point: "
            '"points": [{"count": 6, "out_of": 10, "precision": "about", "time_frame": {...}}].',
        )
    guess = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    if guess:
        return GridProblem(
            path, f"Unknown field {shorten(name)}. Did you mean '{guess[0]}'?", f"Rename it to '{guess[0]}'."
        )
    return GridProblem(
        path,
        f"Unknown field {shorten(name)}.",
        f"Remove it. Fields allowed here: {english_list(allowed, limit=20)}.",
    )


def _pattern(path: str, given: Any, pattern: str) -> GridProblem:
    if pattern == ID_PATTERN:
        return GridProblem(
            path,
            f"{shorten(given)} is not a valid id.",
            "Use lower-case letters, digits and single hyphens, e.g. 'parent-training'.",
        )
    if pattern.startswith("^https://"):
        return GridProblem(
            path,
            f"{shorten(given)} is not a secure web address.",
            "Write the full address starting with https://, without spaces.",
        )
    if pattern == DOI_PATTERN:
        return GridProblem(
            path,
            f"{shorten(given)} is not a DOI.",
            "Write the DOI as it starts with '10.', e.g. '10.1002/14651858.CD008559.pub3' (no https://doi.org/).",
        )
    if pattern == PHONE_PATTERN:
        return GridProblem(
            path,
            f"{shorten(given)} is not a phone number.",
            "Write the number as dialled, with digits, spaces or hyphens, e.g. '0800-0113' or '112'.",
        )
    if pattern.startswith(r"^\d+\.\d+"):
        return GridProblem(
            path, f"{shorten(given)} is not a valid version.", "Write a version like '1.0' or '1.2.1'."
        )
    return GridProblem(
        path, f"{shorten(given)} does not have the right form.", "Check the value against the schema."
    )


def _describe(field: FieldInfo | None, fallback: str, *, prefix: str = "") -> str:
    """Use the field's own description (its docstring in models.py) as the hint."""
    if field is not None and field.description:
        return f"{prefix}{field.description}" if prefix else f"{fallback} ({field.description})"
    return fallback


# --- Walking the model types along a location -------------------------------------------


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
        else:
            return annotation


def _as_model(annotation: Any) -> type[BaseModel] | None:
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _fields_by_alias(model: type[BaseModel]) -> dict[str, FieldInfo]:
    return {(info.alias or name): info for name, info in model.model_fields.items()}


def _walk(root: GridModel, location: Location) -> tuple[Any, FieldInfo | None]:
    """The annotation at `location` and, if the last step was a model field, that field."""
    annotation: Any = root
    field: FieldInfo | None = None
    for part in location:
        model = _as_model(annotation)
        if model is not None:
            field = _fields_by_alias(model).get(str(part))
            if field is None:
                return None, None
            annotation = field.annotation
            continue
        container = _unwrap(annotation)
        args = get_args(container)
        if get_origin(container) is list and args:
            annotation = args[0]
        elif get_origin(container) is dict and len(args) == 2:
            annotation = args[1]
        else:
            return None, None
        field = None
    return annotation, field


def _model_at(root: GridModel, location: Location) -> type[BaseModel] | None:
    return _as_model(_walk(root, location)[0])


def _value_at(document: Any, location: Location) -> Any:
    for part in location:
        try:
            document = document[part]
        except (KeyError, IndexError, TypeError):
            return None
    return document
