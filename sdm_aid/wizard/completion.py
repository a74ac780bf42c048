"""What each step still needs before Next may move on: the steps' completion rules.

A rule returns the problems (what is missing, for whom) and an empty list when the step is
complete. The step registry (`sdm_aid.wizard.step_registry`) says which rule a step uses.
The screen turns each problem into a plain sentence.

Only the people answering on the shared screen are waited for: someone on their own device
(or at home) answers in their own time, and the owner sees who has answered what
(`sdm_aid.wizard.turns.answered`). The SURE questions 'after' are not part of any step: they
are asked once the conversation with the clinician has taken place.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sdm_aid.content.models import OptionGrid
from sdm_aid.sessions.models import DecisionSession


def leaned_options(session: DecisionSession, grid: OptionGrid) -> list[str]:
    """Option ids that at least one participant leans to, in the grid's column order."""
    leanings = {answers.leaning for answers in session.answers.values()}
    return [option.id for option in grid.options if option.id in leanings]


class Missing(StrEnum):
    """Why Next cannot move on yet. The UI turns each into a plain sentence."""

    IMPORTANCE = "importance"
    LEANING = "leaning"
    CONFIDENCE = "confidence"
    UNDERSTANDING = "understanding"
    OUTCOME = "outcome"
    FOLLOW_UP = "follow_up"


@dataclass(frozen=True)
class Problem:
    missing: Missing
    participant_id: str | None = None
    option_id: str | None = None


def nothing_missing(session: DecisionSession, grid: OptionGrid) -> list[Problem]:
    """For steps that only show something (or ask nothing that is required)."""
    return []


def values(session: DecisionSession, grid: OptionGrid) -> list[Problem]:
    problems: list[Problem] = []
    wanted = {c.id for c in grid.considerations}
    for person in session.family_here:
        answers = session.answers.get(person.id)
        if answers is None or not wanted <= answers.importance.keys():
            problems.append(Problem(Missing.IMPORTANCE, person.id))
        if answers is None or answers.leaning is None:
            problems.append(Problem(Missing.LEANING, person.id))
    return problems


def ability(session: DecisionSession, grid: OptionGrid) -> list[Problem]:
    # Each option someone leans to needs at least one person's confidence; the others may
    # answer too, but a parent who leans elsewhere is not forced to.
    problems = []
    for option_id in leaned_options(session, grid):
        rated = any(
            (ability := answers.ability.get(option_id)) is not None and ability.confidence is not None
            for answers in session.answers.values()
        )
        if not rated:
            problems.append(Problem(Missing.CONFIDENCE, option_id=option_id))
    return problems


def understanding(session: DecisionSession, grid: OptionGrid) -> list[Problem]:
    wanted = {item.id for item in grid.understanding_checks}
    problems = []
    for person in session.family_here:
        answers = session.answers.get(person.id)
        if answers is None or not wanted <= answers.understanding.keys():
            problems.append(Problem(Missing.UNDERSTANDING, person.id))
    return problems


def decide(session: DecisionSession, grid: OptionGrid) -> list[Problem]:
    return [] if session.outcome is not None else [Problem(Missing.OUTCOME)]


def follow_up(session: DecisionSession, grid: OptionGrid) -> list[Problem]:
    # Completing the step needs a planned follow-up; after a decision (not a deferral) the
    # family may instead skip it with a reason.
    return [Problem(Missing.FOLLOW_UP)] if session.follow_up is None else []
