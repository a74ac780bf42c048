"""What `sdm-aid check` finds besides the IPDAS items: jargon the glossary does not explain,
numbers in an answer's text that its likelihood does not give, and a missing safety section.

Each finding names the place in the file and how to fix it. None of them makes a file invalid
(the grid still loads); they make the authoring check fail until they are fixed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from sdm_aid.content.consistency_v2 import localised_texts
from sdm_aid.content.models import Answer, OptionGrid
from sdm_aid.content.problems import json_path, plural, shorten

Kind = Literal["jargon", "number", "safety"]

JARGON_ACRONYMS: tuple[str, ...] = (
    "CGT", "CBT", "SSRI", "SNRI", "IPT", "CAMS", "TADS", "MTA", "NICE", "GRADE", "RCT", "PMT",
)  # fmt: skip
"""Written in capitals; matched as whole words, also with a plural ending (SSRI's, RCTs)."""
JARGON_TERMS: tuple[str, ...] = (
    "Cochrane",
    "suïcidaal voorval",
    "suïcidale voorvallen",
    "suicidal event",
    "gerandomiseerd",
    "randomised",
    "randomized",
    "meta-analyse",
    "meta-analysis",
    "placebo",
    "comorbiditeit",
    "comorbidity",
    "farmacotherapie",
    "pharmacotherapy",
    "psycho-educatie",
    "psychoeducation",
    "effectgrootte",
    "effect size",
    "remissie",
    "remission",
    "responder",
    "titreren",
    "titration",
    "off-label",
    "antipsychoticum",
    "antipsychotic",
)
"""Matched in any letter case, at the start of a word ('randomised' also finds 'randomisedly')."""


@dataclass(frozen=True)
class Finding:
    kind: Kind
    location: str
    message: str
    hint: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "location": self.location, "message": self.message, "hint": self.hint}


def findings(grid: OptionGrid) -> list[Finding]:
    return [*jargon_findings(grid), *number_findings(grid), *safety_findings(grid)]


# --- Jargon -------------------------------------------------------------------------------

_ACRONYM = re.compile(r"(?<![\w-])(" + "|".join(JARGON_ACRONYMS) + r")(?:'?s)?(?![\w])")
_TERM = re.compile(r"(?<!\w)(" + "|".join(re.escape(term) for term in JARGON_TERMS) + ")", re.IGNORECASE)


def jargon_in(text: str) -> list[str]:
    """The jargon words of the word list in `text`, as listed (not as written)."""
    found = [match.group(1) for match in _ACRONYM.finditer(text)]
    by_lower = {term.lower(): term for term in JARGON_TERMS}
    found += [by_lower[match.group(1).lower()] for match in _TERM.finditer(text)]
    return found


def _explained(term: str, glossary_terms: set[str]) -> bool:
    """A glossary entry explains a word when one contains the other ('SSRI' and 'SSRI's')."""
    word = term.casefold()
    return any(word in entry or entry in word for entry in glossary_terms)


def jargon_findings(grid: OptionGrid) -> list[Finding]:
    glossary = {entry.term.get(language).casefold() for entry in grid.glossary for language in grid.languages}
    document = grid.model_dump(mode="json", by_alias=True, exclude={"glossary"})
    places: dict[str, list[str]] = {}
    for location, text in localised_texts(document, ()):
        for language in grid.languages:
            value = text.get(language)
            if not isinstance(value, str):
                continue
            for term in jargon_in(value):
                if not _explained(term, glossary):
                    places.setdefault(term, []).append(json_path((*location, language)))
    result = []
    for term, where in places.items():
        more = f" (and {plural(len(where) - 1, 'more place')})" if len(where) > 1 else ""
        result.append(
            Finding(
                "jargon",
                where[0],
                f"The word {shorten(term)} is jargon{more}.",
                f"Use plain words instead, or, if {shorten(term)} must stay, explain it in the 'glossary'.",
            )
        )
    return result


# --- Numbers in the text ------------------------------------------------------------------

# A whole number, not part of a longer one ('2.5', '1,000'): a sentence's full stop may follow.
_FREQUENCY = re.compile(r"(?<![\d,.])(\d+)\s+(?:van de|op de|op|uit|in|out of)\s+(\d+)(?!\d|[.,]\d)")
_PERCENT = re.compile(r"(?<![\d,.])(\d+(?:[.,]\d+)?)\s*(?:%|procent\b|per ?cent\b)")


def _answers(grid: OptionGrid) -> Iterator[tuple[tuple[str | int, ...], Answer]]:
    for index, question in enumerate(grid.questions):
        for option_id, answer in question.answers.items():
            yield ("questions", index, "answers", option_id), answer


def _fractions_and_percents(answer: Answer) -> tuple[set[Fraction], list[float]]:
    if answer.likelihood is None:
        return set(), []
    fractions = {Fraction(point.count, point.out_of) for point in answer.likelihood.points}
    percents = [float(point.percent) for point in answer.likelihood.points if point.percent is not None]
    percents += [100 * point.count / point.out_of for point in answer.likelihood.points]
    return fractions, percents


def number_findings(grid: OptionGrid) -> list[Finding]:
    result = []
    for location, answer in _answers(grid):
        fractions, percents = _fractions_and_percents(answer)
        for language in grid.languages:
            text = answer.text.get(language)
            path = json_path((*location, "text", language))
            for match in _FREQUENCY.finditer(text):
                count, out_of = int(match.group(1)), int(match.group(2))
                if out_of == 0 or count > out_of or Fraction(count, out_of) in fractions:
                    continue
                result.append(_number_finding(path, match.group(0), answer))
            for match in _PERCENT.finditer(text):
                value = float(match.group(1).replace(",", "."))
                if any(abs(value - percent) <= 0.5 for percent in percents):
                    continue
                result.append(_number_finding(path, match.group(0), answer))
    return result


def _number_finding(path: str, written: str, answer: Answer) -> Finding:
    if answer.likelihood is None:
        return Finding(
            "number",
            path,
            f"The text gives the number {shorten(written)}, but the answer has no likelihood.",
            "Add the number as a 'likelihood' (with its source figure and certainty), "
            "or leave it out of the text.",
        )
    return Finding(
        "number",
        path,
        f"The text says {shorten(written)}, which the answer's likelihood does not give.",
        "Make the text and the likelihood agree, or say in the text which other group the number is about.",
    )


# --- Safety -------------------------------------------------------------------------------


def safety_findings(grid: OptionGrid) -> list[Finding]:
    if grid.safety is not None:
        return []
    return [
        Finding(
            "safety",
            "safety",
            "The grid has no safety section; SDM Aid shows only its general crisis lines.",
            "Add 'safety': when to seek help right away for this problem, and the contacts "
            "(e.g. 113 Zelfmoordpreventie 0800-0113, 112, the GP, Veilig Thuis 0800-2000).",
        )
    ]
