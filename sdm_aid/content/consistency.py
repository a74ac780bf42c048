"""Cross-reference checks: the rules that span several parts of a grid.

They read the plain JSON value rather than the validated model, so they also run when the
structure has errors elsewhere and the editor sees everything at once. Each check skips the
parts it cannot read (wrong type, missing): the structure check reports those.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any, TypeGuard

from sdm_aid.content.problems import GridProblem, Location, english_list, json_path, shorten

# Sections whose items carry an id that must be unique, and what one item is called.
ID_SECTIONS: dict[str, str] = {
    "options": "option",
    "questions": "question",
    "considerations": "consideration",
    "understanding_checks": "understanding-check item",
    "clinician_questions": "clinician question",
    "sources": "source",
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_consistency(document: dict[str, Any], *, today: date, version: int = 2) -> list[GridProblem]:
    """The cross-reference rules both format versions share (`consistency_v2` adds v2's own)."""
    problems: list[GridProblem] = []
    for section, noun in ID_SECTIONS.items():
        problems += _unique_ids(document, section, noun)
    problems += _answers_match_options(document)
    problems += _cited_sources_exist(document)
    problems += _likelihoods(document, version)
    problems += _wait_options(document)
    problems += _age_band(document)
    problems += _dates(document, today)
    return problems


def _items(document: dict[str, Any], section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    value = document.get(section)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _ids(document: dict[str, Any], section: str) -> list[str]:
    ids = [item.get("id") for _, item in _items(document, section)]
    return list(dict.fromkeys(value for value in ids if isinstance(value, str)))


def _answers(document: dict[str, Any]) -> Iterator[tuple[Location, str, dict[str, Any]]]:
    """(location of the answer, option id, answer) for every readable answer."""
    for index, question in _items(document, "questions"):
        answers = question.get("answers")
        if isinstance(answers, dict):
            for option_id, answer in answers.items():
                if isinstance(answer, dict):
                    yield ("questions", index, "answers", option_id), option_id, answer


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _did_you_mean(value: str, candidates: list[str]) -> str:
    guess = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    return f" Did you mean '{guess[0]}'?" if guess else ""


def _unique_ids(document: dict[str, Any], section: str, noun: str) -> list[GridProblem]:
    problems = []
    first_seen: dict[str, int] = {}
    for index, item in _items(document, section):
        item_id = item.get("id")
        if not isinstance(item_id, str):
            continue
        if item_id in first_seen:
            problems.append(
                GridProblem(
                    json_path((section, index, "id")),
                    f"The id {shorten(item_id)} is used twice in '{section}' "
                    f"(also at {json_path((section, first_seen[item_id], 'id'))}).",
                    f"Give every {noun} its own id.",
                )
            )
        else:
            first_seen[item_id] = index
    return problems


def _answers_match_options(document: dict[str, Any]) -> list[GridProblem]:
    if not isinstance(document.get("options"), list):
        return []
    option_ids = _ids(document, "options")
    problems = []
    for index, question in _items(document, "questions"):
        answers = question.get("answers")
        if not isinstance(answers, dict):
            continue
        for option_id in option_ids:
            if option_id not in answers:
                problems.append(
                    GridProblem(
                        json_path(("questions", index, "answers")),
                        f"There is no answer for the option {shorten(option_id)}.",
                        f"Add an answer with the key {shorten(option_id)}: "
                        "every question needs one answer for every option.",
                    )
                )
        for key in answers:
            if key not in option_ids:
                problems.append(
                    GridProblem(
                        json_path(("questions", index, "answers", key)),
                        f"There is no option with the id {shorten(key)}.{_did_you_mean(key, option_ids)}",
                        f"Use the id of one of the options: {english_list(option_ids)}.",
                    )
                )
    return problems


def _cited_sources_exist(document: dict[str, Any]) -> list[GridProblem]:
    if not isinstance(document.get("sources"), list):
        return []
    source_ids = _ids(document, "sources")
    cited: set[str] = set()
    problems = []
    for location, _, answer in _answers(document):
        sources = answer.get("sources")
        if not isinstance(sources, list):
            continue
        seen: set[str] = set()
        for position, source_id in enumerate(sources):
            if not isinstance(source_id, str):
                continue
            path = json_path((*location, "sources", position))
            if source_id not in source_ids:
                problems.append(
                    GridProblem(
                        path,
                        f"There is no source with the id {shorten(source_id)}."
                        f"{_did_you_mean(source_id, source_ids)}",
                        f"Add the source to 'sources', or cite one of: {english_list(source_ids)}.",
                    )
                )
            elif source_id in seen:
                problems.append(
                    GridProblem(
                        path,
                        f"This answer cites the source {shorten(source_id)} twice.",
                        "Remove the second mention.",
                        "warning",
                    )
                )
            seen.add(source_id)
            cited.add(source_id)
    for index, source in _items(document, "sources"):
        source_id = source.get("id")
        if isinstance(source_id, str) and source_id not in cited:
            problems.append(
                GridProblem(
                    json_path(("sources", index, "id")),
                    f"The source {shorten(source_id)} is not cited by any answer.",
                    "Cite it in the 'sources' of the answers that rest on it, or remove it.",
                    "warning",
                )
            )
    return problems


def likelihood_points(likelihood: dict[str, Any], version: int) -> list[tuple[Location, dict[str, Any]]]:
    """(location within the likelihood, the part holding count and out_of): in version 1 the
    likelihood itself, in version 2 each of its time points."""
    if version < 2:
        return [((), likelihood)]
    points = likelihood.get("points")
    if not isinstance(points, list):
        return []
    return [(("points", index), point) for index, point in enumerate(points) if isinstance(point, dict)]


def _likelihoods(document: dict[str, Any], version: int) -> list[GridProblem]:
    problems = []
    denominators: dict[int, list[tuple[Location, str, int]]] = {}
    for location, option_id, answer in _answers(document):
        likelihood = answer.get("likelihood")
        if not isinstance(likelihood, dict):
            continue
        for position, (inner, point) in enumerate(likelihood_points(likelihood, version)):
            here = (*location, "likelihood", *inner)
            count, out_of = point.get("count"), point.get("out_of")
            if _is_int(count) and _is_int(out_of) and count > out_of:
                problems.append(
                    GridProblem(
                        json_path((*here, "count")),
                        f"The count ({count}) is larger than 'out_of' ({out_of}).",
                        "A natural frequency reads 'count in out_of', e.g. 6 in 10: "
                        "the count cannot be larger.",
                    )
                )
            if _is_int(out_of) and position == 0:  # options are compared on their first number
                question_index = int(location[1])
                denominators.setdefault(question_index, []).append((here, option_id, out_of))
    for entries in denominators.values():
        usual, _ = Counter(out_of for _, _, out_of in entries).most_common(1)[0]
        if all(out_of == usual for _, _, out_of in entries):
            continue
        for location, option_id, out_of in entries:
            if out_of != usual:
                problems.append(
                    GridProblem(
                        json_path((*location, "out_of")),
                        f"The option {shorten(option_id)} uses 'out_of' {out_of}, "
                        f"the other options of this question use {usual}.",
                        "Use the same 'out_of' for every option of one question, so people can compare "
                        f"them (e.g. 'in {usual}' everywhere).",
                    )
                )
    return problems


def _wait_options(document: dict[str, Any]) -> list[GridProblem]:
    problems = []
    first: str | None = None
    for index, option in _items(document, "options"):
        if option.get("is_wait_option") is not True:
            continue
        if first is None:
            first = json_path(("options", index))
            continue
        problems.append(
            GridProblem(
                json_path(("options", index, "is_wait_option")),
                f"Only one option can be the 'wait / no treatment now' option, and {first} already is.",
                "Set 'is_wait_option' to true for one option only.",
            )
        )
    return problems


def _age_band(document: dict[str, Any]) -> list[GridProblem]:
    band = document.get("age_band")
    if not isinstance(band, dict):
        return []
    low, high = band.get("min_age"), band.get("max_age")
    if _is_int(low) and _is_int(high) and low > high:
        return [
            GridProblem(
                "age_band.max_age",
                f"The oldest age ({high}) is lower than the youngest age ({low}).",
                "Swap 'min_age' and 'max_age'.",
            )
        ]
    return []


def _date(value: Any) -> date | None:
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _dates(document: dict[str, Any], today: date) -> list[GridProblem]:
    governance = document.get("governance")
    if not isinstance(governance, dict):
        return []
    published = _date(governance.get("published"))
    reviewed = _date(governance.get("last_reviewed"))
    due = _date(governance.get("next_review_due"))
    problems = []
    if published and reviewed and reviewed < published:
        problems.append(
            GridProblem(
                "governance.last_reviewed",
                f"The last review ({reviewed}) is before the publication date ({published}).",
                "A grid is reviewed on or after its publication date; correct one of the two dates.",
            )
        )
    if reviewed and due and due < reviewed:
        problems.append(
            GridProblem(
                "governance.next_review_due",
                f"The next review ({due}) is before the last review ({reviewed}).",
                "Set 'next_review_due' to a date after 'last_reviewed', e.g. one year later.",
            )
        )
    if due and due < today:
        problems.append(
            GridProblem(
                "governance.next_review_due",
                f"The grid is expired: its next review was due on {due}.",
                "Review the content with a clinician, then update 'last_reviewed' and 'next_review_due'.",
                "warning",
            )
        )
    return problems
