"""Which IPDAS items a (valid) grid meets: the authoring report behind `sdm-aid check`.

IPDAS (International Patient Decision Aid Standards, v4.0, Joseph-Williams et al. 2014) lists
qualifying criteria a decision aid must meet to count as one, and certification criteria.
This module checks the items a grid file itself can show. Some are guaranteed by the format
(a valid grid always has funding text); the report still lists them, with what it found,
so an editor sees the whole picture. It cannot judge whether the texts are true or balanced:
that is the clinical review.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sdm_aid.content.models import OptionGrid, QuestionTopic
from sdm_aid.content.problems import english_list, plural, shorten
from sdm_aid.content.readability import words_of

Level = Literal["qualifying", "certification"]

MIN_WORDS_PROBLEM = 5
"""'Problem described' needs at least a short sentence, not just a title."""
MIN_WORDS_OPTION_TEXT = 3

# Plain phrases that say the evidence is uncertain, used when no likelihood carries a level.
UNCERTAINTY_PHRASES: dict[str, tuple[str, ...]] = {
    "nl": (
        "onzeker",
        "onduidelijk",
        "weten we niet",
        "is niet bekend",
        "weinig onderzoek",
        "weinig bewijs",
        "beperkt bewijs",
        "niet zeker",
    ),
    "en": (
        "uncertain",
        "unclear",
        "not known",
        "do not know",
        "don't know",
        "little research",
        "limited evidence",
        "little evidence",
        "not sure",
    ),
}


@dataclass(frozen=True)
class IpdasItem:
    key: str
    title: str
    level: Level
    met: bool
    why: str


def _word_counts(text_nl: str, text_en: str) -> tuple[int, int]:
    return len(words_of(text_nl)), len(words_of(text_en))


def _problem(grid: OptionGrid) -> IpdasItem:
    nl, en = _word_counts(grid.problem.nl, grid.problem.get("en"))
    met = min(nl, en) >= MIN_WORDS_PROBLEM
    why = f"The problem is described in {nl} words (nl) and {en} words (en)."
    if not met:
        why += f" Describe it in at least a sentence ({MIN_WORDS_PROBLEM}+ words) in both languages."
    return IpdasItem("problem", "Health problem described", "qualifying", met, why)


def _decision(grid: OptionGrid) -> IpdasItem:
    nl, en = _word_counts(grid.decision.nl, grid.decision.get("en"))
    met = min(nl, en) >= MIN_WORDS_PROBLEM
    why = f"The decision is stated in {nl} words (nl) and {en} words (en)."
    if not met:
        why += f" State the decision and that there is a choice ({MIN_WORDS_PROBLEM}+ words, both languages)."
    return IpdasItem("decision", "Decision explicitly stated", "qualifying", met, why)


def _options(grid: OptionGrid) -> IpdasItem:
    thin = [
        option.id
        for option in grid.options
        if min(
            *_word_counts(option.description.nl, option.description.get("en")),
            *_word_counts(option.in_practice.nl, option.in_practice.get("en")),
        )
        < MIN_WORDS_OPTION_TEXT
    ]
    wait = [option.id for option in grid.options if option.is_wait_option]
    why = f"{plural(len(grid.options), 'option')}, each with a description and what it involves in practice"
    why += f"; {shorten(wait[0])} is the 'wait / no treatment now' option." if wait else "; no 'wait' option."
    if thin:
        why += f" Too short (under {MIN_WORDS_OPTION_TEXT} words) for: {english_list(thin)}."
    return IpdasItem("options", "Options described", "qualifying", not thin, why)


def _benefits_and_harms(grid: OptionGrid) -> IpdasItem:
    option_ids = [option.id for option in grid.options]

    def answered(topic: QuestionTopic) -> list[str]:
        return [
            question.id
            for question in grid.questions
            if question.topic == topic and all(option_id in question.answers for option_id in option_ids)
        ]

    benefits, harms = answered(QuestionTopic.BENEFITS), answered(QuestionTopic.HARMS)
    met = bool(benefits) and bool(harms)
    if met:
        why = (
            f"Benefits in {english_list(benefits)}, harms in {english_list(harms)}, "
            f"each answered for all {len(option_ids)} options."
        )
    else:
        missing = [name for name, found in (("benefits", benefits), ("harms", harms)) if not found]
        why = (
            f"No question with topic {english_list(missing)} answered for every option. Add a row such as "
            "'How well does it work?' (benefits) or 'What are the side effects?' (harms)."
        )
    return IpdasItem("benefits_harms", "Benefits and harms of each option", "qualifying", met, why)


def _evidence(grid: OptionGrid) -> IpdasItem:
    source_ids = {source.id for source in grid.sources}
    answers = [answer for question in grid.questions for answer in question.answers.values()]
    uncited = sum(1 for answer in answers if not set(answer.sources) & source_ids)
    with_url = sum(1 for source in grid.sources if source.url)
    met = uncited == 0 and bool(answers)
    why = (
        f"{plural(len(answers), 'answer')} cite {plural(len(source_ids), 'source')} "
        f"({with_url} with a web address)."
    )
    if uncited:
        why += f" {plural(uncited, 'answer')} cite no known source."
    return IpdasItem("evidence", "Evidence sources cited", "certification", met, why)


def _publication(grid: OptionGrid, today: date) -> IpdasItem:
    published = grid.governance.published
    met = published <= today
    why = f"Published {published}, last reviewed {grid.governance.last_reviewed}."
    if not met:
        why += " The publication date lies in the future."
    return IpdasItem("publication_date", "Publication date given", "certification", met, why)


def _update_policy(grid: OptionGrid, today: date) -> IpdasItem:
    due = grid.governance.next_review_due
    met = due >= today
    why = f"Update policy stated; next review due {due}."
    if not met:
        why += " The grid is expired: review it and set new review dates."
    return IpdasItem("update_policy", "Update policy and next review", "certification", met, why)


def _uncertainty(grid: OptionGrid) -> IpdasItem:
    likelihoods = [
        answer.likelihood
        for question in grid.questions
        for answer in question.answers.values()
        if answer.likelihood is not None
    ]
    if likelihoods:
        levels = Counter(str(likelihood.certainty) for likelihood in likelihoods)
        spread = ", ".join(f"{level}: {count}" for level, count in sorted(levels.items()))
        why = f"{plural(len(likelihoods), 'likelihood')}, each with a certainty of evidence ({spread})."
        return IpdasItem("uncertainty", "Uncertainty of the evidence stated", "certification", True, why)
    found = {language: _mentions_uncertainty(grid, language) for language in ("nl", "en")}
    met = all(found.values())
    if met:
        why = "No likelihoods, but the answers say how uncertain the evidence is (in Dutch and English)."
    else:
        missing = english_list(language for language, present in found.items() if not present)
        why = (
            f"No likelihood with a certainty level, and the answers ({missing}) do not say how certain "
            "the evidence is. Add likelihoods with 'certainty' where a source gives numbers, or say in "
            "the answers what is not known."
        )
    return IpdasItem("uncertainty", "Uncertainty of the evidence stated", "certification", met, why)


def _mentions_uncertainty(grid: OptionGrid, language: str) -> bool:
    pattern = re.compile("|".join(re.escape(phrase) for phrase in UNCERTAINTY_PHRASES[language]))
    texts = [answer.text.get(language) for question in grid.questions for answer in question.answers.values()]
    texts += [grid.problem.get(language), grid.decision.get(language)]
    return any(pattern.search(text.lower()) for text in texts)


def _disclosure(grid: OptionGrid) -> IpdasItem:
    governance = grid.governance
    met = bool(governance.funding.nl.strip() and governance.conflicts_of_interest.nl.strip())
    why = (
        f"Funding: {shorten(governance.funding.en)}; conflicts of interest: "
        f"{shorten(governance.conflicts_of_interest.en)}; {plural(len(governance.authors), 'author')} named."
    )
    return IpdasItem("disclosure", "Funding and conflicts of interest disclosed", "certification", met, why)


def ipdas_items(grid: OptionGrid, *, today: date | None = None) -> list[IpdasItem]:
    today = today or date.today()
    return [
        _problem(grid),
        _decision(grid),
        _options(grid),
        _benefits_and_harms(grid),
        _evidence(grid),
        _publication(grid, today),
        _update_policy(grid, today),
        _uncertainty(grid),
        _disclosure(grid),
    ]
