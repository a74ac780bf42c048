"""Cross-reference rules that format version 2 adds: languages complete, a number or a reason
per answer (not both), time points that agree with their percentage and interval, eligibility
with its condition, reviewers for a reviewed grid, source years in order.

Like `consistency`, these read the plain JSON value and skip what they cannot read, so they
report together with the structure's problems.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sdm_aid.content.consistency import _answers, _date, _is_int, _items, likelihood_points
from sdm_aid.content.problems import GridProblem, Location, json_path
from sdm_aid.i18n import languages

ROUNDING_SLACK = 0.5 + 1e-9
"""A count may differ from percent x out_of / 100 by rounding, no more."""


def check_v2(document: dict[str, Any], *, today: date) -> list[GridProblem]:
    problems = _languages(document)
    problems += _number_or_reason(document)
    problems += _time_points(document)
    problems += _eligibility(document)
    problems += _reviewers(document, today)
    problems += _source_years(document)
    return problems


def grid_languages(document: dict[str, Any]) -> list[str]:
    listed = document.get("languages")
    if not isinstance(listed, list):
        return [languages.PRIMARY]
    return [code for code in listed if isinstance(code, str) and languages.is_language(code)]


def _languages(document: dict[str, Any]) -> list[GridProblem]:
    listed = document.get("languages")
    problems: list[GridProblem] = []
    if isinstance(listed, list):
        if languages.PRIMARY not in listed:
            problems.append(
                GridProblem(
                    "languages",
                    f"The list of languages has no '{languages.PRIMARY}' (Dutch).",
                    f"Add '{languages.PRIMARY}': every grid is written in Dutch first.",
                )
            )
        if len(set(map(str, listed))) != len(listed):
            problems.append(
                GridProblem("languages", "A language is listed twice.", "List each language once.")
            )
    if not isinstance(listed, list) or problems or not all(languages.is_language(code) for code in listed):
        return problems  # the list itself is wrong (reported): comparing every text with it says nothing
    wanted = grid_languages(document)
    for location, text in localised_texts(document, ()):
        for code in wanted:
            if code not in text:
                name = languages.info(code).english_name
                problems.append(
                    GridProblem(
                        json_path((*location, code)),
                        f"The {name} text ('{code}') is missing.",
                        f"Add an '{code}': the grid lists '{code}' in 'languages', so every text needs it "
                        f"(or remove '{code}' from 'languages').",
                    )
                )
        extra = [code for code in text if code not in wanted and languages.is_language(code)]
        for code in extra:
            problems.append(
                GridProblem(
                    json_path((*location, code)),
                    f"There is an '{code}' text, but the grid does not list '{code}' in 'languages'.",
                    f"Add '{code}' to 'languages' (then every text needs it), or remove this text.",
                    "warning",
                )
            )
    return problems


def _is_localised(value: dict[str, Any]) -> bool:
    return bool(value) and languages.PRIMARY in value and all(languages.is_language(key) for key in value)


def localised_texts(value: Any, location: Location) -> list[tuple[Location, dict[str, Any]]]:
    """Every {'nl': ..., 'en': ...} object in the document with its location."""
    found: list[tuple[Location, dict[str, Any]]] = []
    if isinstance(value, dict):
        if _is_localised(value):
            return [(location, value)]
        for key, item in value.items():
            found += localised_texts(item, (*location, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += localised_texts(item, (*location, index))
    return found


def _number_or_reason(document: dict[str, Any]) -> list[GridProblem]:
    problems = []
    for location, _, answer in _answers(document):
        if "likelihood" in answer and "no_number_reason" in answer:
            problems.append(
                GridProblem(
                    json_path((*location, "no_number_reason")),
                    "This answer has a number ('likelihood') and a reason why it has none.",
                    "Keep one: the 'likelihood', or the 'no_number_reason' when no source gives a number.",
                )
            )
    return problems


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _time_points(document: dict[str, Any]) -> list[GridProblem]:
    problems = []
    for location, _, answer in _answers(document):
        likelihood = answer.get("likelihood")
        if not isinstance(likelihood, dict):
            continue
        for inner, point in likelihood_points(likelihood, 2):
            here = (*location, "likelihood", *inner)
            count, out_of = point.get("count"), point.get("out_of")
            if not (_is_int(count) and _is_int(out_of)):
                continue
            percent = _number(point.get("percent"))
            if percent is not None and abs(count - percent * out_of / 100) > ROUNDING_SLACK:
                expected = round(percent * out_of / 100)
                problems.append(
                    GridProblem(
                        json_path((*here, "count")),
                        f"{count} in {out_of} is not {percent:g}%: "
                        f"that would be about {expected} in {out_of}.",
                        "Write the count as the source's percentage of 'out_of', rounded; "
                        "do not show more precision than the source gives.",
                    )
                )
            interval = point.get("interval")
            if isinstance(interval, dict):
                low, high = _number(interval.get("low")), _number(interval.get("high"))
                if low is not None and high is not None and not low <= count <= high <= out_of:
                    problems.append(
                        GridProblem(
                            json_path((*here, "interval")),
                            f"The interval {low:g} to {high:g} does not hold the count {count} "
                            f"within 0 to {out_of}.",
                            "Write 'low' and 'high' in people out of 'out_of', "
                            "with low <= count <= high <= out_of.",
                        )
                    )
    return problems


def _eligibility(document: dict[str, Any]) -> list[GridProblem]:
    problems = []
    for index, option in _items(document, "options"):
        eligibility = option.get("eligibility")
        if not isinstance(eligibility, dict):
            continue
        kind = eligibility.get("kind")
        if kind in ("when", "only_if") and "condition" not in eligibility:
            problems.append(
                GridProblem(
                    json_path(("options", index, "eligibility", "condition")),
                    f"An option with eligibility '{kind}' needs the 'condition'.",
                    "Write when this option applies, e.g. 'when therapy alone does not help enough'.",
                )
            )
        if kind == "first_choice" and "condition" in eligibility:
            problems.append(
                GridProblem(
                    json_path(("options", index, "eligibility", "condition")),
                    "A first choice has no condition.",
                    "Remove the 'condition', or use kind 'when' or 'only_if'.",
                    "warning",
                )
            )
    return problems


def _reviewers(document: dict[str, Any], today: date) -> list[GridProblem]:
    governance = document.get("governance")
    if not isinstance(governance, dict):
        return []
    reviewers = governance.get("reviewers")
    named = [item for item in reviewers if isinstance(item, dict)] if isinstance(reviewers, list) else []
    problems: list[GridProblem] = []
    if governance.get("status") == "clinically_reviewed":
        if not named:
            problems.append(
                GridProblem(
                    "governance.reviewers",
                    "The status is 'clinically_reviewed', but no reviewer is named.",
                    "Add each clinician who reviewed the content (name, role, reviewed_on), "
                    "or set the status to 'draft'.",
                )
            )
        if "last_reviewed" not in governance:
            problems.append(
                GridProblem(
                    "governance.last_reviewed",
                    "The status is 'clinically_reviewed', but 'last_reviewed' is missing.",
                    "Add the date of the last clinical review (YYYY-MM-DD).",
                )
            )
    for index, reviewer in enumerate(named):
        reviewed_on = _date(reviewer.get("reviewed_on"))
        if reviewed_on is not None and reviewed_on > today:
            problems.append(
                GridProblem(
                    json_path(("governance", "reviewers", index, "reviewed_on")),
                    f"The review date {reviewed_on} lies in the future.",
                    "Write the date the review took place.",
                )
            )
    return problems


def _source_years(document: dict[str, Any]) -> list[GridProblem]:
    problems = []
    for index, source in _items(document, "sources"):
        year, updated = source.get("year"), source.get("updated")
        if _is_int(year) and _is_int(updated) and updated < year:
            problems.append(
                GridProblem(
                    json_path(("sources", index, "updated")),
                    f"The update ({updated}) is before the publication ({year}).",
                    "Write the year of the latest update, on or after 'year'.",
                )
            )
    return problems
