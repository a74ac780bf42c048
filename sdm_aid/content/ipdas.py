"""The twelve IPDASi v4 minimum standards a grid file can be scored on: `sdm-aid check`.

IPDASi v4 (Joseph-Williams et al. 2014, "Toward minimum standards for certifying patient
decision aids") has six qualifying items (Q1-Q6: without them it is not a decision aid) and six
certification items for treatment decisions (C1-C6). Each item here says what it looked at and
why it passes or not. Where the file format already guarantees part of an item (a valid grid
always has a publication date), `guaranteed` says so and that part is never counted as a
finding; the item is scored on what validation does not guarantee. Whether the texts are true
and balanced still needs a clinical review.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sdm_aid.content.models import Answer, LocalisedText, OptionGrid, QuestionTopic, TimePoint
from sdm_aid.content.problems import english_list, plural, shorten
from sdm_aid.content.readability import words_of

Level = Literal["qualifying", "certification"]

MIN_WORDS_PROBLEM = 5
"""'Problem described' needs at least a short sentence, not just a title."""
MIN_WORDS_OPTION_TEXT = 3
MIN_WORDS_FEATURE = 3
"""A benefit or harm answer of fewer words ('Yes.', 'Sometimes.') describes nothing."""
MIN_WORDS_LIVING_WITH = 5
MIN_WORDS_POLICY = 6
MIN_WORDS_FUNDING = 2
"""'None.' says nothing; 'No funding.' does."""


@dataclass(frozen=True)
class IpdasItem:
    key: str
    """Q1-Q6, C1-C6 as numbered in IPDASi v4."""
    title: str
    level: Level
    met: bool
    looked_at: str
    """What in the grid the item was scored on."""
    why: str
    """Why it passes or not, with the places to fix."""
    guaranteed: str | None = None
    """The part of the item the format already guarantees (not a finding), if any."""


def _and(values: Iterable[str]) -> str:
    return english_list(values, conjunction="and")


def _short(grid: OptionGrid, text_of: dict[str, str], minimum: int) -> list[str]:
    """The languages in which a text has fewer than `minimum` words."""
    return [language for language in grid.languages if len(words_of(text_of[language])) < minimum]


def _texts(grid: OptionGrid, text: LocalisedText) -> dict[str, str]:
    return {language: text.get(language) for language in grid.languages}


def _word_summary(grid: OptionGrid, text: LocalisedText) -> str:
    return ", ".join(f"{len(words_of(value))} words ({code})" for code, value in _texts(grid, text).items())


def _q1_problem(grid: OptionGrid) -> IpdasItem:
    short = _short(grid, _texts(grid, grid.problem), MIN_WORDS_PROBLEM)
    why = f"The problem is described in {_word_summary(grid, grid.problem)}."
    if short:
        why += f" Describe it in at least a sentence ({MIN_WORDS_PROBLEM}+ words) in {_and(short)}."
    return IpdasItem("Q1", "Describes the health problem", "qualifying", not short, "'problem'", why)


def _q2_decision(grid: OptionGrid) -> IpdasItem:
    short = _short(grid, _texts(grid, grid.decision), MIN_WORDS_PROBLEM)
    why = f"The decision is stated in {_word_summary(grid, grid.decision)}."
    if short:
        why += (
            f" State the decision and that there is a choice ({MIN_WORDS_PROBLEM}+ words) in {_and(short)}."
        )
    return IpdasItem("Q2", "States the decision", "qualifying", not short, "'decision'", why)


def _q3_options(grid: OptionGrid) -> IpdasItem:
    thin = [
        option.id
        for option in grid.options
        if _short(grid, _texts(grid, option.description), MIN_WORDS_OPTION_TEXT)
        or _short(grid, _texts(grid, option.in_practice), MIN_WORDS_OPTION_TEXT)
    ]
    wait = [option.id for option in grid.options if option.is_wait_option]
    why = f"{plural(len(grid.options), 'option')}, each with a description and what it involves in practice"
    why += f"; {shorten(wait[0])} is the 'wait / no treatment now' option." if wait else "; no 'wait' option."
    if thin:
        why += f" Too short (under {MIN_WORDS_OPTION_TEXT} words) for: {english_list(thin)}."
    return IpdasItem(
        "Q3",
        "Describes the options",
        "qualifying",
        not thin,
        "each option's 'description' and 'in_practice'",
        why,
        guaranteed="at least two options, each with a description and what it involves",
    )


def _topic_answers(grid: OptionGrid, topic: QuestionTopic) -> Iterator[tuple[str, str, Answer]]:
    """(question id, option id, answer) for every answer to a question of `topic`."""
    for question in grid.questions:
        if question.topic == topic:
            for option in grid.options:
                answer = question.answers.get(option.id)
                if answer is not None:
                    yield question.id, option.id, answer


def _features(grid: OptionGrid, topic: QuestionTopic, key: str, title: str, kind: str) -> IpdasItem:
    described = {
        option_id
        for _, option_id, answer in _topic_answers(grid, topic)
        if not _short(grid, _texts(grid, answer.text), MIN_WORDS_FEATURE)
    }
    questions = [question.id for question in grid.questions if question.topic == topic]
    missing = [option.id for option in grid.options if option.id not in described]
    if not questions:
        why = f"No question has topic '{topic}'. Add a row about the {kind} of every option."
    elif missing:
        why = (
            f"Rows {_and(questions)} describe the {kind} ({MIN_WORDS_FEATURE}+ words) "
            f"of every option but {_and(missing)}."
        )
    else:
        why = f"Rows {_and(questions)} describe the {kind} of all {len(grid.options)} options."
    return IpdasItem(
        key,
        title,
        "qualifying",
        bool(questions) and not missing,
        f"answers to questions with topic '{topic}'",
        why,
        guaranteed="every question has an answer for every option",
    )


def _q6_living_with(grid: OptionGrid) -> IpdasItem:
    by_field = {
        option.id
        for option in grid.options
        if option.living_with is not None
        and not _short(grid, _texts(grid, option.living_with), MIN_WORDS_LIVING_WITH)
    }
    by_row = {
        option_id
        for _, option_id, answer in _topic_answers(grid, QuestionTopic.LIVING_WITH)
        if not _short(grid, _texts(grid, answer.text), MIN_WORDS_LIVING_WITH)
    }
    missing = [option.id for option in grid.options if option.id not in by_field | by_row]
    if missing:
        why = (
            f"No description of daily life ({MIN_WORDS_LIVING_WITH}+ words) with {_and(missing)}. "
            "Add 'living_with' to these options, or a row with topic 'living_with'."
        )
    else:
        why = f"Daily life with each of the {len(grid.options)} options is described."
    return IpdasItem(
        "Q6",
        "Describes what living with each option is like",
        "qualifying",
        not missing,
        "each option's 'living_with' and rows with topic 'living_with'",
        why,
    )


def _c1_equal_detail(grid: OptionGrid) -> IpdasItem:
    problems: list[str] = []
    for option in grid.options:
        numbered_benefit = any(
            answer.likelihood is not None
            for _, option_id, answer in _topic_answers(grid, QuestionTopic.BENEFITS)
            if option_id == option.id
        )
        if not numbered_benefit:
            continue
        bare = [
            question_id
            for question_id, option_id, answer in _topic_answers(grid, QuestionTopic.HARMS)
            if option_id == option.id and answer.likelihood is None and answer.no_number_reason is None
        ]
        has_harms = any(
            option_id == option.id for _, option_id, _ in _topic_answers(grid, QuestionTopic.HARMS)
        )
        if bare:
            problems.append(
                f"{shorten(option.id)} has a benefit as a number but harms in {_and(bare)} "
                "without a number or a 'no_number_reason'"
            )
        elif not has_harms:
            problems.append(f"{shorten(option.id)} has a benefit as a number but no harms row")
    for question in grid.questions:
        if question.topic not in (QuestionTopic.BENEFITS, QuestionTopic.HARMS):
            continue
        answers = [question.answers[o.id] for o in grid.options if o.id in question.answers]
        if any(answer.likelihood for answer in answers):
            bare = [
                option.id
                for option in grid.options
                if option.id in question.answers
                and question.answers[option.id].likelihood is None
                and question.answers[option.id].no_number_reason is None
            ]
            if bare:
                problems.append(
                    f"row {shorten(question.id)} gives numbers, but not for {_and(bare)} "
                    "(give a number or a 'no_number_reason')"
                )
    why = (
        "; ".join(problems) + "."
        if problems
        else (
            "Every option with a benefit given as a number has its harms as a number or with a "
            "stated reason, and every row with numbers has a number or a reason in each cell."
        )
    )
    return IpdasItem(
        "C1",
        "Shows positive and negative features with equal detail",
        "certification",
        not problems,
        "numbers and 'no_number_reason' in the benefits and harms rows, per option and per row",
        why[:1].upper() + why[1:],
        guaranteed="every number is shown the same way: one rule words it, an icon array draws it",
    )


def _points(grid: OptionGrid) -> Iterator[tuple[str, str, int, TimePoint]]:
    for question in grid.questions:
        for option_id, answer in question.answers.items():
            if answer.likelihood is not None:
                for index, point in enumerate(answer.likelihood.points):
                    yield question.id, option_id, index, point


def _c2_citations(grid: OptionGrid) -> IpdasItem:
    points = list(_points(grid))
    untraced = [
        f"{question_id}/{option_id}"
        for question_id, option_id, _, point in points
        if point.source_figure is None
    ]
    with_link = sum(1 for source in grid.sources if source.url or source.doi)
    why = (
        f"{plural(len(grid.sources), 'source')} cited ({with_link} with a DOI or web address); "
        f"{len(points) - len(untraced)} of {plural(len(points), 'number')} "
        "traced to the figure in the source."
    )
    if untraced:
        why += f" Add 'source_figure' to the numbers in {_and(dict.fromkeys(untraced))}."
    return IpdasItem(
        "C2",
        "Provides citations to the evidence",
        "certification",
        not untraced,
        "each number's 'source_figure'",
        why,
        guaranteed="every answer cites at least one source that exists in 'sources'",
    )


def _c3_publication(grid: OptionGrid, today: date) -> IpdasItem:
    published = grid.governance.published
    met = published <= today
    why = f"Published {published}."
    if not met:
        why += " The publication date lies in the future."
    return IpdasItem(
        "C3",
        "Provides a publication date",
        "certification",
        met,
        "'governance.published'",
        why,
        guaranteed="a valid grid always has a publication date",
    )


def _c4_update_policy(grid: OptionGrid, today: date) -> IpdasItem:
    governance = grid.governance
    short = _short(grid, _texts(grid, governance.update_policy), MIN_WORDS_POLICY)
    overdue = governance.next_review_due < today
    why = (
        f"The update policy has {_word_summary(grid, governance.update_policy)}; "
        f"next review due {governance.next_review_due}."
    )
    if short:
        why += f" Say how and how often the grid is updated ({MIN_WORDS_POLICY}+ words) in {_and(short)}."
    if overdue:
        why += " The review date has passed: the policy is not being kept. Review the grid and set new dates."
    return IpdasItem(
        "C4",
        "Provides information about the update policy",
        "certification",
        not short and not overdue,
        "'governance.update_policy' and 'next_review_due'",
        why,
        guaranteed="a valid grid always has an update policy text and a next review date",
    )


def _c5_uncertainty(grid: OptionGrid) -> IpdasItem:
    silent = [
        f"{question.id}/{option_id}"
        for question in grid.questions
        if question.topic in (QuestionTopic.BENEFITS, QuestionTopic.HARMS)
        for option_id, answer in question.answers.items()
        if answer.likelihood is None and answer.no_number_reason is None
    ]
    judged = sum(
        1
        for question in grid.questions
        for answer in question.answers.values()
        if answer.likelihood is not None and answer.likelihood.certainty.origin == "authors_judgement"
    )
    numbers = sum(
        1 for question in grid.questions for answer in question.answers.values() if answer.likelihood
    )
    why = (
        f"{plural(numbers, 'number')} with a certainty ({judged} judged by the writers, "
        f"{numbers - judged} rated by the source)."
    )
    if silent:
        why += (
            f" Cells that say nothing about how certain the evidence is (no number, no reason): "
            f"{_and(silent)}. Add a likelihood, or a 'no_number_reason' that says what is not known."
        )
    return IpdasItem(
        "C5",
        "Provides information about the levels of uncertainty",
        "certification",
        not silent,
        "every benefits and harms cell: a number with its certainty, or a 'no_number_reason'",
        why,
        guaranteed="every number has a GRADE level and says who rated it",
    )


def _c6_funding(grid: OptionGrid) -> IpdasItem:
    funding = grid.governance.funding
    short = _short(grid, _texts(grid, funding), MIN_WORDS_FUNDING)
    why = f"Funding: {shorten(funding.nl)}."
    if short:
        why += (
            f" Say who paid for the grid, or that nobody did ({MIN_WORDS_FUNDING}+ words), in {_and(short)}."
        )
    return IpdasItem(
        "C6",
        "Provides information about funding sources",
        "certification",
        not short,
        "'governance.funding'",
        why,
        guaranteed="a valid grid always has a funding text",
    )


def ipdas_items(grid: OptionGrid, *, today: date | None = None) -> list[IpdasItem]:
    """The twelve items, Q1-Q6 then C1-C6."""
    today = today or date.today()
    return [
        _q1_problem(grid),
        _q2_decision(grid),
        _q3_options(grid),
        _features(
            grid, QuestionTopic.BENEFITS, "Q4", "Describes the positive features of each option", "benefits"
        ),
        _features(grid, QuestionTopic.HARMS, "Q5", "Describes the negative features of each option", "harms"),
        _q6_living_with(grid),
        _c1_equal_detail(grid),
        _c2_citations(grid),
        _c3_publication(grid, today),
        _c4_update_policy(grid, today),
        _c5_uncertainty(grid),
        _c6_funding(grid),
    ]
